"""The one table of what a column becomes: it covers the contract's sheets, and the build
and its inverse both follow it."""

from collections.abc import Callable
from pathlib import Path

from rdflib import Literal, URIRef

from feuille_de_route.graph import SHEETS, load_roadmap
from feuille_de_route.graph._build import MAPPERS
from feuille_de_route.graph._mapping import MAPS
from feuille_de_route.graph._registry import ID_COLUMNS
from feuille_de_route.graph._vocabulary import IFN_COLUMNS

Rows = dict[str, list[dict[str, str]]]
CsvFolder = Callable[[Rows], Path]
BASE = "https://example.org/territoires/essai/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"


def test_every_sheet_but_the_roadmap_has_one_mapper_in_contract_order() -> None:
    names = [spec.name for spec in SHEETS if spec.name != "Feuille de route"]
    assert list(MAPPERS) == names
    assert sorted(MAPS) == sorted(names)


def test_every_column_is_mapped_or_is_the_sheets_id() -> None:
    for spec in SHEETS:
        if spec.name == "Feuille de route":
            continue
        handled = set(MAPS[spec.name].fields) | set(IFN_COLUMNS)
        if spec.name in ID_COLUMNS:
            handled.add(ID_COLUMNS[spec.name][1])
        missing = [c for c in spec.headers if c not in handled]
        assert not missing, f"{spec.name}: {missing}"
        unknown = [c for c in MAPS[spec.name].fields if c not in spec.headers]
        assert not unknown, f"{spec.name}: {unknown}"


def test_step_number_with_a_grouping_space_builds(csv_folder: CsvFolder, rows: Rows) -> None:
    # "1 000" is an integer to the checks; the step's IRI once took int() of the raw cell
    # and crashed on it.
    rows["Étapes"] = [{"numéro": "1 000", "intitulé": "Loin"}]
    rows["Livrables"] = [{"identifiant": "L", "étape": "1000", "intitulé": "Bilan"}]
    graph = load_roadmap(csv_folder(rows))
    step = URIRef(BASE + "etape/1000")
    assert (step, URIRef(FDR + "numero"), Literal(1000)) in graph
    assert (URIRef(BASE + "livrable/L"), URIRef(FDR + "etape"), step) in graph
