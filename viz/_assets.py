"""What a page inlines: vis-network, our script and style sheet, and its data as JSON.

Data reaches the page only as JSON inside a ``<script type="application/json">``
element, with every character that could end that element or be read as markup escaped.
"""

import functools
import json
from pathlib import Path

__all__ = ["json_for_html", "own_assets", "vis_library"]

_HERE = Path(__file__).resolve().parent


def json_for_html(value: object) -> str:
    """JSON text safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``/``\\u003e``/``\\u0026`` so no ``</script>``
    or ``<!--`` can appear; U+2028 and U+2029 are escaped for older JavaScript parsers.
    The text is still valid JSON and parses back to ``value``.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@functools.cache
def vis_library() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _inline_safe(js, "vis-network.min.js"), _inline_safe(css, "vis-network.css")


@functools.cache
def own_assets() -> tuple[str, str]:
    js = (_HERE / "static" / "carto.js").read_text(encoding="utf-8")
    css = (_HERE / "static" / "carto.css").read_text(encoding="utf-8")
    return _inline_safe(js, "carto.js"), _inline_safe(css, "carto.css")


def _inline_safe(text: str, name: str) -> str:
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{name} ne peut pas être incorporé tel quel dans la page")
    return text
