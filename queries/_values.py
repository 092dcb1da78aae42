"""RDF terms of a result → plain Python values for the callers (viz, documents)."""

from __future__ import annotations

import datetime
import decimal

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route.ontology import INTEGER_DATATYPES

__all__ = ["to_python"]

_FLOATS = {XSD.decimal, XSD.double, XSD.float}


def _literal(term: Literal) -> object:
    datatype = term.datatype
    if datatype is None or datatype == XSD.string or term.language:
        return str(term)
    value = term.toPython()
    # An ill-typed literal comes back as itself; its text is all there is to give.
    if isinstance(value, Literal):
        return str(term)
    if datatype in INTEGER_DATATYPES and isinstance(value, int):
        return value
    if datatype in _FLOATS and isinstance(value, int | float | decimal.Decimal):
        return float(value)
    if datatype == XSD.boolean and isinstance(value, bool):
        return value
    if datatype == XSD.date and isinstance(value, datetime.date):
        return value
    if datatype == XSD.dateTime and isinstance(value, datetime.datetime):
        return value
    return str(term)


def to_python(term: Identifier | None) -> object:
    """IRIs → ``str``, blank nodes → ``"_:id"``, literals → int, float, bool, date or str.

    ``None`` (unbound) stays ``None``; a decimal becomes a ``float``, a datatype the
    callers do not know is given as its lexical form.
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return _literal(term)
    return str(term)
