"""Arguments several commands share."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UserError

if TYPE_CHECKING:
    from feuille_de_route.graph import InputLimits

__all__ = ["add_roadmap_argument", "roadmap_limits"]

ROADMAP_HELP = (
    "classeur .xlsx, .ods ou dossier de .csv, ou graphe RDF .ttl, .jsonld, .nt, .rdf, .trig "
    "ou .nq "
    "(par défaut : la feuille de route embarquée du Grand Périgueux)"
)


def add_roadmap_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional positional ``CLASSEUR`` (stored as ``args.classeur``).

    ``None`` means the embedded Grand Périgueux roadmap, as ``graph.load_roadmap`` reads it.
    """
    parser.add_argument("classeur", nargs="?", type=Path, metavar="CLASSEUR", help=ROADMAP_HELP)
    parser.add_argument(
        "--limite-taille",
        type=float,
        default=50.0,
        metavar="MO",
        help=(
            "taille maximale du CLASSEUR en mégaoctets, sur le disque comme une fois "
            "décompressé (défaut : 50 Mo) : au-delà il est refusé avant d'être lu"
        ),
    )
    parser.add_argument(
        "--limite-triplets",
        type=int,
        default=100_000,
        metavar="N",
        help="nombre maximal de triplets d'un graphe RDF donné en CLASSEUR (défaut : 100000)",
    )


def roadmap_limits(args: argparse.Namespace) -> "InputLimits":
    """The input limits the options give (``--limite-taille``, ``--limite-triplets``)."""
    from feuille_de_route.graph import InputLimits

    megabytes: float = getattr(args, "limite_taille", 50.0)
    triples: int = getattr(args, "limite_triplets", 100_000)
    if not 0 < megabytes < 1024 * 1024:
        raise UserError(f"--limite-taille doit être un nombre de Mo positif, pas {megabytes}.")
    if not triples > 0:
        raise UserError(f"--limite-triplets doit être un nombre positif, pas {triples}.")
    return InputLimits(max_bytes=int(megabytes * 1024 * 1024), max_triples=triples)
