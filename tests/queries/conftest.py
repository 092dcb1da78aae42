"""Fixtures of the query tests: the Grand Périgueux graph, its CSV rows, a second territory."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap
from feuille_de_route.graph.store import MemoryStore

OTHER_IRI = "https://w3id.org/feuille-de-route/territoires/essai-second-territoire/"

CsvRows = Callable[[str], list[dict[str, str]]]


def read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def gp_graph() -> Graph:
    return load_roadmap(None)


@pytest.fixture(scope="session")
def gp_iri() -> str:
    """The Grand Périgueux roadmap's IRI, as its workbook gives it."""
    return read_csv(GRAND_PERIGUEUX, "feuille-de-route")[0]["iri de base"]


@pytest.fixture(scope="session")
def other_iri() -> str:
    return OTHER_IRI


@pytest.fixture(scope="session")
def gp_store(gp_graph: Graph) -> MemoryStore:
    return MemoryStore(gp_graph)


@pytest.fixture(scope="session")
def gp_csv() -> CsvRows:
    """Rows of one CSV file of the embedded Grand Périgueux workbook, read with ``csv``."""

    def rows(name: str) -> list[dict[str, str]]:
        return read_csv(GRAND_PERIGUEUX, name)

    return rows


def _second_territory(folder: Path) -> Path:
    """A copy of the Grand Périgueux workbook under another base IRI, trimmed.

    Same local IDs as the Grand Périgueux (1.b, cias…), so a query that forgot to
    restrict by roadmap would mix both; its chantier 1.b keeps only its first
    mobilisation and its actions are dropped for chantier 1.a.
    """
    target = folder / "second"
    shutil.copytree(GRAND_PERIGUEUX, target)

    def rewrite(name: str, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
        with open(target / f"{name}.csv", encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
        new_rows = change(rows)
        with open(target / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(new_rows)

    def roadmap(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [{**r, "identifiant": "essai", "iri de base": OTHER_IRI} for r in rows]

    def mobilisations(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        first_1b = next(r for r in rows if r["chantier"] == "1.b")
        return [r for r in rows if r["chantier"] != "1.b" or r is first_1b]

    def actions(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r for r in rows if r["chantier"] != "1.a"]

    rewrite("feuille-de-route", roadmap)
    rewrite("mobilisations", mobilisations)
    rewrite("actions", actions)
    return target


@pytest.fixture(scope="session")
def second_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _second_territory(tmp_path_factory.mktemp("territoires"))


@pytest.fixture(scope="session")
def two_territories(gp_graph: Graph, second_folder: Path) -> MemoryStore:
    """A store holding the Grand Périgueux and the trimmed second territory."""
    union = Graph()
    for triple in gp_graph:
        union.add(triple)
    for triple in load_roadmap(second_folder):
        union.add(triple)
    return MemoryStore(union)
