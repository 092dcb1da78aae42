"""rdflib's algebra of a SPARQL query text, computed once per text.

rdflib takes tens of milliseconds to parse a query, and the same texts come back: pyshacl
sends a SPARQL constraint's text once per focus node (``ontology.validate``), and the
syntax check and the federation guard both read a user's query (``queries``). Not
exported by the root package, whose import stays free of rdflib's SPARQL engine.
"""

import functools

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

__all__ = ["parsed_query"]


@functools.lru_cache(maxsize=256)
def parsed_query(text: str) -> Query:
    """The algebra of ``text`` (SPARQL 1.1 Query, §18), with no namespaces but the text's
    own, as rdflib's ``prepareQuery`` gives it. Raises what rdflib raises
    (``ParseBaseException`` for syntax, a bare ``Exception`` for an unknown prefix)."""
    return translateQuery(parseQuery(text))
