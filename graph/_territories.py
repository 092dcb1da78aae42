"""Territories in the graph: communes (their identity, population, EPCI and fragility
scores), EPCI, and the territory a roadmap covers."""

from rdflib import Literal, URIRef

from ._cells import decimal_lexical
from ._checks import INSEE, SIREN
from ._context import BuildContext
from ._namespaces import DCTERMS, FDR, INSEE_COMMUNE, INSEE_EPCI, RDF, RDFS, XSD
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row

__all__ = [
    "commune_code",
    "commune_epci",
    "commune_identity",
    "commune_population",
    "epci",
    "fragility_scores",
    "territory",
]


def epci(ctx: BuildContext, siren: str) -> URIRef:
    """The EPCI node of ``siren``, with its identity."""
    node = ctx.mint.node("epci", siren)
    ctx.add(node, RDF.type, FDR.EPCI)
    ctx.add(node, RDF.type, FDR.Territoire)
    ctx.add(node, FDR.siren, Literal(siren))
    ctx.add(node, RDFS.seeAlso, INSEE_EPCI[siren])
    return node


def commune_identity(ctx: BuildContext, commune: URIRef, code: str) -> None:
    ctx.add(commune, RDF.type, FDR.Commune)
    ctx.add(commune, RDF.type, FDR.Territoire)
    ctx.add(commune, FDR.codeInsee, Literal(code))
    ctx.add(commune, RDFS.seeAlso, INSEE_COMMUNE[code])


def territory(ctx: BuildContext, sheet: str, row: Row, column: str) -> URIRef | None:
    """The territory a code names: an EPCI (SIREN), a commune (INSEE code) or, for any
    other code, a plain territory."""
    code = row[column]
    if SIREN.fullmatch(code):
        return epci(ctx, code)
    if INSEE.fullmatch(code):
        commune = ctx.mint.node("commune", code)
        commune_identity(ctx, commune, code)
        return commune
    if "|" in code or "\n" in code:
        ctx.error(sheet, row, column, f"un seul code de territoire attendu, lu « {code} »")
        return None
    node = ctx.mint.node("territoire", code)
    ctx.add(node, RDF.type, FDR.Territoire)
    ctx.add(node, DCTERMS.identifier, Literal(code))
    return node


# -- the Communes sheet's own columns --------------------------------------------------


def commune_code(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    commune_identity(ctx, node, row["code insee"])


def commune_population(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    population = ctx.integer(sheet, row, "population")
    if population is None:
        return
    if population < 0:
        ctx.error(sheet, row, "population", f"population positive attendue, lu « {population} »")
    ctx.add(node, FDR.population, Literal(population))


def commune_epci(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    siren = row["epci"]
    if not siren:
        return
    if SIREN.fullmatch(siren):
        ctx.add(node, FDR.epci, epci(ctx, siren))
    else:
        ctx.error(sheet, row, "epci", f"SIREN de 9 chiffres attendu, lu « {siren} »")


def fragility_scores(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    """One ``fdr:MesureDeFragilite`` per IFN column filled, a score from 0 to 10."""
    code = row["code insee"]
    for column, (indicator, notation) in IFN_COLUMNS.items():
        value = ctx.decimal(sheet, row, column)
        if value is None:
            continue
        if not 0 <= value <= 10:
            ctx.error(sheet, row, column, f"note de 0 à 10 attendue, lu « {row[column]} »")
            continue
        mesure = ctx.mint.mesure(code, notation)
        ctx.add(mesure, RDF.type, FDR.MesureDeFragilite)
        ctx.add(mesure, FDR.commune, node)
        ctx.add(mesure, FDR.indicateur, indicator)
        ctx.add(mesure, FDR.valeur, Literal(decimal_lexical(value), datatype=XSD.decimal))
