"""Workbook → graph: the contract's IRIs, classes, literals and controlled values."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from feuille_de_route.graph import build_graph, load_roadmap, read_workbook

Rows = dict[str, list[dict[str, str]]]
CsvFolder = Callable[[Rows], Path]
BASE = "https://example.org/territoires/essai/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"


def fdr(name: str) -> URIRef:
    return URIRef(FDR + name)


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


@pytest.fixture
def graph(mini_csv: Path) -> Graph:
    return load_roadmap(mini_csv)


def test_nodes_have_specific_and_general_classes(graph: Graph) -> None:
    assert (iri("ressource/cnum"), RDF.type, fdr("Intervenant")) in graph
    assert (iri("ressource/cnum"), RDF.type, fdr("Ressource")) in graph
    assert (iri("ressource/robots"), RDF.type, fdr("RessourceMaterielle")) in graph
    assert (iri("service/enfance"), RDF.type, fdr("Service")) in graph
    assert (iri("service/enfance"), RDF.type, fdr("Acteur")) in graph
    assert (iri("commune/24322"), RDF.type, fdr("Commune")) in graph
    assert (iri("commune/24322"), RDF.type, fdr("Territoire")) in graph
    assert (iri("epci/200040392"), RDF.type, fdr("EPCI")) in graph


def test_tree_and_references(graph: Graph) -> None:
    assert (iri("defi/1"), fdr("repondA"), iri("enjeu/1")) in graph
    assert (iri("chantier/1.b"), fdr("defi"), iri("defi/1")) in graph
    assert (iri("action/1.b.1"), fdr("chantier"), iri("chantier/1.b")) in graph
    assert (iri("action/1.b.1"), fdr("concerne"), iri("commune/24322")) in graph
    # "en lien avec" is symmetric: both directions are asserted.
    assert (iri("chantier/1.b"), fdr("enLienAvec"), iri("chantier/1.a")) in graph
    assert (iri("chantier/1.a"), fdr("enLienAvec"), iri("chantier/1.b")) in graph
    assert (iri("enjeu/1"), fdr("feuilleDeRoute"), URIRef(BASE)) in graph
    assert (URIRef(BASE), fdr("territoire"), iri("epci/200040392")) in graph


def test_literals(graph: Graph) -> None:
    assert (iri("chantier/1.b"), DCTERMS.identifier, Literal("1.b")) in graph
    assert (iri("enjeu/1"), RDFS.label, Literal("Comment bien accompagner ?", lang="fr")) in graph
    assert (iri("commune/24322"), fdr("population"), Literal(29000)) in graph
    assert (iri("commune/24322"), fdr("codeInsee"), Literal("24322")) in graph
    mobilisation = iri("mobilisation/1.b/cnum")
    assert graph.value(mobilisation, fdr("depuis")) == Literal("2024-01-15", datatype=XSD.date)
    assert (
        iri("participation/1.b/enfance/pilote"),
        SKOS.note,
        Literal("lien CTG", lang="fr"),
    ) in graph
    assert (iri("mobilisation/1.b/robots"), fdr("hypothese"), Literal("statut supposé")) in graph
    assert (iri("mobilisation/1.b/cnum"), fdr("hypothese"), None) not in graph


def test_controlled_values_map_to_concepts(graph: Graph) -> None:
    assert (iri("mobilisation/1.b/cnum"), fdr("statut"), fdr("operante")) in graph
    assert (iri("mobilisation/1.b/robots"), fdr("statut"), fdr("connueSansLien")) in graph
    assert (
        iri("participation/1.b/cnum/realise"),
        fdr("acteur"),
        iri("ressource/cnum"),
    ) in graph
    coordination = iri("coordination/defi/1/enfance")
    assert (coordination, fdr("role"), fdr("coCoordinateur")) in graph
    assert (coordination, fdr("objetCoordonne"), iri("defi/1")) in graph


def test_ifn_scores_are_decimal_measures(graph: Graph) -> None:
    mesure = iri("commune/24322/ifn/total")
    assert (mesure, RDF.type, fdr("MesureDeFragilite")) in graph
    assert (mesure, fdr("commune"), iri("commune/24322")) in graph
    assert (mesure, fdr("indicateur"), fdr("ifnTotal")) in graph
    assert graph.value(mesure, fdr("valeur")) == Literal("6.5", datatype=XSD.decimal)
    assert graph.value(iri("commune/24322/ifn/no_thd_coverage_rate"), fdr("valeur")) == Literal(
        "10.0", datatype=XSD.decimal
    )


def test_same_workbook_same_iris(csv_folder: CsvFolder, rows: Rows) -> None:
    first = load_roadmap(csv_folder(rows))
    second = load_roadmap(csv_folder(rows))
    assert set(first) == set(second)
    assert len(first) > 100


def test_ids_are_percent_encoded(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Enjeux"].append({"identifiant": "é/2 b", "intitulé": "Encodé"})
    graph = load_roadmap(csv_folder(rows))
    # A slash is ~2F, never %2F (refused by Apache-based resolvers): see test_iri_slash.
    assert (iri("enjeu/%C3%A9~2F2%20b"), RDF.type, fdr("Enjeu")) in graph


def test_prefixes_are_bound(graph: Graph) -> None:
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert bound["fdr"] == FDR
    assert bound["territoire"] == BASE
    for prefix in ("dcterms", "skos", "org", "prov"):
        assert prefix in bound


def test_optional_sheets_may_be_absent(csv_folder: CsvFolder, rows: Rows) -> None:
    core = {
        k: v for k, v in rows.items() if k in ("Feuille de route", "Enjeux", "Défis", "Chantiers")
    }
    for chantier in core["Chantiers"]:
        chantier.pop("en lien avec", None)
    graph = build_graph(read_workbook(csv_folder(core)))
    assert (iri("chantier/1.b"), RDF.type, fdr("Chantier")) in graph
    assert not list(graph.subjects(RDF.type, fdr("Mobilisation")))


def test_iris_do_not_depend_on_row_order(csv_folder: CsvFolder, rows: Rows) -> None:
    first = load_roadmap(csv_folder(rows))
    for sheet in rows.values():
        sheet.reverse()
    assert set(load_roadmap(csv_folder(rows))) == set(first)


def test_built_graph_has_no_shacl_violation(graph: Graph) -> None:
    from feuille_de_route.ontology import validate

    report = validate(graph)
    assert report.conforms, report.text()
