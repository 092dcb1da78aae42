"""The « Règles de typologie » sheet in the graph, and the IFN scores as Data Cube
observations (issue 12 §1)."""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from feuille_de_route.graph import (
    GRAND_PERIGUEUX,
    DataError,
    build_graph,
    diagnose_roadmap,
    fragility,
    graph_to_workbook,
    load_roadmap,
    read_workbook,
    write_workbook,
)
from feuille_de_route.graph._observations import OBS_VALUE, QB, REF_AREA, dataset_iri
from feuille_de_route.graph._typology_rules import DEFAULT_RULE_ROWS, RULES_SHEET
from feuille_de_route.ontology import FDR, validate

from .conftest import Rows

CsvFolder = Callable[[Rows], Path]
GEO_COMMUNE = "https://w3id.org/feuille-de-route/geo/commune/"
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def _rules(*cells: tuple[str, str, str, str, str, str]) -> list[dict[str, str]]:
    names = ("identifiant", "classe", "ordre", "indicateur", "opérateur", "seuil")
    return [dict(zip(names, row, strict=True)) for row in cells]


@pytest.fixture(scope="module")
def grand_perigueux() -> Graph:
    return load_roadmap(None)


def test_grand_perigueux_sheet_holds_the_default_rules() -> None:
    with (GRAND_PERIGUEUX / "regles-de-typologie.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    columns = ("classe", "ordre", "indicateur", "opérateur", "seuil", "note", "hypothèse")
    assert [tuple(row[c] for c in columns) for row in rows] == list(DEFAULT_RULE_ROWS)
    assert all(row["hypothèse"] for row in rows)  # every threshold is an assumption


def test_rules_are_nodes_of_the_graph_and_round_trip(
    csv_folder: CsvFolder, rows: Rows, tmp_path: Path
) -> None:
    rows[RULES_SHEET] = _rules(("R1", "T1", "1", "plus de 65 ans", "≥", "6,5"))
    graph = load_roadmap(csv_folder(rows))
    rule = next(graph.subjects(FDR.classeAttribuee, None))
    assert (rule, FDR.ordre, Literal(1)) in graph
    assert (rule, FDR.seuil, Literal("6,5")) in graph
    assert (rule, FDR.indicateurCompare, Literal("plus de 65 ans")) in graph
    assert validate(graph).conforms
    write_workbook(graph_to_workbook(graph), tmp_path / "retour.xlsx")
    again = build_graph(read_workbook(tmp_path / "retour.xlsx"))
    assert isomorphic(again, graph)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (("R1", "T1", "premier", "total", "≥", "5"), "ordre", "entier ≥ 1 attendu"),
        (("R1", "T1", "1", "chômage", "≥", "5"), "indicateur", "indicateur inconnu « chômage »"),
        (("R1", "T1", "1", "total", "≠", "5"), "opérateur", "opérateur « ≠ » inconnu"),
        (("R1", "T1", "1", "total", "≥", "sept"), "seuil", "seuil illisible « sept »"),
        (("R1", "T9", "1", "total", "≥", "5"), "classe", "T9"),
    ],
)
def test_bad_rule_row_is_a_build_error_naming_its_cell(
    csv_folder: CsvFolder,
    rows: Rows,
    cells: tuple[str, str, str, str, str, str],
    column: str,
    message: str,
) -> None:
    rows[RULES_SHEET] = _rules(cells)
    with pytest.raises(DataError) as caught:
        load_roadmap(csv_folder(rows))
    error = next(e for e in caught.value.errors if e.sheet == RULES_SHEET)
    assert (error.row, error.column) == (2, column)
    assert message in str(error)


def test_the_roadmaps_own_rules_classify_its_communes(csv_folder: CsvFolder, rows: Rows) -> None:
    rows[RULES_SHEET] = _rules(
        ("R1", "T1", "1", "pauvreté", "≥", "8"), ("R2", "T1", "2", "", "", "")
    )
    diagnostic = diagnose_roadmap(load_roadmap(csv_folder(rows)))
    assert "Règles de typologie" in diagnostic.rules_name
    assert [c.ordre for c in diagnostic.typology.classifications] == [2, 1]  # 24053, 24322
    assert "pauvreté 8,22/10, au-dessus du seuil 8" in diagnostic.typology.classifications[1].reason


def test_ifn_observations_are_data_cube_and_equal_the_shipped_scores(
    grand_perigueux: Graph,
) -> None:
    dataset = dataset_iri("https://w3id.org/feuille-de-route/territoires/grand-perigueux/")
    observations = set(grand_perigueux.subjects(URIRef(str(QB) + "dataSet"), dataset))
    assert len(observations) == 43 * 6
    assert (dataset, URIRef("http://purl.org/dc/terms/source"), None) in grand_perigueux
    names = {FDR.ifnPlus65: "older_65_rate", FDR.ifnTotal: "total"}
    for observation in observations:
        commune = grand_perigueux.value(observation, REF_AREA)
        indicator = grand_perigueux.value(observation, FDR.indicateur)
        value = grand_perigueux.value(observation, OBS_VALUE)
        assert str(commune).startswith(GEO_COMMUNE)
        assert isinstance(value, Literal)
        if isinstance(indicator, URIRef) and indicator in names:
            scores = fragility(str(commune).removeprefix(GEO_COMMUNE))
            assert scores is not None
            assert float(value) == getattr(scores, names[indicator])


def test_observation_out_of_range_is_a_shacl_violation(grand_perigueux: Graph) -> None:
    graph = Graph()
    for triple in grand_perigueux:
        graph.add(triple)
    observation = URIRef(
        "https://w3id.org/feuille-de-route/territoires/grand-perigueux/commune/24322/"
        "observation-ifn/total"
    )
    graph.set((observation, OBS_VALUE, Literal("11.0", datatype=XSD_DECIMAL)))
    report = validate(graph)
    assert not report.conforms
    assert any(str(v.focus) == str(observation) for v in report.violations)
