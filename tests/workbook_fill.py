"""Typing rows into a workbook written by ``feuille-de-route modele``, as a user would:
each value in its sheet, under the header of its column, from the first row below the
headers (cells already there, such as the territory ``modele --epci`` names, are kept
unless a value is typed over them)."""

from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl

__all__ = ["Rows", "fill_xlsx"]

Rows = Mapping[str, Sequence[Mapping[str, str]]]


def fill_xlsx(path: Path, rows: Rows) -> None:
    """Write ``rows`` (sheet name → rows of header → value) into the ``.xlsx`` at ``path``,
    cell by cell under the matching headers, from row 2; a header the sheet lacks fails."""
    book = openpyxl.load_workbook(path)
    for sheet, sheet_rows in rows.items():
        tab = book[sheet]
        headers = [cell.value for cell in tab[1]]
        for offset, cells in enumerate(sheet_rows):
            for column, value in cells.items():
                assert column in headers, f"no column « {column} » in sheet « {sheet} »"
                tab.cell(row=2 + offset, column=headers.index(column) + 1, value=value)
    book.save(path)
