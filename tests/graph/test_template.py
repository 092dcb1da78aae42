"""The empty workbook: headers, a French note per column, drop-down lists."""

from pathlib import Path

import openpyxl
import pytest
from odf.opendocument import load
from odf.table import ContentValidation, Table, TableCell, TableRow

from feuille_de_route.graph import SHEETS, read_workbook, write_template

CONTROLLED = {
    ("Mobilisations", "statut"): ["opérante", "connue, sans lien"],
    ("Ressources", "type"): [
        "partenaire de projet",
        "ressource matérielle",
        "intervenant",
        "financement",
    ],
    ("Gouvernance", "rôle"): ["pilote", "co-pilote", "réalise", "associé"],
    ("Coordination", "rôle"): ["pilote", "co-coordinateur"],
}


def test_xlsx_template_has_headers_notes_and_drop_downs(tmp_path: Path) -> None:
    path = tmp_path / "modele.xlsx"
    assert write_template(path) == [path]
    book = openpyxl.load_workbook(path)
    for spec in SHEETS:
        tab = book[spec.name]
        headers = [cell.value for cell in tab[1]]
        assert headers == list(spec.headers)
        for cell, column in zip(tab[1], spec.columns, strict=True):
            assert cell.comment is not None
            assert column.note in cell.comment.text
            assert cell.comment.text.startswith("Obligatoire" if column.required else "Facultatif")
    assert book["Listes"].sheet_state == "hidden"
    for (sheet, header), labels in CONTROLLED.items():
        tab = book[sheet]
        letter = openpyxl.utils.get_column_letter([c.value for c in tab[1]].index(header) + 1)
        lists = [
            v
            for v in tab.data_validations.dataValidation
            if v.type == "list" and f"{letter}2" in str(v.sqref)
        ]
        assert len(lists) == 1, (sheet, header)
        target, cells = lists[0].formula1.split("!")
        values = [c.value for row in book[target][cells.replace("$", "")] for c in row]
        assert values == labels
    numbers = [v for v in book["Communes"].data_validations.dataValidation if v.type == "decimal"]
    assert numbers and numbers[0].formula1 == "1" and numbers[0].formula2 == "10"


def test_ods_template_has_notes_and_content_validations(tmp_path: Path) -> None:
    path = tmp_path / "modele.ods"
    write_template(path)
    document = load(str(path))
    validations = {
        v.getAttribute("name"): v.getAttribute("condition")
        for v in document.getElementsByType(ContentValidation)
    }
    tables = {t.getAttribute("name"): t for t in document.getElementsByType(Table)}
    assert set(tables) == {spec.name for spec in SHEETS}
    for (sheet, column), labels in CONTROLLED.items():
        spec = next(s for s in SHEETS if s.name == sheet)
        index = spec.headers.index(column)
        rows = tables[sheet].getElementsByType(TableRow)
        header_cell = rows[0].getElementsByType(TableCell)[index]
        assert spec.column(column).note in str(header_cell)  # the annotation's text
        form_cell = rows[1].getElementsByType(TableCell)[index]
        condition = validations[form_cell.getAttribute("contentvalidationname")]
        assert condition == "of:cell-content-is-in-list(" + ";".join(f'"{x}"' for x in labels) + ")"


@pytest.mark.parametrize("name", ["modele.xlsx", "modele.ods", "modele-csv"])
def test_template_reads_back_empty(tmp_path: Path, name: str) -> None:
    write_template(tmp_path / name)
    workbook = read_workbook(tmp_path / name)
    assert set(workbook.sheets) == {spec.name for spec in SHEETS}
    assert all(len(sheet) == 0 for sheet in workbook.sheets.values())


def test_ods_template_formats_code_columns_as_text(tmp_path: Path) -> None:
    import zipfile

    from feuille_de_route.graph import write_template

    write_template(tmp_path / "modele.ods")
    content = zipfile.ZipFile(tmp_path / "modele.ods").read("content.xml").decode("utf-8")
    assert '<number:text-style style:name="format-texte"' in content
    communes = content.split('table:name="Communes">', 1)[1]
    first_column = communes.split("/>", 1)[0]
    assert 'table:default-cell-style-name="cellule-code"' in first_column
