"""What changed between two versions of a roadmap, computed from catalogue answers.

Each side is read with the same catalogue queries (:data:`CHANGE_QUERIES`: ``arbre``,
``actions``, ``ressources``, ``mobilisations``); enjeux, défis, chantiers, actions and
resources are matched by ID, then — among those left — by title (the ID changed, the title
kept); a link chantier → resource is matched through its two ends and compared by status.
Nothing here reads triples: the rows are what any store answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from feuille_de_route import natural_key

from ._runner import run_query

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["CHANGE_QUERIES", "ELEMENTS", "Change", "changes_between", "compare_stores"]

CHANGE_QUERIES = ("arbre", "actions", "ressources", "mobilisations")

# Kinds of element, in the order a comparison lists them.
ELEMENTS = ("enjeu", "defi", "chantier", "action", "ressource", "lien")

# Kinds of change, in the order they are listed within an element.
_CHANGE_ORDER = ("ajoute", "supprime", "renomme", "identifiant", "deplace", "statut")

Rows = Sequence[Mapping[str, object]]


@dataclass(frozen=True)
class _Element:
    iri: str
    ident: str
    label: str
    parent: str = ""  # the ID of the chantier's défi, of the action's chantier


@dataclass(frozen=True)
class Change:
    """One difference from the first version to the second.

    ``element``: one of :data:`ELEMENTS`; ``change``: ``ajoute`` (only in the second),
    ``supprime`` (only in the first), ``renomme`` (same ID, other title), ``identifiant``
    (other ID, same title), ``deplace`` (a chantier under another défi, an action under
    another chantier: ``parent``/``old_parent`` their IDs) or ``statut`` (a link's status).
    ``ident``, ``label``, ``iri``: the element in the second version (the first for a
    removed one); ``old_*`` the first version's when they differ or matter. A link's
    ``ident``/``label``/``iri`` are its chantier's, ``resource_*`` its resource's, and
    ``status``/``status_label`` its status (concept IRI, its SKOS label).
    """

    element: str
    change: str
    ident: str
    label: str
    iri: str
    old_ident: str | None = None
    old_label: str | None = None
    old_iri: str | None = None
    parent: str | None = None
    old_parent: str | None = None
    resource_ident: str | None = None
    resource_label: str | None = None
    resource_iri: str | None = None
    status: str | None = None
    status_label: str | None = None
    old_status: str | None = None
    old_status_label: str | None = None

    def sort_key(self) -> tuple[int, int, tuple[object, ...], tuple[object, ...]]:
        return (
            ELEMENTS.index(self.element),
            _CHANGE_ORDER.index(self.change),
            natural_key(self.ident),
            natural_key(self.resource_ident or ""),
        )


def compare_stores(
    before: Store,
    after: Store,
    before_roadmap: str | None = None,
    after_roadmap: str | None = None,
) -> list[Change]:
    """The changes from the roadmap in ``before`` to the one in ``after`` (each store's
    only roadmap, or the one whose IRI is given), sorted as :data:`ELEMENTS` lists them."""
    return changes_between(_answers(before, before_roadmap), _answers(after, after_roadmap))


def _answers(store: Store, roadmap: str | None) -> dict[str, list[dict[str, object]]]:
    params = {} if roadmap is None else {"feuilleDeRoute": roadmap}
    return {name: run_query(name, store, **params) for name in CHANGE_QUERIES}


def changes_between(before: Mapping[str, Rows], after: Mapping[str, Rows]) -> list[Change]:
    """The changes between two sets of answers to :data:`CHANGE_QUERIES` (query → rows)."""
    changes: list[Change] = []
    matched: dict[str, dict[str, str]] = {}  # element → first version's ID → second's
    for element, read in _READERS:
        old, new = read(before), read(after)
        pairs = _match(old, new)
        matched[element] = {a.ident: b.ident for a, b in pairs}
        changes += _element_changes(element, old, new, pairs, matched)
    changes += _link_changes(before, after, matched)
    return sorted(changes, key=Change.sort_key)


def _text(row: Mapping[str, object], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def _collect(rows: Rows, prefix: str, parent: str = "") -> dict[str, _Element]:
    """One element per IRI in ``rows``' columns ``prefix``, ``prefix + 'Id'``, ``+ 'Label'``,
    keyed by ID (the IRI when the ID is empty)."""
    found: dict[str, _Element] = {}
    for row in rows:
        iri = _text(row, prefix)
        if not iri:
            continue
        ident = _text(row, prefix + "Id") or iri
        found.setdefault(
            ident, _Element(iri, ident, _text(row, prefix + "Label"), _text(row, parent))
        )
    return found


def _tree(prefix: str, parent: str = "") -> Callable[[Mapping[str, Rows]], dict[str, _Element]]:
    return lambda answers: _collect(answers["arbre"], prefix, parent)


def _actions(answers: Mapping[str, Rows]) -> dict[str, _Element]:
    return _collect(answers["actions"], "action", "chantierId")


def _resources(answers: Mapping[str, Rows]) -> dict[str, _Element]:
    return _collect(answers["ressources"], "ressource")


_READERS: tuple[tuple[str, Callable[[Mapping[str, Rows]], dict[str, _Element]]], ...] = (
    ("enjeu", _tree("enjeu")),
    ("defi", _tree("defi")),
    ("chantier", _tree("chantier", "defiId")),
    ("action", _actions),
    ("ressource", _resources),
)


def _same_title(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def _folded(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip().casefold()


def _match(
    old: Mapping[str, _Element], new: Mapping[str, _Element]
) -> list[tuple[_Element, _Element]]:
    """Pairs of the same element: by ID first, then, among the rest, by title (each
    element of the second version taken once, in the order of the IDs)."""
    pairs = [(old[i], new[i]) for i in old if i in new]
    left = [new[i] for i in sorted(set(new) - set(old), key=natural_key)]
    for ident in sorted(set(old) - set(new), key=natural_key):
        twin = next((e for e in left if e.label and _same_title(e.label, old[ident].label)), None)
        if twin is not None:
            pairs.append((old[ident], twin))
            left.remove(twin)
    return pairs


def _element_changes(
    element: str,
    old: Mapping[str, _Element],
    new: Mapping[str, _Element],
    pairs: Iterable[tuple[_Element, _Element]],
    matched: Mapping[str, Mapping[str, str]],
) -> list[Change]:
    pairs = list(pairs)
    kept_old = {a.ident for a, _ in pairs}
    kept_new = {b.ident for _, b in pairs}
    changes = [
        Change(element, "ajoute", e.ident, e.label, e.iri)
        for ident, e in new.items()
        if ident not in kept_new
    ]
    changes += [
        Change(element, "supprime", e.ident, e.label, e.iri)
        for ident, e in old.items()
        if ident not in kept_old
    ]
    for a, b in pairs:
        changes += _pair_changes(element, a, b, matched)
    return changes


def _pair_changes(
    element: str, a: _Element, b: _Element, matched: Mapping[str, Mapping[str, str]]
) -> list[Change]:
    changes = []
    if a.ident != b.ident:
        changes.append(
            Change(element, "identifiant", b.ident, b.label, b.iri, a.ident, a.label, a.iri)
        )
    elif not _same_title(a.label, b.label):
        changes.append(Change(element, "renomme", b.ident, b.label, b.iri, a.ident, a.label, a.iri))
    parent_kind = {"chantier": "defi", "action": "chantier"}.get(element)
    if parent_kind and a.parent and b.parent:
        moved_to = matched.get(parent_kind, {}).get(a.parent, a.parent)
        if moved_to != b.parent:
            changes.append(
                Change(
                    element,
                    "deplace",
                    b.ident,
                    b.label,
                    b.iri,
                    a.ident,
                    a.label,
                    a.iri,
                    parent=b.parent,
                    old_parent=a.parent,
                )
            )
    return changes


@dataclass(frozen=True)
class _Link:
    chantier: _Element
    resource: _Element
    status: str
    status_label: str


def _links(
    rows: Rows, chantiers: Mapping[str, str], resources: Mapping[str, str]
) -> dict[tuple[str, str], _Link]:
    """Each link chantier → resource, keyed by its ends' IDs in the second version
    (``chantiers``/``resources`` map a first version's IDs to the second's)."""
    found: dict[tuple[str, str], _Link] = {}
    for row in rows:
        chantier = _Element(
            _text(row, "chantier"), _text(row, "chantierId"), _text(row, "chantierLabel")
        )
        resource = _Element(
            _text(row, "ressource"), _text(row, "ressourceId"), _text(row, "ressourceLabel")
        )
        key = (
            chantiers.get(chantier.ident, chantier.ident),
            resources.get(resource.ident, resource.ident),
        )
        found.setdefault(
            key, _Link(chantier, resource, _text(row, "statut"), _text(row, "statutLabel"))
        )
    return found


def _link_changes(
    before: Mapping[str, Rows], after: Mapping[str, Rows], matched: Mapping[str, Mapping[str, str]]
) -> list[Change]:
    old = _links(before["mobilisations"], matched["chantier"], matched["ressource"])
    new = _links(after["mobilisations"], {}, {})
    changes = []
    for key in sorted(set(old) | set(new), key=lambda k: (natural_key(k[0]), natural_key(k[1]))):
        a, b = old.get(key), new.get(key)
        if b is not None and (a is None or a.status != b.status):
            changes.append(_link_change(b, a))
        elif a is not None and b is None:
            changes.append(_link_change(a, None, removed=True))
    return changes


def _link_change(link: _Link, before: _Link | None, removed: bool = False) -> Change:
    kind = "supprime" if removed else "ajoute" if before is None else "statut"
    status = (None, None) if removed else (link.status, link.status_label)
    old_status = (
        (link.status, link.status_label)
        if removed
        else (before.status, before.status_label)
        if before is not None
        else (None, None)
    )
    return Change(
        "lien",
        kind,
        link.chantier.ident,
        link.chantier.label,
        link.chantier.iri,
        resource_ident=link.resource.ident,
        resource_label=link.resource.label,
        resource_iri=link.resource.iri,
        status=status[0],
        status_label=status[1],
        old_status=old_status[0],
        old_status_label=old_status[1],
    )
