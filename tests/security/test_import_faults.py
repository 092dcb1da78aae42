"""``importer`` against misbehaving servers — real ``http.server`` instances on 127.0.0.1:
a source that does not answer, answers 500, announces or streams 10 GB, trickles past the
total deadline, sends broken Turtle, redirects to ``file:``, or claims IRIs of another
territory. Each gives a French message naming the address; the territory it aimed at
stays as it was in the store; the good source beside them is imported."""

from __future__ import annotations

import contextlib
import http.server
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from feuille_de_route.graph import InputLimits
from feuille_de_route.graph.importer import (
    FetchLimits,
    ImportOutcome,
    Reading,
    SourceError,
    fetch,
    import_sources,
)
from feuille_de_route.graph.store import OxigraphStore

from ..graph.store.import_territories import (
    FOYEN_IRI,
    GRAND_PERIGUEUX_IRI,
    ISLE_IRI,
    LocalServer,
    Territories,
)

pytestmark = pytest.mark.timeout(300)

MEGABYTE = 1024 * 1024
READING = Reading(InputLimits(max_bytes=2 * MEGABYTE), FetchLimits(2.0, 1.0, 4.0))


class Faulty(http.server.BaseHTTPRequestHandler):
    """Each path misbehaves its own way; ``FILES`` are served as they are."""

    FILES: ClassVar[dict[str, bytes]] = {}
    protocol_version = "HTTP/1.0"  # a body without length ends when the connection does

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name in self.FILES:
            self._send(200, self.FILES[name], "text/turtle")
        elif name == "muet.ttl":
            time.sleep(8)  # never answers within the read limit
        elif name == "erreur.ttl":
            self._send(500, b"panne du serveur", "text/plain")
        elif name == "annonce-10-go.ttl":
            self._head(200, {"Content-Length": str(10 * 1024**3)})
            self._stream()
        elif name == "sans-fin.ttl":
            self._head(200, {})
            self._stream()
        elif name == "goutte.ttl":
            self._head(200, {})
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(100):  # a byte every 0.2 s: each read in time, not the whole
                    self.wfile.write(b"#")
                    self.wfile.flush()
                    time.sleep(0.2)
        elif name == "vers-fichier":
            self._head(302, {"Location": "file:///etc/passwd"})
        else:
            self._send(404, b"absent", "text/plain")

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/turtle")
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self) -> None:
        line = b"# " + b"x" * 1022 + b"\n"
        chunk = line * 64
        try:
            for _ in range(10 * 1024**3 // len(chunk)):  # 10 GB, unless the client stops
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped at its limit, as it should


@pytest.fixture(scope="module")
def server(territories: Territories) -> Iterator[LocalServer]:
    claiming = Graph()
    for triple in territories.graphs[FOYEN_IRI]:
        claiming.add(triple)
    claiming.add((URIRef(ISLE_IRI + "chantier/1.a"), RDFS.label, Literal("Chantier volé")))
    Faulty.FILES = {
        "perigueux.jsonld": territories.perigueux_jsonld.read_bytes(),
        "casse.ttl": b"@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .\n<a> fdr:",
        "voleur.ttl": claiming.serialize(format="turtle", encoding="utf-8"),
    }
    with LocalServer(Faulty) as running:
        yield running


def _count(store: OxigraphStore, name: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"
    return int(store.select(query, {"_g": URIRef(name)}).rows[0]["n"])  # type: ignore[arg-type]


FAULTS = {
    "muet.ttl": "n'a pas répondu dans le délai (lecture, 1 s)",
    "erreur.ttl": "le serveur a répondu 500 Internal Server Error : panne du serveur",
    "annonce-10-go.ttl": "dépasse la limite de taille de 2 Mo (10240.0 Mo annoncés)",
    "sans-fin.ttl": "dépasse la limite de taille de 2 Mo ; téléchargement arrêté",
    "goutte.ttl": "a dépassé le délai total de 4 s",
    "casse.ttl": "fichier RDF illisible (turtle) : Parser error at line 2",
    "vers-fichier": "redirection refusée",
    "voleur.ttl": "IRI d'un autre territoire",
}


@pytest.fixture(scope="module")
def faulty_run(
    territories: Territories, server: LocalServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[OxigraphStore, int, list[ImportOutcome]]:
    store = OxigraphStore(tmp_path_factory.mktemp("stockage") / "oxigraph")
    [first] = import_sources([territories.isle_xlsx], store)
    assert first.imported
    before = _count(store, ISLE_IRI)
    sources = [f"{server.url}/{name}" for name in FAULTS] + [f"{server.url}/perigueux.jsonld"]
    return store, before, import_sources(sources, store, READING)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_a_french_message_naming_the_address(
    faulty_run: tuple[OxigraphStore, int, list[ImportOutcome]], server: LocalServer, fault: str
) -> None:
    _, _, outcomes = faulty_run
    outcome = next(o for o in outcomes if o.source == f"{server.url}/{fault}")
    assert outcome.error is not None
    assert FAULTS[fault] in outcome.error
    assert server.url in outcome.error or fault == "voleur.ttl"
    assert "/tmp/" not in outcome.error  # a fetched file is named by its address


def test_the_store_is_unchanged_for_the_aimed_territory_and_the_good_source_is_in(
    faulty_run: tuple[OxigraphStore, int, list[ImportOutcome]],
) -> None:
    store, before, outcomes = faulty_run
    assert _count(store, ISLE_IRI) == before
    assert store.graph_names() == sorted([ISLE_IRI, GRAND_PERIGUEUX_IRI])
    assert [o.imported for o in outcomes] == [False] * len(FAULTS) + [True]


def test_an_endless_body_costs_at_most_about_the_limit_in_memory(server: LocalServer) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(SourceError, match="dépasse la limite de taille"):
            fetch(f"{server.url}/sans-fin.ttl", READING.limits, READING.fetch_limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * READING.limits.max_bytes


def test_a_server_that_refuses_connections(tmp_path: Path) -> None:
    [outcome] = import_sources(["http://127.0.0.1:9/x.ttl"], OxigraphStore(tmp_path / "s"), READING)
    assert outcome.error is not None and "connexion refusée" in outcome.error


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x.ttl", "gopher://x/", "http:///sans-hote"]
)
def test_only_http_addresses_are_fetched(url: str) -> None:
    with pytest.raises(SourceError, match="seules les adresses http:// et https://"):
        fetch(url, READING.limits, READING.fetch_limits)
