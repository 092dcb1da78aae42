"""``feuille-de-route carto-comparee``: the comparison map of two territories."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ._store_options import open_oxigraph

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["register"]

EPILOG = (
    "Exemples : feuille-de-route carto-comparee pays-ete saint-cernin ete.xlsx leon.ods "
    "--sortie comparaison/ ; feuille-de-route carto-comparee 200040392 200040095 "
    "--stockage entrepot --sortie grand-perigueux-ete.html. Code de sortie : 0 quand la "
    "carte est écrite ; 3 quand A ou B ne désigne aucune feuille de route du stockage "
    "(comme requete pour un paramètre qui ne désigne rien) ; 2 pour une erreur."
)


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "carto-comparee",
        aliases=["cartographie-comparee"],
        help="dessiner la carte comparée de deux territoires (page HTML autonome)",
        description=(
            "Dessine la carte de deux territoires d'un même stockage : A à gauche, B à "
            "droite, au milieu leurs partenaires communs (même organisation nationale, par "
            "SIRET ou RNA), leurs programmes nationaux communs et leurs thèmes communs ; "
            "liens par statut comme sur les autres cartes (trait plein : opérante ; "
            "pointillé : connue, sans lien ; orange « ? » : hypothèse), avec légende, "
            "filtres, recherche et détails au clic. Une page HTML autonome, hors ligne."
        ),
        epilog=EPILOG,
    )
    for name, words in (("territoire_a", "A"), ("territoire_b", "B")):
        parser.add_argument(
            name,
            metavar=words,
            help=(
                f"territoire {words} : IRI ou identifiant de sa feuille de route, ou SIREN "
                "de son EPCI"
            ),
        )
    parser.add_argument(
        "fichiers",
        nargs="*",
        type=Path,
        metavar="FICHIER",
        help=(
            "feuilles de route à lire d'abord (classeur .xlsx, .ods, dossier de .csv, ou "
            "RDF .ttl, .jsonld, .nt, .rdf, .trig, .nq) ; avec --stockage, chacune y remplace "
            "sa version précédente"
        ),
    )
    _add_sources(parser)
    parser.add_argument(
        "--sortie",
        type=Path,
        required=True,
        metavar="DOSSIER|FICHIER.html",
        help="dossier qui reçoit comparaison.html, ou fichier .html",
    )
    parser.set_defaults(func=_run)


def _add_sources(parser: argparse.ArgumentParser) -> None:
    """Where the two roadmaps are: ``--stockage``, ``--endpoint``, ``--delai``, limits."""
    from ._arguments import add_delay_argument, add_limit_arguments
    from ._store_options import SERVERS_HELP

    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--stockage",
        type=Path,
        metavar="DOSSIER",
        help="stockage Oxigraph persistant qui contient (ou reçoit) les feuilles de route",
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="serveur SPARQL 1.1 qui contient les deux feuilles de route. " + SERVERS_HELP,
    )
    add_delay_argument(parser)
    add_limit_arguments(
        parser,
        size_help="taille maximale de chaque FICHIER en mégaoctets (défaut : 50 Mo)",
        triples_help=(
            "nombre maximal de triplets d'un graphe RDF donné en FICHIER (défaut : 100000)"
        ),
    )


def _run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from feuille_de_route import terminal_safe
    from feuille_de_route.viz import write_comparison

    with closing(comparison_store(args)) as store:
        path = write_comparison(store, args.territoire_a, args.territoire_b, args.sortie)
    print(f"Carte comparée écrite : {terminal_safe(str(path))} (à ouvrir dans un navigateur).")
    return 0


def comparison_store(args: argparse.Namespace) -> "Store":
    """The store holding both roadmaps: the FICHIERS in memory, an Oxigraph folder (the
    FICHIERS loaded into it first) or a SPARQL server."""
    from rdflib import Graph

    from feuille_de_route import UserError
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import (
        EndpointStore,
        MemoryStore,
        roadmap_graph_name,
    )

    from ._arguments import checked_seconds, roadmap_limits

    files: list[Path] = args.fichiers
    checked_seconds(args.delai)
    limits = roadmap_limits(args)
    if args.endpoint:
        if files:
            raise UserError(
                "Donnez soit des FICHIERS, soit --endpoint : la commande lit le serveur tel "
                "qu'il est (pour y envoyer une feuille de route : feuille-de-route publier)."
            )
        return EndpointStore(args.endpoint, timeout=args.delai)
    if args.stockage is not None:
        store = open_oxigraph(args.stockage, args.delai)
        for path in files:
            graph = load_roadmap(path, limits)
            store.add_graph(graph, roadmap_graph_name(graph))
        return store
    if not files:
        raise UserError(
            "la carte comparée lit deux feuilles de route : donnez leurs FICHIERS, ou "
            "--stockage DOSSIER, ou --endpoint URL."
        )
    union = Graph()
    for path in files:
        union += load_roadmap(path, limits)
    return MemoryStore(union, timeout=args.delai)
