"""``importer`` at national scale: N roadmaps (one per EPCI, built by the real builder from
the national generator's workbooks), imported into an Oxigraph store with each SHACL
engine — pyshacl (the reference) and the shapes compiled to SPARQL on Oxigraph
(``validate_on_oxigraph``) — which must agree on every roadmap; plus a bare
``oxigraph load`` of the same files, for the cost of loading itself.

    FDR_SHARED=../shared python -m benchmarks.importer [--nombre N]

Results go to ``benchmarks/resultats/importer.md`` and ``.json``. Each roadmap is written
once as Turtle under ``resultats/cache/`` (as a territory would publish it).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._national import GENERATOR_VERSION, SHARED_DATA, NationalData, _workbook_rows

__all__ = ["imported_store", "main", "roadmaps"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "resultats"
CACHE = RESULTS / "cache"
ENGINES = {"pyshacl": "pyshacl (référence)", "oxigraph": "formes compilées, Oxigraph"}


def _shared() -> Path:
    root = os.environ.get("FDR_SHARED")
    return Path(root) / "data" if root else SHARED_DATA


def roadmaps(count: int) -> list[Path]:
    """Turtle files of the first ``count`` EPCIs (by SIREN), built and cached once."""
    from feuille_de_route.graph import GRAND_PERIGUEUX, build_graph, read_workbook
    from feuille_de_route.graph._workbook import Workbook

    folder = CACHE / f"importer-v{GENERATOR_VERSION}"
    data = NationalData(_shared())
    template_book = read_workbook(GRAND_PERIGUEUX)
    template = {n: [dict(r.cells) for r in sheet] for n, sheet in template_book.sheets.items()}
    paths = []
    for epci in data.epcis[:count]:
        path = folder / f"{epci['code']}.ttl"
        if not path.exists():
            rows = _workbook_rows(template, epci, data.ifn)
            sheets = {k: list(v) for k, v in rows.items()}
            graph = build_graph(Workbook.from_rows(f"synthétique {epci['code']}", sheets))
            folder.mkdir(parents=True, exist_ok=True)
            graph.serialize(path, format="turtle", encoding="utf-8")
        paths.append(path)
    return paths


def imported_store(folder: Path) -> list[Path]:
    """``folder`` made a store of every national roadmap, as a user imports them
    (``feuille-de-route importer --validation rapide``), then compacted: a store at rest
    (one just written is still merging files in the background). Returns their files."""
    import subprocess
    import sys

    import pyoxigraph

    paths = roadmaps(10**6)
    print(f"Import de {len(paths)} feuilles de route dans {folder}…", file=sys.stderr)
    command = Path(sys.executable).with_name("feuille-de-route")
    where = ["--stockage", str(folder), "--silencieux", "--validation", "rapide"]
    subprocess.run(
        [str(command), "importer", *map(str, paths), *where],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pyoxigraph.Store(str(folder)).optimize()
    return paths


def _items(report: Any) -> list[tuple[str, ...]]:
    return sorted(
        (i.severity, str(i.focus), str(i.path), str(i.value), i.message, str(i.component))
        for i in report.violations + report.warnings + report.infos
    )


# pyshacl as ``validate`` called it before it parsed each SPARQL text once: the same
# results, measured beside it.
BARE = "pyshacl-brut"
BARE_LABEL = "pyshacl, chaque texte SPARQL analysé à chaque nœud"


def _bare_pyshacl(graph: Any) -> Any:
    from unittest import mock

    from feuille_de_route.ontology import _validation

    with mock.patch.object(_validation, "_parsed_once", lambda data: data):
        return _validation.validate(graph)


def agreement(paths: Sequence[Path]) -> dict[str, Any]:
    """The engines on each roadmap alone: seconds each, and whether the items agree."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.importer import validate_on_oxigraph
    from feuille_de_route.ontology import validate

    engines = (("pyshacl", validate), (BARE, _bare_pyshacl), ("oxigraph", validate_on_oxigraph))
    times: dict[str, list[float]] = {engine: [] for engine, _check in engines}
    disagreements = []
    items = 0
    for number, path in enumerate(paths, start=1):
        graph = load_roadmap(path)
        answers = {}
        for engine, check in engines:
            start = time.perf_counter()
            answers[engine] = _items(check(graph))
            times[engine].append(time.perf_counter() - start)
        items += len(answers["pyshacl"])
        if not answers["pyshacl"] == answers[BARE] == answers["oxigraph"]:
            disagreements.append(path.name)
        print(f"  concordance {number}/{len(paths)}", file=sys.stderr, flush=True)
    return {
        "par_feuille_de_route_s": {e: round(statistics.median(t), 4) for e, t in times.items()},
        "total_s": {e: round(sum(t), 2) for e, t in times.items()},
        "resultats_compares": items,
        "desaccords": disagreements,
    }


def imported(paths: Sequence[Path], engine: str, folder: Path) -> dict[str, Any]:
    """The whole import of ``paths`` with ``engine``: seconds, outcomes."""
    from feuille_de_route.graph.importer import Reading, import_sources
    from feuille_de_route.graph.store import OxigraphStore

    store = OxigraphStore(folder)
    done = 0

    def progress(_outcome: object) -> None:
        nonlocal done
        done += 1
        print(f"  {ENGINES[engine]} : {done}/{len(paths)}", file=sys.stderr, flush=True)

    start = time.perf_counter()
    outcomes = import_sources(paths, store, Reading(validation=engine), on_outcome=progress)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    return {
        "total_s": round(seconds, 2),
        "par_feuille_de_route_s": round(seconds / len(paths), 4),
        "importees": sum(o.imported for o in outcomes),
        "triplets": sum(o.triples for o in outcomes),
    }


def bare_load(paths: Sequence[Path], folder: Path) -> float | None:
    """Seconds of ``oxigraph load`` of the same files into a new store (None: no binary)."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        return None
    command = [binary, "load", "--location", str(folder)]
    for path in paths:
        command += ["--file", str(path)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return round(time.perf_counter() - start, 2)


def _markdown(report: dict[str, Any]) -> str:
    agree = report["concordance"]
    runs = report["import"]
    speed = agree["par_feuille_de_route_s"]
    ratio = speed["pyshacl"] / speed["oxigraph"] if speed["oxigraph"] else float("nan")
    lines = [
        "# Banc d'essai : importer",
        "",
        f"{report['date']} — {report['machine']} — {report['nombre']} feuilles de route "
        f"synthétiques (générateur national v{GENERATOR_VERSION}), "
        f"{runs['pyshacl']['triplets']} triplets.",
        "",
        "Commande : `FDR_SHARED=../shared python -m benchmarks.importer "
        f"--nombre {report['nombre']}`.",
        "",
        "## Vérification des formes, par feuille de route (médiane)",
        "",
        "| moteur | par feuille de route | total |",
        "|---|---|---|",
    ]
    for engine, label in {**ENGINES, BARE: BARE_LABEL}.items():
        if engine in speed:
            lines.append(f"| {label} | {speed[engine]:.3f} s | {agree['total_s'][engine]:.1f} s |")
    raw = speed.get(BARE)
    lines += [
        "",
        f"Rapport : {ratio:.1f}× plus rapide (objectif de l'issue 11 : ≥ 5×)"
        + (f" ; {raw / speed['oxigraph']:.1f}× pyshacl brut" if raw else "")
        + f". Résultats comparés : {agree['resultats_compares']} ; désaccords (entre les "
        f"trois) : {len(agree['desaccords'])} {agree['desaccords'] or ''}.",
        "",
        "## Import complet (lecture, portée, formes, graphe nommé)",
        "",
        "| moteur | total | par feuille de route | importées |",
        "|---|---|---|---|",
    ]
    for engine, label in ENGINES.items():
        run = runs[engine]
        lines.append(
            f"| {label} | {run['total_s']:.1f} s | {run['par_feuille_de_route_s']:.3f} s | "
            f"{run['importees']}/{report['nombre']} |"
        )
    bare = report["oxigraph_load_s"]
    lines += [
        "",
        f"`oxigraph load` nu des mêmes fichiers : {bare} s"
        + (
            f" ; import avec le moteur rapide : {runs['oxigraph']['total_s'] / bare:.1f}× ce temps."
            if bare
            else "."
        ),
        "",
        "Lecture : l'import lit chaque fichier (analyseur d'Oxigraph, borné, IRI strictes) "
        "vers un graphe rdflib, contrôle la portée, vérifie les formes, puis remplace le "
        "graphe nommé en une mise à jour SPARQL (N-Triples écrits par rdflib) ; le "
        "chargement nu ne fait que charger. La concordance compare, feuille de route par "
        "feuille de route, les résultats des deux moteurs (gravité, nœud, chemin, valeur, "
        "message, composante).",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importer")
    parser.add_argument("--nombre", type=int, default=10, help="feuilles de route (défaut 10)")
    args = parser.parse_args(argv)
    paths = roadmaps(args.nombre)
    print(f"{len(paths)} feuilles de route prêtes.", file=sys.stderr)
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}"
        ),
        "nombre": len(paths),
        "concordance": agreement(paths),
        "import": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        for engine in ENGINES:
            report["import"][engine] = imported(paths, engine, Path(tmp) / engine)
        report["oxigraph_load_s"] = bare_load(paths, Path(tmp) / "nu")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "importer.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "importer.md").write_text(_markdown(report), encoding="utf-8")
    print(_markdown(report))
    return 1 if report["concordance"]["desaccords"] else 0


if __name__ == "__main__":
    sys.exit(main())
