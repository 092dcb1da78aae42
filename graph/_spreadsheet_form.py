"""What a written spreadsheet shows besides its values, the same in ``.xlsx`` and
``.ods``: typed cells, header colours and notes, column widths, and the drop-down lists
of the controlled columns."""

import datetime as dt
import decimal
import re

from ._sheets import TERRITORY_KINDS, Column, Kind, SheetSpec
from ._vocabulary import all_choices

__all__ = [
    "LIST_ERROR_TITLE",
    "MULTIPLE_CHOICE",
    "NARROW",
    "OPTIONAL_COLOUR",
    "REQUIRED_COLOUR",
    "controlled_lists",
    "header_note",
    "is_narrow",
    "is_text_code",
    "list_error",
    "list_prompt",
    "sheet_requirement",
    "typed_value",
]

# Header backgrounds: required columns stand out from optional ones.
REQUIRED_COLOUR = "FFE699"
OPTIONAL_COLOUR = "DDEBF7"
# Column kinds shown in a narrow column.
NARROW = frozenset({Kind.INTEGER})
LIST_ERROR_TITLE = "Valeur non prévue"
# Drop-downs whose cell may list several values separated by |: a value off the list
# warns instead of being refused (the reader checks each value).
MULTIPLE_CHOICE = frozenset({Kind.THEMES})

# Text columns holding official codes (SIREN, SIRET, INSEE or département codes).
_CODE_COLUMNS = frozenset({"territoire", "epci", "siret"})
_GROUPING = re.compile(r"[\s\u00a0\u202f]")
# Column kinds written as numbers (a score, an amount in euros, an indicator's figure).
_NUMBERS = frozenset({Kind.DECIMAL, Kind.AMOUNT, Kind.NUMBER})


def typed_value(column: Column, text: str) -> object:
    """The value to store for ``text``: numbers and dates typed, everything else text."""
    if not text:
        return None
    compact = _GROUPING.sub("", text)
    if column.kind is Kind.INTEGER and re.fullmatch(r"[+-]?[0-9]{1,15}", compact):
        return int(compact)
    if column.kind in _NUMBERS and re.fullmatch(r"[+-]?[0-9]{1,15}([.,][0-9]{1,15})?", compact):
        return decimal.Decimal(compact.replace(",", "."))
    if column.kind is Kind.DATE and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def controlled_lists() -> dict[Kind, list[str]]:
    """The drop-down values per controlled kind, in the ontology's order, and oui/non."""
    lists = {kind: options.labels for kind, options in all_choices().items()}
    lists[Kind.BOOLEAN] = ["oui", "non"]
    lists[Kind.TERRITORY_KIND] = list(TERRITORY_KINDS)
    return lists


def header_note(column: Column, sheet: SheetSpec | None = None) -> str:
    """The note on a column's header: required or not, then what to write; on the first
    column of ``sheet``, what the sheet holds and whether it may stay empty."""
    lead = "Obligatoire. " if column.required else "Facultatif. "
    note = f"{lead}{column.note}"
    if sheet is not None and sheet.columns[0] == column:
        note += f"\n\nFeuille « {sheet.name} » : {sheet.note} {sheet_requirement(sheet)}"
    return note


def sheet_requirement(sheet: SheetSpec) -> str:
    """Whether a roadmap must fill ``sheet`` or may leave it empty, in French."""
    if sheet.required:
        return "Feuille obligatoire : à remplir."
    return "Feuille facultative : elle peut rester vide (seuls ses en-têtes restent)."


def is_narrow(column: Column) -> bool:
    return column.kind in NARROW


def is_text_code(column: Column) -> bool:
    """Whether the column holds codes to keep as text (01001 keeps its leading zero)."""
    return column.kind in (Kind.ID, Kind.REF, Kind.LIST) or column.name in _CODE_COLUMNS


def list_prompt(labels: list[str]) -> str:
    """The values a drop-down offers, as one line."""
    return " | ".join(labels)


def list_error(labels: list[str]) -> str:
    """The message shown when a cell of a drop-down column holds another value."""
    return "Choisissez une valeur de la liste : " + list_prompt(labels)
