"""What the documents are made from: catalogue query results for one roadmap.

Every fact of a document comes from a catalogue query (``run_query``), turned once into
records (:mod:`._records`, :mod:`._document_records`); the chantier maps are drawn from
the same :class:`~._results.Results` the cartography reads.
"""

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from feuille_de_route import natural_key

from ._document_records import ActionSheetRow, ClassCountRow, HeadRow
from ._records import FicheRow
from ._results import Results, fetch_queries
from ._roadmaps import Roadmap, choose_roadmap

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["DOCUMENT_QUERIES", "DocumentData", "fetch_document"]

# The cartography's queries a document reads (the chantier maps need all of them).
DOCUMENT_QUERIES = (
    "arbre",
    "actions",
    "mobilisations",
    "coordination",
    "gouvernance",
    "ressources",
    "annotations",
)


@dataclass
class DocumentData:
    """The rows of one roadmap's documents: ``results`` as the maps read them,
    ``fiches`` the ``fiche-chantier`` rows of each chantier (by ID), and the rows of the
    documents' own queries."""

    results: Results
    fiches: dict[str, list[FicheRow]] = field(default_factory=dict)
    head: list[HeadRow] = field(default_factory=list)
    classes: list[ClassCountRow] = field(default_factory=list)
    action_sheets: list[ActionSheetRow] = field(default_factory=list)

    @property
    def roadmap(self) -> Roadmap | None:
        return self.results.roadmap

    def chantier_ids(self) -> list[str]:
        """The roadmap's chantiers, by ID in natural order (1.b before 1.10)."""
        ids = {row.chantier_id for row in self.results.tree if row.chantier_id}
        return sorted(ids, key=natural_key)

    def for_chantier(self, chantier_id: str) -> Results:
        """The results a chantier's map is drawn from (its own fiche rows)."""
        return replace(self.results, fiche=self.fiches.get(chantier_id, []))


def fetch_document(store: "Store", roadmap: str | None = None) -> DocumentData:
    """Run every query the documents need against ``store``, for one roadmap (its IRI
    or identifier; without it the store's only roadmap). Raises a French
    :class:`~feuille_de_route.UserError` as :func:`~._roadmaps.choose_roadmap` does."""
    from feuille_de_route.queries import run_query

    chosen = choose_roadmap(store, roadmap)
    results = fetch_queries(store, Results(roadmap=chosen), DOCUMENT_QUERIES)
    data = DocumentData(results)
    narrow: dict[str, object] = {"feuilleDeRoute": chosen.iri} if chosen else {}
    for chantier in data.chantier_ids():
        rows = run_query("fiche-chantier", store, chantier=chantier, **narrow)
        data.fiches[chantier] = [FicheRow.from_row(row) for row in rows]
    data.head = [
        HeadRow.from_row(r) for r in run_query("document-feuille-de-route", store, **narrow)
    ]
    data.classes = [
        ClassCountRow.from_row(r) for r in run_query("communes-par-classe", store, **narrow)
    ]
    data.action_sheets = [
        ActionSheetRow.from_row(r) for r in run_query("fiche-action", store, **narrow)
    ]
    return data
