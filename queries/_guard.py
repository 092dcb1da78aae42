"""What a query may reach: nothing outside the store, unless federation is allowed.

A query is inspected in rdflib's parsed algebra before any store runs it: ``SERVICE``
(federation: the engine would send a request to that server) is refused unless its
endpoint is one the user allowed (``--federation``: a host, a ``host:port``, or the
server's address itself); ``FROM``/``FROM NAMED`` may only name the store's own graphs
(an engine may otherwise fetch the IRI or read a ``file:`` path). Updates and ``LOAD``
never get this far: :func:`check_select` accepts SELECT queries only.

A query may name its server by a parameter (``SERVICE ?_serveur``): engines need that
IRI as a constant (Oxigraph refuses a ``SERVICE`` variable bound by ``VALUES``, rdflib
ignores it), so :func:`bind_services` checks the bound IRI like a written one and then
writes it, escaped, in place of the variable. It is the one value written into a query's
text: an address the user gave on the command line, never data of the store.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections.abc import Callable, Collection, Iterator, Mapping

from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier, Node, URIRef

from feuille_de_route import UserError, is_http_iri, redact_url, terminal_safe
from feuille_de_route._sparql import parsed_query
from feuille_de_route.graph.store import StoreError, query_code

__all__ = [
    "bind_services",
    "check_access",
    "endpoint_allowed",
    "federated",
    "normalise_host",
    "query_reach",
    "service_parameters",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_host(host: str) -> str:
    """A host name as compared: lower case, no trailing dot, brackets kept off IPv6."""
    return host.strip().lower().rstrip(".").strip("[]")


def _nodes(value: object) -> Iterator[CompValue]:
    if isinstance(value, CompValue):
        yield value
        for child in value.values():
            yield from _nodes(child)
    elif isinstance(value, list | tuple):
        for child in value:
            yield from _nodes(child)


# What a query's code must hold to reach anything (see _reaches_nothing): the keyword
# SERVICE or FROM, as a word (not a variable ?service, nor a prefixed name fdr:Service
# or service:x, nor part of a longer word), or a backslash.
_REACHING = re.compile(r"(?<![\w?$:])(?:service|from)(?![\w:])|\\", re.IGNORECASE)


def _reaches_nothing(text: str) -> bool:
    """Whether ``text`` surely has no ``SERVICE`` and no ``FROM``, without parsing it.

    Each needs its keyword in the query's code, outside comments, strings and IRIs,
    whatever its case. A backslash anywhere in the code (a prefixed name's ``\\#`` would
    make the rest of its line look like a comment) and a codepoint escape anywhere
    (``\\u0053ERVICE`` is ``SERVICE``: SPARQL 1.1 §19.2 expands escapes before parsing)
    send the query to the full parse. Parsing takes rdflib about 60 ms per query, most of
    a small catalogue query's time.
    """
    if "\\u" in text or "\\U" in text:
        return False
    try:
        code = query_code(text)
    except StoreError:  # an unclosed string: the full parse reports it
        return False
    return _REACHING.search(code) is None


@functools.lru_cache(maxsize=256)
def query_reach(text: str) -> tuple[tuple[Node, ...], tuple[URIRef, ...]]:
    """The ``SERVICE`` targets and the ``FROM``/``FROM NAMED`` IRIs of a SELECT ``text``.

    Prefixed names are resolved by rdflib's translation; a target may be a variable.
    A query whose code names neither is not parsed (:func:`_reaches_nothing`).
    """
    if _reaches_nothing(text):
        return (), ()
    algebra = parsed_query(text).algebra
    services = tuple(node["term"] for node in _nodes(algebra) if node.name == "ServiceGraphPattern")
    datasets: list[URIRef] = []
    for clause in algebra["datasetClause"] or () if "datasetClause" in algebra else ():
        for key in ("default", "named"):
            if key in clause:  # CompValue.get answers a missing key with the key itself
                datasets.append(URIRef(str(clause[key])))
    return services, tuple(datasets)


def _shown(term: Node) -> str:
    return terminal_safe(redact_url(str(term)))


def _port(parts: urllib.parse.SplitResult) -> int | None:
    try:
        return parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:  # a port out of range or not a number
        return -1


def _entry_allows(entry: str, parts: urllib.parse.SplitResult) -> bool:
    """Whether one ``--federation`` value allows the endpoint ``parts``: a host (any
    port), ``host:port`` (that port), or an address (that scheme, host, port and path)."""
    entry = entry.strip()
    if "://" in entry:
        allowed = urllib.parse.urlsplit(entry)
        return (
            allowed.scheme.lower() == parts.scheme.lower()
            and normalise_host(allowed.hostname or "") == normalise_host(parts.hostname or "")
            and _port(allowed) == _port(parts)
            and (allowed.path or "/") == (parts.path or "/")
        )
    allowed = urllib.parse.urlsplit("//" + entry)
    if normalise_host(allowed.hostname or "") != normalise_host(parts.hostname or ""):
        return False
    return ":" not in entry.rsplit("]", 1)[-1] or _port(allowed) == _port(parts)


def endpoint_allowed(url: str, federation: Collection[str]) -> bool:
    """Whether a ``SERVICE`` to ``url`` is allowed by the ``--federation`` values."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or _port(parts) == -1:
        return False
    return any(_entry_allows(entry, parts) for entry in federation)


def _check_service(term: Node, where: str, federation: Collection[str]) -> None:
    if not isinstance(term, URIRef):
        name = str(term)
        hint = (
            f" Donnez l'adresse du serveur : --param {terminal_safe(name[1:])}=URL."
            if name.startswith("_")
            else " Seul un paramètre (SERVICE ?_nom, --param nom=URL) peut désigner le serveur."
        )
        raise UserError(
            f"La requête {where} interroge un serveur désigné par une variable (SERVICE "
            f"?{_shown(term)}) : refusé, une requête ne contacte aucun serveur inconnu." + hint
        )
    if endpoint_allowed(str(term), federation):
        return
    parts = urllib.parse.urlsplit(str(term))
    host = normalise_host(parts.hostname or "")
    hint = (
        f" Pour l'autoriser : --federation {host} (cet hôte), --federation "
        f"{_shown(term)} (ce seul serveur)."
        if parts.scheme in ("http", "https") and host
        else " Seuls des serveurs http ou https autorisés par --federation HOTE sont admis."
    )
    raise UserError(
        f"La requête {where} demande le serveur SPARQL <{_shown(term)}> (SERVICE) : "
        "refusé, une requête ne contacte aucun serveur sans autorisation explicite." + hint
    )


def _service_variable(name: str) -> re.Pattern[str]:
    return re.compile(rf"(\bSERVICE\s+(?:SILENT\s+)?)[?$]{re.escape(name)}(?![\w])", re.I)


_SERVICE_VARIABLE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?[?$](\w+)", re.I)


def service_parameters(text: str) -> frozenset[str]:
    """The variables (``_serveur``) a query's ``SERVICE`` clauses name their server by."""
    return frozenset(_SERVICE_VARIABLE.findall(text))


def _written(iri: str) -> Callable[[re.Match[str]], str]:
    """The replacement of ``SERVICE ?_name`` by ``SERVICE <iri>`` (SILENT kept)."""
    return lambda match: f"{match.group(1)}<{iri}>"


def bind_services(
    text: str,
    bindings: Mapping[str, Identifier],
    where: str,
    federation: Collection[str],
) -> tuple[str, dict[str, Identifier]]:
    """``text`` with each ``SERVICE ?_name`` whose parameter is bound to an allowed
    ``http(s)`` IRI written ``SERVICE <iri>``, and the bindings left to bind.

    The IRI is checked first (allowed by ``federation``, an absolute ``http(s)`` IRI
    that can stand between ``<>``); a refused one raises the French :class:`UserError`
    of a written ``SERVICE``. Other variables are left for :func:`check_access`.
    """
    remaining = dict(bindings)
    for name, value in bindings.items():
        pattern = _service_variable(name)
        if not isinstance(value, URIRef) or not pattern.search(text):
            continue
        _check_service(value, where, federation)
        if not is_http_iri(str(value)):
            raise UserError(
                f"La requête {where} : l'adresse du serveur « {_shown(value)} » n'est pas "
                "une adresse http(s) valide."
            )
        text = pattern.sub(_written(str(value)), text)
        del remaining[name]
    return text, remaining


def federated(text: str) -> tuple[str, ...]:
    """The constant ``SERVICE`` endpoints of ``text`` (none for a query of the store)."""
    return tuple(str(term) for term in query_reach(text)[0] if isinstance(term, URIRef))


def check_access(
    text: str,
    where: str,
    own_graphs: Callable[[], Collection[str]],
    federation: Collection[str] = (),
) -> None:
    """Raise a French :class:`UserError` if ``text`` would reach beyond the store.

    ``own_graphs``: gives the store's named graphs, the only ones ``FROM`` may name
    (called only when the query has a ``FROM``); ``federation``: hosts a ``SERVICE`` may
    call (none by default).
    """
    services, datasets = query_reach(text)
    for term in services:
        _check_service(term, where, federation)
    known = set(own_graphs()) if datasets else set()
    for iri in datasets:
        if str(iri) not in known:
            raise UserError(
                f"La requête {where} nomme le graphe <{_shown(iri)}> (FROM ou FROM NAMED), "
                "qui n'est pas un graphe du stockage : refusé, une requête ne lit ni fichier "
                "ni adresse extérieure. Retirez cette clause (les requêtes voient déjà "
                "l'union des graphes du stockage)."
            )
