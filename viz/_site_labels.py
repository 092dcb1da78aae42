"""Words for the site's pages: a term's label in French (or English), from the ontology's
SKOS and RDFS labels, the shipped schemes, and the roadmap's own data."""

import functools
from dataclasses import dataclass
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

__all__ = ["Labels", "is_term", "literal_text", "vocabulary"]

_LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title)


@functools.cache
def vocabulary() -> Graph:
    """The ontology and its shipped SKOS schemes, read once."""
    from feuille_de_route.ontology import load_ontology, load_schemes

    graph = Graph()
    for part in (load_ontology(), load_schemes()):
        for triple in part:
            graph.add(triple)
    return graph


def literal_text(node: Node) -> str:
    return str(node) if isinstance(node, Literal) else ""


def _in_language(graph: Graph, node: Node, language: str) -> str:
    """The first label of ``node`` in ``language``, then without language, then any."""
    found: dict[str, str] = {}
    for predicate in _LABELS:
        for value in sorted(graph.objects(node, predicate), key=str):
            if isinstance(value, Literal) and str(value).strip():
                found.setdefault(value.language or "", str(value))
        if found:
            break
    return found.get(language) or found.get("") or next(iter(sorted(found.values())), "")


@dataclass
class Labels:
    """Labels of the data's nodes and of the vocabulary's terms."""

    data: Graph
    language: str = "fr"
    base: str = ""

    def term(self, node: Node) -> str:
        """The ontology's word for a class, property or concept; else its short name."""
        label = _in_language(vocabulary(), node, self.language)
        if label:
            return label
        text = str(node)
        return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text

    def node(self, node: Node) -> str:
        """A data node's name: its label or title, its identifier, or its IRI's end."""
        label = _in_language(self.data, node, self.language) or _in_language(
            vocabulary(), node, self.language
        )
        if label:
            return label
        ident = self.data.value(node, DCTERMS.identifier)
        if ident is not None:
            return str(ident)
        text = str(node)
        if self.base and text.startswith(self.base) and text != self.base:
            return unquote(text[len(self.base) :])
        return text

    def definition(self, node: Node) -> str:
        values = [
            v
            for v in vocabulary().objects(node, SKOS.definition)
            if isinstance(v, Literal) and v.language in (self.language, None)
        ]
        return str(min(values, key=str)) if values else ""


def is_term(node: Node) -> bool:
    """Whether ``node`` is a term the vocabulary describes (it has a label there)."""
    return isinstance(node, URIRef) and any(
        True for p in _LABELS for _ in vocabulary().objects(node, p)
    )
