"""The Grand Périgueux in memory on both engines of ``MemoryStore``: Oxigraph and rdflib.

``python -m benchmarks.memoire [--repetitions N]`` builds the embedded roadmap once,
copies it into a ``MemoryStore`` on each engine (the copy timed on its own: N-Triples
written by rdflib and parsed by Oxigraph, or rdflib's Dataset), runs every catalogue
query on both (median of N runs, the same parameters as ``benchmarks.requetes``), and
writes ``resultats/memoire.json`` and ``.md``. ``benchmarks.requetes`` calls
:func:`measure` and prints :func:`table` in its own report too. Goal: each query < 50 ms
on the default engine (Oxigraph), the copy included for ``communes-par-typologie``.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store
    from feuille_de_route.graph.store._memory import Engine

__all__ = ["ENGINES", "GOAL_S", "main", "measure", "table"]

RESULTS = Path(__file__).resolve().parent / "resultats"
ENGINES: tuple[Engine, ...] = ("oxigraph", "rdflib")
GOAL_S = 0.05
FOCUS = "communes-par-typologie"
SLOW_S = 2.0


def _median(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (less sensitive to the load
    of other processes on a shared machine), in seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def _queries(store: Store, runs: int) -> list[dict[str, Any]]:
    from feuille_de_route.queries import run_query

    from ._worker import _params
    from .requetes import cases

    entries = []
    for case in cases(None):
        name, params = case["query"], _params(case["params"])
        first = time.perf_counter()
        rows = len(run_query(name, store, **params))  # first run apart: rdflib keeps its plan
        slow = time.perf_counter() - first > SLOW_S  # then measured once more, not N times
        count = 1 if slow else runs
        wall, cpu = _median(functools.partial(run_query, name, store, **params), count)
        entries.append(
            {
                "query": name,
                "lignes": rows,
                "mediane_s": round(wall, 5),
                "cpu_s": round(cpu, 5),
                "executions": count,
                "statut": "ok",
            }
        )
    return entries


def measure(runs: int = 5) -> dict[str, Any]:
    """Copy and query times of the Grand Périgueux on each engine (seconds, medians)."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore

    start = time.perf_counter()
    graph = load_roadmap(None)
    report: dict[str, Any] = {
        "triplets": len(graph),
        "lecture_s": round(time.perf_counter() - start, 4),
        "executions": runs,
        "moteurs": {},
    }
    for engine in ENGINES:
        copy = functools.partial(MemoryStore, graph, engine=engine)
        copy_s, copy_cpu = _median(copy, runs)
        entries = _queries(copy(), runs)
        report["moteurs"][engine] = {
            "copie_s": round(copy_s, 4),
            "copie_cpu_s": round(copy_cpu, 4),
            "requetes": entries,
        }
        print(f"  {engine} : copie {copy_s * 1000:.1f} ms", file=sys.stderr, flush=True)
    return report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(report: dict[str, Any]) -> list[str]:
    """The report as Markdown lines: copies, then each query on both engines (CPU time,
    wall time in brackets)."""
    ox, rd = report["moteurs"]["oxigraph"], report["moteurs"]["rdflib"]
    rd_by = {e["query"]: e for e in rd["requetes"]}
    focus = next(e for e in ox["requetes"] if e["query"] == FOCUS)
    lines = [
        f"Feuille de route embarquée : {report['triplets']} triplets (lue et construite en "
        f"{report['lecture_s']:.2f} s, hors mesure). Temps CPU du processus (médiane ; "
        "durée entre crochets : elle dépend de la charge de la machine). Copie dans le "
        f"magasin : Oxigraph {_ms(ox['copie_cpu_s'])} [{_ms(ox['copie_s'])}] (N-Triples "
        "écrits par rdflib, lus d'un coup par Oxigraph, vocabulaire compris), rdflib "
        f"{_ms(rd['copie_cpu_s'])} [{_ms(rd['copie_s'])}] (Dataset rdflib). {FOCUS} avec "
        f"la copie : {_ms(ox['copie_cpu_s'] + focus['cpu_s'])} sur Oxigraph, "
        f"{_ms(rd['copie_cpu_s'] + rd_by[FOCUS]['cpu_s'])} sur rdflib.",
        "",
        "| requête | lignes | Oxigraph en mémoire (défaut) | rdflib (référence) "
        "| rdflib / Oxigraph | objectif < 50 ms (Oxigraph) |",
        "|---|---|---|---|---|---|",
    ]
    for entry in ox["requetes"]:
        other = rd_by.get(entry["query"])
        ratio = f"{other['cpu_s'] / max(entry['cpu_s'], 1e-6):.1f}×" if other else "—"
        rows = str(entry["lignes"])
        if other and other["lignes"] != entry["lignes"]:
            rows += f" (rdflib : {other['lignes']})"
        goal = "ok" if entry["cpu_s"] < GOAL_S else "MANQUÉ"
        theirs = f"{_ms(other['cpu_s'])} [{_ms(other['mediane_s'])}]" if other else "—"
        lines.append(
            f"| {entry['query']} | {rows} | {_ms(entry['cpu_s'])} [{_ms(entry['mediane_s'])}] "
            f"| {theirs} | {ratio} | {goal} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memoire")
    parser.add_argument("--repetitions", type=int, default=7)
    args = parser.parse_args(argv)
    report = measure(max(args.repetitions, 1))
    report["date"] = datetime.datetime.now().isoformat(timespec="seconds")
    report["machine"] = {
        "processeurs": os.cpu_count(),
        "charge": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }
    text = "\n".join(
        [
            "# Grand Périgueux en mémoire : Oxigraph et rdflib",
            "",
            f"{report['date']}, médiane de {args.repetitions} exécutions ; machine : "
            f"{report['machine']}.",
            "",
            *table(report),
        ]
    )
    from feuille_de_route import atomic_write_text

    RESULTS.mkdir(exist_ok=True)
    atomic_write_text(RESULTS / "memoire.json", json.dumps(report, ensure_ascii=False, indent=1))
    atomic_write_text(RESULTS / "memoire.md", text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
