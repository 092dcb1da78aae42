"""The « Règles de typologie » sheet read into rules, and the default rule set.

The default rule set turns the seed's six classes of communes (Grand Périgueux, step 2
of the method) into rules over the IFN indicators. The seed describes each class in
words, never by a threshold: every threshold here is an assumption (``hypothese``),
and the class meanings are the seed's.
"""

import math
from collections.abc import Iterable, Mapping

from ._cells import parse_decimal
from ._context import BuildContext
from ._errors import DataError, Problems
from ._map_nodes import map_node_row
from ._typology import OPERATORS, Condition, Rule, indicator_for
from ._workbook import Row

__all__ = [
    "DEFAULT_CLASSES",
    "DEFAULT_RULES",
    "DEFAULT_RULE_ROWS",
    "RULES_SHEET",
    "map_typology_rule",
    "rules_from_rows",
]

RULES_SHEET = "Règles de typologie"

_SEED = (
    "« Construire une feuille de route territoriale d'inclusion numérique », feuille de "
    "route de la communauté d'agglomération Le Grand Périgueux (Dordogne), « Typologie de "
    "territoire des communes du Grand Périgueux »"
)

# The seed's six classes: id → short label (as in the Grand Périgueux's Typologie sheet).
DEFAULT_CLASSES: dict[str, str] = {
    "T1": "Communes sans fragilité majeure",
    "T2": "Fragilité principale : les 70 ans et plus, près du centre urbain",
    "T3": "Fragilité principale : bas niveaux de formation, population vieillissante",
    "T4": "Fragilité principale : bas niveaux de formation et immigré(e)s, population jeune",
    "T5": "Cumul des fragilités : communes rurales vieillissantes",
    "T6": "Cumul des fragilités : communes urbaines jeunes",
}

_URBAN = "« urbaines » lu comme population ≥ 5000 (seuil supposé)"
_RURAL = "« rurales de petite taille » lu comme population < 5000 (seuil supposé)"

# (classe, ordre, indicateur, opérateur, seuil, note, hypothèse): one row per condition.
DEFAULT_RULE_ROWS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("T6", "1", "poverty_rate", "≥", "7", "niveau de vie médian faible", "seuil 7 supposé"),
    ("T6", "1", "population", "≥", "5000", "communes urbaines", _URBAN),
    ("T6", "2", "total", "≥", "7", "ensemble des indicateurs", "seuil 7 supposé"),
    ("T6", "2", "population", "≥", "5000", "communes urbaines", _URBAN),
    ("T5", "3", "total", "≥", "7", "ensemble des indicateurs", "seuil 7 supposé"),
    ("T5", "3", "population", "<", "5000", "rurales de petite taille", _RURAL),
    ("T5", "4", "poverty_rate", "≥", "7", "personnes précaires, sans emploi", "seuil 7 supposé"),
    ("T5", "4", "population", "<", "5000", "rurales de petite taille", _RURAL),
    ("T3", "5", "nscol15p_rate", "≥", "7", "bas niveaux de formation", "seuil 7 supposé"),
    ("T3", "5", "older_65_rate", "≥", "6", "population vieillissante", "seuil 6 supposé"),
    ("T4", "6", "nscol15p_rate", "≥", "7", "bas niveaux de formation", "seuil 7 supposé"),
    ("T4", "6", "older_65_rate", "<", "6", "population plutôt jeune", "seuil 6 supposé"),
    (
        "T2",
        "7",
        "older_65_rate",
        "≥",
        "7",
        "sur-représentation des 70 ans et plus",
        "l'IFN compte les plus de 65 ans, pas les 70 ans et plus ; seuil 7 supposé ; "
        "« proche du centre urbain » n'est pas mesuré",
    ),
    (
        "T1",
        "8",
        "",
        "",
        "",
        "classe par défaut : sans fragilité majeure",
        "une commune qu'aucune règle de fragilité ne retient est supposée sans fragilité majeure",
    ),
)


def _default_rows() -> list[Row]:
    columns = ("classe", "ordre", "indicateur", "opérateur", "seuil", "note", "hypothèse")
    return [
        Row(
            number, "règles par défaut", {"source": _SEED, **dict(zip(columns, cells, strict=True))}
        )
        for number, cells in enumerate(DEFAULT_RULE_ROWS, start=2)
    ]


def _error(row: Row, column: str, detail: str) -> DataError:
    return DataError(detail, file=row.file, sheet=RULES_SHEET, row=row.number, column=column)


def _ordre(row: Row) -> int:
    text = row["ordre"].strip()
    try:
        value = int(text)
    except ValueError:
        raise _error(row, "ordre", f"entier ≥ 1 attendu, lu « {text} »") from None
    if value < 1:
        raise _error(row, "ordre", f"entier ≥ 1 attendu, lu « {text} »")
    return value


def _condition(row: Row) -> Condition | None:
    """The row's condition; None for a default row (no indicateur, opérateur nor seuil)."""
    named, op, seuil = row["indicateur"].strip(), row["opérateur"].strip(), row["seuil"].strip()
    if not (named or op or seuil):
        return None
    indicator = indicator_for(named) if named else None
    if indicator is None:
        raise _error(
            row,
            "indicateur",
            f"indicateur inconnu « {named} » ; valeurs permises : "
            "total, no_thd_coverage_rate, no_4g_coverage_rate, poverty_rate, older_65_rate, "
            "nscol15p_rate (ou leur libellé : sans thd, pauvreté, plus de 65 ans…), population",
        )
    op = {">=": "≥", "<=": "≤", "=>": "≥", "=<": "≤"}.get(op, op)
    if op not in OPERATORS:
        raise _error(
            row, "opérateur", f"opérateur « {op} » inconnu ; valeurs permises : ≥, >, ≤, <"
        )
    try:
        threshold = float(parse_decimal(seuil))
    except (ValueError, ArithmeticError):
        threshold = math.nan
    if not math.isfinite(threshold):
        raise _error(row, "seuil", f"seuil illisible « {seuil} » : nombre attendu (ex. 7 ou 6,5)")
    return Condition(indicator, op, threshold)


def map_typology_rule(ctx: BuildContext, sheet: str, row: Row) -> None:
    """The build's mapper of a « Règles de typologie » row: a ``fdr:RegleDeTypologie``
    node (its cells as written, by :data:`~._mapping.MAPS`), once the row reads as a
    condition (a bad ordre, indicateur, opérateur or seuil is reported like any cell)."""
    _ordre(row)
    _condition(row)
    map_node_row(ctx, sheet, row)


def rules_from_rows(rows: Iterable[Row]) -> tuple[Rule, ...]:
    """The rules the sheet's rows say (rows sharing an ordre and a class are one rule);
    every bad row is reported at once in one French :class:`DataError`."""
    problems = Problems()
    parts: dict[tuple[int, str], list[tuple[Row, Condition | None]]] = {}
    for row in rows:
        with problems.collecting():
            classe = row["classe"].strip()
            if not classe:
                raise _error(row, "classe", "identifiant de classe (feuille Typologie) attendu")
            parts.setdefault((_ordre(row), classe), []).append((row, _condition(row)))
    problems.raise_if_any()
    if not parts:
        raise DataError(
            "aucune règle de typologie : au moins une ligne attendue", sheet=RULES_SHEET
        )
    return tuple(_rule(key, items) for key, items in sorted(parts.items()))


def _rule(key: tuple[int, str], items: list[tuple[Row, Condition | None]]) -> Rule:
    ordre, classe = key
    conditions = tuple(c for _, c in items if c is not None)
    texts: Mapping[str, list[str]] = {
        column: _distinct(row[column].strip() for row, _ in items)
        for column in ("note", "hypothèse", "source")
    }
    return Rule(
        classe,
        ordre,
        conditions,
        " ; ".join(texts["note"]),
        " ; ".join(texts["hypothèse"]),
        " ; ".join(texts["source"]),
    )


def _distinct(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


DEFAULT_RULES: tuple[Rule, ...] = rules_from_rows(_default_rows())
