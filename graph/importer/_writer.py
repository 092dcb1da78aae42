"""Writing the checked roadmaps of an import: held graphs at once, new ones in batches.

On an :class:`OxigraphStore`, a roadmap whose graph the store does not hold yet waits in
a batch, written by ``OxigraphStore.add_new_graphs`` (Oxigraph's bulk loader, made safe
against a crash by the store's journal) when it reaches :data:`BATCH_QUADS` quads, and
at the end. A graph the store holds is replaced at once, atomically (``add_quads``);
any other store takes an rdflib graph at once (``add_graph``). The same roadmap twice
in one batch: the later one is kept.

Outcomes are reported in the order they came, each once its graph is written: those
that follow a roadmap still in the batch wait with it. A batch that fails refuses each
of its roadmaps (the store as it was for them); the other outcomes stand.
"""

from collections.abc import Callable
from typing import Generic, TypeVar

from feuille_de_route import UserError

from ..store._oxigraph import OxigraphStore
from ..store._result import Store
from ._statements import Statements

__all__ = ["BATCH_QUADS", "Writer"]

# Quads a batch gathers before it is written: Oxigraph's bulk loader pays a fixed cost
# per call (files written, then merged), while its memory grows with the batch (about
# 300 MB of peak for 200,000 quads here, 140 MB for 50,000).
BATCH_QUADS = 100_000

Outcome = TypeVar("Outcome")


class Writer(Generic[Outcome]):
    """Writes each roadmap's graph into ``store`` and hands each outcome to ``report``
    once written, in order; ``refuse(outcome, reason)`` makes the outcome of a roadmap
    whose batch failed. ``stored``: the roadmaps taken so far (a failed batch's are
    removed from it)."""

    def __init__(
        self,
        store: Store,
        stored: set[str],
        report: Callable[[Outcome], None],
        refuse: Callable[[Outcome, str], Outcome],
        bound: int = BATCH_QUADS,
    ) -> None:
        self.store, self._stored = store, stored
        self._report, self._refuse, self._bound = report, refuse, bound
        self._batch: dict[str, Statements] = {}
        self._size = 0
        self._unflushed = 0  # quads written by transactions since the last flush
        self._queue: list[tuple[Outcome, bool]] = []

    def pending(self, name: str) -> bool:
        """Whether the graph ``name`` waits in the batch (taken in, not written yet)."""
        return name in self._batch

    def write(
        self, statements: Statements, name: str, outcome: Outcome, batch: bool = True
    ) -> None:
        """Put ``statements`` in the named graph ``name`` (replacing it), then report
        ``outcome``. A new graph of an Oxigraph store waits in the batch when ``batch``;
        any other write is done now, and raises if it fails (nothing reported)."""
        self.make_room()
        store = self.store
        if batch and self._batched(name):
            self._size += len(statements) - len(self._batch.pop(name, ()))
            self._batch[name] = statements
            self._queue.append((outcome, True))
            return
        if isinstance(store, OxigraphStore):
            store.add_quads(statements.quads, name)
            self._flush_memtables(store, len(statements))
        else:
            store.add_graph(statements.graph(), name)
        self.report(outcome)

    def _flush_memtables(self, store: OxigraphStore, written: int) -> None:
        """Flush what transactions wrote, every ``bound`` quads: RocksDB otherwise keeps
        it in its memory tables (Oxigraph asks for 128 MB each, several per index), and
        the import's memory grows with what it wrote (760 MB after 200 national roadmaps
        written by transactions, 190 MB with a flush every 100,000 quads)."""
        self._unflushed += written
        if self._unflushed >= self._bound:
            store.flush()
            self._unflushed = 0

    def _batched(self, name: str) -> bool:
        """Whether the graph ``name`` goes in the batch: new on an Oxigraph store, or
        already waiting there (the later version replaces it)."""
        store = self.store
        return isinstance(store, OxigraphStore) and (name in self._batch or not store.holds(name))

    def report(self, outcome: Outcome) -> None:
        """Report an outcome known now (an error, a graph written): at once, or after
        the outcomes still waiting for the batch."""
        self.make_room()
        if self._queue:
            self._queue.append((outcome, False))
        else:
            self._report(outcome)

    def make_room(self) -> None:
        """Write the batch if it is full: before the next roadmap is weighed (whether it
        replaces a graph) and written, not in the middle of one (its caller then records
        it as taken, or not)."""
        if self._size >= self._bound:
            self.flush()

    def flush(self) -> None:
        """Write the batch, then report every outcome waiting, in order."""
        error = self._write_batch()
        queue = self._queue
        self._batch, self._size, self._queue = {}, 0, []
        for outcome, batched in queue:
            self._report(self._refuse(outcome, error) if error and batched else outcome)

    def _write_batch(self) -> str | None:
        """Write the batch's graphs; None, or why they are refused (each then dropped)."""
        if not self._batch or not isinstance(self.store, OxigraphStore):
            return None
        try:
            self.store.add_new_graphs({name: s.quads for name, s in self._batch.items()})
        except Exception as exc:  # whatever failed, the batch's roadmaps are refused
            self._stored.difference_update(self._batch)
            reason = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__} : {exc}"
            return (
                f"refusée : {reason} ; le stockage est inchangé pour cette feuille de route "
                "(écrite dans un lot qui a échoué)."
            )
        return None
