"""Workbooks to RDF and back: reading ``.xlsx``/``.ods``/CSV folders, IRI minting, the
graph build, the template and the serialisations (contract: docs/architecture.md)."""

from ._build import build_graph
from ._dcat import Publication, describe_dataset
from ._errors import DataError
from ._export import export_graph
from ._lieux import read_lieux
from ._lieux_export import lieux_rows, write_lieux
from ._lieux_schema import LIEUX_SCHEMA
from ._limits import InputLimits
from ._reference import (
    IFN_INDICATORS,
    REFERENCE,
    Commune,
    Departement,
    Epci,
    Fragility,
    Member,
    commune,
    communes,
    departements,
    epci,
    epci_fragility,
    epcis,
    fragility,
    members,
)
from ._reverse import graph_to_workbook
from ._roadmap import GRAND_PERIGUEUX, load_roadmap
from ._sheets import SHEETS
from ._similarity import Similar, Tags, rank_similar, roadmap_tags
from ._summary import count_by_class
from ._template import fill_communes, write_template
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row, Sheet, Workbook
from ._workbook_io import read_workbook, write_workbook

__all__ = [
    "GRAND_PERIGUEUX",
    "IFN_COLUMNS",
    "IFN_INDICATORS",
    "LIEUX_SCHEMA",
    "REFERENCE",
    "SHEETS",
    "Commune",
    "DataError",
    "Departement",
    "Epci",
    "Fragility",
    "InputLimits",
    "Member",
    "Publication",
    "Row",
    "Sheet",
    "Similar",
    "Tags",
    "Workbook",
    "build_graph",
    "commune",
    "communes",
    "count_by_class",
    "departements",
    "describe_dataset",
    "epci",
    "epci_fragility",
    "epcis",
    "export_graph",
    "fill_communes",
    "fragility",
    "graph_to_workbook",
    "lieux_rows",
    "load_roadmap",
    "members",
    "rank_similar",
    "read_lieux",
    "read_workbook",
    "roadmap_tags",
    "write_lieux",
    "write_template",
    "write_workbook",
]
