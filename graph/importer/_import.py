"""Taking sources into a store: each checked, each in its own named graph, each alone.

For every roadmap a source gives: exactly one ``fdr:FeuilleDeRoute`` (its IRI names the
graph), its statements within its scope (``_scope``), the SHACL shapes without violation
(warnings are taken and listed); then ``store.add_graph`` replaces that named graph in
one step (Oxigraph: one update; a server: one Graph Store ``PUT``). A source that fails
any step leaves the store as it was for its territory; the next source goes on.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Graph

from feuille_de_route import UserError, terminal_safe
from feuille_de_route.ontology import ValidationReport, validate

from ..store._naming import roadmap_graph_name
from ..store._result import Store
from ._errors import SourceError
from ._lieux import Lieux, count_lieux, graph_held
from ._scope import check_scope
from ._shacl_oxigraph import validate_on_oxigraph
from ._sources import DEFAULT_READING, Reading, Source, read_source

__all__ = ["ImportOutcome", "import_sources", "stored_roadmaps"]

_ROADMAPS = """SELECT DISTINCT ?feuilleDeRoute WHERE {
  ?feuilleDeRoute a <https://w3id.org/feuille-de-route/ontologie#FeuilleDeRoute>
}"""


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
    """The IRIs of the roadmaps ``store`` holds."""
    rows = store.select(_ROADMAPS, {}).rows
    return {str(row["feuilleDeRoute"]) for row in rows if row["feuilleDeRoute"] is not None}


def _checked(graph: Graph, reading: Reading) -> tuple[str, ...]:
    """The SHACL warnings of ``graph``; a violation refuses it with the French report."""
    fast = reading.validation == "oxigraph"
    report = validate_on_oxigraph(graph) if fast else validate(graph)
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
    label: str, graph: Graph, store: Store, stored: set[str], reading: Reading
) -> ImportOutcome:
    name = roadmap_graph_name(graph)
    check_scope(graph, name, stored)
    warnings = _checked(graph, reading)
    store.add_graph(graph, name)
    outcome = ImportOutcome(label, name, len(graph), name in stored, warnings)
    stored.add(name)
    return outcome


def _take_in_lieux(
    label: str, lieux: Lieux, store: Store, stored: set[str], reading: Reading
) -> ImportOutcome:
    """The lieux of a CSV, checked as their territory's (scope, shapes), in its own graph."""
    graph = lieux.graph
    if len(graph) > reading.limits.max_triples:
        raise SourceError(
            f"refusée : {len(graph)} triplets, au-delà de la limite de "
            f"{reading.limits.max_triples} (--limite-triplets N pour la relever)"
        )
    check_scope(graph, lieux.base_iri, stored)
    warnings = _checked(graph, reading)
    replaced = graph_held(store, lieux.graph_name)
    store.add_graph(graph, lieux.graph_name)
    return ImportOutcome(
        label, lieux.base_iri, len(graph), replaced, warnings, lieux=count_lieux(lieux)
    )


def import_sources(
    sources: Iterable[Source],
    store: Store,
    reading: Reading = DEFAULT_READING,
    on_outcome: Callable[[ImportOutcome], None] | None = None,
) -> list[ImportOutcome]:
    """Import each source into ``store``; one outcome per roadmap (a catalogue gives
    several), in order, each also handed to ``on_outcome`` as soon as it is known.
    A source that fails is reported and skipped; the others are imported."""
    stored = stored_roadmaps(store)
    outcomes: list[ImportOutcome] = []
    for source in sources:
        for label, loaded in read_source(source, reading):
            outcome = _outcome(label, loaded, store, stored, reading)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    return outcomes


def _outcome(
    label: str, loaded: Graph | Lieux | UserError, store: Store, stored: set[str], reading: Reading
) -> ImportOutcome:
    if isinstance(loaded, UserError):
        return ImportOutcome(label, error=terminal_safe(str(loaded)))
    try:
        if isinstance(loaded, Lieux):
            return _take_in_lieux(label, loaded, store, stored, reading)
        return _take_in(label, loaded, store, stored, reading)
    except UserError as exc:
        return ImportOutcome(label, error=terminal_safe(str(exc)))
    except Exception as exc:  # a hostile graph must not stop the other sources
        return ImportOutcome(
            label, error=f"erreur inattendue ({type(exc).__name__}) : {terminal_safe(str(exc))}"
        )
