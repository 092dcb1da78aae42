"""The comparison map's networkx graph: my territory, the other, and what they share.

Each side draws its chantiers and resources, linked by status as on the other
maps. A resource tied to the same national organisation as a resource of the other side
(``fdr:organisationOfficielle``), or to another establishment of the same legal unit
(same SIREN, when neither establishment is named by the other side), is one node in the
middle, the *shared partner*, that both sides' chantiers link to. Shared national
programmes and themes are middle nodes too, linked from the resources (``programme``
links) and chantiers (``theme`` links, assumed when the theme was proposed) of each
side. Every node says its side in ``cote``: ``mien``, ``autre`` or ``commun``.
"""

import dataclasses
from collections import defaultdict

import networkx as nx

from ._builder import Builder, item, labelled
from ._comparison_data import MINE, OTHER, Comparison, SharedRow
from ._facts import annotate, annotations_index, with_note
from ._records import AnnotationRow, MobilisationRow, ResourceRow, TreeRow
from ._style import resource_kind, status_kind

__all__ = ["COMMON", "MIDDLE_KINDS", "build_comparison_graph"]

COMMON = "commun"
# Middle node kinds and their wording (the shared partner keeps its resource kind).
MIDDLE_KINDS = {"programme": "Programme national commun", "theme": "Thème commun"}
# A shared partner keyed by this prefix is a legal unit whose establishments differ.
LEGAL_UNIT = "https://w3id.org/feuille-de-route/organisation/siren/"

_ORDER = (
    "Hypothèse",
    "Territoire",
    "En commun",
    "Statut",
    "Description",
    "Notes",
    "Programme national",
    "Chantiers",
    "Ressources mobilisées",
    "Ressources",
    "Thèmes communs",
    "Programmes communs",
)


def build_comparison_graph(comparison: Comparison) -> "nx.DiGraph[str]":
    """Both sides and the middle column; node ``cote`` and link kinds as described above."""
    b = Builder()
    partners = _partners(comparison.shared)
    for side in (MINE, OTHER):
        results = comparison.side(side)
        name = comparison.name(side)
        rename = partners.get(side, {})
        _add_tree(b, results.tree, side, name)
        _add_mobilisations(b, results.mobilisations, side, name, rename, results.annotations)
        _add_resources(b, results.resources, side, name, rename)
        notes = annotations_index([_renamed(row, rename) for row in results.annotations])
        annotate(b, notes)
    _add_shared(b, comparison)
    return b.finish(_ORDER)


def _partners(rows: list[SharedRow]) -> dict[str, dict[str, str]]:
    """Side → resource IRI → its shared organisation's IRI (the merged node)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row.section == "partenaire":
            found[row.side].setdefault(row.element, row.key)
    return found


def _same(row: SharedRow) -> str:
    """What the shared partner's sides have in common: one organisation (SIRET, RNA),
    or two establishments of one legal unit (the key is then its SIREN node)."""
    if row.key.startswith(LEGAL_UNIT):
        return f"Même unité légale (SIREN {row.key_label}) : deux établissements"
    return f"Même organisation : {row.key_label}"


def _renamed(row: AnnotationRow, rename: dict[str, str]) -> AnnotationRow:
    return dataclasses.replace(row, subject=rename.get(row.subject, row.subject))


def _mark(b: Builder, node: str, side: str) -> None:
    data = b.graph.nodes[node]
    previous = data.get("cote")
    data["cote"] = side if previous in (None, side) else COMMON


def _add_tree(b: Builder, rows: list[TreeRow], side: str, name: str) -> None:
    """The side's chantiers; each défi is a filter key (named in ``graph.graph["defis"]``,
    its side in ``graph.graph["cotes"]``), not a node: two columns fewer to read."""
    defis: dict[str, str] = b.graph.graph.setdefault("defis", {})
    sides: dict[str, str] = b.graph.graph.setdefault("cotes", {})
    for row in rows:
        if not row.defi or not row.chantier:
            continue
        defi_name = f"{row.defi_id} — {row.defi_label}" if row.defi_id else row.defi_label
        defis[row.defi] = f"Défi {defi_name}"
        sides[row.defi] = side
        chantier = b.node(row.chantier, "chantier", row.chantier_label, row.chantier_id)
        _mark(b, chantier, side)
        data = b.graph.nodes[chantier]
        data["defis"].add(row.defi)
        data["chantiers"].add(chantier)
        data["defi"] = row.defi
        b.detail(chantier, "Territoire", item(f"{name} — défi {defi_name}"))


def _resource(
    b: Builder, iri: str, row: MobilisationRow | ResourceRow, side: str, name: str, merged: bool
) -> str:
    node = b.node(iri, resource_kind(row.resource_class), row.resource_label, row.resource_id)
    data = b.graph.nodes[node]
    data["resource"] = True
    data.setdefault("typeLabel", row.kind_label)
    _mark(b, node, side)
    if merged:
        data["cote"] = COMMON
        # Every side's name for it, mine first (two establishments of one side may
        # both belong to the legal unit the other side names).
        names: dict[str, list[str]] = data.setdefault("noms", {})
        own = names.setdefault(side, [])
        if row.resource_label not in own:
            own.append(row.resource_label)
        data["ident"] = ""
        ordered = [n for s in (MINE, OTHER) for n in names.get(s, [])]
        data["label"] = " / ".join(dict.fromkeys(ordered))
        b.detail(node, "En commun", item(f"{name} : {row.resource_label} ({row.kind_label})"))
    else:
        b.detail(node, "Territoire", item(name))
    return node


def _add_mobilisations(
    b: Builder,
    rows: list[MobilisationRow],
    side: str,
    name: str,
    rename: dict[str, str],
    annotations: list[AnnotationRow],
) -> None:
    notes = annotations_index(annotations)
    for row in rows:
        iri = rename.get(row.resource, row.resource)
        resource = _resource(b, iri, row, side, name, iri != row.resource)
        res = b.graph.nodes[resource]
        status = status_kind(row.status)
        status_label = row.status_label or status
        b.graph.graph.setdefault("statuses", {}).setdefault(status, status_label)
        chantier = b.node(row.chantier, "chantier", row.chantier_label, row.chantier_id)
        _mark(b, chantier, side)
        b.graph.nodes[chantier]["chantiers"].add(chantier)
        b.edge(chantier, resource, status, "", row.assumption or None)
        link = b.graph.edges[chantier, resource]
        link["statutLabel"] = status_label
        link["depuis"] = row.since
        link["notes"] = notes.get(row.mobilisation, {}).get("note", [])
        res["defis"] |= b.graph.nodes[chantier]["defis"]
        res["chantiers"].add(chantier)
        when = f", depuis le {row.since}" if row.since else ""
        mine = f"{labelled(b, chantier)} — {status_label}{when}"
        if iri != row.resource:  # a shared partner: say whose chantier it is
            mine = f"{name} : {mine}"
        b.detail(
            resource,
            "Chantiers",
            item(with_note(mine, notes, row.mobilisation), row.assumption),
        )
        theirs = f"{row.resource_label} ({row.kind_label}) — {status_label}{when}"
        b.detail(
            chantier,
            "Ressources mobilisées",
            item(with_note(theirs, notes, row.mobilisation), row.assumption),
        )


def _add_resources(
    b: Builder, rows: list[ResourceRow], side: str, name: str, rename: dict[str, str]
) -> None:
    """Every resource of the side; those no chantier mobilises « à mobiliser »."""
    for row in rows:
        iri = rename.get(row.resource, row.resource)
        if row.mobilised and iri not in b.graph:
            continue
        if iri not in b.graph:
            _resource(b, iri, row, side, name, iri != row.resource)
        data = b.graph.nodes[iri]
        if row.programme:
            b.detail(iri, "Programme national", item(f"{row.programme} ({name})"))
        if not row.mobilised and iri == row.resource:
            data["aMobiliser"] = True
            b.detail(iri, "Statut", item("À mobiliser : aucun chantier ne la mobilise"))


def _add_shared(b: Builder, comparison: Comparison) -> None:
    """Programme and theme nodes in the middle; details of the shared partners."""
    partners = _partners(comparison.shared)
    for row in comparison.shared:
        name = comparison.name(row.side)
        if row.section == "partenaire":
            if row.key in b.graph:
                b.detail(row.key, "En commun", item(_same(row)))
            continue
        if row.section not in MIDDLE_KINDS:
            continue
        rename = partners.get(row.side, {})
        element = rename.get(row.element, row.element)
        if element not in b.graph:  # a resource or chantier the side's queries left out
            continue
        key = b.node(row.key, row.section, row.key_label)
        data = b.graph.nodes[key]
        data["cote"] = COMMON
        data["typeLabel"] = MIDDLE_KINDS[row.section]
        end = b.graph.nodes[element]
        data["defis"] |= end["defis"]
        data["chantiers"] |= end["chantiers"]
        b.edge(element, key, row.section, "", row.assumption or None)
        words = f"{name} : {labelled(b, element)}"
        title = "Chantiers" if row.section == "theme" else "Ressources"
        b.detail(key, title, item(words, row.assumption))
        own = "Thèmes communs" if row.section == "theme" else "Programmes communs"
        b.detail(element, own, item(row.key_label, row.assumption))
