"""Issue 8: an older template's workbook reads with a notice of what is new; values read
as a drop-down's are reported; an error that follows from a set-aside row says so."""

import csv
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from feuille_de_route.graph import DataError, build_graph, load_roadmap, read_workbook

from .conftest import Rows, mini_rows


def _old_template(folder: Path) -> Path:
    """The mini workbook with today's columns only where they existed before issue 8."""
    for path in folder.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        old = {"note", "prioritaire", "rang", "pilote", "co-pilotes", "partenaires"}
        old |= {"siret", "rna", "programme national", "type de territoire", "nom du territoire"}
        keep = [
            i
            for i, name in enumerate(rows[0])
            if name not in old
            or path.name
            in (
                "gouvernance.csv",
                "mobilisations.csv",
            )
        ]
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([[row[i] for i in keep] for row in rows])
    return folder


def test_older_template_reads_with_a_french_notice(
    mini_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        graph = build_graph(read_workbook(_old_template(mini_csv)))
    assert len(graph) > 0
    (message,) = [r.getMessage() for r in caplog.records if "modèle antérieur" in r.getMessage()]
    assert message.startswith("Remarque : ")
    assert "Enjeux : prioritaire, rang" in message
    assert "Chantiers : pilote, co-pilotes, partenaires, note" in message


def test_embedded_roadmap_and_current_template_give_no_notice(
    mini_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        load_roadmap(None)
        build_graph(read_workbook(mini_csv))
    assert caplog.records == []


def test_normalised_values_are_reported(
    csv_folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture
) -> None:
    rows = mini_rows()
    rows["Mobilisations"][0]["statut"] = "Opérante  "
    rows["Mobilisations"][1]["statut"] = "connue sans lien"
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        build_graph(read_workbook(csv_folder(rows)))
    (message,) = [r.getMessage() for r in caplog.records]
    assert (
        "« Opérante » → « opérante » (feuille « Mobilisations », colonne « statut », ligne 2)"
        in message
    )
    assert "« connue sans lien » → « connue, sans lien »" in message


def test_first_cause_first_then_consequences(csv_folder: Callable[[Rows], Path]) -> None:
    rows = mini_rows()
    rows["Chantiers"][1]["intitulé"] = ""  # the one cause: 1.b is set aside
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(rows)))
    errors = caught.value.errors
    assert errors[0].sheet == "Chantiers" and errors[0].detail == "cellule obligatoire vide"
    followers = [e for e in errors[1:] if "« 1.b »" in e.detail]
    assert followers and all("conséquence probable" in e.detail for e in followers)
