"""A small valid workbook every graph test starts from, as rows and as a CSV folder."""

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.graph._sheets import SHEETS_BY_NAME

Rows = dict[str, list[dict[str, str]]]

BASE = "https://example.org/territoires/essai/"


def mini_rows() -> Rows:
    """One of each thing, and the cross-references between them."""
    return {
        "Feuille de route": [
            {
                "identifiant": "essai",
                "titre": "Feuille de route d'essai",
                "territoire": "200040392",
                "iri de base": BASE,
                "source": "jeu d'essai",
                "licence": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
            }
        ],
        "Étapes": [
            {"numéro": "1", "intitulé": "Lancement", "description": "Définition commune"},
            {"numéro": "4", "intitulé": "Chantiers clés et cartographie des ressources"},
        ],
        "Livrables": [{"identifiant": "L4", "étape": "4", "intitulé": "Cartographie"}],
        "Typologie": [{"identifiant": "T1", "intitulé": "Sans fragilité majeure"}],
        "Groupes": [
            {
                "identifiant": "G1",
                "description": "Personnes âgées vivant seules",
                "classe": "T1",
                "communes": "24322 | 24053",
            }
        ],
        "Communes": [
            {
                "code insee": "24322",
                "nom": "Périgueux",
                "population": "29 000",
                "epci": "200040392",
                "classe": "T1",
                "ifn total": "6,5",
                "ifn sans thd": "10",
                "source": "IFN",
            },
            {"code insee": "24053", "nom": "Boulazac Isle Manoire", "epci": "200040392"},
        ],
        "Enjeux": [{"identifiant": "1", "intitulé": "Comment bien accompagner ?"}],
        "Défis": [{"identifiant": "1", "intitulé": "Développer des formations", "enjeux": "1"}],
        "Chantiers": [
            {"identifiant": "1.a", "défi": "1", "intitulé": "Former les agents"},
            {
                "identifiant": "1.b",
                "défi": "1",
                "intitulé": "Actions jeunes (3 à 14 ans)",
                "description": "Les jeunes sont une part importante.",
                "en lien avec": "1.a",
            },
        ],
        "Actions": [
            {
                "identifiant": "1.b.1",
                "chantier": "1.b",
                "intitulé": "Colo apprenantes",
                "communes": "24322",
            }
        ],
        "Critères": [{"identifiant": "1.b.c1", "chantier": "1.b", "intitulé": "ALSH équipés"}],
        "Freins": [{"identifiant": "1.b.f1", "chantier": "1.b", "intitulé": "Pas de wifi"}],
        "Services": [
            {"identifiant": "enfance", "nom": "Service enfance"},
            {"identifiant": "alsh", "nom": "ALSH", "rattachement": "enfance"},
        ],
        "Coordination": [
            {"objet": "1.b", "service": "alsh", "rôle": "pilote"},
            {"objet": "défi 1", "service": "enfance", "rôle": "co-coordinateur"},
        ],
        "Acteurs": [{"identifiant": "francas", "nom": "Francas"}],
        "Gouvernance": [
            {"chantier": "1.b", "acteur": "enfance", "rôle": "pilote", "note": "lien CTG"},
            {"chantier": "1.b", "acteur": "francas", "rôle": "associé"},
            {"chantier": "1.b", "acteur": "cnum", "rôle": "réalise"},
        ],
        "Ressources": [
            {"identifiant": "cnum", "nom": "Conseillers numériques", "type": "intervenant"},
            {"identifiant": "robots", "nom": "Robotique", "type": "ressource matérielle"},
        ],
        "Mobilisations": [
            {"chantier": "1.b", "ressource": "cnum", "statut": "opérante", "depuis": "2024-01-15"},
            {
                "chantier": "1.b",
                "ressource": "robots",
                "statut": "connue, sans lien",
                "hypothèse": "statut supposé",
            },
        ],
    }


def write_csv_rows(folder: Path, rows: Mapping[str, Sequence[Mapping[str, str]]]) -> Path:
    """Write ``rows`` as a CSV folder with every contract column, in contract order."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, dicts in rows.items():
        spec = SHEETS_BY_NAME[name]
        with open(folder / spec.csv, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(spec.headers)
            for cells in dicts:
                writer.writerow([cells.get(h, "") for h in spec.headers])
    return folder


@pytest.fixture
def rows() -> Rows:
    return mini_rows()


@pytest.fixture
def mini_csv(tmp_path: Path) -> Path:
    return write_csv_rows(tmp_path / "classeur", mini_rows())


@pytest.fixture
def csv_folder(tmp_path: Path) -> Callable[[Rows], Path]:
    """Write given rows as a CSV folder (a new folder per call)."""
    count = 0

    def write(rows: Rows) -> Path:
        nonlocal count
        count += 1
        return write_csv_rows(tmp_path / f"classeur{count}", rows)

    return write


def union_of(*graphs: Graph) -> Graph:
    """A new graph holding the triples of ``graphs`` (a copy, for one)."""
    union = Graph()
    for graph in graphs:
        for triple in graph:
            union.add(triple)
    return union
