"""The runner: catalogue look-up, users' own queries, errors, Python values."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef, namespace

from feuille_de_route import UserError
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import (
    catalogue,
    get_query,
    load_query_file,
    run_query,
    run_query_text,
    select,
    to_python,
)

PREFIXES = (
    "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


def test_unknown_query_lists_the_catalogue(gp_store: MemoryStore) -> None:
    with pytest.raises(UserError) as error:
        run_query("arbres", gp_store)
    message = str(error.value)
    assert "« arbres »" in message
    for query in catalogue():
        assert query.name in message


def test_get_query_returns_the_file(gp_store: MemoryStore) -> None:
    query = get_query("arbre")
    assert query.path is not None and query.path.name == "arbre.rq"
    assert query.text == query.path.read_text(encoding="utf-8")


def test_rows_map_every_variable_to_python_values(gp_store: MemoryStore, gp_iri: str) -> None:
    rows = run_query("mobilisations", gp_store, chantier="1.b")
    assert rows
    variables = list(select(get_query("mobilisations"), gp_store, chantier="1.b").variables)
    for row in rows:
        assert list(row) == variables
        assert isinstance(row["mobilisation"], str) and row["mobilisation"].startswith(gp_iri)
        assert row["depuis"] is None or isinstance(row["depuis"], datetime.date)
        assert row["chantierId"] == "1.b"


def test_user_query_text_with_undeclared_parameters(gp_store: MemoryStore, gp_iri: str) -> None:
    text = PREFIXES + (
        "SELECT ?label WHERE { ?c fdr:defi ?d ; dcterms:identifier ?_id ; rdfs:label ?label }"
    )
    rows = run_query_text(text, gp_store, id="1.b")
    assert len(rows) == 1 and "jeunes" in str(rows[0]["label"])
    iri = f"<{gp_iri}chantier/1.b>"
    text_iri = PREFIXES + "SELECT ?id WHERE { ?_c dcterms:identifier ?id }"
    assert run_query_text(text_iri, gp_store, c=iri) == [{"id": "1.b"}]
    with pytest.raises(UserError) as error:
        run_query_text(text, gp_store, id="1.b", autre="x")
    assert "autre" in str(error.value)


def test_user_query_with_header_is_type_checked(gp_store: MemoryStore) -> None:
    text = (
        "#+ parametres:\n#+   - nom: n\n#+     type: integer\n#+     obligatoire: true\n"
        + PREFIXES
        + "SELECT ?x WHERE { BIND(?_n + 1 AS ?x) }"
    )
    assert run_query_text(text, gp_store, n="41") == [{"x": 42}]
    with pytest.raises(UserError) as error:
        run_query_text(text, gp_store, n="quarante")
    assert "« n »" in str(error.value) and "entier" in str(error.value)
    with pytest.raises(UserError, match="obligatoire"):
        run_query_text(text, gp_store)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}", 3, None),
        ("SELECT * WHERE {\n  ?s ?p ?o\n", 2, None),
        ("PREFIX a: <http://x/>\nSELECT * WHERE {\n  ?s b:p ?o }", 3, 6),
    ],
)
def test_syntax_errors_point_at_the_line(
    gp_store: MemoryStore, text: str, line: int, column: int | None
) -> None:
    with pytest.raises(UserError) as error:
        run_query_text(text, gp_store)
    message = str(error.value)
    found = [int(n) for n in re.findall(r"ligne (\d+)", message)]
    assert found and found[0] <= line + 1 and found[0] >= line - 1
    if column is not None:
        assert f"colonne {column}" in message
    assert "Traceback" not in message


def test_only_select_queries_are_run(gp_store: MemoryStore) -> None:
    with pytest.raises(UserError, match="SELECT"):
        run_query_text("ASK { ?s ?p ?o }", gp_store)
    # Issue 9 row 14: an update is refused as such, not as a syntax error.
    with pytest.raises(UserError, match="mises à jour SPARQL ne sont pas acceptées"):
        run_query_text("DROP ALL", gp_store)


def test_query_file(tmp_path: Path, gp_store: MemoryStore) -> None:
    path = tmp_path / "ma-requete.rq"
    path.write_text("#+ titre: Compter\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", "utf-8")
    query = load_query_file(path)
    assert query.name == "ma-requete" and query.title == "Compter"
    count = to_python(select(query, gp_store).rows[0]["n"])
    assert isinstance(count, int) and count > 0
    with pytest.raises(UserError, match="introuvable"):
        load_query_file(tmp_path / "absente.rq")
    bad = tmp_path / "faute.rq"
    bad.write_text("SELECT * WHERE {\n ?s ?p \n}", "utf-8")
    with pytest.raises(UserError) as error:
        load_query_file(bad)
    assert str(bad) in str(error.value) and "ligne" in str(error.value)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (None, None),
        (URIRef("https://exemple.fr/a"), "https://exemple.fr/a"),
        (Literal("texte"), "texte"),
        (Literal("texte", lang="fr"), "texte"),
        (Literal(3), 3),
        (Literal("3", datatype=namespace.XSD.nonNegativeInteger), 3),
        (Literal("6.50", datatype=namespace.XSD.decimal), 6.5),
        (Literal(2.5), 2.5),
        (Literal(True), True),
        (Literal("2024-01-31", datatype=namespace.XSD.date), datetime.date(2024, 1, 31)),
        (Literal("pas-une-date", datatype=namespace.XSD.date), "pas-une-date"),
        (Literal("x", datatype=URIRef("https://exemple.fr/type")), "x"),
    ],
)
def test_terms_become_python_values(term: object, expected: object) -> None:
    value = to_python(term)  # type: ignore[arg-type]
    assert value == expected and type(value) is type(expected)


def test_blank_nodes_are_named() -> None:
    assert to_python(BNode("b1")) == "_:b1"
