"""A kind of resource added to the ontology only, entered in a workbook, reaches the maps.

Where ``test_new_kind.py`` hands the ontology's copy to the functions that take one, this
test changes nothing but what ``load_ontology`` returns — as editing ``fdr.ttl`` would — and
goes the user's whole way: workbook → ``load_roadmap`` (the builder's drop-down values) →
store → catalogue → page.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from feuille_de_route.graph import GRAND_PERIGUEUX, _vocabulary, load_roadmap
from feuille_de_route.graph.store import MemoryStore, vocabulary_graph
from feuille_de_route.ontology import FDR
from feuille_de_route.queries import run_query
from feuille_de_route.viz import build_cartography

from .test_new_kind import BASE, LABEL, _ontology_with_a_new_kind, _page_data


@pytest.fixture
def ontology_with_a_new_kind(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(_vocabulary, "load_ontology", _ontology_with_a_new_kind)
    _vocabulary._default_choices.cache_clear()
    yield
    _vocabulary._default_choices.cache_clear()


def _append(path: Path, row: dict[str, str]) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([row.get(column, "") for column in header])


def _workbook_with_a_tiers_lieu(folder: Path) -> Path:
    workbook = Path(shutil.copytree(GRAND_PERIGUEUX, folder))
    _append(
        workbook / "ressources.csv",
        {"identifiant": "fabrique", "nom": "La Fabrique numérique", "type": LABEL},
    )
    _append(
        workbook / "mobilisations.csv",
        {"chantier": "1.b", "ressource": "fabrique", "statut": "opérante"},
    )
    return workbook


@pytest.mark.usefixtures("ontology_with_a_new_kind")
def test_new_kind_typed_in_a_workbook_reaches_the_maps(tmp_path: Path) -> None:
    graph = load_roadmap(_workbook_with_a_tiers_lieu(tmp_path / "classeur"))
    resource = URIRef(BASE + "ressource/fabrique")
    assert (resource, RDF.type, FDR.TiersLieu) in graph
    store = MemoryStore(graph, vocabulary=vocabulary_graph(_ontology_with_a_new_kind()))
    rows = run_query("mobilisations", store, chantier="1.b")
    assert {"ressourceId": "fabrique", "typeLabel": LABEL} in [
        {"ressourceId": r["ressourceId"], "typeLabel": r["typeLabel"]} for r in rows
    ]
    data = _page_data(build_cartography(store, "chantier", "1.b"))
    node = next(n for n in data["nodes"] if n["id"] == str(resource))
    assert node["kindLabel"] == LABEL


def test_without_the_new_kind_the_workbook_value_is_refused(tmp_path: Path) -> None:
    from feuille_de_route.graph import DataError

    with pytest.raises(DataError) as error:
        load_roadmap(_workbook_with_a_tiers_lieu(tmp_path / "classeur"))
    assert LABEL in str(error.value)
