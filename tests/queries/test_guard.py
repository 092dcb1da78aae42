"""The guard's quick check (``queries/_guard``): a query whose code names neither SERVICE
nor FROM is not parsed, and reaches exactly what the full parse finds."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from feuille_de_route.queries import QueryDef, catalogue, federated_catalogue
from feuille_de_route.queries._guard import _reaches_nothing, query_reach


def _parsed_reach(text: str) -> tuple[int, int]:
    algebra = translateQuery(parseQuery(text)).algebra
    services = str(algebra).count("ServiceGraphPattern")
    datasets = len(algebra.get("datasetClause") or ()) if "datasetClause" in algebra else 0
    return services, datasets


@pytest.mark.parametrize("query", [*catalogue(), *federated_catalogue()], ids=lambda q: q.name)
def test_the_quick_check_agrees_with_the_parse_on_every_catalogue_query(query: QueryDef) -> None:
    text = query.text
    services, datasets = query_reach(text)
    assert (len(services), len(datasets)) == _parsed_reach(text)
    if _reaches_nothing(text):
        assert (services, datasets) == ((), ())


def test_most_catalogue_queries_skip_the_parse() -> None:
    skipped = [q.name for q in catalogue() if _reaches_nothing(q.text)]
    assert len(skipped) >= len(catalogue()) // 2
    assert not any(_reaches_nothing(q.text) for q in federated_catalogue())


@pytest.mark.parametrize(
    ("text", "quick"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", True),
        ("# SERVICE in a comment\nSELECT * WHERE { ?s ?p 'from' }", True),
        ("SELECT * WHERE { ?s <http://e/service/from> ?o }", True),
        ("SELECT * WHERE { ?from ?p fdr:Service ; fdr:service/service:x $service }", True),
        ("SELECT * WHERE { ?s ?p ?o .SERVICE <http://x/> {} }", False),
        ("SELECT * WHERE { ?s ?p ?o } # x\nSelect * From <http://x/> Where {}", False),
        ("SELECT * WHERE { ?s ?p ?o . Service<http://x/> {} }", False),
        ("SELECT * WHERE { ?s ?p ?o . ex:a-SERVICE ?q ?r }", False),  # unsure: parsed
        ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { \\u003Fs ?p ?o }", False),
        # A local name's escaped « # » (Oxigraph reads it) must not hide its line's rest.
        ("PREFIX e: <http://e/> SELECT * WHERE { ?s e:a\\#b ?o . SERVICE <http://x/> {} }", False),
        ("SELECT * WHERE { ?s ?p 'unclosed }", False),
    ],
)
def test_the_quick_check_only_skips_queries_with_no_reaching_word(text: str, quick: bool) -> None:
    assert _reaches_nothing(text) is quick


def test_a_users_query_reaching_a_server_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The syntax check and the guard read one parse (rdflib takes about 60 ms for it):
    a user's query naming a SERVICE was parsed by each."""
    from feuille_de_route import _sparql
    from feuille_de_route.queries import _syntax

    calls: list[str] = []

    def counted(text: str) -> object:
        calls.append(text)
        return parseQuery(text)

    monkeypatch.setattr(_sparql, "parseQuery", counted)
    for cached in (_sparql.parsed_query, _syntax.check_select, query_reach):
        cached.cache_clear()  # a run before this one in the process would answer from them
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:7878/query> { ?s ?p ?o } } # parse unique"
    _syntax.check_select(text, "(essai)")
    assert query_reach(text)[0] and len(calls) == 1
