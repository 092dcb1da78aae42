"""The publication's self-description: a DCAT 3 / DCAT-AP catalogue with VoID statistics.

:func:`describe_dataset` describes one roadmap graph and the files it is published as:
the catalogue (``{base}catalogue``), its dataset (``{base}catalogue#jeu-de-donnees``)
and one distribution per export (``{base}catalogue#distribution-{suffix}``), so that
every node of the description dereferences to the catalogue's own document. The
publisher and the spatial coverage are the territory's national IRI (contract:
"National IRIs"); a licence the workbook does not give is Etalab's Licence Ouverte 2.0,
marked as an assumption (``fdr:hypothese``).
"""

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from feuille_de_route import UserError, __version__, is_http_iri
from feuille_de_route.ontology import FDR, ONTOLOGY_IRI

from ._export import EXPORT_NAMES

__all__ = ["MEDIA_TYPES", "Publication", "describe_dataset"]

SPDX = Namespace("http://spdx.org/rdf/terms#")
ADMS_PUBLISHER = Namespace("http://purl.org/adms/publishertype/")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
SHAPES_IRI = URIRef("https://w3id.org/feuille-de-route/formes")
# DCAT 3's dcat:version, missing from rdflib's closed DCAT namespace.
DCAT_VERSION = URIRef(str(DCAT) + "version")
LICENCE_OUVERTE = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")

# suffix → (IANA media type, EU file type, French name)
MEDIA_TYPES: Mapping[str, tuple[str, str, str]] = {
    ".ttl": ("text/turtle", "RDF_TURTLE", "Turtle"),
    ".jsonld": ("application/ld+json", "JSON_LD", "JSON-LD (contexte inclus)"),
    ".nt": ("application/n-triples", "RDF_N_TRIPLES", "N-Triples"),
    ".trig": ("application/trig", "RDF_TRIG", "TriG (graphe nommé de la feuille de route)"),
    ".nq": ("application/n-quads", "RDF_N_QUADS", "N-Quads (graphe nommé de la feuille de route)"),
}
KEYWORDS = ("inclusion numérique", "feuille de route", "médiation numérique", "données liées")
THEMES = ("SOCI", "GOVE")


@dataclass(frozen=True)
class Publication:
    """Where and when the files are published: ``url`` (http(s), ends with ``/``) is
    where the site's root is served; ``files`` maps each export's name to its bytes."""

    url: str
    files: Mapping[str, bytes]
    day: date


def describe_dataset(graph: Graph, publication: Publication) -> Graph:
    """The DCAT-AP description (catalogue, dataset, distributions, publisher) and VoID
    statistics of the one roadmap in ``graph``, published as ``publication`` says."""
    if not is_http_iri(publication.url) or not publication.url.endswith("/"):
        raise UserError(
            f"adresse de publication invalide « {publication.url} » : une IRI http(s) "
            "absolue terminée par « / » est attendue (ex. https://exemple.fr/feuille-de-route/)"
        )
    roadmap = _the_roadmap(graph)
    out = Graph(bind_namespaces="core")
    for prefix, ns in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("void", VOID)):
        out.bind(prefix, ns)
    out.bind("spdx", SPDX)
    out.bind("fdr", FDR)
    base = str(roadmap)
    catalogue, dataset = URIRef(base + "catalogue"), URIRef(base + "catalogue#jeu-de-donnees")
    agent = _publisher(graph, roadmap, out)
    _catalogue(graph, roadmap, out, catalogue, dataset, agent, publication)
    _dataset(graph, roadmap, out, dataset, agent, publication)
    for name in sorted(publication.files):
        _distribution(graph, roadmap, out, dataset, name, publication)
    _statistics(graph, out, dataset, base)
    return out


def _the_roadmap(graph: Graph) -> URIRef:
    roadmaps = sorted({s for s in graph.subjects(RDF.type, FDR.FeuilleDeRoute)}, key=str)
    if len(roadmaps) != 1 or not isinstance(roadmaps[0], URIRef):
        raise UserError(
            f"une seule feuille de route attendue dans le graphe pour la publier, "
            f"{len(roadmaps)} trouvée(s)"
        )
    return roadmaps[0]


def _text(graph: Graph, node: URIRef, *predicates: URIRef) -> str:
    for predicate in predicates:
        for value in sorted(graph.objects(node, predicate), key=str):
            if isinstance(value, Literal) and str(value).strip():
                return str(value)
    return ""


def _official(graph: Graph, roadmap: URIRef) -> tuple[URIRef | None, URIRef | None]:
    """The roadmap's territory node and its national IRI (either may be missing)."""
    territory = next(iter(sorted(graph.objects(roadmap, FDR.territoire), key=str)), None)
    if not isinstance(territory, URIRef):
        return None, None
    national = next(iter(sorted(graph.objects(territory, FDR.territoireOfficiel), key=str)), None)
    return territory, national if isinstance(national, URIRef) else None


def _publisher(graph: Graph, roadmap: URIRef, out: Graph) -> URIRef:
    """The territory as a ``foaf:Agent`` (an organisation), at its national IRI."""
    territory, national = _official(graph, roadmap)
    agent = national or territory or URIRef(str(roadmap) + "catalogue#editeur")
    name = _text(graph, territory, RDFS.label, DCTERMS.title) if territory else ""
    out.add((agent, RDF.type, FOAF.Agent))
    out.add((agent, RDF.type, FOAF.Organization))
    out.add((agent, FOAF.name, Literal(name or "Territoire de la feuille de route", lang="fr")))
    out.add((agent, DCTERMS.type, ADMS_PUBLISHER.LocalAuthority))
    if territory is not None and territory != agent:
        out.add((agent, FOAF.page, territory))
    if not name:
        out.add((agent, FDR.hypothese, Literal("Nom de l'éditeur inconnu des données.", lang="fr")))
    return agent


def _licence(graph: Graph, roadmap: URIRef, out: Graph, node: URIRef) -> None:
    given = sorted(graph.objects(roadmap, DCTERMS.license), key=str)
    iri = next((v for v in given if isinstance(v, URIRef)), None)
    if iri is None:
        iri = LICENCE_OUVERTE
        out.add(
            (
                node,
                FDR.hypothese,
                Literal(
                    "Licence supposée : le classeur n'en donne pas d'IRI ; Licence Ouverte 2.0 "
                    "d'Etalab par défaut.",
                    lang="fr",
                ),
            )
        )
    out.add((node, DCTERMS.license, iri))
    out.add((iri, RDF.type, DCTERMS.LicenseDocument))


def _dates(out: Graph, node: URIRef, day: date) -> None:
    out.add((node, DCTERMS.issued, Literal(day.isoformat(), datatype=XSD.date)))
    out.add((node, DCTERMS.modified, Literal(day.isoformat(), datatype=XSD.date)))


def _catalogue(
    graph: Graph,
    roadmap: URIRef,
    out: Graph,
    catalogue: URIRef,
    dataset: URIRef,
    agent: URIRef,
    publication: Publication,
) -> None:
    title = _text(graph, roadmap, DCTERMS.title) or str(roadmap)
    out.add((catalogue, RDF.type, DCAT.Catalog))
    out.add((catalogue, DCTERMS.title, Literal(f"Catalogue — {title}", lang="fr")))
    out.add(
        (
            catalogue,
            DCTERMS.description,
            Literal(
                "Données liées de la feuille de route territoriale d'inclusion numérique : le "
                "graphe RDF dans cinq formats, une page par élément et la documentation de "
                "l'ontologie.",
                lang="fr",
            ),
        )
    )
    out.add((catalogue, DCTERMS.publisher, agent))
    out.add((catalogue, DCAT.dataset, dataset))
    out.add((catalogue, FOAF.homepage, URIRef(publication.url)))
    out.add((catalogue, DCTERMS.language, URIRef(EU + "language/FRA")))
    _licence(graph, roadmap, out, catalogue)
    _dates(out, catalogue, publication.day)


def _dataset(
    graph: Graph,
    roadmap: URIRef,
    out: Graph,
    dataset: URIRef,
    agent: URIRef,
    publication: Publication,
) -> None:
    title = _text(graph, roadmap, DCTERMS.title) or str(roadmap)
    out.add((dataset, RDF.type, DCAT.Dataset))
    out.add((dataset, RDF.type, VOID.Dataset))
    out.add((dataset, DCTERMS.title, Literal(title, lang="fr")))
    out.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                f"{title} : enjeux, défis, chantiers, actions, ressources mobilisées, "
                "gouvernance et diagnostic du territoire, décrits avec l'ontologie "
                "fdr (graphe RDF).",
                lang="fr",
            ),
        )
    )
    out.add((dataset, DCTERMS.identifier, Literal(str(roadmap))))
    out.add((dataset, FOAF.primaryTopic, roadmap))
    out.add((dataset, DCTERMS.publisher, agent))
    _, national = _official(graph, roadmap)
    if national is not None:
        out.add((dataset, DCTERMS.spatial, national))
        out.add((national, RDF.type, DCTERMS.Location))
    digest = hashlib.sha256(b"".join(publication.files[n] for n in sorted(publication.files)))
    # The version names the day and the exact bytes published.
    version = f"{publication.day.isoformat()}-{digest.hexdigest()[:8]}"
    out.add((dataset, DCAT_VERSION, Literal(version)))
    out.add((dataset, DCTERMS.language, URIRef(EU + "language/FRA")))
    out.add((dataset, DCAT.landingPage, URIRef(publication.url)))
    for keyword in KEYWORDS:
        out.add((dataset, DCAT.keyword, Literal(keyword, lang="fr")))
    for theme in THEMES:
        out.add((dataset, DCAT.theme, URIRef(EU + "data-theme/" + theme)))
    for standard in (URIRef(ONTOLOGY_IRI), SHAPES_IRI):
        out.add((dataset, DCTERMS.conformsTo, standard))
        out.add((standard, RDF.type, DCTERMS.Standard))
    source = _text(graph, roadmap, DCTERMS.source)
    if source:
        out.add((dataset, DCTERMS.source, Literal(source)))
    out.add((dataset, DCTERMS.creator, Literal(f"feuille-de-route {__version__}")))
    _licence(graph, roadmap, out, dataset)
    _dates(out, dataset, publication.day)


def _distribution(
    graph: Graph,
    roadmap: URIRef,
    out: Graph,
    dataset: URIRef,
    name: str,
    publication: Publication,
) -> None:
    suffix = "." + name.rsplit(".", 1)[-1]
    if name not in EXPORT_NAMES or suffix not in MEDIA_TYPES:
        return  # contexte.jsonld, for one, is no distribution of the dataset
    media, file_type, label = MEDIA_TYPES[suffix]
    node = URIRef(f"{roadmap}catalogue#distribution-{suffix[1:]}")
    url = URIRef(publication.url + name)
    data = publication.files[name]
    out.add((dataset, DCAT.distribution, node))
    out.add((dataset, VOID.dataDump, url))
    out.add((node, RDF.type, DCAT.Distribution))
    out.add((node, DCTERMS.title, Literal(f"Graphe de la feuille de route en {label}", lang="fr")))
    out.add((node, DCAT.accessURL, url))
    out.add((node, DCAT.downloadURL, url))
    out.add((node, DCAT.mediaType, URIRef(IANA + media)))
    out.add((node, DCTERMS.format, URIRef(EU + "file-type/" + file_type)))
    out.add((node, DCAT.byteSize, Literal(len(data), datatype=XSD.nonNegativeInteger)))
    checksum = BNode(f"sha256-{suffix[1:]}")
    out.add((node, SPDX.checksum, checksum))
    out.add((checksum, RDF.type, SPDX.Checksum))
    out.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    out.add(
        (
            checksum,
            SPDX.checksumValue,
            Literal(hashlib.sha256(data).hexdigest(), datatype=XSD.hexBinary),
        )
    )
    _licence(graph, roadmap, out, node)
    _dates(out, node, publication.day)


def _statistics(graph: Graph, out: Graph, dataset: URIRef, base: str) -> None:
    """VoID: triples, entities (IRI subjects), one partition per class and property."""
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    out.add((dataset, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    out.add((dataset, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    out.add((dataset, VOID.uriSpace, Literal(base)))
    classes = Counter(o for _, o in graph.subject_objects(RDF.type) if isinstance(o, URIRef))
    for cls, count in sorted(classes.items()):
        part = URIRef(f"{base}catalogue#classe-{_slug(cls)}")
        out.add((dataset, VOID.classPartition, part))
        out.add((part, VOID["class"], cls))
        out.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    properties = Counter(p for _, p, _ in graph)
    for prop, count in sorted(properties.items()):
        part = URIRef(f"{base}catalogue#propriete-{_slug(prop)}")
        out.add((dataset, VOID.propertyPartition, part))
        out.add((part, VOID.property, prop))
        out.add((part, VOID.triples, Literal(count, datatype=XSD.integer)))


def _slug(iri: object) -> str:
    """A fragment naming a partition: the term's local name and a short hash of its IRI."""
    text = str(iri)
    local = text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    local = "".join(c if c.isascii() and c.isalnum() else "-" for c in local) or "terme"
    return f"{local}-{hashlib.sha256(text.encode()).hexdigest()[:6]}"
