"""The comparison map in a real browser (Debian's Chromium, the session's one): offline,
no console error, the same legend, filters by status, search on each side, details, and
hostile text shown as text."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from feuille_de_route.graph import build_graph
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.viz import write_comparison

from ..queries.territoires_essai import ETE, LEON, PN, SHARED_SIRET, TH, ete_rows, leon_rows

pytestmark = pytest.mark.browser

DRAWN = "() => document.documentElement.dataset.drawn === 'yes'"
PARTNER = "https://w3id.org/feuille-de-route/organisation/siret/" + SHARED_SIRET
TRAP = "https://example.org/territoires/piege/"


def _graph(name: str, rows: dict[str, list[dict[str, str]]]) -> Graph:
    return build_graph(Workbook.from_rows(name, rows))


def _trapped(payload: str) -> dict[str, list[dict[str, str]]]:
    """The Pays de l'Été's rows under another base, ``payload`` after every name."""
    rows = ete_rows()
    rows["Feuille de route"][0].update(
        {"identifiant": "piege", "iri de base": TRAP, "titre": "Piège" + payload}
    )
    for sheet in ("Chantiers", "Ressources", "Défis"):
        for row in rows[sheet]:
            key = "nom" if sheet == "Ressources" else "intitulé"
            row[key] += payload
    return rows


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, kit: Any) -> dict[str, Path]:
    """Two comparison pages: Été and Saint-Cernin; the trapped copy and Saint-Cernin."""
    union = _graph("ete", ete_rows()) + _graph("leon", leon_rows())
    union += _graph("piege", _trapped(kit.PAYLOAD))
    store = MemoryStore(union)
    folder = tmp_path_factory.mktemp("comparaison")
    return {
        "paire": write_comparison(store, "pays-ete", "saint-cernin", folder / "paire.html"),
        "piege": write_comparison(store, "piege", "saint-cernin", folder / "piege.html"),
    }


@pytest.fixture(scope="module")
def opened(browser: Any, pages: dict[str, Path], kit: Any) -> Iterator[dict[str, Any]]:
    """Each page open once, with its console errors and any request off the file."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    found: dict[str, Any] = {}
    for name, path in pages.items():
        page = context.new_page()
        errors: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))

        def route(r: Any, seen: list[str] = outside) -> None:
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                seen.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        page.wait_for_function(DRAWN, timeout=30_000)
        found[name] = {"page": page, "errors": errors, "outside": outside}
    yield found
    kit.ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name, entry in found.items():
        entry["page"].screenshot(path=str(kit.ARTEFACTS / f"comparaison-{name}.png"))
    context.close()


def test_offline_without_console_error(opened: dict[str, Any]) -> None:
    for entry in opened.values():
        assert entry["errors"] == []
        assert entry["outside"] == []


def test_the_legend_of_the_other_maps_and_the_middle(opened: dict[str, Any]) -> None:
    text = opened["paire"]["page"].locator("#legende").inner_text()
    for words in (
        "Trait plein : opérante",
        "Trait pointillé : connue, sans lien",
        "Programme national commun",
        "Thème commun",
        "Partenaire de projet",
        "Intervenant",
        "Taille",
    ):
        assert words in text


def test_filter_by_status_hides_only_known_links(opened: dict[str, Any]) -> None:
    page = opened["paire"]["page"]
    known = page.evaluate(
        "() => window.carto.edges.get().filter(e => e.statut === 'connueSansLien').map(e => e.id)"
    )
    assert len(known) == 2  # é1 → France Services d'Été, b1 → Conseiller numérique
    page.locator("#filtre-statuts input[value=connueSansLien]").uncheck()
    # Their resources, linked by nothing else with a status, go with them, and so do
    # these resources' links to their programme.
    gone = page.evaluate("() => window.carto.nodes.get().filter(n => n.hidden).map(n => n.id)")
    assert set(gone) == {ETE + "ressource/fs", LEON + "ressource/cnum"}
    hidden = page.evaluate(
        "() => window.carto.edges.get().filter(e => e.hidden).map(e => [e.id, e.from, e.to])"
    )
    assert set(known) <= {e for e, _, _ in hidden}
    assert {(s, t) for e, s, t in hidden if e not in known} == {
        (ETE + "ressource/fs", PN + "france-services"),
        (LEON + "ressource/cnum", PN + "conseillers-numeriques"),
    }
    page.locator("#filtres-reinitialiser").click()
    assert page.evaluate("() => window.carto.edges.get().filter(e => e.hidden).length") == 0


def test_search_finds_a_node_on_each_side_and_in_the_middle(opened: dict[str, Any]) -> None:
    page = opened["paire"]["page"]
    found = {
        words: page.evaluate("(q) => window.carto.find(q)", words)
        for words in ("Conseillères numériques de l'Été", "france services de saint", "antenne")
    }
    assert found == {
        "Conseillères numériques de l'Été": ETE + "ressource/cnum",
        "france services de saint": LEON + "ressource/fs",
        "antenne": PARTNER,
    }
    page.fill("#recherche-texte", "Médiation à domicile")
    page.click("#recherche button[type=submit]")
    details = page.locator("#details").inner_text()
    assert "Médiation à domicile" in details
    assert "Feuille de route de Saint-Cernin" in details
    assert "médiation numérique" in details  # its shared theme


def test_middle_nodes_say_what_both_sides_bring(opened: dict[str, Any]) -> None:
    page = opened["paire"]["page"]
    sides = page.evaluate(
        "() => Object.fromEntries(window.carto.nodes.get().map(n => [n.id, n.cote]))"
    )
    middle = {n for n, side in sides.items() if side == "commun"}
    assert middle == {
        PARTNER,
        PN + "conseillers-numeriques",
        PN + "france-services",
        TH + "mediation",
    }
    page.evaluate("(id) => window.carto.focusNode(id)", PN + "france-services")
    details = page.locator("#details").inner_text()
    assert "Maison France Services d'Été" in details
    assert "France Services de Saint-Cernin" in details


def test_hostile_names_are_text(opened: dict[str, Any], kit: Any) -> None:
    page = opened["piege"]["page"]
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator("img").count() == 0
    node = page.evaluate("(q) => window.carto.find(q)", "Former les agents")
    page.evaluate("(id) => window.carto.focusNode(id)", node)
    assert kit.PAYLOAD.strip() in page.locator("#details h3").inner_text()
    assert "Piège" in page.locator("h1").inner_text()
