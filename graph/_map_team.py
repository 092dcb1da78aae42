"""The Chantiers sheet's team columns (« pilote », « co-pilotes », « partenaires »): one
way to say who pilots a chantier, made into the very participations
(``fdr:Participation``) the Gouvernance sheet makes, so that queries and maps see one
shape.

Mapped after the Gouvernance sheet: a participation that sheet already gives (with its
note and source) is kept as it is.
"""

from rdflib import URIRef

from ._cells import split_list
from ._context import BuildContext
from ._errors import suggest
from ._namespaces import DCTERMS, FDR, RDF
from ._registry import AGENT_KINDS
from ._sheets import Kind
from ._workbook import Row

__all__ = ["TEAM_COLUMNS", "map_chantier_team"]

# Column → the governance role (its drop-down label) each named agent gets.
TEAM_COLUMNS: dict[str, str] = {
    "pilote": "pilote",
    "co-pilotes": "co-pilote",
    "partenaires": "associé",
}


def map_chantier_team(ctx: BuildContext, sheet: str, row: Row) -> None:
    """The participations the team columns of one Chantiers row name."""
    chantier = row["identifiant"]
    if len(split_list(row["pilote"])) > 1:
        ctx.error(
            sheet,
            row,
            "pilote",
            "un seul pilote attendu ; les autres vont dans la colonne « co-pilotes »",
        )
        return
    for column, label in TEAM_COLUMNS.items():
        role = ctx.vocab[Kind.GOVERNANCE_ROLE].lookup(label)
        assert role is not None, label
        for local in split_list(row[column]):
            agent = _agent(ctx, sheet, row, column, local)
            if agent is not None:
                _participation(ctx, row, chantier, local, agent, role)


def _agent(ctx: BuildContext, sheet: str, row: Row, column: str, local: str) -> URIRef | None:
    kind = ctx.registry.agent(local)
    if kind is None:
        known = [a for agent in AGENT_KINDS for a in ctx.registry.ids[agent]]
        ctx.error(
            sheet,
            row,
            column,
            f"« {local} » ne désigne aucun acteur, service ni ressource (feuilles Acteurs, "
            f"Services, Ressources){suggest(local, known)}",
        )
        return None
    return ctx.mint.node(kind, local)


def _participation(
    ctx: BuildContext, row: Row, chantier: str, local: str, agent: URIRef, role: URIRef
) -> None:
    node = ctx.mint.participation(chantier, local, role)
    if (node, RDF.type, None) in ctx.graph:
        return  # given by the Gouvernance sheet, or twice in this row: one participation
    ctx.add(node, RDF.type, FDR.Participation)
    ctx.add(node, FDR.chantier, ctx.mint.node("chantier", chantier))
    ctx.add(node, FDR.acteur, agent)
    ctx.add(node, FDR.role, role)
    ctx.add(node, DCTERMS.source, ctx.plain(row, "source"))
