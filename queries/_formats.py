"""A SELECT result written as a terminal table, CSV, SPARQL JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route import UserError, neutralise_csv_cell, terminal_safe
from feuille_de_route.graph.store import SelectResult

from ._abbreviations import abbreviate

__all__ = ["FORMATS", "format_result"]

FORMATS = ("table", "csv", "json", "markdown")


def _display(term: Identifier | None) -> str:
    """Short text for people: vocabulary IRIs prefixed, territory IRIs from the territory on
    (what a parameter typed IRI takes back: ``_abbreviations``)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return abbreviate(str(term)) or f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        value: dict[str, str] = {"type": "literal", "value": str(term)}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["datatype"] = str(term.datatype)
        return value
    return {"type": "literal", "value": str(term)}


def _json(result: SelectResult) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    variables = list(result.variables)
    bindings = [
        {v: _json_term(term) for v in variables if (term := row.get(v)) is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv_cell(term: Identifier | None) -> str:
    """A CSV cell; a text a spreadsheet would run as a formula is neutralised (OWASP).

    A number stays as it is (``-3`` is no formula), so numeric columns still sort as such.
    """
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term)
    if isinstance(term, Literal) and term.datatype in _NUMERIC and _is_number(text):
        return text
    return neutralise_csv_cell(text)


_NUMERIC = frozenset({XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long})


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv(result: SelectResult, shown: Callable[[str], str]) -> str:
    """SPARQL 1.1 Query Results CSV Format: plain values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    variables = list(result.variables)
    writer.writerow([shown(v) for v in variables])
    for row in result.rows:
        writer.writerow([shown(_csv_cell(row.get(v))) for v in variables])
    return buffer.getvalue()


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def _markdown(result: SelectResult, shown: Callable[[str], str]) -> str:
    variables = list(result.variables)
    lines = [
        "| " + " | ".join(shown(_markdown_cell(v)) for v in variables) + " |",
        "|" + "|".join(" --- " for _ in variables) + "|",
    ]
    for row in result.rows:
        cells = (shown(_markdown_cell(_display(row.get(v)))) for v in variables)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _screen(result: SelectResult, width: int, shown: Callable[[str], str], rows: int | None) -> str:
    """The first ``rows`` rows for a screen ``width`` wide: a table when it fits, else one
    block a row (:func:`_widths`); each cell's text is made once, for both."""
    kept = result.rows if rows is None else result.rows[:rows]
    headers = [shown(v) for v in result.variables]
    cells = [[shown(_display(row.get(v))) for v in result.variables] for row in kept]
    widths = _widths(headers, cells, width)
    if widths is None:
        return _records(headers, cells, width, len(result.rows))
    return _table(headers, cells, widths, width, len(result.rows))


def _table(
    headers: list[str], cells: list[list[str]], widths: list[int], width: int, total: int
) -> str:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold", expand=False)
    for header, column_width in zip(headers, widths, strict=True):
        # A fixed width: rich would otherwise shrink every column alike, headers included.
        table.add_column(header, overflow="fold", width=column_width)
    for row in cells:
        # Text objects: data is never read as rich markup.
        table.add_row(*map(Text, row))
    return _printed(width, [table], total, len(cells))


# A column is readable when it gets its header's width and this much of its values.
_READABLE = 12


def _widths(headers: list[str], cells: list[list[str]], width: int) -> list[int] | None:
    """Each column's width in a table ``width`` wide, or None when some column would get
    less than its header and a few characters of its values (:func:`_records` then).

    Each column first gets that much; the room left goes to the columns whose values
    want more, a share at a time, so that no column is cut while another has room.
    """
    from rich.cells import cell_len

    wanted, widths = [], []
    for column, header in enumerate(headers):
        longest = max((cell_len(row[column]) for row in cells), default=0)
        wanted.append(max(cell_len(header), longest))
        widths.append(max(cell_len(header), min(longest, _READABLE)))
    # Each column's padding (one space each side) and left border, and the last border.
    spare = width - 1 - 3 * len(headers) - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        hungry = [i for i, w in enumerate(widths) if w < wanted[i]]
        if not hungry:
            break
        share = max(1, spare // len(hungry))
        for i in hungry[:spare]:
            added = min(share, wanted[i] - widths[i], spare)
            widths[i] += added
            spare -= added
    return widths


def _records(headers: list[str], cells: list[list[str]], width: int, total: int) -> str:
    """One block per row, one line per variable (as ``psql``'s expanded display does)."""
    from rich.table import Table
    from rich.text import Text

    blocks: list[object] = []
    for number, row in enumerate(cells, start=1):
        blocks.append(Text(f"── {number} / {total} ".ljust(min(width, 40), "─")))
        block = Table.grid(padding=(0, 2))
        block.add_column(no_wrap=True)
        block.add_column(overflow="fold")
        for header, cell in zip(headers, row, strict=True):
            block.add_row(Text(header), Text(cell))
        blocks.append(block)
    # The grid pads every line to its widest value: trailing blanks only.
    text = _printed(width, blocks, total, len(cells))
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _printed(width: int, renderables: list[object], total: int, shown: int) -> str:
    """``renderables`` printed ``width`` wide, without colour, then the count line."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    for renderable in renderables:
        console.print(renderable)
    console.print(Text(_count(total, shown)))
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def _count(count: int, shown: int) -> str:
    text = f"{count} ligne{'s' if count > 1 else ''}"
    return text if shown == count else f"{text} ; seules les {shown} premières sont affichées"


def _kept(text: str) -> str:
    return text


def format_result(
    result: SelectResult,
    format: str,
    width: int = 100,
    *,
    terminal: bool = False,
    table_rows: int | None = None,
) -> str:
    """``result`` as ``table`` (``width`` columns), ``csv``, ``json`` or ``markdown`` text.

    ``terminal``: the text goes to a terminal, so control characters in the values are
    shown escaped (a file keeps them). CSV cells that a
    spreadsheet would take as formulas are neutralised either way.
    A table too wide for ``width`` (a column narrower than its header) is shown one row
    at a time instead, a line per variable.
    ``table_rows``: the table shows at most that many rows, and its count line says so
    (drawing a table costs about 1 ms a row: a national answer of 9,626 rows took 9 s);
    the other formats always hold every row.
    """
    shown = terminal_safe if terminal else _kept
    if format == "json":
        return _json(result)
    if format == "csv":
        return _csv(result, shown)
    if format == "markdown":
        return _markdown(result, shown)
    if format == "table":
        return _screen(result, width, shown, table_rows)
    raise UserError(f"Format inconnu : « {format} » ; formats possibles : {', '.join(FORMATS)}.")
