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
    with matplotlib.rc_context({"svg.hashsalt": "feuille-de-route", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _style(axes: Axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.tick_params(labelsize=8)


def distributions_chart(communes: Sequence[Mapping[str, float | None]]) -> Chart:
    """One histogram per IFN indicator: how many communes have each score (1 to 10)."""
    names = [name for name in INDICATOR_LABELS if name != "population"]
    figure = _figure(9, 4.8)
    grid = figure.subplots(2, 3, sharey=True)
    for axes, name in zip(grid.flat, names, strict=True):
        values = [v for c in communes if (v := c.get(name)) is not None]
        axes.hist(values, bins=[x + 0.5 for x in range(0, 11)], color=_PALETTE[0], rwidth=0.85)
        axes.set_title(INDICATOR_LABELS[name], fontsize=9)
        axes.set_xlim(0.5, 10.5)
        axes.set_xticks(range(1, 11))
        _style(axes)
    figure.supxlabel("score (1 = peu fragile, 10 = très fragile)", fontsize=8)
    figure.supylabel("communes", fontsize=8)
    alt = "Répartition des communes par score, pour chaque indicateur de l'IFN."
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
