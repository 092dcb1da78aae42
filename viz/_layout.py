"""Fixed positions from the roadmap's own structure (no force simulation).

A force layout does not scale (networkx's ``spring_layout`` takes tens of seconds for
5,000 nodes and vis-network's physics freezes the page), while the roadmap already is a
tree: enjeu → défi → chantier → actions and resources. The views are laid out on
concentric rings, each chantier owning an angular sector as wide as what hangs from it,
so the cost is a sort per ring (O(n log n)).
"""

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from feuille_de_route import natural_key

from ._label_ring import Box, ring_gap, spread_ring, walk_ring
from ._labels import FONT_SIZES, LABEL_FONT, label_box, map_label
from ._style import is_resource, node_style

__all__ = ["ROOMY", "Positions", "chantier_layout", "gaps_layout", "roadmap_layout"]

Positions = dict[str, tuple[float, float]]
TAU = 2 * math.pi
ROOMY = 400  # up to this many nodes, rings are spaced for readable labels


def _circular_mean(angles: Iterable[float]) -> float | None:
    xs = ys = 0.0
    count = 0
    first = None
    for angle in angles:
        first = angle if first is None else first
        xs += math.cos(angle)
        ys += math.sin(angle)
        count += 1
    if first is None:
        return None
    if math.hypot(xs, ys) < 1e-9 * count:
        return first
    return math.atan2(ys, xs) % TAU


def _spread(desired: list[tuple[str, float]], gap: float) -> dict[str, float]:
    """Angles as close to ``desired`` as possible, at least ``gap`` radians apart."""
    n = len(desired)
    if n == 0:
        return {}
    ordered = sorted(((a % TAU, node) for node, a in desired), key=lambda t: (t[0], t[1]))
    if n * gap >= TAU:
        start = ordered[0][0]
        return {node: start + i * TAU / n for i, (_, node) in enumerate(ordered)}
    angles = [a for a, _ in ordered]
    for i in range(1, n):
        angles[i] = max(angles[i], angles[i - 1] + gap)
    # Pushing only forward drifts clockwise; recentre on the desired angles.
    drift = sum(new - old for new, (old, _) in zip(angles, ordered, strict=True)) / n
    angles = [a - drift for a in angles]
    if angles[-1] - angles[0] > TAU - gap:
        start = ordered[0][0]
        return {node: start + i * TAU / n for i, (_, node) in enumerate(ordered)}
    return {node: angles[i] for i, (_, node) in enumerate(ordered)}


def _ring(
    pos: Positions,
    desired: list[tuple[str, float]],
    inner: float,
    spacing: float,
    minimum: float,
) -> float:
    """Place ``desired`` on a ring outside ``inner``; return the ring's radius."""
    if not desired:
        return inner
    radius = max(minimum, inner, len(desired) * spacing / TAU)
    for node, angle in _spread(desired, spacing / radius).items():
        pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return radius


def _order_chantiers(graph: "nx.DiGraph[str]") -> list[str]:
    def key(node: str) -> tuple[object, ...]:
        data = graph.nodes[node]
        defi = data.get("defi")
        defi_ident = graph.nodes[defi]["ident"] if isinstance(defi, str) and defi in graph else ""
        return (natural_key(defi_ident), natural_key(data["ident"]), node)

    return sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "chantier"), key=key)


def _by_kind(graph: "nx.DiGraph[str]", *kinds: str) -> list[str]:
    return _sorted(graph, (n for n, d in graph.nodes(data=True) if d["kind"] in kinds))


def _resources(graph: "nx.DiGraph[str]") -> list[str]:
    return _sorted(graph, (n for n, d in graph.nodes(data=True) if is_resource(d)))


def _sorted(graph: "nx.DiGraph[str]", nodes: Iterable[str]) -> list[str]:
    return sorted(
        nodes, key=lambda n: (natural_key(graph.nodes[n]["ident"]), graph.nodes[n]["label"], n)
    )


def _sectors(graph: "nx.DiGraph[str]", chantiers: list[str]) -> dict[str, tuple[float, float]]:
    """Each chantier's angular sector, as wide as the nodes hanging from it."""
    first_owner: dict[str, str] = {}
    for chantier in chantiers:
        for child in graph.successors(chantier):
            first_owner.setdefault(child, chantier)
    weight: dict[str, float] = defaultdict(lambda: 1.0)
    for chantier in first_owner.values():
        weight[chantier] += 1.0
    total = sum(weight[c] for c in chantiers) or 1.0
    sectors: dict[str, tuple[float, float]] = {}
    start = -math.pi / 2  # first chantier at the top, then clockwise on screen
    for chantier in chantiers:
        width = TAU * weight[chantier] / total
        sectors[chantier] = (start, start + width)
        start += width
    return sectors


def _mean_of(graph: "nx.DiGraph[str]", node: str, angle: dict[str, float]) -> float | None:
    neighbours = [*graph.successors(node), *graph.predecessors(node)]
    return _circular_mean(angle[n] for n in neighbours if n in angle)


def _place_leftovers(pos: Positions, graph: "nx.DiGraph[str]", radius: float) -> None:
    rest = [n for n in graph if n not in pos]
    if rest:
        _ring(pos, [(n, i * TAU / len(rest)) for i, n in enumerate(rest)], radius + 160, 60, 0)


def roadmap_layout(graph: "nx.DiGraph[str]") -> Positions:
    """Rings from the centre: enjeux, défis, services, chantiers, actions, resources."""
    pos: Positions = {}
    chantiers = _order_chantiers(graph)
    sectors = _sectors(graph, chantiers)
    angle: dict[str, float] = {c: (a + b) / 2 for c, (a, b) in sectors.items()}

    # Leaves inside their chantier's sector, in the sector's order.
    leaf_angle: dict[str, float] = {}
    for chantier in chantiers:
        a, b = sectors[chantier]
        children = [
            n
            for n in graph.successors(chantier)
            if graph.nodes[n]["kind"] == "action" or graph.in_degree(n) == 1
        ]
        children.sort(
            key=lambda n: (
                graph.nodes[n]["kind"] != "action",
                natural_key(graph.nodes[n]["ident"]),
                n,
            )
        )
        for i, child in enumerate(children):
            leaf_angle.setdefault(child, a + (i + 1) * (b - a) / (len(children) + 1))

    defis = _by_kind(graph, "defi")
    for defi in defis:
        mean = _circular_mean(angle[c] for c in graph.successors(defi) if c in angle)
        if mean is not None:
            angle[defi] = mean
    _fill_even(angle, defis)
    enjeux = _by_kind(graph, "enjeu")
    for enjeu in enjeux:
        mean = _mean_of(graph, enjeu, angle)
        if mean is not None:
            angle[enjeu] = mean
    _fill_even(angle, enjeux)
    services = _by_kind(graph, "service", "acteur")
    for service in services:
        angle[service] = _mean_of(graph, service, angle) or 0.0
    actions = _by_kind(graph, "action")
    resources = _resources(graph)
    for node in [*actions, *resources]:
        mean = leaf_angle.get(node)
        angle[node] = mean if mean is not None else (_mean_of(graph, node, angle) or 0.0)

    # Small roadmaps leave room for every label; large ones are read zoomed in.
    room = 2.2 if graph.number_of_nodes() <= ROOMY else 1.0
    radius = _ring(pos, [(n, angle[n]) for n in enjeux], 0, 150, 140)
    radius = _ring(pos, [(n, angle[n]) for n in defis], radius + 150, 150, 0)
    radius = _ring(pos, [(n, angle[n]) for n in services], radius + 110, 90, 0)
    radius = _ring(pos, [(n, angle[n]) for n in chantiers], radius + 120, 120, 0)
    radius = _ring(pos, [(n, angle[n]) for n in actions], radius + 130, 26 * room, 0)
    radius = _ring(pos, [(n, angle[n]) for n in resources], radius + 160, 40 * room, 0)
    _place_leftovers(pos, graph, radius)
    return pos


def _fill_even(angle: dict[str, float], nodes: list[str]) -> None:
    missing = [n for n in nodes if n not in angle]
    for i, node in enumerate(missing):
        angle[node] = -math.pi / 2 + i * TAU / len(missing)


def _box(data: dict[str, Any], roomy: bool) -> Box:
    """The node's box on the map, its label under it (see :mod:`._label_ring`)."""
    size = float(data.get("size", node_style(data["kind"]).size))
    # An alert's thick border and the label's white stroke widen the mark a little.
    size += 3.0 if data.get("alerte") else 1.5
    if not roomy:
        return Box(size + 8, size + 8, size + 8)
    font = FONT_SIZES.get(data["kind"], LABEL_FONT)
    width, height = label_box(map_label(data), font)
    return Box(max(size, width / 2), size, size + height)


def _owners(graph: "nx.DiGraph[str]", chantiers: list[str]) -> dict[str, str]:
    """Each resource's place: among its chantiers, the one nearest their middle.

    Chantiers are taken at even angles in their order; a shared resource sits by the
    chantier closest to the circular mean of its chantiers, so its links stay short.
    """
    rank = {c: i for i, c in enumerate(chantiers)}
    index = {c: i * TAU / max(len(chantiers), 1) for c, i in rank.items()}
    owners: dict[str, str] = {}
    for node in _resources(graph):
        linked = [c for c in graph.predecessors(node) if c in index]
        if not linked:
            continue
        mean = _circular_mean(index[c] for c in linked)
        assert mean is not None

        def distance(c: str, mean: float = mean) -> tuple[float, int]:
            gap = abs(index[c] - mean) % TAU
            return (min(gap, TAU - gap), rank[c])

        owners[node] = min(linked, key=distance)
    return owners


def gaps_layout(graph: "nx.DiGraph[str]") -> Positions:
    """Chantiers on an inner ring, resources on an outer ring next to their chantier.

    Resources go round in the chantiers' order (défi, then ID), each beside the chantier
    it hangs from (a shared one beside the middle one of its chantiers); a chantier
    without any resource takes its turn on the outer ring; each other chantier aims at
    the middle of its resources, so its links stay short. Both rings are
    spaced by the nodes' label boxes (from the node's ``size``, set beforehand by the
    page's metric, and its map label), so no label covers another or a big node's mark
    on maps up to ``ROOMY`` nodes; larger ones keep only the marks apart.
    """
    pos: Positions = {}
    roomy = graph.number_of_nodes() <= ROOMY
    ordered = _order_chantiers(graph)
    # A chantier without any resource has no link to cross: it takes its turn on the
    # outer ring, where it stays off the links of its neighbours.
    alone = {c for c in ordered if graph.degree(c) == 0}
    chantiers = [c for c in ordered if c not in alone]
    owners = _owners(graph, chantiers)
    owned: dict[str, list[str]] = defaultdict(list)
    for node, chantier in owners.items():
        owned[chantier].append(node)
    slots = _outer_slots(graph, ordered, alone, owned, roomy)
    inner_box = {c: _box(graph.nodes[c], roomy) for c in chantiers}
    inner_boxes = list(inner_box.values())
    outer_boxes = [box for _, _, box in slots]
    start = -math.pi / 2
    _, inner = walk_ring(inner_boxes, start, 160.0)
    gap = ring_gap(inner_boxes, outer_boxes)
    angles, outer = walk_ring(outer_boxes, start, inner * 1.5 + gap)
    # The first chantier's slots should centre on the top: the ring is walked again from
    # half their span back (the room a pair needs depends on where it is on the ring).
    first = [a for (_, c, _), a in zip(slots, angles, strict=True) if ordered and c == ordered[0]]
    if first and first[-1] > first[0]:
        angles, outer = walk_ring(outer_boxes, start - (first[-1] - first[0]) / 2, outer)
    slot_angle: dict[str, float] = {}
    for (slot, chantier, _), angle in zip(slots, angles, strict=True):
        if slot is None:
            slot_angle[chantier] = angle  # the empty slot keeping its place
        else:
            slot_angle[slot] = angle
            pos[slot] = (outer * math.cos(angle), outer * math.sin(angle))
    # Each chantier aims at the middle of all its resources (an empty slot if none);
    # the inner ring follows these aims round, which may reorder it a little.
    aims: dict[str, float] = {}
    for chantier in chantiers:
        linked = [slot_angle[n] for n in graph.successors(chantier) if n in slot_angle]
        aim = _circular_mean(linked) if linked else slot_angle.get(chantier)
        aims[chantier] = (aim if aim is not None else start) % TAU
    chantiers.sort(key=lambda c: aims[c])
    desired = [(aims[c], inner_box[c]) for c in chantiers]
    placed, inner = _inner_ring(desired, inner, outer - gap)
    for chantier, angle in zip(chantiers, placed, strict=True):
        pos[chantier] = (inner * math.cos(angle), inner * math.sin(angle))
    _place_leftovers(pos, graph, outer)
    return pos


def _outer_slots(
    graph: "nx.DiGraph[str]",
    ordered: list[str],
    alone: set[str],
    owned: dict[str, list[str]],
    roomy: bool,
) -> list[tuple[str | None, str, Box]]:
    """The outer ring of the gaps map: each chantier's resources (or an empty slot keeping
    its place), or the chantier itself when nothing hangs from it; (node, chantier, box)."""
    slots: list[tuple[str | None, str, Box]] = []
    for chantier in ordered:
        if chantier in alone:
            slots.append((chantier, chantier, _box(graph.nodes[chantier], roomy)))
            continue
        resources = owned.get(chantier, [])
        resources.sort(key=lambda n: (graph.in_degree(n), natural_key(graph.nodes[n]["ident"])))
        if not resources:
            slots.append((None, chantier, _box(graph.nodes[chantier], roomy)))
        slots.extend((node, chantier, _box(graph.nodes[node], roomy)) for node in resources)
    return slots


def _inner_ring(
    desired: list[tuple[float, Box]], inner: float, limit: float
) -> tuple[list[float], float]:
    """Angles and radius of the inner ring, each chantier facing its resources as far as
    there is room: rings growing from ``inner`` up to ``limit`` are tried and the one that
    turns chantiers least from their aims wins; if none fits, they go evenly round."""
    placed: list[float] | None = None
    best = math.inf
    radius = inner
    while radius <= limit:
        angles_here = spread_ring(desired, radius)
        if angles_here is not None:
            moved = sum(
                min(abs(a - w) % TAU, TAU - abs(a - w) % TAU) ** 2
                for a, (w, _) in zip(angles_here, desired, strict=True)
            )
            if moved < best - 1e-3:
                placed, inner, best = angles_here, radius, moved
        radius *= 1.1
    if placed is None and desired:
        placed, inner = walk_ring([box for _, box in desired], desired[0][0], inner)
    return placed or [], inner


# Sector centre (degrees, screen coordinates: 0 = right, 90 = down) of each group around
# a chantier: the seed's quadrants for the four kinds of resource, governance on top.
_SECTOR_DEGREES = {
    "partenaire": -150.0,
    "intervenant": -30.0,
    "materielle": 150.0,
    "financement": 30.0,
    "ressource": 90.0,
    "gouvernance": -90.0,
}
_OTHER_SECTOR = 90.0  # kinds of resource the palette does not know share the bottom
_SECTOR_SPAN = math.radians(52)
# The four quadrants make a map wider than tall, drawn in a roughly square frame:
# squeezed across and stretched down, it is drawn larger, and the labels hanging under
# the nodes of the left and right groups get more room between them.
_ACROSS, _DOWN = 0.75, 1.25
_ALONG_ARC, _BETWEEN_ARCS = 190.0, 190.0  # spacing of a group's nodes, in canvas units


def chantier_layout(graph: "nx.DiGraph[str]") -> Positions:
    """The chantier at the centre, each kind of resource in its sector, linked ones nearest."""
    pos: Positions = {}
    centre = next((n for n, d in graph.nodes(data=True) if d["kind"] == "chantier"), None)
    if centre is not None:
        pos[centre] = (0.0, 0.0)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in _resources(graph) + _by_kind(graph, "service", "acteur"):
        data = graph.nodes[node]
        groups[data["kind"] if is_resource(data) else "gouvernance"].append(node)
    headings = {d["groupe"]: n for n, d in graph.nodes(data=True) if d["kind"] == "groupe"}
    for group, nodes in groups.items():
        linked = [n for n in nodes if not graph.nodes[n].get("sansLien")]
        unlinked = [n for n in nodes if graph.nodes[n].get("sansLien")]
        centre_angle = math.radians(_SECTOR_DEGREES.get(group, _OTHER_SECTOR))
        radius = 330.0
        for batch in (linked, unlinked):
            radius = _arcs(pos, batch, centre_angle, radius)
        if group in headings:
            pos[headings[group]] = (
                (radius + 40) * math.cos(centre_angle),
                (radius + 40) * math.sin(centre_angle),
            )
    _action_arc(pos, _by_kind(graph, "action"))
    _place_leftovers(pos, graph, 600)
    return {node: (x * _ACROSS, y * _DOWN) for node, (x, y) in pos.items()}


# The chantier's own actions (small, unlabelled nodes): an arc just under the chantier,
# inside the resources' rings.
_ACTION_RADIUS, _ACTION_SPACING, _ACTION_ANGLE = 200.0, 42.0, 90.0


def _action_arc(pos: Positions, actions: list[str]) -> None:
    step = _ACTION_SPACING / _ACTION_RADIUS
    first = math.radians(_ACTION_ANGLE) - step * (len(actions) - 1) / 2
    for i, node in enumerate(actions):
        angle = first + i * step
        pos[node] = (_ACTION_RADIUS * math.cos(angle), _ACTION_RADIUS * math.sin(angle))


def _arcs(pos: Positions, nodes: list[str], centre: float, radius: float) -> float:
    """Fill arcs of the sector from ``radius`` outwards; return the next free radius."""
    spacing = _ALONG_ARC
    i = 0
    while i < len(nodes):
        capacity = max(1, int(_SECTOR_SPAN * radius / spacing) + 1)
        batch = nodes[i : i + capacity]
        span = min(_SECTOR_SPAN, (len(batch) - 1) * spacing / radius)
        for j, node in enumerate(batch):
            offset = 0.0 if len(batch) == 1 else -span / 2 + j * span / (len(batch) - 1)
            pos[node] = (radius * math.cos(centre + offset), radius * math.sin(centre + offset))
        i += capacity
        radius += _BETWEEN_ARCS
    return radius
