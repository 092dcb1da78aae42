"""``feuille-de-route similaires``: the EPCI closest to mine, for the method's visit."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ._store_options import open_oxigraph

if TYPE_CHECKING:
    from rdflib import Graph

    from feuille_de_route.graph import Similar, Tags
    from feuille_de_route.graph.store import OxigraphStore, Store

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
        help=(
            "ma feuille de route (classeur, dossier CSV ou RDF) : son EPCI et ses thèmes "
            "(par défaut : la feuille de route embarquée du Grand Périgueux)"
        ),
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
    parser.add_argument(
        "--carte",
        type=Path,
        metavar="DOSSIER|FICHIER.html",
        help=(
            "dessiner aussi la carte comparée de mon territoire et du plus proche qui a une "
            "feuille de route dans le --stockage (dossier qui reçoit comparaison.html, ou "
            "fichier .html) ; exit 3 si aucun n'en a"
        ),
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import UserError
    from feuille_de_route.graph import rank_similar

    if args.classeur is not None and args.epci is not None:
        raise UserError("Donnez soit un CLASSEUR, soit --epci SIREN, pas les deux.")
    if args.nombre < 1:
        raise UserError(f"--nombre doit être un entier positif, pas {args.nombre}.")
    if args.carte is not None and args.stockage is None:
        raise UserError(
            "--carte demande --stockage DOSSIER : les feuilles de route publiées parmi "
            "lesquelles chercher le territoire similaire."
        )
    stored = _stored(args.stockage)  # opened once: the tags, then the map
    try:
        tags = _stored_tags(stored)
        # Neither CLASSEUR nor --epci: the embedded roadmap, as every other command.
        mine = _load(args.classeur) if args.epci is None else None
        siren = args.epci.strip() if mine is None else _classeur_epci(args.classeur, mine, tags)
        ranked = rank_similar(siren, tags, args.nombre)
        print(_render(siren, ranked, args.format), end="")
        if args.carte is not None and stored is not None:
            _draw_pair(args.carte, siren, tags, stored, mine)
    finally:
        if stored is not None:
            stored.close()
    return 0


def _load(path: Path) -> "Graph":
    from feuille_de_route.graph import load_roadmap

    return load_roadmap(path)


def _draw_pair(
    output: Path, siren: str, tags: "dict[str, Tags]", stored: "OxigraphStore", mine: "Graph | None"
) -> None:
    """The comparison map of my roadmap and the most similar one the store holds."""
    import sys

    from feuille_de_route import terminal_safe
    from feuille_de_route.graph import epcis, rank_similar
    from feuille_de_route.graph.store import MemoryStore, roadmap_graph_name
    from feuille_de_route.queries import NothingFound
    from feuille_de_route.viz import roadmaps_by_epci, write_comparison

    folder = stored.folder
    published = roadmaps_by_epci(stored)
    if mine is not None:
        mine_iri = roadmap_graph_name(mine)
    elif siren in published:
        mine_iri = published[siren][0][1].iri
    else:
        raise NothingFound(
            f"--carte : le stockage {folder} n'a pas de feuille de route de l'EPCI {siren} ; "
            "donnez la vôtre en CLASSEUR ou importez-la (feuille-de-route importer)."
        )
    for similar in rank_similar(siren, tags, len(epcis())):
        others = [r for _, r in published.get(similar.siren, []) if r.iri != mine_iri]
        if others:
            break
    else:
        raise NothingFound(
            f"--carte : aucun EPCI similaire n'a de feuille de route dans le stockage {folder}."
        )
    store: Store = stored
    if mine is not None:
        store = MemoryStore(mine + _stored_graph(stored, others[0].iri))
    path = write_comparison(store, mine_iri, others[0].iri, output)
    print(
        f"Carte comparée avec {terminal_safe(similar.name)} (SIREN {similar.siren}) écrite : "
        f"{terminal_safe(str(path))}",
        file=sys.stderr,
    )


_GRAPH_QUERY = "SELECT ?s ?p ?o WHERE { GRAPH ?_graphe { ?s ?p ?o } }"


def _stored_graph(store: "OxigraphStore", name: str) -> "Graph":
    """The named graph ``name`` of ``store`` (a roadmap lives in the graph of its IRI)."""
    from rdflib import Graph, URIRef

    graph = Graph()
    for row in store.select(_GRAPH_QUERY, {"_graphe": URIRef(name)}).rows:
        graph.add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return graph


def _stored(folder: Path | None) -> "OxigraphStore | None":
    """The store of ``--stockage`` (None without it); it must exist already."""
    if folder is None:
        return None
    from feuille_de_route import UserError

    if not folder.is_dir():
        raise UserError(f"--stockage : le dossier {folder} n'existe pas.")
    return open_oxigraph(folder)


def _stored_tags(stored: "OxigraphStore | None") -> "dict[str, Tags]":
    if stored is None:
        return {}
    from feuille_de_route.graph import roadmap_tags

    return roadmap_tags(stored)


def _classeur_epci(path: Path | None, graph: "Graph", tags: "dict[str, Tags]") -> str:
    """The EPCI of the roadmap ``graph`` read at ``path`` (None: the embedded one); its
    themes and programmes join ``tags``."""
    from feuille_de_route import UserError
    from feuille_de_route.graph import roadmap_tags
    from feuille_de_route.graph.store import MemoryStore

    mine = roadmap_tags(MemoryStore(graph))
    if len(mine) != 1:
        raise UserError(
            f"{path or 'la feuille de route embarquée'} : la feuille de route doit être "
            "celle d'un EPCI ou d'une commune qui a des thèmes ou des programmes ; sinon, "
            "donnez --epci SIREN."
        )
    siren, own = next(iter(mine.items()))
    tags[siren] = own
    return siren


def _render(siren: str, ranked: "list[Similar]", form: str) -> str:
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
    return _heading(siren) + "".join(_line(r) for r in rows)


def _heading(siren: str) -> str:
    """Whose neighbours the text lists: a reader sees which EPCI was compared."""
    from feuille_de_route import terminal_safe
    from feuille_de_route.graph import epci

    me = epci(siren)
    return terminal_safe(f"EPCI les plus proches de {me.name} (SIREN {me.siren}) :") + "\n"


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
