"""A DCAT description (``publier-site``'s ``catalogue.ttl``): which file to take per dataset.

Each dataset (a subject of ``dcat:distribution``) gives one download: its Turtle
distribution, else its TriG one, recognised by ``dcat:mediaType`` / ``dcterms:format``
(a media type, as text or as an IANA IRI) or by the suffix of its ``dcat:downloadURL``.
Where that address may point (inside the catalogue's folder, or ``http(s)``) is the
reader's rule, not this module's.
"""

from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS

from .._dcat import MEDIA_TYPES
from ._errors import SourceError

__all__ = ["DCAT", "MAX_DATASETS", "Download", "downloads", "is_catalogue", "site_bases"]

DCAT = Namespace("http://www.w3.org/ns/dcat#")
# A national catalogue lists one roadmap per EPCI (1 255): room for it, not for a flood.
MAX_DATASETS = 5_000

# Media type → the suffix the file is read with (the exports' table); the order is the
# preference.
_FORMATS = {MEDIA_TYPES[suffix][0]: suffix for suffix in (".ttl", ".trig")}


@dataclass(frozen=True)
class Download:
    """One dataset of a catalogue: its name and the address of the file to read (None:
    no Turtle or TriG distribution)."""

    dataset: str
    url: str | None


def site_bases(graph: Graph) -> list[str]:
    """Where the catalogue says its site is published: the folder of each ``dcat:Catalog``
    IRI (``publier-site`` names it ``{adresse}catalogue``, beside ``catalogue.ttl``)."""
    bases = set()
    for catalog in graph.subjects(RDF.type, DCAT.Catalog):
        iri = str(catalog).split("#", 1)[0]
        if isinstance(catalog, URIRef) and iri.startswith(("http://", "https://")):
            bases.add(iri.rsplit("/", 1)[0] + "/")
    return sorted(bases, key=len, reverse=True)


def is_catalogue(graph: Graph) -> bool:
    """Whether ``graph`` describes datasets with downloadable distributions."""
    return any(graph.subject_objects(DCAT.downloadURL))


def _suffix(graph: Graph, distribution: object) -> str | None:
    for predicate in (DCAT.mediaType, DCTERMS.format):
        for value in graph.objects(distribution, predicate):  # type: ignore[arg-type]
            text = str(value).strip().lower()
            for media_type, suffix in _FORMATS.items():
                if text == media_type or text.endswith("/" + media_type):
                    return suffix
    for url in graph.objects(distribution, DCAT.downloadURL):  # type: ignore[arg-type]
        path = str(url).split("?", 1)[0].split("#", 1)[0].lower()
        for suffix in _FORMATS.values():
            if path.endswith(suffix):
                return suffix
    return None


def _choice(graph: Graph, dataset: object) -> str | None:
    found: dict[str, str] = {}
    for distribution in graph.objects(dataset, DCAT.distribution):  # type: ignore[arg-type]
        suffix = _suffix(graph, distribution)
        urls = sorted(str(u) for u in graph.objects(distribution, DCAT.downloadURL))
        if suffix is not None and urls:
            found.setdefault(suffix, urls[0])
    for suffix in _FORMATS.values():
        if suffix in found:
            return found[suffix]
    return None


def _name(graph: Graph, dataset: object) -> str:
    for predicate in (DCTERMS.title, RDFS.label, DCTERMS.identifier):
        values = sorted(graph.objects(dataset, predicate), key=str)  # type: ignore[arg-type]
        french = [v for v in values if isinstance(v, Literal) and v.language == "fr"]
        if french or values:
            return str((french or values)[0])
    return f"<{dataset}>" if isinstance(dataset, URIRef) else "jeu de données"


def downloads(graph: Graph) -> list[Download]:
    """One :class:`Download` per dataset of the catalogue ``graph``, in a stable order."""
    datasets = sorted(set(graph.subjects(DCAT.distribution)), key=str)
    if len(datasets) > MAX_DATASETS:
        raise SourceError(
            f"catalogue de {len(datasets)} jeux de données (au plus {MAX_DATASETS}) : "
            "découpez-le, ou importez ses fichiers directement"
        )
    return [Download(_name(graph, d), _choice(graph, d)) for d in datasets]
