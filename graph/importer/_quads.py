"""Turtle, N-Triples, TriG and N-Quads sources: one roadmap, in its own named graph or
the default graph.

Parsed by Oxigraph's streaming parser (strict IRIs, syntax errors located by line and
column, several times faster than rdflib's), stopped past the triple limit, and handed
on as Oxigraph terms (:class:`Statements`), never as an rdflib graph. A source holds one
roadmap: besides the default graph, only the named graph of that roadmap's IRI (as
``export_graph`` and ``publier-site`` write it) is accepted.
"""

import itertools
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from feuille_de_route import terminal_safe

from .._errors import DataError
from .._limits import TRIPLES_OPTION, InputLimits, read_bounded
from ..store._errors import StoreError
from ._statements import Statements

__all__ = ["QUAD_FORMATS", "parse_quads"]

QUAD_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def _read(path: Path, rdf_format: str, limits: InputLimits, base: str) -> list[Any]:
    data = read_bounded(path, limits)
    quads = ox.parse(data, format=QUAD_FORMATS[rdf_format], base_iri=base)
    try:
        read = list(itertools.islice(quads, limits.max_triples + 1))
    except SyntaxError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntaxe"
        raise DataError(
            f"fichier RDF illisible ({rdf_format}) : {terminal_safe(first[:300])}", file=str(path)
        ) from None
    if len(read) > limits.max_triples:
        raise DataError(
            f"plus de {limits.max_triples} triplets : ce n'est pas une feuille de route ; si "
            f"le fichier est sûr, relevez la limite avec l'option {TRIPLES_OPTION} N",
            file=str(path),
        )
    return read


def parse_quads(
    path: Path, rdf_format: str, limits: InputLimits, base: str | None = None
) -> Statements:
    """The roadmap statements of an RDF file (``rdf_format``: ``turtle``, ``nt``,
    ``trig``, ``nquads``).

    Refused with a French :class:`DataError`: bad syntax, too many triples, or a named
    graph other than the roadmap's own (a second roadmap, a vocabulary…)."""
    quads = _read(path, rdf_format, limits, base or path.absolute().as_uri())
    names = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})
    statements = Statements.of(quads)
    if not names:
        return statements
    try:
        roadmap = statements.roadmap()
    except StoreError:
        return statements  # the import says what is wrong: no roadmap, or several
    if names != [roadmap]:
        shown = ", ".join(f"<{terminal_safe(n[:200])}>" for n in names[:3])
        raise DataError(
            f"graphe(s) nommé(s) {shown} : une source décrit une seule feuille de route, dans "
            "le graphe nommé par l'IRI de sa fdr:FeuilleDeRoute (ou dans le graphe par défaut)",
            file=str(path),
        )
    return statements
