"""Regression (issue 11): « operant-ailleurs » joins organisations. Two territories name
one partner under different local IDs and names but the same SIRET: it operates in the
first, is only known in the second. Before, the question saw nothing (no programme)."""

import pytest
from rdflib import Graph

from feuille_de_route.graph import build_graph
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import Store
from feuille_de_route.queries import run_query

from .territoires_essai import territories_store

FIRST = "https://example.org/territoires/vallee-de-l-ouche/"
SECOND = "https://example.org/territoires/cote-d-emeraude/"
SIRET = "73282932000074"
ORGANISATION = f"https://w3id.org/feuille-de-route/organisation/siret/{SIRET}"


def _rows(
    base: str, commune: str, resource: str, name: str, status: str
) -> dict[str, list[dict[str, str]]]:
    return {
        "Feuille de route": [
            {"identifiant": base.rsplit("/", 2)[1], "titre": f"Feuille de route {name}"}
            | {"territoire": commune, "iri de base": base, "source": "essai"}
        ],
        "Enjeux": [{"identifiant": "E1", "intitulé": "Qui accompagner ?"}],
        "Défis": [{"identifiant": "D1", "intitulé": "Accompagner", "enjeux": "E1"}],
        "Chantiers": [{"identifiant": "c1", "défi": "D1", "intitulé": "Ateliers"}],
        "Ressources": [
            {"identifiant": resource, "nom": name, "type": "partenaire de projet", "siret": SIRET}
        ],
        "Mobilisations": [{"chantier": "c1", "ressource": resource, "statut": status}],
    }


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {
        FIRST: build_graph(
            Workbook.from_rows(
                "ouche", _rows(FIRST, "21231", "emmaus", "Emmaüs Connect", "opérante")
            )
        ),
        SECOND: build_graph(
            Workbook.from_rows(
                "emeraude",
                _rows(SECOND, "35288", "partenaire-7", "Antenne Emmaüs", "connue, sans lien"),
            )
        ),
    }


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> Store:
    return territories_store(request.param, graphs, tmp_path_factory.mktemp("oxigraph"))


def test_operant_ailleurs_joins_resources_by_organisation(store: Store) -> None:
    rows = run_query("operant-ailleurs", store, maFeuilleDeRoute=SECOND)
    assert rows == [
        {
            "programme": ORGANISATION,
            "programmeLabel": "Emmaüs Connect",
            "nature": "organisation",
            "chezMoi": "connue",
            "feuilleDeRoute": FIRST,
            "titre": "Feuille de route Emmaüs Connect",
            "nbRessources": 1,
            "nbChantiers": 1,
        }
    ]


def test_not_operating_elsewhere_gives_no_row(store: Store) -> None:
    # The second territory's link is only « connue, sans lien »: nothing for the first.
    assert run_query("operant-ailleurs", store, maFeuilleDeRoute=FIRST) == []


def test_absent_when_my_roadmap_lacks_the_organisation(store: Store) -> None:
    rows = run_query(
        "operant-ailleurs", store, maFeuilleDeRoute="https://example.org/territoires/autre/"
    )
    assert [(r["programme"], r["chezMoi"], r["feuilleDeRoute"]) for r in rows] == [
        (ORGANISATION, "absente", FIRST)
    ]
