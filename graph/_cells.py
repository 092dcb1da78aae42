"""Typed cell values: what a spreadsheet user may type for a number, a decimal, a date
or a list, and the canonical RDF lexical forms they become."""

import datetime as dt
import decimal
import re

__all__ = [
    "decimal_lexical",
    "parse_boolean",
    "parse_date",
    "parse_decimal",
    "parse_integer",
    "split_list",
]

# Spaces a spreadsheet puts in "29 000" (plain, no-break, narrow no-break).
_GROUPING = re.compile(r"[\s\u00a0\u202f]")


_TRUE = frozenset({"oui", "o", "vrai", "x", "1", "yes", "true"})
_FALSE = frozenset({"non", "n", "faux", "0", "no", "false"})


def parse_boolean(raw: str) -> bool:
    """``"oui"`` → True, ``"non"`` → False (case forgiven; vrai/faux as a spreadsheet
    writes a boolean cell); ValueError with a French reason otherwise."""
    word = " ".join(raw.casefold().split())
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"oui ou non attendu, lu « {raw} »")


def parse_integer(raw: str) -> int:
    """``"29 000"`` → 29000; ValueError with a French reason otherwise."""
    compact = _GROUPING.sub("", raw)
    if re.fullmatch(r"[+-]?[0-9]+", compact):
        return int(compact)
    raise ValueError(f"nombre entier attendu (ex. 1 ou 36000), lu « {raw} »")


def parse_decimal(raw: str) -> decimal.Decimal:
    """``"6,5"`` or ``"6.5"`` → Decimal("6.5"); ValueError with a French reason otherwise."""
    compact = _GROUPING.sub("", raw).replace(",", ".")
    if re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", compact):
        value = decimal.Decimal(compact)
        if value.is_finite():
            return value
    raise ValueError(f"nombre décimal attendu (ex. 6,5), lu « {raw} »")


def parse_date(raw: str) -> dt.date:
    """``AAAA-MM-JJ`` (the contract) or ``JJ/MM/AAAA`` (French habit) → date."""
    french = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", raw)
    try:
        if french:
            day, month, year = (int(g) for g in french.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    raise ValueError(
        f"date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA (ex. 2026-03-01 ou 01/03/2026), "
        f"lu « {raw} »"
    )


def decimal_lexical(value: decimal.Decimal) -> str:
    """The canonical xsd:decimal form (``5.0``, ``5.25``), so equal values give equal
    literals whatever the spreadsheet showed."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text if "." in text else text + ".0"


def split_list(cell: str) -> list[str]:
    """The items of a ``|``-separated cell, stripped, empty items dropped."""
    return [item.strip() for item in cell.split("|") if item.strip()]
