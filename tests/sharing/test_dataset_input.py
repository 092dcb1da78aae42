"""Issue 10, item 5: ``load_roadmap`` reads the TriG and N-Quads exports (the same bounded,
defused reading as the other formats), so ``valider``, ``carto`` and ``requete`` take
them; a dataset file holding several roadmaps is read whole, and the command says so and
how to pick one."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from feuille_de_route.cli import main
from feuille_de_route.graph import DataError, InputLimits, export_graph, load_roadmap
from feuille_de_route.graph.store import roadmap_graph_name

OTHER = "https://w3id.org/feuille-de-route/territoires/autre-copie/"


@pytest.fixture(scope="module")
def gp() -> Graph:
    return load_roadmap(None)


@pytest.fixture(scope="module")
def exported(gp: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    export_graph(gp, folder)
    return folder


@pytest.mark.parametrize("name", ["feuille-de-route.trig", "feuille-de-route.nq"])
def test_dataset_exports_read_back_as_the_roadmap(name: str, gp: Graph, exported: Path) -> None:
    assert isomorphic(load_roadmap(exported / name), gp)


@pytest.mark.parametrize("name", ["feuille-de-route.trig", "feuille-de-route.nq"])
def test_dataset_files_are_bounded_like_the_others(name: str, exported: Path) -> None:
    with pytest.raises(DataError, match="plus de 100 triplets"):
        load_roadmap(exported / name, InputLimits(max_triples=100))


def _two_roadmaps(gp: Graph, path: Path) -> Path:
    """The Grand Périgueux and a copy under another base IRI, one named graph each."""
    base = roadmap_graph_name(gp)
    dataset = Dataset()
    first = dataset.graph(URIRef(base))
    first.addN((s, p, o, first) for s, p, o in gp)
    text = gp.serialize(format="nt").replace(base, OTHER)
    other = dataset.graph(URIRef(OTHER))
    other.parse(data=text, format="nt")
    dataset.serialize(path, format="nquads", encoding="utf-8")
    return path


def test_several_roadmaps_are_read_and_named(
    gp: Graph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _two_roadmaps(gp, tmp_path / "deux.nq")
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        graph = load_roadmap(path)
    assert len(graph) == 2 * len(gp) - len(
        [t for t in gp if not str(t[0]).startswith(roadmap_graph_name(gp))]
    )
    assert "contient 2 feuilles de route" in caplog.text
    assert OTHER in caplog.text and "--param feuilleDeRoute=IRI" in caplog.text


def test_requete_and_valider_take_a_dataset_file(
    gp: Graph, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["requete", "actions", str(exported / "feuille-de-route.trig")]) == 0
    assert "1.a.1" in capsys.readouterr().out
    path = _two_roadmaps(gp, tmp_path / "deux.nq")
    code = main(
        ["requete", "actions", str(path), "--param", f"feuilleDeRoute={OTHER}", "--format", "csv"]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "contient 2 feuilles de route" in err
    chantiers = {line.split(",")[0] for line in out.strip().splitlines()[1:]}
    assert chantiers and all(c.startswith(OTHER) for c in chantiers)
    assert main(["valider", str(exported / "feuille-de-route.nq"), "--sans-raisonneur"]) in (0, 1)
    assert "valide" in capsys.readouterr().out.lower()
