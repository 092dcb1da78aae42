"""The comparison map's page: the cartography page (legend, filters, search, details;
``templates/carto.html`` and ``static/carto.js``) with the middle column's marks.

The shared programmes and themes are node kinds of their own, and their links kinds of
their own: this module gives them their look, their legend entries and their details;
filter choices name the territory each défi or chantier belongs to.
"""

import json
import secrets
from typing import Any

import networkx as nx

from ._assets import json_for_html, own_assets, vis_library
from ._comparison_data import MINE, OTHER
from ._comparison_graph import MIDDLE_KINDS
from ._filters import filters
from ._labels import map_label
from ._layout import Positions
from ._legend import legend
from ._options import network
from ._page import Page, _environment

__all__ = ["LEGIBLE", "MIDDLE_LINKS", "MIDDLE_NODES", "render_comparison_page"]

VIEW = "comparaison"
# Up to this many nodes the map is framed with legible labels at first sight (see
# carto.js: labels enlarged to 12 px on screen); a larger pair is framed whole at its
# own type size and read zoomed in (its fixed columns have no room for enlarged labels).
LEGIBLE = 24

# Middle node kind → (vis-network shape, colour, size).
MIDDLE_NODES: dict[str, tuple[str, str, int]] = {
    "programme": ("square", "#6a3d9a", 16),
    "theme": ("hexagon", "#b15928", 16),
}
# Middle link kind → (colour, width, dash pattern, legend words).
MIDDLE_LINKS: dict[str, tuple[str, float, tuple[int, ...], str]] = {
    "programme": ("#9e86c8", 1.4, (), "Trait violet : ressource → programme national commun"),
    "theme": ("#d7a27c", 1.4, (), "Trait brun : chantier → thème commun"),
}


def render_comparison_page(
    graph: "nx.DiGraph[str]", positions: Positions, page: Page, names: dict[str, str]
) -> str:
    """The page of the comparison ``graph``; ``names`` gives each side's territory name."""
    net = network(graph, positions, VIEW)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    _style_middle(graph, nodes, edges)
    payload = {
        "vue": VIEW,
        "titre": page.title,
        "feuilleDeRoute": page.roadmap,
        "nodes": nodes,
        "edges": edges,
        "options": options if isinstance(options, dict) else json.loads(options),
        "filtres": _filters(graph, names),
        "resourceKinds": [],
        "listes": page.lists,
        "lisible": graph.number_of_nodes() <= LEGIBLE,
    }
    vis_js, vis_css = vis_library()
    own_js, own_css = own_assets()
    return (
        _environment()
        .get_template("carto.html")
        .render(
            page=page,
            legend=_legend(graph),
            data_json=json_for_html(payload),
            vis_js=vis_js,
            vis_css=vis_css,
            own_js=own_js,
            own_css=own_css,
            nonce=secrets.token_urlsafe(18),
            node_count=graph.number_of_nodes(),
            edge_count=graph.number_of_edges(),
        )
    )


def _style_middle(
    graph: "nx.DiGraph[str]", nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> None:
    for node in nodes:
        # Short names on the map (« Chantier 1.b »); tooltip, details, search: in full.
        node["label"] = map_label(graph.nodes[node["id"]])
        kind = node.get("kind")
        if kind in MIDDLE_NODES:
            shape, color, size = MIDDLE_NODES[kind]
            node.update(shape=shape, size=size, kindLabel=MIDDLE_KINDS[kind])
            node["color"].update(background=color)
            for state in ("highlight", "hover"):
                node["color"][state]["background"] = color
        node["cote"] = graph.nodes[node["id"]].get("cote")
    for edge, (_, _, data) in zip(edges, graph.edges(data=True), strict=True):
        if edge["kind"] not in MIDDLE_LINKS:
            continue
        color, width, dashes, _ = MIDDLE_LINKS[edge["kind"]]
        if not data.get("hypothese"):
            edge["color"]["color"] = color
        edge.update(width=width, dashes=list(dashes) if dashes else False)
        words = MIDDLE_KINDS[edge["kind"]]
        items: list[dict[str, object]] = [{"texte": words, "hypothese": None}]
        if data.get("hypothese"):
            items.append({"texte": "Ce lien est une hypothèse.", "hypothese": data["hypothese"]})
        edge["details"] = [{"titre": "Lien", "items": items}]


def _legend(graph: "nx.DiGraph[str]") -> dict[str, Any]:
    found = legend(graph)
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    links = {d["kind"] for _, _, d in graph.edges(data=True)}
    extra_nodes = [
        {"kind": kind, "label": MIDDLE_KINDS[kind], "shape": shape, "color": color}
        for kind, (shape, color, _) in MIDDLE_NODES.items()
        if kind in present
    ]
    extra_links = [
        {"kind": kind, "label": words, "color": color, "width": width, "dashes": ""}
        for kind, (color, width, _, words) in MIDDLE_LINKS.items()
        if kind in links
    ]
    hypothese = [e for e in found["links"] if e["kind"] == "hypothese"]
    others = [e for e in found["links"] if e["kind"] != "hypothese"]
    return {"nodes": found["nodes"] + extra_nodes, "links": others + extra_links + hypothese}


def _filters(graph: "nx.DiGraph[str]", names: dict[str, str]) -> dict[str, Any]:
    """The page's filters; a défi or chantier choice starts with its territory's name."""
    found = filters(graph)
    sides: dict[str, str] = graph.graph.get("cotes", {})
    for key in ("defis", "chantiers"):
        for option in found[key]:
            node = option["id"]
            side = graph.nodes[node].get("cote") if node in graph else sides.get(node)
            if side in (MINE, OTHER):
                option["texte"] = f"{names[side]} — {option['texte']}"
    return found
