"""``requete`` on a store of several roadmaps: a chantier ID alone matches each of them."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap
from feuille_de_route.graph.store import OxigraphStore, roadmap_graph_name

OTHER = "https://w3id.org/feuille-de-route/territoires/essai-requete-plusieurs/"


def _copy_under_other_base(folder: Path) -> Path:
    target = folder / "autre"
    shutil.copytree(GRAND_PERIGUEUX, target)
    path = target / "feuille-de-route.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0].update({"identifiant": "essai", "iri de base": OTHER})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="module")
def two_roadmaps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    base = tmp_path_factory.mktemp("plusieurs")
    folder = base / "stockage"
    store = OxigraphStore(folder)
    gp = load_roadmap(None)
    for graph in (gp, load_roadmap(_copy_under_other_base(base))):
        store.add_graph(graph, roadmap_graph_name(graph))
    store.flush()
    store.close()
    return folder, roadmap_graph_name(gp)


def _chantiers(out: str) -> set[str]:
    return {row["chantier"] for row in csv.DictReader(io.StringIO(out))}


def test_chantier_id_without_roadmap_warns_and_names_each_roadmap(
    capsys: pytest.CaptureFixture[str], two_roadmaps: tuple[Path, str]
) -> None:
    folder, gp_iri = two_roadmaps
    argv = ["requete", "fiche-chantier", "-p", "chantier=1.b", "--stockage", str(folder)]
    assert main([*argv, "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "Attention" in err and "« 1.b »" in err and "feuilleDeRoute" in err
    assert {c.split("/chantier/")[0] + "/" for c in _chantiers(out)} == {gp_iri, OTHER}

    assert main([*argv, "-p", f"feuilleDeRoute={gp_iri}", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert _chantiers(out) == {f"{gp_iri}chantier/1.b"}


def test_one_roadmap_gives_no_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["requete", "mobilisations", "-p", "chantier=1.b", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("\n") > 2


def test_a_command_releases_its_oxigraph_folder_for_the_next_one(
    capsys: pytest.CaptureFixture[str], two_roadmaps: tuple[Path, str]
) -> None:
    folder, _ = two_roadmaps
    argv = ["requete", "fiche-chantier", "-p", "chantier=1.b", "--stockage", str(folder)]
    for _ in range(3):
        assert main([*argv, "--format", "csv"]) == 0
    assert "LOCK" not in capsys.readouterr().err
