"""The communes a diagnostic covers, with their indicator values from the shipped
national data (IFN scores as published, population municipale), and the reference
levels the territory is set against (its département, France)."""

import functools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from feuille_de_route import UserError

from . import _reference as reference
from ._sheets import SCORE_MAX, SCORE_MIN
from ._typology import POPULATION, CommuneScores

__all__ = [
    "Comparison",
    "commune_scores",
    "comparison",
    "epci_communes",
    "national_communes",
]

_IFN = reference.IFN_INDICATORS


def commune_scores(insee: str, name: str = "") -> CommuneScores:
    """One commune's values; scores are None when the IFN has no row for it."""
    found = reference.communes().get(insee)
    scores = reference.fragility(insee)
    values: dict[str, float | None] = scores.scores() if scores is not None else dict.fromkeys(_IFN)
    population = found.population if found is not None else None
    values[POPULATION] = float(population) if population is not None else None
    label = name or (found.name if found is not None else "") or (scores.name if scores else "")
    return CommuneScores(insee, label or insee, values)


def epci_communes(siren: str) -> tuple[CommuneScores, ...]:
    """The member communes of an EPCI (a French :class:`UserError` for an unknown code)."""
    return tuple(commune_scores(m.insee, m.name) for m in reference.members(siren))


@functools.cache
def national_communes() -> tuple[CommuneScores, ...]:
    """Every current commune of the shipped reference data, with its values."""
    table = {code: item.scores() for code, item in _fragility().items()}
    return tuple(
        CommuneScores(
            code,
            item.name,
            {
                **table.get(code, dict.fromkeys(_IFN)),
                POPULATION: float(item.population) if item.population is not None else None,
            },
        )
        for code, item in reference.communes().items()
    )


def _fragility() -> Mapping[str, reference.Fragility]:
    found = {}
    for code in reference.communes():
        scores = reference.fragility(code)
        if scores is not None:
            found[code] = scores
    return found


@dataclass(frozen=True, slots=True)
class Comparison:
    """Mean score per IFN indicator: the territory's communes, its département(s), France."""

    territory: Mapping[str, float | None]
    departements: Mapping[str, Mapping[str, float | None]]  # code → means
    departement_names: Mapping[str, str]
    france: Mapping[str, float | None]


def _means(communes: Iterable[CommuneScores]) -> dict[str, float | None]:
    values: dict[str, list[float]] = {name: [] for name in _IFN}
    for commune in communes:
        for name in _IFN:
            value = commune.values.get(name)
            if value is not None and SCORE_MIN <= value <= SCORE_MAX:
                values[name].append(value)
    return {name: (statistics.fmean(v) if v else None) for name, v in values.items()}


@functools.cache
def _national_means() -> tuple[
    Mapping[str, Mapping[str, float | None]], Mapping[str, float | None]
]:
    """Mean IFN scores of the communes of each département, and of France, read straight
    from the shipped tables (no per-commune object is built)."""
    table = reference.communes()
    sums: dict[str, list[float]] = {}
    counts: dict[str, list[int]] = {}
    for code, found in table.items():
        scores = reference.fragility(code)
        if scores is None:
            continue
        for key in (found.departement, ""):
            total = sums.setdefault(key, [0.0] * len(_IFN))
            seen = counts.setdefault(key, [0] * len(_IFN))
            for i, name in enumerate(_IFN):
                value = getattr(scores, name)
                if value is not None and SCORE_MIN <= value <= SCORE_MAX:
                    total[i] += value
                    seen[i] += 1
    means = {
        key: {
            name: (total[i] / counts[key][i] if counts[key][i] else None)
            for i, name in enumerate(_IFN)
        }
        for key, total in sums.items()
    }
    france = means.pop("", dict.fromkeys(_IFN))
    return means, france


def comparison(communes: Iterable[CommuneScores]) -> Comparison:
    """Unweighted means of the communes' scores (1 to 10; a score out of range is left
    out): the territory's, those of the départements its communes belong to, and
    France's (every current commune the IFN scores)."""
    items = tuple(communes)
    table = reference.communes()
    codes = sorted({table[c.insee].departement for c in items if c.insee in table})
    names = reference.departements()
    means, france = _national_means()
    try:
        return Comparison(
            _means(items),
            {code: means[code] for code in codes if code in means},
            {code: names[code].name for code in codes if code in names},
            france,
        )
    except KeyError as exc:  # pragma: no cover - the shipped tables agree
        raise UserError(f"département inconnu des données de référence : {exc}") from exc
