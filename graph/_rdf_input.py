"""RDF files parsed as untrusted input: bounded, never fetching, no XML entities.

Turtle, N-Triples, JSON-LD, RDF/XML, TriG and N-Quads are read whole only after their size
is checked (a dataset's quads are read into one graph, the union of its graphs);
JSON-LD contexts come from :mod:`._jsonld_contexts` (never fetched); RDF/XML with a DTD or
entity declarations is refused before rdflib sees it (no entity expansion); and every IRI of
the result must be one the package can write back, so that no bad term reaches an export.
"""

import json
import logging
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory

from feuille_de_route import is_absolute_iri, terminal_safe

from ._errors import DataError
from ._jsonld_contexts import resolve_contexts
from ._limits import TRIPLES_OPTION, InputLimits, read_bounded
from ._namespaces import FDR, PREFIXES

__all__ = ["parse_rdf"]

_LOGGER = logging.getLogger("feuille_de_route.graph")
_DATASET_FORMATS = {"trig", "nquads"}


def _refuse_xml_declarations(path: Path, data: bytes) -> None:
    """Refuse a DTD, entity declarations and external references (billion laughs, XXE)."""
    import xml.sax

    import defusedxml
    import defusedxml.sax

    try:
        defusedxml.sax.parseString(data, xml.sax.ContentHandler(), forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise DataError(
            f"fichier RDF/XML refusé : déclaration XML interdite par sécurité "
            f"({type(exc).__name__}) ; "
            "retirez le DOCTYPE et ses entités, ou donnez le graphe en Turtle (.ttl)",
            file=str(path),
        ) from None
    except Exception:  # malformed XML: rdflib's own parse gives the message below
        return


def _jsonld_data(path: Path, data: bytes, limits: InputLimits) -> str:
    try:
        document: Any = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise DataError(
            f"fichier RDF illisible (json-ld) : {str(exc)[:300]}", file=str(path)
        ) from None
    return json.dumps(resolve_contexts(document, path, limits))


class _TooManyTriples(Exception):
    pass


class _CountingMemory(Memory):
    """rdflib's memory store, stopping a parse past ``limit`` triples (then lifted)."""

    def __init__(self, limit: float) -> None:
        super().__init__()
        self.limit = limit
        self.count = 0

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _TooManyTriples
        super().add(triple, context, quoted)


def _too_many(path: Path, limits: InputLimits) -> DataError:
    return DataError(
        f"plus de {limits.max_triples} triplets : ce n'est pas une feuille de route ; si "
        f"le fichier est sûr, relevez la limite avec l'option {TRIPLES_OPTION} N",
        file=str(path),
    )


def _count_ahead(path: Path, data: bytes, rdf_format: str, limits: InputLimits, base: str) -> None:
    """Count the triples with Oxigraph's streaming parser (fast) before rdflib's (slow)
    reads them: rdflib parses a whole statement's object list before adding a triple."""
    import itertools

    import pyoxigraph

    formats = {
        "turtle": pyoxigraph.RdfFormat.TURTLE,
        "nt": pyoxigraph.RdfFormat.N_TRIPLES,
        "xml": pyoxigraph.RdfFormat.RDF_XML,
        "trig": pyoxigraph.RdfFormat.TRIG,
        "nquads": pyoxigraph.RdfFormat.N_QUADS,
    }
    if rdf_format not in formats:
        return
    quads = pyoxigraph.parse(data, format=formats[rdf_format], base_iri=base)
    try:
        count = sum(1 for _ in itertools.islice(quads, limits.max_triples + 1))
    except Exception:  # a syntax error: rdflib's own parse reports it below
        return
    if count > limits.max_triples:
        raise _too_many(path, limits)


def _bad_iri(graph: Graph) -> str | None:
    for triple in graph:
        for term in triple:
            iri = term.datatype if isinstance(term, Literal) else term
            if isinstance(iri, URIRef) and not is_absolute_iri(str(iri)):
                return str(iri)
    return None


def _parse(
    path: Path, source: str | bytes, rdf_format: str, limits: InputLimits, base: str
) -> Graph:
    """rdflib's parse of ``source`` into a graph (a dataset's quads: into their graphs,
    then the union of their triples), stopped past the limit of triples."""
    store = _CountingMemory(limits.max_triples)
    target: Graph = Dataset(store=store) if rdf_format in _DATASET_FORMATS else Graph(store=store)
    try:
        target.parse(data=source, format=rdf_format, publicID=base)
    except _TooManyTriples:
        raise _too_many(path, limits) from None
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataError(
            f"fichier RDF illisible ({rdf_format}) : {terminal_safe(first_line[:300])}",
            file=str(path),
        ) from None
    store.limit = float("inf")
    if not isinstance(target, Dataset):
        return target
    union = Graph()
    union.addN((s, p, o, union) for s, p, o, _ in target.quads((None, None, None, None)))
    names = (str(g.identifier) for g in target.graphs() if isinstance(g.identifier, URIRef))
    bad = next((name for name in names if not is_absolute_iri(name)), None)
    if bad is not None:
        raise DataError(f"nom de graphe invalide « {terminal_safe(bad[:200])} »", file=str(path))
    return union


def _say_which_roadmaps(path: Path, graph: Graph) -> None:
    """A dataset file may hold several roadmaps: say that all are read, and how to pick."""
    roadmaps = sorted({str(s) for s in graph.subjects(RDF.type, FDR.FeuilleDeRoute)})
    if len(roadmaps) > 1:
        listed = ", ".join(terminal_safe(r) for r in roadmaps[:10])
        _LOGGER.warning(
            "Remarque : %s contient %d feuilles de route (%s) ; toutes sont lues. Pour "
            "n'en garder qu'une : --param feuilleDeRoute=IRI (requete) ou "
            "--feuille-de-route IRI (carto).",
            terminal_safe(str(path)),
            len(roadmaps),
            listed,
        )


def parse_rdf(path: Path, rdf_format: str, limits: InputLimits, base: str | None = None) -> Graph:
    """The graph of the RDF file ``path`` in ``rdf_format`` (an rdflib name; ``trig`` and
    ``nquads``: the union of the dataset's graphs). Relative IRIs resolve against ``base``
    (default: the file's own ``file:`` URI; the address a fetched file came from). Raises
    :class:`DataError` (French, naming the file) for any bad or hostile input."""
    base = base or path.absolute().as_uri()
    data = read_bounded(path, limits)
    source: str | bytes = data
    if rdf_format == "xml":
        _refuse_xml_declarations(path, data)
    elif rdf_format == "json-ld":
        source = _jsonld_data(path, data, limits)
    _count_ahead(path, data, rdf_format, limits, base)
    graph = _parse(path, source, rdf_format, limits, base)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    bad = _bad_iri(graph)
    if bad is not None:
        raise DataError(
            f"IRI invalide « {terminal_safe(bad[:200])} » : une IRI absolue sans espace ni "
            '<>"{}|^`\\ est attendue (souvent un caractère échappé en \\uXXXX)',
            file=str(path),
        )
    if rdf_format in _DATASET_FORMATS:
        _say_which_roadmaps(path, graph)
    return graph
