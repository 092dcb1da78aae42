"""The versions of roadmaps, each in its own named graph of an Oxigraph store of its own.

A version of the roadmap ``R`` dated ``D`` has the IRI ``{R}version/{D}`` (ISO date) and
lives in the named graph of that IRI, unchanged; its description — standard terms only —
is in the named graph ``{R}version/``, rewritten with the version in one update:

    <{R}version/{D}> a prov:Entity ; dcterms:isVersionOf <{R}> ;
        dcterms:issued "D"^^xsd:date ; owl:versionInfo "D" ; dcat:version "D" ;
        prov:wasRevisionOf <{R}version/{previous D}> ; void:triples N .
    <{R}> dcterms:hasVersion <{R}version/{D}> .

This store is never read by the catalogue: its union would mix the versions of one
roadmap (see :func:`~._keep.add_version`, which puts the latest in the store the
catalogue reads).
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, XSD
from rdflib.term import Node

from feuille_de_route import UserError, is_http_iri

from ..store import StoreError, roadmap_graph_name
from ..store._terms import check_iri, from_oxigraph, ntriples

__all__ = ["Version", "VersionStore", "registry_iri", "version_iri"]

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3, not in rdflib's DCAT

_LIST = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?version ?roadmap ?day ?triples WHERE {
  GRAPH ?registry {
    ?version dcterms:isVersionOf ?roadmap ; dcterms:issued ?day ; void:triples ?triples .
  }
}
"""


def version_iri(roadmap: str, day: datetime.date) -> str:
    """The IRI of the version of ``roadmap`` dated ``day``: ``{roadmap}version/{AAAA-MM-JJ}``."""
    return f"{roadmap}version/{day.isoformat()}"


def registry_iri(roadmap: str) -> str:
    """The named graph describing the versions of ``roadmap``: ``{roadmap}version/``."""
    return f"{roadmap}version/"


@dataclass(frozen=True)
class Version:
    """One kept version: its IRI (and named graph), roadmap, date and triple count."""

    iri: str
    roadmap: str
    day: datetime.date
    triples: int


class VersionStore:
    """The versions kept in the Oxigraph store at ``folder`` (created if missing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._opened: ox.Store | None = ox.Store(str(self.folder))
        except OSError as exc:
            raise StoreError(
                f"impossible d'ouvrir le stockage des versions {self.folder} : {exc}. "
                "Le dossier est peut-être déjà ouvert par une autre commande."
            ) from exc

    @property
    def _store(self) -> ox.Store:
        if self._opened is None:
            raise StoreError(f"le stockage des versions {self.folder} est fermé.")
        return self._opened

    def close(self) -> None:
        """Release the folder now (see ``OxigraphStore.close``); idempotent."""
        self._opened = None

    def versions(self, roadmap: str | None = None) -> list[Version]:
        """The versions kept (of ``roadmap`` only, when given), by roadmap then date."""
        found = []
        solutions = self._store.query(_LIST)
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            values = [from_oxigraph(row[name], {}) for name in ("version", "roadmap", "day")]
            day = values[2].toPython() if isinstance(values[2], Literal) else None
            if not isinstance(day, datetime.date) or (roadmap and str(values[1]) != roadmap):
                continue
            triples = int(row["triples"].value)
            found.append(Version(str(values[0]), str(values[1]), day, triples))
        return sorted(found, key=lambda v: (v.roadmap, v.day))

    def add(self, graph: Graph, day: datetime.date) -> tuple[Version, bool]:
        """Keep ``graph`` (one roadmap) as its version of ``day``, replacing a version of
        the same day; returns the version and whether it replaced one. The version's graph
        and the description of the roadmap's versions change in one atomic update."""
        roadmap = roadmap_graph_name(graph)
        if not is_http_iri(roadmap) or not roadmap.endswith(("/", "#")):
            raise UserError(
                f"la feuille de route <{roadmap}> n'a pas une IRI de base http(s) finissant "
                "par / ou # : ses versions ne peuvent pas en dériver leur IRI."
            )
        version = Version(version_iri(roadmap, day), roadmap, day, len(graph))
        kept = [v for v in self.versions(roadmap) if v.day != day]
        replaced = len(kept) < len(self.versions(roadmap))
        description = _describe(roadmap, sorted([*kept, version], key=lambda v: v.day))
        self._replace({version.iri: graph, registry_iri(roadmap): description})
        return version, replaced

    def graph(self, version: Version) -> Graph:
        """The roadmap as kept in ``version``."""
        return self._named(version.iri)

    def description(self, roadmap: str) -> Graph:
        """The description of ``roadmap``'s versions (its graph ``{roadmap}version/``)."""
        return self._named(registry_iri(roadmap))

    def _named(self, name: str) -> Graph:
        graph = Graph()
        cache: dict[Any, Any] = {}
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            terms = [from_oxigraph(t, cache) for t in (quad.subject, quad.predicate, quad.object)]
            graph.add(cast(tuple[Node, Node, Node], tuple(terms)))
        return graph

    def _replace(self, graphs: dict[str, Graph]) -> None:
        parts = []
        for name, graph in graphs.items():
            target = f"<{check_iri(name, 'le nom du graphe')}>"
            data = ntriples(graph).decode("utf-8")
            parts.append(
                f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{data}\n}} }}"
            )
        try:
            self._store.update(" ;\n".join(parts))
            self._store.flush()
        except (OSError, SyntaxError, RuntimeError) as exc:
            raise StoreError(f"impossible d'enregistrer la version : {exc}") from exc


def _describe(roadmap: str, versions: list[Version]) -> Graph:
    graph = Graph()
    previous: URIRef | None = None
    for version in versions:
        node = URIRef(version.iri)
        day = version.day.isoformat()
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, DCTERMS.isVersionOf, URIRef(roadmap)))
        graph.add((URIRef(roadmap), DCTERMS.hasVersion, node))
        graph.add((node, DCTERMS.issued, Literal(day, datatype=XSD.date)))
        graph.add((node, OWL.versionInfo, Literal(day)))
        graph.add((node, DCAT_VERSION, Literal(day)))
        graph.add((node, VOID.triples, Literal(version.triples, datatype=XSD.integer)))
        if previous is not None:
            graph.add((node, PROV.wasRevisionOf, previous))
        previous = node
    return graph
