"""What a query may reach: nothing outside the store, unless federation is allowed by host.

A query is inspected in rdflib's parsed algebra before any store runs it: ``SERVICE``
(federation: the engine would send a request to that server) is refused unless its
endpoint's host is in the allowed list; ``FROM``/``FROM NAMED`` may only name the store's
own graphs (an engine may otherwise fetch the IRI or read a ``file:`` path). Updates and
``LOAD`` never get this far: :func:`check_select` accepts SELECT queries only.
"""

from __future__ import annotations

import functools
import urllib.parse
from collections.abc import Callable, Collection, Iterator

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, URIRef

from feuille_de_route import UserError, redact_url, terminal_safe

__all__ = ["check_access", "normalise_host", "query_reach"]


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


@functools.lru_cache(maxsize=256)
def query_reach(text: str) -> tuple[tuple[Node, ...], tuple[URIRef, ...]]:
    """The ``SERVICE`` targets and the ``FROM``/``FROM NAMED`` IRIs of a SELECT ``text``.

    Prefixed names are resolved by rdflib's translation; a target may be a variable.
    """
    algebra = translateQuery(parseQuery(text)).algebra
    services = tuple(node["term"] for node in _nodes(algebra) if node.name == "ServiceGraphPattern")
    datasets: list[URIRef] = []
    for clause in algebra["datasetClause"] or () if "datasetClause" in algebra else ():
        for key in ("default", "named"):
            if key in clause:  # CompValue.get answers a missing key with the key itself
                datasets.append(URIRef(str(clause[key])))
    return services, tuple(datasets)


def _shown(term: Node) -> str:
    return terminal_safe(redact_url(str(term)))


def _check_service(term: Node, where: str, federation: Collection[str]) -> None:
    if not isinstance(term, URIRef):
        raise UserError(
            f"La requête {where} interroge un serveur désigné par une variable (SERVICE "
            f"?{_shown(term)}) : refusé, une requête ne contacte aucun serveur inconnu."
        )
    parts = urllib.parse.urlsplit(str(term))
    host = normalise_host(parts.hostname or "")
    allowed = {normalise_host(h) for h in federation}
    if parts.scheme in ("http", "https") and host and host in allowed:
        return
    hint = (
        f" Pour l'autoriser : --federation {host}."
        if parts.scheme in ("http", "https") and host
        else " Seuls des serveurs http ou https autorisés par --federation HOTE sont admis."
    )
    raise UserError(
        f"La requête {where} demande le serveur SPARQL <{_shown(term)}> (SERVICE) : "
        "refusé, une requête ne contacte aucun serveur sans autorisation explicite." + hint
    )


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
