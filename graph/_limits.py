"""How much an input file may hold before it is refused, checked before it is read.

Every input may be hostile (a zip bomb, a cell of a gigabyte, a million rows): each reader
checks these limits while it streams, so that a crafted file fails fast and small.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ._errors import DataError
from ._table import MAX_ROWS

__all__ = [
    "DEFAULT_LIMITS",
    "MEGABYTE",
    "SIZE_OPTION",
    "TRIPLES_OPTION",
    "InputLimits",
    "bounded_grid",
    "read_bounded",
    "too_large",
]

MEGABYTE = 1024 * 1024
# The command-line options that raise the limits, named in every message about them.
SIZE_OPTION = "--limite-taille"
TRIPLES_OPTION = "--limite-triplets"


@dataclass(frozen=True)
class InputLimits:
    """Bounds on one input: bytes on disk and once decompressed (``max_bytes``), rows per
    sheet, characters per cell and cells per row (Excel's own limits), cells written in one
    sheet or document and triples of an RDF file (the Grand Périgueux has 1 632 cells and
    2 480 triples), members of a zip archive."""

    max_bytes: int = 50 * MEGABYTE
    max_rows: int = MAX_ROWS
    max_cell_chars: int = 32_767
    max_columns: int = 16_384
    max_cells: int = 200_000
    max_triples: int = 100_000
    max_members: int = 10_000

    def megabytes(self) -> str:
        """``max_bytes`` as the user gives it to :data:`SIZE_OPTION` (Mo)."""
        value = self.max_bytes / MEGABYTE
        return f"{value:g}"


DEFAULT_LIMITS = InputLimits()


def too_large(what: str, limits: InputLimits, file: str, size: int | None = None) -> DataError:
    """The French error for ``what`` (e.g. « le fichier ») holding ``size`` bytes (None:
    unknown, the reading stopped at the limit), more than ``limits.max_bytes``: it names
    the limit and the option to raise it."""
    shown = f"{size / MEGABYTE:.1f} Mo" if size is not None else "davantage"
    return DataError(
        f"{what} dépasse la limite de taille de {limits.megabytes()} Mo ({shown}) ; si le "
        f"fichier est sûr, relevez la limite avec l'option {SIZE_OPTION} MO",
        file=file,
    )


def bounded_grid(
    grid: Iterable[tuple[int, Sequence[object]]], limits: InputLimits, file: str, sheet: str
) -> Iterator[tuple[int, Sequence[object]]]:
    """``grid`` as it streams, a row wider than ``limits.max_columns`` or a cell longer than
    ``limits.max_cell_chars`` refused (rows beyond the limit stop ``sheet_from_grid``)."""
    for number, cells in grid:
        if len(cells) > limits.max_columns:
            raise DataError(
                f"ligne de {len(cells)} cellules (au plus {limits.max_columns}, la limite des "
                "tableurs)",
                file=file,
                sheet=sheet,
                row=number,
            )
        for index, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
                raise DataError(
                    f"cellule de {len(cell)} caractères (au plus {limits.max_cell_chars}, "
                    "la limite des tableurs) : ce n'est pas une donnée de feuille de route",
                    file=file,
                    sheet=sheet,
                    row=number,
                    column=f"{index + 1}e colonne",
                )
        yield number, cells


def read_bounded(path: Path, limits: InputLimits) -> bytes:
    """The bytes of ``path``, refused once more than ``limits.max_bytes`` are read (the size
    on disk can change, or be unknown for a device)."""
    if not path.is_file():  # a pipe or a device would block or never end
        raise DataError("n'est pas un fichier ordinaire", file=str(path))
    try:
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise DataError(f"lecture impossible ({exc.strerror})", file=str(path)) from None
    if len(data) > limits.max_bytes:
        raise too_large("le fichier", limits, str(path))
    return data
