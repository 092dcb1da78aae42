"""The state of one graph build and the cell → RDF term conversions the mappers share.

Every conversion reports a bad cell (located by sheet, row and column) and gives None
instead of a term, so one run reports every problem it finds.
"""

import datetime as dt
import decimal
from collections.abc import Callable
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ._cells import (
    decimal_lexical,
    parse_boolean,
    parse_date,
    parse_decimal,
    parse_integer,
    split_list,
)
from ._errors import DataError, Problems, suggest
from ._iris import Minter
from ._mapping import Field, Form
from ._namespaces import RDF, XSD
from ._registry import AGENT_KINDS, ID_COLUMNS, SHEET_OF_KIND, IdRegistry
from ._sheets import SHEETS_BY_NAME, Kind
from ._vocabulary import Choices, all_choices
from ._workbook import Row, Workbook

__all__ = ["BuildContext"]

_T = TypeVar("_T")


class BuildContext:
    """One build: the workbook, its problems, the graph made so far, the IDs declared and
    the IRI minter (set once the roadmap's base IRI is known)."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.problems = Problems()
        self.graph = Graph()
        self.vocab: dict[Kind, Choices] = all_choices()
        self.registry = IdRegistry()
        self.mint = Minter("")
        self.roadmap = URIRef("")
        # (file, sheet, column, value read, value meant) → the rows that said it.
        self.normalised: dict[tuple[str, str, str, str, str], list[int]] = {}

    def error(self, sheet: str, row: Row | None, column: str | None, detail: str) -> None:
        """Record a problem of ``row`` (or of the sheet when None)."""
        self.problems.add(
            DataError(
                detail,
                file=row.file if row else self.workbook.source,
                sheet=sheet,
                row=row.number if row else None,
                column=column,
            )
        )

    def read_as(self, sheet: str, row: Row, column: str, meant: str) -> None:
        """Record that the cell was read as the value ``meant`` (reported once built)."""
        raw = row[column]
        if raw != meant:
            key = (row.file, sheet, column, raw, meant)
            self.normalised.setdefault(key, []).append(row.number)

    def add(self, subject: URIRef, predicate: URIRef, value: Node | None) -> None:
        if value is not None:
            self.graph.add((subject, predicate, value))

    # -- literals --------------------------------------------------------------------

    def text(self, row: Row, column: str) -> Literal | None:
        value = row[column]
        return Literal(value, lang="fr") if value else None

    def plain(self, row: Row, column: str) -> Literal | None:
        value = row[column]
        return Literal(value) if value else None

    def _typed(self, sheet: str, row: Row, column: str, parse: Callable[[str], _T]) -> _T | None:
        raw = row[column]
        if not raw:
            return None
        try:
            return parse(raw)
        except ValueError as reason:
            self.error(sheet, row, column, str(reason))
            return None

    def integer(self, sheet: str, row: Row, column: str) -> int | None:
        return self._typed(sheet, row, column, parse_integer)

    def decimal(self, sheet: str, row: Row, column: str) -> decimal.Decimal | None:
        return self._typed(sheet, row, column, parse_decimal)

    def date(self, sheet: str, row: Row, column: str) -> dt.date | None:
        return self._typed(sheet, row, column, parse_date)

    # -- controlled values and references --------------------------------------------

    def controlled(self, sheet: str, row: Row, column: str) -> URIRef | None:
        """The concept (or class) the drop-down value of ``column`` stands for."""
        raw = row[column]
        options = self.vocab[SHEETS_BY_NAME[sheet].column(column).kind]
        found = options.lookup(raw)
        if found is not None:
            self.read_as(sheet, row, column, options.label(found) or raw)
        else:
            self.error(
                sheet,
                row,
                column,
                f"{options.what} inconnu « {raw} » ; valeurs permises : {options.allowed()}",
            )
        return found

    def ref(
        self, sheet: str, row: Row, column: str, kind: str, value: str | None = None
    ) -> URIRef | None:
        """The IRI of the ``kind`` node whose ID is the cell's (or ``value``)."""
        wanted = row[column] if value is None else value
        known = self.registry.ids[kind]
        if wanted in known:
            return self.mint.node(kind, wanted)
        target = SHEET_OF_KIND[kind]
        if target not in self.workbook:
            self.error(
                sheet,
                row,
                column,
                f"« {wanted} » renvoie à la feuille « {target} », absente du classeur "
                f"(fichier {SHEETS_BY_NAME[target].csv} dans un dossier CSV)",
            )
        else:
            self.error(
                sheet,
                row,
                column,
                f"« {wanted} » ne désigne aucune ligne de la feuille « {target} » "
                f"(colonne « {ID_COLUMNS[target][1]} »){suggest(wanted, known)}"
                f"{self.consequence(target)}",
            )
        return None

    def consequence(self, target: str) -> str:
        """When rows of ``target`` were set aside for their own errors, say this error
        may only follow from them (the first cause is listed above)."""
        lines = sorted(number for sheet, number in self.registry.skipped if sheet == target)
        if not lines:
            return ""
        where = ", ".join(str(n) for n in lines[:5]) + ("…" if len(lines) > 5 else "")
        return (
            f" — conséquence probable d'une erreur ci-dessus : la feuille « {target} » a des "
            f"lignes écartées (ligne(s) {where}) ; corrigez-les d'abord"
        )

    def agent(self, sheet: str, row: Row, column: str) -> URIRef | None:
        """The resource, acteur or service whose ID the cell holds (one ID space)."""
        local = row[column]
        kind = self.registry.agent(local)
        if kind is not None:
            return self.mint.node(kind, local)
        known = [a for agent in AGENT_KINDS for a in self.registry.ids[agent]]
        self.error(
            sheet,
            row,
            column,
            f"« {local} » ne désigne aucune ressource, aucun acteur ni service (feuilles "
            f"Ressources, Acteurs, Services){suggest(local, known)}",
        )
        return None

    def number(self, sheet: str, row: Row, column: str, *, euros: bool) -> Literal | None:
        """The cell as an xsd:decimal in canonical form; ``euros``: an amount, ≥ 0."""
        raw = row[column]
        try:
            value = parse_decimal(raw)
        except ValueError as reason:
            detail = f"montant en euros attendu (nombre, ex. 12 500 ou 1500,50), lu « {raw} »"
            self.error(sheet, row, column, detail if euros else str(reason))
            return None
        if euros and value < 0:
            self.error(sheet, row, column, f"montant positif ou nul attendu, lu « {raw} »")
            return None
        return Literal(decimal_lexical(value), datatype=XSD.decimal)

    def refs(self, sheet: str, row: Row, column: str, kind: str) -> list[URIRef]:
        found = []
        for item in split_list(row[column]):
            iri = self.ref(sheet, row, column, kind, item)
            if iri is not None:
                found.append(iri)
        return found

    def step(self, sheet: str, row: Row, column: str) -> URIRef | None:
        """The step (Étapes) whose number the cell holds."""
        number = self.integer(sheet, row, column)
        return None if number is None else self.ref(sheet, row, column, "etape", str(number))

    # -- mapped columns --------------------------------------------------------------

    def terms(self, sheet: str, row: Row, column: str, field: Field) -> list[Node]:
        """The objects the cell gives its predicate, per :data:`~._mapping.MAPS`."""
        if not row[column]:
            return []
        found: Node | None
        if field.form is Form.REFS:
            return list(self.refs(sheet, row, column, field.target))
        if field.form is Form.TEXT:
            found = self.text(row, column)
        elif field.form is Form.PLAIN:
            found = self.plain(row, column)
        elif field.form is Form.INTEGER:
            number = self.integer(sheet, row, column)
            found = None if number is None else Literal(number)
        elif field.form is Form.BOOLEAN:
            flag = self._typed(sheet, row, column, parse_boolean)
            if flag is not None:
                self.read_as(sheet, row, column, "oui" if flag else "non")
            found = None if flag is None else Literal(flag)
        elif field.form is Form.DATE:
            day = self.date(sheet, row, column)
            found = None if day is None else Literal(day)
        elif field.form in (Form.DECIMAL, Form.AMOUNT):
            found = self.number(sheet, row, column, euros=field.form is Form.AMOUNT)
        elif field.form is Form.REF and field.target == "agent":
            found = self.agent(sheet, row, column)
        elif field.form is Form.REF:
            found = self.ref(sheet, row, column, field.target)
        elif field.form is Form.STEP:
            found = self.step(sheet, row, column)
        else:
            found = self.controlled(sheet, row, column)
        return [] if found is None else [found]

    def unique(self, sheet: str, row: Row, node: URIRef, what: str) -> bool:
        """False (and reported) when a row before this one made ``node`` already."""
        if (node, RDF.type, None) in self.graph:
            self.error(
                sheet, row, None, f"{what} figure déjà plus haut dans la feuille (ligne en double)"
            )
            return False
        return True
