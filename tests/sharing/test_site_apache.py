"""The published site behind a real Apache httpd from Debian (``apache2``), started here
on 127.0.0.1 with the site's own ``.htaccess``: content negotiation for a thing of every
kind, the ontology's IRI, the catalogue and the exports.

A missing ``/usr/sbin/apache2`` skips these tests (fails them under ``CI=true``). Apache
runs in the foreground (``-X``), so it works the same as root (as CI runs) and not.
"""

import http.client
import json
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from feuille_de_route.graph import load_roadmap
from feuille_de_route.ontology import ONTOLOGY_PATH
from feuille_de_route.viz import write_site
from feuille_de_route.viz._site_paths import thing_path

from .conftest import require

APACHE = Path("/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class Server:
    port: int
    site: Path
    graph: Graph

    def get(self, path: str, accept: str = HTML, **headers: str) -> "Reply":
        """GET ``/path`` with these headers; redirects are not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", "/" + path, headers={"Accept": accept, **headers})
            response = connection.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    content: bytes

    def getheader(self, name: str, default: str = "") -> str:
        lowered = {k.lower(): v for k, v in self.headers.items()}
        return lowered.get(name.lower(), default)


def body(reply: Reply) -> bytes:
    return reply.content


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _config(folder: Path, site: Path, port: int) -> Path:
    modules = ("mpm_prefork", "authz_core", "mime", "dir", "rewrite", "headers", "alias")
    loads = "\n".join(f"LoadModule {m}_module {MODULES}/mod_{m}.so" for m in modules)
    config = folder / "httpd.conf"
    config.write_text(
        f"""\
ServerRoot "{folder}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{folder}/httpd.pid"
ErrorLog "{folder}/error.log"
DefaultRuntimeDir "{folder}"
LogLevel warn
{loads}
TypesConfig /etc/mime.types
DocumentRoot "{site}"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "{site}">
  AllowOverride All
  Require all granted
</Directory>
<FilesMatch "^\\.ht">
  Require all denied
</FilesMatch>
""",
        encoding="utf-8",
    )
    return config


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = log.read_text(encoding="utf-8") if log.exists() else ""
            pytest.fail(f"apache2 s'est arrêté ({process.returncode}) : {error}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail("apache2 n'écoute pas après 30 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    require(APACHE.exists(), f"Apache httpd introuvable ({APACHE}) : paquet Debian apache2")
    port = _free_port()
    folder = tmp_path_factory.mktemp("apache")
    site = folder / "site"
    graph = load_roadmap(None)
    write_site(graph, site, f"http://127.0.0.1:{port}/")
    config = _config(folder, site, port)
    process = subprocess.Popen(
        [str(APACHE), "-X", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process, folder / "error.log")
        yield Server(port, site, graph)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _one_of_every_kind(graph: Graph) -> list[str]:
    """One IRI per kind of thing: per first path segment and depth (the roadmap too)."""
    chosen: dict[tuple[str, int], str] = {}
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}, key=str):
        path = thing_path(str(subject), BASE)
        if path is None:
            continue
        segments = path.split("/")
        chosen.setdefault((segments[0], len(segments)), str(subject))
    return sorted(chosen.values())


KINDS = _one_of_every_kind(load_roadmap(None))


def test_every_kind_is_checked() -> None:
    kinds = {iri[len(BASE) :].split("/")[0] for iri in KINDS}
    expected = {"enjeu", "defi", "chantier", "action", "ressource", "service", "acteur"}
    expected |= {"commune", "typologie", "groupe", "mobilisation", "coordination", "epci"}
    assert expected <= kinds
    assert BASE in KINDS


@pytest.mark.parametrize("iri", KINDS)
def test_turtle_html_and_jsonld_by_accept_header(server: Server, iri: str) -> None:
    path = iri[len(BASE) :]
    turtle = server.get(path, "text/turtle")
    assert turtle.status == 200
    assert turtle.getheader("Content-Type", "").startswith("text/turtle")
    assert "Accept" in turtle.getheader("Vary", "")
    parsed = Graph().parse(data=body(turtle), format="turtle")
    assert (URIRef(iri), None, None) in parsed
    assert set(parsed) == set(server.graph.cbd(URIRef(iri)))

    page = server.get(path, HTML)
    assert page.status == 200
    assert page.getheader("Content-Type", "").startswith("text/html")
    assert "Accept" in page.getheader("Vary", "")
    text = body(page).decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and iri in text

    jsonld = server.get(path, "application/ld+json")
    assert jsonld.status == 200
    assert jsonld.getheader("Content-Type", "").startswith("application/ld+json")
    assert "Accept" in jsonld.getheader("Vary", "")
    parsed = Graph().parse(data=body(jsonld), format="json-ld")
    assert (URIRef(iri), None, None) in parsed
    assert len(parsed) == len(server.graph.cbd(URIRef(iri)))


def test_without_accept_header_a_thing_is_its_page(server: Server) -> None:
    response = server.get("chantier/1.b", "*/*")
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/html")


def test_the_ontology_iri_gives_fdr_ttl_to_a_turtle_client(server: Server) -> None:
    for path in ("ontologie", "ontologie/", "ontologie/0.1.0"):
        response = server.get(path, "text/turtle")
        assert response.status == 200, path
        assert response.getheader("Content-Type", "").startswith("text/turtle")
        assert body(response) == ONTOLOGY_PATH.read_bytes()


def test_the_ontology_iri_gives_its_documentation_to_a_browser(server: Server) -> None:
    redirect = server.get("ontologie", HTML)
    assert redirect.status == 303
    assert redirect.getheader("Location", "").endswith("/ontologie/")
    french = body(server.get("ontologie/", HTML)).decode("utf-8")
    assert '<html lang="fr">' in french and "Classes" in french
    english = server.get("ontologie/", HTML, **{"Accept-Language": "en-GB,en;q=0.8"})
    assert '<html lang="en">' in body(english).decode("utf-8")


def test_the_catalogue_iri_negotiates_its_dcat_description(server: Server) -> None:
    response = server.get("catalogue", "text/turtle")
    assert response.getheader("Content-Type", "").startswith("text/turtle")
    description = Graph().parse(data=body(response), format="turtle")
    catalogue = URIRef(BASE + "catalogue")
    assert (catalogue, ns.RDF.type, ns.DCAT.Catalog) in description
    assert server.get("catalogue", HTML).getheader("Content-Type", "").startswith("text/html")


def test_every_distribution_downloads_with_its_media_type_and_size(server: Server) -> None:
    description = Graph().parse(server.site / "catalogue.ttl")
    distributions = list(description.subjects(ns.RDF.type, ns.DCAT.Distribution))
    assert len(distributions) == 5
    for node in distributions:
        url = str(description.value(node, ns.DCAT.downloadURL))
        assert url.startswith(f"http://127.0.0.1:{server.port}/")
        response = server.get(url.split("/", 3)[3], "*/*")
        assert response.status == 200
        media = str(description.value(node, ns.DCAT.mediaType)).rsplit("media-types/", 1)[1]
        assert response.getheader("Content-Type", "").split(";")[0] == media
        assert len(body(response)) == int(str(description.value(node, ns.DCAT.byteSize)))


def test_a_folder_that_is_no_thing_lists_its_content(server: Server) -> None:
    redirect = server.get("chantier", HTML)
    assert redirect.status == 301
    assert redirect.getheader("Location", "").endswith("/chantier/")
    listing = body(server.get("chantier/", HTML)).decode("utf-8")
    assert 'href="1.b.html"' in listing


def test_the_rules_files_are_not_served(server: Server) -> None:
    assert server.get(".htaccess", "*/*").status == 403
    assert server.get("w3id/.htaccess", "*/*").status == 403


def test_the_jsonld_of_a_thing_carries_its_context_inline(server: Server) -> None:
    data = json.loads(body(server.get("chantier/1.b", "application/ld+json")))
    assert isinstance(data["@context"], dict)
    assert data["@context"]["fdr"] == "https://w3id.org/feuille-de-route/ontologie#"
