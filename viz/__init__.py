"""The cartography of resources: catalogue query results → networkx → pyvis → HTML.

:func:`build_cartography` draws one view of the roadmap held in a store (the whole
roadmap, its gaps, or one chantier as in the seed's fiche 1.b); :func:`write_cartographies`
writes every view and an index page. A store may hold many roadmaps (one per
territory): each page draws one, chosen by IRI or identifier (:func:`choose_roadmap`).
Each page is one self-contained file that works offline (vis-network inlined from the
pyvis package, no other resource).
"""

from typing import TYPE_CHECKING

from ._assets import json_for_html
from ._cartography import build_cartography, render_view, write_cartographies
from ._changes_map import ChangeMark, change_marks, render_changes
from ._comparison import COMPARISON_PAGE, build_comparison, render_comparison, write_comparison
from ._comparison_data import COMPARISON_QUERIES, Comparison, fetch_comparison
from ._results import VIEW_QUERIES, VIEWS, Results, fetch_results, results_from_rows
from ._roadmaps import Roadmap, choose_roadmap, list_roadmaps
from ._site import build_site, write_site
from ._territory_choice import choose_territory, roadmaps_by_epci

if TYPE_CHECKING:
    from ._diagnostic import render_diagnostic

__all__ = [
    "COMPARISON_PAGE",
    "COMPARISON_QUERIES",
    "VIEWS",
    "VIEW_QUERIES",
    "ChangeMark",
    "Comparison",
    "Results",
    "Roadmap",
    "build_cartography",
    "build_comparison",
    "build_site",
    "change_marks",
    "choose_roadmap",
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
    "write_site",
]


def __getattr__(name: str) -> object:
    """``render_diagnostic`` on first use: its charts import matplotlib, a third of the
    package's import time, which the cartography commands never need."""
    if name == "render_diagnostic":
        from ._diagnostic import render_diagnostic

        return render_diagnostic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
