"""Territories in the graph: communes (their identity, population, EPCI and fragility
scores), EPCI, and the territory a roadmap covers."""

import re

from rdflib import Literal, URIRef

from . import _reference as reference
from ._cells import decimal_lexical
from ._checks import INSEE, SIREN
from ._context import BuildContext
from ._identifiers import siren_problem
from ._iris import geo
from ._namespaces import DCTERMS, FDR, IGEO, INSEE_COMMUNE, INSEE_EPCI, RDF, RDFS, XSD
from ._notices import notice
from ._sheets import SCORE_MAX, SCORE_MIN, TERRITORY_KINDS, fold
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row

_DEPARTEMENT = re.compile(r"[0-9]{2}|2[AB]|97[1-6]")
_REGION = re.compile(r"[0-9]{2}")
_CLASSES = {"departement": FDR.Departement, "region": FDR.Region}
_INSEE_CLASSES = {
    "commune": IGEO.Commune,
    "epci": IGEO.Intercommunalite,
    "departement": IGEO.Departement,
    "region": IGEO.Region,
}

__all__ = [
    "commune_code",
    "commune_epci",
    "commune_identity",
    "commune_population",
    "departement_region",
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
    _official(ctx, node, "epci", siren)
    return node


def commune_identity(ctx: BuildContext, commune: URIRef, code: str) -> None:
    """The commune's national facts: class, INSEE code, INSEE's IRI and, when the shipped
    reference data knows the commune, its département (the same in every territory)."""
    ctx.add(commune, RDF.type, FDR.Commune)
    ctx.add(commune, RDF.type, FDR.Territoire)
    ctx.add(commune, FDR.codeInsee, Literal(code))
    ctx.add(commune, RDFS.seeAlso, INSEE_COMMUNE[code])
    official = _official(ctx, commune, "commune", code)
    found = reference.communes().get(code)
    if found is not None and _DEPARTEMENT.fullmatch(found.departement):
        departement = geo("departement", found.departement)
        _official_identity(ctx, departement, "departement", found.departement)
        ctx.add(official, FDR.departement, departement)


def _official(ctx: BuildContext, node: URIRef, kind: str, code: str) -> URIRef:
    """Links the territory's own node to the national node of its code, which carries
    only national facts (INSEE's class and code): the same triples in every graph."""
    official = geo(kind, code)
    ctx.add(node, FDR.territoireOfficiel, official)
    _official_identity(ctx, official, kind, code)
    return official


def _official_identity(ctx: BuildContext, official: URIRef, kind: str, code: str) -> None:
    """INSEE's class and code; for a département, its région (``fdr:region``) when the
    shipped reference data knows it."""
    ctx.add(official, RDF.type, _INSEE_CLASSES[kind])
    ctx.add(official, IGEO.codeINSEE, Literal(code))
    if kind == "departement":
        region = departement_region(code)
        if region is not None:
            _official_identity(ctx, region, "region", str(region).rsplit("/", 1)[1])
            ctx.add(official, FDR.region, region)


def departement_region(code: str) -> URIRef | None:
    """The national région node of the département ``code`` (shipped reference data),
    None when the data do not know it."""
    found = reference.departements().get(code)
    if found is None or not _REGION.fullmatch(found.region):
        return None
    return geo("region", found.region)


def territory(ctx: BuildContext, sheet: str, row: Row, column: str) -> URIRef | None:
    """The territory a code names, of the kind « type de territoire » says (or, when it
    is empty, an EPCI for 9 digits, a commune for an INSEE code, else a plain territory),
    named by « nom du territoire » or the national reference data."""
    code = row[column]
    if "|" in code or "\n" in code:
        ctx.error(sheet, row, column, f"un seul code de territoire attendu, lu « {code} »")
        return None
    kind = _territory_kind(ctx, sheet, row, code)
    if kind is None:
        return None
    why = _code_problem(kind, code)
    if why is not None:
        ctx.error(sheet, row, column, why)
        return None
    node = _territory_node(ctx, kind, code)
    official = _reference_name(kind, code)
    given = row["nom du territoire"]
    if given and official and _name_key(given) != _name_key(official):
        notice(
            f"le nom du territoire « {given} » (fichier {row.file}, feuille « {sheet} », "
            f"ligne {row.number}, colonne « nom du territoire ») diffère du nom officiel "
            f"« {official} » que les données de référence embarquées donnent au code "
            f"{code} ; il est gardé tel quel. Vérifiez le code, ou laissez la cellule vide "
            "pour prendre le nom officiel."
        )
    name = given or official
    if name:
        ctx.add(node, RDFS.label, Literal(name, lang="fr"))
    return node


def _name_key(name: str) -> str:
    """A name compared forgiving case, accents, hyphens, apostrophes and spaces."""
    return re.sub(r"[\W_]+", "", fold(name))


def _territory_kind(ctx: BuildContext, sheet: str, row: Row, code: str) -> str | None:
    """The IRI segment of the territory's kind ("" for a plain territory), None when the
    « type de territoire » cell is unknown."""
    given = row["type de territoire"]
    if given:
        for label, kind in TERRITORY_KINDS.items():
            if fold(label) == fold(given):
                ctx.read_as(sheet, row, "type de territoire", label)
                return kind
        ctx.error(
            sheet,
            row,
            "type de territoire",
            f"type de territoire inconnu « {given} » ; valeurs permises : "
            + ", ".join(TERRITORY_KINDS),
        )
        return None
    if code.isdigit() and len(code) != 5 and 6 <= len(code) <= 14:
        return "epci"  # a number of this size is meant as a SIREN: checked as one
    if INSEE.fullmatch(code):
        return "commune"
    return ""


def _code_problem(kind: str, code: str) -> str | None:
    if kind == "epci":
        return siren_problem(code)
    if kind == "commune" and not INSEE.fullmatch(code):
        return f"code INSEE de commune de 5 caractères attendu (ex. 24322, 2A004), lu « {code} »"
    if kind == "departement" and not _DEPARTEMENT.fullmatch(code):
        return f"code de département attendu (ex. 24, 2A, 971), lu « {code} »"
    if kind == "region" and not _REGION.fullmatch(code):
        return f"code de région de 2 chiffres attendu (ex. 75), lu « {code} »"
    return None


def _territory_node(ctx: BuildContext, kind: str, code: str) -> URIRef:
    if kind == "epci":
        return epci(ctx, code)
    if kind == "commune":
        commune = ctx.mint.node("commune", code)
        commune_identity(ctx, commune, code)
        return commune
    return _plain_territory(ctx, kind, code)


def _plain_territory(ctx: BuildContext, kind: str, code: str) -> URIRef:
    """A département, a région (national IRIs) or a territory of no known kind (under the
    roadmap's base IRI), identified by its code."""
    node = ctx.mint.node(kind or "territoire", code)
    ctx.add(node, RDF.type, FDR.Territoire)
    if kind:
        ctx.add(node, RDF.type, _CLASSES[kind])
        _official(ctx, node, kind, code)
    ctx.add(node, DCTERMS.identifier, Literal(code))
    return node


def _reference_name(kind: str, code: str) -> str:
    """The official name of the territory in the shipped reference data ("" if none)."""
    found: reference.Commune | reference.Epci | reference.Departement | None = None
    if kind == "epci":
        found = reference.epcis().get(code)
    elif kind == "commune":
        found = reference.communes().get(code)
    elif kind == "departement":
        found = reference.departements().get(code)
    return found.name if found is not None else ""


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
    """One ``fdr:MesureDeFragilite`` per IFN column filled, a score from 1 to 10."""
    code = row["code insee"]
    for column, (indicator, notation) in IFN_COLUMNS.items():
        value = ctx.decimal(sheet, row, column)
        if value is None:
            continue
        if not SCORE_MIN <= value <= SCORE_MAX:
            ctx.error(
                sheet,
                row,
                column,
                f"note de {SCORE_MIN} à {SCORE_MAX} attendue (10 = le plus fragile), "
                f"lu « {row[column]} »",
            )
            continue
        mesure = ctx.mint.mesure(code, notation)
        ctx.add(mesure, RDF.type, FDR.MesureDeFragilite)
        ctx.add(mesure, FDR.commune, node)
        ctx.add(mesure, FDR.indicateur, indicator)
        ctx.add(mesure, FDR.valeur, Literal(decimal_lexical(value), datatype=XSD.decimal))
