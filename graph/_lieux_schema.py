"""The national standard for lieux de médiation numérique (``standard-mediation-num``
v1.0.2, Table Schema, Licence Ouverte 2.0), shipped in ``donnees/mednum/schema.json``:
its fields in order, the fixed words of its enumerated fields and their SKOS concepts
(``ontology/mednum.ttl``), and the validation of a table against it with frictionless,
reported in French by row and column."""

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import URIRef

from ._errors import DataError, suggest
from ._namespaces import PREFIXES

__all__ = [
    "LIEUX_SCHEMA",
    "MEDNUM",
    "FieldSpec",
    "concept",
    "concept_words",
    "enumeration",
    "fields",
    "schema_errors",
    "slug",
]

LIEUX_SCHEMA: Path = Path(__file__).resolve().parent / "donnees" / "mednum" / "schema.json"
# The SKOS schemes of the standard's enumerations: {MEDNUM}{field} and {MEDNUM}{field}/{slug}.
MEDNUM = str(PREFIXES["mednum"])

_ENUM = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((?P<values>.*)\)\)\+\$$")
# What a pattern-constrained field expects, in French (the schema gives only a regex).
_PATTERN_HINTS = {
    "pivot": "un SIRET (14 chiffres) ou un numéro RNA (W suivi de 9 caractères)",
    "code_postal": "un code postal de 5 chiffres",
    "code_insee": "un code INSEE de commune de 5 caractères (ex. 24322, 2A004)",
    "telephone": "un numéro au format international sans espace (ex. +33553000000)",
}
_TYPES = {
    "number": "un nombre (point décimal, ex. 45.18)",
    "date": "une date AAAA-MM-JJ",
    "integer": "un nombre entier",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of the standard: its name (the CSV header), its Table Schema type,
    whether it is required, and its fixed words when it is an enumeration (else ())."""

    name: str
    type: str
    required: bool
    words: tuple[str, ...]
    max_length: int | None


def enumeration(pattern: str) -> list[str] | None:
    """The fixed words a field's ``(?:(?:^|\\|)(A|B))+$`` pattern allows, else None."""
    found = _ENUM.match(pattern)
    if found is None:
        return None
    words, current, escaped = [], "", False
    for char in found["values"]:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == "|":
            words.append(current)
            current = ""
        else:
            current += char
    return [*words, current]


def slug(word: str) -> str:
    """ASCII, lower case, hyphens: « Aide aux démarches » → ``aide-aux-demarches``."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


@cache
def descriptor() -> dict[str, Any]:
    """The shipped Table Schema, as JSON."""
    loaded: dict[str, Any] = json.loads(LIEUX_SCHEMA.read_text(encoding="utf-8"))
    return loaded


@cache
def fields() -> tuple[FieldSpec, ...]:
    """The standard's fields, in its order (the order of the CSV columns)."""
    specs = []
    for field in descriptor()["fields"]:
        constraints = field.get("constraints", {})
        words = enumeration(str(constraints.get("pattern", ""))) or []
        specs.append(
            FieldSpec(
                name=field["name"],
                type=field.get("type", "string"),
                required=bool(constraints.get("required", False)),
                words=tuple(words),
                max_length=constraints.get("maxLength"),
            )
        )
    return tuple(specs)


def concept(field: str, word: str) -> URIRef:
    """The SKOS concept of ``word`` in the scheme of ``field`` (``ontology/mednum.ttl``)."""
    return URIRef(f"{MEDNUM}{field}/{slug(word)}")


@cache
def concept_words() -> Mapping[URIRef, tuple[str, int, str]]:
    """Each concept of the standard's schemes → (field, rank in the field's list, word)."""
    return {
        concept(spec.name, word): (spec.name, rank, word)
        for spec in fields()
        for rank, word in enumerate(spec.words)
    }


def schema_errors(
    rows: Sequence[Sequence[str]], numbers: Sequence[int], file: str
) -> list[DataError]:
    """The rows' departures from the standard, as frictionless finds them, in French.

    ``rows`` hold every field of :func:`fields` in order; ``numbers`` give each row's line
    in ``file`` (the header is line 1), so that each error names the file, line and column.
    """
    from frictionless import Resource, Schema

    header = [spec.name for spec in fields()]
    schema = Schema.from_descriptor(descriptor())
    resource = Resource(data=[header, *[list(row) for row in rows]], schema=schema)
    report = resource.validate(limit_errors=1000)
    errors = []
    for task in report.tasks:
        for error in task.errors:
            found = _french(error, numbers, file)
            if found is not None:
                errors.append(found)
    errors += _finite_numbers(rows, numbers, file)
    return errors


def _french(error: Any, numbers: Sequence[int], file: str) -> DataError | None:
    """One frictionless error as a French ``DataError`` (None: said by another error)."""
    kind = str(error.type)
    row_number = getattr(error, "row_number", None)
    row = numbers[row_number - 2] if isinstance(row_number, int) and row_number >= 2 else None
    name = getattr(error, "field_name", None)
    cell = str(getattr(error, "cell", "") or "")
    spec = {s.name: s for s in fields()}.get(str(name)) if name else None
    if kind == "primary-key":
        return None  # the unique-error on « id » says it
    if spec is None:
        return DataError(f"ne suit pas le standard ({error.message})", file=file, row=row)
    detail = _detail(kind, spec, cell, error)
    return DataError(detail, file=file, row=row, column=spec.name)


def _detail(kind: str, spec: FieldSpec, cell: str, error: Any) -> str:
    if kind == "type-error":
        expected = _TYPES.get(spec.type, spec.type)
        return f"« {cell} » n'est pas {expected}"
    if kind == "unique-error":
        return f"identifiant « {cell} » déjà donné à un autre lieu ; chaque lieu a le sien"
    if kind == "constraint-error" and "required" in str(error.note):
        return "valeur obligatoire dans le standard, cellule vide"
    if kind == "constraint-error" and spec.words:
        unknown = [w for w in cell.split("|") if w not in spec.words]
        shown = ", ".join(f"« {w} »" for w in unknown) or f"« {cell} »"
        hint = suggest(unknown[0], spec.words) if unknown else ""
        return (
            f"valeur hors du standard : {shown}{hint} ; valeurs permises (séparées par « | ») : "
            + " ; ".join(spec.words)
        )
    if kind == "constraint-error" and "maxLength" in str(error.note):
        return f"texte de {len(cell)} caractères, le standard en permet au plus {spec.max_length}"
    if kind == "constraint-error":
        expected = _PATTERN_HINTS.get(spec.name, "la forme que le standard demande")
        return f"« {cell} » ne suit pas le standard : {expected} attendu"
    return f"ne suit pas le standard ({error.message})"


def _finite_numbers(
    rows: Sequence[Sequence[str]], numbers: Sequence[int], file: str
) -> list[DataError]:
    """Numbers Table Schema accepts but a decimal cannot hold (NaN, INF)."""
    errors = []
    for index, spec in enumerate(fields()):
        if spec.type != "number":
            continue
        for row, number in zip(rows, numbers, strict=True):
            text = row[index]
            try:
                value = Decimal(text)
            except InvalidOperation:
                continue
            if text and not value.is_finite():
                errors.append(
                    DataError(
                        f"« {text} » n'est pas un nombre fini",
                        file=file,
                        row=number,
                        column=spec.name,
                    )
                )
    return errors
