"""A real ``oxigraph serve``: the endpoint store agrees with rdflib, publishing replaces a
named graph in one request, and every server fault ends in a French error, in bounded
time, with the previous graph intact."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef

from feuille_de_route.graph.store import (
    VOCABULARY_GRAPH,
    EndpointStore,
    MemoryStore,
    SelectResult,
    StoreError,
    graph_store_url,
    publish,
    query_url,
    roadmap_graph_name,
    vocabulary_graph,
)

pytestmark = [pytest.mark.server, pytest.mark.timeout(120)]

PREFIXES = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
MOBILISATIONS = (
    PREFIXES
    + """
SELECT ?mobilisation ?chantierId ?ressourceLabel ?statut ?depuis ?hypothese WHERE {
  ?mobilisation fdr:chantier ?chantier ; fdr:ressource ?ressource ; fdr:statut ?statut .
  ?chantier dcterms:identifier ?chantierId . ?ressource rdfs:label ?ressourceLabel .
  OPTIONAL { ?mobilisation fdr:depuis ?depuis }
  OPTIONAL { ?mobilisation fdr:hypothese ?hypothese }
  FILTER(!BOUND(?_chantier) || ?chantierId = ?_chantier)
}"""
)
ARBRE = (
    PREFIXES
    + """
SELECT ?chantier ?chantierLabel (COUNT(?action) AS ?nbActions) WHERE {
  ?chantier a fdr:Chantier ; rdfs:label ?chantierLabel .
  OPTIONAL { ?action fdr:chantier ?chantier }
} GROUP BY ?chantier ?chantierLabel"""
)
TEXTES = (
    PREFIXES
    + """
SELECT ?s ?texte WHERE { ?s dcterms:description|fdr:hypothese|fdr:codeInsee|fdr:valeur ?texte }"""
)


def key(result: SelectResult) -> list[tuple[str, ...]]:
    return sorted(
        tuple(repr(row[name]) if row[name] is not None else "None" for name in result.variables)
        for row in result.rows
    )


def test_endpoint_agrees_with_memory(
    oxigraph_server: Any, perigueux: Graph, bergerac: Graph
) -> None:
    memory = MemoryStore(perigueux, engine="rdflib")
    memory.add_graph(bergerac, roadmap_graph_name(bergerac))
    endpoint = EndpointStore(oxigraph_server.url, timeout=10)
    for graph in (perigueux, bergerac):
        endpoint.add_graph(graph, roadmap_graph_name(graph))
    for query, bindings in [
        (MOBILISATIONS, {}),
        (MOBILISATIONS, {"_chantier": Literal("1.b")}),
        (ARBRE, {}),
        (TEXTES, {}),
    ]:
        expected = memory.select(query, bindings)
        got = endpoint.select(query, bindings)
        assert got.variables == expected.variables
        assert expected.rows
        assert key(got) == key(expected)
    ask = PREFIXES + "ASK { ?c dcterms:identifier ?_id }"
    assert endpoint.ask(ask, {"_id": Literal("1.a")}) is True
    assert endpoint.ask(ask, {"_id": Literal("zz")}) is False


@pytest.mark.parametrize(
    "hostile",
    [
        '1.b" } } SELECT * WHERE { ?s ?p ?o } #',
        '1.b") } DROP ALL ; INSERT DATA { <http://x/s> <http://x/p> "o" } #',
        "1.b\n} UNION { ?s ?p ?o }",
        "1.b'''\"\"\"\\",
    ],
)
def test_injection_strings_reach_the_server_as_values(
    hostile: str, oxigraph_server: Any, perigueux: Graph
) -> None:
    endpoint = EndpointStore(oxigraph_server.url, timeout=10)
    name = roadmap_graph_name(perigueux)
    endpoint.add_graph(perigueux, name)
    assert endpoint.select(MOBILISATIONS, {"_chantier": Literal(hostile)}).rows == []
    assert oxigraph_server.count(name) == len(perigueux)


def test_data_text_round_trips_through_the_server(oxigraph_server: Any) -> None:
    awkward = 'guillemets " et \\ barre, accents éà, saut\nde ligne, } { # <x>'
    graph = Graph()
    graph.add((URIRef("http://exemple.fr/s"), URIRef("http://exemple.fr/p"), Literal(awkward)))
    endpoint = EndpointStore(oxigraph_server.url, timeout=10)
    endpoint.add_graph(graph, "http://exemple.fr/g")
    rows = endpoint.select(
        "SELECT ?o WHERE { ?s ?p ?o FILTER(?o = ?_o) }", {"_o": Literal(awkward)}
    )
    assert [row["o"] for row in rows.rows] == [Literal(awkward)]


def test_publish_replaces_the_named_graph(
    oxigraph_server: Any, perigueux: Graph, bergerac: Graph
) -> None:
    name = roadmap_graph_name(perigueux)
    assert publish(perigueux, oxigraph_server.url, name) == len(perigueux)
    publish(bergerac, oxigraph_server.url, roadmap_graph_name(bergerac))
    smaller = Graph()
    for triple in perigueux:
        if "action/" not in str(triple[0]):
            smaller.add(triple)
    publish(smaller, oxigraph_server.url + "/query", name)
    assert oxigraph_server.count(name) == len(smaller) < len(perigueux)
    assert oxigraph_server.count(roadmap_graph_name(bergerac)) == len(bergerac)


def test_publish_puts_the_vocabulary_the_catalogue_reads_labels_from(
    oxigraph_server: Any, perigueux: Graph
) -> None:
    """The server gets the ontology's vocabulary graph with the roadmap, so the catalogue's
    labels (statuses, kinds, roles) come back from a server as from the other stores."""
    publish(perigueux, oxigraph_server.url, roadmap_graph_name(perigueux))
    assert oxigraph_server.count(VOCABULARY_GRAPH) == len(vocabulary_graph())
    from feuille_de_route.queries import run_query

    rows = run_query("mobilisations", EndpointStore(oxigraph_server.url, timeout=10))
    assert rows and {row["statutLabel"] for row in rows} <= {"opérante", "connue, sans lien"}
    assert all(row["typeLabel"] for row in rows)


def test_urls() -> None:
    assert query_url("http://h:7878") == "http://h:7878/query"
    assert query_url("http://h:3030/ds/query") == "http://h:3030/ds/query"
    assert graph_store_url("http://h:7878/") == "http://h:7878/store"
    assert graph_store_url("http://h:7878/query") == "http://h:7878/store"
    assert graph_store_url("http://h:3030/ds") == "http://h:3030/ds"
    with pytest.raises(StoreError, match="adresse de serveur SPARQL invalide"):
        query_url("ftp://h/x")


# ---- faults ---------------------------------------------------------------------------


def test_unreachable_server(perigueux: Graph) -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = EndpointStore(f"http://127.0.0.1:{port}", timeout=5, retries=1)
    with pytest.raises(StoreError, match="injoignable") as error:
        endpoint.select(ARBRE, {})
    assert "2 tentatives" in str(error.value) and "connexion refusée" in str(error.value)
    with pytest.raises(StoreError, match="publication du graphe"):
        publish(perigueux, f"http://127.0.0.1:{port}", "http://exemple.fr/g", retries=0)


def test_server_that_never_answers(tiny_server: Callable[..., Any]) -> None:
    gate = threading.Event()
    silent = tiny_server(lambda conn: gate.wait(30))  # accepts, reads nothing, says nothing
    try:
        endpoint = EndpointStore(silent.url, timeout=0.5, retries=3)
        with pytest.raises(StoreError, match=r"n'a pas répondu dans le délai de 0\.5 s"):
            endpoint.select(ARBRE, {})
        assert silent.connections == 1  # a timeout is not retried
    finally:
        gate.set()


def _reply(status: str, body: bytes) -> Callable[[socket.socket], None]:
    def handle(conn: socket.socket) -> None:
        conn.recv(65536)
        conn.sendall(
            f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n".encode()
            + body
        )
        conn.close()

    return handle


def test_http_error_carries_the_server_message(oxigraph_server: Any) -> None:
    endpoint = EndpointStore(oxigraph_server.url, timeout=10)
    with pytest.raises(StoreError, match="400") as error:
        endpoint.select("SELECT ?x WHERE { ?x ?y }", {})
    assert "requête au serveur SPARQL" in str(error.value)
    assert "error" in str(error.value).lower()  # Oxigraph's own parser message


def test_busy_server_is_retried_a_bounded_number_of_times(tiny_server: Callable[..., Any]) -> None:
    busy = tiny_server(_reply("503 Service Unavailable", "surchargé, réessayez".encode()))
    endpoint = EndpointStore(busy.url, timeout=5, retries=2)
    with pytest.raises(StoreError, match="503") as error:
        endpoint.select(ARBRE, {})
    assert "surchargé, réessayez" in str(error.value)
    assert busy.connections == 3


def test_client_error_is_not_retried(tiny_server: Callable[..., Any]) -> None:
    refusing = tiny_server(_reply("403 Forbidden", b"The server is read-only"))
    with pytest.raises(StoreError, match="403 Forbidden : The server is read-only"):
        publish(Graph(), refusing.url, "http://exemple.fr/g", retries=2)
    assert refusing.connections == 1


def test_connection_cut_midway_through_an_upload(
    tiny_server: Callable[..., Any], perigueux: Graph
) -> None:
    def half_then_close(conn: socket.socket) -> None:
        conn.recv(2000)
        conn.close()

    cutting = tiny_server(half_then_close)
    with pytest.raises(StoreError, match="coupé") as error:
        publish(perigueux, cutting.url, roadmap_graph_name(perigueux), retries=1)
    assert "2 tentatives" in str(error.value)
    assert cutting.connections == 2


def test_refused_upload_leaves_the_previous_graph(oxigraph_server: Any, perigueux: Graph) -> None:
    name = roadmap_graph_name(perigueux)
    publish(perigueux, oxigraph_server.url, name)
    broken = Graph()
    for i in range(2000):
        broken.add((URIRef(f"http://exemple.fr/s{i}"), URIRef("http://exemple.fr/p"), Literal(i)))
    # rdflib writes this IRI as it is; the server's parser refuses the body with a 400.
    broken.add((URIRef("http://exemple.fr/%zz"), URIRef("http://exemple.fr/p"), Literal("x")))
    with pytest.raises(StoreError, match="400") as error:
        publish(broken, oxigraph_server.url, name)
    assert "publication du graphe" in str(error.value)
    assert "IRI" in str(error.value) or "line" in str(error.value)  # the server's own words
    assert oxigraph_server.count(name) == len(perigueux)


def test_unwritable_graph_is_a_french_error(perigueux: Graph) -> None:
    perigueux.add((URIRef("http://exemple.fr/a b"), URIRef("http://exemple.fr/p"), Literal("x")))
    with pytest.raises(StoreError, match="N-Triples"):
        publish(perigueux, "http://127.0.0.1:9", "http://exemple.fr/g", retries=0)


def test_server_killed_during_upload_keeps_the_previous_graph(
    oxigraph_server: Any, perigueux: Graph
) -> None:
    """Kill ``oxigraph serve`` once part of a large PUT has reached it; restart it on the
    same folder: the named graph is still the previous version, whole."""
    name = roadmap_graph_name(perigueux)
    publish(perigueux, oxigraph_server.url, name)
    big = Graph()
    for i in range(60_000):
        big.add((URIRef(f"{name}x/{i}"), URIRef("http://exemple.fr/p"), Literal(f"valeur {i}")))
    proxy = _KillingProxy(oxigraph_server, after_bytes=400_000)
    try:
        with pytest.raises(StoreError) as error:
            publish(big, proxy.url, name, retries=1, timeout=20)
        assert "publication du graphe" in str(error.value)
        assert proxy.killed.is_set()
    finally:
        proxy.close()
    oxigraph_server.start()  # same folder, new process
    assert oxigraph_server.count(name) == len(perigueux)
    endpoint = EndpointStore(oxigraph_server.url, timeout=10)
    assert len(endpoint.select(ARBRE, {}).rows) == 2


class _KillingProxy:
    """Forwards a client to the server; once ``after_bytes`` of the request have gone
    through, kills the server process (SIGKILL) and drops the connection."""

    def __init__(self, server: Any, after_bytes: int) -> None:
        self.server = server
        self.after_bytes = after_bytes
        self.killed = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with client:
                if self.killed.is_set():
                    continue  # the server is gone: the client sees the connection closed
                with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as up:
                    sent = 0
                    client.settimeout(10)
                    while sent < self.after_bytes:
                        chunk = client.recv(65536)
                        if not chunk:
                            break
                        up.sendall(chunk)
                        sent += len(chunk)
                    self.server.kill()
                    self.killed.set()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()
