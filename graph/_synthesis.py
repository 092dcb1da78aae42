"""A roadmap's « synthèse »: its place and its counts, computed from its own triples.

National questions (counts by département or région, who operates a programme
elsewhere) read a few lines per roadmap instead of every chantier, link and resource of
every roadmap. The lines are computed by one shipped CONSTRUCT query (``synthese.rq``,
standard SPARQL 1.1), never taken from a source: whatever a source states in the
synthesis vocabulary (``fdr:Synthese``, ``fdr:LigneDeSynthese`` and their properties)
or about a synthesis IRI (``{roadmap}synthese``, ``{roadmap}synthese/…``) is dropped
first (:func:`without_synthesis`), then the synthesis is computed again. The ontology
declares the vocabulary (``fdr.ttl``, « a roadmap's synthèse ») and the shapes check it.
"""

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import OWL, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Identifier, Node

from feuille_de_route.ontology import load_ontology

from ._namespaces import FDR, RDF
from .store._terms import from_oxigraph, ntriples

if TYPE_CHECKING:
    from .store._oxigraph import OxigraphStore

__all__ = [
    "complete_synthesis",
    "synthesis_in",
    "synthesis_quads",
    "synthesis_vocabulary",
    "with_synthesis",
    "without_synthesis",
]

_QUERY_PATH = Path(__file__).resolve().parent / "synthese.rq"


@functools.cache
def synthesis_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The synthèse's (classes, properties), as ``fdr.ttl`` declares them (its one source):
    ``fdr:Synthese``, ``fdr:LigneDeSynthese`` and its subclasses, and every property
    whose domain is one of them or a union of them."""
    ontology = load_ontology()
    classes = {FDR.Synthese, *ontology.transitive_subjects(RDFS.subClassOf, FDR.LigneDeSynthese)}
    properties = {
        prop
        for prop, domain in ontology.subject_objects(RDFS.domain)
        if set(_members(ontology, domain)) <= classes
    }
    return frozenset(map(str, classes)), frozenset(map(str, properties))


def _members(ontology: Graph, domain: Node) -> list[Node]:
    """A domain's classes: the members of an ``owl:unionOf``, else the domain itself."""
    union = ontology.value(domain, OWL.unionOf)
    return list(Collection(ontology, union)) if union is not None else [domain]


_TYPE = str(RDF.type)
_ROADMAP = ox.NamedNode(str(FDR.FeuilleDeRoute))


@functools.cache
def _query() -> str:
    return _QUERY_PATH.read_text(encoding="utf-8")


def _roadmaps(quads: Iterable[ox.Quad]) -> set[str]:
    return {
        q.subject.value
        for q in quads
        if q.predicate.value == _TYPE
        and q.object == _ROADMAP
        and isinstance(q.subject, ox.NamedNode)
    }


def _spaces(roadmaps: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{roadmap}synthese" for roadmap in sorted(roadmaps))


def _is_synthesis(
    subject: str | None, predicate: str, kind: str | None, spaces: Sequence[str]
) -> bool:
    """Whether a statement (its subject's and object's IRIs, None for anything else)
    belongs to the synthesis: its vocabulary, or a synthesis IRI as subject."""
    classes, properties = synthesis_vocabulary()
    if predicate in properties:
        return True
    if predicate == _TYPE and kind in classes:
        return True
    return subject is not None and any(
        subject == space or subject.startswith(space + "/") for space in spaces
    )


def _iri(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def without_synthesis(quads: Sequence[ox.Quad]) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """``quads`` split into (kept, dropped): dropped are the statements in the synthesis
    vocabulary and every statement about a roadmap's synthesis IRIs."""
    spaces = _spaces(_roadmaps(quads))
    kept: list[ox.Quad] = []
    dropped: list[ox.Quad] = []
    for q in quads:
        synthesis = _is_synthesis(_iri(q.subject), q.predicate.value, _iri(q.object), spaces)
        (dropped if synthesis else kept).append(q)
    return kept, dropped


def synthesis_quads(quads: Sequence[ox.Quad]) -> list[ox.Quad]:
    """The synthesis of the roadmaps of ``quads`` (default-graph quads, no synthesis in
    them), computed by ``synthese.rq`` in an in-memory Oxigraph."""
    store = ox.Store()
    store.extend(quads)
    return synthesis_in(store)


def synthesis_in(store: ox.Store) -> list[ox.Quad]:
    """The synthesis of the roadmaps in ``store``'s default graph (no synthesis in it):
    the importer passes the in-memory store its compiled shapes have just read."""
    triples = store.query(_query())
    return [ox.Quad(t.subject, t.predicate, t.object) for t in triples]  # type: ignore[union-attr]


def with_synthesis(graph: Graph) -> Graph:
    """``graph`` (changed in place, and returned) with its roadmaps' synthesis computed
    again: any synthesis it stated is dropped first."""
    roadmaps = {
        str(s) for s in graph.subjects(RDF.type, FDR.FeuilleDeRoute) if isinstance(s, URIRef)
    }
    spaces = _spaces(roadmaps)
    for triple in list(graph):
        s, p, o = triple
        subject = str(s) if isinstance(s, URIRef) else None
        kind = str(o) if isinstance(o, URIRef) else None
        if _is_synthesis(subject, str(p), kind, spaces):
            graph.remove(triple)
    store = ox.Store()
    store.load(ntriples(graph), format=ox.RdfFormat.N_TRIPLES)
    cache: dict[Any, Identifier | None] = {}
    for quad in synthesis_in(store):
        graph.add(tuple(from_oxigraph(t, cache) for t in quad.triple))  # type: ignore[arg-type]
    return graph


def complete_synthesis(store: "OxigraphStore") -> list[str]:
    """Compute the synthèse of each roadmap ``store`` holds in the graph of its IRI
    without one (no ``{roadmap}synthese``, the IRI ``synthese.rq`` gives it) or with
    one an earlier version computed (:func:`_dated`): a store filled by an earlier
    version, whose roadmaps the national questions would silently leave out. Each graph
    is replaced at once with its synthèse (``add_quads``: atomic). The IRIs of the
    roadmaps completed, in order."""
    done = store.typed(str(FDR.Synthese))
    dated = _dated(store)
    names = sorted(
        name
        for name, roadmap in store.typed(_ROADMAP.value)
        if name == roadmap and ((name, f"{name}synthese") not in done or name in dated)
    )
    for name in names:
        quads = [ox.Quad(q.subject, q.predicate, q.object) for q in store.graph_quads(name)]
        kept, _ = without_synthesis(quads)
        store.add_quads([*kept, *synthesis_quads(kept)], name)
    return names


# The named graphs holding a theme or programme line without its own key, found by
# Oxigraph on its encoded terms (MINUS joins by hashing): scanning the lines' quads from
# Python decoded every IRI, 0.4 to 0.8 s at 1,255 roadmaps on each opening of a store.
_DATED = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT DISTINCT ?graphe WHERE {
  GRAPH ?graphe {
    { { ?ligne a fdr:SyntheseTheme } MINUS { ?ligne fdr:cleTheme ?cle } }
    UNION { { ?ligne a fdr:SyntheseProgramme } MINUS { ?ligne fdr:cleProgramme ?cle } }
  }
}
"""


def _dated(store: "OxigraphStore") -> set[str]:
    """The graphs holding a theme or programme line without its own key: a synthèse
    computed before 2 December 2026, whose lines lack what the national counts now
    read (their key, counts and place under the names ``synthese.rq`` gives them). A
    synthèse is computed whole, so one line tells."""
    return {str(row["graphe"]) for row in store.select(_DATED, {}).rows}
