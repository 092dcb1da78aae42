"""The ontology's class diagram as an SVG drawn here (no Graphviz, no script).

Classes are boxes in columns by their distance from ``fdr:FeuilleDeRoute`` through the
object properties (domain → range); each property is an arrow labelled with its name,
each ``rdfs:subClassOf`` a dashed arrow. Every text is XML-escaped.
"""

from collections import deque
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = ["Edge", "class_diagram"]

_COLUMN = 250
_ROW = 46
_MARGIN = 20
_CHAR = 7.2


@dataclass(frozen=True)
class Edge:
    """An arrow between two classes (IRIs): a property (``label``) or a subclass link."""

    source: str
    target: str
    label: str
    subclass: bool = False


def _columns(classes: dict[str, str], edges: list[Edge], root: str) -> list[list[str]]:
    """Classes by distance from ``root`` (the unreachable ones last), sorted by label."""
    neighbours: dict[str, set[str]] = {c: set() for c in classes}
    for edge in edges:
        if edge.source in classes and edge.target in classes:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    depth = {root: 0} if root in classes else {}
    queue = deque(depth)
    while queue:
        current = queue.popleft()
        for other in sorted(neighbours[current]):
            if other not in depth:
                depth[other] = depth[current] + 1
                queue.append(other)
    last = max(depth.values(), default=-1) + 1
    columns: list[list[str]] = [[] for _ in range(last + 1)]
    for iri in classes:
        columns[depth.get(iri, last)].append(iri)
    return [sorted(c, key=lambda i: classes[i].casefold()) for c in columns if c]


def class_diagram(classes: dict[str, str], edges: list[Edge], root: str, title: str) -> str:
    """The SVG text of the diagram of ``classes`` (IRI → label) and ``edges``."""
    columns = _columns(classes, edges, root)
    where: dict[str, tuple[float, float, float]] = {}
    for x, column in enumerate(columns):
        for y, iri in enumerate(column):
            width = max(90.0, len(classes[iri]) * _CHAR + 16)
            where[iri] = (_MARGIN + x * _COLUMN, _MARGIN + y * _ROW, width)
    width = _MARGIN * 2 + len(columns) * _COLUMN
    height = _MARGIN * 2 + max((len(c) for c in columns), default=1) * _ROW
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="fleche" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#52606d"/></marker></defs>',
    ]
    parts.extend(
        _edge(edge, where) for edge in edges if edge.source in where and edge.target in where
    )
    parts.extend(_box(iri, classes[iri], where[iri]) for iri in where)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge(edge: Edge, where: dict[str, tuple[float, float, float]]) -> str:
    sx, sy, sw = where[edge.source]
    tx, ty, tw = where[edge.target]
    x1, y1 = sx + sw, sy + 14
    x2, y2 = (tx, ty + 14) if tx > sx else (tx + tw, ty + 14)
    if edge.source == edge.target:
        return (
            f'<path d="M{x1},{y1} c40,-30 40,30 0,6" fill="none" stroke="#52606d" '
            f'marker-end="url(#fleche)"><title>{escape(edge.label)}</title></path>'
        )
    dash = ' stroke-dasharray="5 4"' if edge.subclass else ""
    mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2 - 3
    return (
        f'<g><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#9fb3c8"{dash} '
        f'marker-end="url(#fleche)"/><text x="{mid_x}" y="{mid_y}" font-size="9" '
        f'fill="#52606d" text-anchor="middle">{escape(edge.label)}</text></g>'
    )


def _box(iri: str, label: str, place: tuple[float, float, float]) -> str:
    x, y, width = place
    return (
        f'<g><title>{escape(iri)}</title><rect x="{x}" y="{y}" width="{width}" height="28" '
        f'rx="5" fill="#e6f6ff" stroke="#334e68"/><text x="{x + 8}" y="{y + 18}" '
        f'font-size="12" font-family="DejaVu Sans, sans-serif" fill="#1f2933">'
        f"{escape(label)}</text></g>"
    )
