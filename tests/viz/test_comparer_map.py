"""Issue 11, item 5: the map of version 2 that ``comparer --carte`` writes marks what is
new or changed (border or line colour, legend entries), filters « Seulement ce qui a
changé » and lists every change, in a real browser (Debian's Chromium)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.cli import main

from ..versions_v2 import kept_versions

pytestmark = pytest.mark.browser

GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
DRAWN = "() => document.documentElement.dataset.drawn === 'yes'"
CHANGED_NODES = {
    f"{GP}defi/7": "nouveau",
    f"{GP}chantier/2.a": "modifie",
    f"{GP}action/1.a.9": "modifie",
}
CHANGED_LINK = (f"{GP}chantier/1.b", f"{GP}ressource/centres-sociaux")


@pytest.fixture(scope="module")
def carte(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stockage = kept_versions(tmp_path_factory)
    folder = tmp_path_factory.mktemp("carte")
    args = ["comparer", "2024-03-01", "2024-09-15", "--stockage", str(stockage)]
    assert main([*args, "--carte", str(folder)]) == 0
    return folder / "changements.html"


@pytest.fixture(scope="module")
def page(browser: Any, carte: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
    )
    opened.goto(carte.resolve().as_uri())
    opened.wait_for_function(DRAWN, timeout=30_000)
    assert errors == []
    yield opened
    context.close()


def _shown(page: Any) -> set[str]:
    return set(
        page.evaluate(
            "window.carto.nodes.get().filter(n => !n.hidden && n.kind !== 'groupe').map(n => n.id)"
        )
    )


def test_new_and_changed_nodes_and_links_are_marked(page: Any) -> None:
    marked = page.evaluate(
        "Object.fromEntries(window.carto.nodes.get().filter(n => n.changement)"
        ".map(n => [n.id, [n.changement, n.color.border, n.kindLabel]]))"
    )
    assert {k: v[0] for k, v in marked.items()} == CHANGED_NODES
    assert marked[f"{GP}defi/7"][1:] == ["#2e7d32", "Défi — nouveau"]
    assert marked[f"{GP}chantier/2.a"][1] == "#6a1b9a"
    links = page.evaluate(
        "window.carto.edges.get().filter(e => e.changement)"
        ".map(e => [e.from, e.to, e.changement, e.color.color])"
    )
    assert links == [[*CHANGED_LINK, "modifie", "#6a1b9a"]]
    legend = page.evaluate(
        "[...document.querySelectorAll('#legende li')].map(li => "
        "(li.dataset.kind || li.dataset.lien) + ' ' + li.textContent.trim())"
    )
    assert "changement-nouveau Contour vert épais : nouveau depuis la version 1" in legend
    assert any(e.startswith("changement-modifie Trait violet : statut du lien") for e in legend)


def test_only_what_changed_filter(page: Any) -> None:
    assert page.evaluate("document.getElementById('filtre-changements').hidden") is False
    everything = _shown(page)
    page.check("#filtre-changements-seuls")
    assert _shown(page) == {*CHANGED_NODES, *CHANGED_LINK}
    shown_links = page.evaluate(
        "window.carto.edges.get().filter(e => !e.hidden).map(e => [e.from, e.to])"
    )
    assert shown_links == [list(CHANGED_LINK)]
    page.click("#filtres-reinitialiser")
    assert page.evaluate("document.getElementById('filtre-changements-seuls').checked") is False
    assert _shown(page) == everything and len(everything) > 50


def test_the_list_names_every_change_and_leads_to_its_node(page: Any) -> None:
    items = page.evaluate(
        "[...document.querySelectorAll('#listes li')].map(li => "
        "[li.querySelector('button') !== null, li.textContent])"
    )
    assert len(items) == 5
    removed = [text for button, text in items if not button]
    assert removed == [
        "− action 1.a.4 « Sensibiliser les agents et élus aux écogestes, la cybersécurité "
        "(exp : formation télétravail) » supprimée"
    ]
    page.click("#listes button:has-text('chantier 2.a renommé')")
    details = page.text_content("#details") or ""
    assert "Changement depuis la version 1" in details
    assert "« Animer une campagne de communication sur l'inclusion numérique et ses lieux »" in (
        details
    )
