"""``carto --feuille-de-route``: an Oxigraph store holding two roadmaps, through the CLI only."""

import csv
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.cli import main

GP_BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
BIS_BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux-bis/"
BIS_ID = "grand-perigueux-bis"
BIS_TITLE = "Copie d'essai de la feuille de route du Grand Périgueux"
GP_TITLE = "Feuille de route territoriale d'inclusion numérique du Grand Périgueux"


def _data(html: str) -> dict[str, Any]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def _node_iris(path: Path) -> set[str]:
    data = _data(path.read_text(encoding="utf-8"))
    return {n["id"] for n in data["nodes"] if n["id"].startswith("http")}


@pytest.fixture(scope="module")
def bis_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded workbook under another identifier, title and base IRI."""
    from feuille_de_route.graph import GRAND_PERIGUEUX

    target = tmp_path_factory.mktemp("bis") / BIS_ID
    shutil.copytree(GRAND_PERIGUEUX, target)
    path = target / "feuille-de-route.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row.update({"identifiant": BIS_ID, "titre": BIS_TITLE, "iri de base": BIS_BASE})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_two_roadmaps_in_an_oxigraph_store(
    tmp_path: Path, bis_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "stockage"
    out = tmp_path / "cartes"
    # An empty store receives the Grand Périgueux; alone, it needs no choice.
    assert (
        main(
            [
                "carto",
                "--stockage",
                str(store),
                "--vue",
                "lacunes",
                "--sortie",
                str(tmp_path / "gp.html"),
            ]
        )
        == 0
    )
    html = (tmp_path / "gp.html").read_text(encoding="utf-8")
    assert "<title>Lacunes — Feuille de route territoriale" in html
    capsys.readouterr()

    # Loading the copy makes two: carto refuses to mix them and lists both.
    assert main(["carto", "--stockage", str(store), str(bis_folder), "--sortie", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : le stockage contient 2 feuilles de route")
    assert f"  - grand-perigueux : {GP_TITLE} <{GP_BASE}>" in err
    assert f"  - {BIS_ID} : {BIS_TITLE} <{BIS_BASE}>" in err
    assert "Traceback" not in err
    assert not out.exists()

    # Chosen by identifier: every page holds the copy's nodes only.
    args = ["carto", "--stockage", str(store), "--feuille-de-route", BIS_ID, "--sortie", str(out)]
    assert main(args) == 0
    pages = sorted(p for p in out.iterdir() if p.name != "index.html")
    assert any(p.name == "chantier-1.b.html" for p in pages)
    for page in pages:
        iris = _node_iris(page)
        assert iris and all(i.startswith(BIS_BASE) for i in iris), page.name

    # Chosen by IRI: one chantier's page of the Grand Périgueux itself.
    one = tmp_path / "1b.html"
    args = ["carto", "--stockage", str(store), "--feuille-de-route", GP_BASE]
    assert main([*args, "--chantier", "1.b", "--sortie", str(one)]) == 0
    iris = _node_iris(one)
    assert f"{GP_BASE}chantier/1.b" in iris
    assert all(i.startswith(GP_BASE) for i in iris)


def test_unknown_roadmap_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "carte.html"
    code = main(
        [
            "carto",
            "--vue",
            "feuille-de-route",
            "--feuille-de-route",
            "ailleurs",
            "--sortie",
            str(out),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "feuille de route inconnue « ailleurs »" in err
    assert f"  - grand-perigueux : {GP_TITLE}" in err
    assert not out.exists()
