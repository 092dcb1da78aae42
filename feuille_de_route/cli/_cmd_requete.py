"""``feuille-de-route requete``: run a catalogue query, or one's own ``.rq`` file."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feuille_de_route.graph.store import SelectResult, Store
    from feuille_de_route.queries import QueryDef

__all__ = ["register"]

# Rows of the table drawn on the screen: a terminal shows a few hundred lines, and drawing
# costs about 1 ms a row (a national answer of 9,626 rows took 9 s). Files get every row.
TABLE_ROWS = 200

EPILOG = (
    "Exemples : feuille-de-route requete fiche-chantier --param chantier=1.b ; "
    "feuille-de-route requete operant-ailleurs-federe --endpoint http://a:7878 "
    "--federation b:7878 -p maFeuilleDeRoute=IRI -p serveur=http://b:7878/query ; "
    "feuille-de-route requete mobilisations --param chantier=1.b --format csv "
    "--sortie 1b.csv ; feuille-de-route requete --fichier ma-requete.rq classeur.xlsx. "
    "Dans un fichier .rq, un paramètre est la variable ?_nom ; l'en-tête « #+ "
    "parametres: » en déclare le type, sinon la valeur est un texte (ou une IRI "
    "écrite <…>). Code de sortie : 0 quand la requête répond, même sans ligne (la "
    "commande dit alors que les paramètres désignent bien des éléments du stockage) ; "
    "3 quand la réponse vide ne vient pas des données : un paramètre "
    "(feuilleDeRoute, chantier…) ne désigne rien dans le stockage, ou le serveur ne "
    "montre pas ses graphes nommés dans le graphe par défaut ; 2 pour une erreur."
)


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from ._store_options import add_store_arguments

    parser = sub.add_parser(
        "requete",
        help="lancer une requête SPARQL du catalogue (ou la sienne) et afficher le résultat",
        description=(
            "Lance la requête NOM du catalogue (liste : feuille-de-route requetes), ou la "
            "requête SELECT d'un fichier .rq avec --fichier, sur la feuille de route donnée. "
            "Les valeurs des paramètres sont liées comme termes RDF, jamais collées dans le "
            "texte de la requête."
        ),
        epilog=EPILOG,
    )
    parser.add_argument(
        "nom",
        nargs="?",
        metavar="NOM",
        help="nom de la requête du catalogue (sans --fichier)",
    )
    parser.add_argument(
        "--fichier",
        type=Path,
        metavar="MA_REQUETE.rq",
        help="lancer la requête SELECT de ce fichier au lieu d'une requête du catalogue",
    )
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="nom=valeur",
        help=(
            "valeur d'un paramètre (répétable), par exemple --param chantier=1.b ; une IRI "
            "s'écrit en entier ou comme l'écrit le tableau des résultats (fdr:operante, "
            "…/grand-perigueux/)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json", "markdown"),
        default="table",
        help=(
            "table pour le terminal (défaut ; à l'écran, les 200 premières lignes), csv ou "
            "json (formats de résultats SPARQL 1.1), markdown pour un document"
        ),
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        metavar="FICHIER",
        help="écrire le résultat dans FICHIER (écriture atomique) plutôt qu'à l'écran",
    )
    parser.add_argument(
        "--federation",
        action="append",
        default=[],
        metavar="HOTE",
        help=(
            "autoriser la requête à interroger par SERVICE les serveurs SPARQL de cet hôte "
            "(HOTE), de ce seul port (HOTE:PORT) ou ce seul serveur (son adresse "
            "http(s)://HOTE:PORT/chemin) ; répétable. Sans cette option, une requête ne "
            "contacte aucun serveur et ne lit aucun fichier (SERVICE, FROM et FROM NAMED "
            "extérieurs sont refusés). Requête du catalogue sur deux serveurs : "
            "operant-ailleurs-federe (--param serveur=URL)"
        ),
    )
    add_store_arguments(parser)
    parser.set_defaults(func=_run)


def _params(pairs: list[str]) -> dict[str, object]:
    from feuille_de_route import UserError

    params: dict[str, object] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip()
        if not equals or not name:
            raise UserError(
                f"--param « {pair} » : attendu nom=valeur, par exemple --param chantier=1.b."
            )
        if name in params:
            raise UserError(f"--param : le paramètre « {name} » est donné deux fois.")
        params[name] = value
    return params


def _several_roadmaps(store: "Store") -> bool:
    """Whether the store holds more than one roadmap (the catalogue's own list of them)."""
    from feuille_de_route.queries import run_query

    return len(run_query("feuilles-de-route", store)) > 1


def _run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from ._store_options import open_store

    query = _chosen_query(args)
    params = _params(args.param)
    with closing(open_store(args)) as store:
        result = _answer(query, store, params, args.federation)
    _write(result, args)
    return 0


def _chosen_query(args: argparse.Namespace) -> "QueryDef":
    """The catalogue query named, or the ``--fichier`` one (then the only positional is
    the workbook)."""
    from feuille_de_route import UserError
    from feuille_de_route.queries import get_query, load_query_file

    if args.fichier is not None:
        if args.nom is not None:
            if args.classeur is not None:
                raise UserError(
                    "Donnez soit un NOM de requête, soit --fichier, pas les deux "
                    f"(« {args.nom} » et « {args.fichier} »)."
                )
            args.classeur, args.nom = Path(args.nom), None
        return load_query_file(args.fichier)
    if args.nom is None:
        raise UserError(
            "Nommez une requête du catalogue (liste : feuille-de-route requetes) "
            "ou donnez --fichier MA_REQUETE.rq."
        )
    return get_query(args.nom)


def _answer(
    query: "QueryDef", store: "Store", params: dict[str, object], federation: list[str]
) -> "SelectResult":
    """The rows; an empty answer that comes from the parameters, not the data, raises
    :class:`NothingFound` (exit 3)."""
    import sys

    from feuille_de_route.queries import explain_empty, run_select

    result = run_select(query, store, params, federation=federation)
    if not result.rows:
        nothing = explain_empty(query, store, params)
        if nothing is not None:
            raise nothing
    if params.get("chantier") and not params.get("feuilleDeRoute") and _several_roadmaps(store):
        print(
            f"Attention : le stockage contient plusieurs feuilles de route et l'identifiant "
            f"de chantier « {params['chantier']} » est propre à chacune : le résultat réunit "
            "les chantiers de cet identifiant de toutes les feuilles de route (la colonne "
            "chantier, quand la requête la donne, les distingue). Pour n'en garder qu'une : "
            "--param feuilleDeRoute=IRI (liste : feuille-de-route requete feuilles-de-route).",
            file=sys.stderr,
        )
    return result


def _write(result: "SelectResult", args: argparse.Namespace) -> None:
    import shutil
    import sys

    from feuille_de_route import atomic_write_text, terminal_safe
    from feuille_de_route.queries import format_result

    screen = args.sortie is None
    width = shutil.get_terminal_size((100, 24)).columns if screen else 120
    rows = TABLE_ROWS if screen else None
    text = format_result(result, args.format, width=width, terminal=screen, table_rows=rows)
    if args.sortie is not None:
        atomic_write_text(args.sortie, text)
        count = len(result.rows)
        print(
            f"{count} ligne{'s' if count > 1 else ''} écrite{'s' if count > 1 else ''} "
            f"dans {terminal_safe(str(args.sortie))}",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
        if args.format == "table" and len(result.rows) > TABLE_ROWS:
            sys.stdout.flush()
            print(
                f"Pour voir les {len(result.rows)} lignes : --format csv, json ou markdown, "
                "ou --sortie FICHIER.",
                file=sys.stderr,
            )
    if not result.rows:
        print(
            "Aucune ligne : les paramètres désignent bien des éléments du stockage, et rien "
            "n'y répond à la question.",
            file=sys.stderr,
        )
