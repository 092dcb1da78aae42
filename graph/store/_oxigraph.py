"""Oxigraph embedded and persistent on disk: national scale on one machine."""

import contextlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier

from ._deadline import within_deadline
from ._errors import StoreError
from ._journal import begin, end, is_journal, recover
from ._oxigraph_query import ask_answer, query_answer, scoped_dataset, select_result
from ._result import SelectResult
from ._terms import check_iri, ntriples
from ._vocabulary import VOCABULARY_GRAPH, is_vocabulary, vocabulary_graph, vocabulary_triples

__all__ = ["OxigraphStore"]

_VOCABULARY = ox.NamedNode(VOCABULARY_GRAPH)
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# A held graph is replaced by one update whose rows are numbers; these functions give
# each row's terms (the data never goes through SPARQL text).
_ROW = "urn:feuille-de-route:ligne:"
_PARTS = {"sujet": "subject", "predicat": "predicate", "objet": "object"}
_REPLACE = (
    "DROP SILENT GRAPH <{graph}> ;\n"
    "INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{\n"
    "  VALUES ?ligne {{ {rows} }}\n"
    "  BIND(<{row}sujet>(?ligne) AS ?s) BIND(<{row}predicat>(?ligne) AS ?p) "
    "BIND(<{row}objet>(?ligne) AS ?o)\n}}"
)


def _row_terms(quads: Sequence[ox.Quad]) -> dict[ox.NamedNode, Callable[[ox.Literal], Any]]:
    """The functions ``_REPLACE`` calls: row number → that quad's subject, predicate, object."""

    def part(attribute: str) -> Callable[[ox.Literal], Any]:
        return lambda row: getattr(quads[int(row.value)], attribute)

    return {ox.NamedNode(_ROW + name): part(attribute) for name, attribute in _PARTS.items()}


class OxigraphStore:
    """A pyoxigraph store in ``folder`` (created if missing), one named graph per roadmap.

    Queries see the union of the named graphs as their default graph; a query given a
    scope (the IRIs of the roadmaps it reads, which the runner takes from the query's
    header, ``portee``) reads the graphs under those IRIs and the vocabulary's instead
    (see ``scoped_dataset``). Values are bound by a ``VALUES``
    block of escaped terms (pyoxigraph's substitutions are not used: its planner does not
    take them as constants in the default graph's patterns, and national queries ran a
    hundred times slower). Only one process may open a folder.
    ``timeout``: seconds a query may run (None: no limit), see ``within_deadline``.
    The ontology's vocabulary (``vocabulary``, default ``fdr.ttl``'s SKOS part) is kept
    in the named graph of the ontology's IRI, written on opening when it differs.
    Opening also drops the graphs a crashed bulk write may have left partial
    (``_journal.recover``; see :meth:`add_new_graphs`).
    """

    def __init__(
        self, folder: Path, timeout: float | None = None, vocabulary: Graph | None = None
    ) -> None:
        self.folder = Path(folder)
        self.timeout = timeout
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._opened: ox.Store | None = ox.Store(str(self.folder))
        except OSError as exc:
            raise StoreError(
                f"impossible d'ouvrir le stockage Oxigraph {self.folder} : {exc}. "
                "Le dossier est peut-être déjà ouvert par une autre commande, "
                "ou ce n'est pas un stockage Oxigraph."
            ) from exc
        self._recover()
        self._hold_vocabulary(vocabulary)

    @property
    def _store(self) -> ox.Store:
        if self._opened is None:
            raise StoreError(f"le stockage Oxigraph {self.folder} est fermé.")
        return self._opened

    def close(self) -> None:
        """Release the folder now, for another command or process to open it; later
        calls raise :class:`StoreError`, a second ``close`` does nothing.

        Not left to the end of the object's life, which is not the caller's: once
        pyparsing memoises (matplotlib's mathtext switches it on process-wide), its cache
        keeps the last parse's exceptions, whose tracebacks hold the frames of rdflib's
        query parser's callers, and through them this store and the folder's lock.
        """
        self._opened = None

    def _recover(self) -> None:
        """Drop what the journal says a crashed bulk write left (a French error if it fails)."""
        try:
            recover(self._store)
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(
                f"impossible de réparer le stockage Oxigraph {self.folder} : {exc}"
            ) from exc

    def _hold_vocabulary(self, vocabulary: Graph | None) -> None:
        """Write ``vocabulary`` (default: the shipped one) in its named graph unless the
        store holds it already."""
        name = _VOCABULARY
        held = {
            (q.subject, q.predicate, q.object)
            for q in self._store.quads_for_pattern(None, None, None, name)
        }
        if held != vocabulary_triples(vocabulary):
            self.add_graph(vocabulary_graph(vocabulary), VOCABULARY_GRAPH)

    def _query(self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str]) -> Any:
        """The engine's answer; values are bound by a VALUES block of escaped terms, and
        the default graph is narrowed to the roadmaps of ``scope`` (``scoped_dataset``)."""
        dataset = scoped_dataset(self._store, query, scope)
        return query_answer(self._store, query, bindings, dataset, self._where)

    @property
    def _where(self) -> str:
        return f"le stockage Oxigraph {self.folder}"

    def select(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> SelectResult:
        """Run a SELECT query over the union of the named graphs, or over the roadmaps
        of ``scope`` (their IRIs) when the store holds each in the graph of its IRI."""
        return within_deadline(
            lambda: select_result(self._query(query, bindings, scope), self._where),
            self.timeout,
            f"stockage {self.folder}",
        )

    def ask(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> bool:
        """Run an ASK query over the union of the named graphs (or ``scope``, as ``select``)."""
        answer = within_deadline(
            lambda: self._query(query, bindings, scope),
            self.timeout,
            f"stockage {self.folder}",
        )
        return ask_answer(answer)

    def add_graph(self, graph: Graph, name: str) -> None:
        """Replace the named graph ``name`` by ``graph`` in one transaction."""
        self.add_ntriples(ntriples(graph), name)

    def add_ntriples(self, data: bytes, name: str) -> None:
        """Replace the named graph ``name`` by the N-Triples ``data`` in one transaction
        (read whole first: bad data change nothing), as :meth:`add_quads` does."""
        try:
            quads = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"impossible d'enregistrer le graphe {name} : {exc}") from exc
        self.add_quads(quads, name)

    def add_quads(self, quads: Sequence[ox.Quad], name: str) -> None:
        """Replace the named graph ``name`` by the triples of ``quads`` (their own graph
        names are not read) in one transaction: a reader or a crash sees one version or
        the other.

        A graph the store does not hold yet is written by one ``extend`` (a transaction:
        all or nothing). A graph held is dropped and written again by a single SPARQL
        update, which Oxigraph applies atomically; its rows are the quads' numbers, whose
        terms custom functions give (``_row_terms``): the data are never SPARQL text.
        """
        graph = ox.NamedNode(_graph_name(name))
        try:
            if not self._store.contains_named_graph(graph):
                self._store.extend(
                    [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
                )
                return
            rows = " ".join(map(str, range(len(quads))))
            update = _REPLACE.format(graph=graph.value, rows=rows, row=_ROW)
            self._store.update(update, custom_functions=_row_terms(quads))
        except (OSError, SyntaxError, RuntimeError, ValueError) as exc:
            raise StoreError(f"impossible d'enregistrer le graphe {name} : {exc}") from exc

    def remove_graphs(self, names: Sequence[str]) -> None:
        """Drop the named graphs ``names`` in one SPARQL update, which Oxigraph applies
        atomically: a reader or a crash sees all of them or none. The vocabulary's graph
        and the journal are refused (a French :class:`StoreError`), as is a name that is
        no IRI. ``DROP GRAPH`` takes an IRI, not a variable: each name is checked as an
        IRI (no ``<>"{}|^`\\`` nor space) before it is written into the update, as
        :meth:`add_quads` does with the graph it replaces."""
        checked = [_graph_name(name) for name in names]
        kept = [name for name in checked if is_vocabulary(name)]
        if kept:
            raise StoreError(f"le graphe {kept[0]} est le vocabulaire du stockage : il reste.")
        if not checked:
            return
        update = " ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in checked)
        try:
            self._store.update(update)
        except (OSError, SyntaxError, RuntimeError, ValueError) as exc:
            raise StoreError(
                f"impossible de retirer les graphes {', '.join(checked)} : {exc}"
            ) from exc

    def holds(self, name: str) -> bool:
        """Whether the store holds a named graph ``name`` (even empty)."""
        try:
            return self._store.contains_named_graph(ox.NamedNode(name))
        except ValueError:
            return False

    def add_new_graphs(self, graphs: Iterable[tuple[str, Iterable[ox.Quad]]]) -> None:
        """Write each ``(name, quads)`` of ``graphs`` (the quads' own graph names not
        read) in the named graph ``name``, in one bulk write that reads them as they
        come: ``graphs`` may be a generator still checking its sources. Each graph must
        be new: neither held by the store nor given twice (a French :class:`StoreError`;
        a held graph is replaced by :meth:`add_quads` instead).

        The bulk loader (``bulk_extend``) writes files without a transaction, cheap per
        quad for long writes. Before a graph's first quad, one transaction records it in
        the journal (``_journal``); after the write, the journal is emptied. A failure
        (or an exception of ``graphs`` itself) drops the graphs written so far (the
        store as it was for them) and raises (a French :class:`StoreError` when the
        write failed, else the exception); a crash leaves the journal, and the next
        opening drops them.
        """
        try:
            self._store.bulk_extend(self._journaled(graphs))
            end(self._store)
        except (OSError, SyntaxError, RuntimeError, ValueError, TypeError) as exc:
            self._undo()
            raise StoreError(f"impossible d'enregistrer le lot de graphes : {exc}") from exc
        except BaseException:
            self._undo()
            raise

    def _journaled(self, graphs: Iterable[tuple[str, Iterable[ox.Quad]]]) -> Iterator[ox.Quad]:
        """The quads of each new graph in it, each graph recorded in the journal first."""
        seen: set[str] = set()
        for name, quads in graphs:
            if _graph_name(name) in seen or self.holds(name):
                raise StoreError(f"le graphe {name} n'est pas nouveau : écriture en bloc refusée")
            seen.add(name)
            graph = ox.NamedNode(name)
            begin(self._store, [graph])
            for q in quads:
                yield ox.Quad(q.subject, q.predicate, q.object, graph)

    def _undo(self) -> None:
        """After a failed bulk write: its graphs dropped, or left to the next opening."""
        with contextlib.suppress(OSError, RuntimeError, ValueError):
            recover(self._store)  # if this fails, the next opening does it

    def load_file(self, path: Path, name: str | None = None) -> None:
        """Bulk-load an RDF file (format from its suffix: .nt, .nq, .ttl, .trig…) fast.

        Triples go in the named graph ``name`` (quads keep their own graph), without
        ``name`` in the default graph: the catalogue reads the union of both and finds a
        roadmap by its data either way (the project names each roadmap's graph by its
        IRI, ``roadmap_graph_name``). The
        bulk loader writes without a transaction: meant for filling a store, not a live one.
        """
        fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip("."))
        if fmt is None:
            raise StoreError(f"format RDF inconnu pour {path} (attendu .nt, .nq, .ttl, .trig).")
        to_graph = ox.NamedNode(check_iri(name, "le nom du graphe")) if name else None
        try:
            self._store.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"impossible de charger {path} : {exc}") from exc

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs held, the vocabulary's left out."""
        return sorted(
            g.value
            for g in self._store.named_graphs()
            if isinstance(g, ox.NamedNode)
            and not is_vocabulary(g.value)
            and not is_journal(g.value)
        )

    def is_empty(self) -> bool:
        """Whether the store holds no triple besides the vocabulary."""
        for name in self.graph_names():
            if next(
                iter(self._store.quads_for_pattern(None, None, None, ox.NamedNode(name))), None
            ):
                return False
        default = ox.DefaultGraph()
        return next(iter(self._store.quads_for_pattern(None, None, None, default)), None) is None

    def graph_quads(self, name: str) -> list[ox.Quad]:
        """The quads of the named graph ``name`` (none if the store does not hold it)."""
        return list(self._store.quads_for_pattern(None, None, None, ox.NamedNode(name)))

    def typed(self, kind: str) -> set[tuple[str, str]]:
        """The ``(graph, subject)`` IRI pairs of the named graphs' ``?subject a <kind>``
        (one scan of an index: 20-40 ms for 1,255 roadmaps, where a lookup per graph
        took 0.27 s)."""
        found = self._store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(kind), None)
        return {
            (quad.graph_name.value, quad.subject.value)
            for quad in found
            if isinstance(quad.graph_name, ox.NamedNode) and isinstance(quad.subject, ox.NamedNode)
        }

    def flush(self) -> None:
        """Write buffered data to disk."""
        self._store.flush()

    def optimize(self) -> None:
        """Merge the store's files now (RocksDB's compaction, ``Store.optimize``): after a
        large bulk write, which leaves many files for background threads to merge while
        queries run (1,255 national roadmaps written in one stream: 12.9 s; the national
        counts then take 0.6-0.7 s on one thread, against 0.6-1.0 s on two while the
        merge goes on)."""
        try:
            self._store.optimize()
        except OSError as exc:
            raise StoreError(f"impossible de compacter le stockage {self.folder} : {exc}") from exc


def _graph_name(name: str) -> str:
    """``name`` if a roadmap's graph may bear it: an absolute IRI, not the journal's."""
    if is_journal(check_iri(name, "le nom du graphe")):
        raise StoreError(f"le graphe {name} est réservé au journal du stockage.")
    return name
