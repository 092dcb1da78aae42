"""The legend of a page: which kinds of node and link it shows, in words and marks."""

from typing import Any

import networkx as nx

from ._change_style import change_legend
from ._style import (
    ASSUMPTION_COLOR,
    STATUS_LINES,
    edge_style,
    is_resource,
    node_style,
    resource_kind_order,
)

__all__ = ["legend", "resource_labels", "status_labels"]


def legend(graph: "nx.DiGraph[str]") -> dict[str, Any]:
    """The legend's node kinds and link kinds present in ``graph``, in reading order.

    A kind of resource or a status is worded with its label from the ontology, as the
    nodes and links carry it (``typeLabel``, ``statutLabel``).
    """
    node_marks = {d["changement"] for _, d in graph.nodes(data=True) if d.get("changement")}
    link_marks = {d["changement"] for _, _, d in graph.edges(data=True) if d.get("changement")}
    return {
        "nodes": _node_entries(graph) + change_legend(node_marks, links=False),
        "links": _link_entries(graph) + change_legend(link_marks, links=True),
    }


def _node_entries(graph: "nx.DiGraph[str]") -> list[dict[str, str]]:
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    labels = resource_labels(graph)
    order = ["enjeu", "defi", "chantier", "action", *labels, "service", "acteur"]
    entries = []
    for kind in order:
        if kind not in present:
            continue
        style = node_style(kind)
        label = labels.get(kind) or style.label
        entries.append({"kind": kind, "label": label, "shape": style.shape, "color": style.color})
    if any(d.get("sansRole") for _, d in graph.nodes(data=True)):
        entries.append(
            {
                "kind": "sansRole",
                "label": "Pâli, « sans rôle » : acteur ou service qu'aucune gouvernance ne nomme",
                "shape": "sansRole",
                "color": node_style("acteur").color,
            }
        )
    if any(d.get("hypothese") for _, d in graph.nodes(data=True)):
        entries.append(
            {
                "kind": "hypothese",
                "label": "Contour orange pointillé : élément supposé (hypothèse)",
                "shape": "hypothese",
                "color": ASSUMPTION_COLOR,
            }
        )
    return entries


def _link_entries(graph: "nx.DiGraph[str]") -> list[dict[str, Any]]:
    statuses = status_labels(graph)
    kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
    order = [*statuses, "structure", "coordination"]
    entries = []
    for kind in order:
        if kind not in kinds and kind not in statuses:
            continue
        style = edge_style(kind)
        label = f"{style.label} : {statuses[kind]}" if kind in statuses else style.label
        entries.append(
            {
                "kind": kind,
                "label": label,
                "color": style.color,
                "width": style.width,
                "dashes": " ".join(str(d) for d in style.dashes),
            }
        )
    if any(d.get("hypothese") for _, _, d in graph.edges(data=True)):
        entries.append(
            {
                "kind": "hypothese",
                "label": (
                    "Trait orange marqué « ? » : hypothèse, lien supposé "
                    "(plein ou pointillé selon son statut)"
                ),
                "color": ASSUMPTION_COLOR,
                "width": 2.0,
                "dashes": "",
            }
        )
    return entries


def resource_labels(graph: "nx.DiGraph[str]") -> dict[str, str]:
    """Each kind of resource present → its label (capitalised), in the palette's order."""
    found: dict[str, str] = {}
    for _, data in graph.nodes(data=True):
        if is_resource(data) and data.get("typeLabel"):
            found.setdefault(data["kind"], str(data["typeLabel"]))
    return {k: _capital(found[k]) for k in sorted(found, key=resource_kind_order)}


def status_labels(graph: "nx.DiGraph[str]") -> dict[str, str]:
    """Each link status of the roadmap drawn → its label, known statuses first (those of
    the query rows, kept in ``graph.graph["statuses"]``, and those of the links)."""
    found: dict[str, str] = dict(graph.graph.get("statuses", {}))
    for _, _, data in graph.edges(data=True):
        if data.get("statutLabel"):
            found.setdefault(data["kind"], str(data["statutLabel"]))
    known = [k for k in STATUS_LINES if k in found]
    return {k: found[k] for k in known + sorted(set(found) - set(known))}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
