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

The statements are read as Oxigraph terms (``Statements``), as the import reads them; an
rdflib graph (``versions ajouter``) is converted first.
"""

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from feuille_de_route import is_http_iri, terminal_safe
from feuille_de_route.ontology import FDR, ONTOLOGY_IRI, TERRITORIES

from .._namespaces import IGEO
from ._errors import SourceError
from ._statements import RDF_TYPE, Statements

__all__ = ["ONTOLOGY_SPACE", "SHARED_SPACE", "check_scope"]

SHARED_SPACE = "https://w3id.org/feuille-de-route/"
ONTOLOGY_SPACE = str(ONTOLOGY_IRI)
_FDR = str(FDR)
_IGEO = str(IGEO)
_NATIONAL = re.compile(
    r"^https://w3id\.org/feuille-de-route/geo/(commune|epci|departement|region)/([0-9AB]+)$"
)
_NATIONAL_CLASS = {
    "commune": ox.NamedNode(_IGEO + "Commune"),
    "epci": ox.NamedNode(_IGEO + "Intercommunalite"),
    "departement": ox.NamedNode(_IGEO + "Departement"),
    "region": ox.NamedNode(_IGEO + "Region"),
}
_DEPARTEMENT = re.compile(r"^https://w3id\.org/feuille-de-route/geo/departement/[0-9AB]+$")
_REGION = re.compile(r"^https://w3id\.org/feuille-de-route/geo/region/[0-9]+$")
_ORGANISATION = re.compile(
    r"^https://w3id\.org/feuille-de-route/organisation/"
    r"(siret/[0-9]{14}|siren/[0-9]{9}|rna/W[0-9A-Z][0-9]{8})$"
)
_DCTERMS_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_SUB_ORGANIZATION_OF = ox.NamedNode("http://www.w3.org/ns/org#subOrganizationOf")
_ORGANISATION_CLASS = ox.NamedNode(_FDR + "Organisation")
_CODE_INSEE = ox.NamedNode(_IGEO + "codeINSEE")
_FDR_DEPARTEMENT = ox.NamedNode(_FDR + "departement")
_FDR_REGION = ox.NamedNode(_FDR + "region")
_FDR_FEUILLE_DE_ROUTE = ox.NamedNode(_FDR + "feuilleDeRoute")
_SEE_ALSO = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
Term = Any  # a pyoxigraph NamedNode, BlankNode or Literal
_SHOWN = 5  # offending statements quoted in the message


def _plain(value: Term, text: str) -> bool:
    """Whether ``value`` is the literal ``text`` without a language."""
    return isinstance(value, ox.Literal) and value.value == text and value.language is None


def _iri(value: Term) -> str | None:
    return value.value if isinstance(value, ox.NamedNode) else None


def _organisation_statement_allowed(iri: str, predicate: Term, value: Term) -> bool:
    kind, number = iri.rsplit("/", 2)[1:]
    if predicate == RDF_TYPE:
        return bool(value == _ORGANISATION_CLASS)
    if predicate == _DCTERMS_IDENTIFIER:
        return _plain(value, number)
    if predicate == _SUB_ORGANIZATION_OF:
        return kind == "siret" and _text(value) == f"{iri.rsplit('/', 2)[0]}/siren/{number[:9]}"
    return False


def _national_statement_allowed(kind: str, code: str, predicate: Term, value: Term) -> bool:
    if predicate == RDF_TYPE:
        return bool(value == _NATIONAL_CLASS[kind])
    if predicate == _CODE_INSEE:
        return _plain(value, code)
    if predicate == _FDR_DEPARTEMENT:
        return kind == "commune" and _DEPARTEMENT.match(_text(value)) is not None
    if predicate == _FDR_REGION:
        return kind == "departement" and _REGION.match(_text(value)) is not None
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
        # An IRI comes back in many statements (as subject, then as object): each is
        # looked up once. Bounded by the source's own IRIs, read within its limits.
        self._owners: dict[str, str | None] = {}

    def owner(self, iri: str) -> str | None:
        """The roadmap IRI that is a prefix of ``iri`` (looked up at each ``/`` and ``#``
        of ``iri``, not against every roadmap; those ending otherwise, one by one)."""
        if iri in self._owners:
            return self._owners[iri]
        found = self._owners[iri] = self._find(iri)
        return found

    def _find(self, iri: str) -> str | None:
        if self.closed:
            for end in _separators(iri):
                if iri[:end] in self.closed:
                    return iri[:end]
        return next((o for o in self.open if iri.startswith(o)), None)


def _subject_problem(subject: Term, roadmap: str, others: _Others) -> str | None:
    """Why ``subject`` is outside the source's scope (None: inside, or national)."""
    if not isinstance(subject, ox.NamedNode):
        return None  # a blank node
    iri = subject.value
    owner = others.owner(iri)
    if owner is not None:
        return f"IRI d'un autre territoire (feuille de route <{owner}> déjà dans le stockage)"
    if iri.startswith(roadmap) or _NATIONAL.match(iri) or _ORGANISATION.match(iri):
        return None
    if iri.startswith(ONTOLOGY_SPACE):
        return "IRI de l'ontologie : une source ne redéfinit pas le vocabulaire"
    if iri.startswith(SHARED_SPACE) and not iri.startswith(TERRITORIES):
        return "IRI d'un espace partagé du projet (programmes, lieux de médiation, géographie)"
    return f"IRI hors de l'IRI de base de la feuille de route <{roadmap}>"


def _statement_problem(quad: ox.Quad, roadmap: str, others: _Others) -> str | None:
    subject, predicate, value = quad.subject, quad.predicate, quad.object
    problem = _subject_problem(subject, roadmap, others)
    if problem is not None:
        return problem
    iri = _iri(subject)
    national = _NATIONAL.match(iri) if iri is not None else None
    if national and not _national_statement_allowed(
        national.group(1), national.group(2), predicate, value
    ):
        return (
            "énoncé non permis sur un nœud national partagé (seuls sa classe INSEE, son code, "
            "son département pour une commune et sa région pour un département)"
        )
    organisation = _ORGANISATION.match(iri) if iri is not None else None
    if (
        organisation
        and iri is not None
        and not _organisation_statement_allowed(iri, predicate, value)
    ):
        return (
            "énoncé non permis sur une organisation nationale partagée (seuls sa classe "
            "fdr:Organisation, son identifiant et, pour un SIRET, son unité légale)"
        )
    if predicate == _FDR_FEUILLE_DE_ROUTE and _text(value) != roadmap:
        return f"rattache un nœud à une autre feuille de route que <{roadmap}>"
    if isinstance(value, ox.NamedNode) and predicate != _SEE_ALSO:
        owner = others.owner(value.value)
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
    if roadmap.startswith(SHARED_SPACE) and not roadmap.startswith(TERRITORIES):
        raise SourceError(
            f"IRI de feuille de route <{terminal_safe(roadmap[:200])}> refusée : elle est dans "
            f"un espace partagé du projet ; les territoires sont sous {TERRITORIES}"
        )


def check_scope(graph: Graph | Statements, roadmap: str, stored: Iterable[str]) -> None:
    """Raise a French :class:`SourceError` quoting the first statements of ``graph`` that
    describe something outside the roadmap ``roadmap``'s scope; ``stored``: the IRIs of
    the territories the store holds (``stored_roadmaps``: roadmaps, and the bases of lieux
    imported alone), ``roadmap`` itself, a previous version, left out."""
    _check_base(roadmap)
    others = _Others(stored, roadmap)
    owner = others.owner(roadmap)
    if owner is not None:
        raise SourceError(
            f"la feuille de route <{terminal_safe(roadmap)}> est dans l'espace d'un autre "
            f"territoire (feuille de route <{terminal_safe(owner)}> déjà dans le stockage)"
        )
    statements = graph if isinstance(graph, Statements) else Statements.from_rdflib(graph)
    problems = [
        (quad, problem)
        for quad in statements
        if (problem := _statement_problem(quad, roadmap, others)) is not None
    ]
    problems.sort(key=lambda found: tuple(map(_text, found[0].triple)))
    count = len(problems)
    found = [
        f"  - {' '.join(_term(term) for term in quad.triple)} : {problem}"
        for quad, problem in problems[:_SHOWN]
    ]
    if found:
        more = f"\n  … et {count - len(found)} autres" if count > len(found) else ""
        raise SourceError(
            f"refusée : {count} énoncé{'s' if count > 1 else ''} hors de la portée de la "
            f"source (une source ne décrit que ce qui est sous son IRI de base <{roadmap}>) :\n"
            + "\n".join(found)
            + more
        )


def _text(term: Term) -> str:
    """The term's IRI, lexical form or blank node label (as rdflib's ``str``)."""
    return str(term.value)


def _term(term: Term) -> str:
    """The term quoted as in N-Triples (a plain literal without its datatype)."""
    text = str(term)
    return terminal_safe(text if len(text) <= 120 else text[:117] + "…")
