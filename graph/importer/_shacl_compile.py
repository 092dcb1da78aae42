"""The project's SHACL shapes compiled to SPARQL SELECT queries, one per constraint.

SHACL Core as ``shapes.ttl`` uses it — targets (``targetClass``, ``targetSubjectsOf``,
``targetObjectsOf``), simple and inverse paths, and the components ``class``, ``datatype``,
``nodeKind``, ``pattern``, ``minLength``, ``minInclusive``, ``maxInclusive``, ``in``,
``minCount``, ``maxCount``, ``or``/``xone``/``not`` of one-constraint shapes, ``closed``
— plus SHACL-SPARQL constraints (``sh:sparql``), each query given its shape's targets.
Each query answers ``?this`` (focus node), and ``?path``, ``?value``, ``?n`` where the
result has them. Anything else is :class:`Unsupported`: the caller falls back to pyshacl.
The answers agree with pyshacl's on every test territory (``tests/graph/store/
test_import_validation.py``).
"""

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

__all__ = ["Check", "Unsupported", "compile_shapes"]

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = "http://www.w3.org/2001/XMLSchema#"
_LANG_STRING = str(RDF.langString)
# Lexical forms SHACL's sh:datatype accepts (an ill-typed literal does not conform).
_LEXICAL = {
    XSD + "integer": r"^[+-]?[0-9]+$",
    XSD + "decimal": r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    XSD + "boolean": r"^(true|false|1|0)$",
    XSD
    + "date": r"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
_CLASS = "rdf:type/rdfs:subClassOf*"
_PREFIXES = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


class Unsupported(Exception):
    """A shape uses a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: its query and what each answer row reports."""

    query: str
    severity: URIRef
    message: str
    shape: Node
    component: URIRef
    path: URIRef | None = None  # a property shape's path (None: from ?path, or none)
    value_is_focus: bool = False  # a node shape's own constraint: the value is the focus


def _one(shapes: Graph, node: Node, predicate: URIRef) -> Node | None:
    values = list(shapes.objects(node, predicate))
    if len(values) > 1:
        raise Unsupported(f"{predicate} répété sur {node}")
    return values[0] if values else None


def _required(shapes: Graph, node: Node, predicate: URIRef) -> Node:
    value = _one(shapes, node, predicate)
    if value is None:
        raise Unsupported(f"{predicate} manque sur {node}")
    return value


def _integer(value: Node) -> int:
    if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
        raise Unsupported(f"entier attendu : {value!r}")
    return int(value.toPython())


def _message(shapes: Graph, node: Node) -> str:
    messages = [m for m in shapes.objects(node, SH.message) if isinstance(m, Literal)]
    french = [m for m in messages if m.language == "fr"]
    if not french:
        raise Unsupported(f"pas de sh:message en français sur {node}")
    return str(french[0])


def _term(node: Node) -> str:
    if isinstance(node, URIRef | Literal):
        return node.n3()
    raise Unsupported(f"terme {node!r}")


def _targets(shapes: Graph, shape: Node) -> str | None:
    parts = [f"{{ ?this {_CLASS} {_term(c)} }}" for c in shapes.objects(shape, SH.targetClass)]
    parts += [f"{{ ?this {_term(p)} ?_t }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    parts += [f"{{ ?_t {_term(p)} ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    if not parts:
        return None
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def conforms(shapes: Graph, member: Node, var: str) -> str:
    """A SPARQL expression: ``var`` conforms to the one-constraint shape ``member``."""
    constraints = {p for p in shapes.predicates(member) if p != RDF.type}
    if constraints == {SH["class"]}:
        return f"EXISTS {{ {var} {_CLASS} {_term(_required(shapes, member, SH['class']))} }}"
    if constraints == {SH.datatype}:
        return _datatype(var, str(_one(shapes, member, SH.datatype)))
    raise Unsupported(f"forme imbriquée {member} ({sorted(map(str, constraints))})")


def _datatype(var: str, datatype: str) -> str:
    if datatype == _LANG_STRING:
        return f'(isLiteral({var}) && LANG({var}) != "")'
    check = f"isLiteral({var}) && DATATYPE({var}) = <{datatype}>"
    if datatype in _LEXICAL:
        check += f' && REGEX(STR({var}), "{_LEXICAL[datatype]}")'
    elif datatype != XSD + "string":
        raise Unsupported(f"sh:datatype {datatype}")
    return f"({check})"


def _component(name: str) -> URIRef:
    return SH[name[0].upper() + name[1:] + "ConstraintComponent"]


def _value_filter(shapes: Graph, owner: Node, name: str, value: Node, var: str) -> str:
    """The FILTER keeping the value nodes ``var`` that violate the component ``name``."""
    if name == "class":
        return f"FILTER NOT EXISTS {{ {var} {_CLASS} {_term(value)} }}"
    if name == "datatype":
        return f"FILTER(!{_datatype(var, str(value))})"
    if name == "nodeKind":
        kinds = {str(SH.IRI): "isIRI", str(SH.Literal): "isLiteral", str(SH.BlankNode): "isBlank"}
        if str(value) not in kinds:
            raise Unsupported(f"sh:nodeKind {value}")
        return f"FILTER(!{kinds[str(value)]}({var}))"
    if name == "pattern":
        flags = _one(shapes, owner, SH.flags)
        extra = f", {_term(Literal(str(flags)))}" if flags is not None else ""
        return f"FILTER(isBlank({var}) || !REGEX(STR({var}), {_term(Literal(str(value)))}{extra}))"
    if name == "minLength":
        return f"FILTER(isBlank({var}) || STRLEN(STR({var})) < {_integer(value)})"
    if name in ("minInclusive", "maxInclusive"):
        op = ">=" if name == "minInclusive" else "<="
        return f"FILTER(!COALESCE({var} {op} {_term(value)}, false))"
    if name == "in":
        members = list(Collection(shapes, value))
        same = " || ".join(f"sameTerm({var}, {_term(m)})" for m in members) or "false"
        return f"FILTER(!({same}))"
    if name in ("or", "xone", "not"):
        members = [value] if name == "not" else list(Collection(shapes, value))
        tests = [conforms(shapes, m, var) for m in members]
        if name == "or":
            return f"FILTER(!({' || '.join(tests)}))"
        if name == "not":
            return f"FILTER({tests[0]})"
        return f"FILTER(({' + '.join(f'IF({t}, 1, 0)' for t in tests)}) != 1)"
    raise Unsupported(f"composante sh:{name}")


_VALUE_COMPONENTS = {
    "class", "datatype", "nodeKind", "pattern", "minLength", "minInclusive", "maxInclusive",
    "in", "or", "xone", "not",
}  # fmt: skip
_SKIPPED = {
    "path", "message", "severity", "flags", "targetClass", "targetSubjectsOf",
    "targetObjectsOf", "property", "sparql", "closed", "ignoredProperties", "name",
    "description", "deactivated", "minCount", "maxCount",
}  # fmt: skip


def _components(shapes: Graph, owner: Node) -> Iterator[tuple[str, Node]]:
    """The value-node components of ``owner``: (name, parameter)."""
    for predicate, value in shapes.predicate_objects(owner):
        if predicate == RDF.type or not str(predicate).startswith(str(SH)):
            continue
        name = str(predicate).rsplit("#", 1)[1]
        if name in _VALUE_COMPONENTS:
            yield name, value
        elif name not in _SKIPPED:
            raise Unsupported(f"sh:{name} sur {owner}")


def _severity(shapes: Graph, owner: Node) -> URIRef:
    severity = _one(shapes, owner, SH.severity)
    return severity if isinstance(severity, URIRef) else SH.Violation


def _path(shapes: Graph, prop: Node) -> tuple[str, URIRef | None]:
    """The property shape's path as SPARQL, and as reported (None for an inverse path,
    as the project reads pyshacl's report: only IRI paths are named, see
    ``ontology._validation``). SHACL §2.3.1: a predicate path or ``sh:inversePath``."""
    path = _one(shapes, prop, SH.path)
    if isinstance(path, URIRef):
        return path.n3(), path
    inverse = _one(shapes, path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef) and len(set(shapes.predicate_objects(path))) == 1:
        return f"^{inverse.n3()}", None
    raise Unsupported(f"chemin {path!r} (seuls les chemins simples ou inverses)")


def _property_checks(shapes: Graph, shape: Node, targets: str, prop: Node) -> Iterator[Check]:
    sparql, path = _path(shapes, prop)
    severity, message = _severity(shapes, prop), _message(shapes, prop)
    head = f"{_PREFIXES}SELECT DISTINCT ?this ?value WHERE {{ {targets} ?this {sparql} ?value . "
    for name, value in _components(shapes, prop):
        where = head + _value_filter(shapes, prop, name, value, "?value") + " }"
        yield Check(where, severity, message, prop, _component(name), path)
    for name, op in (("minCount", "<"), ("maxCount", ">")):
        bound = _one(shapes, prop, SH[name])
        if bound is None:
            continue
        query = (
            f"{_PREFIXES}SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {sparql} ?v }} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {op} {_integer(bound)})"
        )
        yield Check(query, severity, message, prop, _component(name), path)


def _closed(shapes: Graph, shape: Node, targets: str) -> str:
    # SHACL §4.8.1: only the IRI paths of the property shapes are allowed properties.
    paths = (_one(shapes, p, SH.path) for p in shapes.objects(shape, SH.property))
    allowed: list[Node] = [p for p in paths if isinstance(p, URIRef)]
    ignored = _one(shapes, shape, SH.ignoredProperties)
    if ignored is not None:
        allowed += list(Collection(shapes, ignored))
    kept = ", ".join(_term(p) for p in allowed if p is not None)
    test = f"FILTER(?path NOT IN ({kept}))" if kept else ""
    return f"{_PREFIXES}SELECT ?this ?path ?value WHERE {{ {targets} ?this ?path ?value . {test} }}"


def _sparql_checks(shapes: Graph, shape: Node, targets: str, severity: URIRef) -> Iterator[Check]:
    for constraint in shapes.objects(shape, SH.sparql):
        select = str(_one(shapes, constraint, SH.select))
        prefixes = "".join(
            f"PREFIX {_required(shapes, d, SH.prefix)}: <{_required(shapes, d, SH.namespace)}>\n"
            for source in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(source, SH.declare)
        )
        text = select.replace("$this", "?this")
        start = text.upper().index("WHERE")
        brace = text.index("{", start) + 1
        query = _PREFIXES + prefixes + text[:brace] + f" {targets} " + text[brace:]
        message = _message(shapes, constraint)
        yield Check(query, severity, message, shape, SH.SPARQLConstraintComponent)


def _node_checks(shapes: Graph, shape: Node) -> Iterator[Check]:
    targets = _targets(shapes, shape)
    if targets is None:
        return
    severity = _severity(shapes, shape)
    for prop in shapes.objects(shape, SH.property):
        yield from _property_checks(shapes, shape, targets, prop)
    yield from _sparql_checks(shapes, shape, targets, severity)
    own = list(_components(shapes, shape))
    closed = _one(shapes, shape, SH.closed)
    if not own and closed is None:
        return
    message = _message(shapes, shape)
    for name, value in own:
        query = (
            f"{_PREFIXES}SELECT DISTINCT ?this WHERE {{ {targets} "
            + _value_filter(shapes, shape, name, value, "?this")
            + " }"
        )
        yield Check(query, severity, message, shape, _component(name), value_is_focus=True)
    if isinstance(closed, Literal) and closed.toPython() is True:
        yield Check(
            _closed(shapes, shape, targets), severity, message, shape, SH.ClosedConstraintComponent
        )


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape of ``shapes``, as a SPARQL check; raises
    :class:`Unsupported` for a feature outside the subset above."""
    owners = set(shapes.subjects(RDF.type, SH.NodeShape))
    for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf):
        owners |= set(shapes.subjects(target))
    checks: list[Check] = []
    for shape in sorted(owners, key=str):
        checks.extend(_node_checks(shapes, shape))
    return checks
