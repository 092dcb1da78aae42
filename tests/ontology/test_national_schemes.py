"""The national SKOS schemes shipped with the ontology: the programmes, and the
enumerations of the lieux de médiation numérique standard generated from its schema."""

import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from feuille_de_route.ontology import PROGRAMMES, SCHEME_PATHS, load_schemes

ROOT = Path(__file__).resolve().parents[2]
MEDNUM = "https://w3id.org/feuille-de-route/mednum/"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "schemas_mednum", ROOT / "tools" / "schemas_mednum.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return load_schemes()


def test_enumeration_reads_escaped_words() -> None:
    tool = _tool()
    pattern = r"(?:(?:^|\|)(Gratuit|Langues étrangères \(anglais\)|Payant))+$"
    assert tool.enumeration(pattern) == ["Gratuit", "Langues étrangères (anglais)", "Payant"]
    assert tool.enumeration(r"^\d{5}$") is None
    assert tool.slug("Point d'accès numérique CAF") == "point-d-acces-numerique-caf"


def test_programmes_named_by_the_issue_are_in_the_scheme(schemes: Graph) -> None:
    labels = {
        str(schemes.value(c, SKOS.prefLabel))
        for c in schemes.subjects(SKOS.inScheme, PROGRAMMES)
        if isinstance(c, URIRef)
    }
    for name in ("Conseillers numériques", "France Services", "Aidants Connect", "PIX"):
        assert any(label.casefold() == name.casefold() for label in labels), name
    assert {"Pass numérique", "La Base"} <= labels


def test_every_concept_is_labelled_once_per_language_and_in_a_scheme(schemes: Graph) -> None:
    concepts = set(schemes.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 60
    for concept in concepts:
        assert (concept, SKOS.inScheme, None) in schemes, concept
        french = [
            v
            for v in schemes.objects(concept, SKOS.prefLabel)
            if isinstance(v, Literal) and v.language == "fr"
        ]
        assert len(french) == 1, concept
        scheme = schemes.value(concept, SKOS.inScheme)
        assert (scheme, RDF.type, SKOS.ConceptScheme) in schemes
        assert (scheme, SKOS.hasTopConcept, concept) in schemes


def test_every_match_points_to_a_shipped_concept(schemes: Graph) -> None:
    for predicate in (SKOS.exactMatch, SKOS.closeMatch):
        for target in schemes.objects(None, predicate):
            assert (target, RDF.type, SKOS.Concept) in schemes, target


@pytest.mark.parametrize("path", SCHEME_PATHS, ids=[p.name for p in SCHEME_PATHS])
def test_oxigraph_reads_the_same_triples(path: Path) -> None:
    quads = list(
        pyoxigraph.parse(io.BytesIO(path.read_bytes()), format=pyoxigraph.RdfFormat.TURTLE)
    )
    graph = Graph()
    graph.parse(path, format="turtle")
    assert len(quads) == len(graph) > 20


def test_generated_turtle_is_the_committed_one(shared_data: Path) -> None:
    schema = json.loads((shared_data / "mednum" / "schema.json").read_text(encoding="utf-8"))
    committed = (ROOT / "ontology" / "mednum.ttl").read_text(encoding="utf-8")
    assert _tool().turtle(schema) == committed


def test_every_word_of_the_standard_is_a_concept(shared_data: Path, schemes: Graph) -> None:
    schema = json.loads((shared_data / "mednum" / "schema.json").read_text(encoding="utf-8"))
    tool = _tool()
    fields = 0
    for field in schema["fields"]:
        words = tool.enumeration(field.get("constraints", {}).get("pattern", ""))
        if not words:
            continue
        fields += 1
        scheme = URIRef(MEDNUM + field["name"])
        notations = {
            str(n)
            for c in schemes.subjects(SKOS.inScheme, scheme)
            for n in schemes.objects(c, SKOS.notation)
        }
        assert notations == set(words), field["name"]
    assert fields >= 9  # services, publics, modalités, programmes…
