"""vis-network options of each node and link, and the pyvis network holding them."""

from typing import Any

import networkx as nx

from ._change_style import style_changed_edge, style_changed_node
from ._labels import FONT_SIZES, LABEL_WIDTH, map_label
from ._layout import Positions
from ._style import ASSUMPTION_COLOR, ASSUMPTION_LABEL, edge_style, is_resource, node_style

__all__ = ["BIG", "network"]

BIG = 1500  # past this many nodes, drop per-label work that costs more than it shows


def _node_options(
    node: str, data: dict[str, Any], xy: tuple[float, float], big: bool
) -> dict[str, Any]:
    style = node_style(data["kind"])
    color = "#c62828" if data.get("alerte") else style.color
    options: dict[str, Any] = {
        "id": node,
        "label": data["label"],
        "shape": style.shape,
        "color": {
            "background": color,
            "border": "#7f0000" if data.get("alerte") else "#ffffff",
            "highlight": {"background": color, "border": "#111111"},
            "hover": {"background": color, "border": "#111111"},
        },
        "size": round(float(data.get("size", style.size)), 2),
        "x": round(xy[0], 1),
        "y": round(xy[1], 1),
        "physics": False,
        "borderWidth": 3 if data.get("alerte") else 1.5,
        # Our own fields: the page's filters, search and details read them.
        "kind": data["kind"],
        "nom": data["label"],
        "kindLabel": data.get("typeLabel") or style.label,
        "resource": is_resource(data),
        "ident": data["ident"],
        "defis": sorted(data["defis"]),
        "chantiers": sorted(data["chantiers"]),
        "details": data.get("details", []),
    }
    if data["kind"] == "chantier" and data["ident"] and data["ident"] != data["label"]:
        options["label"] = f"{data['ident']} — {data['label']}"
    if data.get("centre"):
        options["shape"] = "box"
        options["font"] = {"size": 20, "color": "#ffffff", "strokeWidth": 0, "bold": True}
        options["margin"] = 14
        options["widthConstraint"] = {"maximum": 260}
        options["shapeProperties"] = {"borderRadius": 8}
    if data.get("sansLien"):
        options["sansLien"] = True
        options["opacity"] = 0.55
    if data.get("alerte"):
        options["alerte"] = True
    if data.get("hypothese"):
        # An assumed fact: an amber dashed border, and « hypothèse » in its tooltip.
        options["hypothese"] = data["hypothese"]
        options["color"]["border"] = "#7f0000" if data.get("alerte") else ASSUMPTION_COLOR
        options["borderWidth"] = 3
        options["shapeProperties"] = {**options.get("shapeProperties", {}), "borderDashes": [4, 3]}
    if data.get("sansRole"):
        options["sansRole"] = True
        options["kindLabel"] = f"{options['kindLabel']} — sans rôle"
        options["opacity"] = 0.7
    if data.get("aMobiliser"):
        options["aMobiliser"] = True
        options["kindLabel"] = f"{options['kindLabel']} — à mobiliser"
        options["opacity"] = 0.7
    if "metrique" in data:
        options["metrique"] = data["metrique"]
    style_changed_node(options, data)
    if data["kind"] == "groupe":
        options["font"] = {"size": 22, "face": "Georgia, serif", "color": "#243b53", "bold": True}
        options["groupe"] = data["groupe"]
    elif not big and "widthConstraint" not in options:
        options["widthConstraint"] = {"maximum": LABEL_WIDTH}
    if data["kind"] == "action":
        options["font"] = {"size": 12, "color": "#52606d"}
    elif data["kind"] in FONT_SIZES and "font" not in options:
        options["font"] = {"size": FONT_SIZES[data["kind"]]}
    return options


# On the overview maps, full titles would cover each other: the map shows short names,
# the tooltip, the details and the search use the full title (``nom``).
_SHORT_VIEWS = ("feuille-de-route", "lacunes")


def _edge_options(
    i: int, source: str, target: str, data: dict[str, Any], labels: bool, marks: bool = True
) -> dict[str, Any]:
    style = edge_style(data["kind"])
    options: dict[str, Any] = {
        "id": f"l{i}",
        "color": {"color": style.color, "highlight": "#111111", "hover": "#111111"},
        "width": style.width,
        "dashes": list(style.dashes) if style.dashes else False,
        "kind": data["kind"],
    }
    if "statutLabel" in data:
        options["statut"] = data["kind"]
        details: list[dict[str, object]] = [
            {"texte": f"Statut : {data.get('statutLabel') or data['kind']}", "hypothese": None}
        ]
        if data.get("depuis"):
            details.append({"texte": f"Depuis le {data['depuis']}", "hypothese": None})
        for note in data.get("notes", []):
            details.append({"texte": f"Note : {note}", "hypothese": None})
        if data.get("hypothese"):
            details.append({"texte": "Ce lien est une hypothèse.", "hypothese": data["hypothese"]})
        options["details"] = [{"titre": "Lien", "items": details}]
    elif data.get("label") or data.get("hypothese"):
        options["details"] = [
            {
                "titre": "Rôle",
                "items": [{"texte": data.get("label") or "", "hypothese": data.get("hypothese")}],
            }
        ]
    shown = data.get("label") if labels else ""
    if data.get("hypothese"):
        # An assumed link: its colour and a « ? » mark, its dashes kept.
        options["hypothese"] = data["hypothese"]
        options["color"]["color"] = ASSUMPTION_COLOR
        if marks:  # past BIG nodes, the colour alone: a label per link costs too much
            shown = f"{shown} {ASSUMPTION_LABEL}" if shown else ASSUMPTION_LABEL
    if shown:
        options["label"] = shown
        options["font"] = {"size": 12, "color": "#52606d", "strokeWidth": 4, "align": "middle"}
        if data.get("hypothese"):
            options["font"].update(color="#8a4b00", bold=True)
    style_changed_edge(options, data)
    return options


def network(graph: "nx.DiGraph[str]", positions: Positions, view: str) -> Any:
    """The pyvis network, filled in one pass.

    pyvis's ``add_node``/``add_edge`` check membership by scanning lists, which is
    quadratic (seconds for 5,000 nodes); its ``Node``/``Edge`` classes are used directly.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = Network(directed=True, cdn_resources="in_line")
    big = graph.number_of_nodes() > BIG
    # One chantier's map is read as a whole, like the seed's figure: larger marks.
    close_up = view == "chantier"
    edge_labels = close_up
    for node, data in graph.nodes(data=True):
        options = _node_options(node, data, positions.get(node, (0.0, 0.0)), big)
        if close_up:
            options["size"] = round(options["size"] * 1.6, 2)
            if not data.get("centre"):
                # Long names lose their trailing « (…) » here too: the map is framed
                # whole at a legible size (see carto.js), the details give them in full.
                options["label"] = map_label(data)
        elif view in _SHORT_VIEWS:
            options["label"] = map_label(data)
        shape = options.pop("shape")
        label = options.pop("label")
        options.pop("id")
        item = Node(node, shape, label=label, **options).options
        net.nodes.append(item)
        net.node_ids.append(node)
        net.node_map[node] = item
    for i, (source, target, data) in enumerate(graph.edges(data=True)):
        options = _edge_options(i, source, target, data, edge_labels, not big)
        net.edges.append(Edge(source, target, directed=False, **options).options)
    net.options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.5},
        "nodes": {
            "font": {
                "face": "system-ui, 'DejaVu Sans', sans-serif",
                "size": 17 if close_up else 14,
                "color": "#1f2933",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
        },
    }
    return net
