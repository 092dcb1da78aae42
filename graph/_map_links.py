"""Rows that link nodes (Coordination, Gouvernance, Mobilisations): the node of a link is
named by what it links, so a link given twice is reported; it is made only when every
node it names exists."""

import re

from rdflib import URIRef
from rdflib.term import Node

from ._context import BuildContext
from ._errors import suggest
from ._mapping import MAPS
from ._namespaces import RDF
from ._registry import AGENT_KINDS
from ._sheets import SHEETS_BY_NAME, fold
from ._workbook import Row

__all__ = ["map_coordination", "map_gouvernance", "map_mobilisation", "parse_coordination_object"]

_OBJECT_PREFIX = re.compile(r"(d[ée]fi|chantier)\s*[:\s]\s*(\S.*)", re.IGNORECASE | re.DOTALL)


def parse_coordination_object(text: str) -> tuple[str | None, str]:
    """Split an ``objet`` cell into (``defi``/``chantier``, or None when unprefixed; ID)."""
    match = _OBJECT_PREFIX.fullmatch(text)
    if not match:
        return None, text
    return ("defi" if fold(match.group(1)) == "defi" else "chantier"), match.group(2).strip()


def _terms(
    ctx: BuildContext, sheet: str, row: Row, given: dict[str, URIRef | None]
) -> dict[str, list[Node]] | None:
    """Every mapped column's objects (``given`` ones as resolved by the caller), or None
    when a required column names nothing."""
    spec = MAPS[sheet]
    found: dict[str, list[Node]] = {}
    for column in SHEETS_BY_NAME[sheet].headers:
        if column in given:
            term = given[column]
            found[column] = [] if term is None else [term]
        else:
            found[column] = ctx.terms(sheet, row, column, spec.fields[column])
    required = (c.name for c in SHEETS_BY_NAME[sheet].columns if c.required)
    return found if all(found[name] for name in required) else None


def _link(
    ctx: BuildContext, sheet: str, row: Row, node: URIRef, what: str, terms: dict[str, list[Node]]
) -> None:
    if not ctx.unique(sheet, row, node, what):
        return
    spec = MAPS[sheet]
    ctx.add(node, RDF.type, spec.cls)
    for column, objects in terms.items():
        for term in objects:
            ctx.add(node, spec.fields[column].predicate, term)


def map_mobilisation(ctx: BuildContext, sheet: str, row: Row) -> None:
    """A chantier's link to a resource, with its status."""
    terms = _terms(ctx, sheet, row, {})
    if terms is None:
        return
    node = ctx.mint.mobilisation(row["chantier"], row["ressource"])
    what = f"le lien du chantier « {row['chantier']} » à la ressource « {row['ressource']} »"
    _link(ctx, sheet, row, node, what, terms)


def map_gouvernance(ctx: BuildContext, sheet: str, row: Row) -> None:
    """A participation of an acteur, service or resource in a chantier, with its role."""
    local = row["acteur"]
    kind = ctx.registry.agent(local)
    if kind is None:
        ctx.ref(sheet, row, "chantier", "chantier")  # reported too when unknown
        known = [a for agent in AGENT_KINDS for a in ctx.registry.ids[agent]]
        ctx.error(
            sheet,
            row,
            "acteur",
            f"« {local} » ne désigne aucun acteur, service ni ressource (feuilles Acteurs, "
            f"Services, Ressources){suggest(local, known)}",
        )
        ctx.controlled(sheet, row, "rôle")
        return
    terms = _terms(ctx, sheet, row, {"acteur": ctx.mint.node(kind, local)})
    if terms is None:
        return
    role = terms["rôle"][0]
    assert isinstance(role, URIRef)
    node = ctx.mint.participation(row["chantier"], local, role)
    what = f"« {local} » avec ce rôle sur le chantier « {row['chantier']} »"
    _link(ctx, sheet, row, node, what, terms)


def map_coordination(ctx: BuildContext, sheet: str, row: Row) -> None:
    """A service's coordination of a défi or a chantier, with its role."""
    kind, local = parse_coordination_object(row["objet"])
    if kind is None:
        kind = _unprefixed_object_kind(ctx, sheet, row, local)
        if kind is None:
            return
    objet = ctx.ref(sheet, row, "objet", kind, local)
    terms = _terms(ctx, sheet, row, {"objet": objet})
    if terms is None:
        return
    node = ctx.mint.coordination(kind, local, row["service"])
    noun = "défi" if kind == "defi" else "chantier"
    what = f"la coordination du {noun} « {local} » par « {row['service']} »"
    _link(ctx, sheet, row, node, what, terms)


def _unprefixed_object_kind(ctx: BuildContext, sheet: str, row: Row, local: str) -> str | None:
    in_defis, in_chantiers = (
        local in ctx.registry.ids["defi"],
        local in ctx.registry.ids["chantier"],
    )
    if in_defis and in_chantiers:
        ctx.error(
            sheet,
            row,
            "objet",
            f"« {local} » est à la fois un défi et un chantier ; écrivez « défi {local} » "
            f"ou « chantier {local} »",
        )
        return None
    if not in_defis and not in_chantiers:
        known = [*ctx.registry.ids["chantier"], *ctx.registry.ids["defi"]]
        ctx.error(
            sheet,
            row,
            "objet",
            f"« {local} » ne désigne aucun chantier ni défi{suggest(local, known)}",
        )
        return None
    return "defi" if in_defis else "chantier"
