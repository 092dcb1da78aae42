"""Issue 11, item 3: ``feuille-de-route similaires`` ranks the EPCI closest to mine by
fragility profile and, for roadmaps in the store, by shared themes and programmes."""

import json
import math
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX, epci_fragility, epcis, rank_similar
from feuille_de_route.graph._similarity import PROFILE_INDICATORS

from ..queries.territoires_essai import stored_territories

ETE_EPCI = "200040095"  # the Pays de l'Été's EPCI
LEON_EPCI = "200040889"  # Saint-Cernin-de-Labarde's EPCI
GP_EPCI = "200040392"


@pytest.fixture(scope="module")
def stockage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored_territories(tmp_path_factory)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["similaires", *args, "--format", "json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_profile_distance_is_the_rms_of_z_scores_worked_by_hand() -> None:
    profiles = {s: epci_fragility(s) for s in epcis()}
    known = {s: f.scores() for s, f in profiles.items() if f is not None}

    def z(siren: str, name: str) -> float:
        values = [v for sc in known.values() if (v := sc[name]) is not None]
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        value = known[siren][name]
        return 0.0 if value is None else (value - mean) / spread

    gaps = [z(GP_EPCI, n) - z(ETE_EPCI, n) for n in PROFILE_INDICATORS]
    expected = 1 / (1 + math.sqrt(sum(g * g for g in gaps) / len(gaps)))
    ranked = {s.siren: s for s in rank_similar(GP_EPCI, number=len(epcis()))}
    assert ranked[ETE_EPCI].profile == pytest.approx(expected, abs=1e-6)
    assert GP_EPCI not in ranked


def test_ranked_best_first_ties_by_siren_and_reproducible(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = _json(capsys, "--epci", GP_EPCI, "--nombre", "2000")
    ranked = rank_similar(GP_EPCI, number=2000)
    keys = [(-s.score, s.siren) for s in ranked]
    assert keys == sorted(keys)
    assert [r["siren"] for r in rows] == [s.siren for s in ranked]
    assert [r["rang"] for r in rows] == list(range(1, len(rows) + 1))
    assert _json(capsys, "--epci", GP_EPCI, "--nombre", "2000") == rows
    assert all(
        str(r["raisons"]).startswith(("même profil : ", "profil le plus proche")) for r in rows
    )
    assert len(_json(capsys, "--epci", GP_EPCI, "--nombre", "3")) == 3


def test_shared_themes_and_programmes_raise_the_score_with_reasons(
    stockage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(capsys, "--epci", ETE_EPCI, "--stockage", str(stockage), "--nombre", "2000")
    by_siren = {str(r["siren"]): r for r in rows}
    leon, gp = by_siren[LEON_EPCI], by_siren[GP_EPCI]
    # Été: médiation, publics, compétences; Saint-Cernin: médiation, gouvernance → 1/4.
    # Both name Conseillers numériques and France Services → 2/2.
    assert (leon["themes"], leon["programmes"]) == (0.25, 1.0)
    assert leon["score"] == pytest.approx(float(str(leon["profil"])) + 0.125 + 0.5, abs=2e-3)
    assert "mêmes thèmes : médiation numérique" in str(leon["raisons"])
    assert "mêmes programmes : Conseillers numériques, France Services" in str(leon["raisons"])
    # The Grand Périgueux: 10 themes, 3 shared with Été → 3/10; no programme of its own.
    assert (gp["themes"], gp["programmes"]) == (0.3, 0.0)
    assert "mêmes programmes" not in str(gp["raisons"])
    others = [r for r in rows if r["themes"] is None]
    assert len(others) == len(rows) - 2


def test_a_workbook_gives_my_epci_and_my_themes(
    stockage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(capsys, str(GRAND_PERIGUEUX), "--stockage", str(stockage), "--nombre", "2000")
    assert GP_EPCI not in {r["siren"] for r in rows}
    assert {str(r["siren"]) for r in rows if r["themes"] is not None} == {ETE_EPCI, LEON_EPCI}


def test_csv_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["similaires", "--epci", GP_EPCI, "--nombre", "2", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "rang,siren,nom,score,profil,themes,programmes,raisons"
    assert len(lines) == 3
    assert main(["similaires", "--epci", GP_EPCI, "--nombre", "1"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == f"EPCI les plus proches de CA Le Grand Périgueux (SIREN {GP_EPCI}) :"
    assert len(text) == 2
    assert text[1].startswith("  1. ") and "score" in text[1]


def test_without_classeur_nor_epci_the_embedded_roadmap_is_mine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _json(capsys, "--nombre", "5") == _json(capsys, "--epci", GP_EPCI, "--nombre", "5")
    assert main(["similaires", "--nombre", "1"]) == 0
    assert f"(SIREN {GP_EPCI}) :" in capsys.readouterr().out.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--epci", "200040393"], "EPCI « 200040393 » inconnu"),
        (["--epci", "12"], "EPCI"),
        (["--epci", GP_EPCI, str(GRAND_PERIGUEUX)], "pas les deux"),
        (["--epci", GP_EPCI, "--nombre", "0"], "--nombre"),
        (["--epci", GP_EPCI, "--stockage", "/nonexistent/entrepot"], "n'existe pas"),
    ],
)
def test_bad_input_is_a_french_error_exit_2(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["similaires", *args]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "Traceback" not in captured.err
