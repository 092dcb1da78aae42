"""A workbook as an OpenDocument spreadsheet (``.ods``, odfpy): notes and drop-downs too.

ODF compresses runs of identical cells and rows (``number-columns-repeated``,
``number-rows-repeated``): a sheet ends with a repeated empty row a million long, so
empty runs are counted, never expanded.
"""

import datetime as dt
import decimal
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from feuille_de_route import atomic_write_bytes

from ._errors import DataError, Problems
from ._format_xlsx import controlled_lists, typed_value
from ._sheets import SHEETS, Kind
from ._table import MAX_ROWS, cell_text, sheet_from_grid, spreadsheet_tab
from ._workbook import Workbook

__all__ = ["read_ods", "write_ods"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW_CONTAINERS = {"table-header-rows", "table-rows", "table-row-group"}
_MAX_COLUMNS = 256
# Empty rows carrying the drop-downs below the data, for the user to fill.
_FORM_ROWS = 1000


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


def _formula_list(labels: list[str]) -> str:
    quoted = ";".join('"' + label.replace('"', '""') + '"' for label in labels)
    return f"of:cell-content-is-in-list({quoted})"


def write_ods(workbook: Workbook, path: Path) -> None:
    """Write every sheet of the contract with a note (annotation) per header and
    drop-down lists (content validations) on the controlled columns; atomic."""
    from odf import teletype
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import (
        ContentValidation,
        ContentValidations,
        ErrorMessage,
        HelpMessage,
        Table,
        TableCell,
        TableColumn,
        TableRow,
    )
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    styles: dict[str, Any] = {}
    for name, background in (("obligatoire", "#ffe699"), ("facultatif", "#ddebf7")):
        style = Style(name=f"entete-{name}", family="table-cell")
        style.addElement(TextProperties(fontweight="bold"))
        style.addElement(TableCellProperties(backgroundcolor=background, wrapoption="wrap"))
        document.automaticstyles.addElement(style)
        styles[name] = style
    for name, width in (("etroite", "2.8cm"), ("large", "6cm")):
        style = Style(name=f"colonne-{name}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=width))
        document.automaticstyles.addElement(style)
        styles[name] = style

    lists = controlled_lists()
    validations = ContentValidations()
    validation_names: dict[Kind, str] = {}
    for kind, labels in lists.items():
        name = f"liste-{kind.name.lower()}"
        validation = ContentValidation(
            name=name,
            condition=_formula_list(labels),
            allowemptycell="true",
            displaylist="unsorted",
        )
        help_message = HelpMessage(title=kind.value, display="true")
        help_message.addElement(P(text=" | ".join(labels)))
        validation.addElement(help_message)
        error = ErrorMessage(title="Valeur non prévue", display="true", messagetype="stop")
        error.addElement(P(text="Choisissez une valeur de la liste : " + " | ".join(labels)))
        validation.addElement(error)
        validations.addElement(validation)
        validation_names[kind] = name
    document.spreadsheet.addElement(validations)

    for spec in SHEETS:
        sheet = workbook.sheets.get(spec.name)
        table = Table(name=spec.name)
        for column in spec.columns:
            width = "etroite" if column.kind is Kind.INTEGER else "large"
            table.addElement(TableColumn(stylename=styles[width]))
        header = TableRow()
        for column in spec.columns:
            cell = TableCell(
                valuetype="string",
                stylename=styles["obligatoire" if column.required else "facultatif"],
            )
            note = Annotation(display="false")
            lead = "Obligatoire. " if column.required else "Facultatif. "
            note.addElement(P(text=lead + column.note))
            cell.addElement(note)
            cell.addElement(P(text=column.name))
            header.addElement(cell)
        table.addElement(header)
        for row in sheet.rows if sheet else []:
            table_row = TableRow()
            for column in spec.columns:
                value = typed_value(column, row[column.name])
                attributes: dict[str, str] = {}
                if column.kind in validation_names:
                    attributes["contentvalidationname"] = validation_names[column.kind]
                if value is None:
                    table_row.addElement(TableCell(**attributes))
                    continue
                if isinstance(value, int | decimal.Decimal):
                    cell = TableCell(valuetype="float", value=str(value), **attributes)
                elif isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attributes)
                else:
                    cell = TableCell(valuetype="string", **attributes)
                paragraph = P()
                teletype.addTextToElement(paragraph, str(value))
                cell.addElement(paragraph)
                table_row.addElement(cell)
            table.addElement(table_row)
        form = TableRow(numberrowsrepeated=str(_FORM_ROWS))
        for column in spec.columns:
            if column.kind in validation_names:
                form.addElement(TableCell(contentvalidationname=validation_names[column.kind]))
            else:
                form.addElement(TableCell())
        table.addElement(form)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    atomic_write_bytes(path, buffer.getvalue())
