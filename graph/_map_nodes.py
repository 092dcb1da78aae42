"""Rows that declare a node (Enjeux, Défis, Chantiers, Communes, Ressources…): one node
per row, named by the row's own ID, its columns mapped by :data:`~._mapping.MAPS`.

A few columns check more than their form says (a défi answers at least one enjeu, a
chantier is not linked to itself…): their hooks replace the table's mapping.
"""

from collections.abc import Callable

from rdflib import Literal, URIRef

from ._cells import split_list
from ._context import BuildContext
from ._identifiers import organisation_triples, rna_problem, siret_problem
from ._map_programmes import national_programme
from ._mapping import MAPS
from ._namespaces import DCTERMS, FDR, RDF
from ._registry import ID_COLUMNS, local_id
from ._sheets import SHEETS_BY_NAME
from ._territories import commune_code, commune_epci, commune_population, fragility_scores
from ._themes import chantier_themes
from ._workbook import Row

__all__ = ["map_node_row"]

Hook = Callable[[BuildContext, str, Row, URIRef], None]


def map_node_row(ctx: BuildContext, sheet: str, row: Row) -> None:
    """The triples of one row of a sheet that declares nodes."""
    spec = MAPS[sheet]
    kind, _column = ID_COLUMNS[sheet]
    local = local_id(sheet, row)
    node = ctx.mint.node(kind, local)
    for cls in (spec.cls, *spec.also):
        ctx.add(node, RDF.type, cls)
    if spec.identifier:
        ctx.add(node, DCTERMS.identifier, Literal(local))
    for column in SHEETS_BY_NAME[sheet].headers:
        hook = _COLUMN_HOOKS.get((sheet, column))
        if hook is not None:
            hook(ctx, sheet, row, node)
        elif column in spec.fields:
            field = spec.fields[column]
            for term in ctx.terms(sheet, row, column, field):
                ctx.add(node, field.predicate, term)
    if sheet in _ROW_HOOKS:
        _ROW_HOOKS[sheet](ctx, sheet, row, node)
    if spec.in_roadmap:
        ctx.add(node, FDR.feuilleDeRoute, ctx.roadmap)


def _enjeux(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    enjeux = ctx.refs(sheet, row, "enjeux", "enjeu")
    if not enjeux and not split_list(row["enjeux"]):
        ctx.error(sheet, row, "enjeux", "au moins un identifiant d'enjeu attendu")
    for enjeu in enjeux:
        ctx.add(node, FDR.repondA, enjeu)


def _linked_chantiers(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    for other in ctx.refs(sheet, row, "en lien avec", "chantier"):
        if other == node:
            ctx.error(sheet, row, "en lien avec", "un chantier n'est pas en lien avec lui-même")
            continue
        # Symmetric: both directions asserted so that queries need no reasoning.
        ctx.add(node, FDR.enLienAvec, other)
        ctx.add(other, FDR.enLienAvec, node)


def _parent_service(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    if not row["rattachement"]:
        return
    parent = ctx.ref(sheet, row, "rattachement", "service")
    if parent == node:
        ctx.error(sheet, row, "rattachement", "un service n'est pas rattaché à lui-même")
    else:
        ctx.add(node, FDR.uniteDe, parent)


def _rank(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    rank = ctx.integer(sheet, row, "rang")
    if rank is None:
        return
    if rank < 1:
        ctx.error(
            sheet,
            row,
            "rang",
            f"rang de 1 ou plus attendu (1 = le plus prioritaire), lu « {rank} »",
        )
        return
    ctx.add(node, FDR.rangDePriorite, Literal(rank))


def _official_number(column: str, problem: Callable[[str], str | None]) -> Hook:
    """A hook checking the cell with ``problem`` before it becomes a plain literal."""

    def hook(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
        raw = row[column]
        if not raw:
            return
        why = problem(raw)
        if why is not None:
            ctx.error(sheet, row, column, why)
            return
        number = _compact(raw)
        ctx.add(node, MAPS[sheet].fields[column].predicate, Literal(number))
        official, triples = organisation_triples(column, number)
        ctx.add(node, FDR.organisationOfficielle, official)
        for subject, predicate, value in triples:
            ctx.add(subject, predicate, value)

    return hook


def _compact(raw: str) -> str:
    return "".join(raw.split()).upper()


_COLUMN_HOOKS: dict[tuple[str, str], Hook] = {
    ("Communes", "code insee"): commune_code,
    ("Communes", "population"): commune_population,
    ("Communes", "epci"): commune_epci,
    ("Enjeux", "rang"): _rank,
    ("Défis", "enjeux"): _enjeux,
    ("Chantiers", "en lien avec"): _linked_chantiers,
    ("Chantiers", "thèmes"): chantier_themes,
    ("Services", "rattachement"): _parent_service,
    ("Ressources", "programme national"): national_programme,
    ("Ressources", "siret"): _official_number("siret", siret_problem),
    ("Ressources", "rna"): _official_number("rna", rna_problem),
}
_ROW_HOOKS: dict[str, Hook] = {"Communes": fragility_scores}
