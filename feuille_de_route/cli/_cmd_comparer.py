"""``feuille-de-route comparer V1 V2``: what changed from one version of a roadmap to another."""

import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import UserError

if TYPE_CHECKING:
    from rdflib import Graph

    from feuille_de_route.graph.store import MemoryStore
    from feuille_de_route.graph.versions import VersionStore
    from feuille_de_route.queries import Change, ComparedRoadmap

__all__ = ["register"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAP_NAME = "changements.html"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from ._arguments import add_limit_arguments

    parser = sub.add_parser(
        "comparer",
        help="dire ce qui a changé d'une version d'une feuille de route à une autre",
        description=(
            "Compare deux versions d'une feuille de route (V1 puis V2) : enjeux, défis, "
            "chantiers, actions et ressources ajoutés, supprimés, renommés ou ré-identifiés "
            "(rapprochés par identifiant, puis par intitulé), et statuts des liens changés. "
            "Chaque version est un classeur, un graphe RDF, ou — avec --stockage — une "
            "version gardée par « feuille-de-route versions » (son IRI ou sa date)."
        ),
        epilog=(
            "Exemples : feuille-de-route comparer etape5.xlsx etape6.xlsx ; "
            "feuille-de-route comparer 2024-03-01 2024-09-15 --stockage entrepot --carte "
            "changements/ ; code de sortie 0 (avec ou sans changement), 2 si une version "
            "est illisible"
        ),
    )
    for name, which in (("v1", "la première version"), ("v2", "la seconde version")):
        parser.add_argument(
            name,
            metavar=name.upper(),
            help=(
                f"{which} : classeur (.xlsx, .ods, dossier de .csv), graphe RDF, ou IRI ou "
                "date AAAA-MM-JJ d'une version du --stockage"
            ),
        )
    parser.add_argument(
        "--stockage",
        type=Path,
        metavar="DOSSIER",
        help="stockage dont les versions (DOSSIER/versions) sont désignées par IRI ou date",
    )
    parser.add_argument(
        "--feuille-de-route",
        dest="feuille_de_route",
        metavar="IRI",
        help=(
            "la feuille de route dont on désigne les versions par date (quand le stockage "
            "en garde plusieurs)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("texte", "json"),
        default="texte",
        help="texte (défaut, à lire) ou json (clés stables, voir le README)",
    )
    parser.add_argument(
        "--carte",
        type=Path,
        metavar="DOSSIER",
        help=f"écrire aussi la carte de V2 marquant ce qui a changé ({MAP_NAME} dans DOSSIER)",
    )
    add_limit_arguments(
        parser,
        size_help="taille maximale d'un classeur ou graphe en mégaoctets (défaut : 50 Mo)",
        triples_help="nombre maximal de triplets d'un graphe RDF (défaut : 100000)",
    )
    parser.set_defaults(func=_run)


@dataclass
class _Version:
    side: "ComparedRoadmap"
    store: "MemoryStore"


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route.queries import changes_json, changes_text, compare_stores

    if args.carte is not None and args.carte.exists() and not args.carte.is_dir():
        raise UserError(f"--carte : {args.carte} existe et n'est pas un dossier.")
    kept: list[VersionStore] = []
    try:
        first = _open(args.v1, "V1", args, kept)
        second = _open(args.v2, "V2", args, kept)
    finally:  # both versions are in memory now: the folder is free for other commands
        for versions in kept:
            versions.close()
    changes = compare_stores(first.store, second.store, first.side.roadmap, second.side.roadmap)
    if args.format == "json":
        import json

        print(
            json.dumps(changes_json(changes, first.side, second.side), ensure_ascii=False, indent=2)
        )
    else:
        from feuille_de_route import terminal_safe

        print(terminal_safe(changes_text(changes, first.side, second.side)), end="")
    if args.carte is not None:
        _write_map(args.carte, second, changes, first.side)
    return 0


def _open(text: str, which: str, args: argparse.Namespace, kept: "list[VersionStore]") -> _Version:
    from feuille_de_route import is_absolute_iri, terminal_safe
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore

    from ._arguments import roadmap_limits

    path = Path(text)
    graph: Graph
    if args.stockage is not None and (is_absolute_iri(text) or _DAY.fullmatch(text)):
        graph, source = _kept_version(text, args, kept)
    elif path.exists():
        graph, source = load_roadmap(path, roadmap_limits(args)), str(path)
    else:
        hint = "" if args.stockage else " (une version gardée se désigne avec --stockage DOSSIER)"
        raise UserError(
            f"{which} : « {terminal_safe(text)} » n'est ni un classeur ou graphe existant, "
            f"ni une version du stockage{hint}."
        )
    store = MemoryStore(graph)
    return _Version(_side(store, source, which), store)


def _kept_version(
    text: str, args: argparse.Namespace, kept: "list[VersionStore]"
) -> "tuple[Graph, str]":
    from feuille_de_route.graph.versions import VERSIONS_FOLDER, VersionStore, find_version

    folder: Path = args.stockage / VERSIONS_FOLDER
    if not folder.is_dir():
        raise UserError(
            f"--stockage : {args.stockage} ne garde aucune version ; ajoutez-en avec "
            "feuille-de-route versions ajouter CLASSEUR --stockage DOSSIER."
        )
    if not kept:
        kept.append(VersionStore(folder))
    version = find_version(kept[0], text, args.feuille_de_route)
    return kept[0].graph(version), f"version {version.day.isoformat()}"


def _side(store: "MemoryStore", source: str, which: str) -> "ComparedRoadmap":
    from feuille_de_route import terminal_safe
    from feuille_de_route.queries import ComparedRoadmap, run_query

    rows = run_query("feuilles-de-route", store)
    if len(rows) != 1:
        raise UserError(
            f"{which} ({terminal_safe(source)}) : une version doit décrire exactement une "
            f"feuille de route ; trouvé {len(rows)}."
        )
    row = rows[0]
    return ComparedRoadmap(source, str(row["feuilleDeRoute"]), str(row.get("titre") or ""))


def _write_map(
    folder: Path, second: _Version, changes: "list[Change]", first: "ComparedRoadmap"
) -> None:
    from feuille_de_route import atomic_write_tree
    from feuille_de_route.viz import fetch_results, render_changes

    results = fetch_results(second.store, "feuille-de-route", roadmap=second.side.roadmap)
    subtitle = f"Version 2 ({second.side.source}) comparée à la version 1 ({first.source})"
    html = render_changes(results, changes, subtitle)
    atomic_write_tree(folder, {MAP_NAME: html.encode("utf-8")})
    print(f"Carte des changements écrite : {folder / MAP_NAME}")
