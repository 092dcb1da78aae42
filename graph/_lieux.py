"""Lieux de médiation numérique in: a CSV in the national standard (``standard-mediation-num``
v1.0.2) → one territory resource per lieu.

The file is untrusted: its size, rows and cells are bounded before they are read whole,
its encoding, header and formula-like cells are checked, and its rows are validated
against the shipped schema with frictionless before any triple is made. Every problem is
a French :class:`DataError` naming the file, line and column.
"""

import csv
import io
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Protocol

from rdflib import Graph, Literal, URIRef

from feuille_de_route import is_http_iri, restore_csv_cell

from . import _reference as reference
from ._errors import DataError, Problems, suggest
from ._identifiers import organisation_triples, rna_problem, siret_problem
from ._iris import Minter, geo
from ._lieux_mapping import LIEU_CLASS, LIEU_FIELDS, LIEU_SEGMENT, LieuForm
from ._lieux_schema import concept, fields, schema_errors
from ._limits import DEFAULT_LIMITS, InputLimits, bounded_grid, read_bounded
from ._namespaces import FDR, IGEO, PREFIXES, RDF, SKOS, XSD

__all__ = ["read_lieux"]

_DEPARTEMENT = re.compile(r"[0-9]{2}|2[AB]|97[1-6]")
# OWASP "CSV Injection": what a spreadsheet takes for a formula. A signed number (a
# telephone +33…, a longitude -1.5) is data; a cell neutralised with a leading ' is read
# back as its text.
_FORMULA_START = ("=", "@", "\t", "\r", "+", "-")
_SIGNED_NUMBER = re.compile(r"[+-][0-9]+(\.[0-9]+)?|[+-] .*", re.DOTALL)


def read_lieux(path: Path, *, base_iri: str, limits: InputLimits = DEFAULT_LIMITS) -> Graph:
    """The lieux of the CSV ``path`` (national standard) as resources of the territory whose
    base IRI is ``base_iri`` (``{base_iri}lieu/{id}``, linked to the roadmap ``<base_iri>``
    by ``fdr:feuilleDeRoute``). Raises :class:`DataError` (French) for a file beyond
    ``limits``, not UTF-8, not CSV, or departing from the standard."""
    if not is_http_iri(base_iri) or not base_iri.endswith("/"):
        raise DataError(f"IRI de base http(s) se terminant par « / » attendue, lu « {base_iri} »")
    path = Path(path)
    if not path.exists():
        raise DataError(
            "fichier introuvable ; un CSV de lieux de médiation numérique est attendu",
            file=str(path),
        )
    table = _validated_table(path, limits)
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("igeo", IGEO)
    for _number, row in table:
        _add_lieu(graph, base_iri, row)
    return graph


def _validated_table(path: Path, limits: InputLimits) -> list[tuple[int, list[str]]]:
    """The rows of ``path`` (line number, the standard's fields in order) once they pass
    the schema and the identifiers' checks; else every problem found, as one error."""
    file = str(path)
    header, rows = _read_table(path, limits)
    problems = Problems()
    table = _in_schema_order(header, rows, file, problems)
    numbers = [number for number, _cells in table]
    for error in schema_errors([row for _number, row in table], numbers, file):
        problems.add(error)
    for number, row in table:
        _check_identifiers(number, row, file, problems)
    problems.raise_if_any()
    return table


def _read_table(path: Path, limits: InputLimits) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-blank rows (with their line numbers) of the CSV ``path``."""
    file = str(path)
    data = read_bounded(path, limits)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"le fichier n'est pas en UTF-8 (octet 0x{data[exc.start]:02X} illisible) ; "
            "enregistrez-le en « CSV UTF-8 »",
            file=file,
            row=line,
        ) from None
    if "\x00" in text:
        raise DataError("fichier binaire et non texte CSV (caractère nul)", file=file)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if "," not in first_line and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    grid: list[tuple[int, list[str]]] = []
    try:
        for number, cells in bounded_grid(_lines(reader), limits, file, ""):
            if len(grid) > limits.max_rows:  # the header and max_rows lieux are read
                raise DataError(
                    f"plus de {limits.max_rows} lieux : ce n'est pas un fichier de lieux d'un "
                    "territoire",
                    file=file,
                    row=number,
                )
            grid.append((number, [str(cell) for cell in cells]))
    except csv.Error as exc:
        raise _csv_error(exc, file, reader.line_num, limits) from None
    if not grid:
        raise DataError("fichier vide : la ligne d'en-tête du standard est attendue", file=file)
    (_one, header), *rows = grid
    return [name.strip() for name in header], [(n, r) for n, r in rows if any(c.strip() for c in r)]


class _Records(Protocol):
    """A ``csv.reader``: its records and the number of lines it has read."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


def _lines(reader: _Records) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (a quoted cell may span lines)."""
    number = 1
    for cells in reader:
        yield number, cells
        number = reader.line_num + 1


def _csv_error(exc: csv.Error, file: str, line: int, limits: InputLimits) -> DataError:
    if "field larger than field limit" in str(exc):
        return DataError(
            f"cellule de plus de {csv.field_size_limit()} caractères (au plus "
            f"{limits.max_cell_chars}) : ce n'est pas une donnée de lieu",
            file=file,
            row=line,
        )
    return DataError(f"CSV mal formé ({exc}) ; vérifiez les guillemets", file=file, row=line)


def _in_schema_order(
    header: list[str], rows: list[tuple[int, list[str]]], file: str, problems: Problems
) -> list[tuple[int, list[str]]]:
    """Rows as lists of the standard's fields in its order ("" for a column the file
    lacks), formula-like cells refused and neutralised ones restored."""
    names = [spec.name for spec in fields()]
    _check_header(header, names, file)
    index = {name: position for position, name in enumerate(header)}
    table = []
    for number, cells in rows:
        if len(cells) > len(header):
            problems.add(
                DataError(
                    f"{len(cells)} cellules pour {len(header)} colonnes d'en-tête",
                    file=file,
                    row=number,
                )
            )
            continue
        raw = [
            cells[index[name]] if index.get(name, len(cells)) < len(cells) else "" for name in names
        ]
        row = []
        for name, cell in zip(names, raw, strict=True):
            if _formula_like(cell):
                problems.add(
                    DataError(
                        f"cellule qui commence comme une formule de tableur (« {cell[:40]} ») : "
                        "refusée (injection CSV) ; précédez-la d'une apostrophe si c'est du texte",
                        file=file,
                        row=number,
                        column=name,
                    )
                )
            row.append(restore_csv_cell(cell.strip()))
        table.append((number, row))
    return table


def _at(cells: list[str], position: int | None) -> str:
    """The cell at ``position`` ("" for a column the file lacks or a short row)."""
    return cells[position] if position is not None and position < len(cells) else ""


def _formula_like(cell: str) -> bool:
    return cell.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(cell)


def _check_header(header: list[str], names: list[str], file: str) -> None:
    problems = Problems()
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if name in seen:
            problems.add(DataError(f"colonne « {name} » en double", file=file, row=1, column=name))
        elif name not in names:
            problems.add(
                DataError(
                    f"colonne « {name} » inconnue du standard des lieux de médiation numérique"
                    + suggest(name, names),
                    file=file,
                    row=1,
                    column=f"{position}e colonne",
                )
            )
        seen.add(name)
    for spec in fields():
        if spec.required and spec.name not in seen:
            problems.add(
                DataError(f"colonne obligatoire « {spec.name} » absente", file=file, row=1)
            )
    problems.raise_if_any()


def _check_identifiers(number: int, row: list[str], file: str, problems: Problems) -> None:
    """The pivot's key: a SIRET (14 digits) passes Luhn, a W… is an RNA number."""
    pivot = _cell(row, "pivot")
    kind = _pivot_kind(pivot)
    if kind is None:
        return
    why = siret_problem(pivot) if kind == "siret" else rna_problem(pivot)
    if why is not None:
        problems.add(DataError(why, file=file, row=number, column="pivot"))


def _pivot_kind(pivot: str) -> str | None:
    if pivot.isdigit() and len(pivot) == 14:
        return "siret"
    if pivot[:1] in ("W", "w") and len(pivot) == 10:
        return "rna"
    return None


@cache
def _positions() -> Mapping[str, int]:
    return {spec.name: position for position, spec in enumerate(fields())}


def _cell(row: list[str], name: str) -> str:
    return row[_positions()[name]]


def _add_lieu(graph: Graph, base_iri: str, row: list[str]) -> None:
    identifier = _cell(row, "id")
    lieu = Minter(base_iri).node(LIEU_SEGMENT, identifier)  # no %2F: see _iris
    graph.add((lieu, RDF.type, LIEU_CLASS))
    graph.add((lieu, RDF.type, FDR.Ressource))
    graph.add((lieu, FDR.feuilleDeRoute, URIRef(base_iri)))
    graph.add((lieu, LIEU_FIELDS["id"].predicate, Literal(identifier)))
    _add_pivot(graph, lieu, _cell(row, "pivot"))
    code = _cell(row, "code_insee")
    if code:
        graph.add((lieu, FDR.communeOfficielle, _national_commune(graph, code)))
    for spec in fields():
        field = LIEU_FIELDS[spec.name]
        text = _cell(row, spec.name)
        if text and field.form is not LieuForm.SPECIAL:
            for value in _values(spec.name, field.form, text):
                graph.add((lieu, field.predicate, value))
    for programme in _programmes(graph, lieu):
        graph.add((lieu, FDR.programme, programme))


def _values(name: str, form: LieuForm, text: str) -> list[Literal | URIRef]:
    if form is LieuForm.TEXT_FR:
        return [Literal(text, lang="fr")]
    if form is LieuForm.LIST:
        return [Literal(item.strip()) for item in text.split("|") if item.strip()]
    if form is LieuForm.DECIMAL:
        return [Literal(format(Decimal(text), "f"), datatype=XSD.decimal)]
    if form is LieuForm.DATE:
        return [Literal(text, datatype=XSD.date)]
    if form is LieuForm.CONCEPTS:
        return [concept(name, word) for word in text.split("|")]
    return [Literal(text)]


def _add_pivot(graph: Graph, lieu: URIRef, pivot: str) -> None:
    kind = _pivot_kind(pivot)
    if kind is None:
        graph.add((lieu, FDR.pivot, Literal(pivot)))
        return
    number = pivot.upper()
    graph.add((lieu, FDR.siret if kind == "siret" else FDR.rna, Literal(number)))
    official, triples = organisation_triples(kind, number)
    graph.add((lieu, FDR.organisationOfficielle, official))
    for triple in triples:
        graph.add(triple)


def _national_commune(graph: Graph, code: str) -> URIRef:
    """The national commune node and its national facts, as the roadmap build writes them
    (``_territories.commune_identity``): INSEE class, code, and département when known."""
    node = geo("commune", code)
    graph.add((node, RDF.type, IGEO.Commune))
    graph.add((node, IGEO.codeINSEE, Literal(code)))
    found = reference.communes().get(code)
    if found is not None and _DEPARTEMENT.fullmatch(found.departement):
        departement = geo("departement", found.departement)
        graph.add((departement, RDF.type, IGEO.Departement))
        graph.add((departement, IGEO.codeINSEE, Literal(found.departement)))
        graph.add((node, FDR.departement, departement))
    return node


def _programmes(graph: Graph, lieu: URIRef) -> list[URIRef]:
    """The national programmes (programmes.ttl) that match the lieu's dispositifs."""
    matches = _programme_matches()
    return sorted({matches[c] for c in graph.objects(lieu, FDR.offreDeMediation) if c in matches})


@cache
def _programme_matches() -> Mapping[object, URIRef]:
    """Each standard dispositif concept → the national programme ``skos:exactMatch``-ing it."""
    from feuille_de_route.ontology import load_schemes

    schemes = load_schemes()
    return {
        match: programme
        for programme, match in schemes.subject_objects(SKOS.exactMatch)
        if isinstance(programme, URIRef)
    }
