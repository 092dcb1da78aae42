"""Arguments several commands share."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UserError

if TYPE_CHECKING:
    from feuille_de_route.graph import InputLimits

__all__ = [
    "add_delay_argument",
    "add_depot_argument",
    "add_limit_arguments",
    "add_roadmap_argument",
    "checked_seconds",
    "endpoint_depot",
    "roadmap_limits",
]

_MEGABYTES = 50.0  # default --limite-taille
_TRIPLES = 100_000  # default --limite-triplets

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
    add_limit_arguments(
        parser,
        size_help=(
            "taille maximale du CLASSEUR en mégaoctets, sur le disque comme une fois "
            "décompressé (défaut : 50 Mo) : au-delà il est refusé avant d'être lu"
        ),
        triples_help=(
            "nombre maximal de triplets d'un graphe RDF donné en CLASSEUR (défaut : 100000)"
        ),
    )


def add_limit_arguments(parser: argparse.ArgumentParser, size_help: str, triples_help: str) -> None:
    """Add ``--limite-taille`` and ``--limite-triplets``, read by :func:`roadmap_limits`."""
    parser.add_argument(
        "--limite-taille", type=float, default=_MEGABYTES, metavar="MO", help=size_help
    )
    parser.add_argument(
        "--limite-triplets", type=int, default=_TRIPLES, metavar="N", help=triples_help
    )


def roadmap_limits(args: argparse.Namespace) -> "InputLimits":
    """The input limits the options give (``--limite-taille``, ``--limite-triplets``)."""
    from feuille_de_route.graph import InputLimits

    megabytes: float = getattr(args, "limite_taille", _MEGABYTES)
    triples: int = getattr(args, "limite_triplets", _TRIPLES)
    if not 0 < megabytes < 1024 * 1024:
        raise UserError(f"--limite-taille doit être un nombre de Mo positif, pas {megabytes}.")
    if not triples > 0:
        raise UserError(f"--limite-triplets doit être un nombre positif, pas {triples}.")
    return InputLimits(max_bytes=int(megabytes * 1024 * 1024), max_triples=triples)


def add_delay_argument(
    parser: argparse.ArgumentParser,
    default: float = 30.0,
    help: str = "durée maximale de chaque requête (défaut : 30 s)",
) -> None:
    """Add ``--delai SECONDES`` (``args.delai``), checked by :func:`checked_seconds`."""
    parser.add_argument("--delai", type=float, default=default, metavar="SECONDES", help=help)


def add_depot_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--depot URL`` (``args.depot``): the server's Graph Store address when it
    cannot be found from ``--endpoint`` (see ``graph.store.graph_store_url``)."""
    parser.add_argument(
        "--depot",
        metavar="URL",
        help=(
            "adresse Graph Store si elle ne se déduit pas de --endpoint (Fuseki : "
            "http://hôte:3030/JEU/data ; GraphDB : http://hôte:7200/repositories/DEPOT/"
            "rdf-graphs/service ; Virtuoso : http://hôte:8890/sparql-graph-crud-auth)"
        ),
    )


def endpoint_depot(args: argparse.Namespace) -> str | None:
    """``--depot``, which only a server given by ``--endpoint`` has: else a French error."""
    depot: str | None = args.depot
    if depot is not None and not args.endpoint:
        raise UserError("--depot va avec --endpoint : c'est l'adresse Graph Store du serveur.")
    return depot


def checked_seconds(value: float, option: str = "--delai") -> float:
    """``value`` if it is a finite positive number of seconds, else a French error."""
    if not 0 < value < float("inf"):
        raise UserError(f"{option} doit être un nombre de secondes positif, pas {value}.")
    return value
