"""What counts as an IRI the package may write between ``<>`` (RFC 3987, SPARQL 1.1 IRIREF)."""

import re
import urllib.parse

__all__ = ["is_absolute_iri", "is_http_iri"]

# An absolute IRI (scheme, colon, then at least one character) minus what an IRIREF may
# never hold unescaped: white space, <>"{}|\^` and control characters. Such characters would
# change a query or a Turtle file if a term were ever written out as text.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x20<>\"{}|^`\\\x7f]+")


def is_absolute_iri(text: str) -> bool:
    """True when ``text`` is an absolute IRI that can stand between ``<>`` unescaped."""
    return _IRI.fullmatch(text) is not None


def is_http_iri(text: str) -> bool:
    """True for an absolute ``http``/``https`` IRI with a host (a base IRI, an endpoint)."""
    if not is_absolute_iri(text):
        return False
    parts = urllib.parse.urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
