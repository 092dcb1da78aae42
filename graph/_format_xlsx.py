"""A workbook as an ``.xlsx`` file (openpyxl): one tab per sheet, notes and drop-downs."""

import datetime as dt
import decimal
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from feuille_de_route import atomic_write

from ._errors import DataError, Problems
from ._limits import DEFAULT_LIMITS, InputLimits, bounded_grid
from ._sheets import SHEETS, Column, Kind, SheetSpec
from ._table import sheet_from_grid, spreadsheet_tab
from ._vocabulary import choices
from ._workbook import Workbook
from ._xlsx_scan import scan_worksheets
from ._zip_guard import check_zip

__all__ = ["LISTS_SHEET", "controlled_lists", "read_xlsx", "typed_value", "write_xlsx"]

# Hidden tab holding the drop-down values: Excel's inline lists split on commas, and
# "connue, sans lien" has one.
LISTS_SHEET = "Listes"
_LAST_ROW = 1_048_576


def read_xlsx(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Workbook:
    """Read the contract-named tabs of an ``.xlsx`` file (others are ignored unless their
    name looks like a misspelt sheet), the archive checked against ``limits`` first and
    the rows streamed. Raises :class:`DataError`."""
    import openpyxl

    check_zip(path, limits)
    scan_worksheets(path, limits)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl/zipfile raise many types for a bad file
        raise DataError(
            f"fichier illisible comme classeur .xlsx ({type(exc).__name__}) ; enregistrez-le "
            "depuis le tableur au format Excel .xlsx",
            file=str(path),
        ) from None
    problems = Problems()
    workbook = Workbook(str(path))
    try:
        for title in book.sheetnames:
            if title == LISTS_SHEET:
                continue  # our own drop-down lists, written by write_template
            spec = spreadsheet_tab(title, str(path), workbook, problems)
            if spec is None:
                continue
            grid = bounded_grid(_rows(book[title], path, spec.name), limits, str(path), spec.name)
            with problems.collecting():
                sheet = sheet_from_grid(spec, str(path), grid, problems)
                if sheet is not None:
                    workbook.sheets[spec.name] = sheet
    finally:
        book.close()
    problems.raise_if_any()
    return workbook


def _rows(tab: Any, path: Path, sheet: str) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows of ``tab`` as openpyxl streams them (read-only mode), numbered from 1."""
    rows = enumerate(tab.iter_rows(values_only=True), 1)
    while True:
        try:
            item = next(rows, None)
        except Exception as exc:  # openpyxl/zipfile/xml raise many types for a bad sheet
            raise DataError(
                f"onglet illisible ({type(exc).__name__})", file=str(path), sheet=sheet
            ) from None
        if item is None:
            return
        yield item


def typed_value(column: Column, text: str) -> object:
    """The value to store for ``text``: numbers and dates typed, everything else text."""
    if not text:
        return None
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if column.kind is Kind.INTEGER and re.fullmatch(r"[+-]?[0-9]{1,15}", compact):
        return int(compact)
    if column.kind is Kind.DECIMAL and re.fullmatch(r"[+-]?[0-9]{1,15}([.,][0-9]{1,15})?", compact):
        return decimal.Decimal(compact.replace(",", "."))
    if column.kind is Kind.DATE and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def controlled_lists() -> dict[Kind, list[str]]:
    """The drop-down values per controlled kind, in the ontology's order."""
    return {kind: options.labels for kind, options in choices().items()}


def _note(spec: SheetSpec, column: Column) -> str:
    lead = "Obligatoire. " if column.required else "Facultatif. "
    return f"{lead}{column.note}"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def write_xlsx(workbook: Workbook, path: Path) -> None:
    """Write every sheet of the contract (empty when ``workbook`` lacks it) with a note per
    header, drop-down lists for controlled columns and number/date checks; atomic."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    book.remove(book.active)
    lists = controlled_lists()
    list_ranges: dict[Kind, str] = {}
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFE699")
    optional_fill = PatternFill("solid", fgColor="DDEBF7")
    for spec in SHEETS:
        sheet = workbook.sheets.get(spec.name)
        tab: Any = book.create_sheet(spec.name)
        for index, column in enumerate(spec.columns, start=1):
            cell = tab.cell(row=1, column=index, value=column.name)
            cell.font = bold
            cell.fill = required_fill if column.required else optional_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            comment = Comment(_note(spec, column), "feuille-de-route")
            comment.width, comment.height = 320, 140
            cell.comment = comment
            letter = _letter(index)
            tab.column_dimensions[letter].width = 14 if column.kind is Kind.INTEGER else 28
            if column.kind in (Kind.ID, Kind.REF, Kind.LIST):
                # Text format keeps codes such as 01001 from losing their leading zero.
                tab.column_dimensions[letter].number_format = "@"
        tab.freeze_panes = "A2"
        for row_number, row in enumerate(sheet.rows if sheet else [], start=2):
            for index, column in enumerate(spec.columns, start=1):
                value = typed_value(column, row[column.name])
                if value is None:
                    continue
                cell = tab.cell(row=row_number, column=index, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, even when it starts with "="
                    if column.kind in (Kind.ID, Kind.REF, Kind.LIST):
                        cell.number_format = "@"
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        validations = []
        for index, column in enumerate(spec.columns, start=1):
            area = f"{_letter(index)}2:{_letter(index)}{_LAST_ROW}"
            if column.kind in lists:
                if column.kind not in list_ranges:
                    list_ranges[column.kind] = ""
                validation = DataValidation(
                    type="list",
                    formula1=f"__{column.kind.name}__",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Valeur non prévue",
                    error="Choisissez une valeur de la liste : " + " | ".join(lists[column.kind]),
                    promptTitle=column.name,
                    prompt=" | ".join(lists[column.kind])[:255],
                    showInputMessage=True,
                )
            elif column.kind is Kind.INTEGER:
                validation = DataValidation(
                    type="whole",
                    operator="greaterThanOrEqual",
                    formula1="0",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Nombre entier attendu",
                    error="Saisissez un nombre entier positif.",
                )
            elif column.kind is Kind.DECIMAL:
                validation = DataValidation(
                    type="decimal",
                    operator="between",
                    formula1="0",
                    formula2="10",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Note de 0 à 10 attendue",
                    error="L'indice de fragilité numérique est une note de 0 à 10.",
                )
            elif column.kind is Kind.DATE:
                validation = DataValidation(
                    type="date",
                    operator="greaterThan",
                    formula1="1",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Date attendue",
                    error="Saisissez une date (AAAA-MM-JJ).",
                )
            else:
                continue
            validation.add(area)
            validations.append(validation)
        for validation in validations:
            tab.add_data_validation(validation)
    listing: Any = book.create_sheet(LISTS_SHEET)
    listing.sheet_state = "hidden"
    for index, (kind, labels) in enumerate(lists.items(), start=1):
        listing.cell(row=1, column=index, value=kind.value).font = bold
        for offset, label in enumerate(labels, start=2):
            listing.cell(row=offset, column=index, value=label).data_type = "s"
        letter = _letter(index)
        list_ranges[kind] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(labels) + 1}"
    for tab in book.worksheets:
        for validation in tab.data_validations.dataValidation:
            if validation.formula1 and validation.formula1.startswith("__"):
                kind = Kind[validation.formula1.strip("_")]
                validation.formula1 = list_ranges[kind]
    with atomic_write(path) as tmp:
        book.save(tmp)
