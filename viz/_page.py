"""networkx graph + positions → one self-contained, offline HTML page.

pyvis holds the nodes, links and vis-network options (:mod:`._options`) and ships
vis-network itself (:mod:`._assets`); the page around them is ours
(``templates/carto.html``): pyvis's template loads Bootstrap and Tom Select from the
internet, writes the heading unescaped and its menus hide nodes (pyvis issue #193). The
page's script shows data with ``textContent`` only.
"""

import functools
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import networkx as nx

from ._assets import json_for_html, own_assets, vis_library
from ._filters import filters
from ._layout import ROOMY, Positions
from ._legend import legend, resource_labels
from ._options import network

__all__ = ["Page", "render_index", "render_page"]

_HERE = Path(__file__).resolve().parent


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


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render_page(graph: "nx.DiGraph[str]", positions: Positions, page: Page) -> str:
    """The complete HTML page of ``graph`` laid out at ``positions``."""
    net = network(graph, positions, page.view)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = {
        "vue": page.view,
        "titre": page.title,
        "feuilleDeRoute": page.roadmap,
        "nodes": nodes,
        "edges": edges,
        "options": options if isinstance(options, dict) else json.loads(options),
        "filtres": filters(graph),
        "resourceKinds": list(resource_labels(graph)),
        "listes": page.lists,
        # Small maps are read whole: their labels are framed legibly (see carto.js);
        # larger ones are read zoomed in.
        "lisible": graph.number_of_nodes() <= ROOMY,
    }
    vis_js, vis_css = vis_library()
    own_js, own_css = own_assets()
    nonce = secrets.token_urlsafe(18)
    template = _environment().get_template("carto.html")
    return template.render(
        page=page,
        legend=legend(graph),
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
    _, own_css = own_assets()
    template = _environment().get_template("index.html")
    return template.render(title=title, entries=entries, own_css=own_css)
