"""Running a federated query: when it fails, say in French which server did not answer.

A query with ``SERVICE`` (its servers already allowed by ``_guard``) fails in a way each
engine words differently: rdflib raises ``urllib``'s errors, Oxigraph on disk a runtime
error, a server an HTTP 500 with its own message; a server that hangs ends in the
``--delai`` timeout. After such a failure each server the
query calls is asked ``ASK {}`` from here, in a few seconds at most: one that does not
answer is named in the message; otherwise the engine's own error is passed on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rdflib.term import Identifier

from feuille_de_route import UserError, redact_url, terminal_safe
from feuille_de_route.graph.store import EndpointStore, SelectResult, Store, StoreError

__all__ = ["PROBE_SECONDS", "run_federated", "silent_servers"]

PROBE_SECONDS = 5.0


def silent_servers(servers: Sequence[str], seconds: float = PROBE_SECONDS) -> list[str]:
    """Each of ``servers`` that does not answer ``ASK {}`` within ``seconds``, with why."""
    silent = []
    for server in servers:
        try:
            EndpointStore(server, timeout=seconds, retries=0).ask("ASK {}", {})
        except UserError as exc:
            silent.append(f"<{terminal_safe(redact_url(server))}> : {terminal_safe(str(exc))}")
    return silent


def run_federated(
    store: Store, text: str, bindings: Mapping[str, Identifier], servers: Sequence[str]
) -> SelectResult:
    """``store.select(text, bindings)`` for a query calling ``servers`` by ``SERVICE``;
    a failure becomes a French :class:`StoreError` naming the servers that do not answer."""
    try:
        return store.select(text, bindings)
    except Exception as exc:
        cause = terminal_safe(str(exc))[:500]
        silent = silent_servers(servers)
        if silent:
            raise StoreError(
                "la requête fédérée n'a pas abouti : "
                + ("un serveur" if len(silent) == 1 else "des serveurs")
                + " qu'elle interroge par SERVICE ne répond pas.\n  "
                + "\n  ".join(silent)
            ) from exc
        if isinstance(exc, UserError):
            raise
        raise StoreError(
            f"la requête fédérée n'a pas abouti ({type(exc).__name__}) : {cause}"
        ) from exc
