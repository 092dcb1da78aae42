"""The cartography of resources: catalogue query results → networkx → pyvis → HTML.

:func:`build_cartography` draws one view of the roadmap held in a store (the whole
roadmap, its gaps, or one chantier as in the seed's fiche 1.b); :func:`write_cartographies`
writes every view and an index page. A store may hold many roadmaps (one per
territory): each page draws one, chosen by IRI or identifier (:func:`choose_roadmap`).
Each page is one self-contained file that works offline (vis-network inlined from the
pyvis package, no other resource).

Names are imported from their module on first use (PEP 562 ``__getattr__``): the
diagnostic page does not pay for networkx and pyvis, nor a map for matplotlib.
"""

from typing import TYPE_CHECKING

from feuille_de_route._lazy import lazy_exports

if TYPE_CHECKING:
    from ._assets import json_for_html
    from ._cartography import build_cartography, render_view, write_cartographies
    from ._changes_map import ChangeMark, change_marks, render_changes
    from ._comparison import (
        COMPARISON_PAGE,
        build_comparison,
        render_comparison,
        write_comparison,
    )
    from ._comparison_data import COMPARISON_QUERIES, Comparison, fetch_comparison
    from ._diagnostic import render_diagnostic
    from ._documents import DOCUMENT_FORMATS, build_documents, write_documents
    from ._results import VIEW_QUERIES, VIEWS, Results, fetch_results, results_from_rows
    from ._roadmaps import Roadmap, choose_roadmap, list_roadmaps
    from ._site import build_site, write_site
    from ._territory_choice import choose_territories, choose_territory, roadmaps_by_epci

# Each public name → the module that defines it (imported on first use).
_SOURCES: dict[str, str] = {
    "DOCUMENT_FORMATS": "_documents",
    "COMPARISON_PAGE": "_comparison",
    "COMPARISON_QUERIES": "_comparison_data",
    "ChangeMark": "_changes_map",
    "Comparison": "_comparison_data",
    "Results": "_results",
    "Roadmap": "_roadmaps",
    "VIEWS": "_results",
    "VIEW_QUERIES": "_results",
    "build_cartography": "_cartography",
    "build_comparison": "_comparison",
    "build_documents": "_documents",
    "build_site": "_site",
    "change_marks": "_changes_map",
    "choose_roadmap": "_roadmaps",
    "choose_territories": "_territory_choice",
    "choose_territory": "_territory_choice",
    "fetch_comparison": "_comparison_data",
    "fetch_results": "_results",
    "json_for_html": "_assets",
    "list_roadmaps": "_roadmaps",
    "render_changes": "_changes_map",
    "render_comparison": "_comparison",
    "render_diagnostic": "_diagnostic",
    "render_view": "_cartography",
    "results_from_rows": "_results",
    "roadmaps_by_epci": "_territory_choice",
    "write_cartographies": "_cartography",
    "write_comparison": "_comparison",
    "write_documents": "_documents",
    "write_site": "_site",
}

__all__ = [
    "COMPARISON_PAGE",
    "COMPARISON_QUERIES",
    "DOCUMENT_FORMATS",
    "VIEWS",
    "VIEW_QUERIES",
    "ChangeMark",
    "Comparison",
    "Results",
    "Roadmap",
    "build_cartography",
    "build_comparison",
    "build_documents",
    "build_site",
    "change_marks",
    "choose_roadmap",
    "choose_territories",
    "choose_territory",
    "fetch_comparison",
    "fetch_results",
    "json_for_html",
    "list_roadmaps",
    "render_changes",
    "render_comparison",
    "render_diagnostic",
    "render_view",
    "results_from_rows",
    "roadmaps_by_epci",
    "write_cartographies",
    "write_comparison",
    "write_documents",
    "write_site",
]


__getattr__, __dir__ = lazy_exports(__name__, _SOURCES, __all__)
