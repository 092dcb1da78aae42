"""The workbook as plain values, whatever file format it was read from."""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ._sheets import SHEETS_BY_NAME, SheetSpec

__all__ = ["Row", "Sheet", "Workbook"]


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based number as the spreadsheet shows it (header = 1), the file
    it comes from and its cells by the contract's column name ("" for an empty cell)."""

    number: int
    file: str
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass
class Sheet:
    """One sheet: its contract name, the file it was read from, the columns it has (in the
    file's order) and its non-empty rows."""

    name: str
    file: str
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)

    @property
    def spec(self) -> SheetSpec:
        return SHEETS_BY_NAME[self.name]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class Workbook:
    """Sheets by contract name; a sheet the territory does not use is simply absent."""

    source: str
    sheets: dict[str, Sheet] = field(default_factory=dict)

    def __contains__(self, name: object) -> bool:
        return name in self.sheets

    def __getitem__(self, name: str) -> Sheet:
        return self.sheets[name]

    def rows(self, name: str) -> list[Row]:
        """The rows of sheet ``name``, none when the sheet is absent."""
        sheet = self.sheets.get(name)
        return sheet.rows if sheet else []

    @classmethod
    def from_rows(cls, source: str, rows: Mapping[str, Sequence[Mapping[str, str]]]) -> "Workbook":
        """A workbook from plain dicts per sheet (rows numbered from 2, after the header)."""
        workbook = cls(source)
        for name, dicts in rows.items():
            spec = SHEETS_BY_NAME[name]
            workbook.sheets[name] = Sheet(
                name,
                source,
                spec.headers,
                [
                    Row(number, source, {k: v for k, v in cells.items() if v})
                    for number, cells in enumerate(dicts, start=2)
                ],
            )
        return workbook
