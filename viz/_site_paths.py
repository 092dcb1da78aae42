"""Where a thing's files go in the published site: the IRI's path after the base IRI.

``{base}chantier/1.b`` is served from ``chantier/1.b.html``, ``.ttl`` and ``.jsonld``;
the base IRI itself (the roadmap) from ``index.html``, ``index.ttl``, ``index.jsonld``.
File names are the IRI's segments percent-decoded (a web server decodes the request the
same way); links between pages are relative and percent-encoded, so the site works
from any host and from disk. An IRI whose path could escape the site (``.``, ``..``, an
encoded ``/``, a NUL, a query or a fragment) gets no page.
"""

import hashlib
import posixpath
from dataclasses import dataclass
from urllib.parse import quote, unquote

from feuille_de_route.ontology import FDR

__all__ = ["FDR_NAMESPACE", "RESERVED", "Link", "anchor", "file_href", "thing_path"]


@dataclass(frozen=True)
class Link:
    """A text, with where it leads (``href`` empty: plain text)."""

    text: str
    href: str = ""
    note: str = ""


# Top-level names the site itself uses: no thing is published under them.
RESERVED = frozenset({"ontologie", "cartographie", "w3id", "catalogue", "index"})


def thing_path(iri: str, base: str) -> str | None:
    """The site path (without suffix) of ``iri``: ``"index"`` for the base IRI, the
    decoded path after it otherwise, or None when the IRI is not published."""
    if iri == base:
        return "index"
    if not iri.startswith(base) or "?" in iri or "#" in iri:
        return None
    segments = [unquote(s) for s in iri[len(base) :].split("/")]
    for segment in segments:
        if segment in {"", ".", ".."} or "/" in segment or "\\" in segment or "\0" in segment:
            return None
    if segments[0] in RESERVED or len(segments) < 2:
        return None
    return "/".join(segments)


def file_href(origin: str, target: str) -> str:
    """The relative, percent-encoded link from the file ``origin`` to the file ``target``
    (both site paths with their suffix)."""
    relative = posixpath.relpath(target, posixpath.dirname(origin) or ".")
    return "/".join(s if s == ".." else quote(s, safe="~") for s in relative.split("/"))


FDR_NAMESPACE = str(FDR)


def anchor(iri: str) -> str:
    """The ``id`` of a term in the ontology's documentation: its local name in ``fdr:``,
    otherwise a short hash of its IRI."""
    if iri.startswith(FDR_NAMESPACE):
        return iri[len(FDR_NAMESPACE) :]
    return "t-" + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:12]
