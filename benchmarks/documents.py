"""Documents benchmark (issue 12, « Performance »).

- ``feuille-de-route documents --sortie DOSSIER`` (the embedded Grand Périgueux: HTML,
  PDF and DOCX) in a process of its own, wall time (median of the runs) and CPU time of
  the process and its children (Chromium included); objective < 15 s.
- The same work in-process, step by step (imports already done), tells where the time
  goes: reading the workbook, the in-memory store (Oxigraph), the catalogue queries, the
  model, the chantier maps, then each format.

Results go to ``benchmarks/resultats/documents.json`` and ``.md``.

    python -m benchmarks.documents [--repetitions 3]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

RESULTS = Path(__file__).resolve().parent / "resultats"
LIMIT = 15.0


def _timed(func: Callable[[], Any]) -> tuple[tuple[float, float], Any]:
    """(wall time, CPU time of this process) of ``func()``, and its value."""
    start, cpu = time.perf_counter(), time.process_time()
    value = func()
    return (time.perf_counter() - start, time.process_time() - cpu), value


def _command(repetitions: int) -> dict[str, Any]:
    executable = Path(sys.executable).with_name("feuille-de-route")
    times: list[float] = []
    cpu: list[float] = []
    code = 0
    for _ in range(repetitions):
        with tempfile.TemporaryDirectory() as folder:
            argv = [str(executable), "documents", "--sortie", str(Path(folder) / "documents")]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, check=False)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            code = code or done.returncode
            times.append(seconds)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {
        "median_s": statistics.median(times),
        "runs_s": times,
        "cpu_s": statistics.median(cpu),
        "exit": code,
    }


def _steps() -> dict[str, tuple[float, float]]:
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore
    from feuille_de_route.viz._document_data import fetch_document
    from feuille_de_route.viz._document_docx import render_document_docx
    from feuille_de_route.viz._document_html import render_document_html
    from feuille_de_route.viz._document_map import draw_chantier_map
    from feuille_de_route.viz._document_model import build_document
    from feuille_de_route.viz._document_pdf import html_to_pdf

    steps: dict[str, tuple[float, float]] = {}
    steps["lecture du classeur"], graph = _timed(lambda: load_roadmap(None))
    steps["stockage en mémoire (Oxigraph)"], store = _timed(lambda: MemoryStore(graph))
    steps["requêtes du catalogue"], data = _timed(lambda: fetch_document(store))
    steps["modèle des documents"], document = _timed(lambda: build_document(data))
    steps["cartes des chantiers (SVG et PNG)"], maps = _timed(
        lambda: {c: draw_chantier_map(data.for_chantier(c), c) for c in data.chantier_ids()}
    )
    steps["HTML"], html = _timed(lambda: render_document_html(document, maps))
    steps["PDF (Chromium)"], _ = _timed(lambda: html_to_pdf(html))
    steps["DOCX"], _ = _timed(lambda: render_document_docx(document, maps))
    return steps


def _markdown(report: dict[str, Any]) -> str:
    command = report["commande"]
    verdict = "tenu" if command["median_s"] < LIMIT else "non tenu"
    lines = [
        "# Banc des documents",
        "",
        f"Mesuré le {report['date']} : {report['processeurs']} processeurs (charge "
        f"{report['charge']}), Python {report['python']}.",
        "",
        "## `feuille-de-route documents --sortie DOSSIER` (Grand Périgueux : HTML, PDF, DOCX)",
        "",
        "Processus à part ; temps CPU : utilisateur + système du processus et de ses enfants "
        "(Chromium compris), moins sensible que la durée à la charge des autres processus.",
        "",
        "| durée (médiane) | essais | temps CPU (médiane) | objectif < 15 s |",
        "|---:|---|---:|---|",
        f"| {command['median_s']:.2f} s | {', '.join(f'{t:.2f}' for t in command['runs_s'])} "
        f"| {command['cpu_s']:.2f} s | {verdict} |",
        "",
        "## Étapes, dans le processus du banc (imports faits)",
        "",
        "Temps CPU : celui du processus du banc (sans Chromium, processus à part).",
        "",
        "| étape | durée | temps CPU |",
        "|---|---:|---:|",
        *(
            f"| {name} | {wall:.2f} s | {cpu:.2f} s |"
            for name, (wall, cpu) in report["etapes"].items()
        ),
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.documents")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args(argv)
    report: dict[str, Any] = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "processeurs": os.cpu_count(),
        "charge": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "commande": _command(args.repetitions),
        "etapes": _steps(),
        "objectif_s": LIMIT,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "documents.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    text = _markdown(report)
    (RESULTS / "documents.md").write_text(text, encoding="utf-8")
    print(text)
    return 0 if report["commande"]["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
