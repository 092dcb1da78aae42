"""Replacing one sheet of an existing workbook, leaving every other sheet as it is.

A folder of CSV files gets that one file replaced; an ``.xlsx`` file is edited in place
(openpyxl: the other tabs, the notes, drop-downs and the user's formatting are kept,
only the sheet's values under its headers change); an ``.ods`` file (or an ``.xlsx``
that lacks the sheet or one of its filled columns) is written again from its contents,
the same values in every other sheet. Each file is replaced atomically.
"""

from pathlib import Path
from typing import Any

from feuille_de_route import atomic_write, atomic_write_bytes

from ._format_csv import csv_text
from ._sheets import fold, sheet_for_name
from ._spreadsheet_form import typed_value
from ._workbook import Sheet, Workbook
from ._workbook_io import write_workbook
from ._xlsx_writer import put_cell

__all__ = ["replace_sheet"]


def replace_sheet(path: Path, workbook: Workbook, sheet: Sheet) -> list[Path]:
    """Write ``sheet`` in place of its namesake in the workbook at ``path`` (read as
    ``workbook``, which is updated too); returns the files written."""
    old = workbook.sheets.get(sheet.name)
    workbook.sheets[sheet.name] = sheet
    if path.is_dir():
        # The file the sheet was read from (« Communes.csv » stays so), else the contract's.
        target = path / (Path(old.file).name if old is not None else sheet.spec.csv)
        atomic_write_bytes(target, csv_text(sheet.spec, sheet).encode("utf-8"))
        return [target]
    if path.suffix.casefold() in (".xlsx", ".xlsm") and _edit_xlsx(path, sheet):
        return [path]
    return write_workbook(workbook, path)


def _edit_xlsx(path: Path, sheet: Sheet) -> bool:
    """Replace the values of ``sheet``'s tab in place; False when the file has no such tab,
    or the tab lacks a column ``sheet`` fills."""
    import openpyxl

    book = openpyxl.load_workbook(path, keep_vba=path.suffix.casefold() == ".xlsm")
    tabs = [name for name in book.sheetnames if sheet_for_name(name) == sheet.spec]
    if not tabs:
        return False
    tab = book[tabs[0]]
    positions = _header_positions(tab)
    filled = {fold(name) for row in sheet.rows for name, value in row.cells.items() if value}
    if not filled <= positions.keys():
        return False  # a column the tab lacks (an older template): the whole file is rewritten
    for row in tab.iter_rows(min_row=2):
        for cell in row:
            if cell.column in positions.values():
                cell.value = None
    for number, row in enumerate(sheet.rows, start=2):
        for column in sheet.spec.columns:
            where = positions.get(fold(column.name))
            if where is not None:
                cell = tab.cell(row=number, column=where)
                put_cell(cell, column, typed_value(column, row[column.name]))
    with atomic_write(path) as tmp:
        book.save(tmp)
    return True


def _header_positions(tab: Any) -> dict[str, int]:
    """The header row's names (folded as the reader folds them) → their column numbers."""
    return {
        fold(str(cell.value)): cell.column
        for cell in next(tab.iter_rows(min_row=1, max_row=1), ())
        if cell.value is not None and str(cell.value).strip()
    }
