"""Issue 11: a store filled before the synthèse existed gets it when it is opened, so the
national questions do not silently leave its roadmaps out."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from feuille_de_route.cli import main
from feuille_de_route.graph import complete_synthesis
from feuille_de_route.graph._synthesis import synthesis_quads, without_synthesis
from feuille_de_route.graph.store import OxigraphStore
from feuille_de_route.graph.store._terms import ntriples
from feuille_de_route.queries import run_query

from ..queries.territoires_essai import ETE, GP, LEON, three_territories

FDR = "https://w3id.org/feuille-de-route/ontologie#"


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


def _bare(graph: Graph) -> list[ox.Quad]:
    """A roadmap's triples without its synthèse, as an earlier version stored them."""
    quads = [
        ox.Quad(t.subject, t.predicate, t.object)
        for t in ox.parse(ntriples(graph), format=ox.RdfFormat.N_TRIPLES)
    ]
    return without_synthesis(quads)[0]


def _old_store(folder: Path, graphs: dict[str, Graph]) -> OxigraphStore:
    store = OxigraphStore(folder)
    for name, graph in graphs.items():
        store.add_quads(_bare(graph), name)
    return store


def _triples(quads: list[ox.Quad]) -> set[ox.Triple]:
    """The triples as Oxigraph stores them (a decimal by value: "4.0" is 4)."""
    store = ox.Store()
    store.extend(ox.Quad(*q.triple) for q in quads)
    return {q.triple for q in store}


def test_an_old_store_gets_each_roadmap_s_synthesis(
    graphs: dict[str, Graph], tmp_path: Path
) -> None:
    store = _old_store(tmp_path / "stockage", graphs)
    assert run_query("comptes-nationaux", store) == []
    assert complete_synthesis(store) == sorted([GP, ETE, LEON])
    for name, graph in graphs.items():
        bare = _bare(graph)
        assert _triples(store.graph_quads(name)) == _triples([*bare, *synthesis_quads(bare)])
    assert {row["departementCode"] for row in run_query("comptes-nationaux", store)} >= {"24"}
    assert complete_synthesis(store) == []


_NEW = {FDR + name for name in ("cleTheme", "cleProgramme", "nbLiensConcept", "nbOperantsConcept")}
_PLACE = {FDR + "dansDepartement", FDR + "dansRegion"}


def _dated(quads: list[ox.Quad]) -> list[ox.Quad]:
    """A synthèse as computed before 2 December 2026: no own key, counts or place on
    the theme and programme lines."""
    return [
        q
        for q in quads
        if q.predicate.value not in _NEW
        and not (q.predicate.value in _PLACE and "synthese/" in str(q.subject))
    ]


def _roadmaps_counted_in_24(store: OxigraphStore) -> int:
    """The Dordogne's theme rows: one per roadmap and theme."""
    rows = run_query("comptes-nationaux", store)
    return sum(
        int(str(row["nbFeuillesDeRoute"]))
        for row in rows
        if row["departementCode"] == "24" and row["rubrique"] == "thème"
    )


def test_a_synthesis_computed_before_the_lines_own_keys_is_computed_again(
    graphs: dict[str, Graph], tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "stockage")
    for name, graph in graphs.items():
        bare = _bare(graph)
        whole = [*bare, *synthesis_quads(bare)]
        store.add_quads(_dated(whole) if name == GP else whole, name)
    assert len(_dated(list(store.graph_quads(GP)))) == len(list(store.graph_quads(GP)))
    before = _roadmaps_counted_in_24(store)
    assert complete_synthesis(store) == [GP]
    bare = _bare(graphs[GP])
    assert _triples(store.graph_quads(GP)) == _triples([*bare, *synthesis_quads(bare)])
    assert _roadmaps_counted_in_24(store) > before
    assert complete_synthesis(store) == []


def test_a_stray_synthesis_statement_is_replaced(graphs: dict[str, Graph], tmp_path: Path) -> None:
    store = _old_store(tmp_path / "stockage", {GP: graphs[GP]})
    stray = ox.Quad(
        ox.NamedNode(GP + "synthese/faux"), ox.NamedNode(FDR + "nbLiens"), ox.Literal("999")
    )
    store.add_quads([*store.graph_quads(GP), stray], GP)
    assert complete_synthesis(store) == [GP]
    assert stray.triple not in _triples(store.graph_quads(GP))


def test_the_command_line_says_it_completed_an_old_store(
    graphs: dict[str, Graph], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stockage"
    _old_store(folder, graphs)
    arguments = ["requete", "comptes-nationaux", "--stockage", str(folder), "--format", "csv"]
    assert main(arguments) == 0
    first = capsys.readouterr()
    assert "synthèse calculée pour 3 feuille(s) de route" in first.err
    assert "\n24," in first.out
    assert main(arguments) == 0
    assert "synthèse calculée" not in capsys.readouterr().err
