"""The catalogue query results a cartography is drawn from, and how they are fetched.

Each view is one list of catalogue queries (:data:`VIEW_QUERIES`); each query's rows
become typed records once, here (:mod:`._records`). :func:`fetch_results` and
:func:`~._cartography.write_cartographies` both go through :func:`fetch_queries`.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from feuille_de_route import UserError

from ._records import (
    ActionRow,
    ActorRow,
    AnnotationRow,
    CoordinationRow,
    FicheRow,
    GovernanceRow,
    MobilisationRow,
    ResourceRow,
    ResourceToActivateRow,
    SharedResourceRow,
    TreeRow,
    UnoperatedChantierRow,
)
from ._roadmaps import Roadmap, choose_roadmap

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = [
    "VIEWS",
    "VIEW_QUERIES",
    "Results",
    "check_chantier",
    "check_view",
    "fetch_queries",
    "fetch_results",
    "results_from_rows",
]

# View name (as the command line spells it) → French title.
VIEWS = {
    "feuille-de-route": "La feuille de route",
    "lacunes": "Les lacunes",
    "chantier": "Cartographie des ressources du chantier",
}


@dataclass
class Results:
    """Records of the catalogue queries a view reads (see :data:`QUERY_FIELDS`).

    A view reads only the lists it needs; the others may stay empty. ``roadmap`` is the
    roadmap every query was narrowed to (``None``: unrestricted, unnamed).
    """

    tree: list[TreeRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    mobilisations: list[MobilisationRow] = field(default_factory=list)
    coordination: list[CoordinationRow] = field(default_factory=list)
    fiche: list[FicheRow] = field(default_factory=list)
    without_operating: list[UnoperatedChantierRow] = field(default_factory=list)
    to_activate: list[ResourceToActivateRow] = field(default_factory=list)
    shared: list[SharedResourceRow] = field(default_factory=list)
    annotations: list[AnnotationRow] = field(default_factory=list)
    resources: list[ResourceRow] = field(default_factory=list)
    governance: list[GovernanceRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)
    roadmap: Roadmap | None = None


# Catalogue query → (field of Results, record made from each row).
QUERY_FIELDS: dict[str, tuple[str, Callable[[Mapping[str, object]], Any]]] = {
    "arbre": ("tree", TreeRow.from_row),
    "actions": ("actions", ActionRow.from_row),
    "mobilisations": ("mobilisations", MobilisationRow.from_row),
    "coordination": ("coordination", CoordinationRow.from_row),
    "fiche-chantier": ("fiche", FicheRow.from_row),
    "chantiers-sans-ressource-operante": ("without_operating", UnoperatedChantierRow.from_row),
    "ressources-a-activer": ("to_activate", ResourceToActivateRow.from_row),
    "ressources-partagees": ("shared", SharedResourceRow.from_row),
    "annotations": ("annotations", AnnotationRow.from_row),
    "ressources": ("resources", ResourceRow.from_row),
    "gouvernance": ("governance", GovernanceRow.from_row),
    "acteurs": ("actors", ActorRow.from_row),
}

# Each view: the catalogue queries it is drawn from. The chantier view draws every
# mobilisation (the roadmap's other resources appear without a line).
VIEW_QUERIES: dict[str, tuple[str, ...]] = {
    "feuille-de-route": (
        "arbre",
        "actions",
        "mobilisations",
        "coordination",
        "ressources",
        "gouvernance",
        "acteurs",
        "annotations",
    ),
    "lacunes": (
        "arbre",
        "mobilisations",
        "chantiers-sans-ressource-operante",
        "ressources-a-activer",
        "ressources-partagees",
        "ressources",
        "annotations",
    ),
    "chantier": (
        "arbre",
        "actions",
        "mobilisations",
        "coordination",
        "fiche-chantier",
        "gouvernance",
        "annotations",
    ),
}

# Parameters of a query besides the roadmap (``chantier`` is the chantier drawn).
_FIXED_PARAMS: dict[str, dict[str, object]] = {"ressources-partagees": {"minimum": 2}}
_CHANTIER_QUERIES = ("fiche-chantier",)


def check_view(view: str, chantier: str | None) -> None:
    """Raise a French :class:`UserError` unless ``view``/``chantier`` name a drawable view."""
    if view not in VIEWS:
        known = ", ".join(VIEWS)
        raise UserError(f"vue inconnue « {view} » : attendu l'une de {known}.")
    if view == "chantier" and not chantier:
        raise UserError("la vue « chantier » demande l'identifiant du chantier (ex. 1.b).")


def check_chantier(results: Results, chantier: str) -> None:
    """Raise a French :class:`UserError` unless the roadmap's tree has ``chantier``."""
    known = {row.chantier_id for row in results.tree if row.chantier_id}
    if chantier not in known:
        ids = ", ".join(sorted(known)) or "aucun"
        raise UserError(
            f"chantier inconnu « {chantier} » : la feuille de route a les chantiers {ids}."
        )


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
    return fetch_queries(store, Results(roadmap=chosen), VIEW_QUERIES[view], chantier)


def fetch_queries(
    store: "Store", results: Results, names: tuple[str, ...], chantier: str | None = None
) -> Results:
    """Run the catalogue queries ``names`` on ``results.roadmap`` and store their records
    in ``results``; with ``chantier``, check it once the tree is known and pass it to the
    queries about one chantier (``fiche-chantier``)."""
    from feuille_de_route.queries import run_query

    narrow: dict[str, object] = {"feuilleDeRoute": results.roadmap.iri} if results.roadmap else {}
    for name in names:
        params = {**narrow, **_FIXED_PARAMS.get(name, {})}
        if name in _CHANTIER_QUERIES:
            params["chantier"] = chantier
        attribute, make = QUERY_FIELDS[name]
        setattr(results, attribute, [make(row) for row in run_query(name, store, **params)])
        if name == "arbre" and chantier is not None:
            check_chantier(results, chantier)
    return results


def results_from_rows(
    rows: Mapping[str, Sequence[Mapping[str, object]]], roadmap: Roadmap | None = None
) -> Results:
    """:class:`Results` from rows shaped as ``run_query`` returns them, by query name
    (for rows fetched elsewhere: tests, benchmarks, another store)."""
    results = Results(roadmap=roadmap)
    for name, query_rows in rows.items():
        attribute, make = QUERY_FIELDS[name]
        setattr(results, attribute, [make(row) for row in query_rows])
    return results
