"""The comparison map merges two establishments of one legal unit (issue 11, §4): the
partners of two territories whose official organisations are two SIRET of one SIREN are
one shared partner in the middle, keyed by the SIREN node — unless one side names the
other's establishment by its own SIRET, which stays the key as before (rdflib and
Oxigraph).

The pair is ``territoires_essai``'s Pays de l'Été and Saint-Cernin, changed here: Saint-
Cernin's France Services gets another establishment of the Pays de l'Été's one
(SIREN 442051230), and the Pays de l'Été names a second establishment of the shared
partner's legal unit (SIREN 732829320), which Saint-Cernin does not name."""

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from feuille_de_route.graph import build_graph
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import Store
from feuille_de_route.queries import run_query
from feuille_de_route.viz import choose_territory, fetch_comparison, write_comparison
from feuille_de_route.viz._comparison_graph import build_comparison_graph

from ..queries.territoires_essai import (
    ETE,
    LEON,
    PN,
    SHARED_SIRET,
    TH,
    ete_rows,
    leon_rows,
    territories_store,
)

ORGANISATION = "https://w3id.org/feuille-de-route/organisation/"
SAME_SIRET = ORGANISATION + "siret/" + SHARED_SIRET
FRANCE_SERVICES_UNIT = ORGANISATION + "siren/442051230"
ETE_FS_SIRET = "44205123000013"  # the Pays de l'Été's, as in territoires_essai
LEON_FS_SIRET = "44205123000021"  # another establishment of the same legal unit
SECOND_CLIQUE_SIRET = "73282932000017"  # another establishment of the shared partner's


def _rows() -> tuple[dict[str, list[dict[str, str]]], dict[str, list[dict[str, str]]]]:
    ete, leon = ete_rows(), leon_rows()
    assert next(r for r in ete["Ressources"] if r["identifiant"] == "fs")["siret"] == ETE_FS_SIRET
    next(r for r in leon["Ressources"] if r["identifiant"] == "fs")["siret"] = LEON_FS_SIRET
    ete["Ressources"].append(
        {
            "identifiant": "clique2",
            "nom": "Ça Clique Formation",
            "type": "partenaire de projet",
            "siret": SECOND_CLIQUE_SIRET,
        }
    )
    ete["Mobilisations"].append(
        {"chantier": "é2", "ressource": "clique2", "statut": "connue, sans lien"}
    )
    return ete, leon


def siren_graphs() -> dict[str, Graph]:
    """The changed pair's graphs by roadmap IRI (also run on Jena ARQ by
    ``tests/sharing/test_imported_territories.py``)."""
    ete, leon = _rows()
    return {
        ETE: build_graph(Workbook.from_rows("ete", ete)),
        LEON: build_graph(Workbook.from_rows("leon", leon)),
    }


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return siren_graphs()


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> Store:
    return territories_store(request.param, graphs, tmp_path_factory.mktemp("oxigraph"))


@pytest.fixture(scope="module")
def drawn(store: Store) -> "nx.DiGraph[str]":
    chosen = (choose_territory(store, ETE, "A"), choose_territory(store, LEON, "B"))
    return build_comparison_graph(fetch_comparison(store, *chosen))


def test_the_queries_key_two_establishments_by_their_legal_unit(store: Store) -> None:
    pair = {"maFeuilleDeRoute": ETE, "autreFeuilleDeRoute": LEON}
    rows = run_query("carte-comparaison-siren", store, **pair)
    # One pair: the two France Services. Été's second establishment of 732829320 is in
    # none: Saint-Cernin names its sibling by the very SIRET Été names too, which
    # « carte-comparaison » keys that pair by, as before.
    assert [
        (str(r["cle"]), str(r["libelle"]), str(r["mien"]), str(r["autre"]), str(r["autreLabel"]))
        for r in rows
    ] == [
        (
            FRANCE_SERVICES_UNIT,
            "442051230",
            ETE + "ressource/fs",
            LEON + "ressource/fs",
            "France Services de Saint-Cernin",
        )
    ]
    shared = run_query("carte-comparaison", store, **pair)
    partners = {(str(r["cle"]), str(r["element"])) for r in shared if r["rubrique"] == "partenaire"}
    assert partners == {
        (SAME_SIRET, ETE + "ressource/asso"),
        (SAME_SIRET, LEON + "ressource/clique"),
    }
    # The other way round, the sides swap.
    back = run_query(
        "carte-comparaison-siren", store, maFeuilleDeRoute=LEON, autreFeuilleDeRoute=ETE
    )
    assert [(str(r["mien"]), str(r["autre"])) for r in back] == [
        (LEON + "ressource/fs", ETE + "ressource/fs")
    ]


def test_one_shared_partner_for_two_establishments(drawn: "nx.DiGraph[str]") -> None:
    middle = {n: d["kind"] for n, d in drawn.nodes(data=True) if d["cote"] == "commun"}
    assert middle == {
        FRANCE_SERVICES_UNIT: "partenaire",
        SAME_SIRET: "partenaire",
        PN + "conseillers-numeriques": "programme",
        PN + "france-services": "programme",
        TH + "mediation": "theme",
    }
    unit = drawn.nodes[FRANCE_SERVICES_UNIT]
    assert unit["label"] == "Maison France Services d'Été / France Services de Saint-Cernin"
    assert ETE + "ressource/fs" not in drawn and LEON + "ressource/fs" not in drawn
    # Each side's link kept with its status: only known in Été, operating in Saint-Cernin.
    links = {(s, d["kind"]) for s, _, d in drawn.in_edges(FRANCE_SERVICES_UNIT, data=True)}
    assert links == {
        (ETE + "chantier/%C3%A91", "connueSansLien"),
        (LEON + "chantier/b1", "operante"),
    }
    said = {i["texte"] for section in unit["details"] for i in section["items"]}
    assert said >= {
        "Même unité légale (SIREN 442051230) : deux établissements",
        "Feuille de route du Pays de l'Été : Maison France Services d'Été (partenaire de projet)",
        "Feuille de route de Saint-Cernin : France Services de Saint-Cernin (partenaire de projet)",
        "Feuille de route du Pays de l'Été : é1 — Ateliers numériques pour les aînés — "
        "connue, sans lien",
        "Feuille de route de Saint-Cernin : b1 — Médiation à domicile — opérante",
    }
    # The programme both belong to is reached from the one merged partner.
    assert [s for s, _ in drawn.in_edges(PN + "france-services")] == [FRANCE_SERVICES_UNIT]


def test_the_same_siret_stays_the_key_and_a_lone_sibling_stays_on_its_side(
    drawn: "nx.DiGraph[str]",
) -> None:
    partner = drawn.nodes[SAME_SIRET]
    assert partner["label"] == "Association Ça Clique / Ça Clique (antenne)"
    said = {i["texte"] for section in partner["details"] for i in section["items"]}
    assert "Même organisation : " + SHARED_SIRET in said
    assert ORGANISATION + "siren/732829320" not in drawn
    sibling = drawn.nodes[ETE + "ressource/clique2"]
    assert (sibling["cote"], sibling["label"]) == ("mien", "Ça Clique Formation")
    assert drawn.edges[ETE + "chantier/%C3%A92", ETE + "ressource/clique2"]["kind"] == (
        "connueSansLien"
    )


def test_the_page_counts_the_legal_unit_as_a_shared_partner(store: Store, tmp_path: Path) -> None:
    html = write_comparison(store, ETE, LEON, tmp_path / "paire.html").read_text("utf-8")
    assert "2 partenaires communs, 2 programmes nationaux communs, 1 thème commun" in html
