"""Writing a workbook as an OpenDocument spreadsheet (``.ods``, odfpy): one table per
sheet of the contract, a note (annotation) per header and drop-down lists (content
validations) on the controlled columns, also on empty rows below the data."""

import datetime as dt
import decimal
import io
from pathlib import Path
from typing import Any

from feuille_de_route import atomic_write_bytes

from ._sheets import SHEETS, Kind, SheetSpec
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
from ._workbook import Row, Sheet, Workbook

__all__ = ["write_ods"]

# Empty rows carrying the drop-downs below the data, for the user to fill.
_FORM_ROWS = 1000

# Header cell styles by name → background; column styles by name → width.
_HEADER_STYLES = {"obligatoire": REQUIRED_COLOUR, "facultatif": OPTIONAL_COLOUR}
_COLUMN_WIDTHS = {"etroite": "2.8cm", "large": "6cm"}


def write_ods(workbook: Workbook, path: Path) -> None:
    """Write every sheet of the contract with a note (annotation) per header and
    drop-down lists (content validations) on the controlled columns; atomic."""
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    styles = _add_styles(document)
    validations = _add_validations(document)
    for spec in SHEETS:
        table = _table(spec, workbook.sheets.get(spec.name), styles, validations)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def _add_styles(document: Any) -> dict[str, Any]:
    from odf.number import TextContent
    from odf.number import TextStyle as NumberTextStyle
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties

    styles: dict[str, Any] = {}
    for name, colour in _HEADER_STYLES.items():
        style = Style(name=f"entete-{name}", family="table-cell")
        style.addElement(TextProperties(fontweight="bold"))
        style.addElement(
            TableCellProperties(backgroundcolor="#" + colour.lower(), wrapoption="wrap")
        )
        document.automaticstyles.addElement(style)
        styles[name] = style
    # Code columns (INSEE codes, IDs) are formatted as text: 01001 keeps its leading zero.
    text_format = NumberTextStyle(name="format-texte")
    text_format.addElement(TextContent())
    document.automaticstyles.addElement(text_format)
    code = Style(name="cellule-code", family="table-cell", datastylename="format-texte")
    document.automaticstyles.addElement(code)
    styles["code"] = code
    for name, width in _COLUMN_WIDTHS.items():
        style = Style(name=f"colonne-{name}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=width))
        document.automaticstyles.addElement(style)
        styles[name] = style
    return styles


def _formula_list(labels: list[str]) -> str:
    quoted = ";".join('"' + label.replace('"', '""') + '"' for label in labels)
    return f"of:cell-content-is-in-list({quoted})"


def _add_validations(document: Any) -> dict[Kind, str]:
    """One content validation per controlled kind; returns their names."""
    from odf.table import ContentValidation, ContentValidations, ErrorMessage, HelpMessage
    from odf.text import P

    validations = ContentValidations()
    names: dict[Kind, str] = {}
    for kind, labels in controlled_lists().items():
        name = f"liste-{kind.name.lower()}"
        validation = ContentValidation(
            name=name,
            condition=_formula_list(labels),
            allowemptycell="true",
            displaylist="unsorted",
        )
        help_message = HelpMessage(title=kind.value, display="true")
        help_message.addElement(P(text=list_prompt(labels)))
        validation.addElement(help_message)
        severity = "warning" if kind in MULTIPLE_CHOICE else "stop"
        error = ErrorMessage(title=LIST_ERROR_TITLE, display="true", messagetype=severity)
        error.addElement(P(text=list_error(labels)))
        validation.addElement(error)
        validations.addElement(validation)
        names[kind] = name
    document.spreadsheet.addElement(validations)
    return names


def _table(
    spec: SheetSpec, sheet: Sheet | None, styles: dict[str, Any], validations: dict[Kind, str]
) -> Any:
    from odf.table import Table, TableCell, TableColumn, TableRow

    table = Table(name=spec.name)
    for column in spec.columns:
        width = "etroite" if is_narrow(column) else "large"
        code = {"defaultcellstylename": styles["code"]} if is_text_code(column) else {}
        table.addElement(TableColumn(stylename=styles[width], **code))
    table.addElement(_header(spec, styles))
    for row in sheet.rows if sheet else []:
        table.addElement(_data_row(spec, row, validations))
    form = TableRow(numberrowsrepeated=str(_FORM_ROWS))
    for column in spec.columns:
        code = {"stylename": styles["code"]} if is_text_code(column) else {}
        form.addElement(TableCell(**_validation_of(column.kind, validations), **code))
    table.addElement(form)
    return table


def _validation_of(kind: Kind, validations: dict[Kind, str]) -> dict[str, str]:
    return {"contentvalidationname": validations[kind]} if kind in validations else {}


def _header(spec: SheetSpec, styles: dict[str, Any]) -> Any:
    from odf.office import Annotation
    from odf.table import TableCell, TableRow
    from odf.text import P

    header = TableRow()
    for column in spec.columns:
        cell = TableCell(
            valuetype="string",
            stylename=styles["obligatoire" if column.required else "facultatif"],
        )
        note = Annotation(display="false")
        note.addElement(P(text=header_note(column, spec)))
        cell.addElement(note)
        cell.addElement(P(text=column.name))
        header.addElement(cell)
    return header


def _data_row(spec: SheetSpec, row: Row, validations: dict[Kind, str]) -> Any:
    from odf import teletype
    from odf.table import TableCell, TableRow
    from odf.text import P

    table_row = TableRow()
    for column in spec.columns:
        value = typed_value(column, row[column.name])
        attributes = _validation_of(column.kind, validations)
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
    return table_row
