"""Notices (« Remarque : … ») reach the command's stderr once, control characters shown.

Regression: the graph's notices went to Python's last-resort logging handler, which the
command line did not set up, so their text reached the terminal raw.
"""

import csv
import shutil
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX


def _with_status(folder: Path, status: str) -> Path:
    path = folder / "mobilisations.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("statut")
    rows[1][column] = status
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return folder


def test_a_normalised_value_is_reported_once_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _with_status(Path(shutil.copytree(GRAND_PERIGUEUX, tmp_path / "c")), "Opérante ")
    for _ in range(2):  # each run reports its own notices, once
        assert main(["construire", str(folder), "--sortie", str(tmp_path / "out")]) == 0
        err = capsys.readouterr().err
        assert err.count("Remarque : ") == 1
        assert "Opérante" in err


def test_a_status_holding_an_escape_sequence_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _with_status(Path(shutil.copytree(GRAND_PERIGUEUX, tmp_path / "c")), "Opérante\x1b[2J")
    main(["construire", str(folder), "--sortie", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert "\x1b" not in err
