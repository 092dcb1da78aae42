"""Reading a workbook from an ``.xlsx`` file (openpyxl): one tab per sheet (the writer is
:mod:`._xlsx_writer`)."""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ._errors import DataError, Problems
from ._limits import DEFAULT_LIMITS, InputLimits, bounded_grid
from ._table import sheet_from_grid, spreadsheet_tab
from ._workbook import Workbook
from ._xlsx_scan import scan_worksheets
from ._zip_guard import check_zip

__all__ = ["LISTS_SHEET", "read_xlsx"]

# Hidden tab holding the drop-down values: Excel's inline lists split on commas, and
# "connue, sans lien" has one.
LISTS_SHEET = "Listes"


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
