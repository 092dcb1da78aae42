"""``feuille-de-route carto``: the interactive cartography of resources, as HTML pages."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["register"]

_SINGLE_VIEWS = ("feuille-de-route", "lacunes")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from ._store_options import add_store_arguments

    parser = sub.add_parser(
        "carto",
        help="dessiner la cartographie interactive des ressources (pages HTML autonomes)",
        description=(
            "Dessine la cartographie des ressources à partir des requêtes du catalogue : "
            "la feuille de route entière, ses lacunes, ou un chantier parmi ses ressources "
            "(trait plein : la ressource agit déjà ; pointillé : on la connaît sans qu'elle "
            "soit encore liée ; sans trait : pas de lien). Chaque page est un fichier HTML "
            "autonome qui s'ouvre hors ligne, avec légende, filtres, recherche et détails au "
            "clic."
        ),
        epilog=(
            "Exemples : feuille-de-route carto --sortie cartes/ ; "
            "feuille-de-route carto --chantier 1.b --sortie 1b.html ; "
            "feuille-de-route carto --vue lacunes classeur.xlsx --sortie lacunes.html ; "
            "feuille-de-route carto --stockage national/ --feuille-de-route grand-perigueux "
            "--sortie cartes/"
        ),
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--chantier",
        metavar="ID",
        help="la cartographie d'un seul chantier, par son identifiant (ex. 1.b)",
    )
    which.add_argument(
        "--vue",
        choices=(*_SINGLE_VIEWS, "toutes"),
        default="toutes",
        help=(
            "feuille-de-route : la feuille de route entière ; lacunes : chantiers sans ressource "
            "opérante, ressources à activer ou partagées ; toutes (défaut) : ces deux vues, une "
            "page par chantier et un index, dans le DOSSIER de --sortie"
        ),
    )
    add_store_arguments(parser)
    parser.add_argument(
        "--feuille-de-route",
        dest="feuille_de_route",
        metavar="IRI_OU_IDENTIFIANT",
        help=(
            "la feuille de route à dessiner quand le stockage en contient plusieurs (une par "
            "territoire), par son IRI ou son identifiant (ex. grand-perigueux) ; sans elle, "
            "la seule du stockage"
        ),
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        required=True,
        metavar="FICHIER.html|DOSSIER",
        help="fichier .html d'une vue, ou dossier recevant toutes les pages (--vue toutes)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from feuille_de_route import UserError

    from ._store_options import open_store

    output: Path = args.sortie
    single = args.chantier is not None or args.vue in _SINGLE_VIEWS
    if single:
        if output.is_dir():
            name = f"chantier-{args.chantier}" if args.chantier else args.vue
            output = output / f"{_safe(name)}.html"
        elif output.suffix.lower() not in {".html", ".htm"}:
            raise UserError(
                f"--sortie {output} : attendu un fichier .html (ou un dossier existant) "
                "pour une seule vue."
            )
    elif output.suffix.lower() in {".html", ".htm"}:
        raise UserError(
            f"--sortie {output} : toutes les vues s'écrivent dans un dossier ; pour un seul "
            "fichier, choisissez --vue feuille-de-route, --vue lacunes ou --chantier ID."
        )

    with closing(open_store(args)) as store:
        return _draw(store, args, output, single)


def _draw(store: "Store", args: argparse.Namespace, output: Path, single: bool) -> int:
    from feuille_de_route import atomic_write_text
    from feuille_de_route.viz import build_cartography, write_cartographies

    if single:
        view = "chantier" if args.chantier is not None else args.vue
        html = build_cartography(store, view, args.chantier, args.feuille_de_route)
        atomic_write_text(output, html)
        print(f"Carte écrite : {output} (à ouvrir dans un navigateur, même hors ligne).")
        return 0
    paths = write_cartographies(store, output, args.feuille_de_route)
    print(f"{len(paths)} pages écrites dans {output} ; sommaire : {output / 'index.html'}")
    return 0


def _safe(name: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "carte"
