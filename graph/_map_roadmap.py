"""The « Feuille de route » sheet: one row naming the roadmap, its base IRI (under which
every other node is minted) and the territory it covers."""

from urllib.parse import urlsplit

from rdflib import Literal, URIRef

from feuille_de_route import is_http_iri

from ._checks import check_required
from ._context import BuildContext
from ._iris import Minter
from ._namespaces import DCTERMS, FDR, RDF, RDFS
from ._territories import territory
from ._workbook import Row

__all__ = ["ROADMAP_SHEET", "map_roadmap"]

ROADMAP_SHEET = "Feuille de route"


def map_roadmap(ctx: BuildContext) -> None:
    """Set ``ctx``'s minter and roadmap node from the sheet's single row, or report why
    it cannot be."""
    rows = ctx.workbook.rows(ROADMAP_SHEET)
    if len(rows) != 1:
        ctx.error(
            ROADMAP_SHEET,
            rows[1] if len(rows) > 1 else None,
            None,
            f"une seule ligne attendue (la feuille de route), {len(rows)} trouvée(s)",
        )
        return
    row = rows[0]
    if not check_required(ROADMAP_SHEET, row, ctx.error) or not _base_ok(ctx, row):
        return
    ctx.mint = Minter(row["iri de base"])
    ctx.roadmap = roadmap = ctx.mint.roadmap()
    ctx.add(roadmap, RDF.type, FDR.FeuilleDeRoute)
    ctx.add(roadmap, DCTERMS.identifier, ctx.plain(row, "identifiant"))
    ctx.add(roadmap, DCTERMS.title, ctx.text(row, "titre"))
    ctx.add(roadmap, RDFS.label, ctx.text(row, "titre"))
    ctx.add(roadmap, DCTERMS.source, ctx.plain(row, "source"))
    licence = row["licence"]
    if licence:
        ctx.add(
            roadmap,
            DCTERMS.license,
            URIRef(licence) if is_http_iri(licence) else Literal(licence),
        )
    ctx.add(roadmap, FDR.territoire, territory(ctx, ROADMAP_SHEET, row, "territoire"))


def _base_ok(ctx: BuildContext, row: Row) -> bool:
    base = row["iri de base"]
    parts = urlsplit(base)
    if not is_http_iri(base) or parts.query or parts.fragment:
        ctx.error(
            ROADMAP_SHEET,
            row,
            "iri de base",
            f"IRI http(s) absolue attendue (ex. https://w3id.org/feuille-de-route/territoires/"
            f"mon-territoire/), lu « {base} »",
        )
        return False
    if not base.endswith("/"):
        ctx.error(
            ROADMAP_SHEET,
            row,
            "iri de base",
            f"l'IRI de base doit se terminer par « / » : « {base}/ »",
        )
        return False
    return True
