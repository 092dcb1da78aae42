"""The catalogue query results a cartography is drawn from, and how they are fetched."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from feuille_de_route import UserError

from ._roadmaps import Roadmap, choose_roadmap

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["VIEWS", "Results", "Row", "fetch_results"]

Row = dict[str, object]

# View name (as the command line spells it) → French title.
VIEWS = {
    "feuille-de-route": "La feuille de route",
    "lacunes": "Les lacunes",
    "chantier": "Cartographie des ressources du chantier",
}


@dataclass
class Results:
    """Rows of the catalogue queries, shaped as ``run_query`` returns them.

    Each list holds the rows of the query of the same name (``fiche`` is
    ``fiche-chantier``, ``sans_operante`` is ``chantiers-sans-ressource-operante``,
    ``a_activer`` is ``ressources-a-activer``, ``partagees`` is ``ressources-partagees``).
    A view reads only the lists it needs; the others may stay empty. ``roadmap`` is the
    roadmap every query was narrowed to (``None``: unrestricted, unnamed).
    """

    arbre: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    mobilisations: list[Row] = field(default_factory=list)
    coordination: list[Row] = field(default_factory=list)
    fiche: list[Row] = field(default_factory=list)
    sans_operante: list[Row] = field(default_factory=list)
    a_activer: list[Row] = field(default_factory=list)
    partagees: list[Row] = field(default_factory=list)
    roadmap: Roadmap | None = None


def check_view(view: str, chantier: str | None) -> None:
    """Raise a French :class:`UserError` unless ``view``/``chantier`` name a drawable view."""
    if view not in VIEWS:
        known = ", ".join(VIEWS)
        raise UserError(f"vue inconnue « {view} » : attendu l'une de {known}.")
    if view == "chantier" and not chantier:
        raise UserError("la vue « chantier » demande l'identifiant du chantier (ex. 1.b).")


def fetch_results(
    store: "Store", view: str, chantier: str | None = None, roadmap: str | None = None
) -> Results:
    """Run the catalogue queries ``view`` needs against ``store``, for one roadmap.

    ``view`` is ``feuille-de-route``, ``lacunes`` or ``chantier`` (then ``chantier`` is the
    chantier's ID). ``roadmap`` is the roadmap's IRI or identifier; without it the store's
    only roadmap is drawn. Every query gets that roadmap's IRI as ``feuilleDeRoute``.
    Raises :class:`UserError` for an unknown view, chantier or roadmap, or when the store
    holds several roadmaps and none is chosen (see :func:`choose_roadmap`).
    """
    check_view(view, chantier)
    chosen = choose_roadmap(store, roadmap)
    query = roadmap_runner(store, chosen)
    results = Results(arbre=query("arbre"), roadmap=chosen)
    if view == "feuille-de-route":
        results.actions = query("actions")
        results.mobilisations = query("mobilisations")
        results.coordination = query("coordination")
    elif view == "lacunes":
        results.mobilisations = query("mobilisations")
        results.sans_operante = query("chantiers-sans-ressource-operante")
        results.a_activer = query("ressources-a-activer")
        results.partagees = query("ressources-partagees", minimum=2)
    else:
        assert chantier is not None
        known = {row.get("chantierId") for row in results.arbre}
        if chantier not in known:
            raise UserError(chantier_unknown_message(chantier, known))
        # Every mobilisation: resources of other chantiers are drawn without a line.
        results.mobilisations = query("mobilisations")
        results.actions = query("actions", chantier=chantier)
        results.coordination = query("coordination")
        results.fiche = query("fiche-chantier", chantier=chantier)
    return results


class _Runner(Protocol):
    def __call__(self, name: str, **params: object) -> list[Row]: ...


def roadmap_runner(store: "Store", roadmap: Roadmap | None) -> _Runner:
    """``run_query`` on ``store`` with ``feuilleDeRoute`` bound to ``roadmap`` (if any)."""
    from feuille_de_route.queries import run_query

    narrow: dict[str, object] = {"feuilleDeRoute": roadmap.iri} if roadmap else {}

    def query(name: str, **params: object) -> list[Row]:
        return run_query(name, store, **narrow, **params)

    return query


def chantier_unknown_message(chantier: str, known: set[object]) -> str:
    """The French message for a chantier ID the roadmap does not have."""
    ids = sorted(str(k) for k in known if k)
    listed = ", ".join(ids) if ids else "aucun"
    return f"chantier inconnu « {chantier} » : la feuille de route a les chantiers {listed}."
