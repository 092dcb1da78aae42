"""Workbooks to RDF and back: reading ``.xlsx``/``.ods``/CSV folders, IRI minting, the
graph build, the template and the serialisations (contract: docs/architecture.md)."""

from ._build import build_graph
from ._errors import DataError
from ._export import export_graph
from ._limits import InputLimits
from ._reverse import graph_to_workbook
from ._roadmap import GRAND_PERIGUEUX, load_roadmap
from ._sheets import SHEETS
from ._summary import count_by_class
from ._template import write_template
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row, Sheet, Workbook
from ._workbook_io import read_workbook, write_workbook

__all__ = [
    "GRAND_PERIGUEUX",
    "IFN_COLUMNS",
    "SHEETS",
    "DataError",
    "InputLimits",
    "Row",
    "Sheet",
    "Workbook",
    "build_graph",
    "count_by_class",
    "export_graph",
    "graph_to_workbook",
    "load_roadmap",
    "read_workbook",
    "write_template",
    "write_workbook",
]
