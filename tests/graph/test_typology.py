"""The typology of communes: rules as data, one class per commune with its French reason,
and every failure said (issue 12 §1 and §4)."""

from pathlib import Path

import pytest

from feuille_de_route import UserError
from feuille_de_route.graph import (
    DEFAULT_RULES,
    CommuneScores,
    DataError,
    Row,
    classify,
    diagnose_epci,
    national_communes,
    read_rules_csv,
    rules_from_rows,
)
from feuille_de_route.graph._typology_rules import DEFAULT_CLASSES

SCORES = {
    "no_thd_coverage_rate": 5.0,
    "no_4g_coverage_rate": 5.0,
    "poverty_rate": 3.0,
    "older_65_rate": 9.0,
    "nscol15p_rate": 3.0,
    "total": 5.0,
    "population": 800.0,
}


def commune(code: str = "99001", **values: float | None) -> CommuneScores:
    return CommuneScores(code, f"Commune {code}", {**SCORES, **values})


def rows(*cells: tuple[str, str, str, str, str]) -> list[Row]:
    names = ("classe", "ordre", "indicateur", "opérateur", "seuil")
    return [
        Row(n, "regles.csv", dict(zip(names, row, strict=True)))
        for n, row in enumerate(cells, start=2)
    ]


def test_default_rules_cover_the_seeds_six_classes_with_assumed_thresholds() -> None:
    assert (
        {rule.classe for rule in DEFAULT_RULES}
        == set(DEFAULT_CLASSES)
        == {f"T{n}" for n in range(1, 7)}
    )
    assert [rule.ordre for rule in DEFAULT_RULES] == sorted(r.ordre for r in DEFAULT_RULES)
    # Every rule is an assumption (the seed gives no threshold) and says so.
    assert all(rule.hypothese for rule in DEFAULT_RULES)
    assert all("Grand Périgueux" in rule.source for rule in DEFAULT_RULES)
    # One default class, last: T1 (« sans fragilité majeure »).
    defaults = [rule for rule in DEFAULT_RULES if rule.is_default]
    assert [(r.classe, r.ordre) for r in defaults] == [("T1", max(r.ordre for r in DEFAULT_RULES))]


def test_reason_names_the_indicator_in_french_with_score_and_threshold() -> None:
    result = classify([commune()], DEFAULT_RULES).classifications[0]
    assert result.classe == "T2"
    assert result.reason == "règle 7 : plus de 65 ans 9/10, au-dessus du seuil 7"


def test_first_rule_by_ordre_wins_and_conditions_all_hold() -> None:
    rules = rules_from_rows(
        rows(
            ("B", "2", "older_65_rate", "≥", "5"),
            ("A", "1", "plus de 65 ans", ">=", "8"),
            ("A", "1", "pauvreté", "<", "2"),  # rule A needs both: only 99002 has it
        )
    )
    found = classify([commune(), commune("99002", poverty_rate=1.0)], rules).classifications
    assert [c.classe for c in found] == ["B", "A"]
    assert "pauvreté 1/10, sous le seuil 2" in found[1].reason


def test_two_classes_at_the_same_ordre_matching_is_reported_not_guessed() -> None:
    rules = rules_from_rows(
        rows(("A", "1", "older_65_rate", "≥", "5"), ("B", "1", "total", "≥", "5"))
    )
    result = classify([commune()], rules)
    assert result.classifications[0].classe is None
    assert "plusieurs règles d'ordre 1" in result.classifications[0].reason
    assert "A, B" in result.classifications[0].reason
    assert any("n'est pas classée" in line for line in result.notices())


def test_a_commune_no_rule_matches_is_unclassified_and_a_rule_matching_none_is_told() -> None:
    rules = rules_from_rows(rows(("A", "1", "older_65_rate", "<", "2")))
    result = classify([commune()], rules)
    assert result.unclassified[0].reason == "aucune règle ne s'applique à cette commune"
    assert result.notices() == [
        "Commune 99001 (99001) n'est pas classée : aucune règle ne s'applique à cette commune",
        "la règle d'ordre 1 (classe A) ne s'applique à aucune commune",
    ]


def test_commune_missing_from_the_indicator_data_is_unclassified_with_the_reason() -> None:
    missing = commune(older_65_rate=None, total=None)
    result = classify([missing], DEFAULT_RULES).classifications[0]
    assert result.classe is None
    assert result.reason == "valeur absente des données d'indicateurs (plus de 65 ans, total)"


@pytest.mark.parametrize("value", [0.0, 11.0, -3.0, float("inf"), float("nan")])
def test_score_out_of_range_is_unclassified(value: float) -> None:
    result = classify([commune(poverty_rate=value)], DEFAULT_RULES).classifications[0]
    assert result.classe is None
    assert "pauvreté" in result.reason


def test_bad_rule_rows_are_all_reported_in_french_by_row_and_column() -> None:
    with pytest.raises(DataError) as caught:
        rules_from_rows(
            rows(
                ("A", "un", "total", "≥", "5"),
                ("A", "1", "chômage", "≥", "5"),
                ("A", "1", "total", "=", "5"),
                ("A", "1", "total", "≥", "sept"),
                ("", "1", "total", "≥", "5"),
            )
        )
    errors = caught.value.errors
    assert [(e.row, e.column) for e in errors] == [
        (2, "ordre"),
        (3, "indicateur"),
        (4, "opérateur"),
        (5, "seuil"),
        (6, "classe"),
    ]
    assert "seuil illisible « sept »" in str(caught.value)
    assert all(e.sheet == "Règles de typologie" for e in errors)


def test_rules_csv_is_read_and_its_bad_header_refused(tmp_path: Path) -> None:
    good = tmp_path / "regles.csv"
    good.write_text(
        "classe,ordre,indicateur,opérateur,seuil,hypothèse\nA,1,older_65_rate,≥,7,supposé\n"
        "Z,2,,,,\n",
        encoding="utf-8",
    )
    rules = read_rules_csv(good)
    assert [(r.classe, r.ordre, r.is_default, r.hypothese) for r in rules] == [
        ("A", 1, False, "supposé"),
        ("Z", 2, True, ""),
    ]
    bad = tmp_path / "mauvais.csv"
    bad.write_text("classe,rang\nA,1\n", encoding="utf-8")
    with pytest.raises(DataError, match="manquants : ordre ; inconnus : rang"):
        read_rules_csv(bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("classe,ordre,opérateur\n".encode("latin-1"))
    with pytest.raises(DataError, match="UTF-8 attendu"):
        read_rules_csv(latin)


def test_unknown_epci_is_a_french_error() -> None:
    with pytest.raises(UserError, match="EPCI « 123456789 » inconnu"):
        diagnose_epci("123456789")
    with pytest.raises(UserError, match="9 chiffres attendus"):
        diagnose_epci("2000403")


def test_every_commune_of_france_gets_exactly_one_class_or_a_reason() -> None:
    everything = national_communes()
    result = classify(everything, DEFAULT_RULES)
    assert len(result.classifications) == len(everything) > 34_000
    for item in result.classifications:
        assert (item.classe is None) == (item.ordre is None or "plusieurs" in item.reason)
        assert item.reason
    # Left out: communes the IFN does not score, and the unpeopled villages of the Meuse
    # that it scores 0 (out of its 1-to-10 range), each with its reason.
    kinds = [
        "absent"
        if c.reason.startswith("valeur absente des données d'indicateurs")
        else "range"
        if "hors de l'intervalle 1 à 10" in c.reason
        else c.reason
        for c in result.unclassified
    ]
    assert set(kinds) == {"absent", "range"}
    assert len(result.unclassified) < 200
    louvemont = next(c for c in result.classifications if c.insee == "55307")
    assert louvemont.classe is None and "0 hors de l'intervalle 1 à 10" in louvemont.reason
