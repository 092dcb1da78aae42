"""Parameter values cannot change a query's meaning, on rdflib and on Oxigraph.

Every parameter of every catalogue query is fed text built to break out of a literal or
an IRI. Values are bound as RDF terms, so such a value either matches nothing, exactly as
an ordinary unknown value does, or is refused as ill-typed; the data never changes.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route import UserError
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.queries import QueryDef, catalogue, run_query

INJECTIONS = [
    "'",
    '"',
    '"""',
    "'''",
    "} ; DROP ALL ; {",
    '1.b" } ; DROP ALL ; SELECT * WHERE { "',
    "1.b' } DELETE WHERE { ?s ?p ?o } #",
    '1.b"""\n} DROP ALL {\n"""',
    "1.b\n}\nINSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "1.b> } DROP ALL { <x",
    "<https://exemple.fr/x>",
    '1.b"@fr',
    '1.b"^^<http://www.w3.org/2001/XMLSchema#string>',
    "1.b\\",
    "?_chantier",
    "$x } UNION { ?s ?p ?o",
    "1.b # commentaire",
    "https://w3id.org/feuille-de-route/territoires/grand-perigueux/> } DROP ALL { <x",
    "https://exemple.fr/a'b",
    'https://exemple.fr/a"b',
    "https://exemple.fr/a}b",
    "https://exemple.fr/a\nb",
]

# An ordinary value of each type that matches nothing in the data.
NO_MATCH = {
    "ID": "zz-aucun",
    "string": "zz-aucun",
    "IRI": "https://exemple.fr/aucune",
}

# A valid value for required parameters that are not under test.
VALID = {
    "chantier": "1.b",
    "date": datetime.date(2020, 1, 1),
    "maFeuilleDeRoute": "https://w3id.org/feuille-de-route/territoires/grand-perigueux/",
    "autreFeuilleDeRoute": "https://w3id.org/feuille-de-route/territoires/grand-perigueux/",
}

CASES = [(q, p.name) for q in catalogue() for p in q.parameters]


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    rows = store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", {}).rows
    return sorted((str(r["s"]), str(r["p"]), repr(r["o"])) for r in rows)


@pytest.fixture(scope="module")
def stores(gp_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("injection") / "stockage")
    oxigraph.add_graph(gp_graph, roadmap_graph_name(gp_graph))
    copy = Graph()
    for triple in gp_graph:
        copy.add(triple)
    return {"memory": MemoryStore(copy, engine="rdflib"), "oxigraph": oxigraph}


@pytest.fixture(scope="module")
def snapshots(stores: dict[str, Store]) -> dict[str, list[tuple[object, ...]]]:
    """Each store's triples as first loaded: every test must leave them so (a store
    changed by one test also fails every later one)."""
    return {engine: _snapshot(store) for engine, store in stores.items()}


def _run(query: QueryDef, store: Store, name: str, value: object) -> object:
    params = {p.name: VALID[p.name] for p in query.parameters if p.required}
    params[name] = value
    try:
        return sorted(
            map(repr, (sorted(r.items()) for r in run_query(query.name, store, **params)))
        )
    except UserError as error:
        return error


@pytest.mark.parametrize("engine", ["memory", "oxigraph"])
@pytest.mark.parametrize(("query", "name"), CASES, ids=[f"{q.name}-{n}" for q, n in CASES])
def test_injection_changes_nothing(
    stores: dict[str, Store],
    snapshots: dict[str, list[tuple[object, ...]]],
    engine: str,
    query: QueryDef,
    name: str,
) -> None:
    store = stores[engine]
    before = snapshots[engine]
    parameter = query.parameter(name)
    assert parameter is not None
    baseline = (
        _run(query, store, name, NO_MATCH[parameter.type]) if parameter.type in NO_MATCH else None
    )
    assert not isinstance(baseline, UserError)
    for value in INJECTIONS:
        outcome = _run(query, store, name, value)
        if isinstance(outcome, UserError):
            # Refused: only a value that is not of the declared type may be refused,
            # and the message names the parameter.
            assert f"« {name} »" in str(outcome)
            assert parameter.type not in {"ID", "string"}
        else:
            assert outcome == baseline, value
    assert _snapshot(store) == before


def test_an_iri_value_is_never_spliced(stores: dict[str, Store]) -> None:
    """A valid IRI that ends a roadmap's IRI with a quote only matches nothing."""
    store = stores["memory"]
    plain = run_query("arbre", store)
    assert plain
    assert run_query("arbre", store, feuilleDeRoute="https://exemple.fr/a'b") == []


def test_an_empty_store_answers_nothing(tmp_path: Path) -> None:
    # Running a query never writes to a store: an empty Oxigraph answers with no rows.
    store = OxigraphStore(tmp_path / "vide")
    assert run_query("arbre", store) == []
