"""The DCAT description as rows of the site's home page (label, values)."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from feuille_de_route.ontology import FDR

from ._site_paths import Link, file_href

__all__ = ["catalogue_rows"]

_SPDX = "http://spdx.org/rdf/terms#"
_VERSION = URIRef(str(DCAT) + "version")


def _values(graph: Graph, node: URIRef, predicate: URIRef) -> list[Link]:
    links = []
    for value in sorted(graph.objects(node, predicate), key=str):
        if isinstance(value, Literal):
            links.append(Link(str(value)))
        elif isinstance(value, URIRef):
            name = graph.value(value, FOAF.name)
            links.append(Link(str(name) if name else str(value), str(value)))
    return links


def _local(url: str, publication_url: str) -> str:
    """A link to a file of the site itself, relative from the home page."""
    if url.startswith(publication_url):
        return file_href("index.html", url[len(publication_url) :])
    return url


def _distributions(graph: Graph, dataset: URIRef, publication_url: str) -> list[Link]:
    links = []
    for node in sorted(graph.objects(dataset, DCAT.distribution), key=str):
        assert isinstance(node, URIRef)
        url = str(graph.value(node, DCAT.downloadURL))
        media = str(graph.value(node, DCAT.mediaType)).rsplit("media-types/", 1)[-1]
        size = graph.value(node, DCAT.byteSize)
        checksum = graph.value(node, URIRef(_SPDX + "checksum"))
        digest = graph.value(checksum, URIRef(_SPDX + "checksumValue")) if checksum else None
        note = f"{media}, {size} octets" + (f", sha256 {digest}" if digest else "")
        links.append(Link(url.rsplit("/", 1)[-1], _local(url, publication_url), note))
    return links


def catalogue_rows(
    graph: Graph, dataset: URIRef, publication_url: str
) -> list[tuple[str, list[Link]]]:
    """What the home page says of the dataset, from its DCAT-AP description."""
    rows = [
        ("Titre", _values(graph, dataset, DCTERMS.title)),
        ("Description", _values(graph, dataset, DCTERMS.description)),
        ("Éditeur", _values(graph, dataset, DCTERMS.publisher)),
        ("Couverture spatiale", _values(graph, dataset, DCTERMS.spatial)),
        ("Licence", _values(graph, dataset, DCTERMS.license)),
        ("Version", _values(graph, dataset, _VERSION)),
        ("Publié le", _values(graph, dataset, DCTERMS.issued)),
        ("Modifié le", _values(graph, dataset, DCTERMS.modified)),
        ("Mots-clés", _values(graph, dataset, DCAT.keyword)),
        ("Thèmes", _values(graph, dataset, DCAT.theme)),
        ("Conforme à", _values(graph, dataset, DCTERMS.conformsTo)),
        ("Distributions", _distributions(graph, dataset, publication_url)),
        ("Triplets (VoID)", _values(graph, dataset, VOID.triples)),
        ("Entités (VoID)", _values(graph, dataset, VOID.entities)),
        (
            "Description DCAT",
            [
                Link("catalogue.ttl", "catalogue.ttl", "text/turtle"),
                Link("catalogue.jsonld", "catalogue.jsonld", "application/ld+json"),
            ],
        ),
    ]
    hypotheses = [Link(str(h)) for h in graph.objects(dataset, FDR.hypothese)]
    if hypotheses:
        rows.append(("hypothèse", hypotheses))
    return [(label, links) for label, links in rows if links]
