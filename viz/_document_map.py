"""A chantier's cartography of resources as a static picture, for the documents.

The same graph and layout as the interactive map (``build_chantier_graph``,
``chantier_layout``, from the same records) and the same palette (``node_style``,
``edge_style``), turned into a small scene of marks, links and labels, then written
offline two ways: an SVG for the HTML and the PDF (text escaped, no script), a PNG drawn
with Pillow for the DOCX (Word reads no SVG without a bitmap beside it). No browser;
a few milliseconds per chantier.
"""

import functools
import io
import math
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
from PIL import Image, ImageDraw, ImageFont

from ._document_parts import NOT_XML
from ._graph import build_chantier_graph
from ._layout import chantier_layout
from ._results import Results
from ._style import ASSUMPTION_COLOR, edge_style, is_resource, node_style

__all__ = ["ChantierMap", "draw_chantier_map"]

_WIDTH = 1000.0  # SVG user units across; the PNG is drawn at _PNG_SCALE times that
_PNG_SCALE = 1.4
_MARGIN = 20.0
_FONT = 11.0
_CENTRE_FONT = 14.0
_LINE = 1.2  # line height, in font sizes
_FADED = "#9aa5b1"
_INK = "#1f2933"


@dataclass(frozen=True)
class ChantierMap:
    """One chantier's map: SVG bytes, PNG bytes and its French text alternative."""

    svg: bytes
    png: bytes
    alt: str


@dataclass(frozen=True)
class _Mark:
    x: float
    y: float
    shape: str
    color: str
    radius: float
    faded: bool
    assumed: bool
    lines: tuple[str, ...]
    font: float
    bold: bool


@dataclass(frozen=True)
class _Link:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float
    dashes: tuple[float, ...]
    assumed: bool


@dataclass(frozen=True)
class _Scene:
    width: float
    height: float
    marks: tuple[_Mark, ...]
    links: tuple[_Link, ...]


def _outline(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]]:
    """The polygon of a vis-network shape (a dot is drawn as a circle instead)."""

    def ring(count: int, start: float, radii: tuple[float, ...]) -> list[tuple[float, float]]:
        return [
            (
                x + radii[i % len(radii)] * math.cos(start + i * 2 * math.pi / count),
                y + radii[i % len(radii)] * math.sin(start + i * 2 * math.pi / count),
            )
            for i in range(count)
        ]

    if shape == "square":
        return [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    if shape == "diamond":
        return ring(4, -math.pi / 2, (r * 1.2,))
    if shape == "triangle":
        return ring(3, -math.pi / 2, (r * 1.25,))
    if shape == "triangleDown":
        return ring(3, math.pi / 2, (r * 1.25,))
    if shape == "star":
        return ring(10, -math.pi / 2, (r * 1.35, r * 0.6))
    if shape == "hexagon":
        return ring(6, 0, (r * 1.1,))
    return ring(24, 0, (r,))


def _mark(data: dict[str, object], x: float, y: float) -> _Mark:
    kind = str(data["kind"])
    style = node_style(kind)
    centre = bool(data.get("centre"))
    label = str(data["label"])
    if centre:
        label = f"{data['ident']} — {label}"
    most = 4 if centre else 3
    wrapped = textwrap.wrap(label, 30 if centre else 22)
    lines = tuple(wrapped[:most])
    if len(wrapped) > most:
        lines = (*lines[:-1], lines[-1] + " …")
    if data.get("hypothese"):
        lines = (*lines, "(hypothèse)")
    return _Mark(
        x=x,
        y=y,
        shape="text" if kind == "groupe" else style.shape,
        color=style.color,
        radius=16.0 if centre else 8.0,
        faded=bool(data.get("sansLien")),
        assumed=bool(data.get("hypothese")),
        lines=lines,
        font=_CENTRE_FONT if centre else (_FONT + 1 if kind == "groupe" else _FONT),
        bold=centre or kind == "groupe",
    )


def _scene(graph: "nx.DiGraph[str]", pos: dict[str, tuple[float, float]]) -> _Scene:
    """The graph laid out at ``pos``, scaled to ``_WIDTH`` with room for the labels."""
    placed = [n for n in graph if n in pos]
    if not placed:
        return _Scene(_WIDTH, 100.0, (), ())
    xs = [pos[n][0] for n in placed]
    ys = [pos[n][1] for n in placed]
    span_x = max(max(xs) - min(xs), 1.0)
    # Labels hang about 80 layout units around each node: keep them inside.
    scale = (_WIDTH - 2 * _MARGIN) / (span_x + 220)
    left, top = min(xs) - 110, min(ys) - 60

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return _MARGIN + (x - left) * scale, _MARGIN + (y - top) * scale

    marks = tuple(_mark(graph.nodes[n], *at(n)) for n in placed)
    links = []
    for source, target, data in graph.edges(data=True):
        if source in pos and target in pos:
            style = edge_style(str(data["kind"]))
            assumed = bool(data.get("hypothese"))
            links.append(
                _Link(
                    *at(source),
                    *at(target),
                    color=ASSUMPTION_COLOR if assumed else style.color,
                    width=style.width * 0.8,
                    dashes=tuple(d * 0.8 for d in style.dashes),
                    assumed=assumed,
                )
            )
    height = _MARGIN * 2 + (max(ys) - top + 120) * scale
    return _Scene(_WIDTH, height, marks, tuple(links))


# --- SVG ------------------------------------------------------------------------------
def _xml(text: str) -> str:
    """``text`` escaped for XML, characters XML 1.0 cannot hold dropped."""
    return escape(NOT_XML.sub("", text))


def _svg_text(mark: _Mark) -> str:
    if mark.shape == "text":
        y0 = mark.y - (len(mark.lines) - 1) * mark.font * _LINE / 2
    else:
        y0 = mark.y + mark.radius + mark.font * 1.1
    color = _FADED if mark.faded else _INK
    weight = ' font-weight="700"' if mark.bold else ""
    spans = "".join(
        f'<tspan x="{mark.x:.1f}" y="{y0 + i * mark.font * _LINE:.1f}">{_xml(line)}</tspan>'
        for i, line in enumerate(mark.lines)
    )
    return (
        f'<text text-anchor="middle" font-size="{mark.font:g}" fill="{color}"{weight}>'
        f"{spans}</text>"
    )


def _svg_mark(mark: _Mark) -> str:
    if mark.shape == "text":
        return _svg_text(mark)
    opacity = ' opacity="0.4"' if mark.faded else ""
    stroke = (
        f'stroke="{ASSUMPTION_COLOR}" stroke-width="2.5" stroke-dasharray="4 3"'
        if mark.assumed
        else 'stroke="#ffffff" stroke-width="1"'
    )
    if mark.shape == "dot":
        shape = f'<circle cx="{mark.x:.1f}" cy="{mark.y:.1f}" r="{mark.radius:g}"'
    else:
        points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in _outline(mark.shape, mark.x, mark.y, mark.radius)
        )
        shape = f'<polygon points="{points}"'
    return f'{shape} fill="{mark.color}" {stroke}{opacity}/>' + _svg_text(mark)


def _svg_link(link: _Link) -> str:
    dashes = f' stroke-dasharray="{" ".join(f"{d:g}" for d in link.dashes)}"' if link.dashes else ""
    line = (
        f'<line x1="{link.x1:.1f}" y1="{link.y1:.1f}" x2="{link.x2:.1f}" y2="{link.y2:.1f}" '
        f'stroke="{link.color}" stroke-width="{link.width:g}"{dashes}/>'
    )
    if not link.assumed:
        return line
    mx, my = (link.x1 + link.x2) / 2, (link.y1 + link.y2) / 2
    return (
        f'{line}<circle cx="{mx:.1f}" cy="{my:.1f}" r="7" fill="#ffffff" '
        f'stroke="{link.color}"/><text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" '
        'font-size="10" font-weight="700" fill="#8a4b00">?</text>'
    )


def _svg(scene: _Scene, title: str) -> bytes:
    body = "".join(
        [_svg_link(link) for link in scene.links] + [_svg_mark(mark) for mark in scene.marks]
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {scene.width:.0f} {scene.height:.0f}" '
        f'width="{scene.width:.0f}" height="{scene.height:.0f}" role="img" '
        f'aria-label={quoteattr(NOT_XML.sub("", title))} font-family="DejaVu Sans, sans-serif">'
        f"<title>{_xml(title)}</title>{body}</svg>"
    ).encode()


# --- PNG ------------------------------------------------------------------------------
@functools.cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _drawable(text: str) -> str:
    """``text`` without the characters a bitmap font cannot lay out on one line
    (controls, format characters, line and paragraph separators)."""
    return "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)


def _dashed(draw: ImageDraw.ImageDraw, link: _Link, k: float, color: str, width: int) -> None:
    x1, y1, x2, y2 = link.x1 * k, link.y1 * k, link.x2 * k, link.y2 * k
    if not link.dashes:
        draw.line([(x1, y1), (x2, y2)], fill=color, width=width)
        return
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    pattern = [d * k for d in link.dashes]
    done, i = 0.0, 0
    while done < length:
        step = min(pattern[i % len(pattern)], length - done)
        if i % 2 == 0:
            a, b = done / length, (done + step) / length
            draw.line(
                [
                    (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                    (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                ],
                fill=color,
                width=width,
            )
        done += step
        i += 1


def _png_mark(draw: ImageDraw.ImageDraw, mark: _Mark, k: float) -> None:
    x, y, r = mark.x * k, mark.y * k, mark.radius * k
    if mark.shape != "text":
        fill = _blend(mark.color, 0.4) if mark.faded else mark.color
        outline = ASSUMPTION_COLOR if mark.assumed else "#ffffff"
        width = 3 if mark.assumed else 1
        if mark.shape == "dot":
            draw.ellipse([x - r, y - r, x + r, y + r], fill=fill, outline=outline, width=width)
        else:
            draw.polygon(_outline(mark.shape, x, y, r), fill=fill, outline=outline, width=width)
    font = _font(round(mark.font * k), mark.bold)
    step = mark.font * _LINE * k
    if mark.shape == "text":
        y0 = y - (len(mark.lines) - 1) * step / 2
    else:
        y0 = y + r + mark.font * 1.1 * k
    color = _FADED if mark.faded else _INK
    for i, line in enumerate(mark.lines):
        draw.text((x, y0 + i * step), _drawable(line), fill=color, font=font, anchor="ms")


def _blend(color: str, alpha: float) -> str:
    """``color`` at ``alpha`` over white, as ``#rrggbb``."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(255 - (255 - c) * alpha) for c in (r, g, b))
    return "#" + "".join(f"{c:02x}" for c in mix)


def _png(scene: _Scene) -> bytes:
    k = _PNG_SCALE
    image = Image.new("RGB", (round(scene.width * k), round(scene.height * k)), "#ffffff")
    draw = ImageDraw.Draw(image)
    for link in scene.links:
        _dashed(draw, link, k, link.color, max(1, round(link.width * k)))
        if link.assumed:
            mx, my = (link.x1 + link.x2) / 2 * k, (link.y1 + link.y2) / 2 * k
            draw.ellipse([mx - 9, my - 9, mx + 9, my + 9], fill="#ffffff", outline=link.color)
            draw.text((mx, my + 5), "?", fill="#8a4b00", font=_font(13, True), anchor="ms")
    for mark in scene.marks:
        _png_mark(draw, mark, k)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def draw_chantier_map(results: Results, chantier_id: str) -> ChantierMap:
    """The map of chantier ``chantier_id`` (checked by the caller) as SVG and PNG."""
    graph = build_chantier_graph(results, chantier_id)
    scene = _scene(graph, chantier_layout(graph))
    linked = sum(1 for _, d in graph.nodes(data=True) if is_resource(d) and not d.get("sansLien"))
    alt = (
        f"Cartographie des ressources du chantier {chantier_id} : {linked} ressource(s) "
        "liée(s) au chantier, les autres ressources du territoire pâlies, sans trait."
    )
    return ChantierMap(_svg(scene, alt), _png(scene), alt)
