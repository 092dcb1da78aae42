"""Rebuild the national reference data shipped in ``graph/donnees/reference/``.

Reads the originals (``../shared/data/decoupage-administratif/`` and ``../shared/data/ifn/``)
and writes compact gzip'd CSV tables, byte for byte the same on every run (sorted rows,
gzip without name nor date, the csv module's default dialect). Values are copied as text:
no number is parsed and printed again, so the tables equal the originals.

Usage: ``.venv/bin/python tools/construire_reference.py [--donnees DOSSIER] [--sortie DOSSIER]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from feuille_de_route import UserError, atomic_write_files
from feuille_de_route.graph import IFN_INDICATORS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUTPUT = ROOT / "graph" / "donnees" / "reference"


# File name → header; the reader (graph/_reference.py) expects exactly these.
HEADERS: dict[str, tuple[str, ...]] = {
    "communes.csv.gz": (
        "code_insee",
        "nom",
        "population",
        "departement",
        "region",
        "siren",
        "epci",
    ),
    "epci.csv.gz": ("siren", "nom", "type", "population_municipale", "population_totale"),
    "membres.csv.gz": ("epci", "code_insee", "siren", "nom"),
    "departements.csv.gz": ("code", "nom", "region"),
    "ifn-communes.csv.gz": ("code", "nom", *IFN_INDICATORS),
    "ifn-epci.csv.gz": ("code", "nom", *IFN_INDICATORS),
}


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise UserError(f"{path} : fichier introuvable (données d'origine attendues)") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} : JSON invalide ({exc})") from exc


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _communes(data: Path, epci_of: dict[str, str]) -> list[tuple[str, ...]]:
    communes = _load_json(data / "decoupage-administratif" / "communes.json")
    rows = [
        (
            c["code"],
            c["nom"],
            _text(c.get("population")),
            _text(c.get("departement")),
            _text(c.get("region")),
            _text(c.get("siren")),
            epci_of.get(c["code"], ""),
        )
        for c in communes
        if c.get("type") == "commune-actuelle"
    ]
    return sorted(rows)


def _epci(epcis: list[dict[str, Any]]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    table: list[tuple[str, ...]] = sorted(
        (
            e["code"],
            e["nom"],
            e["type"],
            _text(e.get("populationMunicipale")),
            _text(e.get("populationTotale")),
        )
        for e in epcis
    )
    members: list[tuple[str, ...]] = sorted(
        (e["code"], m["code"], _text(m.get("siren")), m["nom"]) for e in epcis for m in e["membres"]
    )
    return table, members


def _departements(data: Path) -> list[tuple[str, ...]]:
    departements = _load_json(data / "decoupage-administratif" / "departements.json")
    return sorted((d["code"], d["nom"], _text(d.get("region"))) for d in departements)


def _ifn(path: Path) -> list[tuple[str, ...]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError as exc:
        raise UserError(f"{path} : fichier introuvable (données d'origine attendues)") from exc
    missing = {"code", "name", *IFN_INDICATORS} - set(rows[0] if rows else ())
    if missing:
        raise UserError(f"{path} : colonnes absentes : {', '.join(sorted(missing))}")
    return sorted((r["code"], r["name"], *(r[i] for i in IFN_INDICATORS)) for r in rows)


def build_tables(data: Path) -> dict[str, list[tuple[str, ...]]]:
    """Every shipped table (file name → rows, header excluded) from the originals in ``data``."""
    epcis = _load_json(data / "decoupage-administratif" / "epci.json")
    epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"]}
    epci_table, members = _epci(epcis)
    return {
        "communes.csv.gz": _communes(data, epci_of),
        "epci.csv.gz": epci_table,
        "membres.csv.gz": members,
        "departements.csv.gz": _departements(data),
        "ifn-communes.csv.gz": _ifn(data / "ifn" / "ifn-communes.csv"),
        "ifn-epci.csv.gz": _ifn(data / "ifn" / "ifn-epci.csv"),
    }


def render(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Gzip'd CSV (the csv module's default dialect), the same bytes on every run."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
        out.write(text.getvalue().encode("utf-8"))
    return raw.getvalue()


def rendered(data: Path) -> dict[str, bytes]:
    """File name → bytes of every shipped table."""
    return {name: render(HEADERS[name], rows) for name, rows in build_tables(data).items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "Reconstruit les données de référence nationales embarquées (communes, EPCI, "
            "indice de fragilité numérique) depuis les fichiers d'origine."
        )
    )
    parser.add_argument(
        "--donnees", type=Path, default=DEFAULT_DATA, help="dossier des données d'origine"
    )
    parser.add_argument(
        "--sortie", type=Path, default=DEFAULT_OUTPUT, help="dossier des tables produites"
    )
    args = parser.parse_args(argv)
    try:
        files = rendered(args.donnees)
    except UserError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 2
    args.sortie.mkdir(parents=True, exist_ok=True)
    for path in atomic_write_files(args.sortie, files):
        print(f"écrit : {path} ({path.stat().st_size} octets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
