"""Workbook → RDF graph, per the contract's IRIs, classes and properties.

Three passes: the checks (required sheets, the roadmap's row and base IRI), the ID
registry (every row's own cells and ID), then one mapper per sheet. Every problem found
is reported together (up to ``MAX_ERRORS``) before any triple leaves this module.
"""

from collections.abc import Callable

from rdflib import Graph

from ._checks import check_core_sheets
from ._context import BuildContext
from ._derived_ids import with_derived_ids
from ._map_links import map_coordination, map_gouvernance, map_mobilisation
from ._map_nodes import map_node_row
from ._map_roadmap import map_roadmap
from ._map_suivi import map_cofinancement, map_indicateur
from ._map_team import map_chantier_team
from ._namespaces import PREFIXES
from ._notices import notice_normalisations
from ._observations import map_observations
from ._synthesis import with_synthesis
from ._typology_rules import map_typology_rule
from ._workbook import Row, Workbook

__all__ = ["MAPPERS", "build_graph"]

Mapper = Callable[[BuildContext, str, Row], None]

# Sheet → the mapper of its rows, in the contract's sheet order (the roadmap's own
# sheet is read first, apart).
MAPPERS: dict[str, Mapper] = {
    "Étapes": map_node_row,
    "Livrables": map_node_row,
    "Typologie": map_node_row,
    "Groupes": map_node_row,
    "Communes": map_node_row,
    "Enjeux": map_node_row,
    "Défis": map_node_row,
    "Chantiers": map_node_row,
    "Actions": map_node_row,
    "Co-financements": map_cofinancement,
    "Indicateurs": map_indicateur,
    "Critères": map_node_row,
    "Freins": map_node_row,
    "Services": map_node_row,
    "Coordination": map_coordination,
    "Acteurs": map_node_row,
    "Gouvernance": map_gouvernance,
    "Ressources": map_node_row,
    "Mobilisations": map_mobilisation,
    "Règles de typologie": map_typology_rule,
}
# Mapped once every sheet above is: the Chantiers' team columns make participations the
# Gouvernance sheet may already have made (with more detail).
LATE_MAPPERS: dict[str, Mapper] = {
    "Chantiers": map_chantier_team,
    "Communes": map_observations,  # the IFN's Data Cube observations of each commune
}


def build_graph(workbook: Workbook) -> Graph:
    """The RDF graph of ``workbook`` (contract: "IRIs of a territory's data"), with the
    roadmap's synthesis (``with_synthesis``).

    Raises :class:`DataError` listing every problem found (up to ``MAX_ERRORS``); no
    partial graph is returned.
    """
    workbook = with_derived_ids(workbook)
    ctx = BuildContext(workbook)
    for prefix, namespace in PREFIXES.items():
        ctx.graph.bind(prefix, namespace)
    check_core_sheets(workbook, ctx.error)
    ctx.problems.raise_if_any()
    map_roadmap(ctx)
    ctx.problems.raise_if_any()
    ctx.graph.bind("territoire", ctx.mint.base)
    ctx.registry.register(workbook, ctx.error)
    for sheet, mapper in (*MAPPERS.items(), *LATE_MAPPERS.items()):
        for row in workbook.rows(sheet):
            if not ctx.registry.skips(sheet, row):
                with ctx.problems.collecting():
                    mapper(ctx, sheet, row)
    ctx.problems.raise_if_any()
    notice_normalisations(ctx.normalised)
    return with_synthesis(ctx.graph)
