"""``feuille-de-route communes --epci SIREN CLASSEUR``: the Communes sheet of an existing
workbook filled from the reference data shipped in the package, every other sheet left
as it was, in .xlsx, .ods and CSV folders."""

from pathlib import Path

import openpyxl
import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import (
    GRAND_PERIGUEUX,
    build_graph,
    epci,
    read_workbook,
    write_workbook,
)
from feuille_de_route.graph._sheets import SCORE_MAX, SCORE_MIN

from ..workbook_fill import fill_xlsx

CANNES = "200039915"  # CA Cannes Pays de Lérins: 5 communes, codes starting with 0
VERDUN = "200049187"  # CA du Grand Verdun: communes with no inhabitant, IFN scores of 0
SCORES = (
    "ifn total",
    "ifn sans thd",
    "ifn sans 4g",
    "ifn pauvreté",
    "ifn plus de 65 ans",
    "ifn non scolarisés",
)
FORMATS = ["classeur.xlsx", "classeur.ods", "classeur-csv"]


def _grand_perigueux(tmp_path: Path, name: str) -> Path:
    """The embedded roadmap written in the format of ``name``: every sheet filled."""
    path = tmp_path / name
    write_workbook(read_workbook(GRAND_PERIGUEUX), path)
    return path


def _cells(path: Path) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Every sheet's rows as read (number, cells), the Communes sheet left out."""
    return {
        name: [(row.number, dict(row.cells)) for row in sheet.rows]
        for name, sheet in read_workbook(path).sheets.items()
        if name != "Communes"
    }


def _xlsx_values(path: Path) -> dict[str, list[list[object]]]:
    """Every cell value of every tab but Communes, as openpyxl reads them."""
    book = openpyxl.load_workbook(path)
    return {
        tab.title: [[cell.value for cell in row] for row in tab.iter_rows()]
        for tab in book.worksheets
        if tab.title != "Communes"
    }


@pytest.mark.parametrize("name", FORMATS)
def test_communes_replaces_only_the_communes_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = _grand_perigueux(tmp_path, name)
    before = _cells(path)
    xlsx_before = _xlsx_values(path) if name.endswith(".xlsx") else {}
    csv_before = {p.name: p.read_bytes() for p in path.glob("*.csv") if p.name != "communes.csv"}
    assert main(["communes", "--epci", CANNES, "--force", str(path)]) == 0
    assert "5 communes de l'EPCI CA Cannes Pays de Lérins" in capsys.readouterr().out
    assert _cells(path) == before
    if xlsx_before:
        assert _xlsx_values(path) == xlsx_before
    if csv_before:
        assert {p.name: p.read_bytes() for p in path.glob("*.csv") if p.name != "communes.csv"} == (
            csv_before
        )
    communes = read_workbook(path)["Communes"].rows
    assert [row["code insee"] for row in communes] == [m.insee for m in epci(CANNES).members]
    assert communes[0]["code insee"] == "06029" and communes[0]["nom"] == "Cannes"
    assert {row["epci"] for row in communes} == {CANNES}
    assert all(row["population"] and row["ifn total"] for row in communes)


def test_xlsx_codes_are_text_and_scores_numbers_in_the_one_range(tmp_path: Path) -> None:
    path = tmp_path / "classeur.xlsx"
    assert main(["modele", str(path)]) == 0
    assert main(["communes", "--epci", VERDUN, str(path)]) == 0
    tab = openpyxl.load_workbook(path)["Communes"]
    headers = [cell.value for cell in tab[1]]
    rows = [dict(zip(headers, (c.value for c in row), strict=True)) for row in tab.iter_rows(2)]
    assert len(rows) == len(epci(VERDUN).members)
    assert all(isinstance(row["code insee"], str) for row in rows)
    scores = [row[column] for row in rows for column in SCORES if row[column] is not None]
    assert scores and all(SCORE_MIN <= float(str(s)) <= SCORE_MAX for s in scores)
    (empty,) = [row for row in rows if row["code insee"] == "55039"]  # no inhabitant
    assert all(empty[column] is None for column in SCORES)
    assert "hors de l'échelle 1 à 10" in str(empty["note"])


def test_reference_scores_build_without_error(tmp_path: Path) -> None:
    """The one range: what ``communes`` writes, the reader and the build accept."""
    path = tmp_path / "verdun.xlsx"
    assert main(["modele", str(path)]) == 0
    assert main(["communes", "--epci", VERDUN, str(path)]) == 0
    fill_xlsx(
        path,
        {
            "Feuille de route": [
                {
                    "identifiant": "verdun",
                    "titre": "Essai",
                    "territoire": VERDUN,
                    "iri de base": "https://example.org/verdun/",
                }
            ],
            "Enjeux": [{"identifiant": "E1", "intitulé": "Accompagner ?"}],
            "Défis": [{"identifiant": "D1", "intitulé": "Former", "enjeux": "E1"}],
            "Chantiers": [{"identifiant": "C1", "défi": "D1", "intitulé": "Ateliers"}],
        },
    )
    assert len(build_graph(read_workbook(path))) > 0


@pytest.mark.parametrize("name", FORMATS)
def test_existing_communes_are_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = _grand_perigueux(tmp_path, name)
    target = path / "communes.csv" if path.is_dir() else path
    before = target.read_bytes()
    assert main(["communes", "--epci", CANNES, str(path)]) == 2
    err = capsys.readouterr().err
    assert "contient déjà" in err and "--force" in err and "Traceback" not in err
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("siren", "words"),
    [
        ("200000173", "clé de contrôle (algorithme de Luhn) ne correspond pas"),
        ("999999999", "EPCI « 999999999 » inconnu"),
        ("2000", "9 chiffres attendus"),
    ],
)
def test_unknown_siren_is_a_french_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], siren: str, words: str
) -> None:
    path = tmp_path / "classeur.xlsx"
    assert main(["modele", str(path)]) == 0
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["communes", "--epci", siren, str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_missing_workbook_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["communes", "--epci", CANNES, str(tmp_path / "absent.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "introuvable" in err and "Traceback" not in err
    assert not (tmp_path / "absent.xlsx").exists()


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["communes", "--help"])
    out = capsys.readouterr().out
    assert "Remplit la feuille Communes" in out and "--force" in out and "SIREN" in out


def test_an_older_xlsx_lacking_a_column_gets_it(tmp_path: Path) -> None:
    """A Communes tab without the « note » column (older template) loses no note."""
    path = tmp_path / "ancien.xlsx"
    assert main(["modele", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    tab = book["Communes"]
    headers = [cell.value for cell in tab[1]]
    tab.delete_cols(headers.index("note") + 1)
    book.save(path)
    assert main(["communes", "--epci", VERDUN, str(path)]) == 0
    (empty,) = [r for r in read_workbook(path)["Communes"].rows if r["code insee"] == "55039"]
    assert "hors de l'échelle" in empty["note"]
