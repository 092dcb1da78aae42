"""Parameter values → RDF terms, type-checked; they are bound, never pasted into text."""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Callable, Mapping

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route import UserError, is_absolute_iri

from ._abbreviations import expand_iri
from ._querydef import CODE, PARAMETER_TYPES, Parameter, QueryDef

__all__ = ["TODAY", "bind_parameters", "to_term"]

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# A code a template takes: an INSEE code (24, 2A, 971, 75) or a SIREN, nothing that could
# change the IRI's path.
_CODE = re.compile(r"[A-Za-z0-9]{1,20}")


class _Mismatch(Exception):
    """The value does not fit the type; the caller words the message."""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _iri(value: object, template: str = "") -> URIRef:
    # Written in full, or short as a table shows it (fdr:operante, …/grand-perigueux/), or
    # the code a template makes an IRI of (24 → …/geo/departement/24).
    if not isinstance(value, str):
        raise _Mismatch
    iri = expand_iri(value.strip())
    if template and _CODE.fullmatch(iri):
        iri = template.replace(CODE, iri)
    if is_absolute_iri(iri):
        return URIRef(iri)
    raise _Mismatch


def _text(value: object) -> Literal:
    if isinstance(value, str):
        # A plain literal: the data's identifiers and texts are plain (or @fr) strings.
        return Literal(value)
    raise _Mismatch


def _identifier(value: object) -> Literal:
    if isinstance(value, str) and value.strip():
        return Literal(value)
    raise _Mismatch


def _integer(value: object) -> Literal:
    if isinstance(value, bool):
        raise _Mismatch
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, str) and _INTEGER.match(value.strip()):
        return Literal(int(value.strip()), datatype=XSD.integer)
    raise _Mismatch


def _decimal(value: object) -> Literal:
    if isinstance(value, bool):
        raise _Mismatch
    if isinstance(value, int | float | decimal.Decimal):
        number = decimal.Decimal(str(value))
    elif isinstance(value, str) and _DECIMAL.match(value.strip().replace(",", ".")):
        number = decimal.Decimal(value.strip().replace(",", "."))
    else:
        raise _Mismatch
    if not number.is_finite():
        raise _Mismatch
    return Literal(number, datatype=XSD.decimal)


def _date(value: object) -> Literal:
    if isinstance(value, datetime.datetime):
        raise _Mismatch  # a time of day would be silently dropped
    if isinstance(value, datetime.date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            day = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise _Mismatch from None
        return Literal(day, datatype=XSD.date)
    raise _Mismatch


_CONVERTERS: dict[str, Callable[[object], Identifier]] = {
    "IRI": _iri,
    "ID": _identifier,
    "string": _text,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
}


def to_term(parameter: Parameter, value: object, query: str) -> Identifier:
    """Convert ``value`` to the RDF term ``parameter`` declares, or raise a French error."""
    try:
        if parameter.template:
            return _iri(value, parameter.template)
        return _CONVERTERS[parameter.type](value)
    except _Mismatch:
        raise UserError(
            f"Paramètre « {parameter.name} » de la requête « {query} » : attendu "
            f"{_expected(parameter)}, reçu {_shown(value)}."
        ) from None


def _expected(parameter: Parameter) -> str:
    """What ``parameter`` takes, in French (its type, and the code its template takes)."""
    said = PARAMETER_TYPES[parameter.type]
    if parameter.template:
        said += f", ou un code qui la complète ({parameter.template})"
    return said


# A date parameter's ``defaut: aujourd'hui``: the day the query runs (actions-en-retard).
TODAY = "aujourd'hui"


def _default(parameter: Parameter) -> object | None:
    """The header's default; for a date, ``aujourd'hui`` is the day of the run."""
    if parameter.type == "date" and parameter.default == TODAY:
        return datetime.date.today()
    return parameter.default


def bind_parameters(query: QueryDef, values: Mapping[str, object]) -> dict[str, Identifier]:
    """The bindings for ``query``: variable name (``_<param>``) → RDF term.

    Unknown names and missing required values raise a French :class:`UserError`;
    an optional parameter left out (or given as ``None``) is not bound at all.
    """
    known = {p.name for p in query.parameters}
    unknown = sorted(set(values) - known)
    if unknown:
        listed = ", ".join(sorted(known)) if known else "aucun"
        raise UserError(
            f"Requête « {query.name} » : paramètre(s) inconnu(s) : {', '.join(unknown)} ; "
            f"paramètres acceptés : {listed}."
        )
    bindings: dict[str, Identifier] = {}
    for parameter in query.parameters:
        value = values.get(parameter.name)
        if value is None:
            value = _default(parameter)
        if value is None:
            if parameter.required:
                raise UserError(
                    f"Requête « {query.name} » : le paramètre « {parameter.name} » est "
                    f"obligatoire ({_expected(parameter)}"
                    + (f" : {parameter.description}" if parameter.description else "")
                    + ")."
                )
            continue
        bindings[parameter.variable] = to_term(parameter, value, query.name)
    return bindings
