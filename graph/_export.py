"""Serialisations of a roadmap graph: Turtle, compact JSON-LD with its context, N-Triples."""

import json
from pathlib import Path
from typing import Any

from rdflib import Graph

from feuille_de_route import atomic_write_files

from ._namespaces import FDR, PREFIXES, RDF

__all__ = ["CONTEXT_NAME", "EXPORT_NAMES", "export_graph", "jsonld_context"]

CONTEXT_NAME = "contexte.jsonld"
EXPORT_NAMES = ("feuille-de-route.ttl", "feuille-de-route.jsonld", "feuille-de-route.nt")


def jsonld_context(graph: Graph) -> dict[str, str]:
    """The JSON-LD context: the contract's prefixes, plus ``territoire`` for the base IRI
    of the graph's roadmap."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    context["rdf"] = str(RDF)
    roadmap = min(map(str, graph.subjects(RDF.type, FDR.FeuilleDeRoute)), default=None)
    if roadmap is not None and roadmap.endswith("/"):
        context["territoire"] = roadmap
    return context


def _ordered(value: Any, key: str = "") -> Any:
    """JSON-LD arrays are unordered (but ``@list``): sort them so that the same graph
    always gives the same bytes, whatever Python's hash seed."""
    if isinstance(value, dict):
        return {k: _ordered(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_ordered(item) for item in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def _jsonld(graph: Graph, context: dict[str, str]) -> bytes:
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    # The document names its context by a relative IRI, resolved beside the file.
    data = _ordered(data)
    data["@context"] = CONTEXT_NAME
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _with_prefixes(graph: Graph, context: dict[str, str]) -> Graph:
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in context.items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy


def export_graph(graph: Graph, folder: Path) -> list[Path]:
    """Write ``feuille-de-route.ttl``, ``feuille-de-route.jsonld`` (compact, referencing
    ``contexte.jsonld`` written beside it) and ``feuille-de-route.nt`` into ``folder``.

    Every serialisation is made before the first file is written, and each file is
    replaced atomically. Returns the paths written.
    """
    folder = Path(folder)
    context = jsonld_context(graph)
    # A copy, so that binding the export's prefixes leaves the caller's graph alone.
    graph = _with_prefixes(graph, context)
    turtle = graph.serialize(format="turtle", encoding="utf-8")
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    ntriples = ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")
    contents = {
        EXPORT_NAMES[0]: turtle,
        EXPORT_NAMES[1]: _jsonld(graph, context),
        CONTEXT_NAME: (
            json.dumps({"@context": context}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        ).encode("utf-8"),
        EXPORT_NAMES[2]: ntriples,
    }
    return atomic_write_files(folder, contents)
