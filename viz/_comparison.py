"""The comparison map of two territories held in one store (issue 11, §4): mine on the
left, the other on the right, shared partners, programmes and themes in the middle."""

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from feuille_de_route import UserError, atomic_write_text, atomic_write_tree

from ._comparison_data import MINE, OTHER, Comparison, fetch_comparison
from ._comparison_graph import COMMON, build_comparison_graph
from ._comparison_layout import comparison_layout
from ._comparison_page import render_comparison_page
from ._metrics import size_fixed
from ._page import Page
from ._style import is_resource
from ._territory_choice import choose_territories

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["COMPARISON_PAGE", "build_comparison", "render_comparison", "write_comparison"]

COMPARISON_PAGE = "comparaison.html"  # the page's name in an output folder

# Middle node kinds → (singular, plural) in the subtitle and the side list.
_WORDS = {
    "partenaire": ("partenaire commun", "partenaires communs"),
    "programme": ("programme national commun", "programmes nationaux communs"),
    "theme": ("thème commun", "thèmes communs"),
}


def build_comparison(store: "Store", mine: str, other: str) -> str:
    """The HTML page comparing the territories ``mine`` and ``other`` of ``store``.

    Each is a roadmap's IRI, its identifier, or the SIREN of its EPCI. A name that
    matches no roadmap raises :class:`~feuille_de_route.queries.NothingFound` (exit 3);
    the same roadmap twice a :class:`~feuille_de_route.UserError`.
    """
    first, second = choose_territories(store, [(mine, "territoire A"), (other, "territoire B")])
    if first.iri == second.iri:
        raise UserError(
            f"les territoires A et B désignent la même feuille de route <{first.iri}> : "
            "la carte comparée en demande deux différentes."
        )
    return render_comparison(fetch_comparison(store, first, second))


def write_comparison(store: "Store", mine: str, other: str, output: Path) -> Path:
    """Write the comparison page to ``output``: a ``.html`` file, or a folder that gets
    :data:`COMPARISON_PAGE` (replaced atomically); returns the page's path."""
    html = build_comparison(store, mine, other)
    if output.suffix.lower() in {".html", ".htm"}:
        atomic_write_text(output, html)
        return output
    if output.exists() and not output.is_dir():
        raise UserError(f"{output} existe et n'est pas un dossier : attendu un dossier de sortie.")
    return atomic_write_tree(output, {COMPARISON_PAGE: html.encode("utf-8")})[0]


def render_comparison(comparison: Comparison) -> str:
    """The page of a comparison already fetched (see :func:`fetch_comparison`)."""
    names = {MINE: comparison.name(MINE), OTHER: comparison.name(OTHER)}
    graph = build_comparison_graph(comparison)
    size_legend = size_fixed(graph)
    positions = comparison_layout(graph)
    shared = _shared(graph)
    counts = [
        f"{len(nodes)} {_WORDS[kind][0 if len(nodes) == 1 else 1]}"
        for kind, nodes in shared.items()
        if nodes
    ]
    page = Page(
        view="comparaison",
        title=f"{names[MINE]} et {names[OTHER]}",
        subtitle=(
            f"À gauche, {names[MINE]} ; à droite, {names[OTHER]} ; au milieu, ce qu'ils ont "
            f"en commun : {', '.join(counts) if counts else 'rien'}."
        ),
        size_legend=size_legend,
        kicker="Carte comparée de deux territoires",
        lists=[_side_list(graph, kind, nodes) for kind, nodes in shared.items()],
    )
    page.roadmap = comparison.mine.roadmap.iri if comparison.mine.roadmap else None
    return render_comparison_page(graph, positions, page, names)


def _shared(graph: "nx.DiGraph[str]") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {kind: [] for kind in _WORDS}
    for node, data in graph.nodes(data=True):
        if data.get("cote") != COMMON:
            continue
        kind = "partenaire" if is_resource(data) else str(data["kind"])
        found.setdefault(kind, []).append(node)
    for nodes in found.values():
        nodes.sort(key=lambda n: (str(graph.nodes[n]["label"]).lower(), n))
    return found


def _side_list(graph: "nx.DiGraph[str]", kind: str, nodes: list[str]) -> dict[str, object]:
    title = _WORDS[kind][1] if kind in _WORDS else kind
    return {
        "titre": title[:1].upper() + title[1:],
        "items": [{"id": n, "texte": str(graph.nodes[n]["label"])} for n in nodes],
        "vide": "Aucun.",
    }
