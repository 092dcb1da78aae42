"""``feuille-de-route retirer``: take roadmaps out of a store or a server."""

import argparse
from pathlib import Path

from ._arguments import add_delay_argument, add_depot_argument, checked_seconds, endpoint_depot

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "retirer",
        help="retirer des feuilles de route d'un stockage ou d'un serveur SPARQL",
        description=(
            "Retire chaque feuille de route nommée par son IRI, avec ses graphes : le sien "
            "et ceux de son espace (ses lieux de médiation, {IRI}lieux). Une IRI sans aucun "
            "graphe est une erreur, et rien n'est retiré. Dans un stockage, tout est retiré "
            "en une transaction ; sur un serveur, un graphe après l'autre (protocole Graph "
            "Store) : relancer la commande termine un retrait interrompu. Le vocabulaire "
            "reste ; les versions gardées par « versions » (DOSSIER/versions) aussi."
        ),
        epilog=(
            "Exemples : feuille-de-route retirer …/grand-perigueux/ --stockage national ; "
            "feuille-de-route retirer https://w3id.org/feuille-de-route/territoires/"
            "grand-perigueux/ --endpoint http://localhost:7878"
        ),
    )
    parser.add_argument(
        "iris",
        nargs="+",
        metavar="IRI",
        help=(
            "IRI d'une feuille de route, en entier ou comme l'écrit le tableau des "
            "résultats (…/grand-perigueux/)"
        ),
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--stockage", type=Path, metavar="DOSSIER", help="stockage Oxigraph (il doit exister)"
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help=(
            "serveur SPARQL : son adresse de requête (Oxigraph : http://hôte:7878 ; les "
            "graphes sont retirés par …/store), ou une adresse qui sert aussi le protocole "
            "Graph Store (Fuseki : http://hôte:3030/JEU) ; pour un autre serveur, voir --depot"
        ),
    )
    add_depot_argument(parser)
    add_delay_argument(parser)
    parser.set_defaults(func=_run)


def _iris(written: list[str]) -> list[str]:
    """The IRIs given, short forms expanded; one that is no IRI is a French error."""
    from feuille_de_route import UserError, is_absolute_iri, terminal_safe
    from feuille_de_route.queries import expand_iri

    iris = [expand_iri(text.strip()) for text in written]
    bad = [text for text, iri in zip(written, iris, strict=True) if not is_absolute_iri(iri)]
    if bad:
        raise UserError(
            f"« {terminal_safe(bad[0][:200])} » n'est pas une IRI de feuille de route "
            "(attendu : https://… en entier, ou …/territoire/ comme l'écrit un tableau)."
        )
    return iris


def _run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from feuille_de_route import UserError, terminal_safe
    from feuille_de_route.graph.store import EndpointStore, OxigraphStore, remove_roadmaps

    iris = _iris(args.iris)
    checked_seconds(args.delai)
    depot = endpoint_depot(args)
    store: OxigraphStore | EndpointStore
    if args.endpoint:
        store = EndpointStore(args.endpoint, timeout=args.delai, store_url=depot)
    elif not args.stockage.is_dir():
        raise UserError(f"--stockage : le dossier {args.stockage} n'existe pas.")
    else:
        store = OxigraphStore(args.stockage, timeout=args.delai)
    with closing(store):
        removed = remove_roadmaps(store, iris)
        left = store.graph_names()
    for iri, graphs in removed.items():
        others = [g for g in graphs if g != iri]
        also = f" (et {', '.join(f'<{g}>' for g in others)})" if others else ""
        print(terminal_safe(f"Retirée : <{iri}>{also}."))
    if not left and args.stockage is not None:
        print(
            terminal_safe(f"Le stockage {args.stockage} ne contient plus aucune feuille de route.")
        )
    return 0
