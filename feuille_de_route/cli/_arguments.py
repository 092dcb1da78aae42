"""Arguments several commands share."""

import argparse
from pathlib import Path

__all__ = ["add_roadmap_argument"]

ROADMAP_HELP = (
    "classeur .xlsx, .ods ou dossier de .csv, ou graphe RDF .ttl, .jsonld, .nt ou .rdf "
    "(par défaut : la feuille de route embarquée du Grand Périgueux)"
)


def add_roadmap_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional positional ``CLASSEUR`` (stored as ``args.classeur``).

    ``None`` means the embedded Grand Périgueux roadmap, as ``graph.load_roadmap`` reads it.
    """
    parser.add_argument("classeur", nargs="?", type=Path, metavar="CLASSEUR", help=ROADMAP_HELP)
