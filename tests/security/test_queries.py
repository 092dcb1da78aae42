"""Issue 9, query side: a query reaches nothing outside the store, and stops in time.

Rows 1, 2 and 14 of the issue's table, and the query time limit (``--delai``). Each
attack is built here: a ``.rq`` file and a server on 127.0.0.1 that records whether it
was contacted.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from feuille_de_route import UserError
from feuille_de_route.cli import main
from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import run_query_text

_EMPTY_RESULTS = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()


class Recorder:
    """A SPARQL-looking server on 127.0.0.1 that remembers every request it got."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(_EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(_EMPTY_RESULTS)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return MemoryStore(load_roadmap(None))


def _rq(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "attaque.rq"
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("where", ["memoire", "stockage"])
def test_service_is_refused_and_the_server_never_contacted(
    where: str, recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _rq(tmp_path, f"SELECT * WHERE {{ SERVICE <{recorder.url}sparql> {{ ?s ?p ?o }} }}")
    extra = ["--stockage", str(tmp_path / "ox")] if where == "stockage" else []
    code, out, err = _run(capsys, "requete", "--fichier", str(rq), *extra)
    assert code == 2
    assert "SERVICE" in err and "--federation 127.0.0.1" in err
    assert "Traceback" not in err + out
    assert recorder.requests == []


def test_service_through_a_prefix_or_a_variable_is_refused(
    recorder: Recorder, store: MemoryStore
) -> None:
    hidden = (
        f"PREFIX d: <{recorder.url}> "
        "SELECT * WHERE { { SELECT * WHERE { SERVICE d:q { ?s ?p ?o } } } }"
    )
    with pytest.raises(UserError, match="SERVICE"):
        run_query_text(hidden, store)
    variable = f"SELECT * WHERE {{ BIND(<{recorder.url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}"
    with pytest.raises(UserError, match="variable"):
        run_query_text(variable, store)
    assert recorder.requests == []


@pytest.mark.parametrize(
    "template",
    [
        "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\U00000053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?s ?p 'x' . SERVICE <{url}> {{ ?s ?p ?o }} }} # '",
    ],
)
def test_service_spelled_to_escape_the_quick_check_is_still_refused(
    recorder: Recorder, store: MemoryStore, template: str
) -> None:
    """Queries whose code has no SERVICE nor FROM skip rdflib's parse (queries/_guard)."""
    with pytest.raises(UserError, match="SERVICE"):
        run_query_text(template.format(url=recorder.url), store)
    assert recorder.requests == []


def test_service_to_an_endpoint_is_refused_before_sending_anything(
    recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Recorder()
    try:
        rq = _rq(tmp_path, f"SELECT * WHERE {{ SERVICE <{other.url}> {{ ?s ?p ?o }} }}")
        code, _, err = _run(capsys, "requete", "--fichier", str(rq), "--endpoint", recorder.url)
    finally:
        other.close()
    assert code == 2 and "SERVICE" in err
    assert recorder.requests == [] and other.requests == []


def test_federation_allows_a_listed_host_only(
    recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _rq(tmp_path, f"SELECT * WHERE {{ SERVICE <{recorder.url}sparql> {{ ?s ?p ?o }} }}")
    code, _, err = _run(capsys, "requete", "--fichier", str(rq), "--federation", "serveur.example")
    assert code == 2 and recorder.requests == []
    code, _, err = _run(capsys, "requete", "--fichier", str(rq), "--federation", "127.0.0.1")
    assert code == 0, err
    assert recorder.requests, "the allowed server was not asked"


def test_from_file_reads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: MemoryStore
) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:p> 'MOT-DE-PASSE' .\n", encoding="utf-8")
    for clause in ("FROM", "FROM NAMED"):
        rq = _rq(tmp_path, f"SELECT * {clause} <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")
        code, out, err = _run(capsys, "requete", "--fichier", str(rq))
        assert code == 2
        assert "FROM" in err and "MOT-DE-PASSE" not in out + err
        assert "Traceback" not in err
    # The store itself never loads a FROM graph either (a library caller skips the guard).
    rows = store.select(f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", {})
    assert all("MOT-DE-PASSE" not in str(row.get("o")) for row in rows.rows)


def test_from_http_is_never_fetched(
    recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _rq(tmp_path, f"SELECT * FROM <{recorder.url}donnees.ttl> WHERE {{ ?s ?p ?o }}")
    code, _, err = _run(capsys, "requete", "--fichier", str(rq))
    assert code == 2 and "FROM" in err
    assert recorder.requests == []


def test_from_the_stores_own_graph_is_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
    rq = _rq(tmp_path, f"SELECT (COUNT(*) AS ?n) FROM <{own}> WHERE {{ ?s ?p ?o }}")
    code, out, err = _run(capsys, "requete", "--fichier", str(rq), "--format", "csv")
    assert code == 0, err
    assert int(out.splitlines()[1]) > 0


@pytest.mark.parametrize(
    "update",
    ["INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}", "LOAD <{url}donnees.ttl>", "DROP ALL"],
)
def test_update_is_reported_as_an_update_not_a_syntax_error(
    update: str, recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _rq(tmp_path, update.format(url=recorder.url))
    code, _, err = _run(capsys, "requete", "--fichier", str(rq))
    assert code == 2
    assert "les mises à jour SPARQL ne sont pas acceptées" in err
    assert "syntaxe" not in err
    assert recorder.requests == []


_CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("where", ["memoire", "stockage"])
def test_delai_stops_a_cartesian_product_on_local_stores(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _rq(tmp_path, _CARTESIAN)
    extra = ["--stockage", str(tmp_path / "ox")] if where == "stockage" else []
    code, out, err = _run(capsys, "requete", "--fichier", str(rq), "--delai", "1", *extra)
    assert code == 2
    assert "délai de 1 s" in err and "--delai" in err
    assert out == ""
