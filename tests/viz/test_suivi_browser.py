"""Issue 12: actions coloured by their follow-up status on the maps, in Chromium — the
chantier map draws its actions as small nodes linked to it, the legend names each
status drawn (labels from SKOS), and the « Statut de l'action » filter hides them."""

from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.viz import write_cartographies

from ..suivi_essai import BASE, suivi_graph

pytestmark = pytest.mark.browser

DRAWN = "() => document.documentElement.dataset.drawn === 'yes'"
ACTIONS = """() => window.carto.nodes.get()
    .filter(n => n.kind === 'action')
    .map(n => [n.id, n.statutAction, n.color.background, !!n.hidden])
    .sort()"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cartes-suivi")
    write_cartographies(MemoryStore(suivi_graph()), folder)
    return folder


@pytest.fixture
def page(browser: Any, artefacts: Path, pages: Path) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto((pages / "chantier-C1.html").resolve().as_uri())
    opened.wait_for_function(DRAWN, timeout=30_000)
    yield opened
    opened.screenshot(path=str(artefacts / "suivi-chantier-C1.png"))
    context.close()
    assert errors == []


def test_chantier_map_colours_its_actions_by_status_and_filters_them(page: Any) -> None:
    a1, a2 = BASE + "action/A1", BASE + "action/A2"
    drawn = page.evaluate(ACTIONS)
    assert drawn == [[a1, "realisee", "#2e8540", False], [a2, "enCours", "#e69f00", False]]
    linked = page.evaluate(
        "() => window.carto.edges.get().filter(e => e.kind === 'structure').map(e => e.to).sort()"
    )
    assert linked == [a1, a2]
    legend = page.locator("#legende li").all_inner_texts()
    assert "Action : en cours" in legend and "Action : réalisée" in legend
    assert "Action : à lancer" not in legend  # no action of C1 has that status
    boxes = page.locator("#filtre-statuts-actions input")
    assert boxes.count() == 2 and page.locator("#filtre-statuts-actions").is_visible()
    page.locator("#filtre-statuts-actions input[value=realisee]").uncheck()
    hidden = {row[0]: row[3] for row in page.evaluate(ACTIONS)}
    assert hidden == {a1: True, a2: False}
    page.locator("#filtres-reinitialiser").click()
    assert not any(row[3] for row in page.evaluate(ACTIONS))


def test_grand_perigueux_maps_have_no_action_status_filter(browser: Any, gp_pages: Path) -> None:
    """The source gives no status: no status legend, the filter stays hidden."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto((gp_pages / "chantier-1.b.html").resolve().as_uri())
        page.wait_for_function(DRAWN, timeout=30_000)
        assert page.locator("#filtre-statuts-actions").is_hidden()
        assert not any(
            t.startswith("Action :") for t in page.locator("#legende li").all_inner_texts()
        )
        statuses = page.evaluate(ACTIONS)
        assert statuses and all(row[1] == "sansStatut" for row in statuses)
    finally:
        context.close()
