"""``feuille-de-route similaires``: the EPCI closest to mine, for the method's visit."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feuille_de_route.graph import Similar, Tags

__all__ = ["register"]

_COLUMNS = ("rang", "siren", "nom", "score", "profil", "themes", "programmes", "raisons")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "similaires",
        help="classer les EPCI les plus proches du mien (fragilité numérique, thèmes, programmes)",
        description=(
            "Classe les EPCI dont le profil de fragilité numérique (indice de fragilité "
            "numérique publié par EPCI, embarqué) est le plus proche du mien et, pour ceux "
            "dont la feuille de route est dans le stockage, qui partagent le plus de thèmes "
            "et de programmes nationaux ; dit pourquoi, en français. Mesure : voir le README, "
            "« Territoires similaires » (reproductible, égalités départagées par SIREN)."
        ),
        epilog=(
            "Exemples : feuille-de-route similaires --epci 200040392 ; "
            "feuille-de-route similaires mon-territoire.xlsx --stockage entrepot --format json"
        ),
    )
    parser.add_argument(
        "classeur",
        nargs="?",
        type=Path,
        metavar="CLASSEUR",
        help="ma feuille de route (classeur, dossier CSV ou RDF) : son EPCI et ses thèmes",
    )
    parser.add_argument("--epci", metavar="SIREN", help="SIREN de mon EPCI (sans CLASSEUR)")
    parser.add_argument(
        "--nombre", type=int, default=10, metavar="N", help="nombre d'EPCI listés (10)"
    )
    parser.add_argument(
        "--stockage",
        type=Path,
        metavar="DOSSIER",
        help="stockage Oxigraph des feuilles de route publiées (thèmes et programmes)",
    )
    parser.add_argument(
        "--format",
        choices=("texte", "json", "csv"),
        default="texte",
        help="présentation du résultat (texte par défaut)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import UserError
    from feuille_de_route.graph import rank_similar

    if (args.classeur is None) == (args.epci is None):
        raise UserError("Donnez soit un CLASSEUR, soit --epci SIREN (l'un des deux).")
    if args.nombre < 1:
        raise UserError(f"--nombre doit être un entier positif, pas {args.nombre}.")
    tags = _stored_tags(args.stockage)
    siren = args.epci.strip() if args.epci else _classeur_epci(args.classeur, tags)
    print(_render(rank_similar(siren, tags, args.nombre), args.format), end="")
    return 0


def _stored_tags(folder: Path | None) -> "dict[str, Tags]":
    if folder is None:
        return {}
    from feuille_de_route import UserError
    from feuille_de_route.graph import roadmap_tags
    from feuille_de_route.graph.store import OxigraphStore

    if not folder.is_dir():
        raise UserError(f"--stockage : le dossier {folder} n'existe pas.")
    return roadmap_tags(OxigraphStore(folder))


def _classeur_epci(path: Path, tags: "dict[str, Tags]") -> str:
    """The EPCI of the roadmap at ``path``; its themes and programmes join ``tags``."""
    from feuille_de_route import UserError
    from feuille_de_route.graph import load_roadmap, roadmap_tags
    from feuille_de_route.graph.store import MemoryStore

    mine = roadmap_tags(MemoryStore(load_roadmap(path)))
    if len(mine) != 1:
        raise UserError(
            f"{path} : la feuille de route doit être celle d'un EPCI ou d'une commune qui a "
            "des thèmes ou des programmes ; sinon, donnez --epci SIREN."
        )
    siren, own = next(iter(mine.items()))
    tags[siren] = own
    return siren


def _render(ranked: "list[Similar]", form: str) -> str:
    rows = [_row(s) for s in ranked]
    if form == "json":
        import json

        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if form == "csv":
        import csv
        import io

        from feuille_de_route import neutralise_csv_cell

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(_COLUMNS)
        writer.writerows(
            [neutralise_csv_cell(str(r[c] if r[c] is not None else "")) for c in _COLUMNS]
            for r in rows
        )
        return out.getvalue()
    return "".join(_line(r) for r in rows)


def _row(s: "Similar") -> dict[str, object]:
    return {
        "rang": s.rank,
        "siren": s.siren,
        "nom": s.name,
        "score": round(s.score, 3),
        "profil": round(s.profile, 3),
        "themes": None if s.themes is None else round(s.themes, 3),
        "programmes": None if s.programmes is None else round(s.programmes, 3),
        "raisons": s.reasons,
    }


def _line(r: dict[str, object]) -> str:
    from feuille_de_route import terminal_safe

    text = f"{r['rang']:>3}. {r['nom']} (SIREN {r['siren']}) — score {r['score']} : {r['raisons']}"
    return terminal_safe(text) + "\n"
