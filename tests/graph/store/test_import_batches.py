"""The import writes the roadmaps an Oxigraph store does not hold yet in batches (bulk
loader, journal): outcomes come once their batch is written, in the order of the
sources; the same roadmap twice, the later wins; a batch that fails refuses each of its
roadmaps, in French, and leaves the store as it was for them, the others kept; a held
roadmap is still replaced at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from feuille_de_route.graph.importer import ImportOutcome, Reading, _import, import_sources
from feuille_de_route.graph.importer._writer import BATCH_QUADS
from feuille_de_route.graph.store import OxigraphStore, StoreError, roadmap_graph_name

from .conftest import roadmap

pytestmark = pytest.mark.timeout(300)

FAST = Reading(validation="oxigraph")
NAMES = ("Alpha", "Beta", "Gamma", "Delta")
SIRENS = ("200040392", "200027183", "200069037", "200036473")


def _roadmap(name: str, siren: str) -> Graph:
    """A small roadmap of the contract's shape, with the labels the shapes ask for."""
    graph = roadmap(name, siren)
    iri = roadmap_graph_name(graph)
    graph.add((URIRef(iri), RDFS.label, Literal(f"Feuille de route {name}", lang="fr")))
    graph.add((URIRef(iri + "commune/24322"), RDFS.label, Literal("Périgueux", lang="fr")))
    return graph


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Four small roadmaps, each a Turtle file; and Beta again with another title."""
    folder = tmp_path_factory.mktemp("sources")
    paths = {}
    for name, siren in zip(NAMES, SIRENS, strict=True):
        paths[name] = folder / f"{name}.ttl"
        _roadmap(name, siren).serialize(paths[name], format="turtle")
    changed = _roadmap("Beta", SIRENS[1])
    iri = URIRef(roadmap_graph_name(changed))
    changed.set((iri, DCTERMS.title, Literal("Beta, version deux", lang="fr")))
    paths["Beta v2"] = folder / "Beta-v2.ttl"
    changed.serialize(paths["Beta v2"], format="turtle")
    return paths


def _iri(name: str) -> str:
    return f"https://w3id.org/feuille-de-route/territoires/{name.lower()}/"


def _title(store: OxigraphStore, name: str) -> list[str]:
    query = "SELECT ?t WHERE { GRAPH ?_g { ?_g <http://purl.org/dc/terms/title> ?t } }"
    return [str(row["t"]) for row in store.select(query, {"_g": URIRef(_iri(name))}).rows]


def _size(store: OxigraphStore, name: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"
    return int(store.select(query, {"_g": URIRef(_iri(name))}).rows[0]["n"])  # type: ignore[arg-type]


@pytest.mark.parametrize("bound", [1, 10, BATCH_QUADS], ids=["un-par-lot", "lots", "un-lot"])
def test_batches_hold_what_one_transaction_per_roadmap_held(
    sources: dict[str, Path], tmp_path: Path, bound: int
) -> None:
    paths = [sources[name] for name in NAMES]
    store = OxigraphStore(tmp_path / "s")
    seen: list[ImportOutcome] = []
    read: list[int] = []
    outcomes = import_sources(
        paths,
        store,
        FAST,
        on_outcome=seen.append,
        on_source=lambda: read.append(len(seen)),
        batch_quads=bound,
    )
    assert seen == outcomes  # each reported once, in the order of the sources
    assert [(o.error, o.roadmap, o.replaced) for o in outcomes] == [
        (None, _iri(name), False) for name in NAMES
    ]
    assert len(read) == len(NAMES)  # the progress advances per source
    if bound == BATCH_QUADS:  # one batch: its outcomes come once it is written, and
        assert read == [0, 0, 0, 4]  # before the last source is said done (the summary)
    assert store.graph_names() == sorted(_iri(name) for name in NAMES)
    for name, siren in zip(NAMES, SIRENS, strict=True):
        assert _size(store, name) == len(_roadmap(name, siren))
        assert o_triples(outcomes, name) == _size(store, name)


def o_triples(outcomes: list[ImportOutcome], name: str) -> int:
    return next(o.triples for o in outcomes if o.roadmap == _iri(name))


def test_the_same_roadmap_twice_in_one_batch_the_later_wins(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "s")
    paths = [sources["Beta"], sources["Alpha"], sources["Beta v2"]]
    outcomes = import_sources(paths, store, FAST)
    assert [(o.roadmap, o.replaced, o.error) for o in outcomes] == [
        (_iri("Beta"), False, None),
        (_iri("Alpha"), False, None),
        (_iri("Beta"), True, None),
    ]
    assert _title(store, "Beta") == ["Beta, version deux"]
    assert "remplace la version précédente" in outcomes[2].text()


def test_a_held_roadmap_is_replaced_at_once_and_outcomes_keep_their_order(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "s")
    import_sources([sources["Beta"]], store, FAST)
    outcomes = import_sources([sources["Alpha"], sources["Beta v2"], sources["Gamma"]], store, FAST)
    assert [(o.roadmap, o.replaced) for o in outcomes] == [
        (_iri("Alpha"), False),
        (_iri("Beta"), True),
        (_iri("Gamma"), False),
    ]
    assert _title(store, "Beta") == ["Beta, version deux"]


class _FullDisk(OxigraphStore):
    """A store whose bulk writes number ``failing`` (counted from 1) fail, as a full disk
    would make them (fault injection: nothing else here makes the real bulk loader fail)."""

    def __init__(self, folder: Path, failing: set[int], reads: bool = True) -> None:
        super().__init__(folder)
        self.calls, self.failing, self.reads = 0, failing, reads

    def add_new_graphs(self, graphs: Iterable[tuple[str, Iterable[ox.Quad]]]) -> None:
        self.calls += 1
        if self.calls in self.failing:  # the graphs are read (or not), then the disk is full
            for _name, quads in graphs if self.reads else ():
                list(quads)
            raise StoreError("impossible d'enregistrer le lot de graphes : disque plein")
        super().add_new_graphs(graphs)


def test_a_failed_batch_refuses_its_roadmaps_and_keeps_the_others(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    store = _FullDisk(tmp_path / "s", failing={3})
    import_sources([sources["Delta"]], store, FAST)  # held before: replaced at once
    size = len(_roadmap("Alpha", SIRENS[0]))
    paths = [sources["Alpha"], sources["Beta"], sources["Delta"], sources["Gamma"]]
    # Batches of about two roadmaps: Alpha and Beta are written, Gamma's batch fails.
    outcomes = import_sources(paths, store, FAST, batch_quads=2 * size)
    assert [(o.roadmap, o.imported) for o in outcomes] == [
        (_iri("Alpha"), True),
        (_iri("Beta"), True),
        (_iri("Delta"), True),
        (_iri("Gamma"), False),
    ]
    error = outcomes[3].error or ""
    assert error.startswith("refusée : impossible d'enregistrer le lot de graphes : disque plein")
    assert "le stockage est inchangé pour cette feuille de route" in error
    assert "REFUSÉE" in outcomes[3].text()
    assert store.graph_names() == sorted(_iri(n) for n in ("Alpha", "Beta", "Delta"))
    assert _size(store, "Gamma") == 0


def test_a_roadmap_of_a_failed_batch_can_be_imported_again(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    store = _FullDisk(tmp_path / "s", failing={1})
    [refused] = import_sources([sources["Alpha"]], store, FAST)
    assert not refused.imported
    [again] = import_sources([sources["Alpha"]], store, FAST)
    assert (again.imported, again.replaced) == (True, False)
    assert _size(store, "Alpha") == len(_roadmap("Alpha", SIRENS[0]))


class _Counting(OxigraphStore):
    """A real store that counts its flushes."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_replacing_held_roadmaps_flushes_every_batch_of_quads_to_bound_memory(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    """Transactions leave their writes in RocksDB's memory tables until a flush: the
    import flushes every ``batch_quads`` quads it wrote so (held graphs replaced)."""
    store = _Counting(tmp_path / "s")
    paths = [sources[name] for name in NAMES]
    import_sources(paths, store, FAST)
    assert store.flushes == 0
    size = len(_roadmap("Alpha", SIRENS[0]))
    outcomes = import_sources(paths, store, FAST, batch_quads=2 * size)
    assert [o.replaced for o in outcomes] == [True] * 4
    assert store.flushes == 2


def test_a_later_version_of_a_roadmap_whose_batch_failed_replaces_nothing(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    """Beta fills a batch that fails when Beta v2 comes: Beta v2 is then new, not a
    replacement (its outcome says so), and it is written."""
    store = _FullDisk(tmp_path / "s", failing={1})
    size = len(_roadmap("Beta", SIRENS[1]))
    paths = [sources["Beta"], sources["Beta v2"]]
    outcomes = import_sources(paths, store, FAST, batch_quads=size)
    assert [(o.imported, o.replaced) for o in outcomes] == [(False, False), (True, False)]
    assert _title(store, "Beta") == ["Beta, version deux"]


def test_a_roadmap_given_again_in_a_failed_write_is_written_after_it(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    """Beta and Beta v2 in one bulk write that fails: Beta is refused with it; Beta v2,
    which waited for the write, is written once it is over."""
    store = _FullDisk(tmp_path / "s", failing={1})
    outcomes = import_sources([sources["Beta"], sources["Beta v2"]], store, FAST)
    assert [o.imported for o in outcomes] == [False, True]
    assert _title(store, "Beta") == ["Beta, version deux"]
    assert store.graph_names() == [_iri("Beta")]


def test_an_import_that_breaks_mid_write_leaves_none_of_it(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    """The sources themselves fail (here, their iterator) while a bulk write reads the
    import: the error goes on to the caller, and the write is undone."""

    def given() -> Iterator[Path]:
        yield sources["Alpha"]
        yield sources["Beta"]
        raise RuntimeError("liste des sources illisible")

    store = OxigraphStore(tmp_path / "s")
    with pytest.raises(RuntimeError, match="liste des sources illisible"):
        import_sources(given(), store, FAST)
    assert store.graph_names() == []
    assert store.is_empty()
    import_sources([sources["Alpha"]], store, FAST)  # the store still takes imports
    assert store.graph_names() == [_iri("Alpha")]


def test_an_import_that_breaks_after_a_failed_write_says_its_own_error(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    """The bulk write fails before reading the import; the import, read to refuse its
    roadmaps, then breaks: its own error goes on, not the writer's inner one."""

    def given() -> Iterator[Path]:
        yield sources["Alpha"]
        raise RuntimeError("liste des sources illisible")

    store = _FullDisk(tmp_path / "s", failing={1}, reads=False)
    with pytest.raises(RuntimeError, match="liste des sources illisible"):
        import_sources(given(), store, FAST)
    assert store.graph_names() == []


class _Compacting(OxigraphStore):
    """A real store that counts its compactions."""

    compactions = 0

    def optimize(self) -> None:
        self.compactions += 1
        super().optimize()


@pytest.mark.parametrize("threshold", [1, 10**9], ids=["grosse-ecriture", "petite-ecriture"])
def test_a_large_bulk_write_is_compacted_at_the_end(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threshold: int
) -> None:
    """Many files left by the bulk loader are merged once, at the end of the import,
    not by background threads while the first questions run."""
    monkeypatch.setattr(_import, "COMPACT_QUADS", threshold)
    store = _Compacting(tmp_path / "s")
    outcomes = import_sources([sources[name] for name in NAMES], store, FAST)
    assert all(o.imported for o in outcomes)
    assert store.compactions == (1 if threshold == 1 else 0)
    assert store.graph_names() == sorted(_iri(name) for name in NAMES)
    again = import_sources([sources["Alpha"]], store, FAST)  # held: replaced, no bulk write
    assert again[0].replaced and store.compactions == (1 if threshold == 1 else 0)
