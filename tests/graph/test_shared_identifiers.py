"""Shared identifiers (issue 10, item 3): two territories' graphs meet on the national
IRIs of the geography and of the national programmes, and on nothing else."""

import copy
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from feuille_de_route.graph import build_graph, graph_to_workbook, read_workbook, write_workbook
from feuille_de_route.ontology import FDR, PROGRAMMES, load_schemes, validate

from .conftest import BASE, Rows, mini_rows, union_of

GEO = "https://w3id.org/feuille-de-route/geo/"
PN = "https://w3id.org/feuille-de-route/programmes/"
OTHER = "https://example.org/territoires/dordogne/"
IGEO = "http://rdf.insee.fr/def/geo#"

# Roadmaps joined on the département of one's commune (the other's territory) and on a
# national programme both mobilise.
JOIN = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT DISTINCT ?a ?b ?departement ?programme WHERE {
  ?a fdr:territoire ?epci .
  ?commune fdr:epci ?epci ; fdr:territoireOfficiel/fdr:departement ?departement .
  ?b fdr:territoire/fdr:territoireOfficiel ?departement .
  ?ra fdr:feuilleDeRoute ?a ; fdr:programme ?programme .
  ?rb fdr:feuilleDeRoute ?b ; fdr:programme ?programme .
  FILTER(?a != ?b)
}
"""


def epci_rows() -> Rows:
    """The mini workbook (an EPCI of Dordogne), its intervenant of a national programme."""
    rows = mini_rows()
    rows["Ressources"][0]["programme national"] = "Conseillers numériques"
    return rows


def departement_rows() -> Rows:
    """A roadmap of the département of Dordogne, naming the programme by another name."""
    rows = copy.deepcopy(mini_rows())
    rows["Feuille de route"][0].update(
        {"identifiant": "dordogne", "territoire": "24", "type de territoire": "département"}
    )
    rows["Feuille de route"][0]["iri de base"] = OTHER
    rows["Communes"] = [{"code insee": "24037", "nom": "Bergerac", "population": "26 000"}]
    rows["Groupes"][0]["communes"] = "24037"
    rows["Actions"][0]["communes"] = "24037"
    rows["Ressources"][0]["programme national"] = "conseiller numerique"
    return rows


@pytest.fixture
def graphs(csv_folder: Callable[[Rows], Path]) -> tuple[Graph, Graph]:
    first = build_graph(read_workbook(csv_folder(epci_rows())))
    second = build_graph(read_workbook(csv_folder(departement_rows())))
    return first, second


def test_territories_share_the_departement_and_the_programme(
    graphs: tuple[Graph, Graph],
) -> None:
    first, second = graphs
    departement = URIRef(GEO + "departement/24")
    programme = URIRef(PN + "conseillers-numeriques")
    assert (URIRef(GEO + "commune/24322"), FDR.departement, departement) in first
    assert (URIRef(OTHER + "departement/24"), FDR.territoireOfficiel, departement) in second
    for graph in graphs:
        assert (None, FDR.programme, programme) in graph
        assert (departement, URIRef(IGEO + "codeINSEE"), Literal("24")) in graph


def test_a_query_over_both_joins_on_the_shared_iris(graphs: tuple[Graph, Graph]) -> None:
    union = union_of(*graphs)
    rows = {tuple(str(v) for v in row) for row in union.query(JOIN)}  # type: ignore[union-attr]
    expected = {(BASE, OTHER, GEO + "departement/24", PN + "conseillers-numeriques")}
    assert rows == expected
    store = pyoxigraph.Store()
    store.load(union.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    solutions = store.query(JOIN)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    found = {
        tuple(str(s[v].value) for v in ("a", "b", "departement", "programme")) for s in solutions
    }
    assert found == expected


def test_only_national_nodes_are_shared_and_they_agree(graphs: tuple[Graph, Graph]) -> None:
    first, second = graphs
    shared = set(first.subjects()) & set(second.subjects())
    assert URIRef(GEO + "departement/24") in shared
    for node in shared:
        assert str(node).startswith(GEO), node
        # The same national facts in both graphs: merging never collides.
        assert set(first.predicate_objects(node)) == set(second.predicate_objects(node)), node
    territory_facts = {FDR.population, FDR.classeDeTypologie, FDR.epci}
    for graph in graphs:
        for node in {s for s in graph.subjects() if str(s).startswith(GEO)}:
            assert not {p for p, _o in graph.predicate_objects(node)} & territory_facts


def test_unknown_programme_stays_text_without_link(csv_folder: Callable[[Rows], Path]) -> None:
    rows = epci_rows()
    rows["Ressources"][0]["programme national"] = "Programme régional inventé"
    graph = build_graph(read_workbook(csv_folder(rows)))
    text = Literal("Programme régional inventé", lang="fr")
    assert (URIRef(BASE + "ressource/cnum"), FDR.programmeNational, text) in graph
    assert (None, FDR.programme, None) not in graph


def test_every_programme_link_is_a_concept_of_the_shipped_scheme(
    graphs: tuple[Graph, Graph],
) -> None:
    schemes = load_schemes()
    for graph in graphs:
        for concept in graph.objects(None, FDR.programme):
            assert (
                concept,
                URIRef("http://www.w3.org/2004/02/skos/core#inScheme"),
                PROGRAMMES,
            ) in schemes


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier"])
def test_departement_roadmap_round_trips(
    graphs: tuple[Graph, Graph], tmp_path: Path, target: str
) -> None:
    for graph in graphs:
        path = tmp_path / f"{len(graph)}-{target}"
        write_workbook(graph_to_workbook(graph), path)
        assert isomorphic(build_graph(read_workbook(path)), graph)


def test_both_graphs_and_their_union_pass_the_shapes(graphs: tuple[Graph, Graph]) -> None:
    for graph in (*graphs, union_of(*graphs)):
        assert validate(graph).violations == []


def test_territory_fact_on_a_national_node_is_a_violation(graphs: tuple[Graph, Graph]) -> None:
    first, _second = graphs
    broken = union_of(first)
    broken.add((URIRef(GEO + "commune/24322"), FDR.population, Literal(29000)))
    nodes = {str(item.focus) for item in validate(broken).violations}
    assert GEO + "commune/24322" in nodes
