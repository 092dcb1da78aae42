"""``python -m benchmarks [--seulement requetes|carto] [options]``: run the benchmarks.

The query benchmark is :mod:`benchmarks.requetes`; the cartography one is
``benchmarks/viz.py`` when it exposes ``main(argv)``. Options not known to the query
benchmark are passed on to the cartography one.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Bancs d'essai : requêtes à l'échelle nationale et cartographie.",
        add_help=False,
    )
    parser.add_argument("--seulement", choices=("requetes", "carto"))
    parser.add_argument("-h", "--help", action="store_true")
    args, rest = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    from . import requetes

    if args.help:
        parser.print_help()
        print()
        requetes.main(["--help"])
        return 0
    code = 0
    own, other = _split(rest)
    if args.seulement in (None, "requetes"):
        code |= requetes.main(own)
    if args.seulement in (None, "carto"):
        try:
            viz = importlib.import_module("benchmarks.viz")
        except ModuleNotFoundError as exc:
            if exc.name != "benchmarks.viz":
                raise
            print("Banc de la cartographie absent (benchmarks/viz.py) : non lancé.")
            return code
        run = getattr(viz, "main", None)
        if run is None:
            print("benchmarks/viz.py n'expose pas main(argv) : banc de la cartographie non lancé.")
            return code
        code |= int(run(other) or 0)
    return code


def _split(rest: list[str]) -> tuple[list[str], list[str]]:
    """The query benchmark's options, and the others (for the cartography benchmark)."""
    with_value = {"--repetitions", "--epci", "--delai-rdflib", "--budget"}
    flags = {"--rapide", "--regenerer"}
    own: list[str] = []
    other: list[str] = []
    i = 0
    while i < len(rest):
        item = rest[i]
        name = item.split("=", 1)[0]
        if name in flags:
            own.append(item)
        elif name in with_value:
            own.append(item)
            if "=" not in item and i + 1 < len(rest):
                i += 1
                own.append(rest[i])
        else:
            other.append(item)
        i += 1
    return own, other


if __name__ == "__main__":
    sys.exit(main())
