"""The three workbook formats read alike into the same :class:`Workbook`."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableHeaderRows, TableRow
from odf.text import P

from feuille_de_route.graph import DataError, Workbook, read_workbook, write_workbook


def contents(workbook: Workbook) -> dict[str, list[tuple[int, dict[str, str]]]]:
    return {
        name: [(row.number, dict(row.cells)) for row in sheet.rows]
        for name, sheet in workbook.sheets.items()
        if sheet.rows
    }


@pytest.mark.parametrize("name", ["classeur.xlsx", "classeur.ods"])
def test_formats_read_alike(mini_csv: Path, tmp_path: Path, name: str) -> None:
    from_csv = read_workbook(mini_csv)
    write_workbook(from_csv, tmp_path / name)
    from_file = read_workbook(tmp_path / name)
    expected = contents(from_csv)
    # Spreadsheets store numbers as numbers: "29 000" and "6,5" come back as 29000, 6.5.
    commune = expected["Communes"][0][1]
    commune.update({"population": "29000", "ifn total": "6.5"})
    assert contents(from_file) == expected
    assert from_file["Enjeux"].rows[0].file == str(tmp_path / name)


def test_csv_rows_keep_their_numbers_and_file(mini_csv: Path) -> None:
    workbook = read_workbook(mini_csv)
    chantiers = workbook["Chantiers"]
    assert [row.number for row in chantiers] == [2, 3]
    assert chantiers.rows[1]["en lien avec"] == "1.a"
    assert chantiers.rows[1].file == str(mini_csv / "chantiers.csv")
    assert workbook["Groupes"].rows[0]["communes"] == "24322 | 24053"


def test_csv_semicolons_bom_and_blank_lines(mini_csv: Path) -> None:
    (mini_csv / "enjeux.csv").write_bytes(
        "\ufeffidentifiant;intitulé\n1;Un enjeu, avec virgule\n;\n3;Troisième\n".encode()
    )
    rows = read_workbook(mini_csv)["Enjeux"].rows
    assert [(r.number, r["identifiant"], r["intitulé"]) for r in rows] == [
        (2, "1", "Un enjeu, avec virgule"),
        (4, "3", "Troisième"),
    ]


def test_csv_multiline_cells(mini_csv: Path) -> None:
    (mini_csv / "enjeux.csv").write_text(
        'identifiant,intitulé\n1,"Deux\nlignes"\n2,Suivant\n', encoding="utf-8"
    )
    rows = read_workbook(mini_csv)["Enjeux"].rows
    assert rows[0]["intitulé"] == "Deux\nlignes"
    assert [r.number for r in rows] == [2, 3]


def test_xlsx_typed_cells_blank_rows_and_extra_tabs(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    tab = book.active
    tab.title = "Mobilisations"
    tab.append(["chantier", "ressource", "statut", "depuis"])
    tab.append([1.5, 42, "opérante", dt.datetime(2024, 1, 15)])
    tab.append([])
    tab.append(["=ceci", "r", "opérante", dt.date(2023, 2, 1)])
    notes = book.create_sheet("Mes notes")
    notes.append(["ignorée"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    rows = read_workbook(path)["Mobilisations"].rows
    assert [r.number for r in rows] == [2, 4]
    assert dict(rows[0].cells) == {
        "chantier": "1.5",
        "ressource": "42",
        "statut": "opérante",
        "depuis": "2024-01-15",
    }
    assert rows[1]["depuis"] == "2023-02-01"


def test_xlsx_misspelt_tab_is_reported(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Enjeu"
    book.active.append(["identifiant", "intitulé"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    with pytest.raises(DataError, match="Enjeux"):
        read_workbook(path)


def _cell(text: str = "", repeat: int = 1, **attributes: str) -> TableCell:
    if repeat > 1:
        attributes["numbercolumnsrepeated"] = str(repeat)
    cell = TableCell(**attributes)
    if text:
        cell.addElement(P(text=text))
    return cell


def test_ods_repeated_columns_and_rows(tmp_path: Path) -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name="enjeux")  # tab names forgive case
    headers = TableHeaderRows()
    header = TableRow()
    header.addElement(_cell("identifiant", valuetype="string"))
    header.addElement(_cell("intitulé", valuetype="string"))
    header.addElement(_cell(repeat=16382))
    headers.addElement(header)
    table.addElement(headers)
    first = TableRow()
    first.addElement(_cell("1", valuetype="string"))
    first.addElement(_cell("Premier", valuetype="string"))
    first.addElement(_cell(repeat=16382))
    table.addElement(first)
    table.addElement(TableRow(numberrowsrepeated="3"))
    twice = TableRow(numberrowsrepeated="2")
    twice.addElement(_cell("x", repeat=2, valuetype="string"))
    twice.addElement(_cell(repeat=5))
    table.addElement(twice)
    number = TableRow()
    number.addElement(_cell("6,5", valuetype="float", value="6.5"))
    number.addElement(_cell(repeat=2))
    number.addElement(_cell(""))
    table.addElement(number)
    tail = TableRow(numberrowsrepeated="1048560")
    tail.addElement(_cell(repeat=16384))
    table.addElement(tail)
    document.spreadsheet.addElement(table)
    path = tmp_path / "c.ods"
    document.save(str(path))
    rows = read_workbook(path)["Enjeux"].rows
    assert [(r.number, dict(r.cells)) for r in rows] == [
        (2, {"identifiant": "1", "intitulé": "Premier"}),
        (6, {"identifiant": "x", "intitulé": "x"}),
        (7, {"identifiant": "x", "intitulé": "x"}),
        (8, {"identifiant": "6.5"}),
    ]


def test_ods_notes_are_not_cell_text(tmp_path: Path) -> None:
    from feuille_de_route.graph import write_template

    write_template(tmp_path / "modele.ods")
    workbook = read_workbook(tmp_path / "modele.ods")
    assert workbook["Enjeux"].columns == (
        "identifiant",
        "intitulé",
        "prioritaire",
        "rang",
        "note",
        "source",
        "hypothèse",
    )
    assert all(not sheet.rows for sheet in workbook.sheets.values())
