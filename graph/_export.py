"""Serialisations of a roadmap graph: Turtle, N-Triples, TriG, N-Quads and compact JSON-LD.

TriG and N-Quads put the roadmap in its named graph, named by the IRI of its
``fdr:FeuilleDeRoute`` as the stores do (:func:`.store.roadmap_graph_name`), so that a
store loading them answers the catalogue's ``GRAPH`` patterns. The JSON-LD document
carries its context inline: any JSON-LD 1.0 or 1.1 processor reads it with nothing to
fetch. ``contexte.jsonld`` is still written beside it, for documents that reference it.
"""

import json
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef

from feuille_de_route import atomic_write_files

from ._export_fne import FNE_NAME, fne_csv
from ._namespaces import FDR, PREFIXES, RDF
from .store._naming import roadmap_graph_name

__all__ = ["CONTEXT_NAME", "EXPORT_NAMES", "export_graph", "jsonld_context"]

CONTEXT_NAME = "contexte.jsonld"
EXPORT_NAMES = (
    "feuille-de-route.ttl",
    "feuille-de-route.jsonld",
    "feuille-de-route.nt",
    "feuille-de-route.trig",
    "feuille-de-route.nq",
)


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


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _jsonld(graph: Graph, context: dict[str, str]) -> bytes:
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    # The context goes inline: a reference (even relative) is one more thing to fetch,
    # and Oxigraph and Jena refuse a relative one.
    data = _ordered(data)
    data["@context"] = context
    return _json_bytes(data)


def _sorted_lines(text: str) -> bytes:
    """N-Triples or N-Quads, one statement a line, in a stable order."""
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _with_prefixes(graph: Graph, context: dict[str, str]) -> Graph:
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in context.items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy


def _graph_name(graph: Graph) -> URIRef | None:
    """The roadmap's IRI, the name of its named graph in TriG and N-Quads; None (the
    default graph) when the graph describes no roadmap or several."""
    if len(set(graph.subjects(RDF.type, FDR.FeuilleDeRoute))) != 1:
        return None
    return URIRef(roadmap_graph_name(graph))


def _dataset(graph: Graph, context: dict[str, str]) -> Dataset:
    """``graph`` alone in a dataset: in its roadmap's named graph, or else the default."""
    dataset = Dataset(default_union=False)
    for prefix, namespace in context.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    name = _graph_name(graph)
    target = dataset.default_graph if name is None else dataset.graph(name)
    for triple in graph:
        target.add(triple)
    return dataset


def export_graph(graph: Graph, folder: Path) -> list[Path]:
    """Write into ``folder`` the graph in Turtle (``feuille-de-route.ttl``), compact
    JSON-LD with its context inline (``feuille-de-route.jsonld``, and the context alone in
    ``contexte.jsonld``), N-Triples (``.nt``), and the roadmap in its named graph in TriG
    (``.trig``) and N-Quads (``.nq``); a graph without exactly one ``fdr:FeuilleDeRoute``
    goes in their default graph instead. When the roadmap follows up its actions,
    ``actions-fne.csv`` too: one row per action for France Numérique Ensemble
    (:mod:`._export_fne`).

    Every serialisation is made before the first file is written, and each file is
    replaced atomically. Returns the paths written.
    """
    folder = Path(folder)
    context = jsonld_context(graph)
    # A copy, so that binding the export's prefixes leaves the caller's graph alone.
    graph = _with_prefixes(graph, context)
    dataset = _dataset(graph, context)
    contents = {
        EXPORT_NAMES[0]: graph.serialize(format="turtle", encoding="utf-8"),
        EXPORT_NAMES[1]: _jsonld(graph, context),
        CONTEXT_NAME: _json_bytes({"@context": context}),
        EXPORT_NAMES[2]: _sorted_lines(graph.serialize(format="nt", encoding="utf-8").decode()),
        EXPORT_NAMES[3]: dataset.serialize(format="trig", encoding="utf-8"),
        EXPORT_NAMES[4]: _sorted_lines(
            dataset.serialize(format="nquads", encoding="utf-8").decode()
        ),
    }
    actions = fne_csv(graph)
    if actions is not None:
        contents[FNE_NAME] = actions
    return atomic_write_files(folder, contents)
