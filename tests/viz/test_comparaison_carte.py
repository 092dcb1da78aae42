"""Issue 11, §4: the comparison map of two territories, on the three territories of
``tests/queries/territoires_essai.py`` (rdflib and Oxigraph). The middle column — which
nodes both sides share — is worked out by hand from their rows."""

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from feuille_de_route import UserError
from feuille_de_route.graph.store import MemoryStore, Store
from feuille_de_route.queries import NOTHING_FOUND_EXIT, NothingFound
from feuille_de_route.viz import (
    COMPARISON_QUERIES,
    Roadmap,
    build_comparison,
    choose_territories,
    choose_territory,
    fetch_comparison,
    roadmaps_by_epci,
)
from feuille_de_route.viz._comparison_graph import build_comparison_graph
from feuille_de_route.viz._comparison_layout import comparison_layout

from ..queries.territoires_essai import (
    ETE,
    GP,
    LEON,
    PN,
    SHARED_SIRET,
    TH,
    territories_store,
    three_territories,
)

ORGANISATION = "https://w3id.org/feuille-de-route/organisation/siret/"
ETE_EPCI = "200040095"
LEON_EPCI = "200040889"  # Saint-Cernin-de-Labarde's EPCI: its roadmap is a commune's
GP_EPCI = "200040392"


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> Store:
    return territories_store(request.param, graphs, tmp_path_factory.mktemp("oxigraph"))


_DRAWN: dict[tuple[str, str, str], "nx.DiGraph[str]"] = {}


def _graph(store: Store, mine: str, other: str) -> "nx.DiGraph[str]":
    """The comparison graph of the pair, built once per store."""
    key = (type(store).__name__, mine, other)
    if key not in _DRAWN:
        chosen = (choose_territory(store, mine, "A"), choose_territory(store, other, "B"))
        _DRAWN[key] = build_comparison_graph(fetch_comparison(store, *chosen))
    return _DRAWN[key]


def _middle(graph: "nx.DiGraph[str]") -> dict[str, str]:
    return {n: d["kind"] for n, d in graph.nodes(data=True) if d["cote"] == "commun"}


def test_the_middle_of_ete_and_saint_cernin(store: Store) -> None:
    # Same SIRET for « Association Ça Clique » (Été) and « Ça Clique (antenne) »
    # (Saint-Cernin); both name « Conseillers numériques » and « France Services »; only
    # « médiation numérique » is a theme of a chantier on each side (é1 and b1): é1's
    # « publics », é2's proposed « compétences », b2's « gouvernance » are one side's.
    graph = _graph(store, ETE, LEON)
    assert _middle(graph) == {
        ORGANISATION + SHARED_SIRET: "partenaire",
        PN + "conseillers-numeriques": "programme",
        PN + "france-services": "programme",
        TH + "mediation": "theme",
    }
    partner = graph.nodes[ORGANISATION + SHARED_SIRET]
    assert partner["label"] == "Association Ça Clique / Ça Clique (antenne)"
    # Both sides' own resources are merged into it: neither is drawn apart.
    assert ETE + "ressource/asso" not in graph and LEON + "ressource/clique" not in graph
    # Each side's chantier links it with its status (opérante on both sides).
    links = {(s, d["kind"]) for s, _, d in graph.in_edges(ORGANISATION + SHARED_SIRET, data=True)}
    assert links == {(ETE + "chantier/%C3%A92", "operante"), (LEON + "chantier/b2", "operante")}
    said = {i["texte"] for section in partner["details"] for i in section["items"]}
    assert said >= {
        "Même organisation : " + SHARED_SIRET,
        "Feuille de route du Pays de l'Été : Association Ça Clique (partenaire de projet)",
        "Feuille de route de Saint-Cernin : Ça Clique (antenne) (partenaire de projet)",
        "Feuille de route du Pays de l'Été : é2 — Former les agents — opérante",
        "Feuille de route de Saint-Cernin : b2 — Gouvernance partagée — opérante",
    }


def test_programme_and_theme_links_come_from_each_side(store: Store) -> None:
    graph = _graph(store, ETE, LEON)
    into = {
        key: sorted(s for s, _ in graph.in_edges(key))
        for key in (PN + "france-services", TH + "mediation")
    }
    assert into == {
        PN + "france-services": [ETE + "ressource/fs", LEON + "ressource/fs"],
        TH + "mediation": [ETE + "chantier/%C3%A91", LEON + "chantier/b1"],
    }
    # Written themes: no assumption.
    assert all(not d["hypothese"] for _, _, d in graph.in_edges(TH + "mediation", data=True))
    # Links by status on each side: Été's é1 → fs is only known; Saint-Cernin's b1 → fs operates.
    assert graph.edges[ETE + "chantier/%C3%A91", ETE + "ressource/fs"]["kind"] == "connueSansLien"
    assert graph.edges[LEON + "chantier/b1", LEON + "ressource/fs"]["kind"] == "operante"


def test_proposed_themes_are_assumed_links(store: Store) -> None:
    # The Grand Périgueux names no programme and no SIRET: only themes are shared with
    # Saint-Cernin. Its « médiation » chantiers (2.b, 3.a, 3.b) and 1.a (« gouvernance »)
    # got their theme by proposal; its chantier 6 has « gouvernance » written.
    graph = _graph(store, GP, LEON)
    assert _middle(graph) == {TH + "mediation": "theme", TH + "gouvernance": "theme"}
    assumed = {
        s.removeprefix(GP)
        for s, _, d in graph.in_edges(TH + "mediation", data=True)
        if d["hypothese"]
    }
    assert assumed == {"chantier/2.b", "chantier/3.a", "chantier/3.b"}
    gouvernance = {
        s.removeprefix(GP).removeprefix(LEON): bool(d["hypothese"])
        for s, _, d in graph.in_edges(TH + "gouvernance", data=True)
    }
    assert gouvernance == {"chantier/1.a": True, "chantier/6": False, "chantier/b2": False}


def test_sides_are_apart_and_mine_on_the_left(store: Store) -> None:
    graph = _graph(store, GP, ETE)
    positions = comparison_layout(graph)
    for node, data in graph.nodes(data=True):
        x = positions[node][0]
        expected = {"mien": x < 0, "autre": x > 0, "commun": x == 0}
        assert expected[data["cote"]], (node, data["cote"], x)
    sides = {d["cote"] for n, d in graph.nodes(data=True) if n.startswith(GP)}
    assert sides == {"mien"}


def test_a_territory_by_iri_identifier_or_siren(store: Store) -> None:
    assert choose_territory(store, ETE, "A").iri == ETE
    assert choose_territory(store, "saint-cernin", "A").iri == LEON
    assert choose_territory(store, ETE_EPCI, "A").iri == ETE
    assert choose_territory(store, GP_EPCI, "A").iri == GP
    # Saint-Cernin's roadmap is its commune's: it stands for its EPCI.
    assert choose_territory(store, LEON_EPCI, "B").iri == LEON
    assert {s: [r.iri for _, r in e] for s, e in roadmaps_by_epci(store).items()} == {
        ETE_EPCI: [ETE],
        GP_EPCI: [GP],
        LEON_EPCI: [LEON],
    }


@pytest.mark.parametrize("name", ["inconnu", "200040393", "https://example.org/absente/"])
def test_an_unknown_territory_is_nothing_found(store: Store, name: str) -> None:
    with pytest.raises(NothingFound) as raised:
        build_comparison(store, name, ETE)
    assert raised.value.exit_code == NOTHING_FOUND_EXIT
    assert "territoire A : aucune feuille de route ne correspond" in str(raised.value)
    assert "pays-ete" in str(raised.value)  # the roadmaps present are listed


def test_the_same_territory_twice_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="même feuille de route"):
        build_comparison(store, ETE_EPCI, "pays-ete")


def test_the_queries_are_the_catalogues() -> None:
    from feuille_de_route.queries import get_query

    for names in COMPARISON_QUERIES.values():
        for name in names:
            assert get_query(name).name == name


def test_page_names_both_and_counts_what_they_share(tmp_path: Path, store: Store) -> None:
    from feuille_de_route.viz import write_comparison

    path = write_comparison(store, "pays-ete", "saint-cernin", tmp_path / "sortie")
    assert path == tmp_path / "sortie" / "comparaison.html"
    html = path.read_text(encoding="utf-8")
    assert "Feuille de route du Pays de l&#39;Été et Feuille de route de Saint-Cernin" in html
    assert "1 partenaire commun, 2 programmes nationaux communs, 1 thème commun" in html


def test_two_roadmaps_of_one_epci_are_named_by_iri() -> None:
    from feuille_de_route.graph import build_graph
    from feuille_de_route.graph._workbook import Workbook

    from ..queries.territoires_essai import ete_rows

    second = ete_rows()
    other_base = "https://example.org/territoires/pays-de-l-ete-v2/"
    second["Feuille de route"][0].update({"iri de base": other_base})
    union = build_graph(Workbook.from_rows("ete", ete_rows()))
    union += build_graph(Workbook.from_rows("ete2", second))
    store = MemoryStore(union)
    for name in (ETE_EPCI, "pays-ete"):  # one EPCI, one identifier: two roadmaps
        with pytest.raises(UserError, match="désignez-en une par son IRI") as raised:
            choose_territory(store, name, "A")
        assert not isinstance(raised.value, NothingFound)
        assert other_base in str(raised.value) and ETE in str(raised.value)
    assert choose_territory(store, other_base, "A").iri == other_base


def test_territories_chosen_together_list_the_store_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At national scale each listing of the store took 0.1 s, four times per map."""
    from feuille_de_route.viz import _territory_choice, list_roadmaps

    calls: list[int] = []

    def counted(given: Store) -> list[Roadmap]:
        calls.append(1)
        return list_roadmaps(given)

    monkeypatch.setattr(_territory_choice, "list_roadmaps", counted)
    chosen = choose_territories(store, [(GP_EPCI, "A"), (LEON_EPCI, "B"), (ETE, "C")])
    assert [r.iri for r in chosen] == [GP, LEON, ETE]
    assert len(calls) == 1
