"""Issue 11, item 6: one question over two live SPARQL servers at once (``SERVICE``).

Two real ``oxigraph serve`` processes on 127.0.0.1 (one pair for the module), each
holding one made-up territory of ``territoires_essai``: A the Pays de l'Été, B
Saint-Cernin. ``operant-ailleurs-federe`` asks, from one store, which national programmes
operate in the other server's roadmaps: answers are checked against the rows written by
hand in ``territoires_essai``, on a server (A calling B), on rdflib and on Oxigraph on
disk. Only the servers the user names are reached: a third server that records every
request gets none; a server that is down gives a French message, never a traceback.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route import UserError
from feuille_de_route.cli import main
from feuille_de_route.graph.store import (
    EndpointStore,
    MemoryStore,
    OxigraphStore,
    Store,
    vocabulary_graph,
)
from feuille_de_route.graph.store._values import with_values
from feuille_de_route.queries import get_query, run_query_text, run_select, to_python
from feuille_de_route.queries._guard import bind_services, endpoint_allowed
from feuille_de_route.queries._parameters import bind_parameters

from ..graph.store.conftest import OxigraphServer, free_port
from ..sharing.arq import cells, json_table
from ..sharing.conftest import Jena, jena  # noqa: F401  (the session fixture)
from .territoires_essai import ETE, GP, LEON, PN, three_territories

pytestmark = [pytest.mark.server, pytest.mark.timeout(300)]

QUERY = "operant-ailleurs-federe"
KEYS = ("programme", "chezMoi", "feuilleDeRoute", "nbRessources", "nbChantiers")
# Saint-Cernin (B) operates France Services (fs on b1); its conseiller numérique is only
# known, its shared association names no programme. The Pays de l'Été (A) operates the
# Conseillers numériques (cnum on é1); its France Services is only known.
FROM_ETE = [(PN + "france-services", "connue", LEON, 1, 1)]
FROM_LEON = [(PN + "conseillers-numeriques", "connue", ETE, 1, 1)]
# The Grand Périgueux names no national programme: France Services is absent there.
FROM_GP = [(PN + "france-services", "absente", LEON, 1, 1)]


class Recorder:
    """A SPARQL-looking server on 127.0.0.1 that remembers every request it got."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self
        empty = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(empty)))
                self.end_headers()
                self.wfile.write(empty)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/query"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


@pytest.fixture(scope="module")
def servers(
    graphs: dict[str, Graph], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, OxigraphServer]]:
    """A holds the Pays de l'Été, B Saint-Cernin (each with the vocabulary)."""
    folder = tmp_path_factory.mktemp("serveurs")
    started: dict[str, OxigraphServer] = {}
    try:
        for name, iri in (("A", ETE), ("B", LEON)):
            server = OxigraphServer(folder / name, folder / f"{name}.log")
            server.start()
            started[name] = server
            EndpointStore(server.url, timeout=30).add_graph(graphs[iri], iri)
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.close()


def _query_url(server: OxigraphServer) -> str:
    return f"{server.url}/query"


def _allowed(server: OxigraphServer) -> str:
    return f"127.0.0.1:{server.port}"


def _rows(store: Store, mine: str, server: str, federation: list[str]) -> list[tuple[object, ...]]:
    params = {"maFeuilleDeRoute": mine, "serveur": server}
    result = run_select(get_query(QUERY), store, params, federation=federation)
    return [tuple(to_python(row[k]) for k in KEYS) for row in result.rows]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["requete", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_server_asks_the_other(
    servers: dict[str, OxigraphServer], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = servers["A"], servers["B"]
    code, out, err = _cli(
        capsys,
        QUERY,
        "--endpoint",
        a.url,
        "--federation",
        _allowed(b),
        "-p",
        f"maFeuilleDeRoute={ETE}",
        "-p",
        f"serveur={_query_url(b)}",
        "--format",
        "json",
    )
    assert code == 0, err
    bindings = json.loads(out)["results"]["bindings"]
    got = [tuple(row[k]["value"] for k in KEYS) for row in bindings]
    assert got == [tuple(map(str, row)) for row in FROM_ETE]
    assert bindings[0]["titre"] == {
        "type": "literal",
        "value": "Feuille de route de Saint-Cernin",
        "xml:lang": "fr",
    }
    assert bindings[0]["programmeLabel"]["value"] == "France Services"
    # And the other way round: B asks A.
    rows = _rows(EndpointStore(b.url, timeout=30), LEON, _query_url(a), [_allowed(a)])
    assert rows == FROM_LEON


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_the_embedded_store_asks_a_server(
    engine: str,
    graphs: dict[str, Graph],
    servers: dict[str, OxigraphServer],
    tmp_path: Path,
) -> None:
    b = servers["B"]
    for mine, expected in ((ETE, FROM_ETE), (GP, FROM_GP)):
        store: Store
        if engine == "rdflib":
            store = MemoryStore(graphs[mine], timeout=60)
        else:
            store = OxigraphStore(tmp_path / mine.rsplit("/", 2)[-2], timeout=60)
            store.add_graph(graphs[mine], mine)
        assert _rows(store, mine, _query_url(b), [_query_url(b)]) == expected


def test_same_strings_on_every_engine(
    graphs: dict[str, Graph], servers: dict[str, OxigraphServer], tmp_path: Path
) -> None:
    a, b = servers["A"], servers["B"]
    oxigraph = OxigraphStore(tmp_path / "ox")
    oxigraph.add_graph(graphs[ETE], ETE)
    stores: dict[str, Store] = {
        "serveur": EndpointStore(a.url, timeout=60),
        "rdflib": MemoryStore(graphs[ETE], timeout=60),
        "oxigraph": oxigraph,
    }
    params = {"maFeuilleDeRoute": ETE, "serveur": _query_url(b)}
    tables = {
        name: [
            {k: (v.n3() if v is not None else None) for k, v in row.items()}
            for row in run_select(get_query(QUERY), store, params, federation=[_allowed(b)]).rows
        ]
        for name, store in stores.items()
    }
    assert tables["serveur"], "aucune ligne : la comparaison ne prouverait rien"
    assert tables["rdflib"] == tables["serveur"] == tables["oxigraph"]


def test_jena_arq_gives_the_same_strings(
    jena: Jena,  # noqa: F811  (the fixture imported above)
    graphs: dict[str, Graph],
    servers: dict[str, OxigraphServer],
    tmp_path: Path,
) -> None:
    """Jena ARQ (its own ``arq.sparql``, no compiling), the project's third engine: the
    Pays de l'Été and the vocabulary in its default graph, asking B."""
    b = servers["B"]
    query = get_query(QUERY)
    params = {"maFeuilleDeRoute": ETE, "serveur": _query_url(b)}
    bindings = bind_parameters(query, params)
    text, bindings = bind_services(query.text, bindings, QUERY, [_allowed(b)])
    data = tmp_path / "ete.nt"
    (graphs[ETE] + vocabulary_graph()).serialize(data, format="nt", encoding="utf-8")
    rq = tmp_path / "requete.rq"
    rq.write_text(with_values(text, bindings), encoding="utf-8")
    command = [jena.java, "-cp", jena.classpath, "arq.sparql", "--data", str(data)]
    done = subprocess.run(
        [*command, "--query", str(rq), "--results", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (tmp_path / "arq.json").write_text(done.stdout, encoding="utf-8")
    store = MemoryStore(graphs[ETE], timeout=60)
    result = run_select(query, store, params, federation=[_allowed(b)])
    expected = tuple(tuple(cells(row.get(v)) for v in result.variables) for row in result.rows)
    assert expected, "aucune ligne : la comparaison ne prouverait rien"
    assert json_table(tmp_path / "arq.json") == (tuple(result.variables), expected)


def test_a_server_not_named_is_never_reached(
    servers: dict[str, OxigraphServer],
    recorder: Recorder,
    graphs: dict[str, Graph],
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = servers["A"], servers["B"]
    # The third server, on the same host as B but another port: B's host:port only.
    code, out, err = _cli(
        capsys,
        QUERY,
        "--endpoint",
        a.url,
        "--federation",
        _allowed(b),
        "-p",
        f"maFeuilleDeRoute={ETE}",
        "-p",
        f"serveur={recorder.url}",
    )
    assert code == 2
    assert "SERVICE" in err and "refusé" in err and "Traceback" not in err + out
    # A query naming both: refused as a whole, before any request.
    both = (
        "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>\n"
        f"SELECT * WHERE {{ SERVICE <{_query_url(b)}> {{ ?r a fdr:FeuilleDeRoute }}\n"
        f"  SERVICE <{recorder.url}> {{ ?r ?p ?o }} }}"
    )
    with pytest.raises(UserError, match="SERVICE"):
        run_query_text(both, MemoryStore(graphs[ETE]))
    # Allowed by address: that endpoint only, not another path of the same server.
    assert endpoint_allowed(_query_url(b), [_query_url(b)])
    other_path = recorder.url.replace("/query", "/autre")
    assert not endpoint_allowed(other_path, [recorder.url])
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("url", "allowed", "expected"),
    [
        ("http://127.0.0.1:7878/query", "127.0.0.1", True),
        ("http://127.0.0.1:7878/query", "127.0.0.1:7878", True),
        ("http://127.0.0.1:7879/query", "127.0.0.1:7878", False),
        ("http://127.0.0.1/query", "127.0.0.1:80", True),
        ("https://donnees.exemple.fr/sparql", "DONNEES.exemple.fr.", True),
        ("https://donnees.exemple.fr/sparql", "https://donnees.exemple.fr/sparql", True),
        ("http://donnees.exemple.fr/sparql", "https://donnees.exemple.fr/sparql", False),
        ("https://donnees.exemple.fr:8443/sparql", "https://donnees.exemple.fr/sparql", False),
        ("https://donnees.exemple.fr/autre", "https://donnees.exemple.fr/sparql", False),
        ("https://autre.exemple.fr/sparql", "donnees.exemple.fr", False),
        ("http://[::1]:7878/query", "[::1]:7878", True),
        ("http://[::1]:7878/query", "[::1]", True),
        ("ftp://127.0.0.1/query", "127.0.0.1", False),
        ("http://127.0.0.1:99999/query", "127.0.0.1", False),
    ],
)
def test_federation_names_a_host_a_port_or_an_address(
    url: str, allowed: str, expected: bool
) -> None:
    assert endpoint_allowed(url, [allowed]) is expected


def test_a_server_that_is_down_gives_a_french_message(
    servers: dict[str, OxigraphServer],
    graphs: dict[str, Graph],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    a = servers["A"]
    down = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    for where in (["--endpoint", a.url], []):
        code, out, err = _cli(
            capsys,
            QUERY,
            *where,
            "--federation",
            "127.0.0.1",
            "-p",
            f"maFeuilleDeRoute={ETE}",
            "-p",
            f"serveur={down}",
        )
        assert code == 2, err
        assert "ne répond pas" in err and down in err, err
        assert "Traceback" not in err + out and out == ""
    oxigraph = OxigraphStore(tmp_path / "ox")
    oxigraph.add_graph(graphs[ETE], ETE)
    with pytest.raises(UserError, match="ne répond pas"):
        _rows(oxigraph, ETE, down, ["127.0.0.1"])


def test_a_server_parameter_is_required_and_checked(
    servers: dict[str, OxigraphServer], graphs: dict[str, Graph]
) -> None:
    store = MemoryStore(graphs[ETE])
    with pytest.raises(UserError, match="serveur"):
        run_select(get_query(QUERY), store, {"maFeuilleDeRoute": ETE}, federation=["127.0.0.1"])
    with pytest.raises(UserError, match="SERVICE"):
        _rows(store, ETE, "file:///etc/passwd", ["127.0.0.1"])


def test_a_users_query_names_its_server_by_a_parameter(
    servers: dict[str, OxigraphServer], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = servers["B"]
    rq = tmp_path / "autre.rq"
    rq.write_text(
        "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>\n"
        "SELECT ?r WHERE { SERVICE ?_serveur { ?r a fdr:FeuilleDeRoute } }\n",
        encoding="utf-8",
    )
    base = ["--fichier", str(rq), "--format", "csv"]
    code, out, err = _cli(capsys, *base, "--federation", _query_url(b), "-p", "serveur=")
    assert code == 2 and "--param serveur=URL" in err  # an empty value binds nothing
    server = f"serveur=<{_query_url(b)}>"
    code, out, err = _cli(capsys, *base, "--federation", _query_url(b), "-p", server)
    assert code == 0, err
    assert out.split() == ["r", LEON]
