"""The Grand Périgueux's diagnostic: scores equal to the source data, one class per
commune, the differences with the classes the workbook records as assumptions, and the
clustering (issue 12 §1)."""

import csv
from pathlib import Path

import pytest

from feuille_de_route.graph import (
    GRAND_PERIGUEUX,
    IFN_INDICATORS,
    Diagnostic,
    diagnose_roadmap,
    load_roadmap,
)

SIREN = "200040392"

# Computed by the default rules ≠ recorded in communes.csv (an assumption there too).
EXPECTED_DIFFERENCES = {
    ("24010", "T3", "T5"),  # Annesse-et-Beaulieu: group G2 → T3; total 8,6 → T5
    ("24098", "T1", "T2"),  # Champcevinel: plus de 65 ans 7
    ("24256", "T4", "T1"),  # Marsac-sur-l'Isle
    ("24318", "T2", "T5"),  # Paunat
    ("24421", "T3", "T5"),  # Saint-Geyrac
    ("24468", "T2", "T5"),  # Saint-Michel-de-Villadeix
    ("24480", "T5", "T1"),  # Saint-Paul-de-Serre
    ("24527", "T3", "T1"),  # Savignac-les-Églises: group G2 → T3
    ("24540", "T2", "T5"),  # Sorges et Ligueux en Périgord
    ("24576", "T2", "T5"),  # Veyrines-de-Vergt
}


@pytest.fixture(scope="module")
def diagnostic() -> Diagnostic:
    return diagnose_roadmap(load_roadmap(None))


def _source_scores(shared_data: Path) -> dict[str, dict[str, float | None]]:
    with (shared_data / "ifn" / "ifn-communes.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["code"]: {name: float(row[name]) if row[name] else None for name in IFN_INDICATORS}
            for row in csv.DictReader(f)
        }


def test_the_43_communes_scores_equal_the_source_data(
    diagnostic: Diagnostic, shared_data: Path
) -> None:
    source = _source_scores(shared_data)
    assert len(diagnostic.communes) == 43
    for commune in diagnostic.communes:
        assert {n: commune.values[n] for n in IFN_INDICATORS} == source[commune.insee]


def test_the_workbooks_scores_are_the_same_as_the_shipped_ones(diagnostic: Diagnostic) -> None:
    columns = {
        "ifn total": "total",
        "ifn sans thd": "no_thd_coverage_rate",
        "ifn sans 4g": "no_4g_coverage_rate",
        "ifn pauvreté": "poverty_rate",
        "ifn plus de 65 ans": "older_65_rate",
        "ifn non scolarisés": "nscol15p_rate",
    }
    by_code = {c.insee: c for c in diagnostic.communes}
    with (GRAND_PERIGUEUX / "communes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for column, name in columns.items():
                assert float(row[column]) == by_code[row["code insee"]].values[name]


def test_every_commune_gets_exactly_one_class(diagnostic: Diagnostic) -> None:
    typology = diagnostic.typology
    assert typology.unclassified == ()
    assert len({c.insee for c in typology.classifications}) == 43
    assert all(c.classe in diagnostic.classes and c.reason for c in typology.classifications)
    assert sorted(diagnostic.classes) == ["T1", "T2", "T3", "T4", "T5", "T6"]


def test_differences_with_the_recorded_assumed_classes_are_listed(
    diagnostic: Diagnostic,
) -> None:
    found = {(d.insee, d.recorded, d.computed) for d in diagnostic.differences}
    assert found == EXPECTED_DIFFERENCES
    assert all(d.hypothese for d in diagnostic.differences)  # recorded as assumptions


def test_the_roadmap_reach_per_class(diagnostic: Diagnostic) -> None:
    # No Grand Périgueux action names communes: all concern the whole territory, and
    # no class is reached by a targeted action.
    assert len(diagnostic.whole_territory_actions()) == len(diagnostic.roadmap.actions)  # type: ignore[union-attr]
    assert {r.classe for r in diagnostic.unreached()} == set(diagnostic.classes)


def test_clustering_is_explained_deterministic_and_set_against_the_classes(
    diagnostic: Diagnostic,
) -> None:
    clustering = diagnostic.clustering
    assert clustering.k is not None and 2 <= clustering.k <= 8
    assert clustering.silhouettes[clustering.k] == max(clustering.silhouettes.values())
    assert f"k = {clustering.k} retenu" in clustering.explanation
    assert sum(len(c.communes) for c in clustering.clusters) == 43
    assert sum(sum(row.values()) for row in clustering.contingency.values()) == 43
    again = diagnose_roadmap(load_roadmap(None)).clustering
    assert [c.communes for c in again.clusters] == [c.communes for c in clustering.clusters]
    for cluster in clustering.clusters:
        assert cluster.description().startswith("surtout ")
        top = cluster.dominant(1)[0][1]
        assert top == max(cluster.zscores.values())


def test_territory_is_set_against_dordogne_and_france(diagnostic: Diagnostic) -> None:
    comparison = diagnostic.comparison
    assert list(comparison.departements) == ["24"]
    assert comparison.departement_names["24"] == "Dordogne"
    assert comparison.territory["total"] == pytest.approx(
        sum(c.values["total"] or 0 for c in diagnostic.communes) / 43
    )
    assert comparison.france["total"] is not None
