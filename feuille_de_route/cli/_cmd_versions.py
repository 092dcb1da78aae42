"""``feuille-de-route versions``: keep the dated versions of a roadmap, list them."""

import argparse
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feuille_de_route.graph.versions import Version

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from ._arguments import add_limit_arguments

    parser = sub.add_parser(
        "versions",
        help="garder les versions datées d'une feuille de route (étape 5, puis 6…), les lister",
        description=(
            "Garde chaque version datée d'une feuille de route dans le stockage : la version "
            "a une IRI (IRI de la feuille de route + version/AAAA-MM-JJ), une date et son "
            "propre graphe nommé, dans DOSSIER/versions. Le stockage interrogé par les autres "
            "commandes ne garde que la dernière version de chaque feuille de route, pour que "
            "deux versions ne se mélangent jamais dans les réponses. Comparer deux versions : "
            "feuille-de-route comparer."
        ),
        epilog=(
            "Exemples : feuille-de-route versions ajouter etape5.xlsx --stockage entrepot "
            "--date 2024-03-01 ; feuille-de-route versions lister --stockage entrepot"
        ),
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    add = actions.add_parser(
        "ajouter",
        help="ajouter (ou remplacer) la version d'un jour",
        description=(
            "Ajoute la feuille de route du CLASSEUR comme sa version du jour donné (remplace "
            "celle du même jour, d'un seul coup), puis met sa dernière version dans le stockage."
        ),
    )
    add.add_argument(
        "classeur",
        type=Path,
        metavar="CLASSEUR",
        help="la version : classeur .xlsx, .ods, dossier de .csv, ou graphe RDF (.ttl, .trig…)",
    )
    _stockage(add)
    add.add_argument(
        "--date",
        metavar="AAAA-MM-JJ",
        help="date de la version (défaut : aujourd'hui)",
    )
    add_limit_arguments(
        add,
        size_help="taille maximale du CLASSEUR en mégaoctets (défaut : 50 Mo)",
        triples_help="nombre maximal de triplets d'un graphe RDF (défaut : 100000)",
    )
    add.set_defaults(func=_add)
    listing = actions.add_parser(
        "lister",
        help="lister les versions gardées",
        description="Liste les versions gardées dans le stockage, par feuille de route et date.",
    )
    _stockage(listing)
    listing.add_argument(
        "--format", choices=("texte", "json"), default="texte", help="présentation (texte)"
    )
    listing.set_defaults(func=_list)
    parser.set_defaults(func=lambda _args: _usage(parser))


def _stockage(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stockage",
        type=Path,
        required=True,
        metavar="DOSSIER",
        help="stockage Oxigraph (créé s'il manque) ; les versions sont dans DOSSIER/versions",
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _add(args: argparse.Namespace) -> int:
    import datetime

    from feuille_de_route import terminal_safe
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.versions import add_version, parse_day

    from ._arguments import roadmap_limits

    day = parse_day(args.date) if args.date else datetime.date.today()
    _check_folder(args.stockage)
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    added = add_version(args.stockage, graph, day)
    verb = "remplace la version du même jour" if added.replaced else "ajoutée"
    print(
        terminal_safe(f"Version {added.version.iri} ({added.version.triples} triplets) : {verb}.")
    )
    print(
        terminal_safe(f"Version courante dans le stockage {args.stockage} : {added.current.iri}.")
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    from feuille_de_route.graph.versions import VERSIONS_FOLDER, VersionStore

    _check_folder(args.stockage, must_exist=True)
    with closing(VersionStore(args.stockage / VERSIONS_FOLDER)) as store:
        versions = store.versions()
    if args.format == "json":
        import json

        print(json.dumps([_json(v, versions) for v in versions], ensure_ascii=False, indent=2))
        return 0
    print(_text(versions, args.stockage), end="")
    return 0


def _current(version: "Version", versions: "list[Version]") -> bool:
    return version == [v for v in versions if v.roadmap == version.roadmap][-1]


def _json(version: "Version", versions: "list[Version]") -> dict[str, object]:
    return {
        "feuilleDeRoute": version.roadmap,
        "version": version.iri,
        "date": version.day.isoformat(),
        "triplets": version.triples,
        "courante": _current(version, versions),
    }


def _text(versions: "list[Version]", folder: Path) -> str:
    from feuille_de_route import terminal_safe

    if not versions:
        return f"Aucune version gardée dans {folder}.\n"
    lines: list[str] = []
    previous = None
    for version in versions:
        if version.roadmap != previous:
            lines.append(f"Feuille de route <{version.roadmap}> :")
            previous = version.roadmap
        mark = " (courante)" if _current(version, versions) else ""
        lines.append(
            f"  {version.day.isoformat()} — {version.iri} — {version.triples} triplets{mark}"
        )
    return terminal_safe("\n".join(lines)) + "\n"


def _check_folder(folder: Path, must_exist: bool = False) -> None:
    from feuille_de_route import UserError

    if folder.exists() and not folder.is_dir():
        raise UserError(f"--stockage : {folder} existe et n'est pas un dossier.")
    if must_exist and not (folder / "versions").is_dir():
        raise UserError(
            f"--stockage : {folder} ne garde aucune version "
            f"(pas de dossier {folder / 'versions'}) ; "
            "ajoutez-en une avec feuille-de-route versions ajouter CLASSEUR --stockage DOSSIER."
        )
