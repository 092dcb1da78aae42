"""Node sizes from a networkx metric, and the legend sentence naming that metric."""

import math

import networkx as nx

from ._style import is_resource, node_style

__all__ = ["BETWEENNESS_SAMPLE", "size_by_betweenness", "size_by_degree", "size_fixed"]

# Exact betweenness is O(n·m): fine for a real roadmap, minutes for a synthetic 5,000-node
# one; past this many nodes it is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 300


def size_fixed(graph: "nx.DiGraph[str]") -> str:
    """Every node at its kind's size; returns the legend sentence."""
    for _, data in graph.nodes(data=True):
        data["size"] = node_style(data["kind"]).size
    return "La taille ne porte pas d'information : elle dépend seulement du type de nœud."


def size_by_degree(graph: "nx.DiGraph[str]") -> str:
    """Resources sized by how many chantiers mobilise them (their in-degree)."""
    size_fixed(graph)
    for node, data in graph.nodes(data=True):
        if is_resource(data):
            degree = graph.in_degree(node)
            data["size"] = node_style(data["kind"]).size + 6 * math.sqrt(max(degree - 1, 0))
            data["metrique"] = degree
    return (
        "Taille d'une ressource : nombre de chantiers qui la mobilisent "
        "(degré entrant dans le graphe, networkx)."
    )


def size_by_betweenness(graph: "nx.DiGraph[str]") -> str:
    """Resources sized by betweenness centrality in the chantier–resource graph."""
    size_fixed(graph)
    undirected = graph.to_undirected(as_view=True)
    n = undirected.number_of_nodes()
    sample = BETWEENNESS_SAMPLE if n > BETWEENNESS_SAMPLE * 2 else None
    scores = nx.betweenness_centrality(undirected, k=sample, seed=0 if sample else None)
    top = max((scores[n] for n, d in graph.nodes(data=True) if is_resource(d)), default=0.0)
    for node, data in graph.nodes(data=True):
        if is_resource(data):
            score = scores.get(node, 0.0)
            data["metrique"] = round(score, 4)
            share = math.sqrt(score / top) if top > 0 else 0.0
            data["size"] = node_style(data["kind"]).size + 26 * share
    how = f" (estimée à partir de {sample} nœuds tirés au hasard)" if sample else ""
    return (
        "Taille d'une ressource : sa centralité d'intermédiarité (betweenness, networkx)"
        f"{how} — plus elle est grande, plus de chantiers dépendent d'elle pour être reliés."
    )
