"""The public entry points: one view as HTML text, or every view written to a folder."""

import re
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from feuille_de_route import UserError, atomic_write_tree, natural_key

from ._graph import build_chantier_graph, build_gaps_graph, build_roadmap_graph
from ._layout import chantier_layout, gaps_layout, roadmap_layout
from ._metrics import size_by_betweenness, size_by_degree, size_fixed
from ._page import Page, render_index, render_page
from ._results import (
    VIEW_QUERIES,
    Results,
    check_chantier,
    check_view,
    fetch_queries,
    fetch_results,
)
from ._roadmaps import choose_roadmap

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["build_cartography", "render_view", "write_cartographies"]

FICHE = "fiche-chantier"


def build_cartography(
    store: "Store", view: str, chantier: str | None = None, roadmap: str | None = None
) -> str:
    """The HTML page of ``view`` over one roadmap in ``store``.

    ``view`` is ``feuille-de-route`` (the whole roadmap), ``lacunes`` (the gaps) or
    ``chantier`` (one chantier's cartography of resources; ``chantier`` is its ID, e.g.
    ``1.b``). ``roadmap`` is the roadmap's IRI or ``dcterms:identifier``; without it the
    store's only roadmap is drawn. Raises :class:`~feuille_de_route.UserError` for an
    unknown view, chantier or roadmap, and when the store holds several roadmaps and
    none is chosen (the message lists them).
    """
    return _render(fetch_results(store, view, chantier, roadmap), view, chantier)


def render_view(
    results: Results,
    view: str,
    chantier: str | None = None,
    links: list[tuple[str, str]] | None = None,
) -> str:
    """The HTML page of ``view`` from query rows already fetched (see :class:`Results`).

    The whole roadmap and the gaps are titled with ``results.roadmap``'s name when set.
    Raises :class:`~feuille_de_route.UserError` for an unknown view or chantier.
    """
    check_view(view, chantier)
    if chantier is not None and view == "chantier":
        check_chantier(results, chantier)
    return _render(results, view, chantier, links)


def _render(
    results: Results,
    view: str,
    chantier: str | None = None,
    links: list[tuple[str, str]] | None = None,
) -> str:
    """The page of a view already checked (see :func:`render_view`)."""
    name = results.roadmap.name if results.roadmap else None
    page: Page
    graph: nx.DiGraph[str]
    if view == "feuille-de-route":
        graph = build_roadmap_graph(results)
        positions = roadmap_layout(graph)
        counts = _counts(graph)
        page = Page(
            view=view,
            title=name or "Feuille de route : enjeux, défis, chantiers et ressources",
            subtitle=f"Vue d'ensemble : {counts}" if name else counts,
            size_legend=size_by_degree(graph),
        )
    elif view == "lacunes":
        graph = build_gaps_graph(results)
        # Sizes first: the layout keeps the big nodes' labels clear of their neighbours.
        size_legend = size_by_betweenness(graph)
        positions = gaps_layout(graph)
        page = Page(
            view=view,
            title=f"Lacunes — {name}" if name else "Lacunes de la feuille de route",
            subtitle=(
                "Chantiers sans ressource opérante, ressources connues à activer, "
                "ressources dont dépendent plusieurs chantiers"
            ),
            size_legend=size_legend,
            lists=_gap_lists(graph, results),
            alert_legend=True,
        )
    else:
        assert chantier is not None
        graph = build_chantier_graph(results, chantier)
        positions = chantier_layout(graph)
        centre = next(d for _, d in graph.nodes(data=True) if d["kind"] == "chantier")
        page = Page(
            view=view,
            title=f"Chantier {chantier} — {centre['label']}",
            subtitle=(
                "Cartographie des ressources : trait plein, la ressource est déjà opérante ; "
                "pointillé, on la connaît sans lien encore ; sans trait, pas de lien."
            ),
            size_legend=size_fixed(graph),
            no_line_legend=True,
            kicker=name or "",
        )
    page.links = links or []
    page.roadmap = results.roadmap.iri if results.roadmap else None
    return render_page(graph, positions, page)


def _counts(graph: "nx.DiGraph[str]") -> str:
    from ._style import NODE_STYLES, is_resource

    kinds: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        key = "ressource" if is_resource(data) else data["kind"]
        kinds[key] = kinds.get(key, 0) + 1
    words = {"ressource": ("ressource", "ressources")}
    parts = []
    for kind in ("enjeu", "defi", "chantier", "action", "ressource", "service", "acteur"):
        count = kinds.get(kind, 0)
        if count:
            one, many = words.get(kind, (NODE_STYLES[kind].label, NODE_STYLES[kind].plural))
            parts.append(f"{count} {(one if count == 1 else many).lower()}")
    return ", ".join(parts)


def _gap_lists(graph: "nx.DiGraph[str]", results: Results) -> list[dict[str, object]]:
    def label(node: str) -> str:
        return str(graph.nodes[node]["label"]) if node in graph else node

    without = [
        {"id": r.chantier, "texte": f"{r.chantier_id} — {r.chantier_label}"}
        for r in sorted(results.without_operating, key=lambda r: natural_key(r.chantier_id))
        if r.chantier in graph
    ]
    to_activate = [
        {"id": r.resource, "texte": f"{r.resource_label} → chantier {r.chantier_id}"}
        for r in sorted(
            results.to_activate, key=lambda r: (natural_key(r.chantier_id), r.resource_label)
        )
        if r.resource in graph
    ]
    shared = [
        {"id": r.resource, "texte": f"{label(r.resource)} — {r.chantier_count} chantiers"}
        for r in sorted(results.shared, key=lambda r: (-r.chantier_count, r.resource_label))
        if r.resource in graph
    ]
    return [
        {
            "titre": "Chantiers sans ressource opérante",
            "items": without,
            "vide": "Aucun : chaque chantier a une ressource opérante.",
        },
        {"titre": "Ressources connues à activer", "items": to_activate, "vide": "Aucune."},
        {
            "titre": "Ressources partagées par plusieurs chantiers",
            "items": shared,
            "vide": "Aucune.",
        },
    ]


def _file_name(chantier: str, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", chantier).strip("-.") or "chantier"
    name = f"chantier-{stem}.html"
    i = 2
    while name in taken:
        name = f"chantier-{stem}-{i}.html"
        i += 1
    taken.add(name)
    return name


def write_cartographies(store: "Store", folder: Path, roadmap: str | None = None) -> list[Path]:
    """Write every view of one roadmap into ``folder`` and an ``index.html`` linking them.

    Pages: ``feuille-de-route.html``, ``lacunes.html``, one ``chantier-<ID>.html`` per
    chantier, then ``index.html``; returns their paths. ``roadmap`` (IRI or identifier)
    is chosen as in :func:`build_cartography`. The pages replace the folder's as one set.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} existe et n'est pas un dossier : attendu un dossier de sortie.")
    chosen = choose_roadmap(store, roadmap)
    # One fetch for every view: the union of their queries, the fiche apart (per chantier).
    names = tuple(dict.fromkeys(n for view in VIEW_QUERIES.values() for n in view))
    results = fetch_queries(store, Results(roadmap=chosen), tuple(n for n in names if n != FICHE))
    back = [("index.html", "Toutes les cartes")]
    pages_html: dict[str, bytes] = {}
    overview = [
        (
            "feuille-de-route.html",
            "La feuille de route",
            "Enjeux, défis, chantiers, actions, ressources et services.",
        ),
        (
            "lacunes.html",
            "Les lacunes",
            "Chantiers sans ressource opérante, ressources à activer ou partagées.",
        ),
    ]
    for (name, _, _), view in zip(overview, ("feuille-de-route", "lacunes"), strict=True):
        pages_html[name] = _render(results, view, links=back).encode("utf-8")
    chantiers: dict[str, str] = {}
    for row in results.tree:
        if row.chantier_id:
            chantiers.setdefault(row.chantier_id, row.chantier_label or row.chantier_id)
    taken: set[str] = set()
    pages: list[tuple[str, str, str]] = []
    for ident in sorted(chantiers, key=natural_key):
        name = _file_name(ident, taken)
        fetch_queries(store, results, (FICHE,), ident)
        pages_html[name] = _render(results, "chantier", ident, links=back).encode("utf-8")
        pages.append((name, f"Chantier {ident}", chantiers[ident]))
    pages_html["index.html"] = render_index(
        f"Cartographies — {chosen.name}" if chosen else "Cartographies de la feuille de route",
        [("Vues d'ensemble", overview), ("Cartographie des ressources par chantier", pages)],
    ).encode("utf-8")
    # One unit: the folder holds the old pages or the new ones, never a mix.
    return atomic_write_tree(folder, pages_html, owned=lambda name: name.endswith(".html"))
