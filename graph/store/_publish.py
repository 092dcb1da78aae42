"""Publishing a territory's graph to a server with the SPARQL 1.1 Graph Store Protocol."""

import urllib.parse

from rdflib import Graph

from feuille_de_route import redact_url

from ._http import http_request
from ._terms import check_iri, ntriples
from ._urls import check_http_url, query_url
from ._vocabulary import VOCABULARY_GRAPH, vocabulary_graph

__all__ = ["graph_store_url", "graph_url", "publish"]


def graph_store_url(endpoint_url: str, store_url: str | None = None) -> str:
    """The Graph Store endpoint of a server: ``store_url`` when given (``--depot``,
    checked as an http(s) address), else the one beside the query endpoint.

    Oxigraph's ``…/query`` (or a bare ``http://hôte:port``) gives ``…/store``; any other
    URL is taken as the Graph Store endpoint itself (Fuseki's dataset URL ``…/ds``
    answers both protocols). Other layouts (GraphDB, Virtuoso) need ``store_url``.
    """
    if store_url is not None:
        check_http_url(store_url, "adresse Graph Store (--depot)")
        return store_url
    url = query_url(endpoint_url)
    parts = urllib.parse.urlsplit(url)
    if parts.path.endswith("/query"):
        path = parts.path[: -len("query")] + "store"
        return urllib.parse.urlunsplit(parts._replace(path=path, query=""))
    return url


def publish(
    graph: Graph,
    endpoint_url: str,
    graph_name: str,
    *,
    store_url: str | None = None,
    timeout: float = 120.0,
    retries: int = 2,
) -> int:
    """Replace the named graph ``graph_name`` on the server by ``graph``; return its size.

    One ``PUT`` of N-Triples to ``…?graph=IRI``: the Graph Store Protocol's "replace this
    graph" in a single request, which Oxigraph (and Fuseki, GraphDB) apply in one
    transaction, so readers see the old graph or the new one. A PUT is idempotent, so a
    refused or cut connection is retried ``retries`` times; a failure leaves the server
    with the previous graph and raises :class:`StoreError`.

    The ontology's vocabulary follows, the same way, in the named graph of the
    ontology's IRI: the catalogue reads labels there. Both are serialised before any
    request, so a graph that cannot be written sends nothing.
    """
    check_iri(graph_name, "le nom du graphe")
    base = graph_store_url(endpoint_url, store_url)
    data = ntriples(graph)
    vocabulary = ntriples(vocabulary_graph())
    _put(data, base, graph_name, timeout, retries)
    _put(vocabulary, base, VOCABULARY_GRAPH, timeout, retries)
    return len(graph)


def graph_url(base: str, graph_name: str) -> str:
    """The address of the named graph ``graph_name`` at the Graph Store endpoint ``base``
    (indirect identification: ``…?graph=IRI``, the IRI percent-encoded)."""
    separator = "&" if urllib.parse.urlsplit(base).query else "?"
    return f"{base}{separator}graph={urllib.parse.quote(graph_name, safe='')}"


def _put(data: bytes, base: str, graph_name: str, timeout: float, retries: int) -> None:
    """One Graph Store Protocol ``PUT`` of N-Triples ``data`` as the named graph ``graph_name``."""
    http_request(
        "PUT",
        graph_url(base, graph_name),
        data=data,
        headers={"Content-Type": "application/n-triples; charset=utf-8"},
        timeout=timeout,
        retries=retries,
        what=f"publication du graphe <{graph_name}> sur {redact_url(base)}",
    )
