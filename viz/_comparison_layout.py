"""Fixed positions of the comparison map: five columns, mine on the left, the other's
mirrored on the right, what both share in the middle.

From the outside in: chantiers (by défi, then ID), resources, then the middle column
(shared partners, programmes and themes); a long column is split into lanes. Every node
but a chantier sits as close as its column allows to the mean height of its neighbours
already placed (fewer crossings), its lane keeping each label's box clear of the next.
A short map is stretched down to be about as tall as it is wide.
"""

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from feuille_de_route import natural_key

from ._comparison_data import MINE, OTHER
from ._labels import FONT_SIZES, LABEL_FONT, LABEL_WIDTH, label_box, map_label
from ._layout import Positions
from ._style import is_resource, node_style

__all__ = ["COLUMN_GAP", "LANE", "PER_LANE", "comparison_layout"]

LANE = 215.0  # width of one lane of a column: a wrapped label (190) and room around it
COLUMN_GAP = 90.0  # between two columns' lanes, for the links
PER_LANE = 7  # a column of more nodes is split into lanes, zigzagging across them
_MARGIN = 30.0
_GROWTH = 1.6  # labels may be enlarged on a small map (carto.js): room for it
_TALL = 0.8  # a map is stretched down to at least this share of its width
_LAST = 1e9  # wanted height of a node with no placed neighbour: the column's end


def comparison_layout(graph: "nx.DiGraph[str]") -> Positions:
    pos: Positions = {}
    columns: dict[float, list[str]] = {}  # column (-2 … 2) → its nodes, top-down
    for side, sign in ((MINE, -1.0), (OTHER, 1.0)):
        chantiers = sorted(
            _of(graph, side, lambda d: d["kind"] == "chantier"),
            key=lambda n: (
                natural_key(str(graph.nodes[n].get("defi", ""))),
                natural_key(graph.nodes[n]["ident"]),
                n,
            ),
        )
        columns[2 * sign] = _column(graph, pos, [(n, float(i)) for i, n in enumerate(chantiers)])
        resources = _sorted(graph, _of(graph, side, is_resource))
        columns[sign] = _column(graph, pos, _wanted(graph, resources, pos))
    middle = _sorted(graph, _of(graph, "commun", lambda d: True))
    columns[0.0] = _column(graph, pos, _wanted(graph, middle, pos))
    _spread_lanes(pos, columns)
    for node in graph:  # anything left (none expected): in the middle
        pos.setdefault(node, (0.0, 0.0))
    return _stretch(pos)


def _lanes(count: int) -> int:
    return max(1, -(-count // PER_LANE))


def _spread_lanes(pos: Positions, columns: dict[float, list[str]]) -> None:
    """Each column's x: side by side from the middle out, as wide as its lanes; a long
    column's nodes zigzag across its lanes in their top-down order."""
    centre: dict[float, float] = {0.0: 0.0}
    for sign in (-1.0, 1.0):
        edge = _lanes(len(columns.get(0.0, []))) * LANE / 2
        for step in (1.0, 2.0):
            width = _lanes(len(columns.get(step * sign, []))) * LANE
            centre[step * sign] = sign * (edge + COLUMN_GAP + width / 2)
            edge += COLUMN_GAP + width
    for column, nodes in columns.items():
        lanes = _lanes(len(nodes))
        for i, node in enumerate(nodes):
            offset = (i % lanes - (lanes - 1) / 2) * LANE
            # Mirrored: the first lane is the one nearest the middle.
            pos[node] = (centre[column] - (1 if column > 0 else -1) * offset, pos[node][1])


def _of(graph: "nx.DiGraph[str]", side: str, test: Callable[[dict[str, Any]], bool]) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d.get("cote") == side and test(d)]


def _sorted(graph: "nx.DiGraph[str]", nodes: Iterable[str]) -> list[str]:
    return sorted(
        nodes, key=lambda n: (natural_key(graph.nodes[n]["ident"]), graph.nodes[n]["label"], n)
    )


def _wanted(graph: "nx.DiGraph[str]", nodes: list[str], pos: Positions) -> list[tuple[str, float]]:
    """Each node with the mean height of its placed neighbours (order kept for ties)."""
    wanted = []
    for node in nodes:
        near = [pos[n][1] for n in (*graph.successors(node), *graph.predecessors(node)) if n in pos]
        wanted.append((node, sum(near) / len(near) if near else _LAST))
    return wanted


def _height(data: dict[str, Any]) -> float:
    kind = str(data["kind"])
    font = FONT_SIZES.get(kind, LABEL_FONT)
    _, high = label_box(map_label(data), font * _GROWTH, LABEL_WIDTH)
    return 2 * node_style(kind).size + high + _MARGIN


def _column(graph: "nx.DiGraph[str]", pos: Positions, wanted: list[tuple[str, float]]) -> list[str]:
    """Stack ``wanted`` by wanted height, each as near it as the order allows, a node kept
    clear of the one above it in its lane (see :func:`_spread_lanes`); returns the
    nodes top-down (their x is set later)."""
    if not wanted:
        return []
    lanes = _lanes(len(wanted))
    placed = sorted(enumerate(wanted), key=lambda t: (t[1][1], t[0]))
    nodes = [node for _, (node, _) in placed]
    heights = [_height(graph.nodes[n]) for n in nodes]
    finite = [w for _, (_, w) in placed if w < _LAST]
    ys: list[float] = []
    for i, (_, (_, want)) in enumerate(placed):
        if want >= _LAST:
            want = ys[-1] if ys else 0.0
        if i >= lanes:
            want = max(want, ys[i - lanes] + (heights[i - lanes] + heights[i]) / 2)
        if ys:
            want = max(want, ys[-1] + _MARGIN)
        ys.append(want)
    # Pushing down drifts: centre on the wanted heights (or on zero with none).
    if finite:
        drift = sum(ys[: len(finite)]) / len(finite) - sum(finite) / len(finite)
    else:
        drift = (ys[0] + ys[-1]) / 2
    for node, y in zip(nodes, ys, strict=True):
        pos[node] = (0.0, y - drift)
    return nodes


def _stretch(pos: Positions) -> Positions:
    """Centred on zero, and stretched down when shorter than :data:`_TALL` of its width."""
    if not pos:
        return pos
    ys = [y for _, y in pos.values()]
    top, bottom = min(ys), max(ys)
    width = 2 * max(abs(x) for x, _ in pos.values()) + LABEL_WIDTH
    height = bottom - top
    factor = _TALL * width / height if 0 < height < _TALL * width else 1.0
    middle = (top + bottom) / 2
    return {node: (x, (y - middle) * factor) for node, (x, y) in pos.items()}
