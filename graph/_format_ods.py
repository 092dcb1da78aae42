"""Reading a workbook from an OpenDocument spreadsheet (``.ods``, odfpy; the writer is
:mod:`._ods_writer`).

ODF compresses runs of identical cells and rows (``number-columns-repeated``,
``number-rows-repeated``): a sheet ends with a repeated empty row a million long, so
empty runs are counted, never expanded.
"""

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._errors import DataError, Problems
from ._table import MAX_ROWS, cell_text, sheet_from_grid, spreadsheet_tab
from ._workbook import Workbook

__all__ = ["read_ods"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW_CONTAINERS = {"table-header-rows", "table-rows", "table-row-group"}
_MAX_COLUMNS = 256


def _attr(element: Any, namespace: str, name: str) -> str | None:
    value = element.attributes.get((namespace, name))
    return None if value is None else str(value)


def _repeat(element: Any, name: str) -> int:
    raw = _attr(element, _TABLE, name)
    try:
        return max(1, int(raw)) if raw else 1
    except ValueError:
        return 1


def _rows(element: Any) -> Iterator[Any]:
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname == (_TABLE, "table-row"):
            yield child
        elif qname and qname[0] == _TABLE and qname[1] in _ROW_CONTAINERS:
            yield from _rows(child)


def _text(cell: Any) -> str:
    from odf import teletype

    paragraphs = [
        teletype.extractText(child)
        for child in cell.childNodes
        if getattr(child, "qname", None) in ((_TEXT, "p"), (_TEXT, "h"))
    ]
    return "\n".join(paragraphs)


def _value(cell: Any) -> object:
    kind = _attr(cell, _OFFICE, "value-type")
    if kind in ("float", "percentage", "currency"):
        raw = _attr(cell, _OFFICE, "value")
        try:
            number = decimal.Decimal(raw or "")
        except decimal.InvalidOperation:
            return _text(cell)
        if number.is_finite() and number == number.to_integral_value():
            return int(number)
        return number.normalize() if number.is_finite() else _text(cell)
    if kind == "date":
        raw = _attr(cell, _OFFICE, "date-value") or ""
        try:
            moment = dt.datetime.fromisoformat(raw)
        except ValueError:
            return _text(cell)
        return moment.date() if moment.time() == dt.time(0) else moment
    if kind == "boolean":
        return (_attr(cell, _OFFICE, "boolean-value") or "").lower() == "true"
    return _text(cell)


def _grid(table: Any) -> list[tuple[int, list[object]]]:
    grid: list[tuple[int, list[object]]] = []
    number = 0
    for row in _rows(table):
        repeat = _repeat(row, "number-rows-repeated")
        cells: list[object] = []
        empty_run = 0
        for cell in row.childNodes:
            if getattr(cell, "qname", None) not in (
                (_TABLE, "table-cell"),
                (_TABLE, "covered-table-cell"),
            ):
                continue
            count = _repeat(cell, "number-columns-repeated")
            value = _value(cell)
            if not cell_text(value):
                empty_run += count
                continue
            if len(cells) + empty_run >= _MAX_COLUMNS:
                break
            cells.extend([None] * empty_run)
            empty_run = 0
            cells.extend([value] * min(count, _MAX_COLUMNS - len(cells)))
        if not cells:
            number += repeat
            continue
        for _ in range(min(repeat, MAX_ROWS + 2 - len(grid))):
            number += 1
            grid.append((number, cells))
        if len(grid) > MAX_ROWS + 1:
            break
    return grid


def read_ods(path: Path) -> Workbook:
    """Read the contract-named tables of an ``.ods`` file. Raises :class:`DataError`."""
    from odf.opendocument import load
    from odf.table import Table

    try:
        document = load(str(path))
        tables = document.spreadsheet.getElementsByType(Table)
    except Exception as exc:  # odfpy/zipfile/xml raise many types for a bad file
        raise DataError(
            f"fichier illisible comme classeur OpenDocument .ods ({type(exc).__name__}) ; "
            "enregistrez-le depuis le tableur au format .ods",
            file=str(path),
        ) from None
    problems = Problems()
    workbook = Workbook(str(path))
    for table in tables:
        title = _attr(table, _TABLE, "name") or ""
        spec = spreadsheet_tab(title, str(path), workbook, problems)
        if spec is None:
            continue
        with problems.collecting():
            sheet = sheet_from_grid(spec, str(path), _grid(table), problems)
            if sheet is not None:
                workbook.sheets[spec.name] = sheet
    problems.raise_if_any()
    return workbook
