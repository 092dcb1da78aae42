"""IRIs written short, both ways: the tables show them so, the parameters take them so.

A table shows an IRI with the prefix table (``ontology.PREFIXES``: ``fdr:operante``,
``th:competences``, ``igeo:Departement``), or a territory's IRI from the territory on
(``…/grand-perigueux/``). A parameter typed IRI takes what a table shows, so that a user
copies a cell into ``--param``: :func:`expand_iri` gives back the full IRI, and
``expand_iri(abbreviate(iri)) == iri`` for every IRI.

A prefixed name is expanded only for a prefix of the table: any other ``scheme:rest``
(``urn:…``, ``mailto:…``) stays the absolute IRI it is.
"""

from __future__ import annotations

import re

from feuille_de_route.ontology import PREFIXES, TERRITORIES

__all__ = ["abbreviate", "expand_iri"]

_ELLIPSIS = "…/"
# By hand, three dots stand for the ellipsis a table shows.
_TYPED_ELLIPSIS = ".../"
_PREFIXED = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*):(?P<local>.+)", re.DOTALL)


def abbreviate(iri: str) -> str | None:
    """``iri`` with its prefix, or from its territory on; None when neither applies."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    if iri.startswith(TERRITORIES) and len(iri) > len(TERRITORIES):
        return _ELLIPSIS + iri[len(TERRITORIES) :]
    return None


def expand_iri(text: str) -> str:
    """The full IRI that ``text`` abbreviates; ``text`` itself when it abbreviates none."""
    for ellipsis in (_ELLIPSIS, _TYPED_ELLIPSIS):
        if text.startswith(ellipsis) and len(text) > len(ellipsis):
            return TERRITORIES + text[len(ellipsis) :]
    match = _PREFIXED.fullmatch(text)
    if match is not None and match["prefix"] in PREFIXES:
        return str(PREFIXES[match["prefix"]]) + match["local"]
    return text
