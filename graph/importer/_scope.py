"""What a source may describe: its own things, under its own base IRI — nothing else.

The rule (docs/architecture.md, « Importer : portée d'une source »). A source describing
the roadmap whose IRI is ``B`` (its base IRI, ending with ``/`` or ``#``):

- may state anything about an IRI starting with ``B``, unless that IRI also starts with
  the IRI of another roadmap the store holds (a territory nested in another's space);
- may state about a national node (``…/geo/{commune|epci|departement|region}/{code}``)
  only its INSEE class, its code (the IRI's own), for a commune its département and
  for a département its région;
  about a national organisation (``…/organisation/{siret|siren|rna}/{number}``) only
  ``a fdr:Organisation``, its number as ``dcterms:identifier`` and, for a SIRET, its
  legal unit (``org:subOrganizationOf`` the ``…/siren/`` of its first nine digits);
- may state anything about its own blank nodes;
- states nothing about any other IRI: the ontology's (``fdr:``, its schemes), the
  project's shared spaces (``https://w3id.org/feuille-de-route/…`` outside
  ``territoires/``: programmes, mednum, geo), another territory's, or anyone else's;
- points to no IRI of another roadmap the store holds (except by ``rdfs:seeAlso``), and
  attaches nothing to another roadmap (``fdr:feuilleDeRoute`` names ``B`` only): so no
  source can add a node, a link or a status to another territory's answers.
"""

import re
from collections.abc import Iterable, Iterator

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import is_http_iri, terminal_safe

from ._errors import SourceError

__all__ = ["ONTOLOGY_SPACE", "SHARED_SPACE", "TERRITORIES_SPACE", "check_scope"]

SHARED_SPACE = "https://w3id.org/feuille-de-route/"
TERRITORIES_SPACE = SHARED_SPACE + "territoires/"
ONTOLOGY_SPACE = SHARED_SPACE + "ontologie"
_FDR = ONTOLOGY_SPACE + "#"
_IGEO = "http://rdf.insee.fr/def/geo#"
_NATIONAL = re.compile(
    r"^https://w3id\.org/feuille-de-route/geo/(commune|epci|departement|region)/([0-9AB]+)$"
)
_NATIONAL_CLASS = {
    "commune": URIRef(_IGEO + "Commune"),
    "epci": URIRef(_IGEO + "Intercommunalite"),
    "departement": URIRef(_IGEO + "Departement"),
    "region": URIRef(_IGEO + "Region"),
}
_DEPARTEMENT = re.compile(r"^https://w3id\.org/feuille-de-route/geo/departement/[0-9AB]+$")
_REGION = re.compile(r"^https://w3id\.org/feuille-de-route/geo/region/[0-9]+$")
_ORGANISATION = re.compile(
    r"^https://w3id\.org/feuille-de-route/organisation/"
    r"(siret/[0-9]{14}|siren/[0-9]{9}|rna/W[0-9A-Z][0-9]{8})$"
)
_DCTERMS_IDENTIFIER = URIRef("http://purl.org/dc/terms/identifier")
_SUB_ORGANIZATION_OF = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
_SHOWN = 5  # offending statements quoted in the message


def _organisation_statement_allowed(iri: str, predicate: Node, value: Node) -> bool:
    kind, number = iri.rsplit("/", 2)[1:]
    if predicate == RDF.type:
        return value == URIRef(_FDR + "Organisation")
    if predicate == _DCTERMS_IDENTIFIER:
        return isinstance(value, Literal) and str(value) == number and value.language is None
    if predicate == _SUB_ORGANIZATION_OF:
        return kind == "siret" and str(value) == f"{iri.rsplit('/', 2)[0]}/siren/{number[:9]}"
    return False


def _national_statement_allowed(kind: str, code: str, predicate: Node, value: Node) -> bool:
    if predicate == RDF.type:
        return value == _NATIONAL_CLASS[kind]
    if predicate == URIRef(_IGEO + "codeINSEE"):
        return isinstance(value, Literal) and str(value) == code and value.language is None
    if predicate == URIRef(_FDR + "departement"):
        return kind == "commune" and _DEPARTEMENT.match(str(value)) is not None
    if predicate == URIRef(_FDR + "region"):
        return kind == "departement" and _REGION.match(str(value)) is not None
    return False


def _separators(iri: str) -> Iterator[int]:
    """The end of each prefix of ``iri`` that stops after a ``/`` or a ``#``."""
    for separator in "/#":
        found = iri.find(separator)
        while found != -1:
            yield found + 1
            found = iri.find(separator, found + 1)


class _Others:
    """The other roadmaps of the store, to find the one whose space holds an IRI."""

    def __init__(self, stored: Iterable[str], roadmap: str) -> None:
        others = {s for s in stored if s != roadmap}
        self.closed = frozenset(o for o in others if o.endswith(("/", "#")))
        self.open = tuple(sorted(others - self.closed))

    def owner(self, iri: str) -> str | None:
        """The roadmap IRI that is a prefix of ``iri`` (looked up at each ``/`` and ``#``
        of ``iri``, not against every roadmap; those ending otherwise, one by one)."""
        if self.closed:
            for end in _separators(iri):
                if iri[:end] in self.closed:
                    return iri[:end]
        return next((o for o in self.open if iri.startswith(o)), None)


def _subject_problem(subject: Node, roadmap: str, others: _Others) -> str | None:
    """Why ``subject`` is outside the source's scope (None: inside, or national)."""
    if isinstance(subject, BNode):
        return None
    iri = str(subject)
    owner = others.owner(iri)
    if owner is not None:
        return f"IRI d'un autre territoire (feuille de route <{owner}> déjà dans le stockage)"
    if iri.startswith(roadmap) or _NATIONAL.match(iri) or _ORGANISATION.match(iri):
        return None
    if iri.startswith(ONTOLOGY_SPACE):
        return "IRI de l'ontologie : une source ne redéfinit pas le vocabulaire"
    if iri.startswith(SHARED_SPACE) and not iri.startswith(TERRITORIES_SPACE):
        return "IRI d'un espace partagé du projet (programmes, lieux de médiation, géographie)"
    return f"IRI hors de l'IRI de base de la feuille de route <{roadmap}>"


def _statement_problem(
    triple: tuple[Node, Node, Node], roadmap: str, others: _Others
) -> str | None:
    subject, predicate, value = triple
    problem = _subject_problem(subject, roadmap, others)
    if problem is not None:
        return problem
    national = _NATIONAL.match(str(subject)) if isinstance(subject, URIRef) else None
    if national and not _national_statement_allowed(
        national.group(1), national.group(2), predicate, value
    ):
        return (
            "énoncé non permis sur un nœud national partagé (seuls sa classe INSEE, son code, "
            "son département pour une commune et sa région pour un département)"
        )
    organisation = _ORGANISATION.match(str(subject)) if isinstance(subject, URIRef) else None
    if organisation and not _organisation_statement_allowed(str(subject), predicate, value):
        return (
            "énoncé non permis sur une organisation nationale partagée (seuls sa classe "
            "fdr:Organisation, son identifiant et, pour un SIRET, son unité légale)"
        )
    if predicate == URIRef(_FDR + "feuilleDeRoute") and str(value) != roadmap:
        return f"rattache un nœud à une autre feuille de route que <{roadmap}>"
    if isinstance(value, URIRef) and predicate != RDFS.seeAlso:
        owner = others.owner(str(value))
        if owner is not None:
            return f"lien vers un nœud d'un autre territoire (feuille de route <{owner}>)"
    return None


def _check_base(roadmap: str) -> None:
    if not is_http_iri(roadmap) or not roadmap.endswith(("/", "#")):
        raise SourceError(
            f"IRI de feuille de route <{terminal_safe(roadmap[:200])}> refusée : c'est l'IRI "
            "de base du territoire, une adresse http(s) finissant par « / » ou « # », sous "
            "laquelle sont tous ses nœuds"
        )
    if roadmap.startswith(SHARED_SPACE) and not roadmap.startswith(TERRITORIES_SPACE):
        raise SourceError(
            f"IRI de feuille de route <{terminal_safe(roadmap[:200])}> refusée : elle est dans "
            f"un espace partagé du projet ; les territoires sont sous {TERRITORIES_SPACE}"
        )


def check_scope(graph: Graph, roadmap: str, stored: Iterable[str]) -> None:
    """Raise a French :class:`SourceError` quoting the first statements of ``graph`` that
    describe something outside the roadmap ``roadmap``'s scope; ``stored``: the IRIs of
    the roadmaps the store holds (``roadmap`` itself, a previous version, is left out)."""
    _check_base(roadmap)
    others = _Others(stored, roadmap)
    owner = others.owner(roadmap)
    if owner is not None:
        raise SourceError(
            f"la feuille de route <{terminal_safe(roadmap)}> est dans l'espace d'un autre "
            f"territoire (feuille de route <{terminal_safe(owner)}> déjà dans le stockage)"
        )
    problems = [
        (triple, problem)
        for triple in graph
        if (problem := _statement_problem(triple, roadmap, others)) is not None
    ]
    problems.sort(key=lambda found: tuple(map(str, found[0])))
    count = len(problems)
    found = [
        f"  - {' '.join(_term(term) for term in triple)} : {problem}"
        for triple, problem in problems[:_SHOWN]
    ]
    if found:
        more = f"\n  … et {count - len(found)} autres" if count > len(found) else ""
        raise SourceError(
            f"refusée : {count} énoncé{'s' if count > 1 else ''} hors de la portée de la "
            f"source (une source ne décrit que ce qui est sous son IRI de base <{roadmap}>) :\n"
            + "\n".join(found)
            + more
        )


def _term(term: Node) -> str:
    text = f"<{term}>" if isinstance(term, URIRef) else term.n3()
    return terminal_safe(text if len(text) <= 120 else text[:117] + "…")
