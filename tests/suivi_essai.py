"""A made-up territory whose actions are followed up (issue 12, « une feuille de route qui
vit »): statuses, dates, leads, budgets, co-fundings and indicators, with the answers of
the follow-up queries computed by hand below (the Grand Périgueux source has none)."""

from rdflib import Graph

from feuille_de_route.graph import build_graph
from feuille_de_route.graph._workbook import Workbook

__all__ = ["BASE", "TODAY", "suivi_graph", "suivi_rows"]

BASE = "https://example.org/territoires/val-de-suivi/"
# The « today » the expectations are computed for.
TODAY = "2026-06-30"

Rows = dict[str, list[dict[str, str]]]


def suivi_rows() -> Rows:
    """Two défis, three chantiers, six actions: one of each status, two without.

    By hand — progress: D1 4 actions (1 à lancer, 1 en cours, 1 réalisée, 1 abandonnée,
    part réalisée 0.25), C1 2 (1 en cours, 1 réalisée: 0.5), C2 2 (1 à lancer, 1
    abandonnée: 0), D2 and C3 2 without status (0). Late on 2026-06-30: A2 (end
    2026-04-30, en cours), A3 (2026-05-31, à lancer), then A6 (2026-06-01, no status);
    A1 is done, A4 abandoned, A5 ends in December. Funding: budgets 10000 + 5000 +
    2500.5 = 17500.5; R1 co-funds A1 and A2 with 6000 + 1500.25 = 7500.25 (share 0.429),
    R2 co-funds A1 and A3 with 2000 (A3's amount unknown; share 0.114), R4 is a funding
    resource with no co-funding (0).
    """
    return {
        "Feuille de route": [
            {
                "identifiant": "val-de-suivi",
                "titre": "Feuille de route du Val de Suivi",
                "territoire": "200040095",
                "iri de base": BASE,
                "source": "jeu d'essai",
            }
        ],
        "Enjeux": [{"identifiant": "E1", "intitulé": "Que personne ne reste seul ?"}],
        "Défis": [
            {"identifiant": "D1", "intitulé": "Former", "enjeux": "E1"},
            {"identifiant": "D2", "intitulé": "Équiper", "enjeux": "E1"},
        ],
        "Chantiers": [
            {"identifiant": "C1", "défi": "D1", "intitulé": "Former les aidants"},
            {"identifiant": "C2", "défi": "D1", "intitulé": "Former les élus"},
            {"identifiant": "C3", "défi": "D2", "intitulé": "Prêter des ordinateurs"},
        ],
        "Services": [{"identifiant": "S1", "nom": "Service numérique"}],
        "Ressources": [
            {"identifiant": "R1", "nom": "Région", "type": "financement"},
            {"identifiant": "R2", "nom": "Département", "type": "financement"},
            {"identifiant": "R3", "nom": "Médiathèque", "type": "partenaire de projet"},
            {"identifiant": "R4", "nom": "Fondation", "type": "financement"},
        ],
        "Actions": [
            {
                "identifiant": "A1",
                "chantier": "C1",
                "intitulé": "Recruter une conseillère",
                "objectif": "Accompagner 100 personnes",
                "étapes": "recruter | former | ouvrir",
                "statut": "réalisée",
                "début": "2026-01-05",
                "fin": "01/03/2026",
                "porteur": "S1",
                "budget (€)": "10 000",
            },
            {
                "identifiant": "A2",
                "chantier": "C1",
                "intitulé": "Ateliers en médiathèque",
                "statut": "en cours",
                "début": "2026-02-01",
                "fin": "2026-04-30",
                "porteur": "R3",
                "budget (€)": "5000",
            },
            {
                "identifiant": "A3",
                "chantier": "C2",
                "intitulé": "Séminaire des élus",
                "statut": "à lancer",
                "fin": "2026-05-31",
                "budget (€)": "2 500,50",
            },
            {
                "identifiant": "A4",
                "chantier": "C2",
                "intitulé": "Formation en ligne",
                "statut": "abandonnée",
                "fin": "2026-01-31",
            },
            {
                "identifiant": "A5",
                "chantier": "C3",
                "intitulé": "Achat de portables",
                "fin": "2026-12-31",
            },
            {
                "identifiant": "A6",
                "chantier": "C3",
                "intitulé": "Prêt en mairie",
                "fin": "2026-06-01",
            },
        ],
        "Co-financements": [
            {"action": "A1", "financeur": "R1", "montant (€)": "6000"},
            {"action": "A1", "financeur": "R2", "montant (€)": "2000"},
            {"action": "A2", "financeur": "R1", "montant (€)": "1500,25"},
            {"action": "A3", "financeur": "R2"},
        ],
        "Indicateurs": [
            {
                "action": "A1",
                "intitulé": "personnes accompagnées",
                "cible": "100",
                "valeur": "80",
                "unité": "personnes",
            },
            {"action": "A2", "intitulé": "ateliers tenus", "cible": "12"},
        ],
    }


def suivi_graph() -> Graph:
    """The graph of :func:`suivi_rows`."""
    return build_graph(Workbook.from_rows("val-de-suivi", suivi_rows()))
