"""Regenerate ``communes.csv`` of the embedded Grand Périgueux roadmap from ../shared/data.

The output is deterministic: communes sorted by INSEE code, IFN scores copied as the
exact text of ``ifn-communes.csv`` (no float round trip), CSV written with the csv
module's defaults. The typology class of each commune is NOT in the seed: it is
assigned by the documented rule below (also written in ``SOURCES.md``) and every row
says so in its ``hypothèse`` cell.

Usage: ``.venv/bin/python tools/extraire_communes.py [--donnees DOSSIER] [--sortie FICHIER]``
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from feuille_de_route import UserError, atomic_write_text
from feuille_de_route.graph import IFN_COLUMNS as IFN_COLUMNS_BY_INDICATOR

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUTPUT = ROOT / "graph" / "donnees" / "grand-perigueux" / "communes.csv"

EPCI_SIREN = "200040392"

# Workbook column → IFN CSV column, as the builder reads them.
IFN_COLUMNS: dict[str, str] = {
    column: notation for column, (_, notation) in IFN_COLUMNS_BY_INDICATOR.items()
}

HEADER: list[str] = [
    "code insee",
    "nom",
    "population",
    "epci",
    "classe",
    *IFN_COLUMNS,
    "source",
    "hypothèse",
]

SOURCE = (
    "code, nom, population (municipale) : @etalab/decoupage-administratif 6.0.0 "
    "(communes.json, membres de l'EPCI 200040392 dans epci.json) ; scores : Indice de "
    "fragilité numérique (La MedNum et ANSA), ifn-communes.csv tel que republié dans les "
    "données publiques de l'application inclusion-numerique de l'ANCT (version non datée)"
)

# Communes the seed names in a population group; the group's class wins over the rule
# so the data stays consistent with the diagnostic (see groupes.csv).
NAMED_IN_GROUPS: dict[str, tuple[str, str]] = {
    "24010": ("T3", "G2"),  # Annesse-et-Beaulieu
    "24527": ("T3", "G2"),  # Savignac-les-Églises
    "24102": ("T2", "G5"),  # Chancelade
    "24557": ("T2", "G5"),  # Trélissac (« Trélassac » dans la source)
}

URBAN_POPULATION = 5000
URBAN_POVERTY = 7.0
NO_MAJOR_FRAGILITY = 4.5
CUMULATED_FRAGILITY = 6.5
AGEING = 6.0

RULE = (
    "règle de typologie (hypothèse, la source ne classe pas les communes) : "
    "S = moyenne des scores IFN pauvreté, plus de 65 ans et non scolarisés ; "
    "1) population ≥ 5000 et pauvreté ≥ 7 → T6 ; 2) sinon S < 4,5 → T1 ; "
    "3) sinon population < 5000 et S ≥ 6,5 → T5 ; 4) sinon la fragilité principale est "
    "le plus fort des trois scores (égalité : non scolarisés puis plus de 65 ans) : "
    "non scolarisés → T3 si plus de 65 ans ≥ 6, T4 sinon ; plus de 65 ans → T2 ; "
    "pauvreté → T5 (T6 si population ≥ 5000) ; une commune nommée par la source dans un "
    "groupe de population prend la classe de ce groupe"
)


def typology_class(population: int, poverty: float, older: float, unschooled: float) -> str:
    """Return the typology class the documented rule gives (without the named-commune override)."""
    mean = (poverty + older + unschooled) / 3
    if population >= URBAN_POPULATION and poverty >= URBAN_POVERTY:
        return "T6"
    if mean < NO_MAJOR_FRAGILITY:
        return "T1"
    if population < URBAN_POPULATION and mean >= CUMULATED_FRAGILITY:
        return "T5"
    if unschooled >= older and unschooled >= poverty:
        return "T3" if older >= AGEING else "T4"
    if older >= poverty:
        return "T2"
    return "T6" if population >= URBAN_POPULATION else "T5"


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise UserError(f"{path} : fichier introuvable (données de référence attendues)") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} : JSON invalide ({exc})") from exc


def _members(data: Path) -> list[str]:
    epcis = _load_json(data / "decoupage-administratif" / "epci.json")
    for epci in epcis:
        if epci.get("code") == EPCI_SIREN:
            return sorted(member["code"] for member in epci["membres"])
    raise UserError(f"{data / 'decoupage-administratif' / 'epci.json'} : EPCI {EPCI_SIREN} absent")


def _communes(data: Path) -> dict[str, Mapping[str, Any]]:
    communes = _load_json(data / "decoupage-administratif" / "communes.json")
    return {c["code"]: c for c in communes if c.get("type") == "commune-actuelle"}


def _ifn(data: Path) -> dict[str, dict[str, str]]:
    path = data / "ifn" / "ifn-communes.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["code"]: row for row in csv.DictReader(handle)}
    except FileNotFoundError as exc:
        raise UserError(f"{path} : fichier introuvable (données de référence attendues)") from exc


def build_rows(data: Path) -> list[dict[str, str]]:
    """Return the rows of communes.csv (one per member commune, sorted by INSEE code)."""
    communes = _communes(data)
    ifn = _ifn(data)
    rows: list[dict[str, str]] = []
    for code in _members(data):
        commune = communes.get(code)
        if commune is None:
            raise UserError(f"communes.json : commune {code} (membre de {EPCI_SIREN}) absente")
        population = int(commune["population"])
        row = {"code insee": code, "nom": commune["nom"], "population": str(population)}
        row["epci"] = EPCI_SIREN
        scores = ifn.get(code)
        notes: list[str] = []
        if scores is None:
            row.update(dict.fromkeys(IFN_COLUMNS, ""))
            notes.append("commune absente de ifn-communes.csv : scores IFN laissés vides")
            computed = None
        else:
            row.update({column: scores[field] for column, field in IFN_COLUMNS.items()})
            computed = typology_class(
                population,
                float(scores["poverty_rate"]),
                float(scores["older_65_rate"]),
                float(scores["nscol15p_rate"]),
            )
        named = NAMED_IN_GROUPS.get(code)
        if named is not None:
            klass, group = named
            ruled = f"la règle donnerait {computed}" if computed else "pas de score IFN"
            notes.append(
                f"classe {klass} reprise du groupe {group} qui nomme cette commune "
                f"(correspondance groupe → classe supposée, voir groupes.csv ; {ruled})"
            )
        elif computed is not None:
            klass = computed
            notes.append(f"classe {klass} attribuée par la règle")
        else:
            klass = ""
            notes.append("classe non attribuée faute de scores")
        row["classe"] = klass
        row["source"] = SOURCE
        row["hypothèse"] = " ; ".join([*notes, RULE])
        rows.append(row)
    return rows


def render(rows: Sequence[Mapping[str, str]]) -> str:
    """Serialise rows with the csv module's default dialect, header first."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Régénère communes.csv (43 communes du Grand Périgueux) depuis ../shared/data."
    )
    parser.add_argument(
        "--donnees", type=Path, default=DEFAULT_DATA, help="dossier des données de référence"
    )
    parser.add_argument("--sortie", type=Path, default=DEFAULT_OUTPUT, help="fichier CSV produit")
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.donnees)
    except UserError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 2
    atomic_write_text(args.sortie, render(rows))
    print(f"{len(rows)} communes écrites dans {args.sortie}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
