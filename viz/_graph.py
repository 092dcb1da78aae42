"""Query rows → the networkx graph of one view (nodes, links, filter keys and details).

A node carries ``kind`` (see :func:`~._style.node_style`), ``label``, ``ident`` (the
roadmap's own ID or ``""``), ``defis``/``chantiers`` (the IRIs the défi and chantier
filters match it by), ``details`` (sections shown on click) and view-specific flags
(``alerte``, ``sansLien``, ``groupe``, ``nbChantiers``). A link carries ``kind``
(``operante``, ``connueSansLien``, ``structure`` or ``coordination``), ``label`` and
``details``.
"""

from dataclasses import dataclass

import networkx as nx

from ._builder import Builder as _Builder
from ._builder import Section
from ._builder import item as _item
from ._builder import labelled as _labelled
from ._builder import text as _text
from ._facts import ACTEUR_KINDS as _ACTEUR_KINDS
from ._facts import Annotations
from ._facts import add_actors as _add_actors
from ._facts import add_governance as _add_governance
from ._facts import add_resources as _add_resources
from ._facts import annotate as _annotate
from ._facts import annotations_index as _annotations
from ._facts import with_note as _with_note
from ._records import (
    ActionRow,
    CoordinationRow,
    FicheRow,
    MobilisationRow,
    TreeRow,
)
from ._results import Results
from ._style import (
    action_status_kind,
    is_resource,
    resource_kind,
    resource_kind_order,
    status_kind,
)

__all__ = [
    "Section",
    "build_chantier_graph",
    "build_gaps_graph",
    "build_roadmap_graph",
]

_ORDER = (
    "Hypothèse",
    "Statut",
    "Description",
    "Notes",
    "Programme national",
    "Critères de réussite",
    "Freins à lever",
    "Gouvernance",
    "Coordination",
    "Défi",
    "Enjeux",
    "Défis",
    "Chantiers",
    "Actions concrètes",
    "Ressources mobilisées",
    "Ressources à activer",
    "Ressources sans lien avec ce chantier",
    "Coordonne",
)


def _add_tree(b: _Builder, tree: list[TreeRow], with_structure: bool = True) -> None:
    """Enjeux, défis and chantiers from the ``arbre`` records, with their filter keys."""
    for row in tree:
        if not row.defi:  # an enjeu no défi answers: the enjeu alone, no blank défi
            if with_structure and row.enjeu:
                b.node(row.enjeu, "enjeu", row.enjeu_label, row.enjeu_id)
            continue
        defi = b.node(row.defi, "defi", row.defi_label, row.defi_id)
        b.graph.nodes[defi]["defis"].add(defi)
        b.graph.graph.setdefault("defis", {})[defi] = _labelled(b, defi)
        if with_structure and row.enjeu:
            enjeu = b.node(row.enjeu, "enjeu", row.enjeu_label, row.enjeu_id)
            b.graph.nodes[enjeu]["defis"].add(defi)
            b.edge(enjeu, defi, "structure")
            b.detail(enjeu, "Défis", _item(b.graph.nodes[defi]["label"]))
            b.detail(defi, "Enjeux", _item(b.graph.nodes[enjeu]["label"]))
        if not row.chantier:
            continue
        chantier = b.node(row.chantier, "chantier", row.chantier_label, row.chantier_id)
        data = b.graph.nodes[chantier]
        data["defis"].add(defi)
        data["chantiers"].add(chantier)
        data["defi"] = defi
        b.graph.nodes[defi]["chantiers"].add(chantier)
        b.edge(defi, chantier, "structure")
        b.detail(defi, "Chantiers", _item(_labelled(b, chantier)))
        b.detail(chantier, "Défi", _item(_labelled(b, defi)))
    if with_structure:
        # An enjeu matches a chantier filter through the défis that answer it.
        for _, data in b.graph.nodes(data=True):
            if data["kind"] == "enjeu":
                for defi in data["defis"]:
                    data["chantiers"] |= b.graph.nodes[defi]["chantiers"]
    if not with_structure:
        b.graph.remove_nodes_from([n for n, d in b.graph.nodes(data=True) if d["kind"] == "defi"])


def _ensure_chantier(b: _Builder, iri: str, label: str = "", ident: str = "") -> str:
    chantier = b.node(iri, "chantier", label, ident)
    b.graph.nodes[chantier]["chantiers"].add(chantier)
    return chantier


def _add_mobilisations(
    b: _Builder,
    rows: list[MobilisationRow],
    only: str | None = None,
    notes: Annotations | None = None,
) -> None:
    """Resources and their links; with ``only``, links of that chantier IRI alone."""
    notes = notes or {}
    for row in rows:
        kind = resource_kind(row.resource_class)
        resource = b.node(row.resource, kind, row.resource_label, row.resource_id)
        res = b.graph.nodes[resource]
        res["resource"] = True
        res.setdefault("typeLabel", row.kind_label)
        status = status_kind(row.status)
        status_label = row.status_label or status
        # Every status of the roadmap's rows, for the legend and the filters.
        b.graph.graph.setdefault("statuses", {}).setdefault(status, status_label)
        if only is not None and row.chantier != only:
            continue
        chantier = _ensure_chantier(b, row.chantier, row.chantier_label, row.chantier_id)
        since = row.since
        assumption = row.assumption
        b.edge(chantier, resource, status, "", assumption)
        link = b.graph.edges[chantier, resource]
        link["statutLabel"] = status_label
        link["depuis"] = since
        link["notes"] = notes.get(row.mobilisation, {}).get("note", [])
        res["defis"] |= b.graph.nodes[chantier]["defis"]
        res["chantiers"].add(chantier)
        when = f", depuis le {since}" if since else ""
        b.detail(
            resource,
            "Chantiers",
            _item(
                _with_note(
                    f"{_labelled(b, chantier)} — {status_label}{when}", notes, row.mobilisation
                ),
                assumption,
            ),
        )
        b.detail(
            chantier,
            "Ressources mobilisées",
            _item(
                _with_note(
                    f"{res['label']} ({res['typeLabel']}) — {status_label}{when}",
                    notes,
                    row.mobilisation,
                ),
                assumption,
            ),
        )


def _add_actions(b: _Builder, rows: list[ActionRow], as_nodes: bool) -> None:
    for row in rows:
        chantier = _ensure_chantier(b, row.chantier, "", row.chantier_id)
        label = row.action_label
        b.detail(chantier, "Actions concrètes", _item(label))
        if not as_nodes:
            continue
        action = b.node(row.action, "action", label, row.action_id)
        data = b.graph.nodes[action]
        data["chantiers"].add(chantier)
        data["defis"] |= b.graph.nodes[chantier]["defis"]
        # Its follow-up status, as a term's kind and the ontology's words (issue 12).
        data["statutAction"] = action_status_kind(row.status)
        data["statutActionLabel"] = row.status_label
        b.edge(chantier, action, "structure")
        b.detail(action, "Chantiers", _item(_labelled(b, chantier)))
        if row.status_label:
            b.detail(action, "Suivi", _item(f"Statut : {row.status_label}"))


def _add_coordination(
    b: _Builder,
    rows: list[CoordinationRow],
    objects: set[str] | None = None,
    notes: Annotations | None = None,
) -> None:
    """Services coordinating défis and chantiers present in the graph (or in ``objects``)."""
    notes = notes or {}
    for row in rows:
        coordinated = row.target
        if coordinated not in b.graph or (objects is not None and coordinated not in objects):
            continue
        service = b.node(row.service, "service", row.service_label)
        role = row.role_label
        assumption = row.assumption
        b.edge(service, coordinated, "coordination", role, assumption)
        target = b.graph.nodes[coordinated]
        data = b.graph.nodes[service]
        data["defis"] |= target["defis"]
        data["chantiers"] |= target["chantiers"]
        mine = _with_note(f"{_labelled(b, coordinated)} — {role}", notes, row.coordination)
        b.detail(service, "Coordonne", _item(mine, assumption))
        theirs = _with_note(f"{data['label']} — {role}", notes, row.coordination)
        b.detail(coordinated, "Coordination", _item(theirs, assumption))


def build_roadmap_graph(results: Results) -> "nx.DiGraph[str]":
    """The whole roadmap: enjeux → défis → chantiers → actions, resources, services."""
    b = _Builder()
    notes = _annotations(results.annotations)
    _add_tree(b, results.tree)
    _add_actions(b, results.actions, as_nodes=True)
    _add_mobilisations(b, results.mobilisations, notes=notes)
    _drop_orphan_resources(b)
    _add_resources(b, results.resources)
    _add_coordination(b, results.coordination, notes=notes)
    _add_governance(b, results.governance, notes)
    _add_actors(b, results.actors)
    _annotate(b, notes)
    return b.finish(_ORDER)


def _drop_orphan_resources(b: _Builder) -> None:
    # A resource row always comes with its link; this only guards against rows whose
    # chantier is filtered out, which would leave a floating node.
    orphans = [n for n, d in b.graph.nodes(data=True) if is_resource(d) and b.graph.degree(n) == 0]
    b.graph.remove_nodes_from(orphans)


def build_gaps_graph(results: Results) -> "nx.DiGraph[str]":
    """Chantiers and resources only, flagged with what is missing or shared."""
    b = _Builder()
    notes = _annotations(results.annotations)
    _add_tree(b, results.tree, with_structure=False)
    _add_mobilisations(b, results.mobilisations, notes=notes)
    for gap in results.without_operating:
        chantier = _ensure_chantier(b, gap.chantier, gap.chantier_label, gap.chantier_id)
        b.graph.nodes[chantier]["alerte"] = True
        b.detail(chantier, "Statut", _item("Aucune ressource opérante"))
    for known in results.to_activate:
        if known.chantier in b.graph and known.resource in b.graph:
            b.graph.nodes[known.resource]["aActiver"] = True
            label = b.graph.nodes[known.resource]["label"]
            b.detail(known.chantier, "Ressources à activer", _item(f"{label} ({known.kind_label})"))
    for shared in results.shared:
        if shared.resource in b.graph:
            count = shared.chantier_count
            b.graph.nodes[shared.resource]["nbChantiers"] = count
            b.detail(shared.resource, "Statut", _item(f"Partagée par {count} chantiers"))
    _drop_orphan_resources(b)
    _add_resources(b, results.resources)
    _annotate(b, notes)
    return b.finish(_ORDER)


def build_chantier_graph(results: Results, chantier_id: str) -> "nx.DiGraph[str]":
    """One chantier among the roadmap's resources, as in the seed's fiche 1.b.

    The chantier's own links are drawn solid or dashed; the roadmap's other resources
    are nodes with ``sansLien`` set and no line. Governance actors and coordinating
    services are linked to the chantier with their role as the link label.
    """
    b = _Builder()
    _add_tree(b, results.tree)
    centre = next(
        (
            n
            for n, d in b.graph.nodes(data=True)
            if d["kind"] == "chantier" and d["ident"] == chantier_id
        ),
        None,
    )
    if centre is None:  # the caller checked the chantier (see check_chantier)
        raise LookupError(f"chantier {chantier_id!r} absent from the tree")
    b.graph.nodes[centre]["centre"] = True
    defi = b.graph.nodes[centre].get("defi")
    keep = {centre} | ({defi} if defi else set())
    notes = _annotations(results.annotations)
    _add_coordination(b, results.coordination, objects=keep, notes=notes)
    coordinators = {s for s, _ in b.graph.in_edges(centre)} | (
        {s for s, _ in b.graph.in_edges(defi)} if defi else set()
    )
    if defi:
        _link_defi_coordinators(b, defi, centre)
    b.graph.remove_nodes_from(
        [n for n, d in b.graph.nodes(data=True) if n != centre and d["kind"] != "service"]
    )
    b.graph.remove_nodes_from(
        [
            n
            for n in list(b.graph)
            if b.graph.nodes[n]["kind"] == "service" and n not in coordinators
        ]
    )
    _add_mobilisations(b, results.mobilisations, only=centre, notes=notes)
    own_actions = [r for r in results.actions if r.chantier == centre]
    # Drawn as small nodes around the chantier (issue 12: coloured by their status).
    _add_actions(b, own_actions, as_nodes=True)
    participations = {
        (row.actor, row.role): row.participation
        for row in results.governance
        if row.chantier == centre
    }
    _add_fiche(b, centre, results.fiche, _FicheNotes(notes, participations))
    for node, data in b.graph.nodes(data=True):
        if is_resource(data) and not b.graph.has_edge(centre, node):
            data["sansLien"] = True
            data["chantiers"].add(centre)
            b.detail(centre, "Ressources sans lien avec ce chantier", _item(data["label"]))
            b.detail(node, "Statut", _item("Pas de lien avec ce chantier"))
    _annotate(b, notes)
    _add_group_headings(b)
    return b.finish(_ORDER)


def _link_defi_coordinators(b: _Builder, defi: str, centre: str) -> None:
    """Coordination of the chantier's défi, drawn as a link to the chantier, labelled as such."""
    for service, _, data in list(b.graph.in_edges(defi, data=True)):
        if b.graph.nodes[service]["kind"] != "service":
            continue
        b.edge(
            service,
            centre,
            "coordination",
            f"{data['labels'][0] if data['labels'] else ''} du défi".strip(),
            None,
        )
        if data["hypotheses"]:
            b.graph.edges[service, centre]["hypotheses"].extend(data["hypotheses"])


@dataclass(frozen=True)
class _FicheNotes:
    """What the fiche's governance lines need to show their participation's assumptions:
    the annotations and each (acteur, role)'s participation IRI."""

    notes: Annotations
    participations: dict[tuple[str, str], str]

    def assumption(self, actor: str, role: str) -> str:
        participation = self.participations.get((actor, role), "")
        return " ; ".join(self.notes.get(participation, {}).get("hypothese", []))


def _add_fiche(b: _Builder, centre: str, rows: list[FicheRow], extra: _FicheNotes) -> None:
    sections = {
        "description": "Description",
        "critere": "Critères de réussite",
        "frein": "Freins à lever",
    }
    for row in rows:
        text = row.text
        if row.section in sections:
            if text:
                b.detail(centre, sections[row.section], _item(text))
            continue
        if row.section != "gouvernance" or not row.actor:
            continue
        actor_iri = row.actor
        role = row.role_label
        if actor_iri in b.graph:
            actor = actor_iri
        else:
            kind = _ACTEUR_KINDS.get(row.actor_class, "acteur")
            actor = b.node(actor_iri, kind, row.actor_label)
            b.graph.nodes[actor]["chantiers"].add(centre)
            b.graph.nodes[actor]["resource"] = kind == "ressource"
        data = b.graph.nodes[actor]
        note = f" ({text})" if text else ""
        assumption = extra.assumption(actor_iri, row.role)
        b.detail(centre, "Gouvernance", _item(f"{data['label']} — {role}{note}", assumption))
        b.detail(actor, "Gouvernance", _item(f"{role}{note}", assumption))
        if is_resource(data):
            data["roles"] = [*data.get("roles", []), role]
            continue
        b.edge(actor, centre, "coordination", role, assumption or None)


def _add_group_headings(b: _Builder) -> None:
    """A text node naming each kind of resource present (its label from the ontology,
    as the rows give it), as the seed's headings do."""
    titles: dict[str, str] = {}
    for _, data in b.graph.nodes(data=True):
        if is_resource(data):
            titles.setdefault(data["kind"], _text(data.get("typeLabel")) or data["kind"])
    for kind in sorted(titles, key=resource_kind_order):
        node = b.node(f"groupe:{kind}", "groupe", titles[kind][:1].upper() + titles[kind][1:])
        b.graph.nodes[node]["groupe"] = kind
