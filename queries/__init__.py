"""The SPARQL catalogue (``catalogue/*.rq``) and the runner that binds its parameters.

Every question the project answers is a named query of the catalogue; the cartography
and the documents run the same queries. Parameters are bound as RDF terms through the
store (``?_<name>`` variables), never pasted into query text.
"""

from ._abbreviations import expand_iri
from ._changes import CHANGE_QUERIES, Change, changes_between, compare_stores
from ._changes_text import CHANGE_KEYS, ComparedRoadmap, change_line, changes_json, changes_text
from ._diagnosis import NOTHING_FOUND_EXIT, NothingFound
from ._formats import FORMATS, format_result
from ._querydef import PARAMETER_TYPES, Parameter, QueryDef, parse_query_text
from ._runner import (
    CATALOGUE_DIR,
    catalogue,
    explain_empty,
    federated_catalogue,
    get_query,
    load_query_file,
    parse_user_query,
    run_query,
    run_query_text,
    run_select,
    select,
)
from ._values import to_python

__all__ = [
    "CATALOGUE_DIR",
    "CHANGE_KEYS",
    "CHANGE_QUERIES",
    "FORMATS",
    "NOTHING_FOUND_EXIT",
    "PARAMETER_TYPES",
    "Change",
    "ComparedRoadmap",
    "NothingFound",
    "Parameter",
    "QueryDef",
    "catalogue",
    "change_line",
    "changes_between",
    "changes_json",
    "changes_text",
    "compare_stores",
    "expand_iri",
    "explain_empty",
    "federated_catalogue",
    "format_result",
    "get_query",
    "load_query_file",
    "parse_query_text",
    "parse_user_query",
    "run_query",
    "run_query_text",
    "run_select",
    "select",
    "to_python",
]
