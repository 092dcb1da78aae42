"""``feuille-de-route similaires`` over every EPCI (issue 11): target < 1 s.

Figures, each the best of ``--repetitions`` runs: the command as a user runs it (a
process of its own: Python start, imports, the shipped reference tables read, every
EPCI ranked, JSON written), the first ranking in a fresh process (reference tables and
z-scores computed), and a ranking once they are in memory. With a national store (one
published roadmap per EPCI), the command with ``--stockage`` too: the store opened and
checked, every roadmap's themes and programmes read, every EPCI ranked on its profile,
themes and programmes. ``--stockage DOSSIER`` names such a store; ``--national`` builds
one first in a temporary folder (removed after) with ``feuille-de-route importer
--validation rapide`` from the 1,255 roadmaps ``benchmarks.national_import`` caches
(``FDR_SHARED``; about four minutes), then compacted (``Store.optimize``) as a store at
rest is.

The package's bytecode is compiled first, as ``pip install`` does: a process that may not
write it (``PYTHONDONTWRITEBYTECODE``, set on the project's machines) would otherwise
compile every module of the package at each start. Results go to
``benchmarks/resultats/similaires.md`` and ``.json``.

    python -m benchmarks.similaires [--repetitions 5] [--epci 200040392]
        [--stockage DOSSIER | --national]
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
from contextlib import closing
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


def _command(siren: str, store: Path | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of the command in a process of its own."""
    command = Path(sys.executable).with_name("feuille-de-route")
    where = ["--stockage", str(store)] if store is not None else []
    argv = [str(command), "similaires", "--epci", siren, "--nombre", "100000", "--format", "json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [*argv, *where],
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


def _compile_package() -> None:
    import compileall

    import feuille_de_route

    root = Path(feuille_de_route.__file__).resolve().parent
    # graph/, queries/, viz/, ontology/ are linked into the package: compileall skips links
    for folder in (root, *(p.resolve() for p in root.iterdir() if p.is_symlink())):
        compileall.compile_dir(folder, quiet=1)


def _national_store(args: argparse.Namespace) -> Path | None:
    """The national store to rank from: ``--stockage``, or one built by ``importer``."""
    if args.stockage is not None or not args.national:
        return args.stockage  # type: ignore[no-any-return]
    import tempfile

    from .importer import imported_store

    folder = Path(tempfile.mkdtemp(prefix="similaires-")) / "stockage"
    imported_store(folder)
    return folder


def _stored_roadmaps(folder: Path) -> int:
    from feuille_de_route.graph.store import OxigraphStore

    with closing(OxigraphStore(folder)) as store:
        return len(store.graph_names())


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
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--stockage", type=Path, metavar="DOSSIER")
    where.add_argument("--national", action="store_true")
    args = parser.parse_args(argv)
    runs = max(args.repetitions, 1)
    _compile_package()
    store = _national_store(args)
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
        "stockage": _stored_case(args.epci, store, runs) if store is not None else None,
    }
    if args.national and store is not None:
        import shutil

        shutil.rmtree(store.parent, ignore_errors=True)
    result["precedent"] = _previous()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "similaires.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (RESULTS / "similaires.md").write_text(_markdown(result), encoding="utf-8")
    print(_markdown(result))
    return 0


def _stored_case(siren: str, store: Path, runs: int) -> dict[str, object]:
    timings = [_command(siren, store) for _ in range(runs)]
    return {
        "feuilles_de_route": _stored_roadmaps(store),
        "commande_s": round(min(t[0] for t in timings), 3),
        "commande_cpu_s": round(min(t[1] for t in timings), 3),
        "toutes_s": [round(t[0], 3) for t in timings],
    }


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
        f"{before['classement_en_memoire_s']} s.\n"
        if isinstance(before, dict)
        else ""
    )
    return (
        "# `feuille-de-route similaires` sur tous les EPCI\n\n"
        f"{r['date']}, {r['repetitions']} répétitions (meilleur temps), EPCI {r['epci']}, "
        f"{r['epci_classes']} EPCI classés ; machine : {r['machine']}. Le bytecode du paquet "
        "est compilé d'abord, comme le fait `pip install`.\n\n"
        "| mesure | secondes | cible |\n|---|---|---|\n"
        f"| commande complète (démarrage de Python, imports, tables, classement, JSON) "
        f"| {r['commande_s']} | < {r['cible_s']} |\n"
        f"| premier classement d'un processus (tables de référence lues, scores z) "
        f"| {r['premier_classement_s']} | < {r['cible_s']} |\n"
        f"| classement, tables en mémoire | {r['classement_en_memoire_s']} | |\n"
        f"| temps CPU de la commande (utilisateur + système, meilleur) "
        f"| {r['commande_cpu_s']} | |\n" + _stored_rows(r) + evolution
    )


def _stored_rows(r: dict[str, object]) -> str:
    case = r.get("stockage")
    if not isinstance(case, dict):
        return (
            "| commande avec `--stockage` national | non mesurée (donnez --stockage "
            "DOSSIER ou --national) | < 1.0 |\n"
        )
    return (
        f"| commande avec `--stockage` ({case['feuilles_de_route']} feuilles de route : "
        f"stockage ouvert et vérifié, thèmes et programmes lus, classement, JSON) "
        f"| {case['commande_s']} (passages : {case['toutes_s']}) | < {r['cible_s']} |\n"
        f"| temps CPU de cette commande (meilleur) | {case['commande_cpu_s']} | |\n"
    )


if __name__ == "__main__":
    sys.exit(main())
