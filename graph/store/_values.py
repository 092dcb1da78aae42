"""Bindings as a ``VALUES`` block inside a query's top-level group pattern.

For engines with no native way to pre-bind variables (a remote endpoint, or Oxigraph when
a variable is not projected), ``VALUES (?a ?b) { (t1 t2) }`` is placed just after the
``{`` that opens the WHERE clause: it joins with the whole group, so the variables hold
those values in every pattern, OPTIONAL and FILTER of it, as rdflib's ``initBindings`` do.
The terms are escaped (see ``_terms.to_sparql``); the query text is only scanned to find
where the group starts, skipping comments, strings and IRIs, whose braces do not count.
"""

import re
from collections.abc import Mapping

from rdflib.term import Identifier

from ._errors import StoreError
from ._terms import to_sparql

__all__ = ["with_values"]

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|^`\\]*>")


def _group_start(query: str) -> int:
    """Index of the ``{`` that opens the query's WHERE clause."""
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif char in "\"'":
            i = _string_end(query, i)
        elif char == "<":
            match = _IRIREF.match(query, i)
            i = match.end() if match else i + 1  # else it is the "less than" operator
        elif char == "{":
            return i
        else:
            i += 1
    raise StoreError("requête SPARQL sans groupe WHERE { … } : impossible d'y lier des valeurs.")


def _string_end(query: str, start: int) -> int:
    quote = query[start]
    long = query.startswith(quote * 3, start)
    delimiter = quote * 3 if long else quote
    i = start + len(delimiter)
    while i < len(query):
        if query[i] == "\\":
            i += 2
        elif query.startswith(delimiter, i):
            return i + len(delimiter)
        elif not long and query[i] in "\n\r":
            break
        else:
            i += 1
    raise StoreError("requête SPARQL mal formée : chaîne de caractères non fermée.")


def with_values(query: str, bindings: Mapping[str, Identifier]) -> str:
    """``query`` with ``bindings`` as a VALUES block opening its top-level group."""
    if not bindings:
        return query
    names = []
    for name in bindings:
        if not _VARIABLE.fullmatch(name):
            raise StoreError(f"nom de variable invalide : « {name[:50]} ».")
        names.append(f"?{name}")
    terms = " ".join(to_sparql(term) for term in bindings.values())
    block = f" VALUES ({' '.join(names)}) {{ ({terms}) }} "
    at = _group_start(query) + 1
    return query[:at] + block + query[at:]
