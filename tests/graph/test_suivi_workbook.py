"""Issue 12, §2 and §4: the follow-up of actions in the workbook — the template's
columns and status drop-down (labels from SKOS), what each cell becomes in the graph,
the way back (graph → workbook → graph), French errors naming file, sheet, row and
column, and the SHACL rules on the result."""

import datetime
from pathlib import Path

import openpyxl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from feuille_de_route.graph import (
    DataError,
    build_graph,
    graph_to_workbook,
    load_roadmap,
    write_template,
    write_workbook,
)
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.ontology import FDR, validate

from ..suivi_essai import BASE, suivi_graph, suivi_rows
from ..workbook_fill import fill_xlsx
from .conftest import write_csv_rows

Rows = dict[str, list[dict[str, str]]]


def _node(kind: str, *local: str) -> URIRef:
    return URIRef(BASE + "/".join((kind, *local)))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return suivi_graph()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("modele") / "modele.xlsx"
    write_template(path)
    return path


def test_template_has_the_follow_up_columns_and_a_status_drop_down(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    headers = [cell.value for cell in book["Actions"][1]]
    for column in ("objectif", "étapes", "statut", "début", "fin", "porteur", "budget (€)"):
        assert column in headers
    assert [c.value for c in book["Co-financements"][1]][:3] == [
        "action",
        "financeur",
        "montant (€)",
    ]
    assert [c.value for c in book["Indicateurs"][1]][:5] == [
        "action",
        "intitulé",
        "cible",
        "valeur",
        "unité",
    ]
    letter = openpyxl.utils.get_column_letter(headers.index("statut") + 1)
    (status,) = [
        v
        for v in book["Actions"].data_validations.dataValidation
        if v.type == "list" and f"{letter}2" in str(v.sqref)
    ]
    target, cells = status.formula1.split("!")
    values = [c.value for row in book[target][cells.replace("$", "")] for c in row]
    assert values == ["à lancer", "en cours", "réalisée", "abandonnée"]


def test_a_filled_template_gives_the_follow_up_triples(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "classeur.xlsx"
    path.write_bytes(template.read_bytes())
    fill_xlsx(path, suivi_rows())
    graph = load_roadmap(path)
    a1, a3 = _node("action", "A1"), _node("action", "A3")
    assert graph.value(a1, FDR.statutAction) == FDR.realisee
    assert graph.value(a1, FDR.dateDebut) == Literal(datetime.date(2026, 1, 5))
    # « 01/03/2026 », the French habit, is the 1st of March.
    assert graph.value(a1, FDR.dateFin) == Literal(datetime.date(2026, 3, 1))
    assert graph.value(a1, FDR.porteur) == _node("service", "S1")
    assert graph.value(a1, FDR.budget) == Literal("10000.0", datatype=ns.XSD.decimal)
    assert graph.value(a3, FDR.budget) == Literal("2500.5", datatype=ns.XSD.decimal)
    assert graph.value(a1, FDR.objectif) == Literal("Accompagner 100 personnes", lang="fr")
    assert graph.value(a1, FDR.etapes) == Literal("recruter | former | ouvrir", lang="fr")
    funding = _node("cofinancement", "A2", "R1")
    assert (a1, FDR.coFinancement, _node("cofinancement", "A1", "R1")) in graph
    assert (funding, RDF.type, FDR.CoFinancement) in graph
    assert graph.value(funding, FDR.financeur) == _node("ressource", "R1")
    assert graph.value(funding, FDR.montant) == Literal("1500.25", datatype=ns.XSD.decimal)
    assert graph.value(_node("cofinancement", "A3", "R2"), FDR.montant) is None
    indicator = _node("indicateur", "A1", "personnes%20accompagn%C3%A9es")
    assert (a1, FDR.indicateur, indicator) in graph
    assert (indicator, RDF.type, FDR.IndicateurDeSuivi) in graph
    assert graph.value(indicator, RDFS.label) == Literal("personnes accompagnées", lang="fr")
    assert graph.value(indicator, FDR.cible) == Literal("100.0", datatype=ns.XSD.decimal)
    assert graph.value(indicator, FDR.valeur) == Literal("80.0", datatype=ns.XSD.decimal)
    assert graph.value(indicator, FDR.unite) == Literal("personnes")
    assert isomorphic(graph, suivi_graph())


@pytest.mark.parametrize("name", ["classeur.xlsx", "classeur.ods", "classeur"])
def test_graph_to_workbook_and_back(graph: Graph, tmp_path: Path, name: str) -> None:
    workbook = graph_to_workbook(graph)
    actions = {row["identifiant"]: row for row in workbook.rows("Actions")}
    assert actions["A1"]["statut"] == "réalisée" and actions["A1"]["fin"] == "2026-03-01"
    assert [row["financeur"] for row in workbook.rows("Co-financements")] == [
        "R1",
        "R2",
        "R1",
        "R2",
    ]
    write_workbook(workbook, tmp_path / name)
    assert isomorphic(load_roadmap(tmp_path / name), graph)


def _failure(rows: Rows, tmp_path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_roadmap(write_csv_rows(tmp_path / "classeur", rows))
    return info.value


def _message(error: DataError, sheet: str, row: int, column: str, file: str) -> str:
    (found,) = [e for e in error.errors if (e.sheet, e.row, e.column) == (sheet, row, column)]
    assert found.file is not None and found.file.endswith(file)
    for place in (f"feuille « {sheet} »", f"ligne {row}", f"colonne « {column} »", file):
        assert place in found.message
    return found.message


def test_unreadable_date_unknown_status_and_bad_amounts_are_located(tmp_path: Path) -> None:
    rows = suivi_rows()
    rows["Actions"][0]["fin"] = "31/02/2026"
    rows["Actions"][1]["début"] = "début mars"
    rows["Actions"][2]["statut"] = "terminée"
    rows["Actions"][3]["budget (€)"] = "beaucoup"
    rows["Actions"][4]["budget (€)"] = "-5"
    rows["Co-financements"][0]["montant (€)"] = "6 000 €"
    error = _failure(rows, tmp_path)
    date = _message(error, "Actions", 2, "fin", "actions.csv")
    assert "date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA" in date and "31/02/2026" in date
    assert "« début mars »" in _message(error, "Actions", 3, "début", "actions.csv")
    status = _message(error, "Actions", 4, "statut", "actions.csv")
    assert "« terminée »" in status
    assert "à lancer | en cours | réalisée | abandonnée" in status
    amount = _message(error, "Actions", 5, "budget (€)", "actions.csv")
    assert "montant en euros attendu" in amount and "« beaucoup »" in amount
    negative = _message(error, "Actions", 6, "budget (€)", "actions.csv")
    assert "positif ou nul" in negative
    co = _message(error, "Co-financements", 2, "montant (€)", "co-financements.csv")
    assert "« 6 000 € »" in co


def test_unknown_lead_funder_or_action_is_located(tmp_path: Path) -> None:
    rows = suivi_rows()
    rows["Actions"][0]["porteur"] = "S9"
    rows["Co-financements"][1]["financeur"] = "R9"
    rows["Indicateurs"][1]["action"] = "A9"
    rows["Indicateurs"].append(dict(rows["Indicateurs"][0]))
    error = _failure(rows, tmp_path)
    lead = _message(error, "Actions", 2, "porteur", "actions.csv")
    assert "« S9 » ne désigne aucune ressource, aucun acteur ni service" in lead
    assert "« R9 »" in _message(error, "Co-financements", 3, "financeur", "co-financements.csv")
    assert "« A9 »" in _message(error, "Indicateurs", 3, "action", "indicateurs.csv")
    twice = [e for e in error.errors if (e.sheet, e.row) == ("Indicateurs", 4)]
    assert twice and "en double" in twice[0].message


def test_an_older_workbook_without_follow_up_stays_valid(tmp_path: Path) -> None:
    rows = suivi_rows()
    for sheet in ("Co-financements", "Indicateurs"):
        del rows[sheet]
    rows["Actions"] = [
        {k: v for k, v in row.items() if k in ("identifiant", "chantier", "intitulé")}
        for row in rows["Actions"]
    ]
    graph = build_graph(Workbook.from_rows("ancien", rows))
    assert not set(graph.subjects(FDR.statutAction, None))
    assert validate(graph).conforms


def test_follow_up_conforms_and_shacl_checks_dates_amounts_and_leads(graph: Graph) -> None:
    assert validate(graph).conforms
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    a2 = _node("action", "A2")
    broken.set((a2, FDR.dateDebut, Literal(datetime.date(2026, 9, 1))))  # after its end
    broken.set((a2, FDR.budget, Literal("-1", datatype=ns.XSD.decimal)))
    broken.set((a2, FDR.statutAction, FDR.operante))  # a link status, not an action's
    broken.add((a2, FDR.porteur, URIRef("https://example.org/ailleurs/ressource/X")))
    broken.add((URIRef("https://example.org/ailleurs/ressource/X"), RDF.type, FDR.Ressource))
    report = validate(broken)
    warned = [w.message for w in report.warnings if w.focus == a2]
    assert any("avant de commencer" in m for m in warned)
    violations = {(v.path, v.message) for v in report.violations if v.focus == a2}
    paths = {path for path, _message in violations}
    assert {FDR.budget, FDR.statutAction} <= paths
    assert any(
        "n'est pas une ressource, un acteur ni un service de sa feuille" in m
        for _p, m in violations
    )
