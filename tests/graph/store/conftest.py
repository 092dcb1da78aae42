"""Fixtures of the store tests: small roadmaps in the contract's vocabulary, a real
``oxigraph serve`` on a free loopback port, and tiny misbehaving servers."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.graph._synthesis import with_synthesis

ROADMAP = """
@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <{base}> .

<> a fdr:FeuilleDeRoute ; dcterms:title "Feuille de route {name}"@fr ;
   fdr:territoire <epci/{siren}> .
<epci/{siren}> a fdr:EPCI, fdr:Territoire ; fdr:siren "{siren}" ; rdfs:label "{name}"@fr .
<enjeu/1> a fdr:Enjeu ; dcterms:identifier "1" ; rdfs:label "Accès aux droits"@fr ;
   fdr:feuilleDeRoute <> .
<defi/1> a fdr:Defi ; dcterms:identifier "1" ; fdr:repondA <enjeu/1> ;
   rdfs:label "Défi « un »"@fr .
<chantier/1.a> a fdr:Chantier ; dcterms:identifier "1.a" ; fdr:defi <defi/1> ;
   rdfs:label "Chantier 1.a"@fr ; dcterms:description "Ligne 1\\nLigne \\"2\\""@fr .
<chantier/1.b> a fdr:Chantier ; dcterms:identifier "1.b" ; fdr:defi <defi/1> ;
   rdfs:label "Chantier 1.b"@fr ; fdr:enLienAvec <chantier/1.a> .
<action/1> a fdr:ActionConcrete ; dcterms:identifier "a1" ; fdr:chantier <chantier/1.b> ;
   rdfs:label "Action un"@fr .
<action/2> a fdr:ActionConcrete ; dcterms:identifier "a2" ; fdr:chantier <chantier/1.b> ;
   rdfs:label "Action deux"@fr .
<ressource/mednum> a fdr:Intervenant, fdr:Ressource ; dcterms:identifier "mednum" ;
   rdfs:label "Médiateurs numériques"@fr .
<ressource/ccas> a fdr:PartenaireDeProjet, fdr:Ressource ; dcterms:identifier "ccas" ;
   rdfs:label "CCAS"@fr .
<mobilisation/1.b/mednum> a fdr:Mobilisation ; fdr:chantier <chantier/1.b> ;
   fdr:ressource <ressource/mednum> ; fdr:statut fdr:operante ;
   fdr:depuis "2024-03-01"^^xsd:date .
<mobilisation/1.b/ccas> a fdr:Mobilisation ; fdr:chantier <chantier/1.b> ;
   fdr:ressource <ressource/ccas> ; fdr:statut fdr:connueSansLien ;
   fdr:hypothese "statut supposé" ; dcterms:source "atelier" .
<commune/24322> a fdr:Commune, fdr:Territoire ; fdr:codeInsee "24322" ;
   fdr:population 30000 ; fdr:epci <epci/{siren}> .
<commune/24322/ifn/total> a fdr:MesureDeFragilite ; fdr:commune <commune/24322> ;
   fdr:indicateur fdr:ifnTotal ; fdr:valeur 6.25 .
"""


def roadmap(name: str, siren: str) -> Graph:
    """A small roadmap of the contract's shape, with its synthèse as every roadmap the
    package builds or loads; ``name`` also makes its base IRI."""
    base = f"https://w3id.org/feuille-de-route/territoires/{name.lower()}/"
    graph = Graph()
    graph.parse(data=ROADMAP.format(base=base, name=name, siren=siren), format="turtle")
    return with_synthesis(graph)


@pytest.fixture
def perigueux() -> Graph:
    return roadmap("Perigueux", "200040392")


@pytest.fixture
def bergerac() -> Graph:
    return roadmap("Bergerac", "200027183")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("la commande oxigraph (paquet PyPI « oxigraph ») est absente")
    return found


class OxigraphServer:
    """A real ``oxigraph serve`` on 127.0.0.1, its data in ``location``; its default graph
    is the union of the named graphs unless ``union`` is false (Oxigraph's own default)."""

    def __init__(self, location: Path, log: Path, union: bool = True) -> None:
        self.location = location
        self.log = log
        self.union = union
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [
                    oxigraph_binary(),
                    "serve",
                    "--location",
                    str(self.location),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    *(["--union-default-graph"] if self.union else []),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()

    def _wait_ready(self) -> None:
        assert self.process is not None
        for _ in range(200):  # at most ~20 s
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph s'est arrêté : {self.log.read_text()[-2000:]}")
            request = urllib.request.Request(
                f"{self.url}/query",
                data=b"ASK {}",
                headers={"Content-Type": "application/sparql-query"},
            )
            try:
                with urllib.request.urlopen(request, timeout=1) as response:
                    json.load(response)
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph n'a pas démarré à temps")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def count(self, graph_name: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_name}> {{ ?s ?p ?o }} }}"
        request = urllib.request.Request(
            f"{self.url}/query",
            data=query.encode(),
            headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path / "oxigraph", tmp_path / "oxigraph.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


class TinyServer:
    """A loopback TCP server whose ``handle(conn)`` misbehaves on purpose; counts clients."""

    def __init__(self, handle: Callable[[socket.socket], None]) -> None:
        self.handle = handle
        self.connections = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._open.append(conn)
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            self.handle(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()
        for conn in self._open:
            with contextlib.suppress(OSError):
                conn.close()


@pytest.fixture
def tiny_server() -> Iterator[Callable[[Callable[[socket.socket], None]], TinyServer]]:
    servers: list[TinyServer] = []

    def make(handle: Callable[[socket.socket], None]) -> TinyServer:
        server = TinyServer(handle)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture
def make_roadmap() -> Callable[[str, str], Graph]:
    return roadmap
