"""The cartography of resources: catalogue query results → networkx → pyvis → HTML.

:func:`build_cartography` draws one view of the roadmap held in a store (the whole
roadmap, its gaps, or one chantier as in the seed's fiche 1.b); :func:`write_cartographies`
writes every view and an index page. A store may hold many roadmaps (one per
territory): each page draws one, chosen by IRI or identifier (:func:`choose_roadmap`).
Each page is one self-contained file that works offline (vis-network inlined from the
pyvis package, no other resource).
"""

from ._assets import json_for_html
from ._cartography import build_cartography, render_view, write_cartographies
from ._diagnostic import render_diagnostic
from ._documents import DOCUMENT_FORMATS, build_documents, write_documents
from ._results import VIEW_QUERIES, VIEWS, Results, fetch_results, results_from_rows
from ._roadmaps import Roadmap, choose_roadmap, list_roadmaps
from ._site import build_site, write_site

__all__ = [
    "DOCUMENT_FORMATS",
    "VIEWS",
    "VIEW_QUERIES",
    "Results",
    "Roadmap",
    "build_cartography",
    "build_documents",
    "build_site",
    "choose_roadmap",
    "fetch_results",
    "json_for_html",
    "list_roadmaps",
    "render_diagnostic",
    "render_view",
    "results_from_rows",
    "write_cartographies",
    "write_documents",
    "write_site",
]
