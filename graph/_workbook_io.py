"""Reading and writing a workbook, the format chosen by the path."""

from pathlib import Path

from ._errors import DataError
from ._limits import DEFAULT_LIMITS, InputLimits
from ._workbook import Workbook

__all__ = ["read_workbook", "target_format", "workbook_format", "write_workbook"]

_ACCEPTED = "un classeur .xlsx, .ods ou un dossier de fichiers .csv"


def workbook_format(path: Path) -> str | None:
    """``csv``, ``xlsx`` or ``ods`` for a workbook path (None: not a workbook path)."""
    if path.is_dir():
        return "csv"
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".ods":
        return "ods"
    return None


def _wrong_type(path: Path) -> DataError:
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        return DataError(
            "un classeur CSV est un dossier contenant un fichier par feuille "
            "(feuille-de-route.csv, enjeux.csv, defis.csv, chantiers.csv…) : donnez le dossier",
            file=str(path),
        )
    if suffix == ".xls":
        return DataError(
            "l'ancien format .xls n'est pas lu : enregistrez le classeur en .xlsx ou .ods",
            file=str(path),
        )
    return DataError(
        f"type de fichier non reconnu « {path.suffix or '(sans extension)'} » : {_ACCEPTED} "
        "est attendu",
        file=str(path),
    )


def read_workbook(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Workbook:
    """Read a workbook: ``.xlsx``/``.xlsm`` (openpyxl), ``.ods`` (odfpy) or a folder of
    UTF-8 CSV files; the result does not depend on the format. Files beyond ``limits``
    (sizes, rows, cells) are refused before they are read whole. Raises :class:`DataError`."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"fichier ou dossier introuvable ; {_ACCEPTED} est attendu", file=str(path))
    kind = workbook_format(path)
    if kind == "csv":
        from ._format_csv import read_csv_folder

        return read_csv_folder(path, limits)
    if kind == "xlsx":
        from ._format_xlsx import read_xlsx

        return read_xlsx(path, limits)
    if kind == "ods":
        from ._format_ods import read_ods

        return read_ods(path, limits)
    raise _wrong_type(path)


def target_format(path: Path) -> str:
    """``xlsx``, ``ods`` or ``csv`` (a folder) for a path to write a workbook to; raises
    :class:`DataError` for anything else, before anything is written."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".ods":
        return "ods"
    if path.is_dir() or (not suffix and not path.is_file()):
        return "csv"
    raise _wrong_type(path)


def write_workbook(workbook: Workbook, path: Path) -> list[Path]:
    """Write ``workbook`` as ``.xlsx``, ``.ods`` or (a folder path, or one without suffix)
    a folder of CSV files, with the column notes and drop-down lists. Returns the files
    written; each is replaced atomically."""
    path = Path(path)
    kind = target_format(path)
    if kind == "xlsx":
        from ._xlsx_writer import write_xlsx

        write_xlsx(workbook, path)
        return [path]
    if kind == "ods":
        from ._ods_writer import write_ods

        write_ods(workbook, path)
        return [path]
    from ._format_csv import write_csv_folder

    return write_csv_folder(workbook, path)
