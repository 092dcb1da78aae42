"""``format_result``'s table: at most ``table_rows`` rows drawn, and a count that says so."""

from __future__ import annotations

from rdflib import Literal

from feuille_de_route.graph.store import SelectResult
from feuille_de_route.queries import format_result

RESULT = SelectResult(["n"], [{"n": Literal(f"valeur-{i}")} for i in range(5)])


def test_a_table_with_fewer_rows_than_the_answer_says_how_many_it_shows() -> None:
    text = format_result(RESULT, "table", table_rows=2)
    assert "valeur-1" in text and "valeur-2" not in text
    assert "5 lignes ; seules les 2 premières sont affichées" in text


def test_a_table_as_long_as_its_limit_is_whole_and_other_formats_always_are() -> None:
    whole = format_result(RESULT, "table", table_rows=5)
    assert "valeur-4" in whole and whole.rstrip().endswith("5 lignes")
    assert format_result(RESULT, "table") == format_result(RESULT, "table", table_rows=None)
    csv = format_result(RESULT, "csv", table_rows=2)
    assert csv.count("valeur-") == 5
