"""The worksheets of an ``.xlsx`` counted before openpyxl reads them.

openpyxl turns every ``<c>`` element of a row into a dictionary before it gives the row
back, so a crafted row of millions of cells would take gigabytes within the size limit.
Each worksheet is first run through expat with no tree at all, counting cells per row and
per sheet; a DTD or an entity declaration is refused on the way.
"""

import zipfile
from pathlib import Path
from xml.parsers import expat

from ._errors import DataError
from ._limits import InputLimits

__all__ = ["scan_worksheets"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CHUNK = 1 << 20


class _Counter:
    def __init__(self, limits: InputLimits, file: str, member: str) -> None:
        self.limits = limits
        self.file = file
        self.member = member
        self.in_row = 0
        self.total = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == f"{_MAIN} row":
            self.in_row = 0
        elif name == f"{_MAIN} c":
            self.in_row += 1
            self.total += 1
            if self.in_row > self.limits.max_columns:
                raise self.error(f"ligne de plus de {self.limits.max_columns} cellules")
            if self.total > self.limits.max_cells:
                raise self.error(f"feuille de plus de {self.limits.max_cells} cellules")

    def declaration(self, *args: object) -> None:
        raise self.error("déclaration XML (DOCTYPE ou entité) interdite par sécurité")

    def error(self, detail: str) -> DataError:
        return DataError(
            f"{detail} (« {self.member} ») : ce n'est pas un classeur de feuille de route",
            file=self.file,
        )


def scan_worksheets(path: Path, limits: InputLimits) -> None:
    """Refuse a worksheet with a row wider than ``limits.max_columns`` cells or more than
    ``limits.max_cells`` in all. A file that is not a zip is left to openpyxl."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                _scan(archive, member, _Counter(limits, str(path), member))


def _scan(archive: zipfile.ZipFile, member: str, counter: _Counter) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = counter.start
    parser.StartDoctypeDeclHandler = counter.declaration
    parser.EntityDeclHandler = counter.declaration
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except DataError:
        raise
    except Exception:  # malformed XML or a damaged member: openpyxl's own message follows
        return
