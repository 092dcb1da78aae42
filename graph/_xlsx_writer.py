"""Writing a workbook as an ``.xlsx`` file (openpyxl): one tab per sheet of the contract,
a note per header, drop-down lists for controlled columns and number/date checks."""

import datetime as dt
from pathlib import Path
from typing import Any

from feuille_de_route import atomic_write

from ._format_xlsx import LISTS_SHEET
from ._sheets import SCORE_MAX, SCORE_MIN, SHEETS, Column, Kind, SheetSpec
from ._spreadsheet_form import (
    LIST_ERROR_TITLE,
    MULTIPLE_CHOICE,
    OPTIONAL_COLOUR,
    REQUIRED_COLOUR,
    controlled_lists,
    header_note,
    is_narrow,
    is_text_code,
    list_error,
    list_prompt,
    typed_value,
)
from ._workbook import Sheet, Workbook

__all__ = ["put_cell", "write_xlsx"]

_LAST_ROW = 1_048_576

# Number and date checks: column kind → DataValidation arguments.
_CHECKS: dict[Kind, dict[str, str]] = {
    Kind.INTEGER: {
        "type": "whole",
        "operator": "greaterThanOrEqual",
        "formula1": "0",
        "errorTitle": "Nombre entier attendu",
        "error": "Saisissez un nombre entier positif.",
    },
    Kind.DECIMAL: {
        "type": "decimal",
        "operator": "between",
        "formula1": str(SCORE_MIN),
        "formula2": str(SCORE_MAX),
        "errorTitle": f"Note de {SCORE_MIN} à {SCORE_MAX} attendue",
        "error": f"L'indice de fragilité numérique est une note de {SCORE_MIN} à {SCORE_MAX}.",
    },
    Kind.AMOUNT: {
        "type": "decimal",
        "operator": "greaterThanOrEqual",
        "formula1": "0",
        "errorTitle": "Montant attendu",
        "error": "Saisissez un montant en euros, positif ou nul.",
    },
    Kind.DATE: {
        "type": "date",
        "operator": "greaterThan",
        "formula1": "1",
        "errorTitle": "Date attendue",
        "error": "Saisissez une date (AAAA-MM-JJ).",
    },
}


def write_xlsx(workbook: Workbook, path: Path) -> None:
    """Write every sheet of the contract (empty when ``workbook`` lacks it) with a note per
    header, drop-down lists for controlled columns and number/date checks; atomic."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    lists = controlled_lists()
    ranges = _list_ranges(lists)
    for spec in SHEETS:
        tab: Any = book.create_sheet(spec.name)
        _write_headers(tab, spec)
        _write_rows(tab, spec, workbook.sheets.get(spec.name))
        _add_validations(tab, spec, lists, ranges)
    _write_lists_tab(book.create_sheet(LISTS_SHEET), lists)
    with atomic_write(path) as tmp:
        book.save(tmp)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _write_headers(tab: Any, spec: SheetSpec) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    for index, column in enumerate(spec.columns, start=1):
        cell = tab.cell(row=1, column=index, value=column.name)
        cell.font = Font(bold=True)
        colour = REQUIRED_COLOUR if column.required else OPTIONAL_COLOUR
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        comment = Comment(header_note(column, spec), "feuille-de-route")
        comment.width, comment.height = 320, 140
        cell.comment = comment
        letter = _letter(index)
        tab.column_dimensions[letter].width = 14 if is_narrow(column) else 28
        if is_text_code(column):
            # Text format keeps codes such as 01001 from losing their leading zero.
            tab.column_dimensions[letter].number_format = "@"
    tab.freeze_panes = "A2"


def _write_rows(tab: Any, spec: SheetSpec, sheet: Sheet | None) -> None:
    for row_number, row in enumerate(sheet.rows if sheet else [], start=2):
        for index, column in enumerate(spec.columns, start=1):
            value = typed_value(column, row[column.name])
            if value is None:
                continue
            put_cell(tab.cell(row=row_number, column=index), column, value)


def put_cell(cell: Any, column: Column, value: object) -> None:
    """Put a typed value (:func:`typed_value`) in an openpyxl cell, text never read as a
    formula and codes kept as text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, even when it starts with "="
        if is_text_code(column):
            cell.number_format = "@"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def _add_validations(
    tab: Any, spec: SheetSpec, lists: dict[Kind, list[str]], ranges: dict[Kind, str]
) -> None:
    for index, column in enumerate(spec.columns, start=1):
        validation = _validation(column, lists, ranges)
        if validation is not None:
            validation.add(f"{_letter(index)}2:{_letter(index)}{_LAST_ROW}")
            tab.add_data_validation(validation)


def _validation(column: Column, lists: dict[Kind, list[str]], ranges: dict[Kind, str]) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    if column.kind in lists:
        labels = lists[column.kind]
        return DataValidation(
            type="list",
            formula1=ranges[column.kind],
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if column.kind in MULTIPLE_CHOICE else "stop",
            errorTitle=LIST_ERROR_TITLE,
            error=list_error(labels),
            promptTitle=column.name,
            prompt=list_prompt(labels)[:255],
            showInputMessage=True,
        )
    if column.kind in _CHECKS:
        return DataValidation(allow_blank=True, showErrorMessage=True, **_CHECKS[column.kind])
    return None


def _list_ranges(lists: dict[Kind, list[str]]) -> dict[Kind, str]:
    """Where each drop-down's values sit in the hidden lists tab (one column per kind)."""
    ranges = {}
    for index, (kind, labels) in enumerate(lists.items(), start=1):
        letter = _letter(index)
        ranges[kind] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(labels) + 1}"
    return ranges


def _write_lists_tab(listing: Any, lists: dict[Kind, list[str]]) -> None:
    """The hidden tab holding the drop-down values: Excel's inline lists split on commas,
    and "connue, sans lien" has one."""
    from openpyxl.styles import Font

    listing.sheet_state = "hidden"
    for index, (kind, labels) in enumerate(lists.items(), start=1):
        listing.cell(row=1, column=index, value=kind.value).font = Font(bold=True)
        for offset, label in enumerate(labels, start=2):
            listing.cell(row=offset, column=index, value=label).data_type = "s"
