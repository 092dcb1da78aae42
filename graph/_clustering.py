"""A statistical proposal beside the rules: KMeans on the communes' IFN indicators.

The five IFN indicators (``total`` is their mean, so it is left out) are standardised
(z-scores over the territory's communes); k is chosen over 2..8 by the silhouette
score (the k whose clusters are both tight and apart, highest score; ties → smaller k);
KMeans runs with a fixed ``random_state`` so that the same data give the same clusters.
Each cluster is described by its dominant indicators: the mean z-score of its communes,
highest first. The clusters are set against the rule-based classes in a contingency
table.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._typology import INDICATOR_LABELS, CommuneScores, Typology

__all__ = ["CLUSTER_INDICATORS", "Cluster", "Clustering", "cluster_communes"]

CLUSTER_INDICATORS: tuple[str, ...] = (
    "no_thd_coverage_rate",
    "no_4g_coverage_rate",
    "poverty_rate",
    "older_65_rate",
    "nscol15p_rate",
)
RANDOM_STATE = 0
N_INIT = 3  # k-means++ starts per k: 3 give the same best k here as 10, a third of the time
K_RANGE = range(2, 9)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One cluster: its number (1-based), its communes, its mean z-score per indicator."""

    number: int
    communes: tuple[str, ...]  # INSEE codes
    zscores: Mapping[str, float]

    def dominant(self, count: int = 2) -> list[tuple[str, float]]:
        """The indicators most above the territory's mean, highest first."""
        ranked = sorted(self.zscores.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:count]

    def description(self) -> str:
        """« surtout pauvreté (+1,2 σ), plus de 65 ans (+0,8 σ) »."""
        parts = [
            f"{INDICATOR_LABELS[name]} ({z:+.1f} σ)".replace(".", ",")
            for name, z in self.dominant()
        ]
        return "surtout " + ", ".join(parts)


@dataclass(frozen=True)
class Clustering:
    """The chosen k, why, the clusters and the contingency table against the classes."""

    k: int | None
    silhouettes: Mapping[int, float]
    clusters: tuple[Cluster, ...]
    contingency: Mapping[int, Mapping[str, int]]  # cluster number → class → communes
    left_out: tuple[str, ...]  # communes without every indicator (INSEE codes)
    explanation: str


def _matrix(communes: Sequence[CommuneScores]) -> tuple[list[str], list[list[float]]]:
    codes, rows = [], []
    for commune in communes:
        values = [commune.values.get(name) for name in CLUSTER_INDICATORS]
        if all(v is not None for v in values):
            codes.append(commune.insee)
            rows.append([float(v) for v in values if v is not None])
    return codes, rows


def cluster_communes(communes: Sequence[CommuneScores], typology: Typology) -> Clustering:
    """KMeans over the communes' standardised indicators, k by silhouette (2..8)."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    codes, rows = _matrix(communes)
    left_out = tuple(c.insee for c in communes if c.insee not in set(codes))
    data = np.asarray(rows, dtype=float)
    distinct = len({tuple(r) for r in rows})
    if distinct < 3:
        return Clustering(None, {}, (), {}, left_out, _too_few(len(codes)))
    spread = data.std(axis=0)
    z = (data - data.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    silhouettes: dict[int, float] = {}
    labels_by_k: dict[int, npt.NDArray[np.int32]] = {}
    for k in K_RANGE:
        if k >= distinct:
            break
        model = KMeans(n_clusters=k, random_state=RANDOM_STATE, n_init=N_INIT).fit(z)
        labels_by_k[k] = model.labels_
        silhouettes[k] = float(silhouette_score(z, model.labels_))
    best = max(silhouettes, key=lambda k: (round(silhouettes[k], 6), -k))
    clusters = _clusters(codes, z, labels_by_k[best])
    classes = {c.insee: c.classe or "non classée" for c in typology.classifications}
    contingency = {
        cluster.number: _count(classes.get(code, "non classée") for code in cluster.communes)
        for cluster in clusters
    }
    return Clustering(
        best, silhouettes, clusters, contingency, left_out, _explain(best, silhouettes)
    )


def _clusters(
    codes: list[str], z_array: npt.NDArray[np.float64], label_array: npt.NDArray[np.int32]
) -> tuple[Cluster, ...]:
    # Number clusters by their first commune (INSEE order), so the numbering is stable.
    order: list[int] = []
    for label in label_array.tolist():
        if label not in order:
            order.append(label)
    clusters = []
    for number, label in enumerate(order, start=1):
        mask = label_array == label
        means = z_array[mask].mean(axis=0)
        clusters.append(
            Cluster(
                number,
                tuple(code for code, keep in zip(codes, mask.tolist(), strict=True) if keep),
                {name: float(means[i]) for i, name in enumerate(CLUSTER_INDICATORS)},
            )
        )
    return tuple(clusters)


def _count(classes: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in classes:
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))


def _too_few(count: int) -> str:
    return (
        f"pas de regroupement statistique : {count} commune(s) aux indicateurs complets, "
        "moins de trois profils distincts"
    )


def _explain(best: int, silhouettes: Mapping[int, float]) -> str:
    tried = ", ".join(f"k={k} : {s:.2f}".replace(".", ",") for k, s in silhouettes.items())
    return (
        f"k = {best} retenu : c'est le nombre de groupes dont le score de silhouette est le "
        f"plus élevé ({tried}) ; la silhouette mesure si chaque commune est plus proche de "
        "son groupe que du groupe voisin (1 = groupes bien séparés, 0 = groupes qui se "
        "chevauchent). Indicateurs centrés-réduits (écarts-types σ au territoire), KMeans à "
        "graine fixe (random_state = 0) : mêmes données, mêmes groupes."
    )
