"""Reading a workbook from an ``.xlsx`` file (openpyxl): one tab per sheet (the writer is
:mod:`._xlsx_writer`)."""

from pathlib import Path

from ._errors import DataError, Problems
from ._table import sheet_from_grid, spreadsheet_tab
from ._workbook import Workbook

__all__ = ["LISTS_SHEET", "read_xlsx"]

# Hidden tab holding the drop-down values: Excel's inline lists split on commas, and
# "connue, sans lien" has one.
LISTS_SHEET = "Listes"


def read_xlsx(path: Path) -> Workbook:
    """Read the contract-named tabs of an ``.xlsx`` file (others are ignored unless their
    name looks like a misspelt sheet). Raises :class:`DataError`."""
    import openpyxl

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
            try:
                grid = [
                    (number, cells)
                    for number, cells in enumerate(book[title].iter_rows(values_only=True), 1)
                ]
            except Exception as exc:
                raise DataError(
                    f"onglet illisible ({type(exc).__name__})", file=str(path), sheet=spec.name
                ) from None
            with problems.collecting():
                sheet = sheet_from_grid(spec, str(path), grid, problems)
                if sheet is not None:
                    workbook.sheets[spec.name] = sheet
    finally:
        book.close()
    problems.raise_if_any()
    return workbook
