"""Writing the checked roadmaps of an import: held graphs at once, new ones streamed.

On an :class:`OxigraphStore`, the roadmaps whose graph the store does not hold yet are
streamed into one bulk write (``OxigraphStore.add_new_graphs``: Oxigraph's bulk loader,
made safe against a crash by the store's journal) while the import goes on: the bulk
loader reads them as they are checked, and :meth:`Writer.run` drives the import from
it. A bulk write ends after the roadmap that brings it to :data:`BATCH_QUADS` quads, and
at the end. One long write is what a bare ``oxigraph load`` does: the bulk loader's
files are then few and large, and RocksDB merges less (1,255 national roadmaps, ad-hoc
measure, all threads' CPU: 104 s in batches of 100,000 quads, 85 s in batches of two
million, 71 s streamed in one write; peak 0.2, 2.8 and 1.6 GB). A graph the store holds
is replaced at once, atomically (``add_quads``); any other store takes an rdflib graph
at once (``add_graph``). The same roadmap twice in one bulk write: the later one is
written once the write is done, replacing the earlier.

Outcomes are reported in the order they came, each once its graph is written: those
that follow a roadmap still being written wait with it. A bulk write that fails refuses
each of its roadmaps (the store as it was for them); the other outcomes stand.
"""

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

import pyoxigraph as ox

from feuille_de_route import UserError

from ..store._oxigraph import OxigraphStore
from ..store._result import Store
from ._statements import Statements

__all__ = ["BATCH_QUADS", "FLUSH_QUADS", "Writer"]

# Quads a bulk write takes before it ends (after the roadmap that reaches it): about
# 2,400 national roadmaps. Its memory is the bulk loader's, not this: the loader sorts
# and writes its own chunks as it reads.
BATCH_QUADS = 10_000_000
# Quads written by transactions (held graphs replaced) between two flushes, at most.
FLUSH_QUADS = 100_000

Outcome = TypeVar("Outcome")
# What a waiting outcome becomes once its bulk write is done: reported as it is
# (KNOWN), refused with the write if it failed (STREAMED), or, for a roadmap already in
# the write and given again, written now: its statements and graph name wait in its place.
KNOWN, STREAMED = "known", "streamed"
_END = object()  # the import has no roadmap left


class Writer(Generic[Outcome]):
    """Writes each roadmap's graph into ``store`` and hands each outcome to ``report``
    once written, in order; ``refuse(outcome, reason)`` makes the outcome of a roadmap
    whose bulk write failed. ``stored``: the roadmaps taken so far (a failed write's are
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
        self._ready: list[tuple[str, Statements]] = []  # taken, not yet read by the write
        self._streamed: set[str] = set()  # the graphs of the bulk write going on
        self._size = 0
        self._unflushed = 0  # quads written by transactions since the last flush
        self._queue: list[tuple[Outcome, str | tuple[Statements, str]]] = []
        self._done = False
        self._broken: Exception | None = None  # the import's own error, mid-write
        self.bulk_written = 0  # quads the bulk writes of this import wrote

    def pending(self, name: str) -> bool:
        """Whether the graph ``name`` is in the bulk write going on (not written yet)."""
        return name in self._streamed or any(n == name for n, _ in self._ready)

    def write(
        self, statements: Statements, name: str, outcome: Outcome, batch: bool = True
    ) -> None:
        """Put ``statements`` in the named graph ``name`` (replacing it), then report
        ``outcome``. A new graph of an Oxigraph store goes to the bulk write when
        ``batch`` (during :meth:`run`); any other write is done now, and raises if it
        fails (nothing reported)."""
        store = self.store
        if batch and isinstance(store, OxigraphStore):
            if self.pending(name):
                self._queue.append((outcome, (statements, name)))
                return
            if not store.holds(name):
                self._ready.append((name, statements))
                self._queue.append((outcome, STREAMED))
                return
        self._write_now(statements, name)
        self.report(outcome)

    def _write_now(self, statements: Statements, name: str) -> None:
        store = self.store
        if isinstance(store, OxigraphStore):
            store.add_quads(statements.quads, name)
            self._flush_memtables(store, len(statements))
        else:
            store.add_graph(statements.graph(), name)

    def _flush_memtables(self, store: OxigraphStore, written: int) -> None:
        """Flush what transactions wrote, every ``bound`` quads (at most
        :data:`FLUSH_QUADS`): RocksDB otherwise keeps it in its memory tables (Oxigraph
        asks for 128 MB each, several per index), and the import's memory grows with
        what it wrote (760 MB after 200 national roadmaps written by transactions,
        190 MB with a flush every 100,000 quads)."""
        self._unflushed += written
        if self._unflushed >= min(self._bound, FLUSH_QUADS):
            store.flush()
            self._unflushed = 0

    def report(self, outcome: Outcome) -> None:
        """Report an outcome known now (an error, a graph written): at once, or after
        the outcomes still waiting for the bulk write."""
        if self._queue:
            self._queue.append((outcome, KNOWN))
        else:
            self._report(outcome)

    def run(self, work: Iterator[None]) -> None:
        """Drive ``work`` (the import: one step per roadmap taken, each written through
        :meth:`write`) to its end, then report every outcome. On an Oxigraph store the
        new graphs are streamed into bulk writes of about ``bound`` quads, which read
        the work as they go (``bulk_written`` counts what they wrote); elsewhere the
        work runs as it is."""
        if not isinstance(self.store, OxigraphStore):
            for _ in work:
                pass
            return
        while not self._done:
            stream = self._stream(work)
            error = self._bulk_write(self.store, stream)
            for _ in stream:  # what a failed write left unread is taken, then refused
                pass
            self.bulk_written += 0 if error else self._size
            self._end(error)

    def _stream(self, work: Iterator[None]) -> Iterator[tuple[str, tuple[ox.Quad, ...]]]:
        """The new graphs of ``work`` as it is driven, until ``bound`` quads or its end."""
        while self._size < self._bound:
            try:
                step = next(work, _END)
            except Exception as exc:  # the import's own failure, not the write's
                self._broken = exc
                raise
            ready, self._ready = self._ready, []
            for name, statements in ready:
                self._streamed.add(name)
                self._size += len(statements)
                yield name, statements.quads
            if step is _END:
                self._done = True
                return

    def _bulk_write(
        self, store: OxigraphStore, stream: Iterator[tuple[str, tuple[ox.Quad, ...]]]
    ) -> str | None:
        """Write the stream's graphs; None, or why they are refused."""
        try:
            store.add_new_graphs(stream)
        except Exception as exc:  # whatever failed, the write's roadmaps are refused
            if self._broken is not None:  # the write was undone; the import's error goes on
                raise self._broken from None
            reason = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__} : {exc}"
            return (
                f"refusée : {reason} ; le stockage est inchangé pour cette feuille de route "
                "(écrite dans un lot qui a échoué)."
            )
        return None

    def _end(self, error: str | None) -> None:
        """After a bulk write: its roadmaps refused if it failed, the roadmaps given
        again written, then every outcome waiting reported, in order."""
        if error:
            self._stored.difference_update(self._streamed)
        queue = self._queue
        self._queue, self._streamed, self._size = [], set(), 0
        for outcome, then in queue:
            if isinstance(then, tuple):
                outcome = self._written_later(outcome, *then)
            elif then == STREAMED and error:
                outcome = self._refuse(outcome, error)
            self._report(outcome)

    def _written_later(self, outcome: Outcome, statements: Statements, name: str) -> Outcome:
        """A roadmap given again during a bulk write, written once it is done."""
        try:
            self._write_now(statements, name)
        except UserError as exc:
            return self._refuse(outcome, f"refusée : {exc}")
        self._stored.add(name)
        return outcome
