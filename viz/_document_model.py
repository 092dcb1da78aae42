"""The documents' content built from the query records of
:class:`~._document_data.DocumentData`: the roadmap, its fiches chantier and its fiches
actions (:mod:`._document_parts`).

The HTML (and the PDF printed from it) and the DOCX are drawn from this one model, so
every format holds the same sections. Each piece of text carries its assumption
(``fdr:hypothese``, ``""`` when it is a fact of the source).
"""

from collections import defaultdict

from rdflib import URIRef

from feuille_de_route import natural_key
from feuille_de_route.ontology import FDR

from ._document_data import DocumentData
from ._document_parts import (
    MISSING,
    ActionSheet,
    ChantierPart,
    ChantierSheet,
    ClassLine,
    DefiPart,
    Document,
    EnjeuPart,
    Indicator,
    Line,
    ResourceGroup,
    Role,
    euros,
    french_date,
    number,
)
from ._document_records import ActionSheetRow
from ._facts import Annotations, annotations_index
from ._records import MobilisationRow, TreeRow

__all__ = ["build_document"]

# Governance role concept → the seed's heading (« Qui pilote / Qui fait / Qui est
# associé »); a role the ontology adds later is headed by its own label.
_ROLE_HEADINGS = {
    FDR.pilote: "Qui pilote",
    FDR.copilote: "Qui copilote",
    FDR.realisateur: "Qui fait",
    FDR.associe: "Qui est associé",
}


def _hyp(notes: Annotations, *subjects: str) -> str:
    found: list[str] = []
    for subject in subjects:
        for text in notes.get(subject, {}).get("hypothese", []) if subject else []:
            if text not in found:
                found.append(text)
    return " ; ".join(found)


def _labelled(ident: str, label: str) -> str:
    return f"{ident} — {label}" if ident and ident != label else label or ident


class _Builder:
    """Builds the :class:`Document` of one :class:`DocumentData`."""

    def __init__(self, data: DocumentData) -> None:
        self.data = data
        self.results = data.results
        self.notes = annotations_index(data.results.annotations)
        chantiers = data.chantier_ids()
        self.anchors = {c: f"chantier-{i}" for i, c in enumerate(chantiers, 1)}
        self.action_rows = _by_action(data.action_sheets)
        ordered = sorted(
            self.action_rows, key=lambda a: natural_key(self.action_rows[a][0].action_id)
        )
        self.action_anchors = {a: f"action-{i}" for i, a in enumerate(ordered, 1)}

    # --- the roadmap -------------------------------------------------------------
    def enjeux(self) -> tuple[EnjeuPart, ...]:
        tree = self.results.tree
        enjeux: dict[str, tuple[str, str]] = {}
        defis: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        chantiers: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for row in tree:
            enjeux.setdefault(row.enjeu, (row.enjeu_id, row.enjeu_label))
            if row.defi:
                defis[row.enjeu].setdefault(row.defi, (row.defi_id, row.defi_label))
            if row.chantier:
                chantiers[row.defi].setdefault(row.chantier, (row.chantier_id, row.chantier_label))
        parts = []
        for enjeu, (eid, elabel) in sorted(enjeux.items(), key=lambda kv: natural_key(kv[1][0])):
            defi_parts = []
            for defi, (did, dlabel) in sorted(
                defis[enjeu].items(), key=lambda kv: natural_key(kv[1][0])
            ):
                chantier_parts = tuple(
                    self._chantier_part(c, cid, clabel)
                    for c, (cid, clabel) in sorted(
                        chantiers[defi].items(), key=lambda kv: natural_key(kv[1][0])
                    )
                )
                defi_parts.append(
                    DefiPart(
                        did,
                        dlabel,
                        _hyp(self.notes, defi),
                        self._coordination_of(defi),
                        chantier_parts,
                    )
                )
            parts.append(EnjeuPart(eid, elabel, _hyp(self.notes, enjeu), tuple(defi_parts)))
        return tuple(parts)

    def _chantier_part(self, chantier: str, ident: str, label: str) -> ChantierPart:
        return ChantierPart(
            ident,
            label,
            self.anchors.get(ident, ""),
            _hyp(self.notes, chantier),
            tuple(self._resource_line(row) for row in self._mobilisations(chantier)),
            self._actions_of(chantier),
        )

    def _mobilisations(self, chantier: str) -> list[MobilisationRow]:
        rows = [r for r in self.results.mobilisations if r.chantier == chantier]
        return sorted(rows, key=lambda r: (r.kind_label, r.resource_label))

    def _resource_line(self, row: MobilisationRow, with_kind: bool = True) -> Line:
        since = f", depuis le {french_date(row.since)}" if row.since else ""
        kind = f" ({row.kind_label})" if with_kind and row.kind_label else ""
        status = row.status_label or row.status
        assumption = " ; ".join(t for t in (row.assumption, _hyp(self.notes, row.resource)) if t)
        return Line(f"{row.resource_label}{kind} — {status}{since}", assumption)

    def _actions_of(self, chantier: str) -> tuple[Line, ...]:
        rows = sorted(
            (r for r in self.results.actions if r.chantier == chantier),
            key=lambda r: natural_key(r.action_id),
        )
        return tuple(
            Line(_labelled(r.action_id, r.action_label), _hyp(self.notes, r.action)) for r in rows
        )

    def _coordination_of(self, target: str) -> tuple[Line, ...]:
        return tuple(
            Line(
                f"{row.service_label} ({row.role_label or row.role})",
                row.assumption or _hyp(self.notes, row.coordination),
            )
            for row in self.results.coordination
            if row.target == target
        )

    def coordination(self) -> tuple[tuple[str, Line], ...]:
        return tuple(
            (
                _labelled(row.target_id, row.target_label),
                Line(
                    f"{row.service_label} — {row.role_label or row.role}",
                    row.assumption or _hyp(self.notes, row.coordination),
                ),
            )
            for row in sorted(
                self.results.coordination,
                key=lambda r: (natural_key(r.target_id), r.role_label, r.service_label),
            )
        )

    def governance(self) -> tuple[tuple[str, Line], ...]:
        labels = {r.chantier: r.chantier_label for r in self.results.tree}
        return tuple(
            (
                _labelled(row.chantier_id, labels.get(row.chantier, "")),
                Line(
                    f"{row.actor_label} — {row.role_label or row.role}",
                    _hyp(self.notes, row.participation, row.actor),
                ),
            )
            for row in sorted(
                self.results.governance,
                key=lambda r: (natural_key(r.chantier_id), r.role, r.actor_label),
            )
        )

    # --- fiches chantier ---------------------------------------------------------
    def chantier_sheets(self) -> tuple[ChantierSheet, ...]:
        tree = {r.chantier_id: r for r in self.results.tree if r.chantier_id}
        return tuple(self._chantier_sheet(tree[c]) for c in self.data.chantier_ids())

    def _chantier_sheet(self, row: TreeRow) -> ChantierSheet:
        fiche = self.data.fiches.get(row.chantier_id, [])
        participations = {
            (g.actor, g.role): g.participation
            for g in self.results.governance
            if g.chantier == row.chantier
        }
        roles: dict[str, list[Line]] = {}
        for f in fiche:
            if f.section != "gouvernance" or not f.actor:
                continue
            heading = _ROLE_HEADINGS.get(URIRef(f.role)) or f"Rôle : {f.role_label or f.role}"
            note = f" ({f.text})" if f.text else ""
            line = Line(
                f"{f.actor_label}{note}",
                _hyp(self.notes, participations.get((f.actor, f.role), "")),
            )
            if line not in roles.setdefault(heading, []):
                roles[heading].append(line)
        groups: dict[str, list[Line]] = {}
        for m in self._mobilisations(row.chantier):
            groups.setdefault(m.kind_label or m.resource_class, []).append(
                self._resource_line(m, with_kind=False)
            )
        defi_coordination = self._coordination_of(row.defi)
        own = self._coordination_of(row.chantier)
        return ChantierSheet(
            ident=row.chantier_id,
            label=row.chantier_label,
            anchor=self.anchors[row.chantier_id],
            assumption=_hyp(self.notes, row.chantier),
            defi=_labelled(row.defi_id, row.defi_label),
            description=tuple(Line(f.text) for f in fiche if f.section == "description"),
            criteria=tuple(Line(f.text) for f in fiche if f.section == "critere"),
            obstacles=tuple(Line(f.text) for f in fiche if f.section == "frein"),
            governance=tuple(Role(h, tuple(lines)) for h, lines in roles.items()),
            coordination=own
            + tuple(Line(f"{x.text}, au niveau du défi", x.assumption) for x in defi_coordination),
            resources=tuple(ResourceGroup(k, tuple(v)) for k, v in groups.items()),
            actions=self._actions_of(row.chantier),
        )

    # --- fiches actions ----------------------------------------------------------
    def action_sheets(self) -> tuple[ActionSheet, ...]:
        labels = {r.chantier: r.chantier_label for r in self.results.tree}
        sheets = [
            self._action_sheet(action, rows, labels) for action, rows in self.action_rows.items()
        ]
        return tuple(sorted(sheets, key=lambda s: natural_key(s.ident)))

    def _action_sheet(
        self, action: str, rows: list[ActionSheetRow], labels: dict[str, str]
    ) -> ActionSheet:
        main = next((r for r in rows if r.section == "action"), rows[0])
        hyps = [r.assumption for r in rows if r.section == "action" and r.assumption]
        assumption = " ; ".join(t for t in dict.fromkeys([*hyps, _hyp(self.notes, action)]) if t)
        fundings: dict[str, Line] = {}
        indicators: dict[str, Indicator] = {}
        communes: list[str] = []
        for r in rows:
            if r.section == "financement":
                text = f"{r.label or r.lead or MISSING} — {euros(r.amount) or MISSING}"
                fundings.setdefault(r.element, Line(text, r.assumption))
            elif r.section == "indicateur":
                unit = f" {r.unit}" if r.unit else ""
                indicators.setdefault(
                    r.element,
                    Indicator(
                        r.label or MISSING,
                        f"{number(r.target)}{unit}" if r.target else MISSING,
                        f"{number(r.value)}{unit}" if r.value else MISSING,
                        r.assumption,
                    ),
                )
            elif r.section == "commune" and (r.label or r.element) not in communes:
                communes.append(r.label or r.element)
        stakeholders = [Line(f"{main.lead_label or main.lead} — porteur")] if main.lead else []
        stakeholders += [
            Line(f"{f.text.split(' — ')[0]} — co-financeur") for f in fundings.values()
        ]
        stakeholders += [
            Line(f"{g.actor_label} — {g.role_label or g.role} du chantier")
            for g in self.results.governance
            if g.chantier == main.chantier
        ]
        return ActionSheet(
            ident=main.action_id,
            label=main.action_label,
            anchor=self.action_anchors[action],
            assumption=assumption,
            chantier=_labelled(main.chantier_id, labels.get(main.chantier, "")),
            objective=main.objective or MISSING,
            status=main.status_label or MISSING,
            start=french_date(main.start) or MISSING,
            end=french_date(main.end) or MISSING,
            steps=tuple(s.strip() for s in main.steps.split("|") if s.strip()),
            stakeholders=tuple(dict.fromkeys(stakeholders)),
            budget=euros(main.budget) or MISSING,
            fundings=tuple(fundings.values()),
            indicators=tuple(indicators.values()),
            communes=tuple(communes),
        )

    # --- the whole ---------------------------------------------------------------
    def document(self) -> Document:
        head = self.data.head[0] if self.data.head else None
        roadmap = self.data.roadmap
        title = (head.title if head else "") or (roadmap.name if roadmap else "Feuille de route")
        return Document(
            title=title,
            territory=(head.territory_label or head.territory) if head else "",
            source=head.source if head else "",
            licence=head.licence if head else "",
            classes=tuple(
                ClassLine(r.classe_id, r.classe_label, r.commune_count, r.population)
                for r in sorted(
                    self.data.classes, key=lambda r: (not r.classe, natural_key(r.classe_id))
                )
            ),
            enjeux=self.enjeux(),
            coordination=self.coordination(),
            governance=self.governance(),
            chantiers=self.chantier_sheets(),
            actions=self.action_sheets(),
        )


def _by_action(rows: list[ActionSheetRow]) -> dict[str, list[ActionSheetRow]]:
    grouped: dict[str, list[ActionSheetRow]] = {}
    for row in rows:
        grouped.setdefault(row.action, []).append(row)
    return grouped


def build_document(data: DocumentData) -> Document:
    """The content of one roadmap's documents."""
    return _Builder(data).document()
