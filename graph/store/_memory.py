"""The in-memory store for one territory (or a few): Oxigraph by default, rdflib to compare."""

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Literal

from rdflib import Graph
from rdflib.term import Identifier

from ._deadline import within_deadline
from ._errors import StoreError
from ._memory_oxigraph import OxigraphMemory
from ._result import SelectResult
from ._vocabulary import VOCABULARY_GRAPH, vocabulary_graph

if TYPE_CHECKING:
    from ._memory_rdflib import RdflibMemory

__all__ = ["Engine", "MemoryStore"]

Engine = Literal["oxigraph", "rdflib"]
_WHERE = "requête en mémoire"
_ENGINES: tuple[Engine, ...] = ("oxigraph", "rdflib")


class MemoryStore:
    """Queries a roadmap held in memory, on one of two engines giving the same rows.

    ``engine="oxigraph"`` (default): the graph is copied once into a pyoxigraph store
    without a folder (``_memory_oxigraph``: one N-Triples text, one parse; ~30 ms for a
    territory), then queried like :class:`OxigraphStore` — values bound by a ``VALUES``
    block of escaped terms, the union of the graphs as default graph, ``FROM`` honoured —
    and tens of times faster than rdflib on the catalogue's queries.
    ``engine="rdflib"``: rdflib's own SPARQL engine (``_memory_rdflib``, values bound with
    ``initBindings``), the reference the tests compare the other stores with.

    Either way each roadmap lives in the named graph of its ``fdr:FeuilleDeRoute`` IRI,
    as in every store (a graph of several roadmaps is split by the IRI prefix of each
    triple's subject; triples of no roadmap stay in the default graph), and queries read
    the union of the graphs. ``MemoryStore(dataset)`` with an rdflib ``Dataset`` or
    ``ConjunctiveGraph`` keeps its graphs (rdflib queries it as it is; Oxigraph copies it).
    ``timeout``: seconds a query may run (None: no limit), see ``within_deadline``.
    The ontology's vocabulary (``vocabulary``, default ``fdr.ttl``'s SKOS part) is
    added as the named graph of the ontology's IRI, where queries read labels.
    """

    def __init__(
        self,
        graph: Graph | None = None,
        timeout: float | None = None,
        vocabulary: Graph | None = None,
        engine: Engine = "oxigraph",
    ) -> None:
        if engine not in _ENGINES:
            raise StoreError(
                f"moteur en mémoire inconnu : « {str(engine)[:50]} » (attendu : oxigraph, rdflib)."
            )
        self.timeout = timeout
        self.engine: Engine = engine
        self._engine: OxigraphMemory | RdflibMemory
        if engine == "oxigraph":
            self._engine = OxigraphMemory(graph)
            self._engine.hold_vocabulary(vocabulary)
        else:  # imported here: rdflib's SPARQL engine takes most of a second to import
            from . import _memory_rdflib

            self._engine = _memory_rdflib.RdflibMemory(graph)
            self._engine.add_graph(vocabulary_graph(vocabulary), VOCABULARY_GRAPH)

    def select(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> SelectResult:
        """Run a SELECT query over the union of the graphs; Oxigraph reads only the
        roadmaps of ``scope`` (their IRIs) when it holds each in the graph of its IRI,
        rdflib, the reference, always the union (same rows)."""
        engine = self._engine
        if isinstance(engine, OxigraphMemory):
            return within_deadline(
                lambda: engine.select(query, bindings, scope), self.timeout, _WHERE
            )
        return within_deadline(lambda: engine.select(query, bindings), self.timeout, _WHERE)

    def ask(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> bool:
        """Run an ASK query over the union of the graphs (or ``scope``, as ``select``)."""
        engine = self._engine
        if isinstance(engine, OxigraphMemory):
            return within_deadline(lambda: engine.ask(query, bindings, scope), self.timeout, _WHERE)
        return within_deadline(lambda: engine.ask(query, bindings), self.timeout, _WHERE)

    def add_graph(self, graph: Graph, name: str) -> None:
        """Copy ``graph`` into the named graph ``name``, replacing what it held."""
        self._engine.add_graph(graph, name)

    def graph_names(self) -> list[str]:
        """IRIs of the non-empty named graphs held, the vocabulary's left out."""
        return self._engine.graph_names()

    def close(self) -> None:
        """Nothing to release: the graphs live in this process only."""
