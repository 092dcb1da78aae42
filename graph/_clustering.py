"""A statistical proposal beside the rules: KMeans on the communes' IFN indicators.

The five IFN indicators (``total`` is their mean, so it is left out) are standardised
(z-scores over the territory's communes); k is chosen over 2..8 by the silhouette
score (the k whose clusters are both tight and apart, highest score; ties → smaller k);
KMeans runs with a fixed seed so that the same data give the same clusters.
Both are the textbook algorithms in a few lines of NumPy (``_kmeans``: k-means++ starts,
then Lloyd's iterations, the start of lowest inertia kept; ``_silhouette``: mean over
the communes of (b − a) / max(a, b)), the ones scikit-learn implements: importing
scikit-learn took seconds of the command's start, the computation milliseconds.
Each cluster is described by its dominant indicators: the mean z-score of its communes,
highest first. The clusters are set against the rule-based classes in a contingency
table.
"""

import math
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
MAX_ITER = 300
_CHUNK = 1024  # rows of the distance matrix computed at once by the silhouette

Matrix = npt.NDArray[np.float64]
Labels = npt.NDArray[np.intp]


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
    codes, rows = _matrix(communes)
    left_out = tuple(c.insee for c in communes if c.insee not in set(codes))
    data = np.asarray(rows, dtype=float)
    distinct = len({tuple(r) for r in rows})
    if distinct < 3:
        return Clustering(None, {}, (), {}, left_out, _too_few(len(codes)))
    spread = data.std(axis=0)
    z = (data - data.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    silhouettes: dict[int, float] = {}
    labels_by_k: dict[int, Labels] = {}
    for k in K_RANGE:
        if k >= distinct:
            break
        labels = _kmeans(z, k, np.random.default_rng(RANDOM_STATE))
        if len(set(labels.tolist())) >= 2:
            labels_by_k[k] = labels
            silhouettes[k] = _silhouette(z, labels)
    if not silhouettes:
        return Clustering(None, {}, (), {}, left_out, _too_few(len(codes)))
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


def _squared_distances(points: Matrix, centres: Matrix) -> Matrix:
    gaps = points[:, None, :] - centres[None, :, :]
    return np.asarray((gaps * gaps).sum(axis=2), dtype=np.float64)


def _plus_plus(z: Matrix, k: int, rng: np.random.Generator) -> Matrix:
    """Greedy k-means++ starting centres: at each step a few candidates are drawn with
    probability ∝ distance² to the nearest centre, and the one that lowers the sum of
    those distances most is kept (2 + ⌊ln k⌋ candidates, as scikit-learn does)."""
    trials = 2 + int(math.log(k))
    centres = [z[int(rng.integers(len(z)))]]
    nearest = _squared_distances(z, np.asarray(centres)).min(axis=1)
    for _ in range(1, k):
        total = float(nearest.sum())
        if total <= 0:
            centres.append(z[0])
            continue
        candidates = rng.choice(len(z), size=trials, p=nearest / total)
        options = np.minimum(nearest[None, :], _squared_distances(z[candidates], z))
        best = int(options.sum(axis=1).argmin())
        centres.append(z[int(candidates[best])])
        nearest = options[best]
    return np.asarray(centres, dtype=np.float64)


def _lloyd(z: Matrix, centres: Matrix) -> tuple[Labels, float]:
    """Lloyd's iterations from ``centres``: the labels and the inertia they end with."""
    for _ in range(MAX_ITER):
        labels = _squared_distances(z, centres).argmin(axis=1)
        moved = np.array(
            [
                z[labels == j].mean(axis=0) if (labels == j).any() else c
                for j, c in enumerate(centres)
            ]
        )
        if np.allclose(moved, centres, rtol=0.0, atol=1e-10):
            break
        centres = moved
    distances = _squared_distances(z, centres)
    labels = distances.argmin(axis=1)
    return labels, float(distances[np.arange(len(z)), labels].sum())


def _kmeans(z: Matrix, k: int, rng: np.random.Generator) -> Labels:
    """The labels of the best of ``N_INIT`` k-means++ starts (lowest inertia)."""
    best: tuple[Labels, float] | None = None
    for _ in range(N_INIT):
        found = _lloyd(z, _plus_plus(z, k, rng))
        if best is None or found[1] < best[1] - 1e-9:
            best = found
    assert best is not None
    return best[0]


def _silhouette(z: Matrix, labels: Labels) -> float:
    """Mean silhouette: (b − a) / max(a, b) per commune, 0 for one alone in its cluster.

    a: mean distance to the others of its cluster; b: the lowest mean distance to the
    communes of another cluster. Distances computed ``_CHUNK`` rows at a time.
    """
    names = np.unique(labels)
    members = labels[:, None] == names[None, :]  # commune × cluster
    sizes = members.sum(axis=0).astype(np.float64)
    scores = []
    for start in range(0, len(z), _CHUNK):
        rows = z[start : start + _CHUNK]
        squared = (rows * rows).sum(axis=1)[:, None] + (z * z).sum(axis=1)[None, :]
        distances = np.sqrt(np.maximum(squared - 2.0 * rows @ z.T, 0.0))
        sums = distances @ members.astype(np.float64)  # row × cluster
        own = members[start : start + _CHUNK]
        own_size = sizes[own.argmax(axis=1)]
        a = (sums * own).sum(axis=1) / np.maximum(own_size - 1, 1)
        b = np.where(own, np.inf, sums / sizes).min(axis=1)
        s = (b - a) / np.maximum(np.maximum(a, b), 1e-300)
        scores.append(np.where(own_size > 1, s, 0.0))
    return float(np.concatenate(scores).mean())


def _clusters(codes: list[str], z_array: Matrix, label_array: Labels) -> tuple[Cluster, ...]:
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
        f"graine fixe ({RANDOM_STATE}, {N_INIT} départs k-means++) : mêmes données, mêmes groupes."
    )
