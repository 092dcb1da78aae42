"""The rows a comparison map is drawn from: each side's roadmap and what they share.

Each side is drawn from the catalogue queries of :data:`COMPARISON_QUERIES` (``cote``,
run once per roadmap), the middle column from ``carte-comparaison`` and
``carte-comparaison-siren`` (``milieu``, run once for the pair, both roadmaps bound as
terms; the second gives pairs of establishments of one legal unit, each pair read as
two partner rows keyed by the SIREN node).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._results import Results, fetch_queries
from ._roadmaps import Roadmap

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["COMPARISON_QUERIES", "Comparison", "SharedRow", "fetch_comparison"]

# Part of the map → the catalogue queries it is drawn from.
COMPARISON_QUERIES: dict[str, tuple[str, ...]] = {
    "cote": ("arbre", "mobilisations", "ressources", "annotations"),
    "milieu": ("carte-comparaison", "carte-comparaison-siren"),
}

MINE, OTHER = "mien", "autre"


def _text(row: Mapping[str, object], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class SharedRow:
    """``carte-comparaison``: one element of a side (resource or chantier) tied to a key
    both sides share (``rubrique``: ``partenaire``, ``programme`` or ``theme``)."""

    section: str
    key: str
    key_label: str
    side: str
    element: str
    element_label: str
    assumption: str

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> "SharedRow":
        return cls(
            section=_text(row, "rubrique"),
            key=_text(row, "cle"),
            key_label=_text(row, "libelle"),
            side=_text(row, "cote"),
            element=_text(row, "element"),
            element_label=_text(row, "elementLabel"),
            assumption=_text(row, "hypothese"),
        )

    @classmethod
    def from_pair(cls, row: Mapping[str, object]) -> "tuple[SharedRow, SharedRow]":
        """``carte-comparaison-siren``: a pair of partners, one a side, keyed by the
        legal unit of their two establishments."""
        key, label = _text(row, "cle"), _text(row, "libelle")

        def side(which: str) -> "SharedRow":
            element, element_label = _text(row, which), _text(row, which + "Label")
            return cls("partenaire", key, label, which, element, element_label, "")

        return side(MINE), side(OTHER)


@dataclass
class Comparison:
    """Both sides' records and the shared rows; ``sides`` is keyed ``mien``/``autre``."""

    mine: Results
    other: Results
    shared: list[SharedRow] = field(default_factory=list)

    def side(self, which: str) -> Results:
        return self.mine if which == MINE else self.other

    def name(self, which: str) -> str:
        roadmap = self.side(which).roadmap
        return roadmap.name if roadmap else which


def fetch_comparison(store: "Store", mine: Roadmap, other: Roadmap) -> Comparison:
    """Run the comparison's queries on ``store`` for the two roadmaps (already chosen)."""
    from feuille_de_route.queries import run_query

    sides = [
        fetch_queries(store, Results(roadmap=roadmap), COMPARISON_QUERIES["cote"])
        for roadmap in (mine, other)
    ]
    pair = {"maFeuilleDeRoute": mine.iri, "autreFeuilleDeRoute": other.iri}
    shared, legal_units = (run_query(name, store, **pair) for name in COMPARISON_QUERIES["milieu"])
    rows = [SharedRow.from_row(row) for row in shared]
    rows += [row for pair_row in legal_units for row in SharedRow.from_pair(pair_row)]
    return Comparison(sides[0], sides[1], rows)
