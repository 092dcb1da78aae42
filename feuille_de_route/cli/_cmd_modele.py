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
        epilog=(
            "Exemple : feuille-de-route modele mon-territoire.xlsx. Un fichier existant "
            "(ou un dossier qui contient déjà des .csv) n'est jamais remplacé sans --force."
        ),
    )
    parser.add_argument(
        "fichier",
        type=Path,
        metavar="FICHIER",
        help="FICHIER.xlsx, FICHIER.ods, ou un dossier (un .csv d'en-têtes par feuille)",
    )
    parser.add_argument(
        "--epci",
        metavar="SIREN",
        help="remplir la feuille Communes avec les communes membres de cet EPCI (nom, code "
        "INSEE, population, indice de fragilité numérique) tirées des données nationales "
        "embarquées, et nommer l'EPCI dans la feuille « Feuille de route »",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="remplacer FICHIER s'il existe déjà (sans cette option, un classeur existant "
        "n'est jamais écrasé)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route.graph import SHEETS, write_template

    if not args.force:
        _refuse_to_overwrite(args.fichier)
    written = write_template(args.fichier, epci=args.epci)
    print(f"Modèle écrit : {', '.join(str(p) for p in written)} ({len(SHEETS)} feuilles).")
    if args.epci:
        print(
            f"Feuille Communes remplie pour l'EPCI {args.epci.strip()} (données nationales "
            "embarquées) ; complétez la colonne « classe » si le diagnostic en a une."
        )
    print("Les colonnes obligatoires ont un en-tête jaune ; survolez un en-tête pour sa note.")
    core = [s.name for s in SHEETS if s.required]
    optional = [s.name for s in SHEETS if not s.required]
    print(f"Feuilles à remplir : {', '.join(core)}.")
    print(f"Feuilles qui peuvent rester vides : {', '.join(optional)}.")
    return 0


def _refuse_to_overwrite(path: Path) -> None:
    from feuille_de_route import UserError

    if path.is_dir():
        taken = sorted(p.name for p in path.glob("*.csv"))
        if taken:
            raise UserError(
                f"le dossier {path} contient déjà des fichiers .csv ({', '.join(taken[:3])}"
                f"{'…' if len(taken) > 3 else ''}) : ils ne sont pas remplacés. Choisissez un "
                "autre dossier, ou ajoutez --force pour les écraser."
            )
    elif path.exists():
        raise UserError(
            f"le fichier {path} existe déjà : il n'est pas remplacé (c'est peut-être un "
            "classeur rempli). Choisissez un autre nom, ou ajoutez --force pour l'écraser."
        )
