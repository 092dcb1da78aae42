"""From a grid of raw cells (any format) to a checked :class:`Sheet`."""

import datetime as dt
import decimal
import difflib
import unicodedata
from collections.abc import Iterable, Sequence

from ._errors import DataError, Problems, suggest
from ._sheets import SHEETS, SheetSpec, fold, sheet_for_name
from ._workbook import Row, Sheet, Workbook

__all__ = [
    "MAX_ROWS",
    "cell_text",
    "check_text",
    "sheet_from_grid",
    "spreadsheet_tab",
    "unknown_sheet_hint",
]

# A territory's roadmap has hundreds of rows; far more means a runaway file.
MAX_ROWS = 100_000

_ALLOWED_CONTROLS = frozenset("\t\n")


def cell_text(value: object) -> str:
    """A cell's value as the text the workbook means, whatever type the format gave."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "vrai" if value else "faux"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = unicodedata.normalize("NFC", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


def check_text(text: str) -> str | None:
    """Why ``text`` cannot be a cell's content (None when it can)."""
    for char in text:
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category == "Cs":
            return (
                f"caractère de contrôle interdit (U+{ord(char):04X}) ; "
                "retirez-le de la cellule (souvent un copier-coller)"
            )
        if char in "\ufffe\uffff":
            return f"caractère interdit (U+{ord(char):04X})"
    return None


def _expected(spec: SheetSpec) -> str:
    return ", ".join(f"« {c.name} »{'*' if c.required else ''}" for c in spec.columns)


def sheet_from_grid(
    spec: SheetSpec,
    file: str,
    grid: Iterable[tuple[int, Sequence[object]]],
    problems: Problems,
) -> Sheet | None:
    """Check the header row and collect the non-empty data rows of one sheet.

    ``grid`` yields (1-based row number, raw cells); the first row is the header. Problems
    go to ``problems``; None is returned when the header itself is unusable.
    """
    rows = iter(grid)
    first = next(rows, None)
    if first is None or not any(cell_text(v) for v in first[1]):
        problems.add(
            DataError(
                "feuille vide : la ligne 1 doit porter les en-têtes de colonnes ; "
                f"attendus : {_expected(spec)} (* = obligatoire)",
                file=file,
                sheet=spec.name,
                row=1,
            )
        )
        return None
    columns = _header(spec, file, first, problems)
    if columns is None:
        return None
    sheet = Sheet(spec.name, file, tuple(c for c in columns if c))
    for number, raw_cells in rows:
        if len(sheet.rows) >= MAX_ROWS:
            problems.add(
                DataError(
                    f"plus de {MAX_ROWS} lignes : ce n'est pas une feuille de route",
                    file=file,
                    sheet=spec.name,
                    row=number,
                )
            )
            break
        cells = _cells(spec, file, number, columns, raw_cells, problems)
        if cells:
            sheet.rows.append(Row(number, file, cells))
    return sheet


def _header(
    spec: SheetSpec, file: str, header: tuple[int, Sequence[object]], problems: Problems
) -> list[str | None] | None:
    """The contract's column at each position of the header row (None: no header there),
    or None when a header is unknown or doubled or a required column is missing."""
    number, header_cells = header
    columns: list[str | None] = []
    ok = True
    known = {fold(c.name): c.name for c in spec.columns}

    def report(detail: str, column: str) -> None:
        nonlocal ok
        ok = False
        problems.add(DataError(detail, file=file, sheet=spec.name, row=number, column=column))

    for raw in header_cells:
        text = cell_text(raw)
        name = known.get(fold(text)) if text else None
        if text and name is None:
            report(
                f"en-tête inconnu « {text} »{suggest(fold(text), known)} ; "
                f"en-têtes attendus : {_expected(spec)} (* = obligatoire)",
                text,
            )
        elif name is not None and name in columns:
            report("colonne en double : chaque en-tête ne figure qu'une fois", name)
        columns.append(name)
    for column in spec.columns:
        if column.required and column.name not in columns:
            report(
                f"colonne obligatoire absente ; en-têtes attendus : {_expected(spec)} "
                "(* = obligatoire)",
                column.name,
            )
    return columns if ok else None


def _cells(
    spec: SheetSpec,
    file: str,
    number: int,
    columns: list[str | None],
    raw_cells: Sequence[object],
    problems: Problems,
) -> dict[str, str]:
    """The non-empty cells of one data row by column name; bad ones go to ``problems``."""
    cells: dict[str, str] = {}
    for index, raw in enumerate(raw_cells):
        text = cell_text(raw)
        if not text:
            continue
        name = columns[index] if index < len(columns) else None
        if name is None:
            problems.add(
                DataError(
                    f"valeur « {text[:40]} » dans une colonne sans en-tête ({index + 1}e "
                    "colonne) ; ajoutez l'en-tête ou videz la colonne",
                    file=file,
                    sheet=spec.name,
                    row=number,
                )
            )
            continue
        why = check_text(text)
        if why:
            problems.add(DataError(why, file=file, sheet=spec.name, row=number, column=name))
            continue
        cells[name] = text
    return cells


def unknown_sheet_hint(name: str) -> SheetSpec | None:
    """For a sheet the contract does not name: the expected sheet it probably misspells."""
    folded = {fold(spec.name): spec for spec in SHEETS}
    folded.update({fold(spec.csv.removesuffix(".csv")): spec for spec in SHEETS})
    close = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


def spreadsheet_tab(
    title: str, file: str, workbook: Workbook, problems: Problems
) -> SheetSpec | None:
    """The contract's sheet a tab of an .xlsx/.ods file holds, or ``None`` to skip the tab.

    A tab whose name looks like a misspelt expected sheet, or a second tab for a sheet
    already read, is reported to ``problems`` and skipped; other unknown tabs are ignored.
    """
    spec = sheet_for_name(title)
    if spec is None:
        close = unknown_sheet_hint(title)
        if close is not None:
            problems.add(
                DataError(
                    f"onglet au nom inattendu « {title} » ; vouliez-vous dire « {close.name} » ?",
                    file=file,
                    sheet=title,
                )
            )
        return None
    if spec.name in workbook.sheets:
        problems.add(DataError(f"deux onglets pour la feuille « {spec.name} »", file=file))
        return None
    return spec
