"""National programmes: the « programme national » cell of a Ressources row names a
concept of the shipped SKOS scheme (``ontology/programmes.ttl``), the same IRI in every
territory's graph. The cell's text stays as written (``fdr:programmeNational``); a
recognised name (label, alternative label or notation, forgiving case and accents) also
links the resource to its concept (``fdr:programme``)."""

import functools
from collections.abc import Mapping
from types import MappingProxyType

from rdflib import URIRef

from feuille_de_route.ontology import PROGRAMMES, load_schemes

from ._cells import split_list
from ._context import BuildContext
from ._mapping import MAPS
from ._namespaces import FDR, SKOS
from ._sheets import fold
from ._workbook import Row

__all__ = ["national_programme", "programmes"]

_COLUMN = "programme national"


@functools.cache
def programmes() -> Mapping[str, URIRef]:
    """Each national programme concept by the folded form of each of its names."""
    graph = load_schemes()
    found: dict[str, URIRef] = {}
    for concept in graph.subjects(SKOS.inScheme, PROGRAMMES):
        if not isinstance(concept, URIRef):
            continue
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
            for name in graph.objects(concept, predicate):
                found[fold(str(name))] = concept
    return MappingProxyType(found)


def national_programme(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    """The cell's text, and a link to each national programme it names."""
    field = MAPS[sheet].fields[_COLUMN]
    for term in ctx.terms(sheet, row, _COLUMN, field):
        ctx.add(node, field.predicate, term)
    names = [row[_COLUMN], *split_list(row[_COLUMN])]
    for name in names:
        concept = programmes().get(fold(name))
        if concept is not None:
            ctx.add(node, FDR.programme, concept)
