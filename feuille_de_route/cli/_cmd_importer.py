"""``feuille-de-route importer``: take other territories' roadmaps into a store."""

import argparse
import sys
import textwrap
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UserError
from ._arguments import (
    add_depot_argument,
    add_limit_arguments,
    checked_seconds,
    endpoint_depot,
    roadmap_limits,
)
from ._progress import Progress
from ._store_options import open_oxigraph

if TYPE_CHECKING:
    from feuille_de_route.graph.importer import ImportOutcome, Source

__all__ = ["register"]

_DESCRIPTION = (
    "Importe les feuilles de route d'autres territoires dans un stockage Oxigraph "
    "(--stockage) ou sur un serveur SPARQL (--endpoint). Une SOURCE est un classeur "
    "(.xlsx, .ods, dossier de .csv), un graphe RDF (.ttl, .nt, .jsonld, .rdf, .trig, .nq), "
    "un dossier écrit par publier-site ou sa description DCAT (catalogue.ttl : chaque jeu "
    "de données y est suivi vers sa distribution Turtle ou TriG, dans ce dossier seulement), "
    "sur le disque ou à une adresse http(s):// (téléchargée : c'est le rôle de cette "
    "commande ; taille et durée bornées, jamais file:), ou une feuille de route d'un serveur "
    "SPARQL (--source-endpoint et --feuille-de-route), ou un fichier .csv de lieux de "
    "médiation numérique au standard national (avec --base-iri : l'IRI de base du "
    "territoire auquel ils appartiennent ; ils vont dans son graphe nommé IRI-DE-BASE"
    "lieux). Chaque feuille de route est vérifiée "
    "avant d'entrer : formes SHACL (violations : refusée avec le rapport ; avertissements : "
    "importée, ils sont listés) et portée (une source ne décrit que ce qui est sous son IRI "
    "de base : ni l'ontologie, ni un autre territoire, ni plus que leur classe, leur code et "
    "leur département pour les nœuds nationaux partagés). Elle remplace alors, d'un bloc, la "
    "version précédente de son graphe nommé (l'IRI de la feuille de route). Une source "
    "refusée n'empêche pas les autres. Code de sortie : 0 si tout est importé, 2 si une "
    "source au moins a été refusée (les autres sont importées)."
)

_EPILOG = """Exemples :
  feuille-de-route importer perigueux.xlsx voisins.trig --stockage national
  feuille-de-route importer https://exemple.fr/feuille-de-route/ --stockage national
  feuille-de-route importer site-publie/catalogue.ttl --endpoint http://localhost:7878
  feuille-de-route importer --source-endpoint https://sparql.exemple.fr/query \\
      --feuille-de-route https://exemple.fr/territoires/vallee/ --stockage national
  feuille-de-route importer lieux.csv --stockage national \\
      --base-iri https://w3id.org/feuille-de-route/territoires/grand-perigueux/"""


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "importer",
        help="importer les feuilles de route d'autres territoires (fichiers, sites, serveurs)",
        description=textwrap.fill(_DESCRIPTION, 88),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="chemin ou adresse http(s):// d'une source (plusieurs possibles)",
    )
    _add_target(parser)
    _add_endpoint_sources(parser)
    _add_limits(parser)
    parser.set_defaults(func=_run)


def _add_target(parser: argparse.ArgumentParser) -> None:
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--stockage",
        type=Path,
        metavar="DOSSIER",
        help="stockage Oxigraph où importer (créé s'il manque)",
    )
    target.add_argument(
        "--endpoint",
        metavar="URL",
        help=(
            "serveur SPARQL où importer, par le protocole Graph Store comme publier "
            "(Oxigraph : http://hôte:7878)"
        ),
    )
    add_depot_argument(parser)


def _add_endpoint_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source-endpoint",
        action="append",
        default=[],
        metavar="URL",
        help=(
            "serveur SPARQL d'où lire une feuille de route (une requête CONSTRUCT de son "
            "graphe nommé) ; à donner avec --feuille-de-route, autant de fois que de sources"
        ),
    )
    parser.add_argument(
        "--feuille-de-route",
        action="append",
        default=[],
        metavar="IRI",
        help="IRI de la feuille de route à lire sur le --source-endpoint de même rang",
    )
    parser.add_argument(
        "--base-iri",
        metavar="URL",
        help=(
            "pour une source .csv de lieux de médiation numérique (qui ne porte pas "
            "d'IRI) : l'IRI de base du territoire auquel ils appartiennent, http(s) et "
            "finissant par « / » (celle de sa feuille de route) ; chaque lieu devient "
            "URLlieu/ID, dans le graphe nommé URLlieux, remplacé d'un bloc à chaque import"
        ),
    )


def _add_limits(parser: argparse.ArgumentParser) -> None:
    add_limit_arguments(
        parser,
        size_help=(
            "taille maximale de chaque source en mégaoctets, téléchargée, sur le disque ou "
            "décompressée (défaut : 50 Mo) : au-delà elle est refusée, le téléchargement arrêté"
        ),
        triples_help="nombre maximal de triplets d'une source (défaut : 100000)",
    )
    parser.add_argument(
        "--validation",
        choices=("pyshacl", "rapide"),
        default="pyshacl",
        help=(
            "moteur des formes SHACL : pyshacl (la référence, par défaut) ou rapide (les "
            "formes compilées en SPARQL sur Oxigraph en mémoire : mêmes résultats, bien "
            "plus vite ; voir benchmarks/resultats/importer.md)"
        ),
    )
    parser.add_argument(
        "--silencieux",
        action="store_true",
        help=(
            "sans ligne de progression sur la sortie d'erreur (par défaut : « 312/1255 "
            "feuilles de route importées, 2 refusées — 1 min 20 s restantes », redessinée "
            "sur place dans un terminal, une ligne toutes les 50 sources sinon)"
        ),
    )
    for option, default, what in (
        ("--delai-connexion", 10.0, "pour se connecter à un serveur"),
        ("--delai-lecture", 30.0, "d'attente de chaque lecture de la réponse"),
        ("--delai-total", 300.0, "de chaque téléchargement, du début à la fin"),
        ("--delai", 120.0, "de chaque requête au stockage ou au serveur d'arrivée"),
    ):
        parser.add_argument(
            option,
            type=float,
            default=default,
            metavar="SECONDES",
            help=f"délai maximal {what} (défaut : {default:g} s)",
        )


def _sources(args: argparse.Namespace) -> "list[Source]":
    from feuille_de_route.graph.importer import EndpointSource, Source

    endpoints: list[str] = args.source_endpoint
    roadmaps: list[str] = args.feuille_de_route
    if len(endpoints) != len(roadmaps):
        raise UserError(
            "chaque --source-endpoint va avec une --feuille-de-route (IRI de la feuille de "
            f"route à lire sur ce serveur) : {len(endpoints)} serveur(s), {len(roadmaps)} IRI."
        )
    sources: list[Source] = list(args.sources)
    sources.extend(EndpointSource(u, r) for u, r in zip(endpoints, roadmaps, strict=True))
    if not sources:
        raise UserError(
            "aucune source : donnez au moins un fichier, un dossier, une adresse, ou "
            "--source-endpoint URL --feuille-de-route IRI."
        )
    return sources


def _seconds(args: argparse.Namespace) -> None:
    for option in ("delai_connexion", "delai_lecture", "delai_total", "delai"):
        checked_seconds(getattr(args, option), "--" + option.replace("_", "-"))


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import terminal_safe
    from feuille_de_route.graph.importer import FetchLimits, Reading, import_sources
    from feuille_de_route.graph.store import EndpointStore, Store

    sources = _sources(args)
    _seconds(args)
    depot = endpoint_depot(args)
    reading = Reading(
        roadmap_limits(args),
        FetchLimits(args.delai_connexion, args.delai_lecture, args.delai_total),
        "oxigraph" if args.validation == "rapide" else "pyshacl",
        args.base_iri,
    )
    store: Store
    if args.endpoint:
        store = EndpointStore(args.endpoint, timeout=args.delai, store_url=depot)
    else:
        store = open_oxigraph(args.stockage, args.delai)

    progress = None if args.silencieux else Progress(len(sources), sys.stderr)

    def show(outcome: "ImportOutcome") -> None:
        if progress is not None:
            progress.clear()
            progress.outcome(outcome.imported)
        print(terminal_safe(outcome.text()), flush=True)
        if progress is not None:
            progress.redraw()

    def source_done() -> None:
        if progress is not None:
            progress.source_done()

    with closing(store):
        outcomes = import_sources(sources, store, reading, on_outcome=show, on_source=source_done)
    failed = [o for o in outcomes if not o.imported]
    print()
    csv = any(str(source).casefold().endswith(".csv") for source in args.sources)
    what = "source(s)" if csv else "feuille(s) de route"
    print(
        f"Bilan : {len(outcomes) - len(failed)} {what} importée(s), "
        f"{len(failed)} refusée(s), sur {len(outcomes)}."
    )
    for outcome in failed:
        reason = (outcome.error or "").splitlines()[0]
        print(f"  refusée : {terminal_safe(outcome.source)} — {terminal_safe(reason)}")
    return 2 if failed else 0
