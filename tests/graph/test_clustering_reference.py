"""The clustering's few lines of NumPy against scikit-learn, the reference implementation
(a test dependency only: the command does not import it, see graph/_clustering.py).

Same silhouette score for the same labels; k-means inertia within 2 % of scikit-learn's
KMeans with ten starts (ours keeps the best of three, ``N_INIT``, for start-up time: on
these data the gap is 0 to 1.3 %); on well-separated groups, the silhouette picks their
number.
"""

import numpy as np
import numpy.typing as npt
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from feuille_de_route.graph._clustering import K_RANGE, RANDOM_STATE, _kmeans, _silhouette

Matrix = npt.NDArray[np.float64]


def _blobs(seed: int, groups: int, per_group: int = 60, spread: float = 0.6) -> Matrix:
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-6.0, 6.0, size=(groups, 5))
    points = np.concatenate([c + rng.normal(0.0, spread, size=(per_group, 5)) for c in centres])
    return np.asarray((points - points.mean(axis=0)) / points.std(axis=0), dtype=np.float64)


def _inertia(z: Matrix, labels: npt.NDArray[np.intp]) -> float:
    return float(
        sum(((z[labels == j] - z[labels == j].mean(axis=0)) ** 2).sum() for j in set(labels))
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("k", [2, 3, 5])
def test_silhouette_equals_scikit_learns(seed: int, k: int) -> None:
    z = _blobs(seed, groups=4, spread=2.0)
    labels = _kmeans(z, k, np.random.default_rng(RANDOM_STATE))
    assert _silhouette(z, labels) == pytest.approx(silhouette_score(z, labels), abs=1e-9)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("k", [2, 4, 6])
def test_kmeans_inertia_is_no_worse_than_scikit_learns(seed: int, k: int) -> None:
    z = _blobs(seed, groups=4, spread=2.0)
    ours = _inertia(z, _kmeans(z, k, np.random.default_rng(RANDOM_STATE)))
    reference = KMeans(n_clusters=k, n_init=10, random_state=0).fit(z).inertia_
    assert ours <= reference * 1.02


@pytest.mark.parametrize("groups", [3, 4, 6])
def test_the_silhouette_finds_well_separated_groups(groups: int) -> None:
    z = _blobs(groups, groups=groups, spread=0.3)
    scores = {
        k: _silhouette(z, _kmeans(z, k, np.random.default_rng(RANDOM_STATE))) for k in K_RANGE
    }
    assert max(scores, key=lambda k: scores[k]) == groups
