"""The ontology's documentation, in French and in English, generated from ``fdr.ttl``
and the shipped SKOS schemes: classes, properties (domain, range, definition), schemes
and their concepts, and a class diagram (:mod:`._site_diagram`)."""

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from ._site_diagram import Edge, class_diagram
from ._site_labels import Labels, vocabulary
from ._site_paths import FDR_NAMESPACE, Link, anchor

__all__ = ["WORDS", "OntologyDoc", "documented", "ontology_doc", "ontology_files"]


def ontology_files() -> dict[str, Path]:
    """Files served beside the documentation: site name → the shipped file (the
    ontology, its shapes, every scheme file ``SCHEME_PATHS`` lists, DCAT-AP's minimum)."""
    from feuille_de_route.ontology import ONTOLOGY_PATH, SCHEME_PATHS, SHAPES_PATH

    return {
        "fdr.ttl": ONTOLOGY_PATH,
        "formes.ttl": SHAPES_PATH,
        **{path.name: path for path in SCHEME_PATHS},
        "dcat-ap-obligatoire.ttl": ONTOLOGY_PATH.parent / "dcat-ap-obligatoire.ttl",
    }


WORDS = {
    "fr": {
        "titre": "Ontologie des feuilles de route territoriales d'inclusion numérique",
        "classes": "Classes",
        "proprietes": "Propriétés",
        "schemes": "Schémas de concepts (SKOS)",
        "diagramme": "Diagramme des classes",
        "domaine": "Domaine",
        "portee": "Portée",
        "sur": "Sous-classe de",
        "sous": "Sous-classes",
        "sorte": "Sorte",
        "notation": "Notation",
        "fichiers": "Fichiers",
        "autre": "English version",
        "version": "Version",
        "objet": "propriété d'objet",
        "donnee": "propriété de données",
        "annotation": "propriété d'annotation",
    },
    "en": {
        "titre": "Ontology of territorial digital-inclusion roadmaps",
        "classes": "Classes",
        "proprietes": "Properties",
        "schemes": "Concept schemes (SKOS)",
        "diagramme": "Class diagram",
        "domaine": "Domain",
        "portee": "Range",
        "sur": "Subclass of",
        "sous": "Subclasses",
        "sorte": "Kind",
        "notation": "Notation",
        "fichiers": "Files",
        "autre": "Version française",
        "version": "Version",
        "objet": "object property",
        "donnee": "datatype property",
        "annotation": "annotation property",
    },
}
_KINDS = (
    (OWL.ObjectProperty, "objet"),
    (OWL.DatatypeProperty, "donnee"),
    (OWL.AnnotationProperty, "annotation"),
)


@dataclass
class Term:
    anchor: str
    label: str
    iri: str
    definition: str
    rows: list[tuple[str, list[Link]]] = field(default_factory=list)


@dataclass
class Scheme:
    anchor: str
    label: str
    iri: str
    concepts: list[Term]


@dataclass
class OntologyDoc:
    lang: str
    title: str
    description: str
    version: str
    classes: list[Term]
    properties: list[Term]
    schemes: list[Scheme]
    svg: str


def _members(graph: Graph, node: Node) -> list[URIRef]:
    """A named class, or the named members of a union."""
    if isinstance(node, URIRef):
        return [node]
    union = graph.value(node, OWL.unionOf) if isinstance(node, BNode) else None
    if union is None:
        return []
    return [m for m in Collection(graph, union) if isinstance(m, URIRef)]


def _in_fdr(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(FDR_NAMESPACE)


def _link(labels: Labels, node: URIRef) -> Link:
    if _in_fdr(node) or (node, RDF.type, SKOS.Concept) in vocabulary():
        return Link(labels.term(node), "#" + anchor(str(node)))
    return Link(labels.term(node), str(node) if str(node).startswith("http") else "")


def _term(labels: Labels, node: URIRef) -> Term:
    return Term(anchor(str(node)), labels.term(node), str(node), labels.definition(node))


def _classes(graph: Graph, labels: Labels, words: dict[str, str]) -> list[Term]:
    terms = []
    for cls in sorted({c for c in graph.subjects(RDF.type, OWL.Class) if _in_fdr(c)}, key=str):
        assert isinstance(cls, URIRef)
        term = _term(labels, cls)
        supers = [s for o in graph.objects(cls, RDFS.subClassOf) for s in _members(graph, o)]
        subs = [s for s in graph.subjects(RDFS.subClassOf, cls) if isinstance(s, URIRef)]
        if supers:
            term.rows.append((words["sur"], [_link(labels, s) for s in sorted(supers, key=str)]))
        if subs:
            term.rows.append((words["sous"], [_link(labels, s) for s in sorted(subs, key=str)]))
        terms.append(term)
    return sorted(terms, key=lambda t: t.label.casefold())


def _properties(graph: Graph, labels: Labels, words: dict[str, str]) -> list[Term]:
    terms = []
    for kind, word in _KINDS:
        for prop in sorted({p for p in graph.subjects(RDF.type, kind) if _in_fdr(p)}, key=str):
            assert isinstance(prop, URIRef)
            term = _term(labels, prop)
            term.rows.append((words["sorte"], [Link(words[word])]))
            for predicate, key in ((RDFS.domain, "domaine"), (RDFS.range, "portee")):
                targets = [m for o in graph.objects(prop, predicate) for m in _members(graph, o)]
                if targets:
                    links = [_link(labels, t) for t in sorted(targets, key=str)]
                    term.rows.append((words[key], links))
            terms.append(term)
    return sorted(terms, key=lambda t: t.label.casefold())


def _schemes(graph: Graph, labels: Labels, words: dict[str, str]) -> list[Scheme]:
    schemes = []
    for scheme in sorted(set(graph.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        if not isinstance(scheme, URIRef):
            continue
        concepts = []
        for concept in sorted(set(graph.subjects(SKOS.inScheme, scheme)), key=str):
            if not isinstance(concept, URIRef):
                continue
            term = _term(labels, concept)
            notation = graph.value(concept, SKOS.notation)
            if notation is not None:
                term.rows.append((words["notation"], [Link(str(notation))]))
            concepts.append(term)
        concepts.sort(key=lambda t: t.label.casefold())
        schemes.append(Scheme(anchor(str(scheme)), labels.term(scheme), str(scheme), concepts))
    return sorted(schemes, key=lambda s: s.label.casefold())


def _diagram(graph: Graph, labels: Labels, title: str) -> str:
    classes = {
        str(c): labels.term(c) for c in set(graph.subjects(RDF.type, OWL.Class)) if _in_fdr(c)
    }
    edges: list[Edge] = []
    for prop in sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty)), key=str):
        domains = [m for o in graph.objects(prop, RDFS.domain) for m in _members(graph, o)]
        ranges = [m for o in graph.objects(prop, RDFS.range) for m in _members(graph, o)]
        edges.extend(Edge(str(d), str(r), labels.term(prop)) for d in domains for r in ranges)
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            edges.append(Edge(str(sub), str(sup), "⊑", subclass=True))
    edges.sort(key=lambda e: (e.source, e.target, e.label))
    return class_diagram(classes, edges, FDR_NAMESPACE + "FeuilleDeRoute", title)


def ontology_doc(lang: str) -> OntologyDoc:
    """The documentation's content in ``lang`` (``fr`` or ``en``)."""
    from feuille_de_route.ontology import ONTOLOGY_IRI, load_ontology

    ontology = load_ontology()
    graph = vocabulary()
    words = WORDS[lang]
    labels = Labels(graph, lang)
    iri = URIRef(ONTOLOGY_IRI)
    described = [d for d in ontology.objects(iri, URIRef("http://purl.org/dc/terms/description"))]
    description = next((str(d) for d in described if getattr(d, "language", None) == lang), "")
    version = str(ontology.value(iri, OWL.versionInfo) or "")
    return OntologyDoc(
        lang=lang,
        title=words["titre"],
        description=description,
        version=version,
        # The vocabulary, not fdr.ttl alone: suivi.ttl's classes and properties are fdr:'s.
        classes=_classes(graph, labels, words),
        properties=_properties(graph, labels, words),
        schemes=_schemes(graph, labels, words),
        svg=_diagram(graph, labels, words["diagramme"]),
    )


@functools.cache
def documented() -> frozenset[str]:
    """The anchors the documentation holds (classes, properties, schemes, concepts)."""
    doc = ontology_doc("fr")
    terms = [*doc.classes, *doc.properties, *(c for s in doc.schemes for c in s.concepts)]
    return frozenset([t.anchor for t in terms] + [s.anchor for s in doc.schemes])
