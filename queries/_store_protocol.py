"""What the runner needs from a store: the ``select`` of the ``graph.store`` contract."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from rdflib.term import Identifier

__all__ = ["SelectResultLike", "SelectStore"]


class SelectResultLike(Protocol):
    """A SELECT result: variable names, and rows of rdflib terms (``None`` = unbound)."""

    @property
    def variables(self) -> Sequence[str]: ...

    @property
    def rows(self) -> Sequence[Mapping[str, Identifier | None]]: ...


class SelectStore(Protocol):
    """Any store of ``feuille_de_route.graph.store`` (memory, Oxigraph, endpoint).

    Structural, so that the runner depends on the contract and not on one store.
    """

    def select(self, query: str, bindings: Mapping[str, Identifier]) -> SelectResultLike: ...
