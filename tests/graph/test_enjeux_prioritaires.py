"""Issue 8: an enjeu says whether it is a priority and its rank; the method's « 3 à 4
enjeux prioritaires » rule counts priorities (all enjeux when none says)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic

from feuille_de_route.graph import (
    DataError,
    build_graph,
    graph_to_workbook,
    read_workbook,
    write_workbook,
)
from feuille_de_route.ontology import FDR, validate

from .conftest import Rows, mini_rows

PRIORITY_RULE = "3 à 4 grands enjeux prioritaires"


def _five_enjeux(marks: list[str]) -> Rows:
    rows = mini_rows()
    rows["Enjeux"] = [
        {"identifiant": str(n), "intitulé": f"Enjeu {n} ?", "prioritaire": mark}
        for n, mark in enumerate(marks, start=1)
    ]
    return rows


def _priority_warnings(rows: Rows, folder: Callable[[Rows], Path]) -> list[str]:
    report = validate(build_graph(read_workbook(folder(rows))))
    return [w.message for w in report.warnings if PRIORITY_RULE in w.message]


def test_four_priorities_among_five_enjeux_give_no_false_warning(
    csv_folder: Callable[[Rows], Path],
) -> None:
    assert _priority_warnings(_five_enjeux(["oui", "Oui", "oui", "OUI ", "non"]), csv_folder) == []


def test_five_enjeux_without_marks_all_count_as_before(
    csv_folder: Callable[[Rows], Path],
) -> None:
    warnings = _priority_warnings(_five_enjeux([""] * 5), csv_folder)
    assert len(warnings) == 1 and "en compte 5" in warnings[0]


def test_two_priorities_are_too_few(csv_folder: Callable[[Rows], Path]) -> None:
    warnings = _priority_warnings(_five_enjeux(["oui", "oui", "non", "non", ""]), csv_folder)
    assert len(warnings) == 1 and "en compte 2" in warnings[0]


def test_priority_and_rank_become_typed_literals(csv_folder: Callable[[Rows], Path]) -> None:
    rows = mini_rows()
    rows["Enjeux"] = [{"identifiant": "1", "intitulé": "E ?", "prioritaire": "oui", "rang": "2"}]
    graph = build_graph(read_workbook(csv_folder(rows)))
    enjeu = next(graph.subjects(FDR.prioritaire, None))
    assert graph.value(enjeu, FDR.prioritaire) == Literal(True)
    assert graph.value(enjeu, FDR.rangDePriorite) == Literal(2)


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("prioritaire", "peut-être", "oui ou non attendu, lu « peut-être »"),
        ("rang", "0", "rang de 1 ou plus attendu"),
        ("rang", "premier", "nombre entier attendu"),
    ],
)
def test_bad_priority_cells_are_located_french_errors(
    csv_folder: Callable[[Rows], Path], column: str, value: str, words: str
) -> None:
    rows = mini_rows()
    rows["Enjeux"][0][column] = value
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(rows)))
    message = str(caught.value)
    assert "feuille « Enjeux »" in message and "ligne 2" in message
    assert f"colonne « {column} »" in message and words in message


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_priority_round_trips_through_every_format(
    csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str
) -> None:
    rows = _five_enjeux(["oui", "oui", "oui", "oui", "non"])
    rows["Enjeux"][0]["rang"] = "1"
    original = build_graph(read_workbook(csv_folder(rows)))
    workbook = graph_to_workbook(original)
    assert [r["prioritaire"] for r in workbook.rows("Enjeux")] == ["oui"] * 4 + ["non"]
    write_workbook(workbook, tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)


def test_an_enjeu_marked_not_priority_needs_no_chantiers(
    csv_folder: Callable[[Rows], Path],
) -> None:
    rows = _five_enjeux(["oui", "oui", "oui", "", "non"])
    report = validate(build_graph(read_workbook(csv_folder(rows))))
    per_enjeu = [w for w in report.warnings if "4 à 5 chantiers par enjeu" in w.message]
    flagged = {str(w.focus).rsplit("/", 1)[1] for w in per_enjeu}
    assert flagged == {"1", "2", "3", "4"}  # « non » (5) is left out, unmarked 4 is not
