"""``feuille-de-route communes``: the Communes sheet of an existing workbook, filled from
the national reference data shipped with the package."""

import argparse
from pathlib import Path

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "communes",
        help="remplir la feuille Communes d'un classeur avec les communes d'un EPCI",
        description=(
            "Remplit la feuille Communes d'un classeur existant (.xlsx, .ods ou dossier de "
            ".csv) avec les communes membres d'un EPCI, tirées des données nationales "
            "embarquées dans le paquet : nom, code INSEE (en texte), population municipale, "
            "EPCI et scores de l'indice de fragilité numérique (de 1 à 10, 10 = le plus "
            "fragile). Les autres feuilles ne sont pas modifiées ; le classeur est remplacé "
            "d'un seul coup, jamais à moitié écrit."
        ),
        epilog=(
            "Exemple : feuille-de-route communes --epci 200040392 mon-territoire.xlsx. Une "
            "feuille Communes déjà remplie n'est remplacée qu'avec --force (la colonne "
            "« classe » et les notes saisies seraient perdues)."
        ),
    )
    parser.add_argument(
        "classeur",
        type=Path,
        metavar="CLASSEUR",
        help="le classeur à compléter : FICHIER.xlsx, FICHIER.ods ou dossier de .csv "
        "(écrit par « feuille-de-route modele »)",
    )
    parser.add_argument(
        "--epci",
        metavar="SIREN",
        required=True,
        help="SIREN de l'EPCI (9 chiffres, clé de contrôle vérifiée), par exemple 200040392 "
        "pour la CA Le Grand Périgueux",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="remplacer les lignes que la feuille Communes contient déjà",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route.graph import epci, fill_communes

    found = epci(args.epci)
    written = fill_communes(args.classeur, found.siren, force=args.force)
    print(
        f"Feuille Communes remplie : {len(found.members)} communes de l'EPCI {found.name} "
        f"({found.siren}), données nationales embarquées ; autres feuilles inchangées."
    )
    print(f"Écrit : {', '.join(str(p) for p in written)}.")
    print("Complétez la colonne « classe » si le diagnostic a une typologie.")
    return 0
