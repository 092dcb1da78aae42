"""``feuille-de-route retirer``: a roadmap leaves a store with its lieux; an unknown IRI or a
bad argument removes nothing, in French (the server case: tests/graph/store/test_removal.py)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.cli import main
from feuille_de_route.graph.store import OxigraphStore, roadmap_graph_name
from feuille_de_route.queries import NOTHING_FOUND_EXIT

from ..graph.store.conftest import roadmap


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, str, str]:
    folder = tmp_path / "stockage"
    perigueux, bergerac = roadmap("Perigueux", "200040392"), roadmap("Bergerac", "200027183")
    lieux = Graph()
    base = roadmap_graph_name(perigueux)
    lieux.parse(
        data=f'<{base}lieu/1> <http://www.w3.org/2000/01/rdf-schema#label> "L" .', format="turtle"
    )
    with closing(OxigraphStore(folder)) as store:
        for graph in (perigueux, bergerac):
            store.add_graph(graph, roadmap_graph_name(graph))
        store.add_graph(lieux, base + "lieux")
    return folder, base, roadmap_graph_name(bergerac)


def test_retirer_on_a_store(two: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, perigueux, bergerac = two
    assert main(["retirer", "…/nulle-part/", "…/perigueux/", "--stockage", str(folder)]) == 2
    assert "Rien n'a été retiré" in capsys.readouterr().err
    assert main(["retirer", "…/perigueux/", "--stockage", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"Retirée : <{perigueux}> (et <{perigueux}lieux>)." in out
    assert "ne contient plus" not in out
    assert main(["retirer", bergerac, "--stockage", str(folder)]) == 0
    assert "ne contient plus aucune feuille de route" in capsys.readouterr().out
    with closing(OxigraphStore(folder)) as store:
        assert store.graph_names() == []


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["pas une iri"], "n'est pas une IRI"),
        (["…/x/", "--stockage", "/nonexistent/stockage"], "n'existe pas"),
        (["…/x/", "--stockage", ".", "--delai", "0"], "--delai"),
    ],
)
def test_retirer_refuses_in_french(
    argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if "--stockage" not in argv:
        argv = [*argv, "--stockage", "."]
    assert main(["retirer", *argv]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_an_emptied_store_stays_empty_for_the_next_query(
    two: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A store emptied by retirer got the demo Grand Périgueux at the next query: only a
    # store the command creates gets it now.
    folder, perigueux, bergerac = two
    assert main(["retirer", perigueux, bergerac, "--stockage", str(folder)]) == 0
    capsys.readouterr()
    code = main(["requete", "feuilles-de-route", "--stockage", str(folder), "--format", "csv"])
    assert code == NOTHING_FOUND_EXIT
    assert "grand-perigueux" not in capsys.readouterr().out
    with closing(OxigraphStore(folder)) as store:
        assert store.graph_names() == []
    fresh = folder.parent / "neuf"
    assert main(["requete", "feuilles-de-route", "--stockage", str(fresh), "--format", "csv"]) == 0
    assert "grand-perigueux" in capsys.readouterr().out
