"""What a node's label shows on the map, and how much room it takes there.

The overview maps show short names (``Chantier 1.b``) and leave the full title to the
tooltip, the details and the search (the node's ``nom``). The layouts reserve room for
each label from an estimate of its box, so labels can be kept apart without a browser.
"""

import re
from typing import Any

__all__ = [
    "FONT_SIZES",
    "LABEL_FONT",
    "LABEL_WIDTH",
    "label_box",
    "map_label",
]

LABEL_FONT = 14  # vis-network's font size for the nodes without their own
LABEL_WIDTH = 190  # a label wraps past this width (``widthConstraint.maximum``)
# Overview maps are first seen whole, zoomed out: the upper levels get larger type.
FONT_SIZES = {"enjeu": 30, "defi": 22, "chantier": 20, "service": 15}

_SHORT = {"enjeu": "Enjeu", "defi": "Défi", "chantier": "Chantier"}
_LONG = 40  # past this many characters, a trailing "(…)" is left to the details
_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


def map_label(data: dict[str, Any]) -> str:
    """The label an overview map shows for a node of ``kind``/``ident``/``label`` data.

    Enjeux, défis and chantiers are named by their kind and ID; an action shows no text
    (there are dozens); a long name loses its trailing parenthesis, which the details
    still give in full.
    """
    kind = data["kind"]
    ident = data.get("ident") or ""
    label = str(data["label"])
    if kind in _SHORT and ident:
        return f"{_SHORT[kind]} {ident}"
    if kind == "action":
        return " "
    if len(label) > _LONG:
        shorter = _PARENTHESIS.sub("", label)
        if shorter:
            return shorter
    return label


# Widths of DejaVu Sans / system-ui glyphs, in ems, measured in Chromium (rounded up).
_NARROW = set("iljtfrI.,;:'’!|() -/")
_WIDE = set("mwMWœŒ")


def _text_width(text: str, font: float) -> float:
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.36
        elif char in _WIDE:
            ems += 0.92
        elif char.isupper() or char.isdigit():
            ems += 0.7
        else:
            ems += 0.6
    return ems * font


def label_box(
    text: str, font: float = LABEL_FONT, wrap: float | None = LABEL_WIDTH
) -> tuple[float, float]:
    """Estimated (width, height) of ``text`` drawn at ``font`` px, wrapped at ``wrap``.

    Words are wrapped greedily as vis-network does; each line is ``font`` high. The
    estimate errs on the wide side, so boxes kept apart by it do not touch once drawn.
    """
    if not text.strip():
        return 0.0, 0.0
    space = _text_width(" ", font)
    lines: list[float] = []
    current = -1.0
    for word in text.split():
        width = _text_width(word, font)
        if current >= 0 and (wrap is None or current + space + width <= wrap):
            current += space + width
        else:
            if current >= 0:
                lines.append(current)
            current = width
    lines.append(current)
    widest = max(lines)
    return (min(widest, wrap) if wrap is not None else widest), len(lines) * font
