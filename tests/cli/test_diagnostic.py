"""``feuille-de-route diagnostic``: the page and the table written, bad input refused in
French with exit 2 and no traceback (issue 12 §1 and §4).

The command runs in a process of its own: importing matplotlib into the test process
made a later test's Oxigraph store fail to reopen its folder (« lock hold by current
process »), so the drawing stays out of the shared process.
"""

import csv
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class _Captured:
    out: str
    err: str


class _Runner:
    def __init__(self) -> None:
        self.last = _Captured("", "")

    def __call__(self, argv: list[str]) -> int:
        done = subprocess.run(
            [sys.executable, "-m", "feuille_de_route", *argv],
            capture_output=True,
            text=True,
            check=False,
        )
        self.last = _Captured(done.stdout, done.stderr)
        return done.returncode

    def readouterr(self) -> _Captured:
        return self.last


@pytest.fixture
def run() -> _Runner:
    return _Runner()


def test_epci_diagnostic_writes_page_and_table(tmp_path: Path, run: _Runner) -> None:
    out = tmp_path / "grand-paris"
    assert run(["diagnostic", "--epci", "200054781", "--sortie", str(out)]) == 0
    printed = run.readouterr().out
    # Paris is scored by arrondissement in the IFN: said, never a silent gap.
    assert "Paris (75056) n'est pas classée : valeur absente des données" in printed
    page = (out / "diagnostic.html").read_text(encoding="utf-8")
    assert "Métropole du Grand Paris" in page and "Pas de feuille de route" in page
    with (out / "diagnostic-communes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 130
    paris = next(r for r in rows if r["code insee"] == "75056")
    assert paris["classe"] == "" and paris["raison"].startswith("valeur absente")
    assert all(r["classe"] for r in rows if r["code insee"] != "75056")


def test_default_is_the_grand_perigueux_with_its_differences(tmp_path: Path, run: _Runner) -> None:
    assert run(["diagnostic", "--sortie", str(tmp_path / "gp")]) == 0
    printed = run.readouterr().out
    assert "43 communes, 43 classées, 0 non classées" in printed
    assert "10 commune(s) changent de classe" in printed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--epci", "123456789"], "EPCI « 123456789 » inconnu"),
        (["--epci", "abc"], "SIREN d'EPCI « abc » invalide"),
        (["--epci", "200040392", "classeur.xlsx"], "pas les deux"),
    ],
)
def test_bad_territory_is_refused_in_french(
    tmp_path: Path, run: _Runner, argv: list[str], message: str
) -> None:
    assert run(["diagnostic", *argv, "--sortie", str(tmp_path / "d")]) == 2
    err = run.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "d").exists()


def test_rules_file_is_used_and_its_errors_named(tmp_path: Path, run: _Runner) -> None:
    rules = tmp_path / "regles.csv"
    rules.write_text(
        "classe,ordre,indicateur,opérateur,seuil\nT5,1,total,≥,7\nT1,2,total,<,7\n",
        encoding="utf-8",
    )
    out = tmp_path / "d"
    assert (
        run(["diagnostic", "--epci", "200040392", "--regles", str(rules), "--sortie", str(out)])
        == 0
    )
    with (out / "diagnostic-communes.csv").open(encoding="utf-8", newline="") as f:
        assert {r["classe"] for r in csv.DictReader(f)} == {"T1", "T5"}
    assert "règles du fichier regles.csv" in (out / "diagnostic.html").read_text(encoding="utf-8")
    run.readouterr()
    rules.write_text(
        "classe,ordre,indicateur,opérateur,seuil\nT5,1,total,≥,beaucoup\nT1,1,total,≥,5\n"
        "T2,1,total,≥,6\n",
        encoding="utf-8",
    )
    assert (
        run(["diagnostic", "--epci", "200040392", "--regles", str(rules), "--sortie", str(out)])
        == 2
    )
    err = run.readouterr().err
    assert "ligne 2, colonne « seuil » : seuil illisible « beaucoup »" in err


def test_overlapping_rules_leave_communes_unclassified_and_say_so(
    tmp_path: Path, run: _Runner
) -> None:
    rules = tmp_path / "regles.csv"
    rules.write_text(
        "classe,ordre,indicateur,opérateur,seuil\nT1,1,total,≥,5\nT2,1,total,≥,6\n",
        encoding="utf-8",
    )
    out = tmp_path / "d"
    assert (
        run(["diagnostic", "--epci", "200040392", "--regles", str(rules), "--sortie", str(out)])
        == 0
    )
    printed = run.readouterr().out
    assert "plusieurs règles d'ordre 1 s'appliquent (classes T1, T2)" in printed
    page = (out / "diagnostic.html").read_text(encoding="utf-8")
    notices = page.split('id="avertissements"')[1].split("</section>")[0]
    assert "plusieurs règles d&#39;ordre 1 s&#39;appliquent (classes T1, T2)" in notices
