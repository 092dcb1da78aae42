"""One page per thing of the roadmap: its facts, its links in and out, the maps it sits
in, and its own Turtle and JSON-LD (the thing's concise bounded description)."""

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from feuille_de_route import is_http_iri
from feuille_de_route.ontology import FDR

from ._site_labels import Labels, is_term
from ._site_ontology import documented
from ._site_paths import Link, anchor, file_href, thing_path

__all__ = ["Fact", "ThingPage", "describe_thing", "map_links"]

HYPOTHESE = FDR.hypothese
ONTOLOGY_PAGE = "ontologie/index.html"
_GENERAL = {FDR.Ressource, FDR.Acteur, FDR.Territoire}
# Links through which a resource, service or acteur reaches a chantier's map.
_TO_CHANTIER = (FDR.ressource, FDR.acteur, FDR.service)


@dataclass
class Fact:
    """One property of the thing and its values."""

    label: str
    href: str
    values: list[Link] = field(default_factory=list)


@dataclass
class ThingPage:
    """What a thing's page shows."""

    path: str
    iri: str
    title: str
    types: list[Link]
    facts: list[Fact]
    incoming: list[tuple[Link, str]]
    hypotheses: list[str]
    maps: list[Link]


class Linker:
    """Links from one page (``origin``, a site file) to pages and terms."""

    def __init__(self, origin: str, base: str, labels: Labels, published: set[str]) -> None:
        self.origin, self.base, self.labels, self.published = origin, base, labels, published

    def page(self, node: Node) -> str:
        path = thing_path(str(node), self.base) if isinstance(node, URIRef) else None
        if path is None or path not in self.published:
            return ""
        return file_href(self.origin, path + ".html")

    def term_href(self, node: Node) -> str:
        """The term's entry in the ontology's documentation, else its own IRI."""
        if anchor(str(node)) in documented():
            return file_href(self.origin, ONTOLOGY_PAGE) + "#" + anchor(str(node))
        return str(node) if is_http_iri(str(node)) else ""

    def value(self, node: Node) -> Link:
        if isinstance(node, Literal):
            return Link(_literal(node), note=node.language or "")
        if isinstance(node, BNode):
            return Link("(nœud anonyme)")
        href = self.page(node)
        if href:
            return Link(self.labels.node(node), href)
        if is_term(node):
            return Link(self.labels.term(node), self.term_href(node))
        return Link(str(node), str(node) if is_http_iri(str(node)) else "")


def _literal(node: Literal) -> str:
    if node.datatype == XSD.boolean:
        return "oui" if node.toPython() is True else "non"
    return str(node)


def _kind(graph: Graph, node: URIRef, labels: Labels) -> str:
    """The word for what ``node`` is: its most specific class (a resource's kind rather
    than « ressource »)."""
    classes = sorted(graph.objects(node, RDF.type), key=str)
    specific = [c for c in classes if c not in _GENERAL] or classes
    return labels.term(specific[0]) if specific else "élément"


def describe_thing(
    graph: Graph, node: URIRef, path: str, labels: Labels, published: set[str]
) -> ThingPage:
    """The page of ``node``, published at ``path`` (``.html``)."""
    linker = Linker(path + ".html", labels.base, labels, published)
    types = [
        Link(labels.term(t), linker.term_href(t))
        for t in sorted(graph.objects(node, RDF.type), key=str)
    ]
    facts: dict[URIRef, Fact] = {}
    hypotheses: list[str] = []
    for predicate, value in sorted(graph.predicate_objects(node), key=lambda pv: str(pv)):
        if predicate == RDF.type or not isinstance(predicate, URIRef):
            continue
        if predicate == HYPOTHESE:
            hypotheses.append(str(value))
            continue
        fact = facts.setdefault(
            predicate, Fact(labels.term(predicate), linker.term_href(predicate))
        )
        fact.values.append(linker.value(value))
    incoming = sorted(
        (
            (linker.value(subject), f"{_kind(graph, subject, labels)} · {labels.term(predicate)}")
            for subject, predicate in graph.subject_predicates(node)
            if isinstance(subject, URIRef)
        ),
        key=lambda row: (row[1], row[0].text.casefold()),
    )
    return ThingPage(
        path=path,
        iri=str(node),
        title=labels.node(node),
        types=types,
        facts=sorted(facts.values(), key=lambda f: f.label.casefold()),
        incoming=incoming,
        hypotheses=sorted(hypotheses),
        maps=[],
    )


def chantiers_of(graph: Graph, node: URIRef) -> set[URIRef]:
    """The chantiers whose map shows ``node``."""
    chantier = FDR.chantier
    found: set[URIRef] = set()
    if (node, RDF.type, FDR.Chantier) in graph:
        found.add(node)
    links = [node]
    for predicate in _TO_CHANTIER:
        links.extend(s for s in graph.subjects(predicate, node) if isinstance(s, URIRef))
    for link in links:
        found.update(c for c in graph.objects(link, chantier) if isinstance(c, URIRef))
        found.update(
            c
            for c in graph.objects(link, FDR.objetCoordonne)
            if isinstance(c, URIRef) and (c, RDF.type, FDR.Chantier) in graph
        )
    return found


def map_links(
    graph: Graph, node: URIRef, path: str, maps: dict[URIRef, str], labels: Labels
) -> list[Link]:
    """Links from the page at ``path`` to the maps ``node`` sits in: its chantiers' maps
    (``maps``: chantier → site file), then the whole roadmap's and its gaps."""
    origin = path + ".html"
    links = [
        Link(f"Cartographie du chantier {labels.node(c)}", file_href(origin, maps[c]))
        for c in sorted(chantiers_of(graph, node), key=str)
        if c in maps
    ]
    links.append(
        Link(
            "Carte de la feuille de route", file_href(origin, "cartographie/feuille-de-route.html")
        )
    )
    links.append(Link("Carte des lacunes", file_href(origin, "cartographie/lacunes.html")))
    return links
