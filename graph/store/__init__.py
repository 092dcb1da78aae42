"""Where a graph lives: in memory (Oxigraph; rdflib to compare), Oxigraph on disk, any server.

Every store follows :class:`Store` and gives the same results to the same query:
rdflib terms, plain string literals without datatype, the union of the named graphs.
Each roadmap lives in the named graph whose name is its IRI (:func:`roadmap_graph_name`);
the catalogue reads the default graph (that union) and finds a roadmap by its data, so
it answers the same wherever the roadmap was loaded. :func:`publish` puts a territory's
graph on a server as one named graph. Every store also holds the ontology's vocabulary
(its SKOS schemes, :func:`vocabulary_graph`) in the named graph of the ontology's IRI
(:data:`VOCABULARY_GRAPH`), where queries read the labels of statuses, kinds and roles.
"""

from ._endpoint import EndpointStore
from ._errors import StoreError
from ._memory import MemoryStore
from ._naming import roadmap_graph_name, roadmap_space
from ._oxigraph import OxigraphStore
from ._publish import graph_store_url, publish
from ._removal import remove_roadmaps
from ._result import SelectResult, Store
from ._urls import query_url
from ._values import query_code
from ._vocabulary import VOCABULARY_GRAPH, vocabulary_graph

__all__ = [
    "VOCABULARY_GRAPH",
    "EndpointStore",
    "MemoryStore",
    "OxigraphStore",
    "SelectResult",
    "Store",
    "StoreError",
    "graph_store_url",
    "publish",
    "query_code",
    "query_url",
    "remove_roadmaps",
    "roadmap_graph_name",
    "roadmap_space",
    "vocabulary_graph",
]
