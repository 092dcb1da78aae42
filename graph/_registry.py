"""The IDs a workbook declares, per kind of node, so that references can be checked
before any triple is made.

A row whose own cells fail (a required cell empty, a malformed or duplicate ID) is
reported and skipped: its node does not exist for the other sheets.
"""

from ._cells import parse_integer
from ._checks import Report, check_id, check_required
from ._sheets import SHEETS
from ._workbook import Row, Workbook

__all__ = ["AGENT_KINDS", "ID_COLUMNS", "SHEET_OF_KIND", "IdRegistry", "local_id"]

# Sheet → (IRI kind segment, the column holding the row's own ID).
ID_COLUMNS: dict[str, tuple[str, str]] = {
    "Étapes": ("etape", "numéro"),
    "Livrables": ("livrable", "identifiant"),
    "Typologie": ("typologie", "identifiant"),
    "Groupes": ("groupe", "identifiant"),
    "Communes": ("commune", "code insee"),
    "Enjeux": ("enjeu", "identifiant"),
    "Défis": ("defi", "identifiant"),
    "Chantiers": ("chantier", "identifiant"),
    "Actions": ("action", "identifiant"),
    "Critères": ("critere", "identifiant"),
    "Freins": ("frein", "identifiant"),
    "Services": ("service", "identifiant"),
    "Acteurs": ("acteur", "identifiant"),
    "Ressources": ("ressource", "identifiant"),
    "Règles de typologie": ("regle", "identifiant"),
}
SHEET_OF_KIND: dict[str, str] = {kind: sheet for sheet, (kind, _col) in ID_COLUMNS.items()}
# Services, Acteurs and Ressources share one ID space: Gouvernance names any of them.
AGENT_KINDS = ("service", "acteur", "ressource")


def local_id(sheet: str, row: Row) -> str:
    """The row's own ID as IRIs use it (a step number without sign or leading zero)."""
    kind, column = ID_COLUMNS[sheet]
    local = row[column]
    return str(parse_integer(local)) if kind == "etape" else local


class IdRegistry:
    """The rows declaring each ID, by node kind, and the rows to skip."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, Row]] = {kind: {} for kind, _col in ID_COLUMNS.values()}
        self.skipped: set[tuple[str, int]] = set()
        self._agents: dict[str, tuple[str, Row]] = {}

    def register(self, workbook: Workbook, report: Report) -> None:
        """Check every row's own cells and record its ID (the roadmap's row aside)."""
        for spec in SHEETS:
            if spec.name == "Feuille de route":
                continue
            for row in workbook.rows(spec.name):
                if not self._accept(spec.name, row, report):
                    self.skipped.add((spec.name, row.number))

    def _accept(self, sheet: str, row: Row, report: Report) -> bool:
        if not check_required(sheet, row, report):
            return False
        if sheet not in ID_COLUMNS:
            return True
        kind, column = ID_COLUMNS[sheet]
        if not check_id(sheet, row, column, row[column], report):
            return False
        local = local_id(sheet, row)
        seen = self.ids[kind].get(local)
        if seen is not None:
            report(
                sheet,
                row,
                column,
                f"identifiant « {local} » en double (déjà ligne {seen.number}) ; "
                "chaque identifiant est unique dans sa feuille",
            )
            return False
        if kind in AGENT_KINDS and not self._new_agent(sheet, row, column, local, report):
            return False
        self.ids[kind][local] = row
        return True

    def _new_agent(self, sheet: str, row: Row, column: str, local: str, report: Report) -> bool:
        other = self._agents.get(local)
        if other is not None:
            report(
                sheet,
                row,
                column,
                f"identifiant « {local} » déjà pris par la feuille « {other[0]} » "
                f"(ligne {other[1].number}) ; les identifiants des Services, "
                "Acteurs et Ressources sont uniques ensemble",
            )
            return False
        self._agents[local] = (sheet, row)
        return True

    def agent(self, local: str) -> str | None:
        """The kind (service, acteur, ressource) of the agent ``local`` names, if any."""
        found = None
        for kind in AGENT_KINDS:
            if local in self.ids[kind]:
                found = kind
        return found

    def skips(self, sheet: str, row: Row) -> bool:
        return (sheet, row.number) in self.skipped
