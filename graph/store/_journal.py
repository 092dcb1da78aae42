"""The journal of an Oxigraph store: the graphs a bulk write is filling, for recovery.

Oxigraph's bulk loader (``Store.bulk_extend``) writes without a transaction: a crash in
the middle may leave part of a batch in the store. Before such a write, one transaction
records each graph it fills in the journal, a named graph of the store
(:data:`JOURNAL_GRAPH`); the entries are removed once the write is done. Opening a store
whose journal names graphs drops those graphs, then the journal (:func:`recover`): a
crash leaves no half roadmap, only roadmaps wholly written or absent. The journal is
never shown: it exists only while a batch is written (or after a crash, until the store
is opened again), and ``OxigraphStore.graph_names`` leaves it out.
"""

from collections.abc import Iterable

import pyoxigraph as ox

__all__ = ["JOURNAL_GRAPH", "begin", "end", "is_journal", "pending", "recover"]

JOURNAL_GRAPH = "urn:feuille-de-route:journal"
_JOURNAL = ox.NamedNode(JOURNAL_GRAPH)
# One entry per graph being written: <journal> <journal:enCours> <graph>.
_BEING_WRITTEN = ox.NamedNode(JOURNAL_GRAPH + ":enCours")


def is_journal(name: str) -> bool:
    """Whether ``name`` is the journal's graph (kept out of the graphs a store shows)."""
    return name == JOURNAL_GRAPH


def begin(store: ox.Store, graphs: Iterable[ox.NamedNode]) -> None:
    """Record, in one transaction, that ``graphs`` are being written."""
    store.extend(ox.Quad(_JOURNAL, _BEING_WRITTEN, graph, _JOURNAL) for graph in graphs)


def end(store: ox.Store) -> None:
    """Remove every entry of the journal (one step): the graphs it named are written."""
    store.remove_graph(_JOURNAL)


def pending(store: ox.Store) -> list[ox.NamedNode]:
    """The graphs the journal says are being written (after a crash: maybe partial)."""
    return [
        quad.object
        for quad in store.quads_for_pattern(_JOURNAL, _BEING_WRITTEN, None, _JOURNAL)
        if isinstance(quad.object, ox.NamedNode)
    ]


def recover(store: ox.Store) -> list[str]:
    """Drop the graphs a crashed bulk write may have left partial, then the journal;
    the IRIs of the graphs dropped. Dropping again is harmless: a crash here is
    recovered at the next opening."""
    graphs = pending(store)
    for graph in graphs:
        store.remove_graph(graph)
    if store.contains_named_graph(_JOURNAL):
        end(store)
    return [graph.value for graph in graphs]
