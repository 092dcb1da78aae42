"""``feuille-de-route similaires`` over every EPCI (issue 11): target < 1 s.

Three figures, each the best of ``--repetitions`` runs: the command as a user runs it
(a process of its own: Python start, imports, the shipped reference tables read, every
EPCI ranked, JSON written), the first ranking in a fresh process (reference tables and
z-scores computed), and a ranking once they are in memory. Results go to
``benchmarks/resultats/similaires.md`` and ``.json``.

    python -m benchmarks.similaires [--repetitions 5] [--epci 200040392]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]

RESULTS = Path(__file__).resolve().parent / "resultats"
TARGET_S = 1.0
_FIRST = (
    "import time, sys; t = time.perf_counter(); "
    "from feuille_de_route.graph import epcis, rank_similar; "
    "n = len(rank_similar(sys.argv[1], number=len(epcis()))); "
    "print(time.perf_counter() - t, n)"
)


def _command(siren: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of the command in a process of its own."""
    command = Path(sys.executable).with_name("feuille-de-route")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [str(command), "similaires", "--epci", siren, "--nombre", "100000", "--format", "json"],
        capture_output=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert json.loads(done.stdout), "aucun EPCI classé"
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def _first(siren: str) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", _FIRST, siren], capture_output=True, text=True, check=True
    )
    seconds, count = done.stdout.split()
    return float(seconds), int(count)


def _warm(siren: str) -> float:
    from feuille_de_route.graph import epcis, rank_similar

    rank_similar(siren, number=len(epcis()))
    start = time.perf_counter()
    rank_similar(siren, number=len(epcis()))
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.similaires")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--epci", default="200040392")
    args = parser.parse_args(argv)
    runs = max(args.repetitions, 1)
    commands = [_command(args.epci) for _ in range(runs)]
    command, cpu = min(c[0] for c in commands), min(c[1] for c in commands)
    firsts = [_first(args.epci) for _ in range(runs)]
    first, ranked = min(f[0] for f in firsts), firsts[0][1]
    warm = min(_warm(args.epci) for _ in range(runs))
    result = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "processeurs": os.cpu_count(),
            "charge": list(os.getloadavg()),
            "python": platform.python_version(),
        },
        "epci": args.epci,
        "epci_classes": ranked,
        "repetitions": runs,
        "commande_s": round(command, 3),
        "commande_cpu_s": round(cpu, 3),
        "premier_classement_s": round(first, 3),
        "classement_en_memoire_s": round(warm, 4),
        "cible_s": TARGET_S,
    }
    result["precedent"] = _previous()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "similaires.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (RESULTS / "similaires.md").write_text(_markdown(result), encoding="utf-8")
    print(_markdown(result))
    return 0


def _previous() -> dict[str, object] | None:
    try:
        old = json.loads((RESULTS / "similaires.json").read_text(encoding="utf-8"))
        keys = ("date", "commande_s", "premier_classement_s", "classement_en_memoire_s")
        return {k: old[k] for k in keys}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _markdown(r: dict[str, object]) -> str:
    before = r.get("precedent")
    evolution = (
        f"\nPassage précédent ({before['date']}) : commande {before['commande_s']} s, "
        f"premier classement {before['premier_classement_s']} s, classement en mémoire "
        f"{before['classement_en_memoire_s']} s. Depuis : le paquet `graph` importe ses noms "
        "à la demande, `similaires --epci` ne charge ni rdflib ni NumPy, et ne lit que les "
        "tables des EPCI (avec leurs membres) et leur IFN.\n"
        if isinstance(before, dict)
        else ""
    )
    return (
        "# `feuille-de-route similaires` sur tous les EPCI\n\n"
        f"{r['date']}, {r['repetitions']} répétitions (meilleur temps), EPCI {r['epci']}, "
        f"{r['epci_classes']} EPCI classés ; machine : {r['machine']}.\n\n"
        "| mesure | secondes | cible |\n|---|---|---|\n"
        f"| commande complète (démarrage de Python, imports, tables, classement, JSON) "
        f"| {r['commande_s']} | < {r['cible_s']} |\n"
        f"| premier classement d'un processus (tables de référence lues, scores z) "
        f"| {r['premier_classement_s']} | < {r['cible_s']} |\n"
        f"| classement, tables en mémoire | {r['classement_en_memoire_s']} | |\n"
        f"| temps CPU de la commande (utilisateur + système, meilleur) "
        f"| {r['commande_cpu_s']} | |\n" + evolution
    )


if __name__ == "__main__":
    sys.exit(main())
