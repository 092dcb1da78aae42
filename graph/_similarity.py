"""Similar territories, for the method's visit (step 7): EPCI ranked by how close their
digital-fragility profile is to mine, and — for those whose roadmap is in the store —
how many themes and national programmes we share.

The measure (README, « Territoires similaires »):

* profile: the five IFN indicators the IFN publishes per EPCI (THD and 4G non-coverage,
  poverty, 65 and over, non-schooled 15 and over; not ``total``, their mean), each turned
  into a z-score over every EPCI with an IFN row (population standard deviation); a score
  the IFN leaves empty counts as the mean (z = 0). Distance: the root mean square of the
  z differences; profile similarity ``1 / (1 + distance)`` (1 = same profile).
* roadmaps: when both territories have a roadmap in the store, the Jaccard index of
  their themes (``fdr:theme``) and of their national programmes (``fdr:programme``),
  each weighing half: score = profile similarity + 0.5 × J(themes) + 0.5 × J(programmes)
  (0 to 2). A roadmap never lowers a score.
* reproducible: no randomness; ties broken by SIREN.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from feuille_de_route import UserError

from ._reference import communes, epci, epci_fragility, epcis

if TYPE_CHECKING:  # rdflib and the stores are imported by roadmap_tags only (start-up time)
    from rdflib import URIRef

    from .store import Store

__all__ = [
    "PROFILE_INDICATORS",
    "Similar",
    "Tags",
    "rank_similar",
    "roadmap_tags",
]

# IFN column → its French name in the reasons.
PROFILE_INDICATORS: dict[str, str] = {
    "no_thd_coverage_rate": "non-couverture THD",
    "no_4g_coverage_rate": "non-couverture 4G",
    "poverty_rate": "taux de pauvreté",
    "older_65_rate": "part des 65 ans et plus",
    "nscol15p_rate": "part des non-scolarisés de 15 ans et plus",
}
# Indicators this close in z-score are « même profil » in the reasons (at most three).
_SAME = 0.5
_WEIGHT = 0.5


@dataclass(frozen=True)
class Tags:
    """What a territory's roadmap is about: its themes and national programmes (IRI →
    French label)."""

    themes: Mapping[URIRef, str] = field(default_factory=dict)
    programmes: Mapping[URIRef, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Similar:
    """One ranked EPCI: its score and its parts, and the reasons in French."""

    rank: int
    siren: str
    name: str
    score: float
    profile: float
    themes: float | None  # Jaccard index, None without both roadmaps
    programmes: float | None
    reasons: str


@functools.cache
def _zscores() -> dict[str, tuple[float, ...]]:
    table = {siren: epci_fragility(siren) for siren in epcis()}
    known = {s: f.scores() for s, f in table.items() if f is not None}
    columns: list[tuple[float, float]] = []
    for name in PROFILE_INDICATORS:
        values = [v for scores in known.values() if (v := scores[name]) is not None]
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        columns.append((mean, spread))
    return {
        siren: tuple(
            0.0 if (v := scores[name]) is None else (v - mean) / spread
            for name, (mean, spread) in zip(PROFILE_INDICATORS, columns, strict=True)
        )
        for siren, scores in known.items()
    }


def _overlap(mine: Mapping[URIRef, str], theirs: Mapping[URIRef, str]) -> tuple[float | None, str]:
    """The Jaccard index of the two key sets (None when both are empty), and the labels
    they share, sorted and joined (one intersection: rdflib terms hash in Python)."""
    common = mine.keys() & theirs.keys()
    union = len(mine) + len(theirs) - len(common)
    return (len(common) / union if union else None), ", ".join(sorted(mine[k] for k in common))


def rank_similar(
    siren: str,
    tags: Mapping[str, Tags] | None = None,
    number: int = 10,
) -> list[Similar]:
    """The ``number`` EPCI most similar to EPCI ``siren`` (itself left out), best first.

    ``tags`` holds, by EPCI SIREN, what the roadmaps in the store are about (mine
    included when it has one). Unknown SIREN, or an EPCI without IFN scores: French
    :class:`UserError`.
    """
    me = epci(siren)  # French UserError for a malformed or unknown SIREN
    profiles = _zscores()
    if me.siren not in profiles:
        raise UserError(
            f"l'EPCI {me.siren} ({me.name}) n'a pas d'indice de fragilité numérique publié : "
            "pas de profil à comparer"
        )
    tags = tags or {}
    mine = profiles[me.siren]
    found = [
        _compare(me.siren, mine, other, profiles[other], tags)
        for other in sorted(profiles)
        if other != me.siren
    ]
    found.sort(key=lambda s: (-s.score, s.siren))
    return [
        Similar(n, s.siren, s.name, s.score, s.profile, s.themes, s.programmes, s.reasons)
        for n, s in enumerate(found[: max(number, 0)], start=1)
    ]


def _compare(
    me: str,
    mine: Sequence[float],
    other: str,
    theirs: Sequence[float],
    tags: Mapping[str, Tags],
) -> Similar:
    gaps = [abs(a - b) for a, b in zip(mine, theirs, strict=True)]
    distance = math.sqrt(sum(g * g for g in gaps) / len(gaps))
    profile = 1 / (1 + distance)
    themes = programmes = None
    reasons = [_profile_reason(gaps)]
    if me in tags and other in tags:
        themes, same_themes = _overlap(tags[me].themes, tags[other].themes)
        programmes, same_programmes = _overlap(tags[me].programmes, tags[other].programmes)
        reasons.append(f"mêmes thèmes : {same_themes}" if same_themes else "")
        reasons.append(f"mêmes programmes : {same_programmes}" if same_programmes else "")
    score = profile + _WEIGHT * (themes or 0.0) + _WEIGHT * (programmes or 0.0)
    text = " ; ".join(r for r in reasons if r)
    return Similar(
        0, other, epci(other).name, round(score, 6), round(profile, 6), themes, programmes, text
    )


def _profile_reason(gaps: Sequence[float]) -> str:
    close = sorted((g, i) for i, g in enumerate(gaps) if g < _SAME)[:3]
    if not close:
        return "profil le plus proche parmi les autres, sans indicateur très voisin"
    names = list(PROFILE_INDICATORS.values())
    return "même profil : " + ", ".join(names[i] for _g, i in close)


# Each roadmap's territory (national IRI) with its themes and programmes (no parameter:
# nothing is ever written into this text). Read from each roadmap's synthèse (its theme
# and programme lines: the themes of its chantiers, the programmes of its resources),
# each table found once and joined by hashing: reading every chantier of a national
# store (1,255 roadmaps) took over ten minutes, the synthèse 0.2 s. One row per
# territory and kind, its concepts' IRIs joined by spaces (an IRI holds none): turning
# 16,837 rows into terms took longer than the query; a key that is not an IRI is left
# out inside the aggregate (a FILTER on the key's table cost a third more). The labels
# are read apart, once per concept (_LABELS_QUERY): joined to every row, they doubled
# the query's time.
_TAGS_QUERY = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT ?territoire ?sorte (GROUP_CONCAT(DISTINCT IF(isIRI(?cle), STR(?cle), "")) AS ?cles)
WHERE {
  { SELECT ?feuilleDeRoute ?territoire WHERE {
      ?feuilleDeRoute a fdr:FeuilleDeRoute ; fdr:territoire ?local .
      ?local fdr:territoireOfficiel ?territoire } }
  { SELECT ?ligne ?sorte WHERE {
      { ?ligne a fdr:SyntheseTheme . BIND("theme" AS ?sorte) }
      UNION { ?ligne a fdr:SyntheseProgramme . BIND("programme" AS ?sorte) } } }
  { SELECT ?ligne ?feuilleDeRoute WHERE { ?ligne fdr:syntheseDe ?feuilleDeRoute } }
  { SELECT ?ligne ?cle WHERE { ?ligne fdr:cle ?cle } }
}
GROUP BY ?territoire ?sorte
"""
_LABELS_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?cle ?libelle
WHERE { ?cle a skos:Concept ; skos:prefLabel ?libelle . FILTER(LANG(?libelle) = "fr") }
"""


def roadmap_tags(store: Store) -> dict[str, Tags]:
    """What each roadmap of ``store`` is about, by the SIREN of its EPCI (a commune's
    roadmap counts for its EPCI; a département's or a région's for none); each theme or
    programme with its French label (its IRI when the vocabulary has none)."""
    from rdflib import URIRef

    labels = {row["cle"]: str(row["libelle"]) for row in store.select(_LABELS_QUERY, {}).rows}
    found: dict[str, tuple[dict[URIRef, str], dict[URIRef, str]]] = {}
    for row in store.select(_TAGS_QUERY, {}).rows:
        siren = _epci_of(str(row["territoire"]))
        if siren is None:
            continue
        themes, programmes = found.setdefault(siren, ({}, {}))
        target = themes if str(row["sorte"]) == "theme" else programmes
        for key in map(URIRef, str(row["cles"]).split()):
            target[key] = labels.get(key, str(key))
    return {siren: Tags(themes, programmes) for siren, (themes, programmes) in found.items()}


def _epci_of(territory: str) -> str | None:
    from ._iris import GEO

    kind, _, code = territory.removeprefix(GEO).partition("/")
    if kind == "epci":
        return code
    if kind == "commune" and code in communes():
        return communes()[code].epci
    return None
