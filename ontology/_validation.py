"""SHACL validation of a roadmap's data graph, reported in French."""

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from typing import Literal as Severity

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from feuille_de_route._sparql import parsed_query

from ._loading import load_ontology, load_shapes
from ._terms import short_name

__all__ = ["ValidationItem", "ValidationReport", "validate"]


@dataclass(frozen=True)
class ValidationItem:
    """One SHACL result: which node breaks which rule, and what the rule says.

    ``path`` and ``value`` are ``None`` when the rule is about the node as a whole.
    ``message`` is the shape's French ``sh:message`` (with its ``{?var}`` filled in).
    """

    severity: Severity["violation", "warning", "info"]
    focus: Node
    path: Node | None
    value: Node | None
    message: str
    shape: Node | None = None
    component: URIRef | None = None


@dataclass
class ValidationReport:
    """Results of :func:`validate`, structural violations and method warnings apart."""

    violations: list[ValidationItem] = field(default_factory=list)
    warnings: list[ValidationItem] = field(default_factory=list)
    infos: list[ValidationItem] = field(default_factory=list)
    # Labels of the data graph's nodes, so that the text names nodes as users know them.
    labels: dict[Node, str] = field(default_factory=dict, repr=False)
    # SHACL's own report (an ``sh:ValidationReport``), for other tools to read.
    shacl_report: Graph = field(default_factory=Graph, repr=False)

    @property
    def shacl_conforms(self) -> bool:
        """SHACL's ``sh:conforms``: true only when there is no result of any severity.

        SHACL 1.0 §3.6.1: a report conforms when it has no validation result, whatever
        its severity; the project's own reading (:attr:`conforms`) ignores warnings.
        """
        return not (self.violations or self.warnings or self.infos)

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings do not count)."""
        return not self.violations

    def describe(self, node: Node | None) -> str:
        """A node as a reader knows it: its identifier and label, else its IRI."""
        if node is None:
            return ""
        if isinstance(node, Literal):
            return f"« {node} »"
        known = self.labels.get(node)
        name = short_name(node)
        return f"{known} <{node}>" if known else name

    def text(self) -> str:
        """The whole report in French: counts, then violations, then warnings."""
        lines = [
            f"Validation SHACL : {_count(len(self.violations), 'violation')}, "
            f"{_count(len(self.warnings), 'avertissement')}.",
            f"SHACL (sh:conforms) : {'true' if self.shacl_conforms else 'false'} ; lecture du "
            f"projet : {self._reading()}.",
        ]
        if self.conforms:
            lines.append("La structure du graphe est conforme au modèle.")
        sections = (
            ("Violations (structure du graphe non conforme au modèle)", self.violations),
            ("Avertissements (règles de la méthode non suivies)", self.warnings),
            ("Informations", self.infos),
        )
        for title, items in sections:
            if not items:
                continue
            lines.append("")
            lines.append(f"{title} :")
            lines.extend(self._item_line(item) for item in items)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def _reading(self) -> str:
        violations = (
            _count(len(self.violations), "violation") if self.violations else "aucune violation"
        )
        if not self.warnings:
            return f"{violations}, aucun avertissement"
        return f"{violations} ; {_count(len(self.warnings), 'avertissement')}"

    def _item_line(self, item: ValidationItem) -> str:
        where = self.describe(item.focus)
        details = []
        if item.path is not None:
            details.append(f"propriété {short_name(item.path)}")
        if item.value is not None and item.value != item.focus:
            details.append(f"valeur {self.describe(item.value)}")
        suffix = f" ({', '.join(details)})" if details else ""
        return f"  - {where}{suffix} : {item.message}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number > 1 else ''}"


_SEVERITIES: dict[Node, Severity["violation", "warning", "info"]] = {
    SH.Violation: "violation",
    SH.Warning: "warning",
    SH.Info: "info",
}


def validate(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Check ``data`` against the SHACL shapes (``shapes.ttl`` unless given).

    No inference is run on ``data``: the contract has the data graph assert both a
    node's specific and general classes. Results are sorted (message, node) so that
    the report reads the same on every run.
    """
    import pyshacl

    shapes_graph = load_shapes() if shapes is None else shapes
    _conforms, results, _text = pyshacl.validate(
        _parsed_once(data),
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        # SHACL's sh:conforms counts warnings too; the project's reading is separate.
        allow_warnings=False,
        allow_infos=False,
    )
    assert isinstance(results, Graph)
    report = ValidationReport(labels=_labels(data), shacl_report=results)
    for item in sorted(_items(results, shapes_graph), key=_sort_key):
        {"violation": report.violations, "warning": report.warnings, "info": report.infos}[
            item.severity
        ].append(item)
    return report


class _ParsedOnce(Graph):
    """A graph whose SPARQL texts are parsed once: pyshacl sends a SPARQL constraint's
    text again for each focus node, binding only ``$this``, and rdflib parses every text
    it is given (the Grand Périgueux: 72 parses of 6 texts, half of the validation)."""

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        if isinstance(query_object, str):
            # No namespaces but the text's own: pyshacl writes the shape's sh:prefixes in.
            query_object = parsed_query(query_object)
        return super().query(query_object, *args, **kwargs)


def _parsed_once(data: Graph) -> Graph:
    """``data`` itself (same store, nothing copied) as a :class:`_ParsedOnce`; a dataset,
    whose union the shapes read, is left as it is."""
    if type(data) is not Graph:
        return data
    return _ParsedOnce(data.store, data.identifier, data.namespace_manager)


def _items(results: Graph, shapes: Graph) -> Iterable[ValidationItem]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        if focus is None:
            continue
        path = results.value(result, SH.resultPath)
        component = results.value(result, SH.sourceConstraintComponent)
        yield ValidationItem(
            severity=_SEVERITIES.get(
                results.value(result, SH.resultSeverity) or SH.Violation, "violation"
            ),
            focus=focus,
            # Only simple (IRI) paths are reported; shapes.ttl uses no other kind.
            path=path if isinstance(path, URIRef) else None,
            value=results.value(result, SH.value),
            message=_french_message(results, shapes, result, component),
            shape=results.value(result, SH.sourceShape),
            component=component if isinstance(component, URIRef) else None,
        )


def _french_message(results: Graph, shapes: Graph, result: Node, component: Node | None) -> str:
    messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    for message in messages:
        if message.language == "fr":
            return str(message)
    # pyshacl drops the language tag when it fills a SPARQL message's {?var}: a message
    # whose source constraint declares a French sh:message is that message.
    sources = [results.value(result, SH.sourceConstraint), results.value(result, SH.sourceShape)]
    declared = [m for src in sources if src is not None for m in shapes.objects(src, SH.message)]
    if messages and any(isinstance(m, Literal) and m.language == "fr" for m in declared):
        return str(messages[0])
    # A caller's own shapes may lack a French message and pyshacl's defaults are English:
    # say it in French and keep the detail.
    name = short_name(component) if component is not None else "inconnue"
    detail = f" : {messages[0]}" if messages else ""
    return f"Contrainte SHACL non respectée ({name}){detail}"


def _sort_key(item: ValidationItem) -> tuple[str, str, str, str]:
    return (item.message, str(item.focus), str(item.path or ""), str(item.value or ""))


def _labels(data: Graph) -> dict[Node, str]:
    """Each typed or labelled node → "chantier 1.b « intitulé »" (kind, identifier, label)."""
    kinds = _class_labels()
    words: dict[Node, list[str]] = {}
    for node in set(data.subjects(RDF.type)) | set(data.subjects(RDFS.label)):
        kind = _kind(data, node, kinds)
        identifier = data.value(node, DCTERMS.identifier)
        label = _french(data, node)
        parts = [p for p in (kind, str(identifier) if identifier is not None else None) if p]
        if label is not None:
            parts.append(f"« {label} »")
        if parts:
            words[node] = parts
    return {node: " ".join(parts) for node, parts in words.items()}


def _french(data: Graph, node: Node) -> str | None:
    labels = [lab for lab in data.objects(node, RDFS.label) if isinstance(lab, Literal)]
    french = [lab for lab in labels if lab.language == "fr"]
    chosen = sorted(french or labels)
    return str(chosen[0]) if chosen else None


def _kind(data: Graph, node: Node, kinds: dict[Node, tuple[int, str]]) -> str | None:
    # The most specific class wins: a node typed fdr:Intervenant and fdr:Ressource is
    # an "intervenant".
    known = [kinds[cls] for cls in data.objects(node, RDF.type) if cls in kinds]
    return min(known)[1] if known else None


@functools.cache
def _class_labels() -> dict[Node, tuple[int, str]]:
    ontology = load_ontology()
    depth: dict[Node, int] = {}
    result: dict[Node, tuple[int, str]] = {}
    for cls in ontology.subjects(RDF.type, OWL.Class):
        label = next(
            (
                str(lab)
                for lab in ontology.objects(cls, RDFS.label)
                if isinstance(lab, Literal) and lab.language == "fr"
            ),
            None,
        )
        if label is None:
            continue
        # Fewer superclasses = more general; sort specific (more ancestors) first.
        depth[cls] = len(list(ontology.transitive_objects(cls, RDFS.subClassOf)))
        result[cls] = (-depth[cls], label)
    return result
