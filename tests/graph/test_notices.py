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
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2  # one per value read as another
    message = "\n".join(messages)
    assert (
        "« Opérante » → « opérante » (feuille « Mobilisations », colonne « statut », ligne 2)"
        in message
    )
    assert "« connue sans lien » → « connue, sans lien »" in message


def _notices(
    rows: Rows, folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture
) -> list[str]:
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        build_graph(read_workbook(folder(rows)))
    return [r.getMessage() for r in caplog.records]


def test_one_notice_per_value_and_column_listing_its_rows_and_file(
    csv_folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture
) -> None:
    rows = mini_rows()
    rows["Enjeux"] = [
        {"identifiant": str(n), "intitulé": f"Enjeu {n} ?", "prioritaire": "Oui"} for n in (1, 2, 3)
    ] + [{"identifiant": "4", "intitulé": "Enjeu 4 ?", "prioritaire": "x"}]
    messages = _notices(rows, csv_folder, caplog)
    (oui,) = [m for m in messages if "« Oui »" in m]
    assert oui.startswith("Remarque : ")
    assert "« Oui » → « oui » (feuille « Enjeux », colonne « prioritaire », lignes 2, 3, 4)" in oui
    assert "enjeux.csv" in oui  # the file
    (x,) = [m for m in messages if "« x »" in m]
    assert "« x » → « oui » (feuille « Enjeux », colonne « prioritaire », ligne 5)" in x
    assert len(messages) == 2


@pytest.mark.parametrize(
    ("sheet", "column", "index", "written", "meant"),
    [
        ("Enjeux", "prioritaire", 0, "vrai", "oui"),
        ("Enjeux", "prioritaire", 0, "NON", "non"),
        ("Gouvernance", "rôle", 1, "Associé", "associé"),
        ("Gouvernance", "rôle", 0, "PILOTE", "pilote"),
        ("Ressources", "type", 1, "Ressource  matérielle", "ressource matérielle"),
        ("Coordination", "rôle", 1, "co coordinateur", "co-coordinateur"),
        ("Feuille de route", "type de territoire", 0, "epci", "EPCI"),
    ],
)
def test_each_kind_of_normalisation_is_reported(
    csv_folder: Callable[[Rows], Path],
    caplog: pytest.LogCaptureFixture,
    sheet: str,
    column: str,
    index: int,
    written: str,
    meant: str,
) -> None:
    rows = mini_rows()
    rows[sheet][index][column] = written
    (message,) = _notices(rows, csv_folder, caplog)
    assert f"« {written} » → « {meant} » (feuille « {sheet} », colonne « {column} », ligne " in (
        message
    )


def test_values_written_as_the_list_gives_them_are_not_reported(
    csv_folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture
) -> None:
    rows = mini_rows()
    rows["Enjeux"][0]["prioritaire"] = "oui"
    rows["Feuille de route"][0]["type de territoire"] = "EPCI"
    assert _notices(rows, csv_folder, caplog) == []


def test_first_cause_first_then_consequences(csv_folder: Callable[[Rows], Path]) -> None:
    rows = mini_rows()
    rows["Chantiers"][1]["intitulé"] = ""  # the one cause: 1.b is set aside
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(rows)))
    errors = caught.value.errors
    assert errors[0].sheet == "Chantiers" and errors[0].detail == "cellule obligatoire vide"
    followers = [e for e in errors[1:] if "« 1.b »" in e.detail]
    assert followers and all("conséquence probable" in e.detail for e in followers)


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("200040392", "Grand Périgueux"),  # officially « CA Le Grand Périgueux »
        ("24322", "Perigord"),  # officially « Périgueux »
    ],
)
def test_a_territory_name_unlike_the_official_one_is_a_notice(
    csv_folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture, code: str, written: str
) -> None:
    rows = mini_rows()
    rows["Feuille de route"][0].update({"territoire": code, "nom du territoire": written})
    (message,) = _notices(rows, csv_folder, caplog)
    assert message.startswith("Remarque : ")
    assert f"le nom du territoire « {written} »" in message
    assert "diffère du nom officiel" in message
    assert "feuille-de-route.csv" in message and "ligne 2" in message


@pytest.mark.parametrize(
    "written", ["ca le grand perigueux", "CA LE GRAND-PÉRIGUEUX", "CA  Le Grand Périgueux", ""]
)
def test_the_official_name_give_or_take_case_accents_hyphens_is_no_notice(
    csv_folder: Callable[[Rows], Path], caplog: pytest.LogCaptureFixture, written: str
) -> None:
    rows = mini_rows()
    rows["Feuille de route"][0]["nom du territoire"] = written
    assert _notices(rows, csv_folder, caplog) == []
