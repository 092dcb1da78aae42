"""networkx graph + positions → pyvis network → one self-contained, offline HTML page.

pyvis holds the nodes, links and vis-network options and ships vis-network itself; the
page around them is ours (``templates/carto.html``): pyvis's template loads Bootstrap
and Tom Select from the internet, writes the heading unescaped and its menus hide nodes
(pyvis issue #193). Data reaches the page only as JSON inside a
``<script type="application/json">`` element, with every character that could end that
element or be read as markup escaped, and the page's script shows it with
``textContent`` only.
"""

import functools
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from ._labels import FONT_SIZES, LABEL_WIDTH, map_label
from ._layout import Positions
from ._style import EDGE_STYLES, NODE_STYLES, RESOURCE_KINDS, STATUS_KINDS

__all__ = ["Page", "json_for_html", "render_page", "vis_library"]

_HERE = Path(__file__).resolve().parent
_BIG = 1500  # past this many nodes, drop per-label work that costs more than it shows


@dataclass
class Page:
    """What a page shows besides the graph: titles, legend wording, side lists."""

    view: str
    title: str
    subtitle: str
    size_legend: str
    lists: list[dict[str, object]] = field(default_factory=list)
    no_line_legend: bool = False
    alert_legend: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)
    kicker: str = ""  # a line above the title (the roadmap's name on a chantier's page)
    roadmap: str | None = None  # IRI of the roadmap drawn, for the page's data


def json_for_html(value: object) -> str:
    """JSON text safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``/``\\u003e``/``\\u0026`` so no ``</script>``
    or ``<!--`` can appear; U+2028 and U+2029 are escaped for older JavaScript parsers.
    The text is still valid JSON and parses back to ``value``.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@functools.cache
def vis_library() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _inline_safe(js, "vis-network.min.js"), _inline_safe(css, "vis-network.css")


@functools.cache
def _own_assets() -> tuple[str, str]:
    js = (_HERE / "static" / "carto.js").read_text(encoding="utf-8")
    css = (_HERE / "static" / "carto.css").read_text(encoding="utf-8")
    return _inline_safe(js, "carto.js"), _inline_safe(css, "carto.css")


def _inline_safe(text: str, name: str) -> str:
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{name} ne peut pas être incorporé tel quel dans la page")
    return text


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _node_options(
    node: str, data: dict[str, Any], xy: tuple[float, float], big: bool
) -> dict[str, Any]:
    style = NODE_STYLES[data["kind"]]
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
    if "metrique" in data:
        options["metrique"] = data["metrique"]
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
    i: int, source: str, target: str, data: dict[str, Any], labels: bool
) -> dict[str, Any]:
    style = EDGE_STYLES[data["kind"]]
    options: dict[str, Any] = {
        "id": f"l{i}",
        "color": {"color": style.color, "highlight": "#111111", "hover": "#111111"},
        "width": style.width,
        "dashes": list(style.dashes) if style.dashes else False,
        "kind": data["kind"],
    }
    if data["kind"] in STATUS_KINDS:
        options["statut"] = data["kind"]
        details: list[dict[str, object]] = [
            {"texte": f"Statut : {data.get('statutLabel') or data['kind']}", "hypothese": None}
        ]
        if data.get("depuis"):
            details.append({"texte": f"Depuis le {data['depuis']}", "hypothese": None})
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
    if data.get("hypothese"):
        options["hypothese"] = data["hypothese"]
    if labels and data.get("label"):
        options["label"] = data["label"]
        options["font"] = {"size": 12, "color": "#52606d", "strokeWidth": 4, "align": "middle"}
    return options


def _network(graph: "nx.DiGraph[str]", positions: Positions, view: str) -> Any:
    """The pyvis network, filled in one pass.

    pyvis's ``add_node``/``add_edge`` check membership by scanning lists, which is
    quadratic (seconds for 5,000 nodes); its ``Node``/``Edge`` classes are used directly.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = Network(directed=True, cdn_resources="in_line")
    big = graph.number_of_nodes() > _BIG
    # One chantier's map is read as a whole, like the seed's figure: larger marks.
    close_up = view == "chantier"
    edge_labels = close_up
    for node, data in graph.nodes(data=True):
        options = _node_options(node, data, positions.get(node, (0.0, 0.0)), big)
        if close_up:
            options["size"] = round(options["size"] * 1.6, 2)
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
        options = _edge_options(i, source, target, data, edge_labels)
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


def _legend(graph: "nx.DiGraph[str]", page: Page) -> dict[str, Any]:
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    order = ["enjeu", "defi", "chantier", "action", *RESOURCE_KINDS, "service", "acteur"]
    nodes = [
        {
            "kind": k,
            "label": NODE_STYLES[k].label,
            "shape": NODE_STYLES[k].shape,
            "color": NODE_STYLES[k].color,
        }
        for k in order
        if k in present
    ]
    link_kinds = {d["kind"] for _, _, d in graph.edges(data=True)} | set(STATUS_KINDS)
    links = [
        {
            "kind": k,
            "label": EDGE_STYLES[k].label,
            "color": EDGE_STYLES[k].color,
            "width": EDGE_STYLES[k].width,
            "dashes": " ".join(str(d) for d in EDGE_STYLES[k].dashes),
        }
        for k in ("operante", "connueSansLien", "structure", "coordination")
        if k in link_kinds
    ]
    return {"nodes": nodes, "links": links}


def _filters(graph: "nx.DiGraph[str]") -> dict[str, Any]:
    from feuille_de_route import natural_key

    def options(kind: str) -> list[dict[str, str]]:
        items = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] == kind]
        items.sort(key=lambda t: (natural_key(t[1]["ident"]), t[1]["label"]))
        return [
            {"id": n, "texte": f"{d['ident']} — {d['label']}" if d["ident"] else d["label"]}
            for n, d in items
        ]

    defi_options = options("defi")
    if not defi_options:
        # Views without défi nodes still filter by défi: name them by their IRI's end.
        names: dict[str, str] = graph.graph.get("defis", {})
        found = sorted(
            {d for _, data in graph.nodes(data=True) for d in data["defis"]},
            key=lambda d: natural_key(names.get(d) or d),
        )
        defi_options = [{"id": d, "texte": names.get(d) or _defi_name(d)} for d in found]
    chantier_options = options("chantier")
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    statuts = [
        {"id": "operante", "texte": "opérante (trait plein)"},
        {"id": "connueSansLien", "texte": "connue, sans lien (pointillé)"},
    ]
    if any(d.get("sansLien") for _, d in graph.nodes(data=True)):
        statuts.append({"id": "aucun", "texte": "aucun lien (pas de trait)"})
    return {
        "defis": defi_options if len(defi_options) > 1 else [],
        "chantiers": chantier_options if len(chantier_options) > 1 else [],
        "types": [
            {"id": k, "texte": NODE_STYLES[k].plural} for k in RESOURCE_KINDS if k in present
        ],
        "statuts": statuts,
    }


def _defi_name(iri: str) -> str:
    from urllib.parse import unquote

    return "Défi " + unquote(iri.rstrip("/").rsplit("/", 1)[-1])


def render_page(graph: "nx.DiGraph[str]", positions: Positions, page: Page) -> str:
    """The complete HTML page of ``graph`` laid out at ``positions``."""
    net = _network(graph, positions, page.view)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = {
        "vue": page.view,
        "titre": page.title,
        "feuilleDeRoute": page.roadmap,
        "nodes": nodes,
        "edges": edges,
        "options": options if isinstance(options, dict) else json.loads(options),
        "filtres": _filters(graph),
        "listes": page.lists,
    }
    vis_js, vis_css = vis_library()
    own_js, own_css = _own_assets()
    nonce = secrets.token_urlsafe(18)
    template = _environment().get_template("carto.html")
    return template.render(
        page=page,
        legend=_legend(graph, page),
        data_json=json_for_html(payload),
        vis_js=vis_js,
        vis_css=vis_css,
        own_js=own_js,
        own_css=own_css,
        nonce=nonce,
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
    )


def render_index(title: str, entries: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """The index page: sections of (file name, link text, description) entries."""
    _, own_css = _own_assets()
    template = _environment().get_template("index.html")
    return template.render(title=title, entries=entries, own_css=own_css)
