"""A workbook as a folder of UTF-8 CSV files, one per sheet (names from the contract)."""

import csv
import io
from pathlib import Path

from feuille_de_route import atomic_write_files, neutralise_csv_cell, restore_csv_cell

from ._errors import DataError, Problems
from ._limits import DEFAULT_LIMITS, InputLimits, bounded_grid, read_bounded
from ._sheets import SHEETS, SheetSpec, sheet_for_csv
from ._table import sheet_from_grid, unknown_sheet_hint
from ._workbook import Sheet, Workbook

__all__ = ["csv_text", "read_csv_folder", "write_csv_folder"]


def _delimiter(header_line: str) -> str:
    """Comma by the contract; a header with semicolons only is a French spreadsheet export."""
    if "," not in header_line and header_line.count(";") > 0:
        return ";"
    if "," not in header_line and header_line.count("\t") > 0:
        return "\t"
    return ","


def _decode(path: Path, data: bytes, sheet: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"le fichier n'est pas en UTF-8 (octet 0x{data[exc.start]:02X} illisible) ; "
            "enregistrez-le en « CSV UTF-8 » depuis le tableur",
            file=str(path),
            sheet=sheet,
            row=line,
        ) from None


def _read_sheet(path: Path, problems: Problems, limits: InputLimits) -> Sheet | None:
    spec = sheet_for_csv(path.name)
    assert spec is not None
    data = read_bounded(path, limits)
    text = _decode(path, data, spec.name)
    if "\x00" in text:
        raise DataError(
            "fichier binaire et non texte CSV (caractère nul)", file=str(path), sheet=spec.name
        )
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    grid: list[tuple[int, list[str]]] = []
    try:
        for number, cells in bounded_grid(enumerate(reader, start=1), limits, str(path), spec.name):
            # Cells the writer neutralised against formulas read back as they were.
            grid.append((number, [restore_csv_cell(str(cell)) for cell in cells]))
    except csv.Error as exc:
        raise DataError(
            f"CSV mal formé ({exc}) ; vérifiez les guillemets",
            file=str(path),
            sheet=spec.name,
            row=len(grid) + 1,
        ) from None
    return sheet_from_grid(spec, str(path), grid, problems)


def read_csv_folder(folder: Path, limits: InputLimits = DEFAULT_LIMITS) -> Workbook:
    """Read every contract-named ``.csv`` file of ``folder``; other files are ignored unless
    their name looks like a misspelt sheet. A file beyond ``limits`` is refused."""
    problems = Problems()
    workbook = Workbook(str(folder))
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise DataError(f"dossier illisible ({exc.strerror})", file=str(folder)) from None
    for path in entries:
        if path.suffix.casefold() != ".csv":
            continue
        spec = sheet_for_csv(path.name)
        if spec is None:
            close = unknown_sheet_hint(path.stem)
            if close is not None:
                problems.add(
                    DataError(
                        f"fichier au nom inattendu ; vouliez-vous dire « {close.csv} » ? "
                        "Fichiers attendus : " + ", ".join(s.csv for s in SHEETS),
                        file=str(path),
                    )
                )
            continue
        if spec.name in workbook.sheets:
            problems.add(
                DataError(
                    f"deux fichiers pour la feuille « {spec.name} » "
                    f"({workbook.sheets[spec.name].file} et {path.name})",
                    file=str(path),
                )
            )
            continue
        with problems.collecting():
            sheet = _read_sheet(path, problems, limits)
            if sheet is not None:
                workbook.sheets[spec.name] = sheet
    problems.raise_if_any()
    return workbook


def csv_text(spec: SheetSpec, sheet: Sheet | None) -> str:
    """The CSV file of one sheet: the contract's headers, then the rows."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(spec.headers)
    for row in sheet.rows if sheet else []:
        # OWASP: a cell starting like a formula is written so that no spreadsheet runs it.
        writer.writerow([neutralise_csv_cell(row[h]) for h in spec.headers])
    return buffer.getvalue()


def write_csv_folder(workbook: Workbook, folder: Path) -> list[Path]:
    """Write one UTF-8 CSV per sheet of the contract into ``folder`` (headers only for a
    sheet ``workbook`` lacks), the files replaced as one set."""
    return atomic_write_files(
        folder,
        {
            spec.csv: csv_text(spec, workbook.sheets.get(spec.name)).encode("utf-8")
            for spec in SHEETS
        },
    )
