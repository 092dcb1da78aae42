"""Issue 12: the follow-up queries (avancement, actions-en-retard, financements) on the
made-up territory of ``tests/suivi_essai.py``, against the answers computed by hand
there; and « today » as the late actions' default date."""

import datetime

import pytest
from rdflib import Dataset, Literal

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import get_query, run_query
from feuille_de_route.queries._parameters import bind_parameters

from ..suivi_essai import BASE, TODAY, suivi_graph


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return MemoryStore(suivi_graph())


def _pick(rows: list[dict[str, object]], *columns: str) -> list[tuple[object, ...]]:
    return [tuple(row[c] for c in columns) for row in rows]


def test_progress_per_defi_then_its_chantiers(store: MemoryStore) -> None:
    rows = run_query("avancement", store, feuilleDeRoute=BASE)
    columns = (
        "niveau",
        "elementId",
        "nbActions",
        "nbALancer",
        "nbEnCours",
        "nbRealisees",
        "nbAbandonnees",
        "nbSansStatut",
        "partRealisee",
    )
    assert _pick(rows, *columns) == [
        ("défi", "D1", 4, 1, 1, 1, 1, 0, 0.25),
        ("chantier", "C1", 2, 0, 1, 1, 0, 0, 0.5),
        ("chantier", "C2", 2, 1, 0, 0, 1, 0, 0.0),
        ("défi", "D2", 2, 0, 0, 0, 0, 2, 0.0),
        ("chantier", "C3", 2, 0, 0, 0, 0, 2, 0.0),
    ]


def test_late_actions_are_past_their_end_and_neither_done_nor_abandoned(
    store: MemoryStore,
) -> None:
    rows = run_query("actions-en-retard", store, feuilleDeRoute=BASE, aujourdhui=TODAY)
    assert _pick(rows, "actionId", "fin", "statutLabel", "porteurLabel") == [
        ("A2", datetime.date(2026, 4, 30), "en cours", "Médiathèque"),
        ("A3", datetime.date(2026, 5, 31), "à lancer", None),
        ("A6", datetime.date(2026, 6, 1), None, None),
    ]
    # The day before A2's end, nothing is late yet.
    assert run_query("actions-en-retard", store, aujourdhui="2026-04-30") == []


def test_late_actions_default_to_today() -> None:
    bindings = bind_parameters(get_query("actions-en-retard"), {})
    assert bindings["_aujourdhui"] == Literal(datetime.date.today())  # an xsd:date


def test_funding_per_funder_with_its_share_of_the_budget(store: MemoryStore) -> None:
    rows = run_query("financements", store, feuilleDeRoute=BASE)
    columns = ("financeurId", "nbActions", "montantTotal", "budgetGlobal", "partDuBudget")
    # run_query gives decimals as floats (the lexical forms: tests/sharing/test_suivi_arq.py).
    assert _pick(rows, *columns) == [
        ("R1", 2, 7500.25, 17500.5, 0.429),
        ("R2", 2, 2000.0, 17500.5, 0.114),
        ("R4", 0, 0.0, 17500.5, 0.0),
    ]


def test_grand_perigueux_has_progress_rows_but_no_invented_status_or_amount() -> None:
    """The source gives no status, date or budget: every action is « sans statut », no
    action is late, and its funding resources bring 0 € of an unknown budget."""
    gp = MemoryStore(load_roadmap(None))
    progress = run_query("avancement", gp)
    assert progress and all(row["nbSansStatut"] == row["nbActions"] for row in progress)
    assert run_query("actions-en-retard", gp, aujourdhui="2100-01-01") == []
    funding = run_query("financements", gp)
    assert funding and all(row["montantTotal"] == 0 for row in funding)
    assert all(row["budgetGlobal"] is None and row["partDuBudget"] is None for row in funding)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("avancement", {}),
        ("actions-en-retard", {"aujourdhui": TODAY}),
        ("financements", {}),
    ],
)
def test_a_roadmap_is_found_whatever_graph_it_was_loaded_in(
    store: MemoryStore, name: str, params: dict[str, object]
) -> None:
    """As tests/queries/test_multi_territory.py checks on the Grand Périgueux: the same
    rows whether the roadmap is in the graph of its IRI, of another name, or the default."""
    graph = suivi_graph()
    expected = run_query(name, store, feuilleDeRoute=BASE, **params)
    assert expected
    misnamed = MemoryStore()
    misnamed.add_graph(graph, "https://exemple.fr/graphe/autre-nom")
    default = Dataset(default_union=True)
    default.default_context.addN((s, p, o, default.default_context) for s, p, o in graph)
    for other in (misnamed, MemoryStore(default)):
        assert run_query(name, other, feuilleDeRoute=BASE, **params) == expected
        assert run_query(name, other, **params) == expected
