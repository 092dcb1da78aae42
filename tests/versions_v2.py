"""A version 2 of the Grand Périgueux, made by editing a copy of its CSV workbook as a
chargé de mission would between the method's steps 5 and 6: a chantier renamed, a défi
added, an action removed, an action given another ID (same title), a link's status
changed from « connue, sans lien » to « opérante »."""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from feuille_de_route.graph import GRAND_PERIGUEUX

if TYPE_CHECKING:
    import pytest

__all__ = ["NEW_DEFI", "RENAMED", "kept_versions", "make_v2", "v2_workbook"]

RENAMED = "Animer une campagne de communication sur l'inclusion numérique et ses lieux"
NEW_DEFI = "Coopérer avec d'autres territoires engagés dans l'inclusion numérique"

Row = dict[str, str]


def _edit(path: Path, change: Callable[[list[Row]], list[Row]]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(change(rows))


def make_v2(folder: Path) -> Path:
    """Write the version 2 as a CSV workbook in ``folder`` (a copy of the Grand Périgueux)."""
    shutil.copytree(GRAND_PERIGUEUX, folder)

    def rename(rows: list[Row]) -> list[Row]:
        for row in rows:
            if row["identifiant"] == "2.a":
                row["intitulé"] = RENAMED
        return rows

    def add_defi(rows: list[Row]) -> list[Row]:
        return [*rows, {"identifiant": "7", "intitulé": NEW_DEFI, "enjeux": "4"}]

    def actions(rows: list[Row]) -> list[Row]:
        for row in rows:
            if row["identifiant"] == "1.a.3":
                row["identifiant"] = "1.a.9"
        return [row for row in rows if row["identifiant"] != "1.a.4"]

    def status(rows: list[Row]) -> list[Row]:
        for row in rows:
            if (row["chantier"], row["ressource"]) == ("1.b", "centres-sociaux"):
                row["statut"] = "opérante"
        return rows

    _edit(folder / "chantiers.csv", rename)
    _edit(folder / "defis.csv", add_defi)
    _edit(folder / "actions.csv", actions)
    _edit(folder / "mobilisations.csv", status)
    return folder


def kept_versions(factory: "pytest.TempPathFactory") -> Path:
    """A ``--stockage`` folder keeping the Grand Périgueux as its version of 2024-03-01 and
    the version 2 as that of 2024-09-15, made once per test session (read-only)."""
    from feuille_de_route.cli import main

    base = factory.getbasetemp()
    folder = base / "versions-stockage"
    if not (folder / "versions").is_dir():
        v2 = v2_workbook(factory)
        for source, day in ((GRAND_PERIGUEUX, "2024-03-01"), (v2, "2024-09-15")):
            add = ["versions", "ajouter", str(source), "--stockage", str(folder), "--date", day]
            assert main(add) == 0
    return folder


def v2_workbook(factory: "pytest.TempPathFactory") -> Path:
    """The version 2 as a CSV workbook, made once per test session (read-only)."""
    folder = factory.getbasetemp() / "versions-etape6"
    if not folder.is_dir():
        make_v2(folder)
    return folder
