"""The cartography pages in a real browser (Debian's Chromium driven by Playwright)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# Predicates are functions: the pages' CSP forbids eval, which string expressions need.
DRAWN = "() => document.documentElement.dataset.drawn === 'yes'"


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any, artefacts: Path) -> Iterator[Callable[[Path, str], Opened]]:
    """Open a page from a file:// URL, recording every request and console error.

    Anything but ``file:`` or ``data:`` is recorded and refused, so a page that would
    fetch from the internet fails the check instead of hanging.
    """
    contexts: list[Any] = []
    shots: list[tuple[Any, str]] = []

    def opener(path: Path, name: str) -> Opened:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            url = r.request.url
            opened.requests.append(url)
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                opened.blocked.append(url)
                r.abort()

        page.route("**/*", route)
        page.on(
            "console",
            lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.goto(path.resolve().as_uri())
        if path.name != "index.html":
            page.wait_for_function(DRAWN, timeout=30_000)
        shots.append((page, name))
        return opened

    yield opener
    for page, name in shots:
        page.screenshot(path=str(artefacts / f"{name}.png"))
    for context in contexts:
        context.close()


def node_screen_point(page: Any, node: str) -> tuple[float, float]:
    point = page.evaluate(
        """(id) => {
            const net = window.carto.network;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.getElementById('reseau').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top];
        }""",
        node,
    )
    return float(point[0]), float(point[1])


def in_view(page: Any, node: str) -> bool:
    return bool(
        page.evaluate(
            """(id) => {
                const net = window.carto.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const r = document.getElementById('reseau').getBoundingClientRect();
                return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height;
            }""",
            node,
        )
    )


@pytest.mark.parametrize(
    "name", ["feuille-de-route", "lacunes", "chantier-1.b", "chantier-6", "index"]
)
def test_page_loads_offline_with_its_legend(
    gp_pages: Path, open_page: Callable[[Path, str], Opened], name: str
) -> None:
    opened = open_page(gp_pages / f"{name}.html", f"charge-{name}")
    page = opened.page
    assert opened.errors == []
    assert opened.blocked == []
    assert all(url.startswith(("file:", "data:")) for url in opened.requests)
    if name == "index":
        links = page.eval_on_selector_all("a", "els => els.map(a => a.getAttribute('href'))")
        assert "chantier-1.b.html" in links and "lacunes.html" in links
        return
    legend = page.locator("#legende")
    assert legend.is_visible()
    text = legend.inner_text()
    assert "Trait plein" in text and "Trait pointillé" in text and "Taille" in text
    assert page.evaluate("window.carto.nodes.length") > 0
    assert page.locator("#chargement").is_hidden()


def test_known_links_dashed_operating_links_solid(
    gp_pages: Path, gp_store: Any, open_page: Callable[[Path, str], Opened]
) -> None:
    from feuille_de_route.queries import run_query

    page = open_page(gp_pages / "chantier-1.b.html", "traits-1.b").page
    edges = page.evaluate(
        "window.carto.edges.get().filter(e => e.statut).map(e => [e.to, e.statut, e.dashes])"
    )
    drawn = {to: (statut, dashes) for to, statut, dashes in edges}
    rows = run_query("mobilisations", gp_store, chantier="1.b")
    assert len(drawn) == len(rows)
    statuses = set()
    for row in rows:
        statut, dashes = drawn[row["ressource"]]
        known = str(row["statut"]).endswith("#connueSansLien")
        statuses.add(known)
        assert statut == ("connueSansLien" if known else "operante")
        assert bool(dashes) is known
    assert statuses == {True, False}, "1.b a des liens opérants et des liens connus"
    # Resources of other chantiers are there, without any line.
    unlinked = page.evaluate(
        """() => {
            const linked = new Set(window.carto.edges.get().map(e => e.to));
            return window.carto.nodes.get().filter(n => n.sansLien).map(n => linked.has(n.id));
        }"""
    )
    assert unlinked and not any(unlinked)


def test_status_filter_hides_dashed_links(
    gp_pages: Path, open_page: Callable[[Path, str], Opened]
) -> None:
    page = open_page(gp_pages / "chantier-1.b.html", "filtre-statut-1.b").page
    page.locator("#filtre-statuts input[value=connueSansLien]").uncheck()
    state = page.evaluate(
        """() => {
            const edges = window.carto.edges.get().filter(e => e.statut);
            const nodes = window.carto.nodes.get({returnType: 'Object'});
            const byTarget = {};
            edges.forEach(e => (byTarget[e.to] = byTarget[e.to] || []).push(e.statut));
            return {
                dashedShown: edges.filter(e => e.statut === 'connueSansLien' && !e.hidden).length,
                solidShown: edges.filter(e => e.statut === 'operante' && !e.hidden).length,
                onlyDashedShown: Object.keys(byTarget).filter(id =>
                    byTarget[id].every(s => s === 'connueSansLien') && !nodes[id].hidden).length,
            };
        }"""
    )
    assert state == {"dashedShown": 0, "solidShown": state["solidShown"], "onlyDashedShown": 0}
    assert state["solidShown"] > 0
    page.locator("#filtres-reinitialiser").click()
    assert page.evaluate("window.carto.edges.get().filter(e => e.hidden).length") == 0


def test_defi_and_kind_filters(
    gp_pages: Path, open_page: Callable[[Path, str], Opened], kit: Any
) -> None:
    page = open_page(gp_pages / "feuille-de-route.html", "filtre-defi").page
    defi1 = kit.iri("defi", "1")
    page.select_option("#filtre-defi", defi1)
    hidden = page.evaluate(
        "Object.fromEntries(window.carto.nodes.get().map(n => [n.id, !!n.hidden]))"
    )
    assert hidden[kit.iri("chantier", "1.b")] is False
    assert hidden[kit.iri("chantier", "3.a")] is True
    assert hidden[kit.iri("defi", "2")] is True
    nodes = page.evaluate("window.carto.nodes.get()")
    for node in nodes:
        if node["kind"] != "groupe" and not node.get("hidden"):
            assert defi1 in node["defis"]
    page.select_option("#filtre-defi", "")
    page.locator("#filtre-types input[value=partenaire]").uncheck()
    kinds = page.evaluate("window.carto.nodes.get().filter(n => !n.hidden).map(n => n.kind)")
    assert "partenaire" not in kinds and "intervenant" in kinds and "chantier" in kinds
    assert "affichés sur" in page.locator("#filtres-compte").inner_text()


def test_search_focuses_the_node(
    gp_pages: Path, open_page: Callable[[Path, str], Opened], kit: Any
) -> None:
    page = open_page(gp_pages / "feuille-de-route.html", "recherche").page
    target = page.evaluate(
        "window.carto.nodes.get().find(n => n.nom === 'Conseillers numériques').id"
    )
    page.fill("#recherche-texte", "conseillers numeriques")
    page.press("#recherche-texte", "Enter")
    page.wait_for_function(
        "(id) => window.carto.network.getSelectedNodes().includes(id)", arg=target
    )
    # The focus animation lasts 300 ms; wait until the node has arrived in view.
    page.wait_for_function(
        """(id) => {
            const net = window.carto.network;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.getElementById('reseau').getBoundingClientRect();
            return Math.abs(p.x - r.width / 2) < 30 && Math.abs(p.y - r.height / 2) < 30;
        }""",
        arg=target,
    )
    assert in_view(page, target)
    assert page.locator("#details h3").inner_text() == "Conseillers numériques"
    page.fill("#recherche-texte", "aucun nœud ne s'appelle ainsi")
    page.press("#recherche-texte", "Enter")
    assert "Aucun nœud" in page.locator("#recherche-message").inner_text()


def test_click_highlights_neighbourhood_and_shows_details(
    gp_pages: Path, gp_store: Any, open_page: Callable[[Path, str], Opened], kit: Any
) -> None:
    from feuille_de_route.queries import run_query

    page = open_page(gp_pages / "feuille-de-route.html", "clic-voisinage").page
    chantier = kit.iri("chantier", "1.b")
    x, y = node_screen_point(page, chantier)
    page.mouse.click(x, y)
    page.wait_for_function("(id) => window.carto.state.selection === id", arg=chantier)
    state = page.evaluate(
        """(id) => {
            const neighbours = new Set(window.carto.network.getConnectedNodes(id).concat([id]));
            const nodes = window.carto.nodes.get();
            return {
                neighboursDimmed: nodes.filter(n => neighbours.has(n.id) && n.dimmed).length,
                othersDimmed: nodes.filter(n => !neighbours.has(n.id) && n.dimmed).length,
                others: nodes.filter(n => !neighbours.has(n.id)).length,
                neighbours: neighbours.size,
            };
        }""",
        chantier,
    )
    assert state["neighbours"] > 5
    assert state["neighboursDimmed"] == 0
    assert state["othersDimmed"] == state["others"] > 0
    label = next(
        r["chantierLabel"] for r in run_query("arbre", gp_store) if r["chantierId"] == "1.b"
    )
    details = page.locator("#details")
    assert details.locator("h3").inner_text() == label
    text = details.text_content() or ""
    assert "Ressources mobilisées" in text and "Actions concrètes" in text
    # Assumed facts are shown as such.
    assert details.locator(".hypothese").count() > 0
    # Clicking the background restores every node.
    rect = page.locator("#reseau").bounding_box()
    page.mouse.click(rect["x"] + 8, rect["y"] + rect["height"] - 40)
    page.wait_for_function("() => !window.carto.state.dimmed")


def test_chantier_details_hold_the_fiche(
    gp_pages: Path, open_page: Callable[[Path, str], Opened], kit: Any
) -> None:
    page = open_page(gp_pages / "chantier-1.b.html", "fiche-1.b").page
    chantier = kit.iri("chantier", "1.b")
    x, y = node_screen_point(page, chantier)
    page.mouse.click(x, y)
    page.wait_for_function("(id) => window.carto.state.selection === id", arg=chantier)
    titles = page.locator("#details h4").all_text_contents()
    for title in ("Description", "Critères de réussite", "Freins à lever", "Gouvernance"):
        assert title in titles


PAGES = ["feuille-de-route", "lacunes", "chantier-1.b", "index"]


@pytest.mark.parametrize("name", PAGES)
def test_payloads_do_not_run_and_show_as_text(
    payload_pages: Path, open_page: Callable[[Path, str], Opened], name: str, kit: Any
) -> None:
    opened = open_page(payload_pages / f"{name}.html", f"piege-{name}")
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    assert opened.blocked == []
    assert [u for u in opened.requests if not u.endswith(f"{name}.html")] == []
    if name == "index":
        assert kit.PAYLOAD.strip() in page.locator("main").inner_text().replace("\n", " ") or (
            '<img src=x onerror="window.__pwned=1">' in page.locator("main").inner_text()
        )
        assert page.locator("main img, main script, main b").count() == 0
        return
    # Page titles name the chantier or the roadmap, whose title carries the payload too.
    assert '<img src=x onerror="window.__pwned=1">' in page.title()
    assert '<img src=x onerror="window.__pwned=1">' in page.locator("h1").inner_text()
    if name.startswith("chantier"):
        assert '<img src=x onerror="window.__pwned=1">' in (
            page.locator(".surtitre").text_content() or ""
        )
    # Show the details of every kind of node, and search by a trapped name.
    kinds = page.evaluate(
        """() => {
            const seen = {};
            window.carto.nodes.get().forEach(n => { if (!seen[n.kind]) seen[n.kind] = n.id; });
            return Object.values(seen);
        }"""
    )
    details = page.locator("#details")
    for node in kinds:
        page.evaluate("(id) => window.carto.focusNode(id)", node)
        text = details.inner_text()
        if page.evaluate("(id) => window.carto.nodes.get(id).kind", node) != "groupe":
            assert '<img src=x onerror="window.__pwned=1">' in text
        assert details.locator("img, script, b").count() == 0
    page.fill("#recherche-texte", page.evaluate("window.carto.nodes.get()[0].nom"))
    page.press("#recherche-texte", "Enter")
    page.locator("#filtre-statuts input").first.uncheck()
    page.wait_for_timeout(350)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("body img").count() == 0
    assert opened.errors == []
    assert opened.blocked == []


GP_TITLE = "Feuille de route territoriale d'inclusion numérique du Grand Périgueux"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("feuille-de-route", "{roadmap}"),
        ("lacunes", "Lacunes — {roadmap}"),
        ("index", "Cartographies — {roadmap}"),
    ],
)
@pytest.mark.parametrize("which", ["seule", "copie"])
def test_page_titles_name_the_roadmap(
    gp_pages: Path,
    bis_pages: Path,
    open_page: Callable[[Path, str], Opened],
    kit: Any,
    name: str,
    title: str,
    which: str,
) -> None:
    """One roadmap alone, or the copy chosen in a store holding two: titled with its title."""
    folder, roadmap = (gp_pages, GP_TITLE) if which == "seule" else (bis_pages, kit.BIS_TITLE)
    page = open_page(folder / f"{name}.html", f"titre-{which}-{name}").page
    expected = title.format(roadmap=roadmap)
    assert page.title() == expected
    assert page.locator("h1").inner_text() == expected


def test_chantier_page_names_its_roadmap(
    bis_pages: Path, open_page: Callable[[Path, str], Opened], kit: Any
) -> None:
    page = open_page(bis_pages / "chantier-1.b.html", "titre-copie-chantier-1.b").page
    # Shown in capitals by the style sheet; the text itself is the title.
    assert page.locator(".surtitre").text_content() == kit.BIS_TITLE
    assert page.title().startswith("Chantier 1.b — ")


# Every shown node's box (shape and label) in screen pixels, and those leaving the map.
CLIPPED = """() => {
    const net = window.carto.network;
    const r = document.getElementById('reseau').getBoundingClientRect();
    const out = [];
    window.carto.nodes.get().forEach(n => {
        if (n.hidden) return;
        const b = net.getBoundingBox(n.id);
        const a = net.canvasToDOM({x: b.left, y: b.top});
        const c = net.canvasToDOM({x: b.right, y: b.bottom});
        if (a.x < 0 || a.y < 0 || c.x > r.width || c.y > r.height) {
            out.push([n.nom || n.label, Math.round(a.x), Math.round(c.x), Math.round(r.width)]);
        }
    });
    return out;
}"""
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.parametrize("name", ["chantier-1.b", "chantier-6", "feuille-de-route", "lacunes"])
def test_labels_stay_in_view_when_the_window_changes_size(
    gp_pages: Path, browser: Any, artefacts: Path, name: str
) -> None:
    """The first view shows every label whole, even when the window opens at another size.

    vis-network keeps its scale when the canvas is resized; a window opened small and
    then enlarged (as ``chromium --screenshot --window-size`` does) used to cut the
    sector headings of a chantier's map (« artenaires de projet »).
    """
    context = browser.new_context(viewport={"width": 800, "height": 600})
    try:
        page = context.new_page()
        page.goto((gp_pages / f"{name}.html").resolve().as_uri())
        page.wait_for_function(DRAWN, timeout=30_000)
        assert page.evaluate(CLIPPED) == []
        page.set_viewport_size({"width": 1400, "height": 900})
        page.wait_for_function(
            "() => document.getElementById('reseau').getBoundingClientRect().width > 700"
        )
        page.evaluate(NEXT_FRAMES)
        page.screenshot(path=str(artefacts / f"cadrage-{name}.png"))
        assert page.evaluate(CLIPPED) == []
        # Once the user has zoomed (off-centre), a resize leaves their view where it is.
        box = page.locator("#reseau").bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.3)
        page.mouse.wheel(0, -300)
        page.wait_for_function("() => window.carto.state.viewTouched === true")
        page.evaluate(NEXT_FRAMES)
        before = page.evaluate("() => window.carto.network.getViewPosition()")
        page.set_viewport_size({"width": 1200, "height": 800})
        page.wait_for_function(
            "() => document.getElementById('reseau').getBoundingClientRect().width < 700"
        )
        page.evaluate(NEXT_FRAMES)
        after = page.evaluate("() => window.carto.network.getViewPosition()")
        assert abs(after["x"] - before["x"]) < 1 and abs(after["y"] - before["y"]) < 1
    finally:
        context.close()


# Pairs of shown nodes whose boxes (mark and label, as vis-network measures them) meet.
OVERLAPS = """() => {
    const net = window.carto.network;
    const shown = window.carto.nodes.get().filter(n => !n.hidden);
    const boxes = shown.map(n => [n.label, net.getBoundingBox(n.id)]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const [la, a] = boxes[i];
            const [lb, b] = boxes[j];
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                out.push([la, lb]);
            }
        }
    }
    return out;
}"""


def test_gaps_map_labels_do_not_overlap(
    gp_pages: Path, open_page: Callable[[Path, str], Opened]
) -> None:
    """Short chantier names, and no label covering another or a big node's mark."""
    page = open_page(gp_pages / "lacunes.html", "lacunes-etiquettes").page
    labels = page.evaluate(
        "() => window.carto.nodes.get().filter(n => n.kind === 'chantier').map(n => n.label)"
    )
    assert len(labels) == 10
    assert all(label.startswith("Chantier ") and len(label) < 14 for label in labels)
    assert page.evaluate(OVERLAPS) == []
    # The biggest node (highest betweenness) is among them, its label under it.
    big = page.evaluate(
        """() => {
            const n = window.carto.nodes.get().sort((a, b) => b.size - a.size)[0];
            const box = window.carto.network.getBoundingBox(n.id);
            const p = window.carto.network.getPositions([n.id])[n.id];
            return [n.size, box.bottom - p.y];
        }"""
    )
    assert big[0] > 30 and big[1] > big[0]


def test_two_focus_requests_in_one_frame_leave_the_node_centred(
    gp_pages: Path, open_page: Callable[[Path, str], Opened]
) -> None:
    """Regression: Enter in the search box fires both ``change`` and ``submit``, so a
    search asked for the same node twice before a frame was drawn. vis-network then
    left the first view animation attached, and later redraws moved the view off the
    node (the flaky ``test_search_focuses_the_node`` under load)."""
    page = open_page(gp_pages / "feuille-de-route.html", "double-focus").page
    target = page.evaluate(
        "window.carto.nodes.get().find(n => n.nom === 'Conseillers numériques').id"
    )
    other = page.evaluate("window.carto.nodes.get().find(n => n.nom && n.kind === 'chantier').id")
    # Both pairs in one task: no frame is drawn between the two requests.
    page.evaluate("(id) => { window.carto.focusNode(id); window.carto.focusNode(id); }", target)
    settled = """async (id) => {
        const net = window.carto.network;
        const centred = () => {
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.getElementById('reseau').getBoundingClientRect();
            return Math.abs(p.x - r.width / 2) < 2 && Math.abs(p.y - r.height / 2) < 2;
        };
        const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
        for (let i = 0; i < 200 && !centred(); i++) { await frame(); }
        for (let i = 0; i < 30; i++) { net.redraw(); await frame(); }  // later redraws
        return centred();
    }"""
    assert page.evaluate(settled, target)
    # A second node asked for while the first is still on its way: the view ends on it.
    page.evaluate(
        "([a, b]) => { window.carto.focusNode(a); window.carto.focusNode(b); }", [target, other]
    )
    assert page.evaluate(settled, other)
    assert page.locator("#details h3").inner_text() == page.evaluate(
        "(id) => window.carto.nodes.get(id).nom", other
    )
