"""``feuille-de-route construire``: a workbook to RDF files, or a graph back to a workbook."""

import argparse
from pathlib import Path

from ._arguments import add_roadmap_argument, roadmap_limits

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "construire",
        help="construire le graphe RDF d'un classeur (Turtle, JSON-LD, N-Triples, TriG, N-Quads)",
        description=(
            "Lit un classeur de feuille de route (.xlsx, .ods ou dossier de .csv ; par défaut "
            "celui du Grand Périgueux, embarqué) ou un fichier RDF (.ttl, .jsonld, .nt, .rdf, "
            ".trig, .nq), "
            "construit le graphe et l'écrit dans le dossier --sortie en Turtle, N-Triples, "
            "JSON-LD (contexte inclus), et en TriG et N-Quads où la feuille de route est "
            "rangée dans le graphe nommé par son IRI. Avec --classeur, écrit "
            "aussi le graphe sous forme de classeur (export inverse : graphe → classeur). "
            "Rien n'est écrit si le classeur contient une erreur."
        ),
        epilog=(
            "Exemples : feuille-de-route construire --sortie sortie/rdf ; "
            "feuille-de-route construire mon-territoire.xlsx --sortie sortie/rdf ; "
            "feuille-de-route construire sortie/rdf/feuille-de-route.ttl "
            "--classeur mon-territoire.ods"
        ),
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--sortie",
        type=Path,
        metavar="DOSSIER",
        help=(
            "dossier où écrire feuille-de-route.ttl, .nt, .jsonld, .trig, .nq et contexte.jsonld"
        ),
    )
    parser.add_argument(
        "--classeur",
        dest="vers_classeur",
        type=Path,
        metavar="FICHIER",
        help=(
            "écrire aussi le graphe en classeur : FICHIER.xlsx, FICHIER.ods ou un dossier "
            "(un .csv par feuille), avec notes et listes déroulantes"
        ),
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import UserError
    from feuille_de_route.graph import (
        GRAND_PERIGUEUX,
        count_by_class,
        export_graph,
        graph_to_workbook,
        load_roadmap,
        write_workbook,
    )
    from feuille_de_route.graph._workbook_io import target_format

    if args.sortie is None and args.vers_classeur is None:
        raise UserError(
            "indiquez où écrire : --sortie DOSSIER (fichiers RDF) et/ou --classeur FICHIER "
            "(classeur .xlsx, .ods ou dossier de .csv)"
        )
    if args.vers_classeur is not None:
        target_format(args.vers_classeur)  # refuse a bad suffix before writing anything
    source = args.classeur or GRAND_PERIGUEUX
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    # Everything that can fail on the data happens before the first file is written.
    workbook = graph_to_workbook(graph) if args.vers_classeur is not None else None
    print(f"Graphe construit depuis {source} : {len(graph)} triplets.")
    for label, count in count_by_class(graph):
        if count:
            print(f"  {label} : {count}")
    if args.sortie is not None:
        for path in export_graph(graph, args.sortie):
            print(f"  écrit : {path}")
    if workbook is not None:
        for path in write_workbook(workbook, args.vers_classeur):
            print(f"  classeur écrit : {path}")
    return 0
