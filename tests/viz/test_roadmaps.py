"""A store holding several roadmaps: the cartography draws one, named, never a mix."""

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route import UserError
from feuille_de_route.viz import (
    build_cartography,
    choose_roadmap,
    list_roadmaps,
    write_cartographies,
)

GP_TITLE = "Feuille de route territoriale d'inclusion numérique du Grand Périgueux"
VIEWS = [("feuille-de-route", None), ("lacunes", None), ("chantier", "1.b")]

# rdflib 7 warns once per quad when querying a Dataset (the store's named graphs).
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")


Build = Callable[..., str]


@pytest.fixture(scope="module")
def built() -> Build:
    """``build_cartography``, each page built once per module: several tests read the
    same page of the same (session) store, and a page takes seconds to build."""
    cache: dict[tuple[int, str, str | None, str | None], str] = {}

    def build(
        store: Any, view: str, chantier: str | None = None, roadmap: str | None = None
    ) -> str:
        key = (id(store), view, chantier, roadmap)
        if key not in cache:
            cache[key] = build_cartography(store, view, chantier, roadmap)
        return cache[key]

    return build


def page_data(html: str) -> dict[str, Any]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "données de la page introuvables"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def iris_of(data: dict[str, Any]) -> set[str]:
    """Every IRI the page's nodes and links name (ids, ends, défi and chantier lists)."""
    found: set[str] = set()
    for node in data["nodes"]:
        found.add(node["id"])
        found.update(node["defis"])
        found.update(node["chantiers"])
    for edge in data["edges"]:
        found.update((edge["from"], edge["to"]))
    return {iri for iri in found if iri.startswith("http")}


def test_the_store_lists_both_roadmaps(two_roadmaps: Any, kit: Any) -> None:
    roadmaps = list_roadmaps(two_roadmaps)
    assert [(r.identifier, r.title) for r in roadmaps] == [
        ("grand-perigueux", GP_TITLE),
        (kit.BIS_ID, kit.BIS_TITLE),
    ]
    assert [r.iri for r in roadmaps] == [kit.BASE, kit.BIS_BASE]


@pytest.mark.parametrize(("view", "chantier"), VIEWS)
def test_no_choice_fails_with_the_french_list(
    two_roadmaps: Any, kit: Any, view: str, chantier: str | None
) -> None:
    with pytest.raises(UserError) as error:
        build_cartography(two_roadmaps, view, chantier)
    message = str(error.value)
    assert "2 feuilles de route" in message and "--feuille-de-route" in message
    for identifier, title in (("grand-perigueux", GP_TITLE), (kit.BIS_ID, kit.BIS_TITLE)):
        assert f"  - {identifier} : {title}" in message


def test_write_cartographies_without_choice_writes_nothing(
    two_roadmaps: Any, tmp_path: Path
) -> None:
    out = tmp_path / "cartes"
    with pytest.raises(UserError, match="feuilles de route"):
        write_cartographies(two_roadmaps, out)
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(("view", "chantier"), VIEWS)
def test_each_page_shows_only_its_roadmap(
    two_roadmaps: Any, gp_store: Any, kit: Any, built: Build, view: str, chantier: str | None
) -> None:
    alone = iris_of(page_data(built(gp_store, view, chantier)))
    assert alone and all(iri.startswith(kit.BASE) for iri in alone)
    # One chosen by its IRI, the other by its identifier.
    for base, choice in ((kit.BASE, kit.BASE), (kit.BIS_BASE, kit.BIS_ID)):
        data = page_data(built(two_roadmaps, view, chantier, choice))
        assert data["feuilleDeRoute"] == base
        shown = iris_of(data)
        # The same nodes as the roadmap alone, under its own base IRI, and nothing else.
        assert shown == {base + iri[len(kit.BASE) :] for iri in alone}


def test_every_page_of_the_copy(
    two_roadmaps: Any, gp_pages: Path, kit: Any, tmp_path: Path
) -> None:
    paths = write_cartographies(two_roadmaps, tmp_path, kit.BIS_ID)
    assert sorted(p.name for p in paths) == sorted(p.name for p in gp_pages.iterdir())
    for path in paths:
        html = path.read_text(encoding="utf-8")
        if path.name == "index.html":
            assert f"<title>Cartographies — {kit.BIS_TITLE}</title>" in html.replace("&#39;", "'")
            continue
        shown = iris_of(page_data(html))
        assert shown and all(iri.startswith(kit.BIS_BASE) for iri in shown), path.name


@pytest.mark.parametrize("choice", ["grand-perigueux-ter", "https://w3id.org/inconnue/", "1.b"])
def test_unknown_choice_lists_the_roadmaps(two_roadmaps: Any, kit: Any, choice: str) -> None:
    with pytest.raises(UserError) as error:
        build_cartography(two_roadmaps, "lacunes", roadmap=choice)
    message = str(error.value)
    assert message.startswith(f"feuille de route inconnue « {choice} »")
    assert f"  - {kit.BIS_ID} : {kit.BIS_TITLE} <{kit.BIS_BASE}>" in message


def test_one_roadmap_is_used_without_choice(gp_store: Any, kit: Any) -> None:
    chosen = choose_roadmap(gp_store)
    assert chosen is not None and chosen.iri == kit.BASE and chosen.name == GP_TITLE
    assert choose_roadmap(gp_store, "grand-perigueux") == chosen
    with pytest.raises(UserError, match="inconnue « grand-perigueux-bis »"):
        choose_roadmap(gp_store, "grand-perigueux-bis")


def test_two_roadmaps_sharing_an_identifier_need_the_iri(
    bis_folder: Path, kit: Any, tmp_path: Path
) -> None:
    import csv
    import shutil

    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore, roadmap_graph_name

    third = tmp_path / "ter"
    shutil.copytree(bis_folder, third)
    path = third / "feuille-de-route.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["iri de base"] = kit.BIS_BASE.replace("-bis/", "-ter/")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    store = MemoryStore()
    for folder in (bis_folder, third):
        graph = load_roadmap(folder)
        store.add_graph(graph, roadmap_graph_name(graph))
    with pytest.raises(UserError, match=f"plusieurs feuilles de route portent .*{kit.BIS_ID}"):
        choose_roadmap(store, kit.BIS_ID)
    chosen = choose_roadmap(store, rows[0]["iri de base"])
    assert chosen is not None and chosen.iri.endswith("-ter/")


@pytest.mark.parametrize(
    ("view", "chantier", "title"),
    [
        ("feuille-de-route", None, GP_TITLE),
        ("lacunes", None, f"Lacunes — {GP_TITLE}"),
    ],
)
def test_overview_titles_name_the_roadmap(
    gp_store: Any, built: Build, view: str, chantier: str | None, title: str
) -> None:
    import html as html_module

    page = built(gp_store, view, chantier)
    heading = re.search(r'<h1 id="titre">(.*?)</h1>', page, re.S)
    assert heading and html_module.unescape(heading.group(1)) == title
    head = re.search(r"<title>(.*?)</title>", page, re.S)
    assert head and html_module.unescape(head.group(1)) == title


def test_chantier_page_names_its_roadmap_above_the_title(
    two_roadmaps: Any, kit: Any, built: Build
) -> None:
    import html as html_module

    page = html_module.unescape(built(two_roadmaps, "chantier", "1.b", kit.BIS_ID))
    assert f'<p class="surtitre">{kit.BIS_TITLE}</p>' in page
    assert "<title>Chantier 1.b — " in page


def test_a_national_store_lists_the_first_roadmaps_and_says_how_many_more() -> None:
    from rdflib import RDF, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS

    from feuille_de_route.graph.store import MemoryStore

    fdr = Namespace("https://w3id.org/feuille-de-route/ontologie#")
    graph = Graph()
    for i in range(45):
        roadmap = URIRef(f"https://w3id.org/feuille-de-route/territoires/epci-{i:03d}/")
        graph.add((roadmap, RDF.type, fdr.FeuilleDeRoute))
        graph.add((roadmap, DCTERMS.identifier, Literal(f"epci-{i:03d}")))
        graph.add((roadmap, DCTERMS.title, Literal(f"Feuille de route n° {i}", lang="fr")))
    with pytest.raises(UserError) as error:
        choose_roadmap(MemoryStore(graph))
    lines = str(error.value).splitlines()
    assert lines[0].startswith("le stockage contient 45 feuilles de route")
    assert lines[1] == (
        "  - epci-000 : Feuille de route n° 0 "
        "<https://w3id.org/feuille-de-route/territoires/epci-000/>"
    )
    assert len(lines) == 1 + 30 + 1
    assert lines[-1].startswith("  … et 15 autres")
    chosen = choose_roadmap(MemoryStore(graph), "epci-044")
    assert chosen is not None and chosen.title == "Feuille de route n° 44"
