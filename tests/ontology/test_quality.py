"""Quality of fdr.ttl: documented terms, metadata, no foreign minting, no orphan class,
OWL 2 DL simple-property rules — each check also shown failing on a broken copy."""

from collections.abc import Iterator

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from feuille_de_route.ontology import FDR, ONTOLOGY_IRI, VERSION_IRI, load_ontology

ORG = Namespace("http://www.w3.org/ns/org#")
IGEO = Namespace("http://rdf.insee.fr/def/geo#")
VANN = Namespace("http://purl.org/vocab/vann/")
LICENCE = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
FOREIGN = [XSD_NS, *(str(ns) for ns in (ORG, PROV, SKOS, DCTERMS, OWL, RDFS, RDF, IGEO, VANN))]
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


# --- the checks ------------------------------------------------------------------------


def fdr_terms(g: Graph) -> set[URIRef]:
    return {
        s
        for t in TERM_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(str(FDR))
    }


def has_lang(g: Graph, s: URIRef, p: URIRef, lang: str) -> bool:
    return any(
        isinstance(o, Literal) and o.language == lang and str(o).strip() for o in g.objects(s, p)
    )


def missing_annotations(g: Graph) -> list[str]:
    """Classes and properties lacking a French or English label or definition;
    SKOS concepts and schemes lacking a French or English prefLabel or definition."""
    problems = []
    for term in sorted(fdr_terms(g)):
        for p in (RDFS.label, SKOS.definition):
            problems += [
                f"{term} {p} @{lang}" for lang in ("fr", "en") if not has_lang(g, term, p, lang)
            ]
    concepts = set(g.subjects(RDF.type, SKOS.Concept)) | set(
        g.subjects(RDF.type, SKOS.ConceptScheme)
    )
    for c in sorted(concepts, key=str):
        assert isinstance(c, URIRef)
        for p in (SKOS.prefLabel, SKOS.definition):
            problems += [f"{c} {p} @{lang}" for lang in ("fr", "en") if not has_lang(g, c, p, lang)]
    return problems


def header_problems(g: Graph) -> list[str]:
    problems = []
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in g:
        problems.append("no owl:Ontology")
    if g.value(ONTOLOGY_IRI, OWL.versionIRI) != VERSION_IRI:
        problems.append("no versionIRI")
    if g.value(ONTOLOGY_IRI, DCTERMS.license) != LICENCE:
        problems.append("no Licence Ouverte")
    if str(g.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) != "fdr":
        problems.append("no vann prefix")
    if str(g.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) != str(FDR):
        problems.append("no vann namespace")
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        if g.value(ONTOLOGY_IRI, p) is None:
            problems.append(f"no {p}")
    return problems


def foreign_terms(g: Graph) -> list[str]:
    """Terms of other vocabularies that our file says more about than a declaration."""
    declarations = {*TERM_TYPES, OWL.NamedIndividual}
    problems = set()
    for s, p, o in g:
        if not isinstance(s, URIRef) or not any(s.startswith(ns) for ns in FOREIGN):
            continue
        if p == RDF.type and o in declarations:
            continue
        problems.add(f"{s} {p} {o}")
    return sorted(problems)


def class_members(g: Graph, node: object) -> Iterator[URIRef]:
    """Named classes inside a class expression (unions, intersections, complements)."""
    if isinstance(node, URIRef):
        yield node
    elif isinstance(node, BNode):
        for p in (OWL.unionOf, OWL.intersectionOf):
            for head in g.objects(node, p):
                for member in Collection(g, head):
                    yield from class_members(g, member)
        for inner in g.objects(node, OWL.complementOf):
            yield from class_members(g, inner)


def class_parts(g: Graph, node: Node) -> list[Node]:
    """The node and the operands of an intersection (restrictions of a definition)."""
    parts: list[Node] = [node]
    for head in g.objects(node, OWL.intersectionOf):
        parts.extend(Collection(g, head))
    return parts


def unconnected_classes(g: Graph) -> list[str]:
    """fdr classes with no subclass, superclass, domain, range or restriction link."""
    linked: set[URIRef] = set()
    for s, o in g.subject_objects(RDFS.subClassOf):
        linked.update(class_members(g, s))
        linked.update(class_members(g, o))
    for p in (RDFS.domain, RDFS.range, OWL.someValuesFrom, OWL.allValuesFrom, OWL.onClass):
        for o in g.objects(None, p):
            linked.update(class_members(g, o))
    for s, o in g.subject_objects(OWL.equivalentClass):
        members = set(class_members(g, o)) | {
            m for r in class_parts(g, o) for m in class_members(g, g.value(r, OWL.onProperty))
        }
        if isinstance(s, URIRef) and members:  # a definition links the class to what defines it
            linked.add(s)
            linked.update(members)
    classes = {
        c
        for c in g.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and c.startswith(str(FDR))
    }
    return sorted(str(c) for c in classes - linked)


def non_simple_misuse(g: Graph) -> list[str]:
    """OWL 2 DL: composite properties may not be functional, used in hasSelf or cardinality."""
    composite = set(g.subjects(OWL.propertyChainAxiom)) | set(
        g.subjects(RDF.type, OWL.TransitiveProperty)
    )
    changed = True
    while changed:  # a super-property of a non-simple property is non-simple
        supers = {o for s, o in g.subject_objects(RDFS.subPropertyOf) if s in composite}
        changed = not supers <= composite
        composite |= supers
    needs_simple: set[object] = set()
    for t in (
        OWL.FunctionalProperty,
        OWL.InverseFunctionalProperty,
        OWL.AsymmetricProperty,
        OWL.IrreflexiveProperty,
    ):
        needs_simple |= set(g.subjects(RDF.type, t))
    for restriction in g.subjects(RDF.type, OWL.Restriction):
        if any(
            g.value(restriction, p) is not None
            for p in (
                OWL.hasSelf,
                OWL.cardinality,
                OWL.minCardinality,
                OWL.maxCardinality,
                OWL.qualifiedCardinality,
                OWL.minQualifiedCardinality,
                OWL.maxQualifiedCardinality,
            )
        ):
            needs_simple.add(g.value(restriction, OWL.onProperty))
    return sorted(str(p) for p in needs_simple & composite)


CHECKS = [
    missing_annotations,
    header_problems,
    foreign_terms,
    unconnected_classes,
    non_simple_misuse,
]


# --- the real ontology passes every check -----------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_ontology_passes(ontology: Graph, check: object) -> None:
    assert callable(check)
    assert check(ontology) == []


# --- and each check fails on a deliberately broken copy ----------------------------------


def broken(ontology: Graph, remove: list[tuple[object, object, object]], add: str = "") -> Graph:
    copy = Graph()
    for t in ontology:
        copy.add(t)
    for pattern in remove:
        copy.remove(pattern)  # type: ignore[arg-type]
    if add:
        copy.parse(data=add, format="turtle")
    return copy


PREFIXES = """
@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix igeo: <http://rdf.insee.fr/def/geo#> .
"""


def test_missing_english_label_is_caught(ontology: Graph) -> None:
    g = broken(ontology, [(FDR.Chantier, RDFS.label, Literal("work stream", lang="en"))])
    assert missing_annotations(g) == [f"{FDR.Chantier} {RDFS.label} @en"]


def test_missing_french_definition_is_caught(ontology: Graph) -> None:
    fr = next(
        o
        for o in ontology.objects(FDR.statut, SKOS.definition)
        if isinstance(o, Literal) and o.language == "fr"
    )
    g = broken(ontology, [(FDR.statut, SKOS.definition, fr)])
    assert missing_annotations(g) == [f"{FDR.statut} {SKOS.definition} @fr"]


def test_concept_without_english_label_is_caught(ontology: Graph) -> None:
    g = broken(ontology, [(FDR.operante, SKOS.prefLabel, Literal("operating", lang="en"))])
    assert missing_annotations(g) == [f"{FDR.operante} {SKOS.prefLabel} @en"]


def test_missing_licence_and_version_are_caught(ontology: Graph) -> None:
    g = broken(
        ontology, [(ONTOLOGY_IRI, DCTERMS.license, None), (ONTOLOGY_IRI, OWL.versionIRI, None)]
    )
    assert header_problems(g) == ["no versionIRI", "no Licence Ouverte"]


@pytest.mark.parametrize(
    "minted",
    [
        "org:OrganizationalUnit rdfs:subClassOf prov:Agent .",
        "prov:Agent rdfs:label 'agent'@fr .",
        "skos:Concept skos:definition 'x'@fr .",
        "igeo:Commune rdfs:subClassOf fdr:Territoire .",
        "org:unitOf rdfs:domain fdr:Service .",
    ],
)
def test_term_minted_in_a_foreign_namespace_is_caught(ontology: Graph, minted: str) -> None:
    g = broken(ontology, [], PREFIXES + minted)
    assert len(foreign_terms(g)) == 1


def test_unconnected_class_is_caught(ontology: Graph) -> None:
    orphan = """fdr:Orpheline a owl:Class ; rdfs:label "orpheline"@fr, "orphan"@en ;
        skos:definition "d"@fr, "d"@en ."""
    g = broken(ontology, [], PREFIXES + orphan)
    assert unconnected_classes(g) == [str(FDR.Orpheline)]
    assert missing_annotations(g) == []


def test_class_losing_its_only_links_is_caught(ontology: Graph) -> None:
    # Livrable is linked only as the domain of fdr:etape.
    g = broken(ontology, [(FDR.etape, RDFS.domain, FDR.Livrable)])
    assert unconnected_classes(g) == [str(FDR.Livrable)]


def test_functional_composite_property_is_caught(ontology: Graph) -> None:
    g = broken(ontology, [], PREFIXES + "fdr:mobiliseOperante a owl:FunctionalProperty .")
    assert non_simple_misuse(g) == [str(FDR.mobiliseOperante)]


def test_has_self_on_a_composite_property_is_caught(ontology: Graph) -> None:
    chain = (
        PREFIXES + "fdr:estOperante owl:propertyChainAxiom ( fdr:estOperante fdr:estOperante ) ."
    )
    assert non_simple_misuse(broken(ontology, [], chain)) == [str(FDR.estOperante)]
