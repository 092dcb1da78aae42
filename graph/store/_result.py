"""What every store returns and the protocol every store follows."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from rdflib import Graph
from rdflib.term import Identifier

__all__ = ["SelectResult", "Store"]


@dataclass
class SelectResult:
    """The answer to a SELECT query, in rdflib terms whatever the engine.

    ``variables`` are the projected names (no ``?``), in query order; each row maps every
    one of them to a term, or to ``None`` when unbound. A plain string literal is an rdflib
    ``Literal`` without datatype (never ``xsd:string``), whatever the store.
    """

    variables: list[str]
    rows: list[dict[str, Identifier | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


@runtime_checkable
class Store(Protocol):
    """Where a graph lives: the same queries give the same results on every store.

    ``bindings`` map variable names (no ``?``) to the values they must take; stores bind
    them natively or as a ``VALUES`` block of escaped terms, never as pasted text.
    Queries see the union of the store's named graphs. ``scope``: the IRIs of the
    roadmaps a query reads (its header's ``portee``); a store may narrow its dataset to
    their graphs, which changes no row, or read the union.
    """

    def select(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> SelectResult:
        """Run a SELECT query."""
        ...

    def ask(self, query: str, bindings: Mapping[str, Identifier]) -> bool:
        """Run an ASK query."""
        ...

    def add_graph(self, graph: Graph, name: str) -> None:
        """Put ``graph`` in the named graph ``name``, replacing what it held before."""
        ...

    def close(self) -> None:
        """Release what the store holds outside Python (a folder's lock); idempotent."""
        ...
