"""fdr.ttl holds exactly what docs/architecture.md promises, and parses the same everywhere."""

import io

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from feuille_de_route.ontology import (
    FDR,
    ONTOLOGY_PATH,
    SHAPES_PATH,
    load_ontology,
    load_shapes,
)

CLASSES = [
    "FeuilleDeRoute",
    "Territoire",
    "Commune",
    "EPCI",
    "Departement",
    "Region",
    "EtapeDeLaMethode",
    "Livrable",
    "ClasseDeTypologie",
    "GroupeDePopulation",
    "IndicateurDeFragilite",
    "MesureDeFragilite",
    "Enjeu",
    "Defi",
    "Chantier",
    "ActionConcrete",
    "Ressource",
    "PartenaireDeProjet",
    "RessourceMaterielle",
    "Intervenant",
    "Financement",
    "Acteur",
    "Service",
    "Mobilisation",
    "MobilisationOperante",
    "Coordination",
    "Participation",
    "CritereDeReussite",
    "Frein",
    "RegleDeTypologie",
    "PropositionDeTheme",
    "Organisation",
    "Synthese",
    "LigneDeSynthese",
    "SyntheseTheme",
    "SyntheseProgramme",
    "SyntheseOrganisation",
    "SyntheseDefi",
]
OBJECT_PROPERTIES = [
    "feuilleDeRoute",
    "territoire",
    "epci",
    "classeDeTypologie",
    "commune",
    "indicateur",
    "etape",
    "repondA",
    "defi",
    "chantier",
    "enLienAvec",
    "concerne",
    "ressource",
    "statut",
    "estOperante",
    "mobiliseOperante",
    "objetCoordonne",
    "service",
    "acteur",
    "role",
    "uniteDe",
    "territoireOfficiel",
    "departement",
    "region",
    "programme",
    "classeAttribuee",
    "theme",
    "themePropose",
    "organisationOfficielle",
    "communeOfficielle",
    "offreDeMediation",
    "syntheseDe",
    "dansDepartement",
    "dansRegion",
    "cle",
    "cleTheme",
    "cleProgramme",
]
DATATYPE_PROPERTIES = [
    "codeInsee",
    "siren",
    "population",
    "valeur",
    "numero",
    "depuis",
    "prioritaire",
    "rangDePriorite",
    "siret",
    "rna",
    "programmeNational",
    "ordre",
    "indicateurCompare",
    "operateur",
    "seuil",
    "pivot",
    "adresse",
    "complementAdresse",
    "codePostal",
    "nomDeCommune",
    "typologieDeStructure",
    "telephone",
    "courriel",
    "siteWeb",
    "horaires",
    "structureParente",
    "autresFormationsLabels",
    "ficheAccesLibre",
    "priseDeRendezVous",
    "latitude",
    "longitude",
    "libelleCle",
    "nomOperant",
    "nbChantiers",
    "nbRessources",
    "nbRessourcesOperantes",
    "nbChantiersOperants",
    "nbLiens",
    "nbOperants",
    "nbLiensConcept",
    "nbOperantsConcept",
]
# "exactly 1" in the contract
FUNCTIONAL = [
    "defi",
    "chantier",
    "ressource",
    "statut",
    "objetCoordonne",
    "service",
    "acteur",
    "role",
]

SCHEMES = {
    "StatutsDeLien": {"operante": "opérante", "connueSansLien": "connue, sans lien"},
    "RolesDeCoordination": {"pilote": "pilote", "coCoordinateur": "co-coordinateur"},
    "RolesDeGouvernance": {
        "pilote": "pilote",
        "copilote": "co-pilote",
        "realisateur": "réalise",
        "associe": "associé",
    },
    "TypesDeRessource": {
        "typePartenaireDeProjet": "partenaire de projet",
        "typeRessourceMaterielle": "ressource matérielle",
        "typeIntervenant": "intervenant",
        "typeFinancement": "financement",
    },
}
NOTATIONS = {
    "pilote": "pilote",
    "coCoordinateur": "co-coordinateur",
    "copilote": "co-pilote",
    "realisateur": "realise",
    "associe": "associe",
    "operante": "operante",
    "connueSansLien": "connue-sans-lien",
    "ifnTotal": "total",
    "ifnSansTHD": "no_thd_coverage_rate",
    "ifnSans4G": "no_4g_coverage_rate",
    "ifnPauvrete": "poverty_rate",
    "ifnPlus65": "older_65_rate",
    "ifnNonScolarises": "nscol15p_rate",
}


@pytest.fixture(scope="module")
def g() -> Graph:
    return load_ontology()


def test_every_contract_term_is_declared(g: Graph) -> None:
    for name in CLASSES:
        assert (FDR[name], RDF.type, OWL.Class) in g, name
    for name in OBJECT_PROPERTIES:
        assert (FDR[name], RDF.type, OWL.ObjectProperty) in g, name
    for name in DATATYPE_PROPERTIES:
        assert (FDR[name], RDF.type, OWL.DatatypeProperty) in g, name
    assert (FDR.hypothese, RDF.type, OWL.AnnotationProperty) in g
    declared = {
        s
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(str(FDR))
    }
    assert declared == {FDR[n] for n in CLASSES + OBJECT_PROPERTIES + DATATYPE_PROPERTIES}


def test_local_names_are_ascii(g: Graph) -> None:
    for s in set(g.subjects()):
        if isinstance(s, URIRef) and str(s).startswith(str(FDR)):
            assert str(s).isascii(), s


def test_exactly_one_properties_are_functional(g: Graph) -> None:
    for name in FUNCTIONAL:
        assert (FDR[name], RDF.type, OWL.FunctionalProperty) in g, name
    assert (FDR.enLienAvec, RDF.type, OWL.SymmetricProperty) in g


def test_schemes_hold_the_workbook_values(g: Graph) -> None:
    for scheme, concepts in SCHEMES.items():
        members = set(g.subjects(SKOS.inScheme, FDR[scheme]))
        assert members == {FDR[c] for c in concepts}, scheme
        for concept, label in concepts.items():
            assert Literal(label, lang="fr") in set(g.objects(FDR[concept], SKOS.prefLabel))


def test_resource_types_point_to_their_class(g: Graph) -> None:
    for concept in SCHEMES["TypesDeRessource"]:
        cls = g.value(FDR[concept], FDR.classe)
        assert cls == FDR[concept.removeprefix("type")]
        assert (cls, RDFS.subClassOf, FDR.Ressource) in g


def test_notations(g: Graph) -> None:
    for concept, notation in NOTATIONS.items():
        assert [str(n) for n in g.objects(FDR[concept], SKOS.notation)] == [notation]
    ifn = set(g.subjects(SKOS.inScheme, FDR.IndicateursIFN))
    assert ifn == {FDR[c] for c in NOTATIONS if c.startswith("ifn")}
    assert all((c, RDF.type, FDR.IndicateurDeFragilite) in g for c in ifn)


def members(g: Graph, head: Node | None) -> set[Node]:
    assert head is not None
    return set(Collection(g, head))


def test_resource_kinds_and_plan_elements_are_disjoint(g: Graph) -> None:
    groups = [
        members(g, g.value(a, OWL.members)) for a in g.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    kinds = {FDR.PartenaireDeProjet, FDR.RessourceMaterielle, FDR.Intervenant, FDR.Financement}
    assert kinds in groups
    plan = {FDR.Enjeu, FDR.Defi, FDR.Chantier, FDR.ActionConcrete, FDR.Mobilisation}
    assert any(plan <= group for group in groups)


def test_shortcut_is_defined_by_a_chain_and_self_restriction(g: Graph) -> None:
    head = g.value(FDR.mobiliseOperante, OWL.propertyChainAxiom)
    assert head is not None
    chain = list(Collection(g, head))
    assert len(chain) == 3
    assert isinstance(chain[0], BNode) and g.value(chain[0], OWL.inverseOf) == FDR.chantier
    assert chain[1:] == [FDR.estOperante, FDR.ressource]
    definitions = list(g.objects(FDR.MobilisationOperante, OWL.equivalentClass))
    assert any(
        g.value(d, OWL.onProperty) == FDR.estOperante and g.value(d, OWL.hasSelf)
        for d in definitions
    )
    assert any(g.value(d, OWL.intersectionOf) is not None for d in definitions)


def test_reused_vocabularies_are_linked(g: Graph) -> None:
    assert (FDR.uniteDe, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#unitOf")) in g
    assert (
        FDR.Service,
        RDFS.subClassOf,
        URIRef("http://www.w3.org/ns/org#OrganizationalUnit"),
    ) in g
    assert (FDR.Acteur, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in g
    igeo = "http://rdf.insee.fr/def/geo#"
    for cls in (FDR.Commune, FDR.EPCI, FDR.Territoire):
        assert any(str(m).startswith(igeo) for m in g.objects(cls, SKOS.closeMatch)), cls
    assert (None, OWL.imports, None) not in g


def to_rdflib(term: object) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    assert isinstance(term, pyoxigraph.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return Literal(term.value, datatype=URIRef(term.datatype.value))


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH], ids=["fdr.ttl", "shapes.ttl"])
def test_rdflib_and_oxigraph_read_the_same_graph(path: object) -> None:
    rdflib_graph = load_ontology() if path == ONTOLOGY_PATH else load_shapes()
    oxigraph_graph = Graph()
    data = io.BytesIO(
        ONTOLOGY_PATH.read_bytes() if path == ONTOLOGY_PATH else SHAPES_PATH.read_bytes()
    )
    for quad in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE):
        oxigraph_graph.add(
            (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
        )
    assert len(oxigraph_graph) == len(rdflib_graph) > 100
    assert isomorphic(rdflib_graph, oxigraph_graph)


def test_owlready2_reads_every_class() -> None:
    import owlready2

    world = owlready2.World()
    try:
        world.get_ontology("urn:test/").load(
            fileobj=io.BytesIO(load_ontology().serialize(format="nt", encoding="utf-8")),
            format="ntriples",
        )
        iris = {c.iri for c in world.classes()}
        assert {str(FDR[c]) for c in CLASSES} <= iris
        assert world[str(FDR.chantier)] is not None
    finally:
        world.close()
