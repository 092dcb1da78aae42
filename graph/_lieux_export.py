"""Lieux de médiation numérique out: a territory's lieu-resources (resources with an
address) back to the national standard, validated against the shipped schema with
frictionless before the CSV is written atomically.

Normalisation (the only differences from the CSV read in): rows ordered by ``id``;
enumerated values in the standard's list order and other lists (``typologie``,
``courriels``, ``site_web``) in alphabetical order, without duplicates; numbers in plain
decimal notation; cells trimmed; the standard's quoting (every cell quoted).
"""

import csv
import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from feuille_de_route import atomic_write_text, natural_key, neutralise_csv_cell

from ._errors import DataError
from ._iris import GEO
from ._lieux_mapping import LIEU_FIELDS, LIEU_MARK, LieuForm
from ._lieux_schema import concept_words, fields, schema_errors
from ._namespaces import FDR, IGEO, RDF, SKOS

__all__ = ["lieux_rows", "write_lieux"]

_SAFE_NUMBER = ("latitude", "longitude", "telephone")  # data, never a formula: kept as is


def lieux_rows(graph: Graph) -> list[list[str]]:
    """One row per lieu-resource of ``graph`` (a ``fdr:Ressource`` with an address), the
    standard's fields in its order, ordered by ``id``."""
    lieux = {s for s in graph.subjects(LIEU_MARK, None) if (s, RDF.type, FDR.Ressource) in graph}
    rows = [_row(graph, lieu) for lieu in lieux]
    return sorted(rows, key=lambda row: (natural_key(row[0]), row))


def write_lieux(graph: Graph, path: Path) -> int:
    """Write the lieux of ``graph`` to the CSV ``path`` in the national standard, once they
    pass its schema; returns the number of lieux. Raises :class:`DataError` (French, by
    row and column) when there is none or one departs from the standard."""
    rows = lieux_rows(graph)
    file = str(path)
    if not rows:
        raise DataError(
            "aucun lieu de médiation numérique dans ce graphe (une ressource avec une adresse, "
            "fdr:adresse) : rien à exporter"
        )
    numbers = list(range(2, len(rows) + 2))
    errors = schema_errors(rows, numbers, file)
    if errors:
        raise DataError.grouped(errors)
    atomic_write_text(path, _csv_text(rows))
    return len(rows)


def _csv_text(rows: Sequence[Sequence[str]]) -> str:
    names = [spec.name for spec in fields()]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(names)
    for row in rows:
        # OWASP: a cell starting like a formula is written so that no spreadsheet runs it.
        writer.writerow(
            cell if name in _SAFE_NUMBER else neutralise_csv_cell(cell)
            for name, cell in zip(names, row, strict=True)
        )
    return buffer.getvalue()


def _row(graph: Graph, lieu: Node) -> list[str]:
    offer = _offer(graph, lieu)
    cells = []
    for spec in fields():
        field = LIEU_FIELDS[spec.name]
        if field.form is LieuForm.CONCEPTS:
            words = sorted(offer.get(spec.name, set()))
            cells.append("|".join(word for _rank, word in words))
        elif field.form is LieuForm.LIST:
            cells.append(
                "|".join(sorted({str(v).strip() for v in graph.objects(lieu, field.predicate)}))
            )
        elif spec.name == "pivot":
            cells.append(_first(graph, lieu, FDR.siret, FDR.rna, FDR.pivot))
        elif spec.name == "code_insee":
            cells.append(_insee(graph, lieu))
        else:
            cells.append(_first(graph, lieu, field.predicate))
    return cells


def _first(graph: Graph, lieu: Node, *predicates: URIRef) -> str:
    """The first predicate's value (the smallest, should a merged graph hold several)."""
    for predicate in predicates:
        values = sorted(str(v).strip() for v in graph.objects(lieu, predicate))
        if values:
            return values[0]
    return ""


def _insee(graph: Graph, lieu: Node) -> str:
    for node in sorted(graph.objects(lieu, FDR.communeOfficielle), key=str):
        code = graph.value(node, IGEO.codeINSEE)
        if code is not None:
            return str(code)
        if str(node).startswith(GEO + "commune/"):
            return str(node).removeprefix(GEO + "commune/")
    return ""


def _offer(graph: Graph, lieu: Node) -> dict[str, set[tuple[int, str]]]:
    """The lieu's concepts of the standard by field, as (rank in the list, word); a
    national programme (``fdr:programme``) counts as the dispositif it matches."""
    known = concept_words()
    concepts: set[Node | None] = set(graph.objects(lieu, FDR.offreDeMediation))
    concepts |= {_dispositif(p) for p in graph.objects(lieu, FDR.programme)}
    offer: dict[str, set[tuple[int, str]]] = {}
    for item in concepts:
        if isinstance(item, URIRef) and item in known:
            field, rank, word = known[item]
            offer.setdefault(field, set()).add((rank, word))
    return offer


def _dispositif(programme: Node) -> Node | None:
    """The standard's dispositif concept a national programme ``skos:exactMatch``-es."""
    return _schemes().value(programme, SKOS.exactMatch)


@cache
def _schemes() -> Graph:
    from feuille_de_route.ontology import load_schemes

    return load_schemes()
