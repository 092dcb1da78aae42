"""Removing roadmaps from a store: each with the graphs of its space, all or none."""

from collections.abc import Sequence
from typing import Protocol

from ._errors import StoreError
from ._naming import roadmap_space

__all__ = ["remove_roadmaps"]


class _Removable(Protocol):
    def graph_names(self) -> list[str]: ...

    def remove_graphs(self, names: Sequence[str]) -> None: ...


def remove_roadmaps(store: _Removable, iris: Sequence[str]) -> dict[str, list[str]]:
    """Remove from ``store`` each roadmap of ``iris`` with the graphs of its space
    (:func:`roadmap_space`: its graph and its lieux'); return the graphs removed by IRI.

    An IRI whose space holds no graph is a French :class:`StoreError` naming it, and
    nothing is removed. :class:`OxigraphStore` removes every graph in one transaction;
    a server, one graph after the other (see :meth:`EndpointStore.remove_graphs`).
    """
    names = store.graph_names()
    spaces = {iri: roadmap_space(iri, names) for iri in dict.fromkeys(iris)}
    missing = [iri for iri, graphs in spaces.items() if not graphs]
    if missing:
        raise StoreError(
            "aucun graphe à retirer pour "
            + ", ".join(f"<{iri}>" for iri in missing)
            + " : ni graphe de ce nom, ni graphe sous cette IRI (la liste des feuilles de "
            "route : feuille-de-route requete feuilles-de-route). Rien n'a été retiré."
        )
    store.remove_graphs(sorted({g for graphs in spaces.values() for g in graphs}))
    return spaces
