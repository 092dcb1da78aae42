"""Diagnostic benchmark (issue 12, « Performance »).

- ``feuille-de-route diagnostic --epci SIREN --sortie DOSSIER`` in a process of its own,
  wall time (median of 3), for the Métropole du Grand Paris (the largest EPCI by
  population, 130 member communes in the shipped data) and the CC de la Haute Saintonge
  (rural, 129 communes); objective < 3 s each. The same work in-process, step by step
  (imports already done), tells where the time goes.
- The typology of every commune of France (~35,000) with the default rules: the package's
  plain-Python ``classify`` against a NumPy vectorised version written here (one boolean
  mask per rule, first match by ``ordre``), which must give the same classes; objective
  < 10 s. pandas is not a dependency of the package: NumPy (already brought by
  matplotlib and the clustering) stands for the array alternative.

Results go to ``benchmarks/resultats/diagnostic.json`` and ``.md``.

    python -m benchmarks.diagnostic [--repetitions 3]
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

__all__ = ["main", "numpy_classes"]

RESULTS = Path(__file__).resolve().parent / "resultats"
EPCIS = (
    ("200054781", "Métropole du Grand Paris"),
    ("200041523", "CC de la Haute Saintonge (rurale)"),
)
COMMAND_LIMIT = 3.0
TYPOLOGY_LIMIT = 10.0


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def _command(siren: str, repetitions: int) -> dict[str, Any]:
    executable = Path(sys.executable).with_name("feuille-de-route")
    times: list[float] = []
    cpu: list[float] = []
    code = 0
    for _ in range(repetitions):
        with tempfile.TemporaryDirectory() as folder:
            argv = [str(executable), "diagnostic", "--epci", siren, "--sortie", folder]
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


def _steps(siren: str) -> dict[str, float]:
    from feuille_de_route.graph import diagnose_epci
    from feuille_de_route.viz import render_diagnostic

    diagnose_seconds, diagnostic = _timed(lambda: diagnose_epci(siren))
    render_seconds, _page = _timed(lambda: render_diagnostic(diagnostic))
    return {"diagnostic_s": diagnose_seconds, "page_s": render_seconds}


def _imports() -> float:
    # What the command imports: the diagnostic's modules and the page's (matplotlib);
    # no scikit-learn since the clustering is NumPy, no networkx/pyvis since viz is lazy.
    code = (
        "import time; t = time.perf_counter(); "
        "from feuille_de_route.graph import diagnose_epci; "
        "from feuille_de_route.viz import render_diagnostic; "
        "print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    return float(done.stdout)


def numpy_classes(communes: Sequence[Any], rules: Sequence[Any]) -> list[str | None]:
    """The class of each commune by the first rule (by ordre) whose conditions all hold,
    None when a value the rules read is missing or out of range, or no rule holds."""
    import operator

    import numpy as np

    compare = {"≥": operator.ge, ">": operator.gt, "≤": operator.le, "<": operator.lt}
    ordered = sorted(rules, key=lambda r: (r.ordre, r.classe))
    names = sorted({c.indicator for r in ordered for c in r.conditions})
    data = np.array(
        [[np.nan if (v := c.values.get(n)) is None else v for n in names] for c in communes]
    )
    scores = np.array([n != "population" for n in names])
    valid = ~np.isnan(data).any(axis=1)
    in_range = (data[:, scores] >= 1) & (data[:, scores] <= 10)
    valid &= in_range.all(axis=1) & (data[:, ~scores] >= 0).all(axis=1)
    chosen = np.full(len(communes), -1)
    for index, rule in enumerate(ordered):
        mask = valid & (chosen < 0)
        for condition in rule.conditions:
            column = data[:, names.index(condition.indicator)]
            mask &= compare[condition.operator](column, condition.threshold)
        chosen[mask] = index
    return [ordered[i].classe if i >= 0 else None for i in chosen.tolist()]


def _typology(repetitions: int) -> dict[str, Any]:
    from feuille_de_route.graph import DEFAULT_RULES, classify, national_communes

    load_seconds, communes = _timed(national_communes)
    plain, numpy = [], []
    for _ in range(repetitions):
        seconds, result = _timed(lambda: classify(communes, DEFAULT_RULES))
        plain.append(seconds)
        seconds, classes = _timed(lambda: numpy_classes(communes, DEFAULT_RULES))
        numpy.append(seconds)
    same = [c.classe for c in result.classifications] == classes
    return {
        "communes": len(communes),
        "load_s": load_seconds,
        "plain_python_s": statistics.median(plain),
        "numpy_s": statistics.median(numpy),
        "same_classes": same,
        "unclassified": len(result.unclassified),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.diagnostic")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "imports_s": _imports(),
        "epci": {
            siren: {"name": name, **_command(siren, args.repetitions), **_steps(siren)}
            for siren, name in EPCIS
        },
        "typology": _typology(args.repetitions),
    }
    results["previous"] = _previous()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "diagnostic.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (RESULTS / "diagnostic.md").write_text(_markdown(results), encoding="utf-8")
    print(_markdown(results))
    return 0


def _previous() -> dict[str, Any] | None:
    """The command's figures of the run this one replaces, to show what changed."""
    try:
        old = json.loads((RESULTS / "diagnostic.json").read_text(encoding="utf-8"))
        return {
            "date": old["date"],
            "load": old["load"],
            "imports_s": old["imports_s"],
            "epci": {s: {k: r[k] for k in ("median_s", "cpu_s")} for s, r in old["epci"].items()},
        }
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _evolution(results: dict[str, Any]) -> list[str]:
    previous = results.get("previous")
    if not previous:
        return []
    lines = [
        "",
        f"Passage précédent ({previous['date']}, charge {previous['load']}) : imports "
        f"{previous['imports_s']:.2f} s → {results['imports_s']:.2f} s ;",
    ]
    for siren, row in results["epci"].items():
        old = previous["epci"].get(siren)
        if old:
            lines.append(
                f"- {row['name']} : commande {old['median_s']:.2f} s → {row['median_s']:.2f} s, "
                f"temps CPU {old['cpu_s']:.2f} s → {row['cpu_s']:.2f} s."
            )
    return lines


def _markdown(results: dict[str, Any]) -> str:
    typology = results["typology"]
    lines = [
        "# Banc du diagnostic",
        "",
        f"Mesuré le {results['date']} : {results['cpus']} processeurs (charge "
        f"{results['load']}), Python {results['python']}.",
        "",
        "## `feuille-de-route diagnostic --epci SIREN` (processus à part, médiane)",
        "",
        f"Imports seuls (modules du diagnostic et de sa page, matplotlib compris) : "
        f"{results['imports_s']:.2f} s.",
        "",
        "Temps CPU : utilisateur + système du processus (médiane), moins sensible que la "
        "durée à la charge des autres processus de la machine.",
        "",
        "| EPCI | commande (médiane) | essais | temps CPU | calcul en processus | "
        f"page en processus | objectif < {COMMAND_LIMIT:g} s |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for siren, row in results["epci"].items():
        runs = ", ".join(f"{s:.2f}" for s in row["runs_s"])
        held = "tenu" if row["median_s"] < COMMAND_LIMIT and row["exit"] == 0 else "non tenu"
        lines.append(
            f"| {row['name']} ({siren}) | {row['median_s']:.2f} s | {runs} | "
            f"{row['cpu_s']:.2f} s | "
            f"{row['diagnostic_s']:.2f} s | {row['page_s']:.2f} s | {held} |"
        )
    lines += _evolution(results)
    lines += [
        "",
        f"## Typologie de toutes les communes ({typology['communes']})",
        "",
        f"Lecture des tables embarquées : {typology['load_s']:.2f} s (une fois).",
        "",
        f"| mise en œuvre | durée (médiane) | objectif < {TYPOLOGY_LIMIT:g} s |",
        "|---|---:|---|",
        f"| Python pur (`classify`, raisons en français) | {typology['plain_python_s']:.2f} s | "
        f"{'tenu' if typology['plain_python_s'] < TYPOLOGY_LIMIT else 'non tenu'} |",
        f"| NumPy vectorisé (classes seules, sans raison) | {typology['numpy_s']:.2f} s | "
        f"{'tenu' if typology['numpy_s'] < TYPOLOGY_LIMIT else 'non tenu'} |",
        "",
        f"Mêmes classes : {'oui' if typology['same_classes'] else 'NON'} ; communes non "
        f"classées (absentes de l'IFN ou hors de 1 à 10) : {typology['unclassified']}.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
