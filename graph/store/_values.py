"""Binding values into query text: a ``VALUES`` block, or variables added to the projection.

For engines with no way to pre-bind any variable (a remote endpoint, or Oxigraph as a last
resort), ``VALUES (?a ?b) { (t1 t2) }`` opens the group that holds the query's body: the
WHERE group, or the ``GRAPH ?var { … }`` group it starts with (a user's query reading one
named graph), so that the values hold in that group's patterns and FILTERs and, by
the join, in everything after it, as rdflib's ``initBindings`` do. The terms are escaped
(see ``_terms.to_sparql``).

Oxigraph substitutes a variable natively (as a constant, which its planner pushes into
every pattern, OPTIONAL included) only when the SELECT projects it: ``with_projected``
adds the bound variables to the top-level projection and GROUP BY, where a constant
changes neither the rows nor the groups; the store then drops those columns.

The query text is only scanned, skipping comments, strings and IRIs, whose braces and
words do not count; nothing of a value is ever written by ``with_projected``.
"""

import re
from collections.abc import Iterator, Mapping

from rdflib.term import Identifier

from ._errors import StoreError
from ._terms import to_sparql

__all__ = ["with_projected", "with_values"]

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|^`\\]*>")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPACE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$))*")


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


def _keyword_at(query: str, i: int) -> str | None:
    """The keyword (upper case) starting at ``i``, if a word starts there."""
    if i > 0 and (query[i - 1].isalnum() or query[i - 1] in "_?$:"):
        return None
    match = _WORD.match(query, i)
    if match is None or (match.end() < len(query) and query[match.end()] == ":"):
        return None  # a prefixed name, not a keyword
    return match.group(0).upper()


def _group_start(query: str) -> int:
    """Index of the ``{`` that opens the query's WHERE clause."""
    for i in _code(query):
        if query[i] == "{":
            return i
    raise StoreError("requête SPARQL sans groupe WHERE { … } : impossible d'y lier des valeurs.")


def _group_end(query: str, start: int) -> int:
    """Index of the ``}`` that closes the group opened at ``start``."""
    depth = 0
    for i in _code(query, start):
        if query[i] == "{":
            depth += 1
        elif query[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise StoreError("requête SPARQL mal formée : accolade « { » non fermée.")


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


def _projection(query: str) -> tuple[int, int] | None:
    """Where the top-level projection's variables go, and where the projection ends.

    ``None`` for a query that is not a SELECT or that projects ``*`` (every variable in
    scope is then projected already).
    """
    positions = _code(query)
    for i in positions:
        if _keyword_at(query, i) == "SELECT":
            break
    else:
        return None
    at = i + len("SELECT")
    after = _SPACE.match(query, at).end()  # type: ignore[union-attr]
    if _keyword_at(query, after) in ("DISTINCT", "REDUCED"):
        at = after + len("DISTINCT" if query[after] in "dD" else "REDUCED")
        after = _SPACE.match(query, at).end()  # type: ignore[union-attr]
    if query.startswith("*", after):
        return None
    for j in _code(query, at):
        if query[j] == "{" or _keyword_at(query, j) in ("WHERE", "FROM"):
            return at, j
    return None


def _projected(text: str) -> set[str]:
    """Variables a projection clause names: at depth 0, or after ``AS``."""
    names: set[str] = set()
    depth = 0
    for match in re.finditer(r"\(|\)|\bAS\s+[?$](\w+)|[?$](\w+)", text, re.IGNORECASE):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif match.group(1):
            names.add(match.group(1))
        elif depth == 0:
            names.add(match.group(2))
    return names


def _read_alone(query: str, name: str) -> bool:
    """Whether ``query`` reads the variable alone: ``BOUND(?v)``, ``(?v AS …)``.

    Oxigraph 0.5 evaluates those to "unbound" for a substituted variable that no
    pattern in scope binds (a comparison such as ``?x > ?v`` or a triple pattern is
    fine): such a query gets a VALUES block instead.
    """
    variable = rf"[?$]{re.escape(name)}\b"
    alone = re.compile(rf"BOUND\s*\(\s*{variable}\s*\)|\(\s*{variable}\s+AS\b", re.IGNORECASE)
    return any(alone.match(query, i) is not None for i in _code(query) if query[i] in "bB(")


def with_projected(query: str, names: list[str]) -> tuple[str, list[str]] | None:
    """``query`` projecting (and grouping on) ``names`` too, and the names it added.

    For variables that will be substituted by constants: projecting or grouping on a
    constant adds a column and changes nothing else. ``None`` when the query's form is
    not one this handles (not a SELECT, no WHERE group, a variable read alone).
    """
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise StoreError(f"nom de variable invalide : « {name[:50]} ».")
    if any(_read_alone(query, name) for name in names):
        return None
    projection = _projection(query)
    if projection is None:
        return None
    at, end = projection
    missing = [n for n in names if n not in _projected(query[at:end])]
    if not missing:
        return query, []
    added = " " + " ".join(f"?{n}" for n in missing) + " "
    try:
        where_end = _group_end(query, _group_start(query))
    except StoreError:
        return None
    group_by = None
    positions = _code(query, where_end + 1)
    for i in positions:
        if _keyword_at(query, i) == "GROUP":
            follows = _SPACE.match(query, i + len("GROUP")).end()  # type: ignore[union-attr]
            if _keyword_at(query, follows) == "BY":
                group_by = follows + len("BY")
                break
    text = query
    if group_by is not None:
        text = text[:group_by] + added + text[group_by:]
    return text[:at] + added + text[at:], missing
