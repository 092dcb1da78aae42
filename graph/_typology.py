"""The typology of communes as data: ordered rules over the indicators, and the pure
function that gives every commune exactly one class and the reason, in French.

A rule is the rows of the « Règles de typologie » sheet sharing one ``ordre``: each row
is one condition (indicateur, opérateur, seuil), all must hold. The first rule (lowest
``ordre``) whose conditions all hold gives the class; a rule without condition (empty
indicateur) always holds, so it is the default class of what no rule before it took.
Two rules of different classes at the same ``ordre`` that both hold, a missing score, a
score out of range or no rule at all: the commune is not classified and the result says
why (never a silent gap).
"""

import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ._sheets import SCORE_MAX, SCORE_MIN, fold
from ._vocabulary import IFN_COLUMNS

__all__ = [
    "INDICATOR_LABELS",
    "OPERATORS",
    "Classification",
    "CommuneScores",
    "Condition",
    "Rule",
    "Typology",
    "classify",
    "french_number",
]

POPULATION = "population"

# Indicator (IFN column name, or « population ») → its French label (the IFN scheme's
# skos:prefLabel@fr, i.e. the Communes column header without « ifn »).
INDICATOR_LABELS: dict[str, str] = {
    **{notation: column.removeprefix("ifn ") for column, (_, notation) in IFN_COLUMNS.items()},
    POPULATION: "population",
}

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "≥": operator.ge,
    ">": operator.gt,
    "≤": operator.le,
    "<": operator.lt,
}


@dataclass(frozen=True, slots=True)
class Condition:
    """One row of a rule: ``indicator operator threshold``."""

    indicator: str
    operator: str
    threshold: float

    def holds(self, value: float) -> bool:
        return OPERATORS[self.operator](value, self.threshold)

    def reason(self, value: float) -> str:
        """« plus de 65 ans 9/10, au-dessus du seuil 7 »."""
        label = INDICATOR_LABELS.get(self.indicator, self.indicator)
        shown = french_number(value) + ("" if self.indicator == POPULATION else "/10")
        if value > self.threshold:
            where = "au-dessus du"
        elif value < self.threshold:
            where = "sous le"
        else:
            where = "égal au"
        return f"{label} {shown}, {where} seuil {french_number(self.threshold)}"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: the class it gives, its rank, its conditions (none = always holds)."""

    classe: str
    ordre: int
    conditions: tuple[Condition, ...]
    note: str = ""
    hypothese: str = ""
    source: str = ""

    @property
    def is_default(self) -> bool:
        return not self.conditions

    def indicators(self) -> set[str]:
        return {condition.indicator for condition in self.conditions}


@dataclass(frozen=True, slots=True)
class CommuneScores:
    """A commune and its indicator values (IFN scores 1 to 10, population)."""

    insee: str
    name: str
    values: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class Classification:
    """A commune's class (None when it could not be classified) and why, in French."""

    insee: str
    name: str
    classe: str | None
    ordre: int | None
    reason: str


@dataclass(frozen=True)
class Typology:
    """Every commune's classification, and the rules that classified no commune."""

    rules: tuple[Rule, ...]
    classifications: tuple[Classification, ...]
    unused: tuple[Rule, ...] = field(default=())

    @property
    def unclassified(self) -> tuple[Classification, ...]:
        return tuple(c for c in self.classifications if c.classe is None)

    def by_class(self) -> dict[str, list[Classification]]:
        """Class → its communes, in the rules' order of classes."""
        found: dict[str, list[Classification]] = {r.classe: [] for r in self.rules}
        for item in self.classifications:
            if item.classe is not None:
                found.setdefault(item.classe, []).append(item)
        return found

    def notices(self) -> list[str]:
        """French remarks on what the rules could not do (empty when all went well)."""
        lines = [f"{c.name} ({c.insee}) n'est pas classée : {c.reason}" for c in self.unclassified]
        lines += [
            f"la règle d'ordre {rule.ordre} (classe {rule.classe}) ne s'applique à aucune commune"
            for rule in self.unused
        ]
        return lines


def french_number(value: float) -> str:
    """``8.0`` → « 8 », ``8.2193`` → « 8,22 », ``7832`` → « 7832 »."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _groups(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules grouped by ordre, lowest first."""
    by_rank: dict[int, list[Rule]] = {}
    for rule in sorted(rules, key=lambda r: (r.ordre, r.classe)):
        by_rank.setdefault(rule.ordre, []).append(rule)
    return list(by_rank.values())


def _value_problem(commune: CommuneScores, needed: Iterable[str]) -> str:
    """Why this commune's values cannot be classified ("" when they can)."""
    missing = [i for i in sorted(needed) if commune.values.get(i) is None]
    if missing:
        labels = ", ".join(INDICATOR_LABELS.get(i, i) for i in missing)
        return f"valeur absente des données d'indicateurs ({labels})"
    for indicator in sorted(needed):
        value = commune.values[indicator]
        assert value is not None
        if not math.isfinite(value):
            return f"{INDICATOR_LABELS.get(indicator, indicator)} illisible"
        if indicator != POPULATION and not SCORE_MIN <= value <= SCORE_MAX:
            return (
                f"{INDICATOR_LABELS.get(indicator, indicator)} {french_number(value)} hors de "
                f"l'intervalle {SCORE_MIN} à {SCORE_MAX}"
            )
        if indicator == POPULATION and value < 0:
            return f"population {french_number(value)} négative"
    return ""


def _classify_one(
    commune: CommuneScores, groups: list[list[Rule]], needed: set[str]
) -> Classification:
    problem = _value_problem(commune, needed)
    if problem:
        return Classification(commune.insee, commune.name, None, None, problem)
    values = commune.values
    for group in groups:
        matched = [
            rule
            for rule in group
            if all(c.holds(values[c.indicator] or 0.0) for c in rule.conditions)
        ]
        classes = sorted({rule.classe for rule in matched})
        if len(classes) > 1:
            return Classification(
                commune.insee,
                commune.name,
                None,
                group[0].ordre,
                f"plusieurs règles d'ordre {group[0].ordre} s'appliquent (classes "
                + ", ".join(classes)
                + ") : donnez-leur des ordres différents",
            )
        if matched:
            return _matched(commune, matched[0])
    return Classification(
        commune.insee, commune.name, None, None, "aucune règle ne s'applique à cette commune"
    )


def _matched(commune: CommuneScores, rule: Rule) -> Classification:
    if rule.is_default:
        why = "classe par défaut : aucune règle précédente ne s'applique"
    else:
        why = " ; ".join(c.reason(commune.values[c.indicator] or 0.0) for c in rule.conditions)
    return Classification(
        commune.insee, commune.name, rule.classe, rule.ordre, f"règle {rule.ordre} : {why}"
    )


def classify(communes: Iterable[CommuneScores], rules: Sequence[Rule]) -> Typology:
    """Each commune's class by the first rule (lowest ordre) that holds, with its reason."""
    groups = _groups(rules)
    needed = {indicator for rule in rules for indicator in rule.indicators()}
    results = tuple(_classify_one(commune, groups, needed) for commune in communes)
    used = {(c.classe, c.ordre) for c in results if c.classe is not None}
    unused = tuple(
        rule for group in groups for rule in group if (rule.classe, rule.ordre) not in used
    )
    return Typology(tuple(rules), results, unused)


def indicator_for(text: str) -> str | None:
    """The indicator a cell names: its IFN column name or its French label (folded)."""
    wanted = fold(text)
    for indicator, label in INDICATOR_LABELS.items():
        if wanted in (fold(indicator), fold(label), fold(f"ifn {label}")):
            return indicator
    return None
