"""The empty workbook a territory starts from."""

from pathlib import Path

from ._workbook import Workbook
from ._workbook_io import write_workbook

__all__ = ["write_template"]


def write_template(path: Path) -> list[Path]:
    """Write an empty workbook (``.xlsx``, ``.ods``, or a folder of CSV headers): every
    sheet of the contract, its headers, a French note per column and drop-down lists for
    the controlled values (statuts, types de ressource, rôles). Returns the files written."""
    return write_workbook(Workbook("modèle"), Path(path))
