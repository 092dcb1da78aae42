"""The gaps map: short labels, and label boxes kept apart by the layout."""

import itertools
import json
import math
import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import pytest

from feuille_de_route.viz import Results, render_view, results_from_rows
from feuille_de_route.viz._graph import build_gaps_graph
from feuille_de_route.viz._label_ring import Box, spread_ring, walk_ring
from feuille_de_route.viz._labels import label_box, map_label
from feuille_de_route.viz._layout import _box, gaps_layout
from feuille_de_route.viz._metrics import size_by_betweenness


def page_nodes(html: str) -> dict[str, dict[str, Any]]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match
    return {n["id"]: n for n in json.loads(match.group(1))["nodes"]}


def test_gaps_map_names_chantiers_shortly_and_keeps_full_titles(results: Results, kit: Any) -> None:
    nodes = page_nodes(render_view(results, "lacunes"))
    chantiers = [n for n in nodes.values() if n["kind"] == "chantier"]
    assert len(chantiers) == 7
    for node in chantiers:
        assert node["label"] == f"Chantier {node['ident']}"
        # Tooltip, details and search read ``nom``: the full title.
        assert len(node["nom"]) > len(node["label"])
    assert nodes[kit.iri("chantier", "2.b")]["nom"].startswith("Construire un outil")


def test_map_label_leaves_a_long_name_s_parenthesis_to_the_details() -> None:
    long = "Robotique, informatique, outils numériques (fixe ou itinérants)"
    assert map_label({"kind": "materielle", "label": long}) == (
        "Robotique, informatique, outils numériques"
    )
    assert map_label({"kind": "partenaire", "label": "Réseau (CnFS)"}) == "Réseau (CnFS)"
    assert map_label({"kind": "chantier", "label": "Titre", "ident": "1.b"}) == "Chantier 1.b"
    assert map_label({"kind": "action", "label": "Former", "ident": "a1"}) == " "


def test_label_box_wraps_words_within_the_width() -> None:
    width, height = label_box("Centres sociaux/Espaces Vie sociale Animateurs", 14, 120)
    assert width <= 120 and height >= 3 * 14 and height % 14 == 0
    one_line = label_box("Centres sociaux/Espaces Vie sociale Animateurs", 14, None)
    assert one_line[1] == 14 and one_line[0] > 120


def _overlapping(graph: "nx.DiGraph[str]", pos: dict[str, tuple[float, float]]) -> list[Any]:
    boxes = {n: _box(d, True) for n, d in graph.nodes(data=True)}
    out = []
    for a, b in itertools.combinations(graph, 2):
        (xa, ya), (xb, yb), ba, bb = pos[a], pos[b], boxes[a], boxes[b]
        if (
            abs(xa - xb) < ba.half + bb.half
            and ya - ba.up < yb + bb.down
            and yb - bb.up < ya + ba.down
        ):
            out.append((a, b))
    return out


def _random_gaps_graph(chantiers: int, resources: int, seed: int) -> "nx.DiGraph[str]":
    """Query rows of a made-up roadmap, some resources shared by many chantiers."""
    rng = random.Random(seed)
    base = "https://example.org/fdr/"
    arbre = [
        {
            "defi": f"{base}defi/{c // 3}",
            "defiId": str(c // 3 + 1),
            "defiLabel": f"Défi {c // 3 + 1}",
            "chantier": f"{base}chantier/{c}",
            "chantierId": f"{c // 3 + 1}.{c}",
            "chantierLabel": f"Chantier numéro {c} : un intitulé long qui couvrirait les autres",
        }
        for c in range(chantiers)
    ]
    kinds = ["PartenaireDeProjet", "RessourceMaterielle", "Intervenant", "Financement"]
    mobilisations = []
    for r in range(resources):
        home = rng.randrange(chantiers)
        linked = {home} | {rng.randrange(chantiers) for _ in range(rng.choice([0, 0, 1, 4]))}
        words = " ".join(
            rng.choice(["réseau", "local", "numérique", "des", "tiers-lieux"])
            for _ in range(rng.randrange(1, 9))
        )
        for c in sorted(linked):
            mobilisations.append(
                {
                    "chantier": f"{base}chantier/{c}",
                    "chantierId": f"{c // 3 + 1}.{c}",
                    "ressource": f"{base}ressource/{r}",
                    "ressourceId": f"r{r}",
                    "ressourceLabel": f"Ressource {r} {words}",
                    "type": "https://w3id.org/feuille-de-route/ontologie#" + kinds[r % 4],
                    "statut": "https://w3id.org/feuille-de-route/ontologie#operante",
                }
            )
    rows: dict[str, Sequence[Mapping[str, object]]] = {
        "arbre": arbre,
        "mobilisations": mobilisations,
    }
    results = results_from_rows(rows)
    graph = build_gaps_graph(results)
    size_by_betweenness(graph)
    return graph


@pytest.mark.parametrize(("chantiers", "resources", "seed"), [(10, 21, 0), (40, 150, 1), (3, 2, 2)])
def test_gaps_layout_keeps_label_boxes_apart(chantiers: int, resources: int, seed: int) -> None:
    graph = _random_gaps_graph(chantiers, resources, seed)
    pos = gaps_layout(graph)
    assert set(pos) == set(graph)
    assert _overlapping(graph, pos) == []
    # Chantiers linked to resources are inside the resources' ring.
    linked = [n for n, d in graph.nodes(data=True) if d["kind"] == "chantier" and graph.degree(n)]
    others = [n for n, d in graph.nodes(data=True) if d["kind"] != "chantier"]
    assert max(math.hypot(*pos[n]) for n in linked) < min(math.hypot(*pos[n]) for n in others)


def test_walk_ring_fits_boxes_and_spread_keeps_order() -> None:
    boxes = [Box(60, 20, 50)] * 12
    angles, radius = walk_ring(boxes, -math.pi / 2, 10)
    assert len(angles) == 12 and angles == sorted(angles)
    assert angles[-1] - angles[0] < 2 * math.pi
    # Wanted all at the same place, they are pushed apart around it, order kept.
    placed = spread_ring([(0.1 * i, Box(60, 20, 50)) for i in range(5)], radius * 2)
    assert placed is not None and placed == sorted(placed)
    assert spread_ring([(0.0, Box(500, 20, 500))] * 40, 100) is None
