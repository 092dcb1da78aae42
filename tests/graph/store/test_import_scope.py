"""A source describes only what is under its own base IRI: each way of stepping out
(another territory's nodes, the ontology, the shared spaces, national nodes beyond their
three statements, links into another territory) is refused, naming the statement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from feuille_de_route.graph.importer import SourceError, check_scope, import_sources
from feuille_de_route.graph.store import MemoryStore

FDR = "https://w3id.org/feuille-de-route/ontologie#"
MINE = "https://w3id.org/feuille-de-route/territoires/perigueux/"
THEIRS = "https://w3id.org/feuille-de-route/territoires/bergerac/"
COMMUNE = URIRef("https://w3id.org/feuille-de-route/geo/commune/24322")
IGEO = "http://rdf.insee.fr/def/geo#"
ORGANISATION = "https://w3id.org/feuille-de-route/organisation/"
SIRET = URIRef(ORGANISATION + "siret/73282932000074")
SIREN = URIRef(ORGANISATION + "siren/732829320")
ORG = "http://www.w3.org/ns/org#"


@pytest.fixture
def mine(make_roadmap: Callable[[str, str], Graph]) -> Graph:
    return make_roadmap("Perigueux", "200040392")


def _with(graph: Graph, *triples: tuple[object, object, object]) -> Graph:
    for triple in triples:
        graph.add(triple)  # type: ignore[arg-type]
    return graph


def test_own_nodes_and_national_nodes_are_in_scope(mine: Graph) -> None:
    _with(
        mine,
        (COMMUNE, RDF.type, URIRef(IGEO + "Commune")),
        (COMMUNE, URIRef(IGEO + "codeINSEE"), Literal("24322")),
        (
            COMMUNE,
            URIRef(FDR + "departement"),
            URIRef(COMMUNE.replace("commune/24322", "departement/24")),
        ),
        (URIRef(MINE + "commune/24322"), URIRef(FDR + "territoireOfficiel"), COMMUNE),
        (URIRef(MINE + "ressource/mednum"), RDFS.seeAlso, URIRef(THEIRS + "ressource/x")),
        (SIRET, RDF.type, URIRef(FDR + "Organisation")),
        (SIRET, DCTERMS.identifier, Literal("73282932000074")),
        (SIRET, URIRef(ORG + "subOrganizationOf"), SIREN),
        (SIREN, RDF.type, URIRef(FDR + "Organisation")),
        (SIREN, DCTERMS.identifier, Literal("732829320")),
    )
    check_scope(mine, MINE, [MINE, THEIRS])  # no error


OUT_OF_SCOPE = {
    "another territory's node": (
        (URIRef(THEIRS + "chantier/1.a"), RDFS.label, Literal("piraté")),
        "IRI d'un autre territoire",
    ),
    "the ontology": (
        (URIRef(FDR + "operante"), SKOS.prefLabel, Literal("opérante (piraté)", lang="fr")),
        "IRI de l'ontologie",
    ),
    "the ontology's own IRI": (
        (URIRef(FDR[:-1]), DCTERMS.title, Literal("x")),
        "IRI de l'ontologie",
    ),
    "a shared programme": (
        (
            URIRef("https://w3id.org/feuille-de-route/programmes/pix"),
            SKOS.prefLabel,
            Literal("PIX (piraté)", lang="fr"),
        ),
        "espace partagé du projet",
    ),
    "a national node's name": (
        (COMMUNE, RDFS.label, Literal("Périgueux-la-Piratée")),
        "nœud national partagé",
    ),
    "a national node's wrong code": (
        (COMMUNE, URIRef(IGEO + "codeINSEE"), Literal("24001")),
        "nœud national partagé",
    ),
    "a national node's wrong class": (
        (COMMUNE, RDF.type, URIRef(IGEO + "Region")),
        "nœud national partagé",
    ),
    "a national organisation's name": (
        (SIRET, RDFS.label, Literal("Entreprise piratée")),
        "organisation nationale partagée",
    ),
    "a national organisation's other number": (
        (SIRET, DCTERMS.identifier, Literal("00000000000000")),
        "organisation nationale partagée",
    ),
    "a legal unit's parent": (
        (SIREN, URIRef(ORG + "subOrganizationOf"), URIRef(ORGANISATION + "siren/111111111")),
        "organisation nationale partagée",
    ),
    "anyone else's IRI": (
        (URIRef("https://evil.example/x"), RDFS.label, Literal("x")),
        "hors de l'IRI de base",
    ),
    "a link into another territory": (
        (
            URIRef(MINE + "mobilisation/x"),
            URIRef(FDR + "chantier"),
            URIRef(THEIRS + "chantier/1.a"),
        ),
        "lien vers un nœud d'un autre territoire",
    ),
    "a node attached to another roadmap": (
        (URIRef(MINE + "enjeu/9"), URIRef(FDR + "feuilleDeRoute"), URIRef(THEIRS)),
        "rattache un nœud à une autre feuille de route",
    ),
}


@pytest.mark.parametrize("case", sorted(OUT_OF_SCOPE))
def test_out_of_scope_statements_are_refused(mine: Graph, case: str) -> None:
    triple, words = OUT_OF_SCOPE[case]
    with pytest.raises(SourceError) as caught:
        check_scope(_with(mine, triple), MINE, [THEIRS])
    message = str(caught.value)
    assert words in message
    assert "1 énoncé hors de la portée" in message
    assert f"<{triple[0]}>" in message  # the statement is quoted


def test_a_roadmap_inside_another_territorys_space_is_refused(
    make_roadmap: Callable[[str, str], Graph],
) -> None:
    nested = THEIRS + "quartier/"
    graph = make_roadmap("x", "200040392")
    with pytest.raises(SourceError, match="dans l'espace d'un autre territoire"):
        check_scope(graph, nested, [THEIRS])


@pytest.mark.parametrize(
    "roadmap",
    [
        "https://example.org/territoires/sans-barre",
        "urn:feuille:1/",
        "https://w3id.org/feuille-de-route/programmes/x/",
    ],
)
def test_a_base_iri_must_be_http_end_with_a_slash_and_stay_out_of_shared_spaces(
    roadmap: str,
) -> None:
    with pytest.raises(SourceError, match="IRI de feuille de route"):
        check_scope(Graph(), roadmap, [])


def test_the_previous_version_of_the_same_roadmap_is_not_another(mine: Graph) -> None:
    check_scope(mine, MINE, [MINE])


def test_many_statements_are_counted_and_the_first_quoted(mine: Graph) -> None:
    for n in range(8):
        mine.add((URIRef(f"{THEIRS}enjeu/{n}"), RDFS.label, Literal(f"piraté {n}")))
    with pytest.raises(SourceError) as caught:
        check_scope(mine, MINE, [THEIRS])
    assert "8 énoncés hors de la portée" in str(caught.value)
    assert "… et 3 autres" in str(caught.value)


def test_a_claiming_source_leaves_the_other_territory_as_it_was(
    make_roadmap: Callable[[str, str], Graph], tmp_path: Path
) -> None:
    theirs = make_roadmap("Bergerac", "200027183")
    store = MemoryStore()
    store.add_graph(theirs, THEIRS)
    before = len(theirs)
    claiming = make_roadmap("Perigueux", "200040392")
    claiming.add((URIRef(THEIRS + "chantier/1.a"), RDFS.label, Literal("Chantier volé")))
    path = tmp_path / "voleur.ttl"
    claiming.serialize(path, format="turtle", encoding="utf-8")
    [outcome] = import_sources([path], store)
    assert outcome.error is not None and "IRI d'un autre territoire" in outcome.error
    assert store.graph_names() == [THEIRS]
    rows = store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }", {"_g": URIRef(THEIRS)}
    ).rows
    assert int(rows[0]["n"]) == before  # type: ignore[arg-type]
