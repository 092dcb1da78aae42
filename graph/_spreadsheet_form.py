"""What a written spreadsheet shows besides its values, the same in ``.xlsx`` and
``.ods``: typed cells, header colours and notes, column widths, and the drop-down lists
of the controlled columns."""

import datetime as dt
import decimal
import re

from ._sheets import Column, Kind
from ._vocabulary import choices

__all__ = [
    "LIST_ERROR_TITLE",
    "NARROW",
    "OPTIONAL_COLOUR",
    "REQUIRED_COLOUR",
    "controlled_lists",
    "header_note",
    "is_narrow",
    "is_text_code",
    "list_error",
    "list_prompt",
    "typed_value",
]

# Header backgrounds: required columns stand out from optional ones.
REQUIRED_COLOUR = "FFE699"
OPTIONAL_COLOUR = "DDEBF7"
# Column kinds shown in a narrow column.
NARROW = frozenset({Kind.INTEGER})
LIST_ERROR_TITLE = "Valeur non prévue"

_GROUPING = re.compile(r"[\s\u00a0\u202f]")


def typed_value(column: Column, text: str) -> object:
    """The value to store for ``text``: numbers and dates typed, everything else text."""
    if not text:
        return None
    compact = _GROUPING.sub("", text)
    if column.kind is Kind.INTEGER and re.fullmatch(r"[+-]?[0-9]{1,15}", compact):
        return int(compact)
    if column.kind is Kind.DECIMAL and re.fullmatch(r"[+-]?[0-9]{1,15}([.,][0-9]{1,15})?", compact):
        return decimal.Decimal(compact.replace(",", "."))
    if column.kind is Kind.DATE and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def controlled_lists() -> dict[Kind, list[str]]:
    """The drop-down values per controlled kind, in the ontology's order."""
    return {kind: options.labels for kind, options in choices().items()}


def header_note(column: Column) -> str:
    """The note on a column's header: required or not, then what to write."""
    lead = "Obligatoire. " if column.required else "Facultatif. "
    return f"{lead}{column.note}"


def is_narrow(column: Column) -> bool:
    return column.kind in NARROW


def is_text_code(column: Column) -> bool:
    """Whether the column holds codes to keep as text (01001 keeps its leading zero)."""
    return column.kind in (Kind.ID, Kind.REF, Kind.LIST)


def list_prompt(labels: list[str]) -> str:
    """The values a drop-down offers, as one line."""
    return " | ".join(labels)


def list_error(labels: list[str]) -> str:
    """The message shown when a cell of a drop-down column holds another value."""
    return "Choisissez une valeur de la liste : " + list_prompt(labels)
