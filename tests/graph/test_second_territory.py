"""Issue 8 (workbook half): a second, made-up territory entered only through the template
(`modele --epci`), with five enjeux of which four are priorities, an enjeu without défi,
a chantier without action, an ID with a space, a pilot on the Chantiers sheet, a SIRET,
a national programme, assumptions and notes: every fact reaches the graph, the method's
rules give no false warning, and the graph → workbook → graph round trip holds."""

import logging
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, graph_to_workbook, read_workbook, write_workbook
from feuille_de_route.ontology import FDR, validate

from ..workbook_fill import fill_xlsx

SIREN = "200000172"  # CC Faucigny - Glières, 7 communes
BASE = "https://example.org/territoires/faucigny/"

ROWS: dict[str, list[dict[str, str]]] = {
    "Feuille de route": [
        {
            "identifiant": "faucigny",
            "titre": "Feuille de route d'essai",
            "iri de base": BASE,
            "source": "atelier du 3 mars",
        }
    ],
    "Enjeux": [
        {"identifiant": f"E{n}", "intitulé": f"Enjeu {n} ?", "prioritaire": "oui", "rang": str(n)}
        for n in range(1, 5)
    ]
    + [
        {
            "identifiant": "E5",
            "intitulé": "Enjeu écarté ?",
            "prioritaire": "non",
            "hypothèse": "écarté en comité (supposé)",
        }
    ],
    "Défis": [
        {"identifiant": "D1", "intitulé": "Former", "enjeux": "E1|E2|E3|E4"},
        {"identifiant": "D2", "intitulé": "Équiper", "enjeux": "E2"},
        {"identifiant": "D3", "intitulé": "Accompagner", "enjeux": "E3", "note": "à préciser"},
    ],
    "Chantiers": [
        {"identifiant": "1 a", "défi": "D1", "intitulé": "Former les agents", "pilote": "rh"},
        {"identifiant": "1.b", "défi": "D1", "intitulé": "Ateliers", "pilote": "asso"},
        {"identifiant": "1.c", "défi": "D1", "intitulé": "Tiers-lieu", "pilote": "rh"},
        {
            "identifiant": "1.d",
            "défi": "D1",
            "intitulé": "Sans action",
            "pilote": "rh",
            "partenaires": "asso|cnum",
        },
    ],
    "Actions": [
        {"chantier": "1 a", "intitulé": "Session 1"},
        {"chantier": "1 a", "intitulé": "Session 2"},
        {"chantier": "1.b", "intitulé": "Atelier"},
        {"chantier": "1.c", "intitulé": "Ouvrir"},
    ],
    "Services": [{"identifiant": "rh", "nom": "Ressources humaines"}],
    "Acteurs": [{"identifiant": "asso", "nom": "Association locale"}],
    "Ressources": [
        {
            "identifiant": "cnum",
            "nom": "Conseillère numérique",
            "type": "intervenant",
            "programme national": "Conseillers numériques",
            "siret": "73282932000074",
            "hypothèse": "poste supposé pourvu",
        },
        {"identifiant": "bus", "nom": "Bus numérique", "type": "ressource matérielle"},
    ],
    "Mobilisations": [{"chantier": "1 a", "ressource": "cnum", "statut": "Opérante"}],
}


@pytest.fixture(scope="module")
def territory(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Graph]:
    path = tmp_path_factory.mktemp("second") / "faucigny.xlsx"
    assert main(["modele", "--epci", SIREN, str(path)]) == 0
    fill_xlsx(path, ROWS)
    return path, build_graph(read_workbook(path))


def test_every_fact_reaches_the_graph(territory: tuple[Path, Graph]) -> None:
    _path, graph = territory
    roadmap = next(graph.subjects(RDF.type, FDR.FeuilleDeRoute))
    epci = graph.value(roadmap, FDR.territoire)
    assert (epci, RDF.type, FDR.EPCI) in graph
    assert "Faucigny" in str(graph.value(epci, RDFS.label))
    assert len(set(graph.subjects(RDF.type, FDR.Commune))) == 7
    assert len(set(graph.subjects(FDR.prioritaire, Literal(True)))) == 4
    assert (None, FDR.hypothese, Literal("écarté en comité (supposé)")) in graph
    assert (None, DCTERMS.identifier, Literal("1 a")) in graph
    assert (None, DCTERMS.identifier, Literal("1 a-2")) in graph  # derived action ID
    assert (None, FDR.siret, Literal("73282932000074")) in graph
    assert (None, SKOS.note, Literal("à préciser", lang="fr")) in graph
    pilots = {
        str(graph.value(p, FDR.chantier)).rsplit("/", 1)[1]
        for p in graph.subjects(FDR.role, FDR.pilote)
    }
    assert pilots == {"1%20a", "1.b", "1.c", "1.d"}


def test_no_false_warning_from_the_methods_rules(territory: tuple[Path, Graph]) -> None:
    _path, graph = territory
    report = validate(graph)
    assert report.violations == []
    messages = [w.message for w in report.warnings]
    # The one true remark: chantier 1.d has no action.
    assert len(messages) == 1 and "n'en a aucune" in messages[0], messages


def test_normalised_status_is_reported(
    territory: tuple[Path, Graph], caplog: pytest.LogCaptureFixture
) -> None:
    path, _graph = territory
    with caplog.at_level(logging.WARNING, logger="feuille_de_route.graph"):
        build_graph(read_workbook(path))
    assert any("« Opérante » → « opérante »" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_round_trip(territory: tuple[Path, Graph], tmp_path: Path, target: str) -> None:
    _path, graph = territory
    write_workbook(graph_to_workbook(graph), tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), graph)
