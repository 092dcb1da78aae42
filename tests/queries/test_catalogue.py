"""The catalogue itself: headers, the contract's fixed queries, valid SPARQL everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from feuille_de_route.queries import CATALOGUE_DIR, PARAMETER_TYPES, QueryDef, catalogue

ROOT = Path(__file__).resolve().parents[2]
QUERIES = catalogue()
IDS = [q.name for q in QUERIES]

# The competency questions of the brief, beyond the contract's fixed queries.
COMPETENCY = {
    "chantiers-sans-financement-operant",
    "part-operante-par-defi",
    "services-pilotes",
    "chantiers-sans-pilote-unique",
    "acteurs-associes-non-mobilises",
    "communes-par-typologie",
    "communes-fragiles-sans-action",
    "liens-operants-depuis",
    "hypotheses",
}


def _contract_table() -> dict[str, tuple[list[str], list[str]]]:
    """The "Query results consumed by viz" table of docs/architecture.md: params, columns."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Query results consumed by `viz`", 1)[1]
    table: dict[str, tuple[list[str], list[str]]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`")
        params = [] if cells[1] in {"—", "-", ""} else [cells[1].split()[0]]
        columns = [c.strip().strip("`") for c in re.sub(r"\([^)]*\)", "", cells[2]).split(",")]
        table[name] = (params, columns)
    return table


def test_catalogue_holds_the_contract_and_the_competency_questions() -> None:
    names = set(IDS)
    fixed = _contract_table()
    assert {"arbre", "mobilisations", "fiche-chantier"} <= set(fixed)  # the table was read
    assert set(fixed) <= names
    assert names >= COMPETENCY
    assert all((CATALOGUE_DIR / f"{name}.rq").is_file() for name in names)


@pytest.mark.parametrize("name", sorted(_contract_table()))
def test_fixed_queries_keep_the_contract_columns_and_parameters(name: str) -> None:
    params, columns = _contract_table()[name]
    query = next(q for q in QUERIES if q.name == name)
    prepared = prepareQuery(query.text)
    assert [str(v) for v in prepared.algebra["PV"]] == columns
    declared = [p.name for p in query.parameters]
    assert set(params) <= set(declared)
    # Extra parameters may only narrow the answer, never be required.
    for parameter in query.parameters:
        if parameter.name not in params:
            assert not parameter.required and parameter.default is None


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_header_is_complete_and_french(query: QueryDef) -> None:
    assert query.title and query.description and query.tags
    assert query.path is not None and query.path.parent == CATALOGUE_DIR
    for parameter in query.parameters:
        assert parameter.type in PARAMETER_TYPES
        assert parameter.description
        assert not (parameter.required and parameter.default is not None)


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_parameters_are_the_underscore_variables(query: QueryDef) -> None:
    """Each parameter binds ``?_name`` and every ``?_name`` of the text is a parameter."""
    used = set(re.findall(r"[?$]_(\w+)", query.text))
    assert used == {p.name for p in query.parameters}


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_text_is_valid_sparql_for_rdflib_and_oxigraph(query: QueryDef) -> None:
    prepared = prepareQuery(query.text)
    assert prepared.algebra.name == "SelectQuery"
    pyoxigraph.Store().query(query.text)  # raises SyntaxError when it is not


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_no_form_known_to_be_slow(query: QueryDef) -> None:
    """NOT EXISTS is quadratic on Oxigraph, MINUS slow on rdflib (see the benchmarks)."""
    code = "\n".join(line.split("#", 1)[0] for line in query.text.splitlines())
    assert not re.search(r"NOT\s+EXISTS|\bMINUS\b", code, re.I)
