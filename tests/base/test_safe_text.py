"""The base's safe-text helpers: CSV formula neutralising, terminal escaping, URL redaction."""

import pytest

from feuille_de_route import neutralise_csv_cell, redact_url, restore_csv_cell, terminal_safe


@pytest.mark.parametrize(
    "text", ["=1+1", "+33", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "'", "''", "plain", "", "a=b"]
)
def test_csv_cells_round_trip(text: str) -> None:
    assert restore_csv_cell(neutralise_csv_cell(text)) == text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-1", "@x", "\t=1", "\r=1"])
def test_formula_starts_are_quoted(text: str) -> None:
    assert neutralise_csv_cell(text) == "'" + text


def test_terminal_escape_sequences_are_shown_not_run() -> None:
    shown = terminal_safe("titre\x1b[31mrouge\x07\u202e")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert shown == "titre\\x1b[31mrouge\\x07\\u202e"
    assert terminal_safe("a\tb\nc") == "a\tb\nc"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://user:pass@host:8080/q", "http://user:***@host:8080/q"),
        ("https://host/q", "https://host/q"),
        ("http://token@host/", "http://***@host/"),
    ],
)
def test_passwords_never_shown(url: str, expected: str) -> None:
    assert redact_url(url) == expected
