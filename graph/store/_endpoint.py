"""Any SPARQL 1.1 server, over the SPARQL 1.1 Protocol."""

import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Identifier

from feuille_de_route import redact_url

from ._errors import StoreError
from ._http import http_request
from ._publish import graph_store_url, graph_url, publish
from ._result import SelectResult
from ._terms import check_iri, from_json
from ._urls import query_url
from ._values import with_values
from ._vocabulary import is_vocabulary

__all__ = ["EndpointStore"]

_RESULTS_JSON = "application/sparql-results+json"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"


class EndpointStore:
    """A remote SPARQL 1.1 endpoint: ``POST application/sparql-query``, JSON results.

    ``url`` is the query endpoint (Oxigraph ``http://hôte:7878/query``, or just
    ``http://hôte:7878``; Fuseki ``…/dataset/query``; GraphDB ``…/repositories/ID``;
    Virtuoso ``…/sparql``). The server must show the union of its named graphs as the
    default graph (``oxigraph serve --union-default-graph``; GraphDB and Virtuoso do by
    default). Values are bound as a ``VALUES`` block of escaped terms. Queries are
    retried ``retries`` times after a refused or cut connection; each attempt waits at
    most ``timeout`` seconds. Graphs are written and removed by the Graph Store Protocol
    at ``store_url``: the one given, or the one :func:`graph_store_url` finds beside
    ``url``.
    """

    def __init__(
        self, url: str, timeout: float = 30.0, retries: int = 2, store_url: str | None = None
    ) -> None:
        self.url = query_url(url)
        self._shown = redact_url(self.url)  # the URL as messages show it
        self.timeout = timeout
        self.retries = retries
        # Where graphs are written and removed, found (and a --depot checked) before
        # any request.
        self.store_url = graph_store_url(self.url, store_url)

    def _post(self, query: str, bindings: Mapping[str, Identifier]) -> Any:
        body = http_request(
            "POST",
            self.url,
            data=with_values(query, bindings).encode("utf-8"),
            headers={
                "Content-Type": "application/sparql-query; charset=utf-8",
                "Accept": _RESULTS_JSON,
            },
            timeout=self.timeout,
            retries=self.retries,
            what=f"requête au serveur SPARQL {self._shown}",
        )
        try:
            return json.loads(body)
        except ValueError as exc:
            raise StoreError(
                f"le serveur SPARQL {self._shown} a renvoyé une réponse qui n'est pas du JSON "
                f"de résultats SPARQL : {body[:200]!r}"
            ) from exc

    def select(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> SelectResult:
        """Run a SELECT query on the server, over its union (``scope`` changes no row)."""
        answer = self._post(query, bindings)
        try:
            names: list[str] = list(answer["head"]["vars"])
            rows = [
                {name: (from_json(b[name]) if name in b else None) for name in names}
                for b in answer["results"]["bindings"]
            ]
        except (KeyError, TypeError) as exc:
            raise StoreError(
                f"le serveur SPARQL {self._shown} a renvoyé des résultats mal formés ({exc!r})."
            ) from exc
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Mapping[str, Identifier]) -> bool:
        """Run an ASK query on the server."""
        answer = self._post(query, bindings)
        if not isinstance(answer, dict) or not isinstance(answer.get("boolean"), bool):
            raise StoreError(
                f"le serveur SPARQL {self._shown} n'a pas répondu à l'ASK par un booléen."
            )
        return bool(answer["boolean"])

    def add_graph(self, graph: Graph, name: str) -> None:
        """Publish ``graph`` as the named graph ``name`` (see :func:`publish`)."""
        publish(
            graph,
            self.url,
            name,
            store_url=self.store_url,
            timeout=max(self.timeout, 60.0),
            retries=self.retries,
        )

    def graph_names(self) -> list[str]:
        """IRIs of the server's named graphs (``GRAPH ?g { }``: one row a graph, none of
        its triples read), the vocabulary's left out."""
        rows = self.select(_GRAPHS, {}).rows
        return sorted(
            str(row["g"])
            for row in rows
            if isinstance(row.get("g"), URIRef) and not is_vocabulary(str(row["g"]))
        )

    def remove_graphs(self, names: Sequence[str]) -> None:
        """Drop each named graph of ``names`` by the Graph Store Protocol (``DELETE
        …?graph=IRI`` at ``store_url``).

        One request a graph: the protocol has no transaction across graphs, but a DELETE
        is idempotent, so a refused or cut connection is retried, and running the
        removal again ends one stopped halfway. The vocabulary's graph is refused.
        """
        base = self.store_url
        for name in names:
            check_iri(name, "le nom du graphe")
            if is_vocabulary(name):
                raise StoreError(f"le graphe {name} est le vocabulaire du serveur : il reste.")
            http_request(
                "DELETE",
                graph_url(base, name),
                data=b"",
                headers={},
                timeout=self.timeout,
                retries=self.retries,
                what=f"retrait du graphe <{name}> de {redact_url(base)}",
            )

    def close(self) -> None:
        """Nothing to release: each request opens and closes its own connection."""
