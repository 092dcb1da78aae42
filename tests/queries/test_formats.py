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


WIDE = SelectResult(
    ["departementCode", "nbFeuillesDeRoute", "libelle", "nbOperants"],
    [
        {
            "departementCode": Literal(str(i)),
            "nbFeuillesDeRoute": Literal(i),
            "libelle": Literal("accompagnement des démarches en ligne " * 3 + "\x1b[31m"),
            "nbOperants": Literal(2 * i),
        }
        for i in range(3)
    ],
)


def test_a_table_that_fits_stays_a_table() -> None:
    text = format_result(RESULT, "table", width=40)
    assert text.startswith("┏") and "┃ n " in text and "valeur-4" in text


def test_too_many_columns_for_the_width_show_one_row_at_a_time() -> None:
    text = format_result(WIDE, "table", width=60, terminal=True, table_rows=2)
    lines = text.splitlines()
    assert lines[0].startswith("── 1 / 3 ")
    assert "┃" not in text  # no squeezed table
    assert "departementCode    0" in lines
    assert "nbOperants         2" in text  # the second row's
    assert "── 3 / 3" not in text
    assert lines[-1] == "3 lignes ; seules les 2 premières sont affichées"
    assert all(len(line) <= 60 and line == line.rstrip() for line in lines)
    # Escaped as in a table: the terminal shows the escape, never runs it.
    assert "\x1b" not in text and "\\x1b[31m" in text
    # A wide enough screen gets the table.
    assert "┃ departementCode ┃" in format_result(WIDE, "table", width=200)


DEFIS = SelectResult(
    ["departementCode", "feuilleDeRoute", "defi", "libelle", "nbLiens", "nbOperants", "part"],
    [
        {
            "departementCode": Literal("24"),
            "feuilleDeRoute": Literal("…/grand-perigueux/"),
            "defi": Literal(f"…/grand-perigueux/defi/{i}"),
            "libelle": Literal("Co-construire un modèle de gouvernance pour la stratégie"),
            "nbLiens": Literal(i),
            "nbOperants": Literal(0),
            "part": Literal("0.429"),
        }
        for i in range(3)
    ],
)


def test_a_table_that_fits_cuts_no_header() -> None:
    # Rich shrank every column alike to fit: « departementCod / e » at 100 columns.
    text = format_result(DEFIS, "table", width=100)
    header = next(line for line in text.splitlines() if "departement" in line)
    for name in DEFIS.variables:
        assert f"┃ {name} " in header, name
    assert "┃ 24 " not in text and "│ 24 " in text
    # The room left goes to the long values: the table takes the whole width, no more.
    assert max(len(line) for line in text.splitlines()) == 100
