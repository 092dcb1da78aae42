"""Issue 12: the follow-up queries give the same strings on rdflib, Oxigraph and Jena ARQ
on the made-up territory of ``tests/suivi_essai.py`` (the Grand Périgueux has no status,
date or budget, so the catalogue-wide test sees no late action and no amount there), and
the rows computed by hand."""

import pytest
from rdflib import Graph
from rdflib.term import Identifier

from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.graph.store._values import with_values
from feuille_de_route.queries import get_query
from feuille_de_route.queries._parameters import bind_parameters

from ..suivi_essai import BASE, TODAY, suivi_graph
from .arq import Arq, Cell, Table, cells, dataset_file

ASKED: list[tuple[str, dict[str, object]]] = [
    ("avancement", {"feuilleDeRoute": BASE}),
    ("actions-en-retard", {"feuilleDeRoute": BASE, "aujourdhui": TODAY}),
    ("financements", {"feuilleDeRoute": BASE}),
    ("financements", {}),
]
IDS = [f"{name}-{n}" for n, (name, _) in enumerate(ASKED)]
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
STRING = "http://www.w3.org/2001/XMLSchema#string"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return suivi_graph()


@pytest.fixture(scope="module")
def stores(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("oxigraph"))
    oxigraph.add_graph(graph, roadmap_graph_name(graph))
    return {"rdflib": MemoryStore(graph), "oxigraph": oxigraph}


def _bindings(name: str, params: dict[str, object]) -> dict[str, Identifier]:
    return bind_parameters(get_query(name), params)


def _table(store: Store, text: str, bindings: dict[str, Identifier]) -> Table:
    result = store.select(text, bindings)
    rows = tuple(tuple(cells(row.get(v)) for v in result.variables) for row in result.rows)
    return tuple(result.variables), rows


@pytest.fixture(scope="module")
def on_arq(arq: Arq, graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> list[Table]:
    folder = tmp_path_factory.mktemp("requetes")
    texts = [with_values(get_query(n).text, _bindings(n, p)) for n, p in ASKED]
    return arq.select(dataset_file(graph, folder), texts, folder)


@pytest.mark.parametrize("index", range(len(ASKED)), ids=IDS)
def test_same_strings_on_the_three_engines(
    index: int, stores: dict[str, Store], on_arq: list[Table]
) -> None:
    name, params = ASKED[index]
    bindings = _bindings(name, params)
    text = get_query(name).text
    rdflib = _table(stores["rdflib"], text, bindings)
    assert rdflib[1], "aucune ligne : la comparaison ne prouverait rien"
    assert _table(stores["oxigraph"], text, bindings) == rdflib
    assert on_arq[index] == rdflib


def _lexical(cell: Cell) -> tuple[str, str] | None:
    return None if cell is None else (cell[1], cell[2])


def test_amounts_are_canonical_decimals(stores: dict[str, Store]) -> None:
    """The lexical forms themselves, computed by hand (a zero share included: zero
    divided by a decimal is an error on Oxigraph, so the query says it apart)."""
    variables, rows = _table(stores["oxigraph"], get_query("financements").text, {})
    wanted = [variables.index(v) for v in ("financeurId", "montantTotal", "partDuBudget")]
    found = [[_lexical(row[i]) for i in wanted] for row in rows]
    assert found == [
        [("R1", STRING), ("7500.25", DECIMAL), ("0.429", DECIMAL)],
        [("R2", STRING), ("2000", DECIMAL), ("0.114", DECIMAL)],
        [("R4", STRING), ("0", DECIMAL), ("0", DECIMAL)],
    ]
