"""The compiled shapes (``_shacl_compile``) run on Oxigraph in memory: a SHACL check that
gives pyshacl's results, several times faster (``benchmarks/importer.py`` measures it).

The data (a source's :class:`Statements`, as the import reads them; or an rdflib graph,
or N-Triples) is put once into a fresh in-memory Oxigraph store, every compiled
query runs over it, and each answer row becomes a :class:`ValidationItem` as pyshacl's
report would give it (focus, path, value, severity, message with ``{?var}`` filled,
shape, component), sorted the same way, in the same :class:`ValidationReport`.
"""

import functools
import re
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Identifier

from feuille_de_route.ontology import ValidationItem, ValidationReport, load_shapes

from ..store._terms import from_oxigraph, ntriples
from ._shacl_compile import SH, Check, compile_shapes
from ._statements import Statements

__all__ = ["compiled_checks", "validate_on_oxigraph"]

_SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_PLACEHOLDER = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@functools.cache
def compiled_checks() -> tuple[Check, ...]:
    """The project's shapes (``shapes.ttl``), compiled once."""
    return tuple(compile_shapes(load_shapes()))


def _filled(message: str, row: dict[str, Identifier | None]) -> str:
    def value(match: re.Match[str]) -> str:
        term = row.get("this" if match.group(1) == "this" else match.group(1))
        return str(term) if term is not None else match.group(0)

    return _PLACEHOLDER.sub(value, message)


def _items(store: ox.Store, check: Check) -> list[ValidationItem]:
    solutions: Any = store.query(check.query)
    names = [v.value for v in solutions.variables]
    cache: dict[Any, Identifier | None] = {}
    items = []
    for solution in solutions:
        row = {name: from_oxigraph(solution[name], cache) for name in names}
        focus = row["this"]
        if focus is None:
            continue
        path = check.path if check.path is not None else row.get("path")
        value = row.get("value")
        if check.value_is_focus or (
            value is None and check.component == SH.SPARQLConstraintComponent
        ):
            value = focus  # SHACL-SPARQL: the focus node when ?value is not bound
        items.append(
            ValidationItem(
                severity=_SEVERITIES.get(check.severity, "violation"),  # type: ignore[arg-type]
                focus=focus,
                path=path if isinstance(path, URIRef) else None,
                value=value,
                message=_filled(check.message, row),
                shape=check.shape,
                component=check.component,
            )
        )
    return items


def _sort_key(item: ValidationItem) -> tuple[str, ...]:
    """``validate``'s order (message, focus, path, value), then the component for ties."""
    return (
        item.message,
        str(item.focus),
        str(item.path or ""),
        str(item.value or ""),
        str(item.component or ""),
    )


def _memory_store(data: Graph | bytes | Statements | ox.Store) -> ox.Store:
    if isinstance(data, ox.Store):
        return data
    if isinstance(data, Statements):
        return data.memory_store()
    store = ox.Store()
    written = data if isinstance(data, bytes) else ntriples(data)
    store.load(written, format=ox.RdfFormat.N_TRIPLES)
    return store


def validate_on_oxigraph(
    data: Graph | bytes | Statements | ox.Store, checks: tuple[Check, ...] | None = None
) -> ValidationReport:
    """``data`` (a source's statements, a graph, its N-Triples, or an in-memory store
    holding them in its default graph, which the checks only read) checked against the
    shapes (``shapes.ttl``'s compiled checks unless given), as
    :func:`feuille_de_route.ontology.validate` reports it."""
    store = _memory_store(data)
    report = ValidationReport()
    found = [item for check in (checks or compiled_checks()) for item in _items(store, check)]
    for item in sorted(found, key=_sort_key):
        {"violation": report.violations, "warning": report.warnings, "info": report.infos}[
            item.severity
        ].append(item)
    return report
