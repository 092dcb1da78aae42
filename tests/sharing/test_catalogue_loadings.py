"""Issue 10, items 1 and 2: the exports of ``construire``, loaded the way other tools load
them, give the whole catalogue the same strings as the project's own store, on rdflib,
Oxigraph and Jena ARQ: Turtle in the default graph; TriG and N-Quads with the roadmap in
its named graph, read through a union default graph; and, for Oxigraph, ``oxigraph
load`` then ``oxigraph serve --union-default-graph`` queried by ``requete --endpoint``.
For the Grand Périgueux and for a second territory typed into the template
(``tests/graph/test_second_territory.py``). Each export is loaded once per module and
ARQ runs every query of every loading in one JVM."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.term import Identifier

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, export_graph, load_roadmap, read_workbook
from feuille_de_route.graph.store import (
    EndpointStore,
    MemoryStore,
    OxigraphStore,
    Store,
    roadmap_graph_name,
    vocabulary_graph,
)
from feuille_de_route.graph.store._values import with_values
from feuille_de_route.queries import QueryDef, catalogue
from feuille_de_route.queries._parameters import bind_parameters

from ..graph.store.conftest import OxigraphServer, oxigraph_binary
from ..graph.test_second_territory import ROWS, SIREN
from ..workbook_fill import fill_xlsx
from .arq import Arq, Table, cells
from .catalogue_values import ELSEWHERE, VALUES

QUERIES = catalogue()
IDS = [q.name for q in QUERIES]
TERRITORIES = ("grand-perigueux", "faucigny")
# How a file lands elsewhere: which export, read through a union default graph.
LOADINGS = {
    "turtle-defaut": "feuille-de-route.ttl",
    "trig-union": "feuille-de-route.trig",
    "nquads-union": "feuille-de-route.nq",
}
ENGINES = ("rdflib", "oxigraph", "jena")
# Questions across the roadmaps of a store: with both territories served together, their
# answers are not one territory's (test_arq_cross_territory.py checks them on three).
ACROSS = ELSEWHERE | {
    "comparaison",
    "comptes-nationaux",
    "comptes-regionaux",
    "defis-par-departement",
    "defis-par-region",
}

Key = tuple[str, str, str, str]  # territory, loading, engine, query


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    path = tmp_path_factory.mktemp("faucigny") / "faucigny.xlsx"
    assert main(["modele", "--epci", SIREN, str(path)]) == 0
    fill_xlsx(path, ROWS)
    return {"grand-perigueux": load_roadmap(None), "faucigny": build_graph(read_workbook(path))}


@pytest.fixture(scope="module")
def exported(graphs: dict[str, Graph], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for name, graph in graphs.items():
        folders[name] = tmp_path_factory.mktemp(f"export-{name}")
        export_graph(graph, folders[name])
    return folders


@pytest.fixture(scope="module")
def vocabulary_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ontology's vocabulary (labels of statuses, kinds, roles), loaded beside the
    roadmap by the tools that do not add it themselves."""
    path = tmp_path_factory.mktemp("vocabulaire") / "vocabulaire.nt"
    vocabulary_graph().serialize(path, format="nt", encoding="utf-8")
    return path


def _bindings(query: QueryDef, iri: str) -> dict[str, Identifier]:
    given = {"feuilleDeRoute": iri, **VALUES}
    declared = {p.name for p in query.parameters}
    return bind_parameters(query, {k: v for k, v in given.items() if k in declared})


def _table(store: Store, query: QueryDef, iri: str) -> Table:
    result = store.select(query.text, _bindings(query, iri))
    rows = tuple(tuple(cells(row.get(v)) for v in result.variables) for row in result.rows)
    return tuple(result.variables), rows


def _rdflib(path: Path) -> MemoryStore:
    """``path`` read by rdflib as a dataset: Turtle in the default graph, quads in theirs."""
    dataset = Dataset(default_union=True)
    if path.suffix == ".ttl":
        dataset.default_context.parse(path, format="turtle")
    else:
        dataset.parse(path, format="trig" if path.suffix == ".trig" else "nquads")
    return MemoryStore(dataset, engine="rdflib")


@pytest.fixture(scope="module")
def expected(graphs: dict[str, Graph]) -> dict[tuple[str, str], Table]:
    """What the project's own store answers (the roadmap in the graph of its IRI)."""
    tables = {}
    for territory, graph in graphs.items():
        store, iri = MemoryStore(graph), roadmap_graph_name(graph)
        for query in QUERIES:
            tables[(territory, query.name)] = _table(store, query, iri)
    return tables


@pytest.fixture(scope="module")
def answers(
    graphs: dict[str, Graph],
    exported: dict[str, Path],
    vocabulary_file: Path,
    arq: Arq,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[Key, Table]:
    """Every query, for each territory, loading and engine (ARQ: all in one JVM)."""
    tables: dict[Key, Table] = {}
    jobs: list[tuple[list[Path], list[str]]] = []
    for territory in TERRITORIES:
        iri = roadmap_graph_name(graphs[territory])
        for loading, name in LOADINGS.items():
            path = exported[territory] / name
            oxigraph = OxigraphStore(tmp_path_factory.mktemp(f"{territory}-{loading}"))
            oxigraph.load_file(path)
            for engine, store in (("rdflib", _rdflib(path)), ("oxigraph", oxigraph)):
                for query in QUERIES:
                    tables[(territory, loading, engine, query.name)] = _table(store, query, iri)
            texts = [with_values(q.text, _bindings(q, iri)) for q in QUERIES]
            jobs.append(([path, vocabulary_file], texts))
    on_arq = iter(arq.select_many(jobs, tmp_path_factory.mktemp("requetes")))
    for territory in TERRITORIES:
        for loading in LOADINGS:
            for query, table in zip(QUERIES, next(on_arq), strict=True):
                tables[(territory, loading, "jena", query.name)] = table
    return tables


@pytest.mark.parametrize("loading", list(LOADINGS))
@pytest.mark.parametrize("territory", TERRITORIES)
@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_each_loading_each_engine_gives_the_project_s_strings(
    query: QueryDef,
    territory: str,
    loading: str,
    answers: dict[Key, Table],
    expected: dict[tuple[str, str], Table],
) -> None:
    wanted = expected[(territory, query.name)]
    for engine in ENGINES:
        assert answers[(territory, loading, engine, query.name)] == wanted, engine


@pytest.mark.parametrize("territory", TERRITORIES)
def test_most_queries_find_rows(territory: str, expected: dict[tuple[str, str], Table]) -> None:
    """The comparisons prove something: the queries answer rows on both territories."""
    empty = [
        q.name for q in QUERIES if not expected[(territory, q.name)][1] and q.name not in ELSEWHERE
    ]
    # The second territory is small: no date, one mobilisation, no fragile commune...
    assert len(empty) <= (0 if territory == "grand-perigueux" else len(QUERIES) // 2), empty


@pytest.fixture(scope="module")
def served(
    graphs: dict[str, Graph],
    exported: dict[str, Path],
    vocabulary_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[OxigraphServer]:
    """Both territories' N-Quads loaded by ``oxigraph load`` and served with
    ``--union-default-graph``, as the README tells a reuser."""
    folder = tmp_path_factory.mktemp("servi")
    files = [exported[t] / "feuille-de-route.nq" for t in TERRITORIES] + [vocabulary_file]
    for path in files:  # one at a time: the loader's parallel mode takes every core
        done = subprocess.run(
            [oxigraph_binary(), "load", "--location", str(folder / "donnees"), "--file", path],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    server = OxigraphServer(folder / "donnees", folder / "oxigraph.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.server
@pytest.mark.parametrize("territory", TERRITORIES)
def test_oxigraph_load_and_serve_with_a_union_default_graph(
    territory: str,
    served: OxigraphServer,
    graphs: dict[str, Graph],
    expected: dict[tuple[str, str], Table],
) -> None:
    store = EndpointStore(f"{served.url}/query")
    iri = roadmap_graph_name(graphs[territory])
    for query in (q for q in QUERIES if q.name not in ACROSS):
        assert _table(store, query, iri) == expected[(territory, query.name)], query.name


@pytest.mark.server
def test_requete_endpoint_on_oxigraph_serve_finds_the_mobilisations(
    served: OxigraphServer,
    graphs: dict[str, Graph],
    expected: dict[tuple[str, str], Table],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Regression test for issue 10: ``oxigraph load``, ``oxigraph serve
    --union-default-graph``, then ``requete mobilisations --endpoint`` answered « 0 ligne »."""
    iri = roadmap_graph_name(graphs["grand-perigueux"])
    capsys.readouterr()
    code = main(
        [
            "requete",
            "mobilisations",
            "--endpoint",
            f"{served.url}/query",
            "--param",
            f"feuilleDeRoute={iri}",
            "--param",
            "chantier=1.b",
            "--format",
            "csv",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    rows = expected[("grand-perigueux", "mobilisations")][1]
    assert len(rows) > 1
    assert len(out.strip().splitlines()) == 1 + len(rows)
