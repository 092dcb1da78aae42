"""``feuille-de-route exporter-lieux``: a territory's mediation offer back to the national
standard for lieux de médiation numérique (CSV, validated against its schema)."""

import argparse
from pathlib import Path

from ._arguments import add_roadmap_argument, roadmap_limits

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "exporter-lieux",
        help="écrire les lieux de médiation numérique au standard national (CSV)",
        description=(
            "Lit un classeur ou un graphe RDF (par exemple celui qu'a donné un CSV de lieux "
            "importé) et écrit ses lieux de médiation numérique — les ressources qui ont une "
            "adresse — au standard national des lieux de médiation numérique (standard-"
            "mediation-num v1.0.2) : une ligne par lieu, les colonnes dans l'ordre du schéma, "
            "les valeurs multiples séparées par « | ». Le fichier est validé contre le schéma "
            "avant d'être écrit ; s'il ne l'est pas, rien n'est écrit et chaque écart est "
            "listé par ligne et colonne."
        ),
        epilog="Exemple : feuille-de-route exporter-lieux lieux.ttl --sortie lieux.csv",
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--sortie",
        type=Path,
        required=True,
        metavar="FICHIER",
        help="fichier CSV à écrire (remplacé d'un coup, seulement s'il est valide)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap, write_lieux

    source = args.classeur or GRAND_PERIGUEUX
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    count = write_lieux(graph, args.sortie)
    print(
        f"{count} lieu{'x' if count > 1 else ''} de médiation numérique de {source} écrit"
        f"{'s' if count > 1 else ''} au standard national : {args.sortie}."
    )
    return 0
