"""``feuille-de-route modele``: the empty workbook to fill in."""

from pathlib import Path

import openpyxl
import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import SHEETS, read_workbook


def test_xlsx_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "modele.xlsx"
    assert main(["modele", str(path)]) == 0
    assert "Modèle écrit" in capsys.readouterr().out
    book = openpyxl.load_workbook(path)
    assert [name for name in book.sheetnames if name != "Listes"] == [s.name for s in SHEETS]
    statut = [v for v in book["Mobilisations"].data_validations.dataValidation if v.type == "list"]
    assert statut and statut[0].formula1.startswith("Listes!")


@pytest.mark.parametrize("name", ["modele.ods", "modele-csv"])
def test_other_formats(tmp_path: Path, name: str) -> None:
    assert main(["modele", str(tmp_path / name)]) == 0
    assert set(read_workbook(tmp_path / name).sheets) == {s.name for s in SHEETS}


def test_unknown_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["modele", str(tmp_path / "modele.doc")]) == 2
    err = capsys.readouterr().err
    assert "modele.doc" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["modele.xlsx", "modele.ods", "modele-csv"])
def test_modele_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    assert main(["modele", str(path)]) == 0
    marker = path / "enjeux.csv" if path.is_dir() else path
    marker.write_bytes(b"rempli")
    capsys.readouterr()
    assert main(["modele", str(path)]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err
    assert marker.read_bytes() == b"rempli"
    assert main(["modele", "--force", str(path)]) == 0
    assert marker.read_bytes() != b"rempli"


def test_modele_says_which_sheets_may_stay_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "modele.xlsx"
    assert main(["modele", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Feuilles qui peuvent rester vides : Étapes, Livrables, Typologie, Groupes" in out
    book = openpyxl.load_workbook(path)
    note = book["Groupes"].cell(row=1, column=1).comment.text
    assert "peut rester vide" in note
    assert "Feuille obligatoire" in book["Enjeux"].cell(row=1, column=1).comment.text


@pytest.mark.parametrize("name", ["modele.xlsx", "modele.ods", "modele-csv"])
def test_modele_epci_fills_the_communes_sheet(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert main(["modele", "--epci", "200040392", str(path)]) == 0
    workbook = read_workbook(path)
    communes = workbook.rows("Communes")
    assert len(communes) == 43
    perigueux = next(r for r in communes if r["code insee"] == "24322")
    assert perigueux["nom"] == "Périgueux" and perigueux["epci"] == "200040392"
    assert all(1 <= float(r["ifn total"]) <= 10 for r in communes if r["ifn total"])
    (roadmap,) = workbook.rows("Feuille de route")
    assert roadmap["territoire"] == "200040392" and roadmap["type de territoire"] == "EPCI"


def test_modele_epci_unknown_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["modele", "--epci", "12345678", str(tmp_path / "m.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "SIREN" in err and "Traceback" not in err
    assert not (tmp_path / "m.xlsx").exists()
