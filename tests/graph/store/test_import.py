"""``graph.importer``: three territories from three formats in one Oxigraph store, each
in its own named graph, replaced whole; violations refused with the French report,
warnings taken and listed; a TriG with a foreign named graph refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from feuille_de_route.graph.importer import ImportOutcome, import_sources
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store
from feuille_de_route.queries import run_query

from .import_territories import (
    FOYEN_IRI,
    GRAND_PERIGUEUX_IRI,
    ISLE_IRI,
    Territories,
)

pytestmark = pytest.mark.timeout(300)

GRAPH_OF = "SELECT ?s ?p ?o WHERE { GRAPH ?_g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def imported(
    territories: Territories, tmp_path_factory: pytest.TempPathFactory
) -> tuple[OxigraphStore, list[ImportOutcome]]:
    store = OxigraphStore(tmp_path_factory.mktemp("stockage") / "oxigraph")
    return store, import_sources(territories.sources, store)


def held(store: Store, name: str) -> Graph:
    """The named graph ``name`` of ``store``, as an rdflib graph."""
    graph = Graph()
    for row in store.select(GRAPH_OF, {"_g": URIRef(name)}).rows:
        graph.add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return graph


def test_three_formats_three_named_graphs(
    territories: Territories,
    imported: tuple[OxigraphStore, list[ImportOutcome]],
    tmp_path: Path,
) -> None:
    store, outcomes = imported
    assert [o.error for o in outcomes] == [None, None, None]
    assert [o.roadmap for o in outcomes] == [GRAND_PERIGUEUX_IRI, ISLE_IRI, FOYEN_IRI]
    assert store.graph_names() == sorted([GRAND_PERIGUEUX_IRI, ISLE_IRI, FOYEN_IRI])
    # What the store holds of each is what it holds of the graph built from the source
    # (Oxigraph writes decimals in canonical form: "6.0" is held as "6").
    reference = OxigraphStore(tmp_path / "reference")
    for name, graph in territories.graphs.items():
        reference.add_graph(graph, name)
        assert isomorphic(held(store, name), held(reference, name)), name
        assert len(held(store, name)) == len(graph)


def test_the_catalogue_lists_the_three(
    imported: tuple[OxigraphStore, list[ImportOutcome]],
) -> None:
    store, _ = imported
    rows = run_query("feuilles-de-route", store)
    assert [(r["feuilleDeRoute"], r["identifiant"], r["titre"]) for r in rows] == [
        (
            GRAND_PERIGUEUX_IRI,
            "grand-perigueux",
            "Feuille de route territoriale d'inclusion numérique du Grand Périgueux",
        ),
        (
            ISLE_IRI,
            "isle-vern-salembre",
            "Feuille de route « Périgord connecté » — Isle, Vern & Salembre",
        ),
        (FOYEN_IRI, "pays-foyen", "Pays Foyen : cœur numérique, été 2025 ✓"),
    ]


def test_warnings_are_taken_and_listed(
    imported: tuple[OxigraphStore, list[ImportOutcome]],
) -> None:
    _, outcomes = imported
    isle = outcomes[1]
    # Two enjeux with one chantier each, two enjeux where the method wants 3 to 4.
    assert len(isle.warnings) == 3
    assert sum("4 à 5 chantiers" in w for w in isle.warnings) == 2
    assert "3 avertissements" in isle.text()
    assert isle.text().startswith("✓ ")


def test_memory_store_takes_the_same(territories: Territories) -> None:
    store = MemoryStore(engine="rdflib")  # keeps lexical forms: isomorphic to the source
    outcomes = import_sources(territories.sources, store)
    assert all(o.imported for o in outcomes)
    assert store.graph_names() == sorted(territories.graphs)
    for name, graph in territories.graphs.items():
        assert isomorphic(held(store, name), graph), name


def _smaller(graph: Graph, folder: Path) -> Path:
    """``graph`` without its second chantier's action, as Turtle."""
    smaller = Graph()
    for triple in graph:
        if "action/2.a" not in str(triple[0]):
            smaller.add(triple)
    path = folder / "v2.ttl"
    smaller.serialize(path, format="turtle", encoding="utf-8")
    return path


def test_a_new_version_replaces_the_old_whole(territories: Territories, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "oxigraph")
    [first] = import_sources([territories.isle_xlsx], store)
    assert first.imported and not first.replaced
    version2 = _smaller(territories.graphs[ISLE_IRI], tmp_path)
    [second] = import_sources([version2], store)
    assert second.imported and second.replaced, second.error
    assert "remplace la version précédente" in second.text()
    reference = OxigraphStore(tmp_path / "reference")
    reference.add_graph(Graph().parse(version2), ISLE_IRI)
    assert isomorphic(held(store, ISLE_IRI), held(reference, ISLE_IRI))
    assert second.triples < first.triples


def test_violations_are_refused_with_the_french_report(
    territories: Territories, tmp_path: Path
) -> None:
    broken = Graph()
    for triple in territories.graphs[FOYEN_IRI]:
        broken.add(triple)
    chantier = URIRef(FOYEN_IRI + "chantier/1.a")
    broken.remove((chantier, None, None))
    broken.add((chantier, DCTERMS.identifier, Literal("1.a")))  # a chantier without type
    broken.add((URIRef(FOYEN_IRI + "chantier/9"), URIRef(FOYEN_IRI + "x"), Literal(1)))
    broken.remove((URIRef(FOYEN_IRI + "defi/D1"), None, None))  # défi gone: chantiers orphan
    path = tmp_path / "casse.ttl"
    broken.serialize(path, format="turtle", encoding="utf-8")
    store = MemoryStore()
    [outcome] = import_sources([path], store)
    assert not outcome.imported
    assert outcome.error is not None
    assert "formes SHACL" in outcome.error and "Violations" in outcome.error
    assert outcome.text().startswith(f"✗ {path} : REFUSÉE")
    assert store.graph_names() == []


def test_trig_with_a_foreign_named_graph_is_refused(
    territories: Territories, tmp_path: Path
) -> None:
    dataset = Dataset()
    own = dataset.graph(URIRef(FOYEN_IRI))
    for triple in territories.graphs[FOYEN_IRI]:
        own.add(triple)
    dataset.graph(URIRef("https://w3id.org/feuille-de-route/ontologie")).add(
        (URIRef(FOYEN_IRI + "x"), DCTERMS.title, Literal("intrus"))
    )
    path = tmp_path / "deux-graphes.trig"
    dataset.serialize(path, format="trig", encoding="utf-8")
    store = MemoryStore()
    [outcome] = import_sources([path], store)
    assert outcome.error is not None
    assert "une seule feuille de route" in outcome.error
    assert store.graph_names() == []


def test_unknown_kind_and_missing_file_are_french(tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"x")
    outcomes = import_sources([odd, tmp_path / "absent.ttl"], MemoryStore())
    assert outcomes[0].error is not None and "type de source non reconnu" in outcomes[0].error
    assert outcomes[1].error is not None and "introuvable" in outcomes[1].error
