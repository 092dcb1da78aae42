"""Rows of the follow-up sheets (issue 12): an action's co-fundings and its indicators.

Each row is a node of its own, named by its action and what sets it apart from the
action's other rows: ``{base}cofinancement/{action}/{financeur}`` and
``{base}indicateur/{action}/{intitulé}``, so the same workbook always gives the same
IRIs and a row given twice is reported. The action points to the node
(``fdr:coFinancement``, ``fdr:indicateur``); the node is made only when its action (and
its funder) exist.
"""

from rdflib import URIRef
from rdflib.term import Node

from ._context import BuildContext
from ._mapping import MAPS
from ._namespaces import RDF
from ._sheets import SHEETS_BY_NAME
from ._workbook import Row

__all__ = ["map_cofinancement", "map_indicateur"]


def _cells(ctx: BuildContext, sheet: str, row: Row) -> dict[str, list[Node]]:
    """Every mapped column's objects but the action's."""
    spec = MAPS[sheet]
    return {
        column: ctx.terms(sheet, row, column, spec.fields[column])
        for column in SHEETS_BY_NAME[sheet].headers
        if column != "action"
    }


def _node(ctx: BuildContext, sheet: str, row: Row, node: URIRef, action: URIRef, what: str) -> None:
    cells = _cells(ctx, sheet, row)
    required = (c.name for c in SHEETS_BY_NAME[sheet].columns if c.required and c.name != "action")
    if not all(cells[name] for name in required) or not ctx.unique(sheet, row, node, what):
        return
    spec = MAPS[sheet]
    ctx.add(node, RDF.type, spec.cls)
    ctx.add(action, spec.fields["action"].predicate, node)
    for column, objects in cells.items():
        for term in objects:
            ctx.add(node, spec.fields[column].predicate, term)


def map_cofinancement(ctx: BuildContext, sheet: str, row: Row) -> None:
    """A funder's share of an action's funding, with its amount."""
    action = ctx.ref(sheet, row, "action", "action")
    if action is None:
        return
    node = ctx.mint.iri("cofinancement", row["action"], row["financeur"])
    what = f"le co-financement de l'action « {row['action']} » par « {row['financeur']} »"
    _node(ctx, sheet, row, node, action, what)


def map_indicateur(ctx: BuildContext, sheet: str, row: Row) -> None:
    """A follow-up indicator of an action, with its target and value reached."""
    action = ctx.ref(sheet, row, "action", "action")
    if action is None:
        return
    node = ctx.mint.iri("indicateur", row["action"], row["intitulé"])
    what = f"l'indicateur « {row['intitulé']} » de l'action « {row['action']} »"
    _node(ctx, sheet, row, node, action, what)
