"""The diagnostic's charts: matplotlib figures drawn to static SVG (no script, no font
or file fetched), each given to the page as a ``data:`` image with its French text
alternative. Figures are made with the object API (no pyplot state), so drawing is
thread-safe and leaves nothing behind."""

import base64
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from feuille_de_route.graph._typology import INDICATOR_LABELS, french_number

__all__ = [
    "Chart",
    "class_counts_chart",
    "comparison_chart",
    "distributions_chart",
    "silhouette_chart",
]

_PALETTE = (
    "#1f5f8b",
    "#e07b39",
    "#7a9a01",
    "#b04a7a",
    "#2a9d8f",
    "#c9a227",
    "#8c6bb1",
    "#9e3d22",
    "#6baed6",
)
_FRANCE = "#222222"


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its ``data:`` URI (an SVG image) and its text alternative."""

    title: str
    uri: str
    alt: str


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def _svg_uri(figure: Figure) -> str:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "feuille-de-route", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _style(axes: Axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.tick_params(labelsize=8)


def _score_counts(communes: Sequence[Mapping[str, float | None]], name: str) -> list[int]:
    """Communes per score 1..10 for one indicator (a decimal score counts at its nearest
    whole score; scores outside 1..10 are left out)."""
    counts = [0] * 10
    for commune in communes:
        value = commune.get(name)
        if value is not None and 1 <= value <= 10:
            counts[min(int(value + 0.5), 10) - 1] += 1
    return counts


def distributions_chart(communes: Sequence[Mapping[str, float | None]]) -> Chart:
    """Each IFN indicator's distribution: one row per indicator, one cell per score
    (1 to 10) holding the number of communes, darker when there are more (one axes:
    small multiples cost several times the drawing time)."""
    names = [name for name in INDICATOR_LABELS if name != "population"]
    table = [_score_counts(communes, name) for name in names]
    figure = _figure(9, 3.4)
    axes = figure.subplots()
    axes.imshow(table, cmap="Blues", aspect="auto", vmin=0)
    peak = max((max(row) for row in table), default=0) or 1
    for y, row in enumerate(table):
        for x, count in enumerate(row):
            colour = "white" if count > peak * 0.6 else "#222222"
            axes.text(x, y, str(count), ha="center", va="center", fontsize=8, color=colour)
    axes.set_xticks(range(10), [str(score) for score in range(1, 11)])
    axes.set_yticks(range(len(names)), [INDICATOR_LABELS[name] for name in names])
    axes.set_xlabel("score (1 = peu fragile, 10 = très fragile) : nombre de communes", fontsize=8)
    axes.tick_params(labelsize=8, length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    alt = "Nombre de communes par score, indicateur par indicateur : " + " ; ".join(
        f"{INDICATOR_LABELS[name]} " + ", ".join(f"{s + 1}: {n}" for s, n in enumerate(row) if n)
        for name, row in zip(names, table, strict=True)
    )
    return Chart("Répartition des scores, indicateur par indicateur", _svg_uri(figure), alt)


def class_counts_chart(counts: Mapping[str, int]) -> Chart:
    """Communes per class (horizontal bars, in the rules' order of classes)."""
    labels = list(counts)
    figure = _figure(7, 0.45 * len(labels) + 1)
    axes = figure.subplots()
    axes.barh(labels, [counts[k] for k in labels], color=_PALETTE[1])
    axes.invert_yaxis()
    for y, label in enumerate(labels):
        axes.annotate(
            str(counts[label]),
            (counts[label], y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    axes.set_xlabel("communes", fontsize=8)
    _style(axes)
    alt = "Nombre de communes par classe : " + ", ".join(f"{k} {v}" for k, v in counts.items())
    return Chart("Communes par classe", _svg_uri(figure), alt)


def comparison_chart(series: Mapping[str, Mapping[str, float | None]]) -> Chart:
    """Grouped bars: mean score per indicator for each level (territory, département…)."""
    names = [name for name in INDICATOR_LABELS if name != "population"]
    figure = _figure(9, 3.6 + 0.25 * ((len(series) + 1) // 2))
    axes = figure.subplots()
    width = 0.8 / max(len(series), 1)
    for i, (level, means) in enumerate(series.items()):
        xs = [j + i * width for j in range(len(names))]
        axes.bar(
            xs,
            [means.get(n) or 0.0 for n in names],
            width,
            label=level,
            color=_FRANCE if level == "France" else _PALETTE[i % len(_PALETTE)],
        )
    axes.set_xticks([j + 0.4 - width / 2 for j in range(len(names))])
    axes.set_xticklabels([INDICATOR_LABELS[n] for n in names])
    axes.set_ylim(0, 10)
    axes.set_ylabel("score moyen des communes", fontsize=8)
    figure.legend(fontsize=8, frameon=False, loc="outside upper left", ncols=2)
    _style(axes)
    alt = "Score moyen par indicateur : " + " ; ".join(
        f"{level} : "
        + ", ".join(
            f"{INDICATOR_LABELS[n]} {french_number(round(v, 1))}"
            for n in names
            if (v := means.get(n)) is not None
        )
        for level, means in series.items()
    )
    return Chart("Le territoire, son département et la France", _svg_uri(figure), alt)


def silhouette_chart(silhouettes: Mapping[int, float], best: int) -> Chart:
    """Silhouette score per k, the chosen k marked."""
    figure = _figure(5, 2.6)
    axes = figure.subplots()
    ks = list(silhouettes)
    axes.plot(ks, [silhouettes[k] for k in ks], marker="o", color=_PALETTE[0])
    axes.scatter(
        [best],
        [silhouettes[best]],
        s=120,
        facecolors="none",
        edgecolors=_PALETTE[1],
        linewidths=2,
        zorder=3,
    )
    axes.set_xlabel("nombre de groupes k", fontsize=8)
    axes.set_ylabel("silhouette", fontsize=8)
    axes.set_xticks(ks)
    _style(axes)
    alt = f"Score de silhouette selon k ; k = {best} retenu."
    return Chart("Choix du nombre de groupes", _svg_uri(figure), alt)
