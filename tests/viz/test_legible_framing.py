"""Which maps the page frames with legible labels (``lisible``): small ones, read whole;
a map past ``ROOMY`` nodes is read zoomed in and keeps its labels' own sizes (carto.js)."""

import dataclasses
import json
import re
from typing import Any

from feuille_de_route.ontology import FDR
from feuille_de_route.viz import render_view
from feuille_de_route.viz._layout import ROOMY
from feuille_de_route.viz._records import ResourceRow

from .conftest import iri, sample_results


def _data(html: str) -> dict[str, Any]:
    match = re.search(r'<script id="carto-donnees" type="application/json">(.*?)</script>', html)
    assert match
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_small_maps_are_framed_legibly_large_ones_are_not() -> None:
    small = sample_results()
    for view in ("feuille-de-route", "lacunes"):
        assert _data(render_view(small, view))["lisible"] is True
    assert _data(render_view(small, "chantier", "1.b"))["lisible"] is True
    extra = [
        ResourceRow(
            resource=iri("ressource", f"r{n}"),
            resource_id=f"r{n}",
            resource_label=f"Ressource {n}",
            resource_class=str(FDR.Intervenant),
            kind_label="intervenant",
            programme="",
            mobilised=False,
        )
        for n in range(ROOMY + 1)
    ]
    large = dataclasses.replace(small, resources=[*small.resources, *extra])
    data = _data(render_view(large, "feuille-de-route"))
    assert len(data["nodes"]) > ROOMY
    assert data["lisible"] is False
