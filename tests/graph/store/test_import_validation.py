"""The shapes compiled to SPARQL on Oxigraph (the importer's fast check) give pyshacl's
results exactly — severity, focus, path, value, message, component — on the three test
territories and on a small roadmap broken in each way the shapes can see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from feuille_de_route.cli import main
from feuille_de_route.graph.importer import validate_on_oxigraph
from feuille_de_route.ontology import ValidationReport, validate

from .import_territories import ISLE_IRI, Territories

pytestmark = pytest.mark.timeout(600)

FDR = "https://w3id.org/feuille-de-route/ontologie#"
BASE = "https://w3id.org/feuille-de-route/territoires/perigueux/"
GEO = "https://w3id.org/feuille-de-route/geo/"
IGEO = "http://rdf.insee.fr/def/geo#"
ORG_NODE = "https://w3id.org/feuille-de-route/organisation/"
RNA = URIRef(ORG_NODE + "rna/W243000123")


def f(name: str) -> URIRef:
    return URIRef(FDR + name)


def b(path: str) -> URIRef:
    return URIRef(BASE + path)


def items(report: ValidationReport) -> list[tuple[str, ...]]:
    return [
        (
            i.severity,
            str(i.focus),
            str(i.path),
            str(i.value),
            i.message,
            str(i.component),
            str(i.shape) if isinstance(i.shape, URIRef) else "",
        )
        for i in report.violations + report.warnings + report.infos
    ]


def assert_agree(graph: Graph) -> list[tuple[str, ...]]:
    """The two reports hold the same items (in an order that differs only where two items
    share message, focus, path and value: the report's sort key)."""
    expected = sorted(items(validate(graph)))
    assert sorted(items(validate_on_oxigraph(graph))) == expected
    return expected


def test_the_three_territories(territories: Territories) -> None:
    for graph in territories.graphs.values():
        assert assert_agree(graph)  # each has warnings to agree on


Triples = list[tuple[URIRef, URIRef, Node]]
MOBILISATION = b("mobilisation/1.b/mednum")
CHANTIER = b("chantier/1.b")
NATIONAL = URIRef(GEO + "commune/24322")

BREAKS: dict[str, tuple[Triples, Triples]] = {
    # name: (triples removed, triples added)
    "minCount": ([(b("enjeu/1"), RDFS.label, Literal("Accès aux droits", lang="fr"))], []),
    "maxCount": ([], [(b("enjeu/1"), DCTERMS.identifier, Literal("1 bis"))]),
    "class": ([], [(b("chantier/1.a"), f("enLienAvec"), b("enjeu/1"))]),
    "ill-typed integer": ([], [(b("commune/24322"), f("numero"), Literal("x"))]),
    "datatype": ([], [(b("enjeu/1"), f("prioritaire"), Literal("oui"))]),
    "minInclusive": ([], [(b("enjeu/1"), f("rangDePriorite"), Literal(0))]),
    "maxInclusive": (
        [(b("commune/24322/ifn/total"), f("valeur"), Literal("6.25", datatype=XSD.decimal))],
        [(b("commune/24322/ifn/total"), f("valeur"), Literal("11", datatype=XSD.decimal))],
    ),
    "pattern": (
        [(b("commune/24322"), f("codeInsee"), Literal("24322"))],
        [(b("commune/24322"), f("codeInsee"), Literal("2432"))],
    ),
    "in": ([], [(b("mobilisation/1.b/ccas"), f("statut"), f("pilote"))]),
    "or": (
        [],
        [
            (b("coordination/x"), RDF.type, f("Coordination")),
            (b("coordination/x"), f("objetCoordonne"), b("ressource/ccas")),
        ],
    ),
    "xone": ([], [(b("ressource/ccas"), RDF.type, f("Financement"))]),
    "not": ([], [(MOBILISATION, RDF.type, f("MobilisationOperante"))]),
    "maxCount 0 (warning)": ([], [(CHANTIER, f("mobiliseOperante"), b("ressource/mednum"))]),
    "nodeKind": ([], [(b("ressource/mednum"), DCTERMS.identifier, b("x"))]),
    "minLength and or of datatypes": (
        [],
        [
            (b("enjeu/1"), f("hypothese"), Literal("")),
            (b("defi/1"), f("hypothese"), Literal(3)),
        ],
    ),
    "closed national node": (
        [],
        [
            (b("commune/24322"), f("territoireOfficiel"), NATIONAL),
            (NATIONAL, RDF.type, URIRef(IGEO + "Commune")),
            (NATIONAL, RDFS.label, Literal("Périgueux")),
        ],
    ),
    "national node pattern": (
        [],
        [(b("commune/24322"), f("territoireOfficiel"), URIRef(GEO + "ville/x"))],
    ),
    "sparql: two mobilisations of one pair": (
        [],
        [
            (b("mobilisation/bis"), RDF.type, f("Mobilisation")),
            (b("mobilisation/bis"), f("chantier"), CHANTIER),
            (b("mobilisation/bis"), f("ressource"), b("ressource/mednum")),
            (b("mobilisation/bis"), f("statut"), f("operante")),
        ],
    ),
    "date out of range": (
        [(MOBILISATION, f("depuis"), Literal("2024-03-01", datatype=XSD.date))],
        [(MOBILISATION, f("depuis"), Literal("2024-13-01", datatype=XSD.date))],
    ),
    "national organisation": (
        [],
        [
            (b("ressource/ccas"), f("organisationOfficielle"), URIRef(ORG_NODE + "siret/1")),
            (
                b("ressource/mednum"),
                f("organisationOfficielle"),
                URIRef(ORG_NODE + "rna/W243000123"),
            ),
            (URIRef(ORG_NODE + "rna/W243000123"), RDFS.label, Literal("Association")),
        ],
    ),
    "lieu de médiation": (
        [],
        [
            (b("lieu/1"), f("communeOfficielle"), NATIONAL),
            (b("lieu/1"), f("communeOfficielle"), URIRef(GEO + "commune/24053")),
            (b("lieu/1"), f("latitude"), Literal("95.5", datatype=XSD.decimal)),
            (b("lieu/1"), f("codePostal"), Literal("2400")),
            (b("lieu/1"), f("offreDeMediation"), URIRef("https://example.org/x")),
        ],
    ),
    # Regression: the follow-up shapes' inverse paths made the fast check refuse every
    # roadmap (« seuls les chemins simples »).
    "inverse path: a co-financement of no action": (
        [],
        [
            (b("cofinancement/x"), RDF.type, f("CoFinancement")),
            (b("cofinancement/x"), f("financeur"), b("ressource/ccas")),
        ],
    ),
    "inverse path: an indicator of two things, none an action": (
        [],
        [
            (b("indicateur/x"), RDF.type, f("IndicateurDeSuivi")),
            (b("indicateur/x"), RDFS.label, Literal("Personnes accompagnées")),
            (CHANTIER, f("indicateur"), b("indicateur/x")),
            (b("enjeu/1"), f("indicateur"), b("indicateur/x")),
        ],
    ),
    "siret and programme": (
        [],
        [
            (b("ressource/ccas"), f("siret"), Literal("123")),
            (b("ressource/ccas"), f("programme"), URIRef("https://example.org/pix")),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_break_is_reported_alike(make_roadmap: Callable[[str, str], Graph], name: str) -> None:
    graph = make_roadmap("Perigueux", "200040392")
    removed, added = BREAKS[name]
    for triple in removed:
        assert triple in graph, triple
        graph.remove(triple)
    for triple in added:
        graph.add(triple)
    before = items(validate(make_roadmap("Perigueux", "200040392")))
    found = assert_agree(graph)
    assert found != before  # the break is seen


def test_the_fast_check_imports_and_refuses_alike(
    territories: Territories, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "casse.ttl"
    graph = territories.graphs[ISLE_IRI]
    without_label = Graph()
    for triple in graph:
        if triple[1] != RDFS.label or "enjeu/E1" not in str(triple[0]):
            without_label.add(triple)
    without_label.serialize(broken, format="turtle", encoding="utf-8")
    sources = [str(territories.foyen_trig), str(broken)]
    runs = {}
    for engine in ("pyshacl", "rapide"):
        folder = tmp_path / engine
        code = main(["importer", *sources, "--stockage", str(folder), "--validation", engine])
        runs[engine] = (code, capsys.readouterr().out.replace(str(folder), "DOSSIER"))
    assert runs["rapide"][0] == runs["pyshacl"][0] == 2
    fast, reference = runs["rapide"][1], runs["pyshacl"][1]
    assert "Bilan : 1 feuille(s) de route importée(s), 1 refusée(s), sur 2." in fast
    assert "formes SHACL" in fast and "Violations" in fast
    # The same outcomes and counts; node names may be shorter without the labels.
    assert [line[:2] for line in fast.splitlines()] == [line[:2] for line in reference.splitlines()]
