"""A thing's own RDF files: its concise bounded description in Turtle and JSON-LD (the
context inline, so that nothing needs fetching)."""

import json

from rdflib import Graph, URIRef

__all__ = ["jsonld_bytes", "thing_files", "turtle_bytes"]


def _context(base: str) -> dict[str, str]:
    from feuille_de_route.ontology import PREFIXES

    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    context["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    context["territoire"] = base
    return context


def jsonld_bytes(graph: Graph, base: str) -> bytes:
    """``graph`` as compact JSON-LD with its context inline."""
    context = _context(base)
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    data["@context"] = context
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def turtle_bytes(graph: Graph, base: str) -> bytes:
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in _context(base).items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy.serialize(format="turtle", encoding="utf-8")


def thing_files(graph: Graph, node: URIRef, path: str, base: str) -> dict[str, bytes]:
    """``{path}.ttl`` and ``{path}.jsonld``: the triples about ``node`` (and the blank
    nodes they lead to)."""
    description = graph.cbd(node)
    return {
        path + ".ttl": turtle_bytes(description, base),
        path + ".jsonld": jsonld_bytes(description, base),
    }
