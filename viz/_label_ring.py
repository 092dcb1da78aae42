"""Rings of nodes spaced by their label boxes, so that no two labels meet.

A node drawn by vis-network as a dot, star, triangle or diamond has its label hanging
under it: its box spans half its width either side, ``size`` above the centre and
``size`` plus the label's height below. Two neighbours on a ring are apart along the
ring's tangent: at the top and bottom of the ring their boxes sit side by side (widths
count), on the left and right one above the other (heights count). The arc each pair
needs is worked out from that direction, so a ring is no larger than its labels need.
Each ring costs a sort and a walk: O(n log n).
"""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Box", "ring_gap", "spread_ring", "walk_ring"]

TAU = 2 * math.pi
_MARGIN = 10.0  # canvas units kept free between two boxes (label stroke, rounding)


@dataclass(frozen=True)
class Box:
    """A node's box around its centre: half its width, its extent above and below."""

    half: float
    up: float
    down: float


def _chord(a: Box, b: Box, angle: float) -> float:
    """Distance two consecutive nodes at ``angle`` on a ring need so their boxes are apart."""
    # Going round the ring (angle increasing, screen y downwards) moves along (-sin, cos).
    dx, dy = -math.sin(angle), math.cos(angle)
    across = a.half + b.half + _MARGIN
    down = (a.down + b.up if dy > 0 else b.down + a.up) + _MARGIN
    needs = []
    if abs(dx) > 1e-9:
        needs.append(across / abs(dx))
    if abs(dy) > 1e-9:
        needs.append(down / abs(dy))
    return min(needs)


def _step(a: Box, b: Box, angle: float, radius: float) -> float:
    """The angle between ``a`` at ``angle`` and the next node ``b`` on a ring of ``radius``."""
    chord = _chord(a, b, angle)
    # Measured at the middle of the step: the direction there is the chord's.
    chord = max(chord, _chord(a, b, angle + chord / (2 * radius)))
    return 2 * math.asin(min(1.0, chord / (2 * radius)))


def _walk(
    boxes: Sequence[Box], start: float, radius: float, pad: float = 0.0
) -> tuple[list[float], float]:
    """Angles of ``boxes`` side by side from ``start``, ``pad`` added to each step; the turn."""
    angles = [start]
    for a, b in itertools.pairwise(boxes):
        angles.append(angles[-1] + _step(a, b, angles[-1], radius) + pad)
    closing = _step(boxes[-1], boxes[0], angles[-1], radius) if len(boxes) > 1 else 0.0
    return angles, angles[-1] + closing + pad - start


def ring_gap(inner: Sequence[Box], outer: Sequence[Box]) -> float:
    """Radial distance between two rings so that no inner box meets an outer one."""
    if not inner or not outer:
        return 0.0
    across = max(b.half for b in inner) + max(b.half for b in outer) + _MARGIN
    down = max(
        max(b.down for b in inner) + max(b.up for b in outer),
        max(b.up for b in inner) + max(b.down for b in outer),
    )
    return math.hypot(across, down + _MARGIN)


def walk_ring(boxes: Sequence[Box], start: float, minimum: float) -> tuple[list[float], float]:
    """Angles for ``boxes`` in their order round a ring, and the ring's radius.

    The radius is the smallest (at least ``minimum``) on which the boxes fit side by
    side; slack left once round is shared out evenly, so the nodes fill the whole ring.
    """
    if not boxes:
        return [], minimum
    if len(boxes) == 1:
        return [start], minimum
    demand = sum(_chord(a, b, start) for a, b in zip(boxes, [*boxes[1:], boxes[0]], strict=True))
    radius = max(minimum, demand / TAU, 1.0)
    _, total = _walk(boxes, start, radius)
    while total > TAU:  # a larger ring needs smaller steps: this ends
        radius *= max(total / TAU, 1.01)
        _, total = _walk(boxes, start, radius)
    # The first guess measured every pair side by side, as at the top of the ring; those
    # on the sides need less: the smallest ring that still holds them is searched.
    low_radius = max(minimum, 1.0)
    for _ in range(30):
        if radius - low_radius < 1.0:
            break
        middle = (low_radius + radius) / 2
        _, around = _walk(boxes, start, middle)
        if around <= TAU:
            radius, total = middle, around
        else:
            low_radius = middle
    # Slack goes evenly between the nodes. Each step is worked out where it lands (the
    # room a pair needs depends on its place on the ring), so the padding is searched.
    low, high = 0.0, (TAU - total) / len(boxes)
    for _ in range(40):
        middle = (low + high) / 2
        if _walk(boxes, start, radius, middle)[1] <= TAU:
            low = middle
        else:
            high = middle
    return _walk(boxes, start, radius, low)[0], radius


def _pool(wanted: list[float], offsets: list[float]) -> list[float]:
    """Positions ``q + offsets[i]`` nearest ``wanted`` (least squares), in order.

    Pool-adjacent-violators: consecutive nodes that would overlap move as one block,
    centred on what its members want. O(n).
    """
    blocks: list[tuple[float, int]] = []  # (sum of wanted - offset, count)
    for w, o in zip(wanted, offsets, strict=True):
        total, count = w - o, 1
        while blocks and blocks[-1][0] / blocks[-1][1] >= total / count:
            t, c = blocks.pop()
            total, count = total + t, count + c
        blocks.append((total, count))
    out: list[float] = []
    for total, count in blocks:
        q, base = total / count, len(out)
        out.extend(q + offsets[base + i] for i in range(count))
    return out


def spread_ring(desired: Sequence[tuple[float, Box]], radius: float) -> list[float] | None:
    """Angles as near ``desired`` (in ring order) as the boxes allow on ``radius``.

    Returns None when the boxes do not fit round this ring at these angles.
    """
    n = len(desired)
    if n <= 1:
        return [a for a, _ in desired]
    wanted = [a for a, _ in desired]
    boxes = [b for _, b in desired]
    # Cut the ring where the desired angles leave the widest empty arc.
    free = [wanted[i + 1] - wanted[i] for i in range(n - 1)] + [wanted[0] + TAU - wanted[-1]]
    first = (free.index(max(free)) + 1) % n
    order = [*range(first, n), *range(first)]
    line = [wanted[i] + (TAU if i < first else 0.0) for i in order]
    for factor in (1.0, 1.1, 1.25, 1.5):
        offsets = [0.0]
        for j in range(n - 1):
            a, b = boxes[order[j]], boxes[order[j + 1]]
            offsets.append(offsets[-1] + factor * _step(a, b, line[j], radius))
        placed = _pool(line, offsets)
        steps_ok = all(
            placed[j + 1] - placed[j]
            >= _step(boxes[order[j]], boxes[order[j + 1]], placed[j], radius)
            for j in range(n - 1)
        )
        closing = _step(boxes[order[-1]], boxes[order[0]], placed[-1], radius)
        if steps_ok and placed[-1] + closing <= placed[0] + TAU:
            angles = [0.0] * n
            for j, i in enumerate(order):
                angles[i] = placed[j]
            return angles
    return None
