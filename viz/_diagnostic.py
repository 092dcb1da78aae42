"""The diagnostic page: one offline HTML file (inline SVG charts, inline script and style,
nothing fetched) built from a :class:`~feuille_de_route.graph.Diagnostic` the command
line hands over; ``viz`` never reads a workbook. Text is escaped by the template; the
script sorts the table by moving rows, never by writing HTML."""

import secrets
from dataclasses import dataclass
from pathlib import Path

from feuille_de_route.graph import INDICATOR_LABELS, Diagnostic

from ._diagnostic_charts import (
    Chart,
    class_counts_chart,
    comparison_chart,
    distributions_chart,
    silhouette_chart,
)
from ._page import _environment

__all__ = ["render_diagnostic"]

_HERE = Path(__file__).resolve().parent
_SCORES = tuple(name for name in INDICATOR_LABELS if name != "population")
UNCLASSIFIED = "non classée"


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    key: str  # the sort key (a number as text, or the text itself)
    numeric: bool


def _number(value: float | None, digits: int = 1) -> _Cell:
    if value is None:
        return _Cell("—", "", True)
    if value == int(value):
        text = f"{int(value):,}".replace(",", "\u202f")
    else:
        text = f"{value:.{digits}f}".replace(".", ",")
    return _Cell(text, repr(float(value)), True)


def _text(value: str) -> _Cell:
    return _Cell(value, value, False)


def _rows(diagnostic: Diagnostic) -> list[list[_Cell]]:
    by_code = {c.insee: c for c in diagnostic.typology.classifications}
    cluster_of = {
        code: str(cluster.number)
        for cluster in diagnostic.clustering.clusters
        for code in cluster.communes
    }
    rows = []
    for commune in diagnostic.communes:
        found = by_code[commune.insee]
        rows.append(
            [
                _text(commune.name),
                _text(commune.insee),
                _number(commune.values.get("population")),
                *(_number(commune.values.get(name), 2) for name in _SCORES),
                _text(found.classe or UNCLASSIFIED),
                _text(found.reason),
                _text(cluster_of.get(commune.insee, "—")),
            ]
        )
    return rows


def _headers() -> list[tuple[str, bool]]:
    return [
        ("Commune", False),
        ("Code INSEE", False),
        ("Population", True),
        *((INDICATOR_LABELS[name], True) for name in _SCORES),
        ("Classe", False),
        ("Raison", False),
        ("Groupe statistique", False),
    ]


def _charts(diagnostic: Diagnostic) -> list[Chart]:
    by_class = diagnostic.typology.by_class()
    counts = {k: len(by_class.get(k, [])) for k in diagnostic.classes}
    if diagnostic.typology.unclassified:
        counts[UNCLASSIFIED] = len(diagnostic.typology.unclassified)
    comparison = diagnostic.comparison
    series = {f"{diagnostic.territory_name} (ses communes)": comparison.territory}
    for code, means in comparison.departements.items():
        name = comparison.departement_names.get(code, code)
        series[f"{name} ({code})"] = means
    series["France"] = comparison.france
    charts = [
        class_counts_chart(counts),
        distributions_chart([c.values for c in diagnostic.communes]),
        comparison_chart(series),
    ]
    clustering = diagnostic.clustering
    if clustering.k is not None:
        charts.append(silhouette_chart(clustering.silhouettes, clustering.k))
    return charts


def render_diagnostic(diagnostic: Diagnostic) -> str:
    """The complete, self-contained HTML page of ``diagnostic``."""
    static = _HERE / "static"
    template = _environment().get_template("diagnostic.html")
    classes_in_table = sorted(
        {c for row in diagnostic.clustering.contingency.values() for c in row},
        key=lambda c: (
            c not in diagnostic.classes,
            list(diagnostic.classes).index(c) if c in diagnostic.classes else 0,
            c,
        ),
    )
    return template.render(
        d=diagnostic,
        headers=_headers(),
        rows=_rows(diagnostic),
        charts=_charts(diagnostic),
        contingency_classes=classes_in_table,
        labels=INDICATOR_LABELS,
        reach=diagnostic.reach(),
        unreached=diagnostic.unreached(),
        whole=diagnostic.whole_territory_actions(),
        notices=diagnostic.notices(),
        nonce=secrets.token_urlsafe(18),
        script=(static / "diagnostic.js").read_text(encoding="utf-8"),
        style=(static / "diagnostic.css").read_text(encoding="utf-8"),
    )
