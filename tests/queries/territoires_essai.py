"""Three territories in one store for the cross-territory questions (issue 11): the Grand
Périgueux and two made-up ones with non-ASCII names, all in the Dordogne (24), sharing
national programmes and a partner (same SIRET). Each is read from a different format
(CSV folder, ``.xlsx``, ``.ods``); ``three_sources`` writes them as three formats the
``importer`` command takes (TriG, ``.xlsx``, a ``publier-site`` folder)."""

from collections.abc import Mapping
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, export_graph, load_roadmap, write_workbook
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store

GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
ETE = "https://example.org/territoires/pays-de-l-ete/"
LEON = "https://example.org/territoires/saint-cernin/"
# Two small roadmaps whose territory is a département (Gironde, 33 → région 75) and a
# région (84): the national counts of more than one département and région.
GIRONDE = "https://example.org/territoires/gironde/"
AURA = "https://example.org/territoires/auvergne-rhone-alpes/"
TH = "https://w3id.org/feuille-de-route/themes/"
PN = "https://w3id.org/feuille-de-route/programmes/"
SHARED_SIRET = "73282932000074"

Rows = dict[str, list[dict[str, str]]]


def _roadmap(ident: str, title: str, territory: str, name: str, base: str) -> list[dict[str, str]]:
    return [
        {
            "identifiant": ident,
            "titre": title,
            "territoire": territory,
            "nom du territoire": name,
            "iri de base": base,
            "source": "jeu d'essai",
        }
    ]


def ete_rows() -> Rows:
    """An EPCI (CC Isle Vern Salembre en Périgord, 24) renamed « Pays de l'Été »."""
    return {
        "Feuille de route": _roadmap(
            "pays-ete", "Feuille de route du Pays de l'Été", "200040095", "Pays de l'Été", ETE
        ),
        "Communes": [{"code insee": "24104", "nom": "Chantérac", "epci": "200040095"}],
        "Enjeux": [{"identifiant": "E1", "intitulé": "Réduire la fracture ?"}],
        "Défis": [{"identifiant": "D1", "intitulé": "Accompagner", "enjeux": "E1"}],
        "Chantiers": [
            {
                "identifiant": "é1",
                "défi": "D1",
                "intitulé": "Ateliers numériques pour les aînés",
                "thèmes": "médiation numérique | publics",
            },
            {"identifiant": "é2", "défi": "D1", "intitulé": "Former les agents"},
        ],
        "Ressources": [
            {
                "identifiant": "cnum",
                "nom": "Conseillères numériques de l'Été",
                "type": "intervenant",
                "programme national": "Conseillers numériques",
            },
            {
                "identifiant": "fs",
                "nom": "Maison France Services d'Été",
                "type": "partenaire de projet",
                "programme national": "France Services",
                "siret": "44205123000013",
            },
            {
                "identifiant": "asso",
                "nom": "Association Ça Clique",
                "type": "partenaire de projet",
                "siret": SHARED_SIRET,
            },
        ],
        "Mobilisations": [
            {"chantier": "é1", "ressource": "cnum", "statut": "opérante"},
            {"chantier": "é1", "ressource": "fs", "statut": "connue, sans lien"},
            {"chantier": "é2", "ressource": "asso", "statut": "opérante"},
        ],
    }


def leon_rows() -> Rows:
    """A commune (Saint-Cernin-de-Labarde, 24) with its own roadmap."""
    return {
        "Feuille de route": _roadmap(
            "saint-cernin",
            "Feuille de route de Saint-Cernin",
            "24385",
            "Saint-Cernin-de-Labarde",
            LEON,
        ),
        "Enjeux": [{"identifiant": "E1", "intitulé": "Ne laisser personne de côté ?"}],
        "Défis": [{"identifiant": "D1", "intitulé": "Médiation de proximité", "enjeux": "E1"}],
        "Chantiers": [
            {
                "identifiant": "b1",
                "défi": "D1",
                "intitulé": "Médiation à domicile",
                "thèmes": "médiation numérique",
            },
            {
                "identifiant": "b2",
                "défi": "D1",
                "intitulé": "Gouvernance partagée",
                "thèmes": "gouvernance et coopération",
            },
        ],
        "Ressources": [
            {
                "identifiant": "fs",
                "nom": "France Services de Saint-Cernin",
                "type": "partenaire de projet",
                "programme national": "France Services",
                "siret": "13000668000016",
            },
            {
                "identifiant": "clique",
                "nom": "Ça Clique (antenne)",
                "type": "partenaire de projet",
                "siret": SHARED_SIRET,
            },
            {
                "identifiant": "cnum",
                "nom": "Conseiller numérique",
                "type": "intervenant",
                "programme national": "Conseillers numériques",
            },
        ],
        "Mobilisations": [
            {"chantier": "b1", "ressource": "fs", "statut": "opérante"},
            {"chantier": "b1", "ressource": "cnum", "statut": "connue, sans lien"},
            {"chantier": "b2", "ressource": "clique", "statut": "opérante"},
        ],
    }


def three_territories(folder: Path) -> dict[str, Graph]:
    """The three graphs by roadmap IRI: the Grand Périgueux from its CSV folder, the Pays
    de l'Été from an ``.xlsx`` and Saint-Cernin from an ``.ods`` written here."""
    graphs = {GP: load_roadmap(None)}
    for base, rows, name in ((ETE, ete_rows(), "ete.xlsx"), (LEON, leon_rows(), "leon.ods")):
        write_workbook(Workbook.from_rows(name, rows), folder / name)
        graphs[base] = load_roadmap(folder / name)
    return graphs


def three_sources(folder: Path) -> list[Path]:
    """The three territories written under ``folder`` as three sources of different
    formats for ``feuille-de-route importer``: the Grand Périgueux's TriG export, the Pays
    de l'Été's ``.xlsx``, and the folder ``publier-site`` writes from Saint-Cernin's
    ``.ods`` (its DCAT catalogue leads to the roadmap's Turtle)."""
    exported = export_graph(load_roadmap(None), folder / "grand-perigueux")
    trig = next(path for path in exported if path.suffix == ".trig")
    ete, leon = folder / "ete.xlsx", folder / "leon.ods"
    write_workbook(Workbook.from_rows(ete.name, ete_rows()), ete)
    write_workbook(Workbook.from_rows(leon.name, leon_rows()), leon)
    site = folder / "site-saint-cernin"
    if main(["publier-site", str(leon), "--sortie", str(site)]) != 0:
        raise AssertionError(f"publier-site n'a pas écrit {site}")
    return [trig, ete, site]


def territories_store(engine: str, graphs: Mapping[str, Graph], folder: Path) -> Store:
    """The territories' graphs in one store: rdflib's union in memory (the reference
    engine), or Oxigraph on disk in ``folder`` with each roadmap in the graph of its IRI."""
    if engine == "rdflib":
        union = Graph()
        for graph in graphs.values():
            union += graph
        return MemoryStore(union, engine="rdflib")
    oxigraph = OxigraphStore(folder)
    for name, graph in graphs.items():
        oxigraph.add_graph(graph, name)
    return oxigraph


def stored_territories(factory: pytest.TempPathFactory) -> Path:
    """A folder holding the three territories in an Oxigraph store, closed: free for the
    commands a test runs on it."""
    folder = factory.mktemp("stockage")
    store = territories_store("oxigraph", three_territories(factory.mktemp("trois")), folder)
    store.close()
    return folder


def small_roadmap(base: str, kind: str, code: str, theme: str) -> Graph:
    """One enjeu, one défi, one chantier on ``theme``, for the territory ``code``."""
    rows = {
        "Feuille de route": [
            {
                "identifiant": code,
                "titre": f"Feuille de route {code}",
                "territoire": code,
                "type de territoire": kind,
                "iri de base": base,
                "source": "essai",
            }
        ],
        "Enjeux": [{"identifiant": "E1", "intitulé": "Qui accompagner ?"}],
        "Défis": [{"identifiant": "D1", "intitulé": "Accompagner", "enjeux": "E1"}],
        "Chantiers": [{"identifiant": "c1", "défi": "D1", "intitulé": "Ateliers", "thèmes": theme}],
    }
    return build_graph(Workbook.from_rows(code, rows))
