"""``feuille-de-route modele``: the empty workbook a territory fills in."""

import argparse
from pathlib import Path

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "modele",
        help="écrire un classeur vierge à remplir (.xlsx, .ods ou dossier de .csv)",
        description=(
            "Écrit un classeur vierge de feuille de route : une feuille par type d'objet "
            "(enjeux, défis, chantiers, ressources, mobilisations…), les en-têtes de colonnes "
            "attendus, une note par colonne qui explique quoi saisir, et des listes "
            "déroulantes pour les valeurs contrôlées (statuts, types de ressource, rôles). "
            "Au format .ods, les notes et les listes déroulantes sont aussi présentes ; un "
            "dossier de .csv ne reçoit que les en-têtes."
        ),
        epilog="Exemple : feuille-de-route modele mon-territoire.xlsx",
    )
    parser.add_argument(
        "fichier",
        type=Path,
        metavar="FICHIER",
        help="FICHIER.xlsx, FICHIER.ods, ou un dossier (un .csv d'en-têtes par feuille)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route.graph import SHEETS, write_template

    written = write_template(args.fichier)
    print(f"Modèle écrit : {', '.join(str(p) for p in written)} ({len(SHEETS)} feuilles).")
    print("Les colonnes obligatoires ont un en-tête jaune ; survolez un en-tête pour sa note.")
    return 0
