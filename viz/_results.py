"""The catalogue query results a cartography is drawn from, and how they are fetched."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from feuille_de_route import UserError

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
    A view reads only the lists it needs; the others may stay empty.
    """

    arbre: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    mobilisations: list[Row] = field(default_factory=list)
    coordination: list[Row] = field(default_factory=list)
    fiche: list[Row] = field(default_factory=list)
    sans_operante: list[Row] = field(default_factory=list)
    a_activer: list[Row] = field(default_factory=list)
    partagees: list[Row] = field(default_factory=list)


def check_view(view: str, chantier: str | None) -> None:
    """Raise a French :class:`UserError` unless ``view``/``chantier`` name a drawable view."""
    if view not in VIEWS:
        known = ", ".join(VIEWS)
        raise UserError(f"vue inconnue « {view} » : attendu l'une de {known}.")
    if view == "chantier" and not chantier:
        raise UserError("la vue « chantier » demande l'identifiant du chantier (ex. 1.b).")


def fetch_results(store: "Store", view: str, chantier: str | None = None) -> Results:
    """Run the catalogue queries ``view`` needs against ``store``.

    ``view`` is ``feuille-de-route``, ``lacunes`` or ``chantier`` (then ``chantier`` is the
    chantier's ID). Raises :class:`UserError` for an unknown view or chantier.
    """
    from feuille_de_route.queries import run_query

    check_view(view, chantier)
    results = Results(arbre=run_query("arbre", store))
    if view == "feuille-de-route":
        results.actions = run_query("actions", store)
        results.mobilisations = run_query("mobilisations", store)
        results.coordination = run_query("coordination", store)
    elif view == "lacunes":
        results.mobilisations = run_query("mobilisations", store)
        results.sans_operante = run_query("chantiers-sans-ressource-operante", store)
        results.a_activer = run_query("ressources-a-activer", store)
        results.partagees = run_query("ressources-partagees", store, minimum=2)
    else:
        assert chantier is not None
        known = {row.get("chantierId") for row in results.arbre}
        if chantier not in known:
            raise UserError(chantier_unknown_message(chantier, known))
        # Every mobilisation: resources of other chantiers are drawn without a line.
        results.mobilisations = run_query("mobilisations", store)
        results.actions = run_query("actions", store, chantier=chantier)
        results.coordination = run_query("coordination", store)
        results.fiche = run_query("fiche-chantier", store, chantier=chantier)
    return results


def chantier_unknown_message(chantier: str, known: set[object]) -> str:
    """The French message for a chantier ID the roadmap does not have."""
    ids = sorted(str(k) for k in known if k)
    listed = ", ".join(ids) if ids else "aucun"
    return f"chantier inconnu « {chantier} » : la feuille de route a les chantiers {listed}."
