"""French explanation of an OWL inconsistency.

HermiT only answers "inconsistent". To tell the user where to look, this module
re-checks the few ways ontology + data can contradict each other with the axioms of
``fdr.ttl``: a node in two disjoint classes (asserted, or implied by a property's
domain or range), a functional property with two values known to differ, a value
outside the closed list a property allows, or a literal outside its datatype.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from ._datatypes import INTEGER_DATATYPES
from ._terms import short_name

__all__ = ["explain_inconsistency"]

# Datatypes whose value spaces contain the key's (OWL 2 datatype map, simplified).
_ACCEPTED: dict[Node, set[Node | None]] = {
    XSD.decimal: {XSD.decimal, *INTEGER_DATATYPES},
    XSD.integer: set(INTEGER_DATATYPES),
    XSD.string: {XSD.string, XSD.normalizedString, XSD.token},
}


def explain_inconsistency(graph: Graph) -> str:
    """French text for an inconsistent ontology + data ``graph``, naming probable causes."""
    causes = sorted(set(_causes(graph)))
    head = "Cohérence OWL (HermiT) : le graphe est INCOHÉRENT avec l'ontologie."
    if not causes:
        return (
            f"{head}\nAucune cause simple n'a été repérée : vérifiez les types des nœuds, "
            "les propriétés à valeur unique (fonctionnelles) et les valeurs des listes fermées."
        )
    lines = [head, "Causes repérées :"]
    lines.extend(f"  - {cause}" for cause in causes[:50])
    if len(causes) > 50:
        lines.append(f"  … et {len(causes) - 50} autre(s).")
    return "\n".join(lines)


def _causes(graph: Graph) -> Iterator[str]:
    model = _Model(graph)
    yield from _disjoint_types(graph, model)
    yield from _functional_clashes(graph, model)
    yield from _closed_lists(graph, model)
    yield from _bad_literals(graph, model)


class _Model:
    """The few ontology axioms the explanation needs, read from the merged graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.superclasses: dict[Node, set[Node]] = defaultdict(set)
        for sub, sup in graph.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                self.superclasses[sub].add(sup)
        self.disjoint: set[frozenset[Node]] = set()
        for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
            members = self._list(graph.value(axiom, OWL.members))
            self._add_disjoint(members, members)
        for first, second in graph.subject_objects(OWL.disjointWith):
            self._add_disjoint([first], self._union(second))
        self.different: set[frozenset[Node]] = set()
        for axiom in graph.subjects(RDF.type, OWL.AllDifferent):
            members = self._list(graph.value(axiom, OWL.distinctMembers))
            self.different.update(frozenset((a, b)) for a in members for b in members if a != b)
        for first, second in graph.subject_objects(OWL.differentFrom):
            self.different.add(frozenset((first, second)))
        self.functional = set(graph.subjects(RDF.type, OWL.FunctionalProperty))
        self.domains = self._named(RDFS.domain)
        self.ranges = self._named(RDFS.range)
        self.closed_ranges: dict[Node, set[Node]] = {}
        for prop, range_ in graph.subject_objects(RDFS.range):
            one_of = graph.value(range_, OWL.oneOf)
            if one_of is not None:
                self.closed_ranges[prop] = set(self._list(one_of))
        # class → property → allowed values (owl:allValuesFrom an owl:oneOf list)
        self.closed_for_class: dict[Node, dict[Node, set[Node]]] = defaultdict(dict)
        for cls, restriction in graph.subject_objects(RDFS.subClassOf):
            restricted = graph.value(restriction, OWL.onProperty)
            filler = graph.value(restriction, OWL.allValuesFrom)
            one_of = graph.value(filler, OWL.oneOf) if filler is not None else None
            if restricted is not None and one_of is not None:
                self.closed_for_class[cls][restricted] = set(self._list(one_of))

    def _list(self, head: Node | None) -> list[Node]:
        if head is None:
            return []
        return list(Collection(self.graph, head))

    def _union(self, node: Node) -> list[Node]:
        union = self.graph.value(node, OWL.unionOf)
        return self._list(union) if union is not None else [node]

    def _add_disjoint(self, firsts: Iterable[Node], seconds: Iterable[Node]) -> None:
        seconds = list(seconds)
        for a in firsts:
            for b in seconds:
                if a != b and isinstance(a, URIRef) and isinstance(b, URIRef):
                    self.disjoint.add(frozenset((a, b)))

    def _named(self, predicate: URIRef) -> dict[Node, Node]:
        return {
            prop: cls
            for prop, cls in self.graph.subject_objects(predicate)
            if isinstance(cls, URIRef)
        }

    def closure(self, classes: Iterable[Node]) -> set[Node]:
        seen: set[Node] = set()
        todo = list(classes)
        while todo:
            cls = todo.pop()
            if cls not in seen:
                seen.add(cls)
                todo.extend(self.superclasses.get(cls, ()))
        return seen


def _disjoint_types(graph: Graph, model: _Model) -> Iterator[str]:
    # Why each node has each class: asserted, or implied by a domain or a range.
    reasons: dict[Node, dict[Node, str]] = defaultdict(dict)
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(node, URIRef) and isinstance(cls, URIRef):
            reasons[node].setdefault(cls, "type affirmé")
    for subject, prop, obj in graph:
        if isinstance(subject, URIRef) and prop in model.domains:
            reasons[subject].setdefault(model.domains[prop], f"sujet de {short_name(prop)}")
        if isinstance(obj, URIRef) and prop in model.ranges:
            reasons[obj].setdefault(model.ranges[prop], f"objet de {short_name(prop)}")
    for node, classes in reasons.items():
        expanded: dict[Node, str] = {}
        for cls, why in classes.items():
            for sup in model.closure([cls]):
                expanded.setdefault(sup, why)
        names = sorted(expanded, key=str)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if frozenset((a, b)) in model.disjoint:
                    yield (
                        f"{short_name(node)} serait à la fois {short_name(a)} "
                        f"({expanded[a]}) et {short_name(b)} ({expanded[b]}), "
                        "classes disjointes."
                    )


def _functional_clashes(graph: Graph, model: _Model) -> Iterator[str]:
    for prop in model.functional:
        values: dict[Node, set[Node]] = defaultdict(set)
        for subject, value in graph.subject_objects(prop):
            values[subject].add(value)
        for subject, found in values.items():
            if len(found) < 2:
                continue
            ordered = sorted(found, key=str)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if _known_different(a, b, model):
                        yield (
                            f"{short_name(subject)} a deux valeurs différentes pour "
                            f"{short_name(prop)}, propriété à valeur unique : "
                            f"{short_name(a)} et {short_name(b)}."
                        )


def _known_different(a: Node, b: Node, model: _Model) -> bool:
    if isinstance(a, Literal) and isinstance(b, Literal):
        return not a.eq(b) if a.datatype == b.datatype else True
    return frozenset((a, b)) in model.different


def _closed_lists(graph: Graph, model: _Model) -> Iterator[str]:
    for prop, allowed in model.closed_ranges.items():
        for subject, value in graph.subject_objects(prop):
            if value not in allowed and _differs_from_all(value, allowed, model):
                yield _closed_text(subject, prop, value, allowed)
    for cls, by_prop in model.closed_for_class.items():
        for subject in graph.subjects(RDF.type, cls):
            for prop, allowed in by_prop.items():
                for value in graph.objects(subject, prop):
                    if value not in allowed and _differs_from_all(value, allowed, model):
                        yield _closed_text(subject, prop, value, allowed)


def _differs_from_all(value: Node, allowed: set[Node], model: _Model) -> bool:
    return all(frozenset((value, other)) in model.different for other in allowed)


def _closed_text(subject: Node, prop: Node, value: Node, allowed: set[Node]) -> str:
    names = ", ".join(sorted(short_name(a) for a in allowed))
    return (
        f"{short_name(subject)} : la valeur {short_name(value)} de {short_name(prop)} "
        f"n'est pas permise ici (valeurs possibles : {names})."
    )


def _bad_literals(graph: Graph, model: _Model) -> Iterator[str]:
    for prop, range_ in model.ranges.items():
        accepted = _ACCEPTED.get(range_)
        # An annotation property's range carries no meaning for the reasoner.
        if accepted is None or (prop, RDF.type, OWL.DatatypeProperty) not in graph:
            continue
        for subject, value in graph.subject_objects(prop):
            if not isinstance(value, Literal) or isinstance(subject, BNode):
                continue
            datatype = value.datatype or (RDF.langString if value.language else XSD.string)
            if datatype not in accepted or getattr(value, "ill_typed", False):
                yield (
                    f"{short_name(subject)} : la valeur {short_name(value)} de "
                    f"{short_name(prop)} n'est pas du type {short_name(range_)} "
                    f"(type trouvé : {short_name(datatype)})."
                )
            elif range_ == XSD.decimal and not isinstance(value.toPython(), int | Decimal):
                yield (
                    f"{short_name(subject)} : la valeur {short_name(value)} de "
                    f"{short_name(prop)} n'est pas un décimal valide."
                )
