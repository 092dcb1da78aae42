"""Binding values into query text: a ``VALUES`` block of escaped terms.

For engines with no way to pre-bind any variable (a remote endpoint, Oxigraph), ``VALUES
(?a ?b) { (t1 t2) }`` opens the group that holds the query's body: the WHERE group, or
the ``GRAPH ?var { … }`` group it starts with (a user's query reading one named graph),
so that the values hold in that group's patterns and FILTERs and, by the join, in
everything after it, as rdflib's ``initBindings`` do. The terms are escaped (see
``_terms.to_sparql``).

The query text is only scanned, skipping comments, strings and IRIs, whose braces and
words do not count.
"""

import re
from collections.abc import Iterator, Mapping

from rdflib.term import Identifier

from ._errors import StoreError
from ._terms import to_sparql

__all__ = ["names_its_dataset", "query_code", "with_values"]

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|^`\\]*>")
_SPACE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$))*")
# The FROM keyword as a word of code: not a variable (?from), nor part of a prefixed name.
_FROM = re.compile(r"(?<![\w?$:.-])FROM(?![\w:.-])", re.IGNORECASE)


def _code(query: str, start: int = 0) -> Iterator[int]:
    """Indexes of the query's code characters: outside comments, strings and IRIs."""
    i, n = start, len(query)
    while i < n:
        char = query[i]
        if char == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif char in "\"'":
            i = _string_end(query, i)
        elif char == "<" and (match := _IRIREF.match(query, i)) is not None:
            i = match.end()  # else "<" is the "less than" operator
        else:
            yield i
            i += 1


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


def _group_start(query: str) -> int:
    """Index of the ``{`` that opens the query's WHERE clause."""
    for i in _code(query):
        if query[i] == "{":
            return i
    raise StoreError("requête SPARQL sans groupe WHERE { … } : impossible d'y lier des valeurs.")


def query_code(query: str) -> str:
    """``query`` with its comments, strings and IRIs blanked (same length): its code."""
    code = [" "] * len(query)
    for i in _code(query):
        code[i] = query[i]
    return "".join(code)


def names_its_dataset(query: str) -> bool:
    """Whether ``query`` has a ``FROM`` or ``FROM NAMED`` clause (before its WHERE group).

    Only the query's code is read: a ``FROM`` in a comment, a string or an IRI, or a
    variable or prefixed name spelled like it, does not count.
    """
    return _FROM.search(query_code(query).split("{", 1)[0]) is not None


def _body_start(query: str) -> int:
    """Index just after the ``{`` of the group holding the query's body.

    The WHERE group, or, when that group starts with ``GRAPH ?var {``, that GRAPH group.
    """
    at = _group_start(query) + 1
    match = re.compile(r"GRAPH\s+[?$][A-Za-z_][A-Za-z0-9_]*\s*\{", re.IGNORECASE).match(
        query,
        _SPACE.match(query, at).end(),  # type: ignore[union-attr]
    )
    return match.end() if match is not None else at


def with_values(query: str, bindings: Mapping[str, Identifier]) -> str:
    """``query`` with ``bindings`` as a VALUES block opening the group of its body."""
    if not bindings:
        return query
    names = []
    for name in bindings:
        if not _VARIABLE.fullmatch(name):
            raise StoreError(f"nom de variable invalide : « {name[:50]} ».")
        names.append(f"?{name}")
    terms = " ".join(to_sparql(term) for term in bindings.values())
    block = f" VALUES ({' '.join(names)}) {{ ({terms}) }} "
    at = _body_start(query)
    return query[:at] + block + query[at:]
