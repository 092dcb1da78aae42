"""Issue 11 §1: a CSV of lieux de médiation numérique (national standard) is an
``importer`` source. The lieux belong to the territory ``--base-iri`` names, land in its
named graph ``{base}lieux`` (replaced in one step on re-import, never touching the
roadmap's own graph), are checked against the scope rule and the shapes like any
source; a bad row is refused with its line and column, the store left as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from feuille_de_route.cli import main
from feuille_de_route.graph.importer import Reading, import_sources, stored_roadmaps
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, roadmap_graph_name
from feuille_de_route.queries import run_query

from ..test_lieux import LIEU, changed, lieux_csv
from .conftest import OxigraphServer, roadmap
from .import_territories import serve_folder

pytestmark = pytest.mark.timeout(300)

BASE = "https://example.org/territoires/lieux/"
GRAPH = BASE + "lieux"
SECOND = changed(id="espace-2", nom="Espace numérique « Deux »", pivot="13000668000016")


@pytest.fixture(scope="module")
def territory() -> Graph:
    """A small roadmap of the contract's shape, under the project's territories space."""
    return roadmap("Perigueux", "200040392")


@pytest.fixture(scope="module")
def refusing_store(territory: Graph, tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The Grand Périgueux alone: the refused sources below must leave it so."""
    store = OxigraphStore(tmp_path_factory.mktemp("refus") / "stockage")
    store.add_graph(territory, roadmap_graph_name(territory))
    return store


def _quads(store: OxigraphStore) -> set[tuple[str, str, str, str]]:
    rows = store.select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {}).rows
    return {(str(r["g"]), str(r["s"]), str(r["p"]), repr(r["o"])) for r in rows}


def _in_graph(store: OxigraphStore, name: str) -> set[str]:
    query = "SELECT ?s WHERE { GRAPH ?_g { ?s a ?type } }"
    return {str(r["s"]) for r in store.select(query, {"_g": URIRef(name)}).rows}


def _importer(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["importer", *argv])
    gc.collect()  # the command's store: one opening of a folder per process
    return code, capsys.readouterr().out


def test_the_national_example_imports(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = shared_data / "mednum" / "exemple-valide.csv"
    folder = tmp_path / "stockage"
    code, out = _importer(capsys, str(example), "--stockage", str(folder), "--base-iri", BASE)
    assert code == 0, out
    assert f"1 lieu de médiation numérique du territoire <{BASE}> importé" in out
    assert f"dans le graphe <{GRAPH}>" in out
    assert "Bilan : 1 source(s) importée(s), 0 refusée(s), sur 1." in out
    store = OxigraphStore(folder)
    assert store.graph_names() == [GRAPH]
    assert BASE + "lieu/structure-1" in _in_graph(store, GRAPH)


def test_reimport_replaces_the_lieux_and_leaves_the_roadmap(
    territory: Graph, tmp_path: Path
) -> None:
    base = roadmap_graph_name(territory)
    store = OxigraphStore(tmp_path / "stockage")
    store.add_graph(territory, base)
    roadmap = _in_graph(store, base)
    reading = Reading(base_iri=base)
    both = lieux_csv(tmp_path, LIEU, SECOND, name="deux.csv")
    [first] = import_sources([both], store, reading)
    assert first.imported, first.error
    assert (first.lieux, first.replaced, first.roadmap) == (2, False, base)
    assert _in_graph(store, base + "lieux") >= {base + "lieu/mediatheque-1", base + "lieu/espace-2"}
    one = lieux_csv(tmp_path, SECOND, name="un.csv")
    [second] = import_sources([one], store, reading)
    assert second.imported and second.replaced and second.lieux == 1
    assert "remplace la version précédente" in second.text()
    lieux = {s for s in _in_graph(store, base + "lieux") if "/lieu/" in s}
    assert lieux == {base + "lieu/espace-2"}  # the first CSV's other lieu is gone
    assert _in_graph(store, base) == roadmap  # the roadmap's own graph untouched
    # Re-importing the roadmap leaves its lieux in their graph.
    store.add_graph(territory, base)
    assert {s for s in _in_graph(store, base + "lieux") if "/lieu/" in s} == lieux


def test_a_roadmap_query_sees_its_lieux_on_every_store(territory: Graph, tmp_path: Path) -> None:
    """Oxigraph narrows a query given a roadmap to its graph: its lieux' graph too."""
    base = roadmap_graph_name(territory)
    oxigraph = OxigraphStore(tmp_path / "stockage")
    oxigraph.add_graph(territory, base)
    [outcome] = import_sources(
        [lieux_csv(tmp_path, LIEU)], oxigraph, Reading(validation="oxigraph", base_iri=base)
    )
    assert outcome.imported, outcome.error
    union = Graph()
    union += territory
    union += _graph_triples(oxigraph, base + "lieux")
    memory = MemoryStore(union)
    on_oxigraph = run_query("ressources", oxigraph, feuilleDeRoute=base)
    on_memory = run_query("ressources", memory, feuilleDeRoute=base)
    names = {str(row["ressource"]) for row in on_oxigraph}
    assert base + "lieu/mediatheque-1" in names
    assert sorted(map(repr, on_oxigraph)) == sorted(map(repr, on_memory))


def _graph_triples(store: OxigraphStore, name: str) -> Graph:
    graph = Graph()
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?_g { ?s ?p ?o } }"
    for row in store.select(query, {"_g": URIRef(name)}).rows:
        graph.add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return graph


def test_a_bad_row_is_refused_by_line_and_column_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stockage"
    store = OxigraphStore(folder)
    good = lieux_csv(tmp_path, LIEU, name="bon.csv")
    fast = Reading(validation="oxigraph", base_iri=BASE)
    assert import_sources([good], store, fast)[0].imported
    before = _quads(store)
    store.close()
    gc.collect()
    bad = lieux_csv(tmp_path, SECOND, changed(pivot="73282932000075"), name="mauvais.csv")
    code, out = _importer(capsys, str(bad), "--stockage", str(folder), "--base-iri", BASE)
    assert code == 2
    assert f"✗ {bad} : REFUSÉE" in out
    assert "ligne 3, colonne « pivot »" in out
    assert "Traceback" not in out
    assert _quads(OxigraphStore(folder)) == before


@pytest.mark.parametrize(
    ("base", "words"),
    [
        # Inside the space of a territory already in the store.
        ("https://w3id.org/feuille-de-route/territoires/perigueux/quartier/", "autre"),
        ("https://w3id.org/feuille-de-route/ontologie/", "espace partagé du projet"),
        ("ftp://example.org/lieux/", "http(s)"),
        ("https://example.org/sans-barre", "http(s)"),
    ],
)
def test_a_base_outside_the_territories_is_refused(
    base: str, words: str, refusing_store: OxigraphStore, tmp_path: Path
) -> None:
    store = refusing_store
    before = _quads(store)
    [outcome] = import_sources([lieux_csv(tmp_path, LIEU)], store, Reading(base_iri=base))
    assert not outcome.imported
    assert words in (outcome.error or "")
    assert _quads(store) == before


def test_without_a_base_iri_the_csv_is_refused_in_french(tmp_path: Path) -> None:
    store = MemoryStore()
    [outcome] = import_sources([lieux_csv(tmp_path, LIEU)], store)
    assert not outcome.imported
    assert "--base-iri" in (outcome.error or "")
    assert store.graph_names() == []


def test_a_fetched_csv_is_read_as_lieux(tmp_path: Path) -> None:
    """An address ending ``.csv`` (or served as ``text/csv``) is a CSV of lieux too."""
    lieux_csv(tmp_path, LIEU, name="lieux.csv")
    store = MemoryStore()
    with serve_folder(tmp_path) as server:
        [outcome] = import_sources([f"{server.url}/lieux.csv"], store, Reading(base_iri=BASE))
    assert outcome.imported, outcome.error
    assert outcome.lieux == 1 and store.graph_names() == [GRAPH]


@pytest.mark.server
def test_lieux_go_to_a_server_in_their_graph(
    oxigraph_server: OxigraphServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = lieux_csv(tmp_path, LIEU, SECOND)
    argv = ["--endpoint", oxigraph_server.url, "--base-iri", BASE, "--validation", "rapide"]
    code, out = _importer(capsys, str(both), *argv)
    assert code == 0, out
    triples = oxigraph_server.count(GRAPH)
    code, out = _importer(capsys, str(lieux_csv(tmp_path, LIEU, name="un.csv")), *argv)
    assert code == 0 and "remplace la version précédente" in out
    assert 0 < oxigraph_server.count(GRAPH) < triples


def test_a_territory_held_only_by_its_lieux_keeps_its_space(tmp_path: Path) -> None:
    """Regression (the scope rule's gap): a store holding only the lieux graph ``{B}lieux``
    of a base ``B``, without the roadmap ``B``, counts ``B`` as a territory — in a later
    run (``stored_roadmaps``) and later in the same run — so no other territory's source
    claims IRIs under ``B`` or nests its roadmap there."""
    base = "https://w3id.org/feuille-de-route/territoires/lieux-seuls/"
    store = OxigraphStore(tmp_path / "stockage")
    nested = roadmap("Lieux-seuls/quartier", "200040392")
    nested_path = tmp_path / "imbriquee.ttl"
    nested.serialize(nested_path, format="turtle", encoding="utf-8")
    lieux = lieux_csv(tmp_path, LIEU)
    fast = Reading(validation="oxigraph", base_iri=base)
    taken, inside = import_sources([lieux, nested_path], store, fast)
    assert taken.imported, taken.error
    assert inside.error is not None and "dans l'espace d'un autre territoire" in inside.error
    assert stored_roadmaps(store) == {base}
    claiming = roadmap("Bergerac", "200027183")
    claiming.add((URIRef(base + "lieu/mediatheque-1"), RDFS.label, Literal("Lieu volé")))
    path = tmp_path / "voleur.ttl"
    claiming.serialize(path, format="turtle", encoding="utf-8")
    before = _quads(store)
    [outcome] = import_sources([path], store, fast)
    assert outcome.error is not None
    assert f"IRI d'un autre territoire (feuille de route <{base}>" in outcome.error
    assert _quads(store) == before
