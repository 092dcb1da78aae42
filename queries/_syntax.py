"""Check a user's SPARQL text with rdflib's parser and say where it is wrong, in French."""

from __future__ import annotations

import functools
import re

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseUpdate

from feuille_de_route import UserError
from feuille_de_route._sparql import parsed_query

__all__ = ["check_select"]

_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix\s*:\s*(\S*)")


def _locate(text: str, needle: re.Pattern[str]) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]  # good enough for a hint: '#' rarely sits in IRIs here
        match = needle.search(code)
        if match is not None:
            return number, match.start() + 1
    return None


def _excerpt(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1]
    return f"\n    {source}\n    {' ' * (max(column, 1) - 1)}^"


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseBaseException:
        return False
    return True


@functools.lru_cache(maxsize=64)
def check_select(text: str, where: str) -> None:
    """Raise a French :class:`UserError` unless ``text`` is a valid SPARQL SELECT query.

    ``where`` names the query in the message (file or catalogue name). Only syntax and
    unknown prefixes are checked here; the store reports what its engine rejects.
    """
    try:
        query = parsed_query(text)
    except ParseBaseException as exc:
        raise _syntax_error(text, where, exc) from None
    except Exception as exc:  # rdflib raises bare Exception for these
        raise _translation_error(text, where, str(exc)) from None
    kind = query.algebra.name
    if kind != "SelectQuery":
        raise UserError(
            f"La requête {where} est de type {kind.removesuffix('Query').upper()} ; "
            "seules les requêtes SELECT sont acceptées."
        )


def _syntax_error(text: str, where: str, exc: ParseBaseException) -> UserError:
    if _is_update(text):
        return UserError(
            f"La requête {where} est une mise à jour SPARQL (INSERT, DELETE, LOAD, "
            "CLEAR, DROP…) : les mises à jour SPARQL ne sont pas acceptées, seules les "
            "requêtes SELECT le sont."
        )
    return UserError(
        f"Erreur de syntaxe SPARQL {where}, ligne {exc.lineno}, colonne {exc.col} : "
        f"la requête n'est plus valide à partir de cet endroit."
        + _excerpt(text, exc.lineno, exc.col)
    )


def _translation_error(text: str, where: str, message: str) -> UserError:
    """An unknown prefix, located in ``text``; else rdflib's own message."""
    prefix = _UNKNOWN_PREFIX.search(message)
    if prefix is None:
        return UserError(f"Requête SPARQL invalide {where} : {message}")
    name = prefix.group(1)
    position = _locate(text, re.compile(rf"(?<![\w\-.]){re.escape(name)}:"))
    located = f", ligne {position[0]}, colonne {position[1]}" if position is not None else ""
    return UserError(
        f"Préfixe « {name}: » non déclaré {where}{located} : ajoutez "
        f"« PREFIX {name}: <…> » en tête de la requête."
        + (_excerpt(text, *position) if position is not None else "")
    )
