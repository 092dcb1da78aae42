"""New graphs written in bulk (``OxigraphStore.add_new_graphs``), safe against a crash:
the store's journal names the graphs a bulk write is filling, and opening a store whose
journal names graphs drops them (no half roadmap), the journal never shown."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from feuille_de_route.graph.store import VOCABULARY_GRAPH, OxigraphStore, StoreError
from feuille_de_route.graph.store._journal import JOURNAL_GRAPH, pending

BASE = "https://example.org/territoires/"
KEPT, HALF, OTHER = BASE + "garde/", BASE + "moitie/", BASE + "autre/"
_P = ox.NamedNode(BASE + "label")


def _quads(name: str, count: int) -> list[ox.Quad]:
    """``count`` triples about ``name`` (as quads of the default graph)."""
    return [ox.Quad(ox.NamedNode(f"{name}n{i}"), _P, ox.Literal(f"{i}")) for i in range(count)]


def _count(store: OxigraphStore, name: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"
    return int(store.select(query, {"_g": URIRef(name)}).rows[0]["n"])  # type: ignore[arg-type]


def _union_size(store: OxigraphStore) -> int:
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {}).rows
    return int(rows[0]["n"])  # type: ignore[arg-type]


def test_new_graphs_written_in_bulk_each_in_its_graph(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    blank = ox.BlankNode()
    shared = [ox.Quad(blank, _P, ox.Literal("a")), ox.Quad(ox.NamedNode(OTHER), _P, blank)]
    store.add_new_graphs({KEPT: _quads(KEPT, 3), OTHER: shared}.items())
    assert store.graph_names() == [OTHER, KEPT]
    assert (_count(store, KEPT), _count(store, OTHER)) == (3, 2)
    # The blank node stays one node across its two triples.
    rows = store.select(
        "SELECT ?o WHERE { GRAPH ?_g { ?x ?p ?b . ?b ?p ?o } }", {"_g": URIRef(OTHER)}
    )
    assert [str(row["o"]) for row in rows.rows] == ["a"]


def test_a_graph_not_new_is_refused_and_the_write_undone(tmp_path: Path) -> None:
    """A held graph, or one given twice: the bulk write would add to it, not replace."""
    store = OxigraphStore(tmp_path / "s")
    store.add_quads(_quads(KEPT, 5), KEPT)
    for given in (
        [(OTHER, _quads(OTHER, 1)), (KEPT, _quads(KEPT, 2))],
        [(OTHER, _quads(OTHER, 1)), (OTHER, _quads(OTHER, 2))],
    ):
        with pytest.raises(StoreError, match="n'est pas nouveau"):
            store.add_new_graphs(given)
        assert store.graph_names() == [KEPT]
        assert (_count(store, KEPT), _count(store, OTHER)) == (5, 0)


def test_graphs_are_read_as_the_write_goes(tmp_path: Path) -> None:
    """The write reads a generator lazily: each graph is in the journal before its
    quads are read (a crash there leaves it to the next opening)."""
    store = OxigraphStore(tmp_path / "s")
    journaled: list[set[str]] = []

    def graphs() -> Iterator[tuple[str, list[ox.Quad]]]:
        for name in (KEPT, OTHER):
            yield name, _quads(name, 2)
            journaled.append({graph.value for graph in pending(store._store)})

    store.add_new_graphs(graphs())
    assert journaled == [{KEPT}, {KEPT, OTHER}]
    assert (_count(store, KEPT), _count(store, OTHER)) == (2, 2)
    assert not store.holds(JOURNAL_GRAPH)


def _failing(name: str) -> Iterator[ox.Quad]:
    yield from _quads(name, 10)
    raise ValueError("disque plein (simulé)")


def test_a_failed_bulk_write_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    store.add_quads(_quads(KEPT, 4), KEPT)
    with pytest.raises(StoreError, match="impossible d'enregistrer le lot de graphes"):
        store.add_new_graphs({OTHER: _quads(OTHER, 3), HALF: _failing(HALF)}.items())
    assert store.graph_names() == [KEPT]
    assert (_count(store, KEPT), _count(store, OTHER), _count(store, HALF)) == (4, 0, 0)
    assert not store.holds(JOURNAL_GRAPH)
    store.add_new_graphs({OTHER: _quads(OTHER, 3)}.items())  # the store still takes batches
    assert _count(store, OTHER) == 3


def test_the_journal_graph_cannot_be_written_as_a_roadmap(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    with pytest.raises(StoreError, match="réservé au journal"):
        store.add_new_graphs({JOURNAL_GRAPH: _quads(KEPT, 1)}.items())
    with pytest.raises(StoreError, match="réservé au journal"):
        store.add_quads(_quads(KEPT, 1), JOURNAL_GRAPH)


def test_opening_drops_the_graphs_a_crashed_batch_left_half_written(tmp_path: Path) -> None:
    """A crash between the journal's entry and its removal: the store holds part of a
    batch (one graph partial, one whole but of the same batch) and the journal."""
    folder = tmp_path / "s"
    OxigraphStore(folder).add_quads(_quads(KEPT, 4), KEPT)
    raw = ox.Store(str(folder))
    journal = ox.NamedNode(JOURNAL_GRAPH)
    raw.extend(
        ox.Quad(journal, ox.NamedNode(JOURNAL_GRAPH + ":enCours"), ox.NamedNode(name), journal)
        for name in (HALF, OTHER)
    )
    half = ox.NamedNode(HALF)
    raw.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, half) for q in _quads(HALF, 2))
    other = ox.NamedNode(OTHER)
    raw.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, other) for q in _quads(OTHER, 3))
    raw.flush()
    del raw

    store = OxigraphStore(folder)
    assert store.graph_names() == [KEPT]
    assert not store.holds(JOURNAL_GRAPH)
    assert (_count(store, HALF), _count(store, OTHER), _count(store, KEPT)) == (0, 0, 4)
    # Queries' default graph (the union) holds the vocabulary and KEPT, nothing else.
    assert _union_size(store) == _count(store, VOCABULARY_GRAPH) + 4
    assert not store.is_empty()


def test_a_store_holding_only_a_crashed_batch_opens_empty(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    OxigraphStore(folder)
    raw = ox.Store(str(folder))
    journal, half = ox.NamedNode(JOURNAL_GRAPH), ox.NamedNode(HALF)
    raw.add(ox.Quad(journal, ox.NamedNode(JOURNAL_GRAPH + ":enCours"), half, journal))
    raw.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, half) for q in _quads(HALF, 2))
    del raw
    store = OxigraphStore(folder)
    assert store.is_empty()
    assert store.graph_names() == []


_CRASH = """
import os, signal, sys
from pathlib import Path
import pyoxigraph as ox
from feuille_de_route.graph.store import OxigraphStore

folder, kept, half = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
p = ox.NamedNode(kept + "label")
store = OxigraphStore(folder)
store.add_quads([ox.Quad(ox.NamedNode(kept + "n0"), p, ox.Literal("gardé"))], kept)
store.flush()

def quads():
    for i in range(1000):
        if i == 500:  # the process dies in the middle of the bulk write
            os.kill(os.getpid(), signal.SIGKILL)
        yield ox.Quad(ox.NamedNode(f"{half}n{i}"), p, ox.Literal(str(i)))

store.add_new_graphs({half: quads()}.items())
print("not reached")
"""


def test_a_process_killed_mid_batch_leaves_no_half_roadmap(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CRASH), str(folder), KEPT, HALF],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -9, done.stderr  # killed, not finished
    assert "not reached" not in done.stdout
    raw = ox.Store(str(folder))
    assert raw.contains_named_graph(ox.NamedNode(JOURNAL_GRAPH))  # the crash left it
    del raw
    store = OxigraphStore(folder)
    assert store.graph_names() == [KEPT]
    assert (_count(store, KEPT), _count(store, HALF)) == (1, 0)
    assert not store.holds(JOURNAL_GRAPH)
