"""``feuille-de-route documents``: the roadmap, its fiches chantier and fiches actions,
as printable HTML, PDF and editable DOCX."""

import argparse
from pathlib import Path

__all__ = ["register"]

_FORMATS = ("html", "pdf", "docx")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from ._store_options import add_store_arguments

    parser = sub.add_parser(
        "documents",
        help="documents à remettre : feuille de route, fiches chantier et fiches actions "
        "(HTML imprimable, PDF, DOCX modifiable)",
        description=(
            "Écrit, à partir du graphe et par les requêtes du catalogue, les documents que "
            "la méthode remet : la feuille de route (enjeux > défis > chantiers > ressources "
            "> actions, coordination, gouvernance, synthèse du diagnostic), une fiche par "
            "chantier (description, « On aura réussi si », « On doit lever des freins », "
            "gouvernance, ressources et statut du lien, cartographie du chantier) et une "
            "fiche par action (objectif, parties prenantes, étapes, moyens, indicateurs, "
            "calendrier, statut). Trois fichiers : feuille-de-route.html (un seul fichier "
            "hors ligne, prêt à imprimer), feuille-de-route.pdf (cette page imprimée par "
            "Chromium) et feuille-de-route.docx (modifiable dans Word ou LibreOffice). Les "
            "hypothèses sont marquées « hypothèse » dans chaque format."
        ),
        epilog=(
            "Exemples : feuille-de-route documents --sortie documents/ (le Grand Périgueux "
            "embarqué) ; feuille-de-route documents classeur.xlsx --sortie documents/ ; "
            "feuille-de-route documents --formats html,docx --sortie documents/ (sans "
            "Chromium)"
        ),
    )
    add_store_arguments(parser)
    parser.add_argument(
        "--feuille-de-route",
        dest="feuille_de_route",
        metavar="IRI_OU_IDENTIFIANT",
        help="la feuille de route quand le stockage en contient plusieurs, par son IRI ou "
        "son identifiant ; sans elle, la seule du stockage",
    )
    parser.add_argument(
        "--formats",
        default=",".join(_FORMATS),
        metavar="LISTE",
        help="formats à écrire, séparés par des virgules, parmi html, pdf et docx "
        "(défaut : les trois ; le PDF demande Chromium)",
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        required=True,
        metavar="DOSSIER",
        help="dossier où écrire les documents (remplacé d'un bloc)",
    )
    parser.set_defaults(func=_run)


def _formats(text: str) -> list[str]:
    from feuille_de_route import UserError

    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in _FORMATS]
    if unknown or not chosen:
        raise UserError(
            f"--formats {text!r} : attendu une liste parmi {', '.join(_FORMATS)} (ex. html,docx)."
        )
    return list(dict.fromkeys(chosen))


def _run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from feuille_de_route.viz import write_documents

    from ._store_options import open_store

    formats = _formats(args.formats)
    # The in-memory store queries with Oxigraph: no temporary store on disk is needed.
    with closing(open_store(args)) as store:
        paths = write_documents(store, args.sortie, args.feuille_de_route, formats)
    names = ", ".join(path.name for path in paths)
    print(f"{len(paths)} document(s) écrit(s) dans {args.sortie} : {names}")
    return 0
