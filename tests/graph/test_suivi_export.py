"""Issue 12: ``actions-fne.csv``, the actions and their follow-up for France Numérique
Ensemble, written from the graph beside the RDF exports (computed by hand below), and
only for a roadmap that follows its actions up."""

import csv
from pathlib import Path

from rdflib import Literal

from feuille_de_route import restore_csv_cell
from feuille_de_route.graph import export_graph, load_roadmap
from feuille_de_route.graph._export_fne import FNE_COLUMNS
from feuille_de_route.ontology import FDR

from ..suivi_essai import BASE, suivi_graph


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_action_with_its_follow_up(tmp_path: Path) -> None:
    written = {p.name for p in export_graph(suivi_graph(), tmp_path)}
    assert "actions-fne.csv" in written
    with (tmp_path / "actions-fne.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == list(FNE_COLUMNS)
    rows = {row["identifiant"]: row for row in _read(tmp_path / "actions-fne.csv")}
    assert sorted(rows) == ["A1", "A2", "A3", "A4", "A5", "A6"]
    assert rows["A1"] == {
        "identifiant": "A1",
        "intitulé": "Recruter une conseillère",
        "objectif": "Accompagner 100 personnes",
        "étapes": "recruter | former | ouvrir",
        "chantier": "C1",
        "statut": "réalisée",
        "date de début": "2026-01-05",
        "date de fin": "2026-03-01",
        "porteurs": "Service numérique",
        "budget global (€)": "10000",
        "co-financements": "Département : 2000 | Région : 6000",
        "montant des co-financements (€)": "8000",
        "indicateurs": "personnes accompagnées : 80 / 100 personnes",
        "feuille de route": BASE,
        "iri": BASE + "action/A1",
    }
    assert rows["A2"]["indicateurs"] == "ateliers tenus : ? / 12"
    assert rows["A3"]["co-financements"] == "Département : montant non précisé"
    assert rows["A3"]["montant des co-financements (€)"] == ""
    assert rows["A3"]["budget global (€)"] == "2500.5"
    assert rows["A6"]["statut"] == "" and rows["A6"]["date de fin"] == "2026-06-01"


def test_cells_are_neutralised_against_formulas(tmp_path: Path) -> None:
    graph = suivi_graph()
    a1 = graph.value(predicate=FDR.objectif, object=Literal("Accompagner 100 personnes", lang="fr"))
    assert a1 is not None
    graph.set((a1, FDR.objectif, Literal('=HYPERLINK("http://x")', lang="fr")))
    export_graph(graph, tmp_path)
    (row,) = [r for r in _read(tmp_path / "actions-fne.csv") if r["identifiant"] == "A1"]
    assert row["objectif"].startswith("'=")
    assert restore_csv_cell(row["objectif"]) == '=HYPERLINK("http://x")'


def test_no_file_for_a_roadmap_without_follow_up(tmp_path: Path) -> None:
    """The Grand Périgueux source gives no status, date or budget: nothing to report."""
    written = {p.name for p in export_graph(load_roadmap(None), tmp_path)}
    assert "actions-fne.csv" not in written and not (tmp_path / "actions-fne.csv").exists()
