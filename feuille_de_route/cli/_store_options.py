"""The options every querying command shares: which roadmap, and where its graph lives."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UserError

if TYPE_CHECKING:
    from feuille_de_route.graph.store import OxigraphStore, Store

from ._arguments import add_roadmap_argument, checked_seconds, roadmap_limits

__all__ = ["SERVERS_HELP", "add_store_arguments", "open_oxigraph", "open_store"]

SERVERS_HELP = (
    "Au-delà d'une machine, le graphe se sert depuis un serveur SPARQL 1.1 : "
    "Oxigraph (oxigraph serve --location DOSSIER --union-default-graph, puis "
    "--endpoint http://hôte:7878), Apache Jena Fuseki (--endpoint http://hôte:3030/JEU/query, "
    "jeu de données avec unionDefaultGraph), GraphDB (--endpoint "
    "http://hôte:7200/repositories/DEPOT), Virtuoso (--endpoint http://hôte:8890/sparql) "
    "ou QLever. Le serveur doit présenter l'union des graphes nommés comme graphe par défaut."
)


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``[CLASSEUR] --stockage DOSSIER --endpoint URL --delai SECONDES`` to ``parser``."""
    add_roadmap_argument(parser)
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--stockage",
        type=Path,
        metavar="DOSSIER",
        help=(
            "interroger un stockage Oxigraph persistant dans DOSSIER (créé s'il manque), "
            "pour l'échelle nationale sur une machine : un CLASSEUR donné y est chargé "
            "d'abord, à la place de la version précédente de sa feuille de route ; un "
            "stockage que la commande crée, sans CLASSEUR, reçoit le Grand Périgueux (un "
            "stockage vidé par « retirer » reste vide)"
        ),
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="interroger un serveur SPARQL 1.1 distant (protocole SPARQL). " + SERVERS_HELP,
    )
    parser.add_argument(
        "--delai",
        type=float,
        default=30.0,
        metavar="SECONDES",
        help=(
            "durée maximale de chaque requête, en mémoire, dans le stockage ou au serveur "
            "SPARQL (défaut : 30 s) : au-delà, la requête est arrêtée avec un message"
        ),
    )


def open_store(args: argparse.Namespace) -> "Store":
    """The store the options name: memory (default), Oxigraph on disk, or an endpoint."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import (
        EndpointStore,
        MemoryStore,
        roadmap_graph_name,
    )

    classeur: Path | None = getattr(args, "classeur", None)
    folder: Path | None = getattr(args, "stockage", None)
    endpoint: str | None = getattr(args, "endpoint", None)
    delay = getattr(args, "delai", 30.0)
    checked_seconds(delay)
    if endpoint:
        if classeur is not None:
            raise UserError(
                "Donnez soit un CLASSEUR, soit --endpoint : la commande interroge le serveur "
                "tel qu'il est. Pour y envoyer une feuille de route : "
                "feuille-de-route publier CLASSEUR --endpoint URL."
            )
        return EndpointStore(endpoint, timeout=delay)
    if folder is not None:
        # Only a store this command creates gets the demo: one a user emptied (retirer)
        # stays empty rather than hold a roadmap nobody imported.
        new = not folder.is_dir() or next(folder.iterdir(), None) is None
        store = open_oxigraph(folder, delay)
        if classeur is not None or (new and store.is_empty()):
            graph = load_roadmap(classeur, roadmap_limits(args))
            store.add_graph(graph, roadmap_graph_name(graph))
        return store
    return MemoryStore(load_roadmap(classeur, roadmap_limits(args)), timeout=delay)


def open_oxigraph(folder: Path, timeout: float | None = None) -> "OxigraphStore":
    """The Oxigraph store in ``folder``, each roadmap with its synthèse: one written by
    an earlier version gets it now (``complete_synthesis``), said on stderr."""
    import sys

    from feuille_de_route import terminal_safe
    from feuille_de_route.graph import complete_synthesis
    from feuille_de_route.graph.store import OxigraphStore

    store = OxigraphStore(folder, timeout=timeout)
    completed = complete_synthesis(store)
    if completed:
        print(
            terminal_safe(
                f"Stockage {folder} : synthèse calculée pour {len(completed)} feuille(s) de "
                "route enregistrée(s) par une version antérieure (leurs départements, "
                "régions et comptes, que lisent les questions nationales)."
            ),
            file=sys.stderr,
        )
    return store
