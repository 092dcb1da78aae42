"""``feuille-de-route publier``: put a roadmap's graph on a SPARQL server."""

import argparse

from ._arguments import (
    add_delay_argument,
    add_depot_argument,
    add_roadmap_argument,
    checked_seconds,
    roadmap_limits,
)
from ._store_options import SERVERS_HELP

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "publier",
        help="publier le graphe d'une feuille de route sur un serveur SPARQL",
        description=(
            "Envoie le graphe d'une feuille de route à un serveur SPARQL 1.1 comme le graphe "
            "nommé par l'IRI de la feuille de route (celui où les requêtes du catalogue la "
            "cherchent), par le protocole Graph Store (un seul PUT) : la version précédente de ce "
            "graphe est remplacée d'un bloc, les lecteurs voient l'ancienne ou la nouvelle, "
            "jamais un mélange ; en cas d'échec, le serveur garde la version précédente. "
            + SERVERS_HELP
        ),
        epilog=(
            "Exemple : oxigraph serve --location donnees-sparql --union-default-graph, puis "
            "feuille-de-route publier ma-feuille-de-route.xlsx --endpoint http://localhost:7878"
        ),
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help=(
            "adresse du serveur : http://hôte:7878 ou http://hôte:7878/query pour Oxigraph "
            "(le graphe part vers …/store) ; pour un autre serveur, l'adresse de son point "
            "d'accès Graph Store, ou voir --depot"
        ),
    )
    add_depot_argument(parser)
    add_delay_argument(parser, 120.0, "délai d'attente de l'envoi (défaut : 120 s)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import redact_url, terminal_safe
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import graph_store_url, publish, roadmap_graph_name

    checked_seconds(args.delai)
    # Found (and a --depot checked) once, before the workbook is read: where the graph is
    # written is where the message says it went.
    target = graph_store_url(args.endpoint, args.depot)
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    # Always the roadmap's IRI: the catalogue finds a roadmap by reading the graph of
    # that name, so any other name would leave it out of every restricted query.
    name = roadmap_graph_name(graph)
    count = publish(graph, args.endpoint, name, store_url=target, timeout=args.delai)
    shown = terminal_safe(redact_url(target))
    print(f"Publié : {count} triplets dans le graphe <{terminal_safe(name)}> sur {shown}.")
    return 0
