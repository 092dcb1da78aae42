"""``publier`` and the shared store options, through the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from feuille_de_route import UserError
from feuille_de_route.cli import main
from feuille_de_route.cli._store_options import add_store_arguments, open_store
from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import (
    EndpointStore,
    MemoryStore,
    OxigraphStore,
    roadmap_graph_name,
    vocabulary_graph,
)

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_store_arguments(parser)
    return parser.parse_args(list(argv))


def _count(store: Any) -> int:
    """Triples of the roadmaps held: the union less the ontology's vocabulary graph."""
    return int(store.select(COUNT, {}).rows[0]["n"]) - len(vocabulary_graph())


def test_default_is_the_grand_perigueux_in_memory() -> None:
    store = open_store(_args())
    assert isinstance(store, MemoryStore)
    assert _count(store) == len(load_roadmap(None)) > 1000


def test_storage_folder_gets_the_grand_perigueux_once(tmp_path: Path) -> None:
    folder = tmp_path / "stockage"
    store = open_store(_args("--stockage", str(folder)))
    assert isinstance(store, OxigraphStore)
    size = _count(store)
    assert size == len(load_roadmap(None))
    store.close()
    again = open_store(_args("--stockage", str(folder)))
    assert _count(again) == size  # not loaded twice


def test_storage_with_a_workbook_replaces_its_roadmap(tmp_path: Path, perigueux: Graph) -> None:
    folder = tmp_path / "stockage"
    first = open_store(_args("--stockage", str(folder)))  # the Grand Périgueux
    base = _count(first)
    del first
    nt = tmp_path / "perigueux.nt"
    perigueux.serialize(nt, format="nt", encoding="utf-8")
    store = open_store(_args(str(nt), "--stockage", str(folder)))
    assert _count(store) == base + len(perigueux)
    store.close()
    smaller = Graph()
    for triple in perigueux:
        if "action/" not in str(triple[0]):
            smaller.add(triple)
    smaller.serialize(nt, format="nt", encoding="utf-8")
    store = open_store(_args(str(nt), "--stockage", str(folder)))
    assert _count(store) == base + len(smaller)
    assert roadmap_graph_name(perigueux) in store.graph_names()  # type: ignore[attr-defined]


def test_endpoint_option_and_refusals() -> None:
    store = open_store(_args("--endpoint", "http://127.0.0.1:7878"))
    assert isinstance(store, EndpointStore) and store.url == "http://127.0.0.1:7878/query"
    with pytest.raises(UserError, match="publier"):
        open_store(_args("classeur.xlsx", "--endpoint", "http://127.0.0.1:7878"))
    with pytest.raises(UserError, match="--delai"):
        open_store(_args("--endpoint", "http://127.0.0.1:7878", "--delai", "0"))
    with pytest.raises(SystemExit):
        _args("--endpoint", "http://x", "--stockage", "d")  # one place at a time


@pytest.mark.server
@pytest.mark.timeout(120)
def test_publier_command(oxigraph_server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publier", "--endpoint", oxigraph_server.url]) == 0
    out = capsys.readouterr().out
    graph = load_roadmap(None)
    name = roadmap_graph_name(graph)
    assert f"{len(graph)} triplets" in out and name in out
    assert oxigraph_server.count(name) == len(graph)
    # The graph's name is always the roadmap's IRI, where the catalogue reads it.
    assert main(["publier", "--endpoint", oxigraph_server.url + "/query"]) == 0
    assert oxigraph_server.count(name) == len(graph)
    with pytest.raises(SystemExit):
        main(["publier", "--endpoint", oxigraph_server.url, "--graphe", "https://exemple.fr/g"])


@pytest.mark.timeout(60)
def test_publier_unreachable_is_a_french_error(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["publier", "--endpoint", f"http://127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : publication du graphe") and "injoignable" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("delay", ["0", "-5", "inf", "nan"])
def test_publier_refuses_a_delay_that_is_no_positive_finite_time(
    delay: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Checked before anything is read or sent: the address is never contacted.
    assert main(["publier", "--endpoint", "http://127.0.0.1:9", "--delai", delay]) == 2
    err = capsys.readouterr().err
    assert "--delai doit être un nombre de secondes positif" in err and "Traceback" not in err
