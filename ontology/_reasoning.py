"""OWL consistency of ontology + data with HermiT (through owlready2), and its inferences.

owlready2 neither reads nor writes Turtle, so the graphs travel as N-Triples: rdflib
serialises ontology + data, a fresh owlready2 ``World`` loads them (one world per call,
so that runs never leak into each other), HermiT classifies and realises, and the
inferred triples are read back from the world.
"""

import io
import os
import shutil
import time
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from feuille_de_route import UserError

from ._explanation import explain_inconsistency
from ._loading import load_ontology
from ._paths import FDR, SUIVI_PATH
from ._terms import short_name

__all__ = ["JAVA_HINT", "ConsistencyResult", "check_consistency", "java_executable"]

# How to get Java where it is missing, in French, for every message that needs it.
JAVA_HINT = (
    "Pour l'activer, installez Java : « apt-get install default-jre-headless » (Debian, "
    "Ubuntu), ou indiquez le dossier d'un Java installé dans la variable JAVA_HOME."
)

# The base under which owlready2 files the loaded triples; never seen by users.
_WORK_IRI = "urn:feuille-de-route:raisonnement/"


@dataclass
class ConsistencyResult:
    """What HermiT concluded about ontology + data.

    ``inferred`` holds only the triples the reasoner added that the contract cares
    about: ``?chantier fdr:mobiliseOperante ?ressource`` and
    ``?mobilisation rdf:type fdr:MobilisationOperante``. ``explanation`` is French.
    """

    consistent: bool
    explanation: str
    inferred: Graph = field(default_factory=Graph)
    unsatisfiable: list[URIRef] = field(default_factory=list)
    seconds: float = 0.0

    def text(self) -> str:
        """A French paragraph for the command line."""
        return self.explanation


def java_executable() -> str:
    """The Java command HermiT will run with; a French :class:`UserError` if there is none."""
    import owlready2

    configured = str(getattr(owlready2, "JAVA_EXE", "") or "")
    for candidate in (configured, os.environ.get("JAVA_HOME", "") + "/bin/java", "java"):
        if not candidate or candidate == "/bin/java":
            continue
        found = shutil.which(candidate)
        if found:
            return found
    raise UserError(
        "Java est introuvable (ni JAVA_HOME, ni « java » dans le PATH) : le raisonneur "
        f"HermiT en a besoin pour vérifier la cohérence OWL. {JAVA_HINT} Sinon, utilisez "
        "l'option --sans-raisonneur."
    )


def _default_ontology() -> Graph:
    """``fdr.ttl`` with the follow-up of actions (``suivi.ttl``), whose terms are fdr:'s."""
    ontology = load_ontology()
    ontology.parse(SUIVI_PATH, format="turtle")
    return ontology


def check_consistency(data: Graph, ontology: Graph | None = None) -> ConsistencyResult:
    """Run HermiT on ``ontology`` (``fdr.ttl`` and ``suivi.ttl`` unless given) plus ``data``.

    Returns whether they are consistent, the unsatisfiable classes, and the inferred
    shortcut triples. Literals whose datatype is outside the OWL 2 datatype map (such
    as the ``xsd:date`` of ``fdr:depuis``) are ignored by the reasoner; the SHACL
    shapes check them. Raises :class:`UserError` when Java is missing or HermiT fails.
    """
    import owlready2

    owlready2.JAVA_EXE = java_executable()
    merged = Graph()
    for graph in (_default_ontology() if ontology is None else ontology, data):
        # triples(), not iteration: a Dataset iterates over quads.
        for triple in graph.triples((None, None, None)):
            merged.add(triple)
    # owl:imports would send HermiT to the network; everything it needs is merged here.
    merged.remove((None, OWL.imports, None))

    world = owlready2.World()
    started = time.perf_counter()
    try:
        world.get_ontology(_WORK_IRI).load(
            fileobj=io.BytesIO(merged.serialize(format="nt", encoding="utf-8")),
            format="ntriples",
        )
        owlready2.sync_reasoner_hermit(
            world,
            infer_property_values=True,
            ignore_unsupported_datatypes=True,
            debug=0,
        )
    except owlready2.OwlReadyInconsistentOntologyError:
        return ConsistencyResult(
            consistent=False,
            explanation=explain_inconsistency(merged),
            seconds=time.perf_counter() - started,
        )
    except owlready2.OwlReadyJavaError as exc:
        first_lines = "\n".join(str(exc).strip().splitlines()[:4])
        raise UserError(
            f"Le raisonneur HermiT a échoué sur le graphe (le graphe n'est peut-être pas "
            f"un document OWL 2 DL valide) : {first_lines}"
        ) from exc
    finally:
        seconds = time.perf_counter() - started

    try:
        inferred = _inferred(world.as_rdflib_graph(), data)
        unsatisfiable = sorted(
            URIRef(cls.iri)
            for cls in world.inconsistent_classes()
            if getattr(cls, "iri", "").startswith(str(FDR))
        )
    finally:
        world.close()
    return ConsistencyResult(
        consistent=True,
        explanation=_consistent_text(inferred, unsatisfiable),
        inferred=inferred,
        unsatisfiable=unsatisfiable,
        seconds=seconds,
    )


def _inferred(reasoned: Graph, data: Graph) -> Graph:
    inferred = Graph()
    inferred.bind("fdr", FDR)
    candidates = [
        *reasoned.triples((None, FDR.mobiliseOperante, None)),
        *reasoned.triples((None, RDF.type, FDR.MobilisationOperante)),
    ]
    for triple in candidates:
        if triple not in data:
            inferred.add(triple)
    return inferred


def _consistent_text(inferred: Graph, unsatisfiable: list[URIRef]) -> str:
    operating = len(set(inferred.subjects(RDF.type, FDR.MobilisationOperante)))
    shortcuts = len(set(inferred.triples((None, FDR.mobiliseOperante, None))))
    text = (
        f"Cohérence OWL (HermiT) : le graphe est cohérent avec l'ontologie. "
        f"Inférés : {operating} mobilisation(s) opérante(s), "
        f"{shortcuts} lien(s) « mobilise (opérante) » entre chantier et ressource."
    )
    if unsatisfiable:
        names = ", ".join(short_name(iri) for iri in unsatisfiable)
        text += f"\nAttention : classes insatisfiables (aucun individu possible) : {names}."
    return text
