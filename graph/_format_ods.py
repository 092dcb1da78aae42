"""Reading a workbook from an OpenDocument spreadsheet (``.ods``; the writer is
:mod:`._ods_writer`).

The reader streams ``content.xml`` with
defusedxml (a DOM of a hostile file would take gigabytes). ODF compresses runs of identical
cells and rows (``number-columns-repeated``, ``number-rows-repeated``): a sheet ends with a
repeated empty row a million long, so empty runs are counted, never expanded.
"""

import datetime as dt
import decimal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ._errors import DataError, Problems
from ._limits import DEFAULT_LIMITS, InputLimits, bounded_grid
from ._sheets import SheetSpec
from ._table import cell_text, sheet_from_grid, spreadsheet_tab
from ._workbook import Workbook
from ._zip_guard import check_zip

__all__ = ["read_ods"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW_CONTAINERS = {"table-header-rows", "table-rows", "table-row-group"}
_MAX_COLUMNS = 256


def _qname(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


_TABLE_TAG = _qname(_TABLE, "table")
_ROW_TAG = _qname(_TABLE, "table-row")
_CELL_TAGS = (_qname(_TABLE, "table-cell"), _qname(_TABLE, "covered-table-cell"))
_PARAGRAPH_TAGS = (_qname(_TEXT, "p"), _qname(_TEXT, "h"))
_SPREADSHEET_TAG = _qname(_OFFICE, "spreadsheet")
_SPACES_TAG = _qname(_TEXT, "s")
_SPECIAL_TEXT = {_qname(_TEXT, "line-break"): "\n", _qname(_TEXT, "tab"): "\t"}


def _attr(element: Any, namespace: str, name: str) -> str | None:
    value = element.get(_qname(namespace, name))
    return None if value is None else str(value)


def _repeat(element: Any, name: str, namespace: str = _TABLE) -> int:
    raw = _attr(element, namespace, name)
    try:
        return max(1, int(raw)) if raw else 1
    except ValueError:
        return 1


def _extract(element: Any, limits: InputLimits) -> str:
    """The text of ``element`` as odfpy's ``teletype.extractText`` gives it (``text:s``,
    ``text:tab`` and ``text:line-break`` unwrapped), runs of spaces bounded."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACES_TAG:
            parts.append(" " * min(_repeat(child, "c", _TEXT), limits.max_cell_chars + 1))
        elif child.tag in _SPECIAL_TEXT:
            parts.append(_SPECIAL_TEXT[child.tag])
        else:
            parts.append(_extract(child, limits))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(cell: Any, limits: InputLimits) -> str:
    return "\n".join(_extract(child, limits) for child in cell if child.tag in _PARAGRAPH_TAGS)


def _value(cell: Any, limits: InputLimits) -> object:
    kind = _attr(cell, _OFFICE, "value-type")
    if kind in ("float", "percentage", "currency"):
        raw = _attr(cell, _OFFICE, "value")
        try:
            number = decimal.Decimal(raw or "")
        except decimal.InvalidOperation:
            return _text(cell, limits)
        if number.is_finite() and number == number.to_integral_value():
            return int(number)
        return number.normalize() if number.is_finite() else _text(cell, limits)
    if kind == "date":
        raw = _attr(cell, _OFFICE, "date-value") or ""
        try:
            moment = dt.datetime.fromisoformat(raw)
        except ValueError:
            return _text(cell, limits)
        return moment.date() if moment.time() == dt.time(0) else moment
    if kind == "boolean":
        return (_attr(cell, _OFFICE, "boolean-value") or "").lower() == "true"
    return _text(cell, limits)


class _Row:
    """The values of one row as its cells stream by; empty runs are counted, never
    expanded, and cells beyond the last column kept are dropped."""

    def __init__(self, limits: InputLimits) -> None:
        self.limits = limits
        self.cells: list[object] = []
        self.empty_run = 0
        self.full = False

    def add(self, cell: Any) -> None:
        if self.full:
            return
        count = _repeat(cell, "number-columns-repeated")
        value = _value(cell, self.limits)
        if not cell_text(value):
            self.empty_run += count
            return
        if len(self.cells) + self.empty_run >= _MAX_COLUMNS:
            self.full = True
            return
        self.cells.extend([None] * self.empty_run)
        self.empty_run = 0
        self.cells.extend([value] * min(count, _MAX_COLUMNS - len(self.cells)))


class _Table:
    """The grid of one table as its rows stream by (repeated rows counted, bounded)."""

    def __init__(self, title: str, limits: InputLimits) -> None:
        self.title = title
        self.limits = limits
        self.grid: list[tuple[int, list[object]]] = []
        self.number = 0
        self.row = _Row(limits)

    def add_cell(self, cell: Any) -> None:
        if len(self.grid) <= self.limits.max_rows + 1:
            self.row.add(cell)

    def end_row(self, row: Any) -> None:
        repeat = _repeat(row, "number-rows-repeated")
        cells, self.row = self.row.cells, _Row(self.limits)
        if len(self.grid) > self.limits.max_rows + 1:
            return
        if not cells:
            self.number += repeat
            return
        for _ in range(min(repeat, self.limits.max_rows + 2 - len(self.grid))):
            self.number += 1
            self.grid.append((self.number, cells))


def _tables(path: Path, wanted: Callable[[str], bool], limits: InputLimits) -> Iterator[_Table]:
    """The wanted tables of ``content.xml``, streamed (no DOM, no DTD, no entities): each
    cell of a table's rows, and everything outside them, is dropped from the tree once
    read, so memory holds one cell at a time."""
    import zipfile

    from defusedxml.ElementTree import iterparse

    stack: list[Any] = []
    table: _Table | None = None
    depth = 0  # tables open (a table in a cell is part of its outer table's cell)
    rows = 0  # rows open in the outer table
    cells = 0  # cells written in the document (a repeated run counts once)
    spreadsheet = False
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = element.tag
            if event == "start":
                stack.append(element)
                spreadsheet = spreadsheet or tag == _SPREADSHEET_TAG
                if tag == _TABLE_TAG:
                    depth += 1
                    title = _attr(element, _TABLE, "name") or ""
                    if depth == 1 and wanted(title):
                        table = _Table(title, limits)
                elif tag == _ROW_TAG and depth == 1:
                    rows += 1
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            if depth == 1 and tag in _CELL_TAGS and parent is not None and parent.tag == _ROW_TAG:
                cells += 1
                if cells > limits.max_cells:
                    raise DataError(
                        f"plus de {limits.max_cells} cellules : ce n'est pas une feuille de route",
                        file=str(path),
                    )
                if table is not None:
                    table.add_cell(element)
                parent.remove(element)
            elif depth == 1 and tag == _ROW_TAG:
                rows -= 1
                if table is not None:
                    table.end_row(element)
            elif tag == _TABLE_TAG:
                depth -= 1
                if depth == 0 and table is not None:
                    yield table
                    table = None
            if rows == 0 and parent is not None:
                parent.remove(element)
    if not spreadsheet:
        raise ValueError("no office:spreadsheet")


def read_ods(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Workbook:
    """Read the contract-named tables of an ``.ods`` file, the archive checked against
    ``limits`` first and ``content.xml`` streamed. Raises :class:`DataError`."""
    check_zip(path, limits)
    problems = Problems()
    workbook = Workbook(str(path))
    specs: dict[str, SheetSpec] = {}

    def wanted(title: str) -> bool:
        spec = spreadsheet_tab(title, str(path), workbook, problems)
        if spec is not None:
            specs[title] = spec
        return spec is not None

    try:
        for table in _tables(path, wanted, limits):
            spec = specs[table.title]
            grid = bounded_grid(table.grid, limits, str(path), spec.name)
            with problems.collecting():
                sheet = sheet_from_grid(spec, str(path), grid, problems)
                if sheet is not None:
                    workbook.sheets[spec.name] = sheet
    except DataError:
        raise
    except Exception as exc:  # zipfile/xml/defusedxml raise many types for a bad file
        raise DataError(
            f"fichier illisible comme classeur OpenDocument .ods ({type(exc).__name__}) ; "
            "enregistrez-le depuis le tableur au format .ods",
            file=str(path),
        ) from None
    problems.raise_if_any()
    return workbook
