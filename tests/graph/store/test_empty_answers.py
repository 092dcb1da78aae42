"""Issue 10, item 1: when ``requete`` finds nothing, it says why. A parameter that names
nothing in the store (a roadmap's IRI, a chantier's ID) or a server that keeps its named
graphs out of the default graph: a French message and exit code 3, not « 0 ligne ». A
legitimately empty answer: exit 0, the empty result, and a message saying that the
parameters name things that are there. In memory, in an Oxigraph folder and on a real
``oxigraph serve``."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from feuille_de_route.cli import main
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, publish, roadmap_graph_name
from feuille_de_route.ontology import FDR
from feuille_de_route.queries import NOTHING_FOUND_EXIT, explain_empty, get_query

from .conftest import OxigraphServer

GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"


def _requete(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["requete", *argv])
    gc.collect()  # an error's traceback holds the command's store (an Oxigraph folder's lock)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_code_is_three() -> None:
    assert NOTHING_FOUND_EXIT == 3


def test_unknown_chantier_in_memory(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _requete(capsys, "mobilisations", "--param", "chantier=9.z")
    assert code == 3
    assert out == ""
    assert "aucun chantier d'identifiant « 9.z » dans le stockage" in err
    assert "identifiants présents : 1.a, 1.b, " in err
    assert "0 ligne" not in out + err


def test_unknown_roadmap_in_memory_lists_those_present(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _requete(
        capsys, "arbre", "--param", "feuilleDeRoute=https://exemple.fr/absente/"
    )
    assert code == 3
    assert out == ""
    assert "aucune feuille de route d'IRI <https://exemple.fr/absente/> dans le stockage" in err
    assert f"celles présentes : {GP}" in err


def test_legitimately_empty_answer_exits_zero_with_the_empty_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _requete(
        capsys, "ressources-partagees", "--param", "minimum=500", "--format", "csv"
    )
    assert code == 0
    assert out.strip() == "ressource,ressourceLabel,typeLabel,nbChantiers"
    assert "Aucune ligne : les paramètres désignent bien des éléments du stockage" in err
    target = tmp_path / "vide.csv"
    code, _, err = _requete(
        capsys, "ressources-partagees", "--param", "minimum=500", "--sortie", str(target)
    )
    assert code == 0
    assert "0 ligne écrite" in err and "Aucune ligne" in err
    assert target.read_text(encoding="utf-8").strip()
    missing = tmp_path / "absent.csv"
    code, _, _ = _requete(capsys, "actions", "--param", "chantier=9.z", "--sortie", str(missing))
    assert code == 3
    assert not missing.exists()


def _with_chantier(graph: Graph, identifier: str) -> Graph:
    """``graph`` plus a chantier ``identifier`` under its first défi."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    base = roadmap_graph_name(graph)
    chantier = URIRef(f"{base}chantier/{identifier}")
    copy.add((chantier, RDF.type, FDR.Chantier))
    copy.add((chantier, DCTERMS.identifier, Literal(identifier)))
    copy.add((chantier, RDFS.label, Literal("Chantier ajouté", lang="fr")))
    copy.add((chantier, FDR.defi, URIRef(f"{base}defi/1")))
    return copy


def test_chantier_of_another_roadmap_in_an_oxigraph_folder(
    tmp_path: Path,
    perigueux: Graph,
    bergerac: Graph,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "stockage"
    store = OxigraphStore(folder)
    for graph in (_with_chantier(perigueux, "2.a"), bergerac):
        store.add_graph(graph, roadmap_graph_name(graph))
    store.close()
    gc.collect()
    bergerac_iri = roadmap_graph_name(bergerac)
    code, out, err = _requete(
        capsys,
        "actions",
        "--stockage",
        str(folder),
        "--param",
        "chantier=2.a",
        "--param",
        f"feuilleDeRoute={bergerac_iri}",
    )
    assert code == 3, err
    assert f"aucun chantier d'identifiant « 2.a » dans la feuille de route <{bergerac_iri}>" in err
    assert "identifiants présents : 1.a, 1.b." in err
    # In the roadmap that has it, the chantier has no action: a real empty answer.
    code, out, err = _requete(
        capsys,
        "actions",
        "--stockage",
        str(folder),
        "--param",
        "chantier=2.a",
        "--param",
        f"feuilleDeRoute={roadmap_graph_name(perigueux)}",
    )
    assert code == 0, err
    assert "0 ligne" in out
    assert "Aucune ligne" in err


def test_an_empty_store_has_no_roadmap() -> None:
    found = explain_empty(get_query("arbre"), MemoryStore(), {})
    assert found is not None and found.exit_code == 3
    assert "le stockage ne contient aucune feuille de route" in str(found)


@pytest.mark.server
def test_unknown_chantier_on_oxigraph_serve(
    oxigraph_server: Any, perigueux: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(perigueux, f"{oxigraph_server.url}/query", roadmap_graph_name(perigueux))
    endpoint = f"{oxigraph_server.url}/query"
    code, out, err = _requete(
        capsys, "mobilisations", "--endpoint", endpoint, "--param", "chantier=9.z"
    )
    assert code == 3
    assert "aucun chantier d'identifiant « 9.z » dans le stockage" in err
    code, out, err = _requete(
        capsys, "mobilisations", "--endpoint", endpoint, "--param", "chantier=1.b"
    )
    assert code == 0
    assert "2 lignes" in out


@pytest.mark.server
def test_server_without_union_default_graph_is_named(
    tmp_path: Path, perigueux: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression test for issue 10: a server keeping its named graphs out of the default
    graph made every catalogue query print « 0 ligne »."""
    server = OxigraphServer(tmp_path / "oxigraph", tmp_path / "oxigraph.log", union=False)
    server.start()
    try:
        endpoint = f"{server.url}/query"
        publish(perigueux, endpoint, roadmap_graph_name(perigueux))
        code, out, err = _requete(capsys, "mobilisations", "--endpoint", endpoint)
    finally:
        server.stop()
    assert code == 3
    assert out == ""
    assert "le serveur ne montre pas ses graphes nommés dans le graphe par défaut" in err
    assert "oxigraph serve --union-default-graph" in err
