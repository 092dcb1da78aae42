"""Issue 11: the cross-territory questions give the same strings on rdflib, Oxigraph and
Jena ARQ on the three territories of ``tests/queries/territoires_essai.py`` (the
catalogue-wide test runs on the Grand Périgueux alone, where « operant-ailleurs » has
nothing to say)."""

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from feuille_de_route.graph.store import (
    VOCABULARY_GRAPH,
    MemoryStore,
    OxigraphStore,
    Store,
    vocabulary_graph,
)
from feuille_de_route.graph.store._values import with_values
from feuille_de_route.queries import get_query
from feuille_de_route.queries._parameters import bind_parameters

from ..queries.territoires_essai import ETE, GP, LEON, three_territories
from .arq import Arq, Table, cells

# Each question as a user asks it, with rows on these three territories.
ASKED: list[tuple[str, dict[str, object]]] = [
    ("operant-ailleurs", {"maFeuilleDeRoute": GP}),
    ("operant-ailleurs", {"maFeuilleDeRoute": ETE}),
    ("chantiers-memes-themes", {"maFeuilleDeRoute": LEON}),
    ("chantiers-memes-themes", {"maFeuilleDeRoute": ETE}),
    ("chantiers-memes-themes", {"maFeuilleDeRoute": LEON, "autreFeuilleDeRoute": GP}),
    ("comparaison", {"maFeuilleDeRoute": ETE, "autreFeuilleDeRoute": LEON}),
    ("comparaison", {"maFeuilleDeRoute": GP, "autreFeuilleDeRoute": ETE}),
    ("territoires-memes-themes", {"maFeuilleDeRoute": LEON}),
    ("territoires-memes-themes", {"maFeuilleDeRoute": GP}),
    ("comptes-nationaux", {}),
    ("comptes-regionaux", {}),
    ("carte-comparaison", {"maFeuilleDeRoute": ETE, "autreFeuilleDeRoute": LEON}),
    ("carte-comparaison", {"maFeuilleDeRoute": GP, "autreFeuilleDeRoute": LEON}),
]
IDS = [f"{name}-{n}" for n, (name, _) in enumerate(ASKED)]


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


@pytest.fixture(scope="module")
def stores(graphs: dict[str, Graph], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    union = Graph()
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("oxigraph"))
    for name, graph in graphs.items():
        union += graph
        oxigraph.add_graph(graph, name)
    return {"rdflib": MemoryStore(union, engine="rdflib"), "oxigraph": oxigraph}


def _bindings(name: str, params: dict[str, object]) -> dict[str, Identifier]:
    return bind_parameters(get_query(name), params)


def _table(store: Store, text: str, bindings: dict[str, Identifier]) -> Table:
    result = store.select(text, bindings)
    rows = tuple(tuple(cells(row.get(v)) for v in result.variables) for row in result.rows)
    return tuple(result.variables), rows


def _dataset(graphs: dict[str, Graph], folder: Path) -> Path:
    dataset = Dataset()
    for name, graph in {**graphs, VOCABULARY_GRAPH: vocabulary_graph()}.items():
        named = dataset.graph(URIRef(name))
        named.addN((s, p, o, named) for s, p, o in graph)
    path = folder / "trois.nq"
    dataset.serialize(path, format="nquads", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def on_arq(
    arq: Arq, graphs: dict[str, Graph], tmp_path_factory: pytest.TempPathFactory
) -> list[Table]:
    folder = tmp_path_factory.mktemp("requetes")
    texts = [with_values(get_query(n).text, _bindings(n, p)) for n, p in ASKED]
    return arq.select(_dataset(graphs, folder), texts, folder)


@pytest.mark.parametrize("index", range(len(ASKED)), ids=IDS)
def test_same_strings_across_territories(
    index: int, stores: dict[str, Store], on_arq: list[Table]
) -> None:
    name, params = ASKED[index]
    bindings = _bindings(name, params)
    text = get_query(name).text
    rdflib = _table(stores["rdflib"], text, bindings)
    assert rdflib[1], "aucune ligne : la comparaison ne prouverait rien"
    assert _table(stores["oxigraph"], text, bindings) == rdflib
    assert on_arq[index] == rdflib
