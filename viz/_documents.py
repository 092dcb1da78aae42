"""The documents a roadmap hands over (steps 5, 6 and 8 of the method): the roadmap
itself, one fiche chantier per chantier and one fiche action per action, as printable
HTML, PDF and editable DOCX, all from catalogue queries over a store."""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from feuille_de_route import UserError, atomic_write_tree

from ._document_data import fetch_document
from ._document_html import render_document_html
from ._document_map import draw_chantier_map
from ._document_model import build_document

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["DOCUMENT_FORMATS", "build_documents", "write_documents"]

# Format → the file it is written to.
DOCUMENT_FORMATS = {
    "html": "feuille-de-route.html",
    "pdf": "feuille-de-route.pdf",
    "docx": "feuille-de-route.docx",
}


def build_documents(
    store: "Store",
    roadmap: str | None = None,
    formats: Sequence[str] = tuple(DOCUMENT_FORMATS),
    chromium: Path | None = None,
) -> dict[str, bytes]:
    """The documents of one roadmap in ``store`` (its IRI or identifier; without it the
    store's only one), file name → bytes, for each of ``formats`` (``html``, ``pdf``,
    ``docx``). The PDF is the HTML printed by Chromium (``chromium``: its path; default
    /usr/bin/chromium). French :class:`UserError` for an unknown format or roadmap, or
    no Chromium when a PDF is asked."""
    unknown = [f for f in formats if f not in DOCUMENT_FORMATS]
    if unknown or not formats:
        known = ", ".join(DOCUMENT_FORMATS)
        raise UserError(f"format inconnu « {', '.join(unknown)} » : attendu parmi {known}.")
    data = fetch_document(store, roadmap)
    document = build_document(data)
    maps = {c: draw_chantier_map(data.for_chantier(c), c) for c in data.chantier_ids()}
    files: dict[str, bytes] = {}
    html = render_document_html(document, maps)
    if "html" in formats:
        files[DOCUMENT_FORMATS["html"]] = html.encode("utf-8")
    if "pdf" in formats:
        from ._document_pdf import html_to_pdf  # Playwright, only when a PDF is asked

        files[DOCUMENT_FORMATS["pdf"]] = html_to_pdf(html, chromium)
    if "docx" in formats:
        from ._document_docx import render_document_docx  # python-docx, likewise

        files[DOCUMENT_FORMATS["docx"]] = render_document_docx(document, maps)
    return files


def write_documents(
    store: "Store",
    folder: Path,
    roadmap: str | None = None,
    formats: Sequence[str] = tuple(DOCUMENT_FORMATS),
    chromium: Path | None = None,
) -> list[Path]:
    """Write :func:`build_documents`' files into ``folder``, replaced as one unit: a
    document of a format not asked this time is removed (it would no longer match), the
    folder's other files are kept."""
    files = build_documents(store, roadmap, formats, chromium)
    owned = set(DOCUMENT_FORMATS.values())
    atomic_write_tree(folder, files, owned=owned.__contains__)
    return [folder / name for name in files]
