"""The publication's ns.DCAT-AP description and VoID statistics (graph/_dcat.py), checked
against the project's ns.DCAT-AP shapes (ontology/dcat-ap-obligatoire.ttl) with pyshacl."""

import hashlib
from datetime import date
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from feuille_de_route import UserError
from feuille_de_route.graph import Publication, describe_dataset, export_graph, load_roadmap
from feuille_de_route.ontology import ONTOLOGY_IRI, ONTOLOGY_PATH

BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
URL = "https://exemple.fr/gp/"
DCAT_SHAPES = ONTOLOGY_PATH.parent / "dcat-ap-obligatoire.ttl"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
DATASET = URIRef(BASE + "catalogue#jeu-de-donnees")


@pytest.fixture(scope="module")
def roadmap() -> Graph:
    return load_roadmap(None)


@pytest.fixture(scope="module")
def files(roadmap: Graph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("exports")
    return {p.name: p.read_bytes() for p in export_graph(roadmap, folder)}


@pytest.fixture(scope="module")
def description(roadmap: Graph, files: dict[str, bytes]) -> Graph:
    return describe_dataset(roadmap, Publication(URL, files, date(2026, 1, 2)))


def _int(node: object) -> int:
    return int(str(node))


def _conforms(graph: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(DCAT_SHAPES)
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes)
    return bool(conforms), str(text)


def test_the_description_conforms_to_the_dcat_ap_shapes(description: Graph) -> None:
    conforms, text = _conforms(description)
    assert conforms, text


def test_without_licence_the_shapes_report_a_violation(description: Graph) -> None:
    broken = Graph()
    for triple in description:
        if triple[1] != ns.DCTERMS.license:
            broken.add(triple)
    conforms, text = _conforms(broken)
    assert not conforms
    assert "licence" in text


def test_without_publisher_name_the_shapes_report_a_violation(description: Graph) -> None:
    broken = Graph()
    for triple in description:
        if triple[1] != ns.FOAF.name:
            broken.add(triple)
    assert not _conforms(broken)[0]


def test_publisher_and_coverage_are_the_territorys_national_iri(description: Graph) -> None:
    national = URIRef("https://w3id.org/feuille-de-route/geo/epci/200040392")
    assert description.value(DATASET, ns.DCTERMS.publisher) == national
    assert description.value(DATASET, ns.DCTERMS.spatial) == national
    assert (national, ns.RDF.type, ns.FOAF.Agent) in description
    assert "Grand Périgueux" in str(description.value(national, ns.FOAF.name))


def test_dataset_says_licence_version_dates_and_standards(description: Graph) -> None:
    assert description.value(DATASET, ns.DCTERMS.license) == URIRef(
        "https://spdx.org/licenses/MIT.html"
    )
    assert str(description.value(DATASET, URIRef(str(ns.DCAT) + "version"))).startswith(
        "2026-01-02-"
    )
    assert description.value(DATASET, ns.DCTERMS.issued) == Literal(
        "2026-01-02", datatype=ns.XSD.date
    )
    standards = set(description.objects(DATASET, ns.DCTERMS.conformsTo))
    assert URIRef(ONTOLOGY_IRI) in standards
    assert URIRef("https://w3id.org/feuille-de-route/formes") in standards
    assert set(description.objects(DATASET, ns.DCAT.keyword))
    assert set(description.objects(DATASET, ns.DCAT.theme))


def test_one_distribution_per_export_with_media_type_size_and_checksum(
    description: Graph, files: dict[str, bytes]
) -> None:
    distributions = set(description.objects(DATASET, ns.DCAT.distribution))
    media = {str(description.value(d, ns.DCAT.mediaType)) for d in distributions}
    assert media == {
        "http://www.iana.org/assignments/media-types/" + m
        for m in (
            "text/turtle",
            "application/ld+json",
            "application/n-triples",
            "application/trig",
            "application/n-quads",
        )
    }
    for node in distributions:
        url = str(description.value(node, ns.DCAT.downloadURL))
        name = url.removeprefix(URL)
        assert _int(description.value(node, ns.DCAT.byteSize)) == len(files[name])
        checksum = description.value(node, URIRef("http://spdx.org/rdf/terms#checksum"))
        value = description.value(checksum, URIRef("http://spdx.org/rdf/terms#checksumValue"))
        assert str(value) == hashlib.sha256(files[name]).hexdigest()


def test_void_statistics_count_the_graph(description: Graph, roadmap: Graph) -> None:
    assert _int(description.value(DATASET, ns.VOID.triples)) == len(roadmap)
    assert str(description.value(DATASET, ns.VOID.uriSpace)) == BASE
    chantiers = next(
        p
        for p in description.objects(DATASET, ns.VOID.classPartition)
        if description.value(p, ns.VOID["class"]) == URIRef(FDR + "Chantier")
    )
    expected = len(set(roadmap.subjects(ns.RDF.type, URIRef(FDR + "Chantier"))))
    assert _int(description.value(chantiers, ns.VOID.entities)) == expected
    partitions = set(description.objects(DATASET, ns.VOID.propertyPartition))
    assert sum(_int(description.value(p, ns.VOID.triples)) for p in partitions) == len(roadmap)
    assert len(set(description.objects(DATASET, ns.VOID.dataDump))) == 5


def test_a_missing_licence_is_the_licence_ouverte_marked_as_assumption(
    roadmap: Graph, files: dict[str, bytes]
) -> None:
    bare = Graph()
    for triple in roadmap:
        if triple[1] != ns.DCTERMS.license:
            bare.add(triple)
    out = describe_dataset(bare, Publication(URL, files, date(2026, 1, 2)))
    licence = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
    assert out.value(DATASET, ns.DCTERMS.license) == licence
    assert out.value(DATASET, URIRef(FDR + "hypothese")) is not None
    assert _conforms(out)[0]


@pytest.mark.parametrize("url", ["ftp://exemple.fr/", "https://exemple.fr/sans-barre", "gp/"])
def test_a_bad_publication_url_is_a_french_error(
    roadmap: Graph, files: dict[str, bytes], url: str
) -> None:
    with pytest.raises(UserError, match="adresse de publication invalide"):
        describe_dataset(roadmap, Publication(url, files, date(2026, 1, 2)))


def test_a_graph_without_roadmap_is_a_french_error(files: dict[str, bytes]) -> None:
    with pytest.raises(UserError, match="une seule feuille de route"):
        describe_dataset(Graph(), Publication(URL, files, date(2026, 1, 2)))


def test_the_shapes_file_says_it_is_the_projects_reading() -> None:
    header = Path(DCAT_SHAPES).read_text(encoding="utf-8").split("@prefix")[0]
    assert "DCAT-AP 3" in header and "PAS les formes SHACL" in header
