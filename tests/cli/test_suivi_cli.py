"""Issue 12 from the command line: a workbook whose actions are followed up builds into
RDF plus ``actions-fne.csv``; the follow-up questions run with ``requete`` (late actions
default to today); a date that cannot be read is a French error, exit 2, no traceback."""

import csv
import datetime
import io
from pathlib import Path

import pytest

from feuille_de_route.cli import main

from ..graph.conftest import write_csv_rows
from ..suivi_essai import TODAY, suivi_rows


@pytest.fixture(scope="module")
def classeur(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv_rows(tmp_path_factory.mktemp("suivi") / "classeur", suivi_rows())


def _csv(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_construire_writes_the_fne_export(
    classeur: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["construire", str(classeur), "--sortie", str(tmp_path / "rdf")]) == 0
    capsys.readouterr()
    with (tmp_path / "rdf" / "actions-fne.csv").open(encoding="utf-8", newline="") as handle:
        assert [row["identifiant"] for row in csv.DictReader(handle)] == [
            "A1",
            "A2",
            "A3",
            "A4",
            "A5",
            "A6",
        ]


def test_requete_late_actions_and_funding(
    classeur: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["requete", "actions-en-retard", str(classeur), "-p", f"aujourdhui={TODAY}"]
    assert main([*argv, "--format", "csv"]) == 0
    assert [row["actionId"] for row in _csv(capsys.readouterr().out)] == ["A2", "A3", "A6"]
    # Without a date, the day of the run: the same answer as that date given.
    assert main(["requete", "actions-en-retard", str(classeur), "--format", "csv"]) == 0
    by_default = capsys.readouterr().out
    today = f"aujourdhui={datetime.date.today().isoformat()}"
    assert (
        main(["requete", "actions-en-retard", str(classeur), "-p", today, "--format", "csv"]) == 0
    )
    assert capsys.readouterr().out == by_default
    assert main(["requete", "financements", str(classeur), "--format", "csv"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert [(r["financeurId"], r["montantTotal"]) for r in rows] == [
        ("R1", "7500.25"),
        ("R2", "2000"),
        ("R4", "0"),
    ]


def test_unreadable_date_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = suivi_rows()
    rows["Actions"][1]["début"] = "1er février"
    folder = write_csv_rows(tmp_path / "classeur", rows)
    assert main(["construire", str(folder), "--sortie", str(tmp_path / "rdf")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for part in ("actions.csv", "feuille « Actions »", "ligne 3", "colonne « début »"):
        assert part in err
    assert "« 1er février »" in err and "JJ/MM/AAAA" in err
    assert not (tmp_path / "rdf").exists()
