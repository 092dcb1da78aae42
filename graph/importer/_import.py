"""Taking sources into a store: each checked, each in its own named graph, each alone.

For every roadmap a source gives: exactly one ``fdr:FeuilleDeRoute`` (its IRI names the
graph), its statements within its scope (``_scope``), the SHACL shapes without violation
(warnings are taken and listed); then that named graph is replaced in one step
(``_writer``: on Oxigraph, a new graph waits in a batch written in bulk, crash-safe, a held
one is replaced at once by ``add_quads``; another store: ``add_graph``, e.g. a server's
one Graph Store ``PUT``). The statements stay Oxigraph terms from reading to writing
(``Statements``); an rdflib graph is made only for pyshacl or a store that takes one. A
source that fails any step leaves the store as it was for its territory; the next source
goes on.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import cast

import pyoxigraph as ox

from feuille_de_route import UserError, terminal_safe
from feuille_de_route.ontology import ValidationReport, validate

from .._synthesis import synthesis_in, without_synthesis
from ..store._oxigraph import OxigraphStore
from ..store._result import Store
from ._errors import SourceError
from ._lieux import Lieux, count_lieux, graph_held
from ._scope import check_scope
from ._shacl_oxigraph import validate_on_oxigraph
from ._sources import DEFAULT_READING, Reading, Source, read_source
from ._statements import Statements
from ._writer import BATCH_QUADS, Writer

__all__ = ["COMPACT_QUADS", "ImportOutcome", "import_sources", "stored_roadmaps"]

# Quads an import writes in bulk from which the store is compacted at its end
# (``OxigraphStore.optimize``: 12.9 s for the 1,255 national roadmaps): about 250
# national roadmaps. Without it, RocksDB merges the bulk loader's files in background
# threads while the first questions run (national counts 1.1 s on two threads, 0.69 s
# on one once compacted).
COMPACT_QUADS = 1_000_000

_NONE = object()  # no source left

# The territories a store holds: its roadmaps, and the bases of lieux de médiation
# imported without their roadmap (each lieu is attached to its territory's base).
_ROADMAPS = """PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT DISTINCT ?feuilleDeRoute WHERE {
  { ?feuilleDeRoute a fdr:FeuilleDeRoute }
  UNION
  { ?lieu fdr:feuilleDeRoute ?feuilleDeRoute ; fdr:adresse ?adresse }
}"""

# A source's synthesis is never taken: it is computed again from its roadmap; one that
# differs is said (a source out of date, or tampered with).
_SYNTHESIS_REPLACED = (
    "la synthèse fournie par la source ({count} triplets) ne correspond pas à la feuille "
    "de route : elle est ignorée et recalculée"
)


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one roadmap of a source: imported (``error`` None) or refused.
    For a CSV of lieux de médiation, ``roadmap`` is the territory's base IRI and
    ``lieux`` how many lieux went in its named graph ``{roadmap}lieux``."""

    source: str
    roadmap: str | None = None
    triples: int = 0
    replaced: bool = False
    warnings: tuple[str, ...] = ()
    error: str | None = None
    lieux: int | None = None

    @property
    def imported(self) -> bool:
        return self.error is None

    def text(self) -> str:
        """The outcome in French, for the summary: one line, then warnings or the reason."""
        if self.error is not None:
            return f"✗ {self.source} : REFUSÉE\n" + _indent(self.error)
        replaced = ", remplace la version précédente" if self.replaced else ""
        head = (
            f"✓ {self.source} : feuille de route <{self.roadmap}> importée "
            f"({self.triples} triplets{replaced})"
        )
        if self.lieux is not None:
            plural = "x" if self.lieux > 1 else ""
            head = (
                f"✓ {self.source} : {self.lieux} lieu{plural} de médiation numérique du "
                f"territoire <{self.roadmap}> importé{'s' if self.lieux > 1 else ''} dans "
                f"le graphe <{self.roadmap}lieux> ({self.triples} triplets{replaced})"
            )
        if not self.warnings:
            return head
        count = len(self.warnings)
        return f"{head} ; {count} avertissement{'s' if count > 1 else ''} :\n" + "\n".join(
            f"    - {w}" for w in self.warnings
        )


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def stored_roadmaps(store: Store) -> set[str]:
    """The territories ``store`` holds, whose spaces the scope rule keeps: the IRIs of its
    roadmaps, and the base ``B`` of lieux de médiation held in ``{B}lieux`` without the
    roadmap ``B``."""
    rows = store.select(_ROADMAPS, {}).rows
    return {str(row["feuilleDeRoute"]) for row in rows if row["feuilleDeRoute"] is not None}


def _checked(
    statements: Statements, reading: Reading, memory: ox.Store | None = None
) -> tuple[str, ...]:
    """The SHACL warnings of ``statements``; a violation refuses them with the French
    report. The compiled shapes run in Oxigraph (on ``memory`` when given: an in-memory
    store already holding them); pyshacl reads an rdflib graph."""
    fast = reading.validation == "oxigraph"
    if not fast:
        report = validate(statements.graph())
    else:
        report = validate_on_oxigraph(statements if memory is None else memory)
    if report.violations:
        raise UserError(
            "refusée : le graphe ne respecte pas les formes SHACL du modèle.\n" + report.text()
        )
    return _warnings(report)


def _warnings(report: ValidationReport) -> tuple[str, ...]:
    return tuple(
        terminal_safe(f"{report.describe(item.focus)} : {item.message}") for item in report.warnings
    )


def _take_in(
    label: str,
    given: Statements,
    writer: "Writer[ImportOutcome]",
    stored: set[str],
    reading: Reading,
) -> None:
    kept, dropped = without_synthesis(given.quads)
    statements = Statements(tuple(kept))
    name = statements.roadmap()
    check_scope(statements, name, stored)
    memory = statements.memory_store()  # read by the compiled shapes, then the synthesis
    warnings = _checked(statements, reading, memory)
    synthesis = synthesis_in(memory)
    if dropped and set(dropped) != set(synthesis):
        warnings += (_SYNTHESIS_REPLACED.format(count=len(dropped)),)
    statements = Statements(statements.quads + tuple(synthesis))
    replaced = writer.pending(name) or (name in stored and graph_held(writer.store, name))
    outcome = ImportOutcome(label, name, len(statements), replaced, warnings)
    writer.write(statements, name, outcome)
    stored.add(name)


def _take_in_lieux(
    label: str, lieux: Lieux, writer: "Writer[ImportOutcome]", stored: set[str], reading: Reading
) -> None:
    """The lieux of a CSV, checked as their territory's (scope, shapes), in its own graph."""
    statements = lieux.graph
    if len(statements) > reading.limits.max_triples:
        raise SourceError(
            f"refusée : {len(statements)} triplets, au-delà de la limite de "
            f"{reading.limits.max_triples} (--limite-triplets N pour la relever)"
        )
    check_scope(statements, lieux.base_iri, stored)
    warnings = _checked(statements, reading)
    replaced = graph_held(writer.store, lieux.graph_name)
    outcome = ImportOutcome(
        label, lieux.base_iri, len(statements), replaced, warnings, lieux=count_lieux(lieux)
    )
    writer.write(statements, lieux.graph_name, outcome, batch=False)
    stored.add(lieux.base_iri)  # the territory's space, even without its roadmap


def import_sources(
    sources: Iterable[Source],
    store: Store,
    reading: Reading = DEFAULT_READING,
    on_outcome: Callable[[ImportOutcome], None] | None = None,
    on_source: Callable[[], None] | None = None,
    batch_quads: int = BATCH_QUADS,
) -> list[ImportOutcome]:
    """Import each source into ``store``; one outcome per roadmap (a catalogue gives
    several), in order, each also handed to ``on_outcome`` once its graph is written
    (on Oxigraph, new graphs are streamed into bulk writes of about ``batch_quads``
    quads: ``_writer``); ``on_source`` is called when a source is read to its end (for
    a progress line), the last once every outcome is reported. A source that fails is
    reported and skipped; the others are imported."""
    stored = stored_roadmaps(store)
    outcomes: list[ImportOutcome] = []

    def report(outcome: ImportOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    writer = Writer(store, stored, report, _refused, batch_quads)
    ended: list[bool] = []  # the last source, read: said done once all is written
    writer.run(_work(sources, writer, stored, reading, on_source, ended))
    if writer.bulk_written >= COMPACT_QUADS and isinstance(store, OxigraphStore):
        store.optimize()  # the bulk loader's files merged now, not while queries run
    if ended and on_source is not None:  # every outcome is known before the last is said done
        on_source()
    return outcomes


def _work(
    sources: Iterable[Source],
    writer: "Writer[ImportOutcome]",
    stored: set[str],
    reading: Reading,
    on_source: Callable[[], None] | None,
    ended: list[bool],
) -> Iterator[None]:
    """The import, one step per roadmap taken (``writer.run`` drives it: on Oxigraph,
    from the bulk write that reads its new graphs); ``on_source`` after each source but
    the last, whose end goes in ``ended``."""
    for source, last in _with_last(sources):
        for label, loaded in read_source(source, reading):
            _take(label, loaded, writer, stored, reading)
            yield None
        if last:
            ended.append(True)
        elif on_source is not None:
            on_source()


def _with_last(sources: Iterable[Source]) -> Iterator[tuple[Source, bool]]:
    """Each source, and whether it is the last."""
    iterator = iter(sources)
    previous = next(iterator, _NONE)
    while previous is not _NONE:
        following = next(iterator, _NONE)
        yield cast(Source, previous), following is _NONE
        previous = following


def _refused(outcome: ImportOutcome, reason: str) -> ImportOutcome:
    """The outcome of a roadmap whose batch could not be written."""
    return ImportOutcome(outcome.source, outcome.roadmap, error=terminal_safe(reason))


def _take(
    label: str,
    loaded: Statements | Lieux | UserError,
    writer: "Writer[ImportOutcome]",
    stored: set[str],
    reading: Reading,
) -> None:
    """Take one roadmap (or CSV of lieux) in; its outcome goes to ``writer``."""
    if isinstance(loaded, UserError):
        writer.report(ImportOutcome(label, error=terminal_safe(str(loaded))))
        return
    try:
        if isinstance(loaded, Lieux):
            _take_in_lieux(label, loaded, writer, stored, reading)
        else:
            _take_in(label, loaded, writer, stored, reading)
    except UserError as exc:
        writer.report(ImportOutcome(label, error=terminal_safe(str(exc))))
    except Exception as exc:  # a hostile graph must not stop the other sources
        writer.report(
            ImportOutcome(
                label,
                error=f"erreur inattendue ({type(exc).__name__}) : {terminal_safe(str(exc))}",
            )
        )
