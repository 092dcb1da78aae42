"""Workbooks to RDF and back: reading ``.xlsx``/``.ods``/CSV folders, IRI minting, the
graph build, the template and the serialisations (contract: docs/architecture.md)."""

from ._build import build_graph
from ._clustering import Clustering
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
from ._typology import INDICATOR_LABELS, CommuneScores, Rule, Typology, classify
from ._typology_csv import read_rules_csv
from ._typology_diagnostic import Diagnostic, diagnose_epci, diagnose_roadmap
from ._typology_rules import DEFAULT_RULES, rules_from_rows
from ._typology_territory import national_communes
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row, Sheet, Workbook
from ._workbook_io import read_workbook, write_workbook

__all__ = [
    "DEFAULT_RULES",
    "GRAND_PERIGUEUX",
    "IFN_COLUMNS",
    "IFN_INDICATORS",
    "INDICATOR_LABELS",
    "LIEUX_SCHEMA",
    "REFERENCE",
    "SHEETS",
    "Clustering",
    "Commune",
    "CommuneScores",
    "DataError",
    "Departement",
    "Diagnostic",
    "Epci",
    "Fragility",
    "InputLimits",
    "Member",
    "Publication",
    "Row",
    "Rule",
    "Sheet",
    "Similar",
    "Tags",
    "Typology",
    "Workbook",
    "build_graph",
    "classify",
    "commune",
    "communes",
    "count_by_class",
    "departements",
    "describe_dataset",
    "diagnose_epci",
    "diagnose_roadmap",
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
    "national_communes",
    "rank_similar",
    "read_lieux",
    "read_rules_csv",
    "read_workbook",
    "roadmap_tags",
    "rules_from_rows",
    "write_lieux",
    "write_template",
    "write_workbook",
]
