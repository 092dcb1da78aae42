"""What a spreadsheet user may type for numbers, decimals, dates and lists."""

import datetime as dt
from decimal import Decimal

import pytest

from feuille_de_route.graph._cells import (
    decimal_lexical,
    parse_date,
    parse_decimal,
    parse_integer,
    split_list,
)


def test_integers() -> None:
    assert parse_integer("29 000") == 29000
    assert parse_integer("1\u202f765") == 1765
    assert parse_integer("-3") == -3
    for bad in ("12,5", "douze", "1e3", ""):
        with pytest.raises(ValueError, match="nombre entier"):
            parse_integer(bad)


def test_decimals() -> None:
    assert parse_decimal("6,5") == Decimal("6.5")
    assert parse_decimal(" 7.25 ") == Decimal("7.25")
    assert parse_decimal(".5") == Decimal("0.5")
    for bad in ("NaN", "Infinity", "6,5,1", "1_000", "six", "-"):
        with pytest.raises(ValueError, match="nombre décimal"):
            parse_decimal(bad)


@pytest.mark.parametrize(
    ("value", "lexical"),
    [("10", "10.0"), ("6.50", "6.5"), ("0", "0.0"), ("-0.0", "0.0"), ("1E+1", "10.0")],
)
def test_decimal_lexical_is_canonical(value: str, lexical: str) -> None:
    assert decimal_lexical(Decimal(value)) == lexical


def test_dates() -> None:
    assert parse_date("2024-01-15") == dt.date(2024, 1, 15)
    assert parse_date("5/1/2024") == dt.date(2024, 1, 5)
    for bad in ("2024-02-30", "15/13/2024", "20240115", "hier"):
        with pytest.raises(ValueError, match="AAAA-MM-JJ"):
            parse_date(bad)


def test_lists() -> None:
    assert split_list(" 1 | 2||3 ") == ["1", "2", "3"]
    assert split_list("") == []
