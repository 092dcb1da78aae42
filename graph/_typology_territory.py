"""The communes a diagnostic covers, with their indicator values from the shipped
national data (IFN scores as published, population municipale), and the reference
levels the territory is set against (its département, France)."""

import functools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from feuille_de_route import UserError

from . import _reference as reference
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
            if value is not None:
                values[name].append(value)
    return {name: (statistics.fmean(v) if v else None) for name, v in values.items()}


@functools.cache
def _departement_means() -> Mapping[str, Mapping[str, float | None]]:
    by_departement: dict[str, list[CommuneScores]] = {}
    table = reference.communes()
    for commune in national_communes():
        by_departement.setdefault(table[commune.insee].departement, []).append(commune)
    return {code: _means(items) for code, items in by_departement.items()}


@functools.cache
def _france_means() -> Mapping[str, float | None]:
    return _means(national_communes())


def comparison(communes: Iterable[CommuneScores]) -> Comparison:
    """Unweighted means of the communes' scores: the territory's, those of the
    départements its communes belong to, and France's (every commune)."""
    items = tuple(communes)
    table = reference.communes()
    codes = sorted({table[c.insee].departement for c in items if c.insee in table})
    names = reference.departements()
    means = _departement_means()
    try:
        return Comparison(
            _means(items),
            {code: means[code] for code in codes if code in means},
            {code: names[code].name for code in codes if code in names},
            _france_means(),
        )
    except KeyError as exc:  # pragma: no cover - the shipped tables agree
        raise UserError(f"département inconnu des données de référence : {exc}") from exc
