"""Organisations at national IRIs (issue 10, item 3): a resource's SIRET or RNA names one
national node, the same in every territory's graph, which carries only its identifier."""

import copy
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, RDF

from feuille_de_route.graph import build_graph, graph_to_workbook, read_workbook, write_workbook
from feuille_de_route.ontology import FDR, validate

from .conftest import BASE, Rows, mini_rows, union_of

ORGANISATION = "https://w3id.org/feuille-de-route/organisation/"
OTHER = "https://example.org/territoires/autre/"
SIRET = "73282932000074"  # a real Luhn-valid SIRET (its SIREN: 732829320)
RNA = "W243000123"

# Two territories' resources joined on the establishment they share.
JOIN = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?a ?b ?organisation ?unite WHERE {
  ?ra fdr:feuilleDeRoute ?a ; fdr:organisationOfficielle ?organisation .
  ?rb fdr:feuilleDeRoute ?b ; fdr:organisationOfficielle ?organisation .
  ?organisation org:subOrganizationOf ?unite .
  FILTER(STR(?a) < STR(?b))
}
"""


def first_rows() -> Rows:
    rows = mini_rows()
    rows["Ressources"][0]["siret"] = "732 829 320 00074"
    rows["Ressources"][1]["rna"] = RNA
    return rows


def second_rows() -> Rows:
    rows = copy.deepcopy(mini_rows())
    rows["Feuille de route"][0].update({"identifiant": "autre", "iri de base": OTHER})
    rows["Ressources"][0].update({"identifiant": "fabrique", "nom": "La Fabrique", "siret": SIRET})
    for row in rows["Mobilisations"] + rows["Gouvernance"]:
        key = "ressource" if "ressource" in row else "acteur"
        if row.get(key) == "cnum":
            row[key] = "fabrique"
    return rows


@pytest.fixture
def graphs(csv_folder: Callable[[Rows], Path]) -> tuple[Graph, Graph]:
    first = build_graph(read_workbook(csv_folder(first_rows())))
    second = build_graph(read_workbook(csv_folder(second_rows())))
    return first, second


def test_siret_and_rna_link_to_national_organisations(graphs: tuple[Graph, Graph]) -> None:
    first, _second = graphs
    siret = URIRef(ORGANISATION + "siret/" + SIRET)
    siren = URIRef(ORGANISATION + "siren/732829320")
    rna = URIRef(ORGANISATION + "rna/" + RNA)
    assert (URIRef(BASE + "ressource/cnum"), FDR.organisationOfficielle, siret) in first
    assert (URIRef(BASE + "ressource/robots"), FDR.organisationOfficielle, rna) in first
    assert set(first.predicate_objects(siret)) == {
        (RDF.type, FDR.Organisation),
        (DCTERMS.identifier, Literal(SIRET)),
        (ORG.subOrganizationOf, siren),
    }
    assert set(first.predicate_objects(siren)) == {
        (RDF.type, FDR.Organisation),
        (DCTERMS.identifier, Literal("732829320")),
    }
    assert set(first.predicate_objects(rna)) == {
        (RDF.type, FDR.Organisation),
        (DCTERMS.identifier, Literal(RNA)),
    }


def test_two_territories_share_the_organisation_and_a_query_joins_on_it(
    graphs: tuple[Graph, Graph],
) -> None:
    union = union_of(*graphs)
    expected = {(OTHER, BASE, ORGANISATION + "siret/" + SIRET, ORGANISATION + "siren/732829320")}
    rows = {tuple(str(v) for v in row) for row in union.query(JOIN)}  # type: ignore[union-attr]
    assert rows == expected
    store = pyoxigraph.Store()
    store.load(union.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    solutions = store.query(JOIN)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    found = {tuple(str(s[v].value) for v in ("a", "b", "organisation", "unite")) for s in solutions}
    assert found == expected


def test_each_territory_keeps_its_own_resource(graphs: tuple[Graph, Graph]) -> None:
    first, second = graphs
    shared = set(first.subjects()) & set(second.subjects())
    organisations = {s for s in shared if str(s).startswith(ORGANISATION)}
    assert organisations == {
        URIRef(ORGANISATION + "siret/" + SIRET),
        URIRef(ORGANISATION + "siren/732829320"),
    }
    for node in organisations:
        assert set(first.predicate_objects(node)) == set(second.predicate_objects(node))
    assert not {s for s in shared if str(s).startswith((BASE, OTHER))}


def test_graphs_and_their_union_pass_the_shapes(graphs: tuple[Graph, Graph]) -> None:
    for graph in (*graphs, union_of(*graphs)):
        assert validate(graph).violations == []


@pytest.mark.parametrize(
    "triple",
    [
        (URIRef(ORGANISATION + "siret/" + SIRET), FDR.population, Literal(3)),
        (URIRef(ORGANISATION + "siret/" + SIRET), DCTERMS.identifier, Literal("autre")),
    ],
    ids=["territory-fact", "second-identifier"],
)
def test_territory_fact_on_a_national_organisation_is_a_violation(
    graphs: tuple[Graph, Graph], triple: tuple[URIRef, URIRef, Literal]
) -> None:
    broken = union_of(graphs[0])
    broken.add(triple)
    focus = {str(item.focus) for item in validate(broken).violations}
    assert ORGANISATION + "siret/" + SIRET in focus


def test_organisation_at_a_made_up_iri_is_a_violation(graphs: tuple[Graph, Graph]) -> None:
    broken = union_of(graphs[0])
    fake = URIRef(ORGANISATION + "siret/123")
    broken.add((URIRef(BASE + "ressource/cnum"), FDR.organisationOfficielle, fake))
    broken.add((fake, RDF.type, FDR.Organisation))
    broken.add((fake, DCTERMS.identifier, Literal("123")))
    assert str(fake) in {str(item.focus) for item in validate(broken).violations}


@pytest.mark.parametrize("target", ["classeur.xlsx", "dossier"])
def test_reverse_export_is_unchanged_and_round_trips(
    graphs: tuple[Graph, Graph], tmp_path: Path, target: str
) -> None:
    first, _second = graphs
    workbook = graph_to_workbook(first)
    cells = {row["identifiant"]: row for row in workbook.sheets["Ressources"].rows}
    assert cells["cnum"]["siret"] == SIRET and cells["robots"]["rna"] == RNA
    path = tmp_path / target
    write_workbook(workbook, path)
    assert isomorphic(build_graph(read_workbook(path)), first)
