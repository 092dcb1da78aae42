"""RDF terms across engines: one normal form, and safe text for the few places that need it.

A plain string literal is ``Literal("x")`` without datatype in every store's results;
engines that make it ``xsd:string`` (RDF 1.1 says they are the same) are normalised here.
Terms written into query text (a ``VALUES`` block, a graph name) are checked and escaped
the N-Triples way, so no value can end a string or an IRI and add SPARQL of its own.
"""

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route import is_absolute_iri

from ._errors import StoreError

__all__ = [
    "check_iri",
    "from_json",
    "from_oxigraph",
    "normalise",
    "ntriples",
    "to_oxigraph",
    "to_sparql",
]

_XSD_STRING = str(XSD.string)
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_LANG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile(r"[\\\"\n\r\t]|[\x00-\x1f\x7f]")


def check_iri(iri: str, what: str = "l'IRI") -> str:
    """Return ``iri`` if it is an absolute IRI that can stand between ``<>``; else fail."""
    if not is_absolute_iri(iri):
        raise StoreError(
            f"{what} « {iri[:200]} » n'est pas une IRI absolue valide "
            '(schéma comme https:, sans espace ni aucun des caractères <>"{{}}|^`\\).'
        )
    return iri


def _escape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        char = match.group(0)
        return _ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return _CONTROL.sub(one, text)


def to_sparql(term: Identifier) -> str:
    """The term as SPARQL text (N-Triples syntax), checked and escaped.

    Blank nodes cannot be bound from outside a query (SPARQL gives them no identity
    there), so they are refused.
    """
    if isinstance(term, URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, Literal):
        text = f'"{_escape(str(term))}"'
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise StoreError(f"étiquette de langue invalide : « {term.language[:50]} ».")
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{check_iri(str(term.datatype), 'le type de donnée')}>"
        return text
    raise StoreError(
        f"valeur impossible à transmettre à une requête : {term!r} "
        "(seules les IRI et les littéraux peuvent l'être)."
    )


def normalise(term: Any) -> Identifier | None:
    """An rdflib result term in normal form: ``xsd:string`` literals become plain."""
    if isinstance(term, Literal) and str(term.datatype) == _XSD_STRING:
        return Literal(str(term))
    return term  # type: ignore[no-any-return]


def to_oxigraph(term: Identifier) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal as a pyoxigraph term (for native substitutions)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(check_iri(str(term)))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(check_iri(str(term.datatype))))
        return ox.Literal(str(term))
    raise StoreError(
        f"valeur impossible à transmettre à une requête : {term!r} "
        "(seules les IRI et les littéraux peuvent l'être)."
    )


def from_oxigraph(term: Any, cache: dict[Any, Identifier | None]) -> Identifier | None:
    """A pyoxigraph result term as an rdflib term; ``cache`` spares rebuilding repeats."""
    if term is None:
        return None
    known = cache.get(term)
    if known is not None:
        return known
    converted: Identifier
    if isinstance(term, ox.NamedNode):
        converted = URIRef(term.value)
    elif isinstance(term, ox.Literal):
        if term.language:
            converted = Literal(term.value, lang=term.language)
        else:
            datatype = term.datatype.value
            converted = (
                Literal(term.value)
                if datatype == _XSD_STRING
                else Literal(term.value, datatype=URIRef(datatype))
            )
    elif isinstance(term, ox.BlankNode):
        converted = BNode(term.value)
    else:
        raise StoreError(f"résultat de type non pris en charge : {term!r}.")
    cache[term] = converted
    return converted


def from_json(value: Mapping[str, str]) -> Identifier:
    """A term of the SPARQL 1.1 JSON results format as an rdflib term."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang")
        if lang:
            return Literal(text, lang=lang)
        datatype = value.get("datatype")
        if datatype and datatype not in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise StoreError(f"le serveur a renvoyé un terme de type inconnu : « {kind} ».")


def ntriples(graph: Graph) -> bytes:
    """``graph`` as UTF-8 N-Triples; a term rdflib cannot write is a French error."""
    try:
        data: bytes = graph.serialize(format="nt", encoding="utf-8")
    except Exception as exc:  # rdflib raises a bare Exception for an unwritable IRI
        raise StoreError(
            f"le graphe contient un terme impossible à écrire en N-Triples : {exc}"
        ) from exc
    return data
