"""The map of a roadmap's second version, marking what is new or changed since the first.

The changes come as records (:class:`~feuille_de_route.queries.Change`, computed from
catalogue answers); the map is the whole-roadmap view of the second version's query
rows (:class:`~._results.Results`), each new or changed node and link marked (a coloured
border or line, « nouveau »/« modifié » in its tooltip and details), a legend entry per
mark, a filter « Seulement ce qui a changé » and the list of every change, the removed
ones included (they have no node on this map).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from feuille_de_route.queries import Change, change_line

from ._graph import build_roadmap_graph
from ._layout import roadmap_layout
from ._metrics import size_by_degree
from ._page import Page, render_page
from ._results import Results

__all__ = ["ChangeMark", "change_marks", "mark_changes", "render_changes"]

DETAILS_TITLE = "Changement depuis la version 1"


@dataclass(frozen=True)
class ChangeMark:
    """A mark on the map: the node ``iri`` (or the link ``iri`` → ``target``), its kind
    (``nouveau`` or ``modifie``) and the change in French."""

    iri: str
    mark: str
    text: str
    target: str = ""


def change_marks(changes: Sequence[Change]) -> list[ChangeMark]:
    """The marks of ``changes`` on the second version's map (a removed element has none)."""
    marks = []
    for change in changes:
        if change.change == "supprime":
            continue
        mark = "nouveau" if change.change == "ajoute" else "modifie"
        target = (change.resource_iri or "") if change.element == "lien" else ""
        marks.append(ChangeMark(change.iri, mark, change_line(change), target))
    return marks


def mark_changes(graph: "nx.DiGraph[str]", marks: Sequence[ChangeMark]) -> None:
    """Set ``changement`` (and a details section) on the nodes and links ``marks`` name."""
    for mark in marks:
        if mark.target:
            if graph.has_edge(mark.iri, mark.target):
                _mark(graph.edges[mark.iri, mark.target], mark)
        elif mark.iri in graph:
            _mark(graph.nodes[mark.iri], mark)


def _mark(data: dict[str, Any], mark: ChangeMark) -> None:
    if data.get("changement") != "nouveau":  # new wins over changed
        data["changement"] = mark.mark
    section = next((s for s in data.get("details", []) if s["titre"] == DETAILS_TITLE), None)
    if section is None:
        section = {"titre": DETAILS_TITLE, "items": []}
        data["details"] = [section, *data.get("details", [])]
    section["items"].append({"texte": mark.text, "hypothese": None})


def render_changes(results: Results, changes: Sequence[Change], subtitle: str) -> str:
    """The page of the second version (``results``: the whole-roadmap view's rows) with
    ``changes`` marked and listed; ``subtitle`` says which versions are compared."""
    graph = build_roadmap_graph(results)
    mark_changes(graph, change_marks(changes))
    positions = roadmap_layout(graph)
    name = results.roadmap.name if results.roadmap else ""
    page = Page(
        view="feuille-de-route",
        title=f"Ce qui a changé — {name}" if name else "Ce qui a changé",
        subtitle=subtitle,
        size_legend=size_by_degree(graph),
        lists=[
            {
                "titre": "Changements depuis la version 1",
                "items": [_listed(c, graph) for c in changes],
                "vide": "Aucun changement.",
            }
        ],
    )
    page.roadmap = results.roadmap.iri if results.roadmap else None
    return render_page(graph, positions, page)


def _listed(change: Change, graph: "nx.DiGraph[str]") -> dict[str, str]:
    shown = change.change != "supprime" and change.iri in graph
    return {"id": change.iri if shown else "", "texte": change_line(change)}
