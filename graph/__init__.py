"""Workbooks to RDF and back: reading ``.xlsx``/``.ods``/CSV folders, IRI minting, the
graph build, the template and the serialisations (contract: docs/architecture.md).

Names are imported from their module on first use (PEP 562 ``__getattr__``): a
command that needs only the reference tables pays neither for rdflib nor for numpy.
"""

from typing import TYPE_CHECKING

from feuille_de_route._lazy import lazy_exports

if TYPE_CHECKING:
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
    from ._synthesis import complete_synthesis, with_synthesis
    from ._template import fill_communes, write_template
    from ._typology import INDICATOR_LABELS, CommuneScores, Rule, Typology, classify
    from ._typology_csv import read_rules_csv
    from ._typology_diagnostic import Diagnostic, diagnose_epci, diagnose_roadmap
    from ._typology_rules import DEFAULT_RULES, rules_from_rows
    from ._typology_territory import national_communes
    from ._vocabulary import IFN_COLUMNS
    from ._workbook import Row, Sheet, Workbook
    from ._workbook_io import read_workbook, write_workbook

# Each public name → the module that defines it.
_SOURCES: dict[str, str] = {
    "Clustering": "_clustering",
    "Commune": "_reference",
    "CommuneScores": "_typology",
    "DEFAULT_RULES": "_typology_rules",
    "DataError": "_errors",
    "Departement": "_reference",
    "Diagnostic": "_typology_diagnostic",
    "Epci": "_reference",
    "Fragility": "_reference",
    "GRAND_PERIGUEUX": "_roadmap",
    "IFN_COLUMNS": "_vocabulary",
    "IFN_INDICATORS": "_reference",
    "INDICATOR_LABELS": "_typology",
    "InputLimits": "_limits",
    "LIEUX_SCHEMA": "_lieux_schema",
    "Member": "_reference",
    "Publication": "_dcat",
    "REFERENCE": "_reference",
    "Row": "_workbook",
    "Rule": "_typology",
    "SHEETS": "_sheets",
    "Sheet": "_workbook",
    "Similar": "_similarity",
    "Tags": "_similarity",
    "Typology": "_typology",
    "Workbook": "_workbook",
    "build_graph": "_build",
    "classify": "_typology",
    "commune": "_reference",
    "communes": "_reference",
    "count_by_class": "_summary",
    "departements": "_reference",
    "describe_dataset": "_dcat",
    "diagnose_epci": "_typology_diagnostic",
    "diagnose_roadmap": "_typology_diagnostic",
    "epci": "_reference",
    "epci_fragility": "_reference",
    "epcis": "_reference",
    "complete_synthesis": "_synthesis",
    "export_graph": "_export",
    "fill_communes": "_template",
    "fragility": "_reference",
    "graph_to_workbook": "_reverse",
    "lieux_rows": "_lieux_export",
    "load_roadmap": "_roadmap",
    "members": "_reference",
    "national_communes": "_typology_territory",
    "rank_similar": "_similarity",
    "read_lieux": "_lieux",
    "read_rules_csv": "_typology_csv",
    "read_workbook": "_workbook_io",
    "roadmap_tags": "_similarity",
    "rules_from_rows": "_typology_rules",
    "write_lieux": "_lieux_export",
    "write_template": "_template",
    "with_synthesis": "_synthesis",
    "write_workbook": "_workbook_io",
}

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
    "complete_synthesis",
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
    "with_synthesis",
    "write_lieux",
    "write_template",
    "write_workbook",
]


__getattr__, __dir__ = lazy_exports(__name__, _SOURCES, __all__)
