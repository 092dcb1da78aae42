"""The documents as one printable HTML file: offline (styles inline, maps as ``data:``
SVG images, no script), a print stylesheet with a page break before each fiche."""

import base64
from dataclasses import dataclass

from ._document_map import ChantierMap
from ._document_parts import Document
from ._page import _environment

__all__ = ["render_document_html"]


@dataclass(frozen=True)
class _Picture:
    uri: str
    alt: str


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def render_document_html(document: Document, maps: dict[str, ChantierMap]) -> str:
    """The HTML text of ``document``; ``maps`` holds each chantier's map by its ID.
    Every text of the data is escaped by the template."""
    environment = _environment()
    environment.filters["milliers"] = _thousands
    pictures = {
        ident: _Picture(
            "data:image/svg+xml;base64," + base64.b64encode(m.svg).decode("ascii"), m.alt
        )
        for ident, m in maps.items()
    }
    return environment.get_template("document.html").render(doc=document, maps=pictures)
