"""Data errors: where in the workbook, and what was expected, in French."""

import contextlib
import difflib
from collections.abc import Iterable, Iterator

from feuille_de_route import UserError

__all__ = ["MAX_ERRORS", "DataError", "Problems", "suggest"]

# Beyond this many, more messages bury the first ones without helping.
MAX_ERRORS = 20


class DataError(UserError):
    """Bad data in a workbook or graph, located by file, sheet, row and column.

    ``row`` is the 1-based row as a spreadsheet shows it (the header is row 1).
    ``detail`` says what is wrong and what was expected; ``str()`` prefixes the location.
    A report of several problems is one ``DataError`` whose ``errors`` lists them (the
    location attributes are the first one's).
    """

    def __init__(
        self,
        detail: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.detail = detail
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.errors: tuple[DataError, ...] = (self,)
        self.final = False  # a full report: collectors pass it on instead of adding to it
        super().__init__(self._located())

    def _located(self) -> str:
        parts = []
        if self.file:
            parts.append(f"fichier {self.file}")
        if self.sheet:
            parts.append(f"feuille « {self.sheet} »")
        if self.row is not None:
            parts.append(f"ligne {self.row}")
        if self.column:
            parts.append(f"colonne « {self.column} »")
        return f"{', '.join(parts)} : {self.detail}" if parts else self.detail

    @classmethod
    def grouped(cls, errors: Iterable["DataError"], truncated: bool = False) -> "DataError":
        """One error reporting all of ``errors`` (at least one)."""
        items = [single for error in errors for single in error.errors]
        if len(items) == 1 and not truncated:
            return items[0]
        first = items[0]
        lines = [f"le classeur contient {len(items)}{' (au moins)' if truncated else ''} erreurs :"]
        lines += [f"  - {item.message}" for item in items]
        if truncated:
            lines.append(f"  (seules les {len(items)} premières sont listées)")
        # The location lives in each line; the attributes repeat the first one's.
        combined = cls("\n".join(lines))
        combined.file, combined.sheet = first.file, first.sheet
        combined.row, combined.column = first.row, first.column
        combined.errors = tuple(items)
        combined.final = truncated
        return combined


class Problems:
    """Collects data errors so that one run reports many, not just the first."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, error: DataError) -> None:
        """Record ``error``; once ``MAX_ERRORS`` are known, stop and report them."""
        self.errors.extend(error.errors)
        if len(self.errors) >= MAX_ERRORS:
            raise DataError.grouped(self.errors[:MAX_ERRORS], truncated=True)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataError.grouped(self.errors)

    @contextlib.contextmanager
    def collecting(self) -> Iterator[None]:
        """Record a ``DataError`` raised inside the block instead of letting it stop the run."""
        try:
            yield
        except DataError as error:
            if error.final:
                raise
            self.add(error)


def suggest(value: str, known: Iterable[str]) -> str:
    """French hint naming the known values closest to ``value`` ("" when none is close)."""
    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.6)
    if not close:
        return ""
    return " ; vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?"
