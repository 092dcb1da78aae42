"""A version 2 of the Grand Périgueux, made by editing a copy of its CSV workbook as a
chargé de mission would between the method's steps 5 and 6: a chantier renamed, a défi
added, an action removed, an action given another ID (same title), a link's status
changed from « connue, sans lien » to « opérante »."""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from feuille_de_route.graph import GRAND_PERIGUEUX

__all__ = ["NEW_DEFI", "RENAMED", "make_v2"]

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
