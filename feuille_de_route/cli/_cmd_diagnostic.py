"""``feuille-de-route diagnostic``: the diagnostic of a territory's communes, one page."""

import argparse
import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feuille_de_route.graph import Diagnostic

__all__ = ["register"]

PAGE = "diagnostic.html"
TABLE = "diagnostic-communes.csv"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "diagnostic",
        help="diagnostic du territoire : typologie des communes et page HTML hors ligne",
        description=(
            "Classe chaque commune du territoire selon les règles de typologie (par défaut "
            "les six classes du texte source, seuils supposés) à partir de l'indice de "
            "fragilité numérique embarqué, propose un regroupement statistique (KMeans), "
            "compare le territoire à son département et à la France, et montre quels enjeux "
            "et actions de la feuille de route atteignent quelles classes. Écrit une page "
            "HTML autonome (graphiques SVG, tableau triable) et le tableau des communes en CSV."
        ),
        epilog=(
            "Exemples : feuille-de-route diagnostic --sortie diagnostic/ (le Grand Périgueux "
            "embarqué) ; feuille-de-route diagnostic classeur.xlsx --sortie diagnostic/ ; "
            "feuille-de-route diagnostic --epci 200054781 --sortie grand-paris/ ; "
            "feuille-de-route diagnostic --epci 200040392 --regles regles.csv --sortie d/"
        ),
    )
    parser.add_argument(
        "classeur",
        nargs="?",
        type=Path,
        metavar="CLASSEUR",
        help="classeur de la feuille de route (.xlsx, .ods, dossier de .csv, ou graphe .ttl) ; "
        "sans CLASSEUR ni --epci : le Grand Périgueux embarqué",
    )
    parser.add_argument(
        "--epci",
        metavar="SIREN",
        help="diagnostiquer les communes membres de cet EPCI, sans feuille de route (données "
        "nationales embarquées)",
    )
    parser.add_argument(
        "--regles",
        type=Path,
        metavar="FICHIER.csv",
        help="règles de typologie (colonnes de la feuille « Règles de typologie » : classe, "
        "ordre, indicateur, opérateur, seuil, note, source, hypothèse) ; sans elle, celles "
        "de la feuille du CLASSEUR, ou les règles par défaut (les six classes du texte source)",
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        required=True,
        metavar="DOSSIER",
        help=f"dossier où écrire {PAGE} et {TABLE} (remplacés d'un bloc)",
    )
    parser.set_defaults(func=_run)


def _diagnostic(args: argparse.Namespace) -> "Diagnostic":
    from feuille_de_route import UserError
    from feuille_de_route.graph import (
        DEFAULT_RULES,
        diagnose_epci,
        diagnose_roadmap,
        load_roadmap,
        read_rules_csv,
    )

    if args.epci is not None and args.classeur is not None:
        raise UserError("donnez un CLASSEUR ou --epci, pas les deux")
    rules = DEFAULT_RULES
    extra = {}
    if args.regles is not None:
        rules = read_rules_csv(args.regles)
        extra["rules_name"] = f"règles du fichier {args.regles.name}"
    if args.epci is not None:
        return diagnose_epci(args.epci, rules, **extra)
    given = rules if args.regles is not None else None  # else the roadmap's own, if any
    return diagnose_roadmap(load_roadmap(args.classeur), given, **extra)


def _table(diagnostic: "Diagnostic") -> bytes:
    from feuille_de_route import neutralise_csv_cell
    from feuille_de_route.graph import IFN_INDICATORS

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["code insee", "nom", "population", *IFN_INDICATORS, "classe", "raison"])
    by_code = {c.insee: c for c in diagnostic.typology.classifications}
    for commune in diagnostic.communes:
        found = by_code[commune.insee]
        values = [commune.values.get(name) for name in ("population", *IFN_INDICATORS)]
        cells = [commune.insee, commune.name, *("" if v is None else f"{v:g}" for v in values)]
        writer.writerow(
            [neutralise_csv_cell(c) for c in (*cells, found.classe or "", found.reason)]
        )
    return buffer.getvalue().encode("utf-8")


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import atomic_write_tree
    from feuille_de_route.viz import render_diagnostic

    diagnostic = _diagnostic(args)
    page = render_diagnostic(diagnostic).encode("utf-8")
    atomic_write_tree(args.sortie, {PAGE: page, TABLE: _table(diagnostic)})
    typology = diagnostic.typology
    print(
        f"Diagnostic de {diagnostic.territory_name} : {len(diagnostic.communes)} communes, "
        f"{len(typology.classifications) - len(typology.unclassified)} classées, "
        f"{len(typology.unclassified)} non classées."
    )
    for line in diagnostic.notices():
        print(f"Remarque : {line}")
    if diagnostic.differences:
        print(
            f"{len(diagnostic.differences)} commune(s) changent de classe par rapport au "
            "classeur (liste dans la page)."
        )
    print(f"Page écrite : {args.sortie / PAGE} ; tableau : {args.sortie / TABLE}")
    return 0
