"""Text made safe for where it lands: spreadsheet cells, terminals, messages with URLs.

Each function follows a named recommendation, so that every writer of the package applies
the same rule (see ``SECURITY.md``).
"""

import re
import urllib.parse

__all__ = ["neutralise_csv_cell", "redact_url", "restore_csv_cell", "terminal_safe"]

# OWASP "CSV Injection": a cell starting with one of these is taken as a formula by
# spreadsheet programs; prefixing a single quote makes them show it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def neutralise_csv_cell(text: str) -> str:
    """The cell as OWASP recommends writing it to CSV: a formula start gets a ``'`` before it.

    A cell that already starts with ``'`` gets one more, so :func:`restore_csv_cell` gives
    back exactly the original text.
    """
    if text.startswith(_FORMULA_START) or text.startswith(_QUOTE):
        return _QUOTE + text
    return text


def restore_csv_cell(text: str) -> str:
    """Undo :func:`neutralise_csv_cell` (a cell read from a CSV file the package wrote)."""
    if text.startswith(_QUOTE) and text[1:].startswith((*_FORMULA_START, _QUOTE)):
        return text[1:]
    return text


# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidi overrides
# that can reorder what a reader sees. Newlines and tabs are kept: they lay out tables.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as ``\\xNN``/``\\uNNNN``, never executed."""

    def shown(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(shown, text)


def redact_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (``https://user:***@host/``)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    if parts.password is None and "@" not in parts.netloc:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    shown_user = f"{user}:***" if parts.password is not None else "***"
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{shown_user}@{host}"))
