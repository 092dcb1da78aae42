"""Query rows → graph → layout → page, without a browser."""

import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feuille_de_route import UserError
from feuille_de_route.viz import Results, build_cartography, json_for_html, render_view
from feuille_de_route.viz._graph import (
    build_chantier_graph,
    build_gaps_graph,
    build_roadmap_graph,
)
from feuille_de_route.viz._layout import chantier_layout, gaps_layout, roadmap_layout


def page_data(html: str) -> dict[str, Any]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "données de la page introuvables"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@given(st.text())
def test_json_for_html_round_trips_and_cannot_close_the_script(text: str) -> None:
    embedded = json_for_html({"t": text, "l": [text]})
    assert json.loads(embedded) == {"t": text, "l": [text]}
    lowered = embedded.lower()
    assert "</" not in lowered and "<!--" not in lowered and "<" not in lowered
    assert "\u2028" not in embedded and "\u2029" not in embedded


def test_chantier_graph_follows_the_fiche(results: Results, kit: Any) -> None:
    iri = kit.iri
    graph = build_chantier_graph(results, "1.b")
    centre = iri("chantier", "1.b")
    assert graph.nodes[centre]["kind"] == "chantier"
    # Solid where the resource operates, dashed where only known, none for the others.
    assert graph.edges[centre, iri("ressource", "centres-sociaux")]["kind"] == "operante"
    assert graph.edges[centre, iri("ressource", "bus")]["kind"] == "connueSansLien"
    recycleurs = iri("ressource", "recycleurs")
    assert graph.nodes[recycleurs].get("sansLien") is True
    assert graph.degree(recycleurs) == 0
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert {"partenaire", "materielle", "intervenant", "financement", "groupe"} <= kinds
    # Pilot and associated actors, and the défi's coordinating service, are linked.
    assert graph.edges[iri("service", "enfance"), centre]["label"] == "pilote"
    assert graph.edges[iri("acteur", "francas"), centre]["label"] == "associé"
    assert "du défi" in graph.edges[iri("service", "alsh"), centre]["label"]
    titles = [s["titre"] for s in graph.nodes[centre]["details"]]
    for title in ("Description", "Critères de réussite", "Freins à lever", "Gouvernance"):
        assert title in titles
    # Other chantiers are not drawn in this view.
    assert iri("chantier", "3.a") not in graph


def test_chantier_layout_puts_each_kind_in_its_own_sector(results: Results, kit: Any) -> None:
    iri = kit.iri
    graph = build_chantier_graph(results, "1.b")
    pos = chantier_layout(graph)
    assert set(pos) == set(graph)
    assert pos[iri("chantier", "1.b")] == (0.0, 0.0)
    by_kind: dict[str, list[float]] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] in {"partenaire", "materielle", "intervenant", "financement"}:
            x, y = pos[node]
            by_kind.setdefault(data["kind"], []).append(math.atan2(y, x))
    for angles in by_kind.values():
        assert max(angles) - min(angles) < math.radians(60)
    centres = sorted(sum(a) / len(a) for a in by_kind.values())
    assert all(b - a > math.radians(40) for a, b in itertools.pairwise(centres))


def _min_distance(pos: dict[str, tuple[float, float]]) -> float:
    points = list(pos.values())
    return min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])


def test_roadmap_graph_and_layout(results: Results, kit: Any) -> None:
    iri = kit.iri
    graph = build_roadmap_graph(results)
    kinds = [d["kind"] for _, d in graph.nodes(data=True)]
    assert kinds.count("enjeu") == 2 and kinds.count("defi") == 5
    assert kinds.count("chantier") == 7 and kinds.count("action") == 14
    assert kinds.count("service") == 2
    pos = roadmap_layout(graph)
    assert set(pos) == set(graph)
    assert _min_distance(pos) > 20
    # Rings: enjeux inside défis inside chantiers inside actions.
    radius: dict[str, list[float]] = {k: [] for k in ("enjeu", "defi", "chantier", "action")}
    for node, data in graph.nodes(data=True):
        if data["kind"] in radius:
            radius[data["kind"]].append(math.hypot(*pos[node]))
    order = ["enjeu", "defi", "chantier", "action"]
    for inner, outer in itertools.pairwise(order):
        assert max(radius[inner]) < min(radius[outer])
    # The défi filter reaches up to enjeux and down to resources.
    defi1 = iri("defi", "1")
    assert defi1 in graph.nodes[iri("enjeu", "1")]["defis"]
    assert defi1 in graph.nodes[iri("ressource", "caf")]["defis"]
    assert defi1 not in graph.nodes[iri("ressource", "recycleurs")]["defis"]


def test_gaps_graph_flags_and_sizes(results: Results, kit: Any) -> None:
    iri = kit.iri
    html = render_view(results, "lacunes")
    data = page_data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[iri("chantier", "1.a")].get("alerte") is True  # no resource at all
    assert not nodes[iri("chantier", "1.b")].get("alerte")
    shared = nodes[iri("ressource", "cnfs")]  # 3 chantiers
    single = nodes[iri("ressource", "fablab")]  # 1 chantier
    assert shared["size"] > single["size"]
    assert shared["metrique"] > single["metrique"]
    assert "betweenness" in html
    titles = [liste["titre"] for liste in data["listes"]]
    assert titles == [
        "Chantiers sans ressource opérante",
        "Ressources connues à activer",
        "Ressources partagées par plusieurs chantiers",
    ]
    graph = build_gaps_graph(results)
    pos = gaps_layout(graph)
    assert set(pos) == set(graph)
    assert _min_distance(pos) > 20


def test_page_is_self_contained(results: Results) -> None:
    html = render_view(results, "chantier", "1.b")
    assert "vis.Network" in html  # vis-network inlined
    for attribute in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html):
        assert not re.match(r"(?i)(https?:)?//", attribute), attribute
    for url in re.findall(r"url\(([^)]*)\)", html):
        assert url.strip("\"' ").startswith("data:"), url
    for host in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "bootstrap.min", "tom-select"):
        assert host not in html
    assert "Content-Security-Policy" in html


def test_payloads_never_reach_the_markup_raw(kit: Any) -> None:
    html = render_view(kit.sample_results(payload=kit.PAYLOAD), "chantier", "1.b")
    assert "<img src=x" not in html
    assert "<script>window" not in html
    assert "<b>gras</b>" not in html
    # The title is escaped text, the data is JSON that parses back to the payload.
    assert "&lt;img src=x" in html.split("</title>")[0]
    data = page_data(html)
    centre = next(n for n in data["nodes"] if n["kind"] == "chantier")
    assert centre["nom"].endswith(kit.PAYLOAD)


def test_views_and_chantiers_are_checked(results: Results) -> None:
    with pytest.raises(UserError, match="vue inconnue"):
        render_view(results, "carte")
    with pytest.raises(UserError, match="identifiant du chantier"):
        render_view(results, "chantier")
    with pytest.raises(UserError, match=r"chantier inconnu « 9\.z »"):
        render_view(results, "chantier", "9.z")


def test_build_cartography_from_the_store(gp_store: Any) -> None:
    from feuille_de_route.queries import run_query

    html = build_cartography(gp_store, "chantier", "1.b")
    data = page_data(html)
    rows = run_query("mobilisations", gp_store, chantier="1.b")
    assert rows
    centre = next(n["id"] for n in data["nodes"] if n["kind"] == "chantier")
    edges = {e["to"]: e for e in data["edges"] if e["from"] == centre and "statut" in e}
    for row in rows:
        edge = edges[row["ressource"]]
        dashed = str(row["statut"]).endswith("#connueSansLien")
        assert bool(edge["dashes"]) is dashed
        assert (edge.get("hypothese") is not None) is bool(row["hypothese"])
    with pytest.raises(UserError, match="chantier inconnu"):
        build_cartography(gp_store, "chantier", "99")


def test_write_cartographies(gp_pages: Path, gp_store: Any, kit: Any) -> None:
    from feuille_de_route.queries import run_query

    ids = sorted({str(r["chantierId"]) for r in run_query("arbre", gp_store)})
    names = {p.name for p in gp_pages.iterdir()}
    assert {"index.html", "feuille-de-route.html", "lacunes.html"} <= names
    assert {f"chantier-{i}.html" for i in ids} <= names
    assert not [n for n in names if n.endswith(".tmp")]
    index = (gp_pages / "index.html").read_text(encoding="utf-8")
    for name in names - {"index.html"}:
        assert f'href="{name}"' in index
    assert kit.BASE not in index
