"""Issue 8, the maps half: every fact of a made-up territory's workbook, entered only
through the template, appears in the maps (page data and, in Chromium, the details
panel): no blank défi for an enjeu without défi, « hypothèse » on every kind of row,
notes and descriptions, resources « à mobiliser », acteurs as well as services (those in no
role « sans rôle »), assumed links marked on the canvas, every label inside the canvas and
legible at 1400×900."""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, read_workbook
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.viz import build_cartography, write_cartographies
from feuille_de_route.viz._style import ASSUMPTION_COLOR

from ..workbook_fill import fill_xlsx

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

SIREN = "200000172"  # CC Faucigny - Glières
BASE = "https://example.org/territoires/faucigny/"

ROWS: dict[str, list[dict[str, str]]] = {
    "Feuille de route": [
        {"identifiant": "faucigny", "titre": "Feuille de route d'essai", "iri de base": BASE}
    ],
    "Enjeux": [
        {"identifiant": "E1", "intitulé": "Former", "prioritaire": "oui", "rang": "1"},
        {
            "identifiant": "E2",
            "intitulé": "Équiper",
            "prioritaire": "oui",
            "rang": "2",
            "hypothèse": "enjeu supposé prioritaire",
        },
        {"identifiant": "E3", "intitulé": "Enjeu sans défi", "prioritaire": "non"},
    ],
    "Défis": [
        {"identifiant": "D1", "intitulé": "Former les agents", "enjeux": "E1"},
        {
            "identifiant": "D2",
            "intitulé": "Équiper les lieux",
            "enjeux": "E2",
            "hypothèse": "défi déduit du diagnostic",
            "note": "à revoir en comité",
        },
    ],
    "Chantiers": [
        {
            "identifiant": "1 a",
            "défi": "D1",
            "intitulé": "Sessions",
            "pilote": "rh",
            "partenaires": "asso",
            "description": "Former tous les agents d'accueil",
            "hypothèse": "chantier supposé lancé",
        },
        {"identifiant": "2.a", "défi": "D2", "intitulé": "Sans action", "pilote": "asso"},
    ],
    "Actions": [
        {"chantier": "1 a", "intitulé": "Session 1", "hypothèse": "date supposée"},
    ],
    "Services": [
        {"identifiant": "rh", "nom": "Ressources humaines"},
        {"identifiant": "com", "nom": "Communication"},
    ],
    "Coordination": [
        {
            "objet": "D1",
            "service": "rh",
            "rôle": "pilote",
            "note": "réunion mensuelle",
            "hypothèse": "coordination supposée",
        }
    ],
    "Acteurs": [
        {"identifiant": "asso", "nom": "Association locale"},
        {"identifiant": "mairie", "nom": "Mairie annexe", "description": "Ouverte le samedi"},
    ],
    "Gouvernance": [
        {"chantier": "1 a", "acteur": "asso", "rôle": "réalise", "hypothèse": "rôle supposé"}
    ],
    "Ressources": [
        {
            "identifiant": "cnum",
            "nom": "Conseillère numérique",
            "type": "intervenant",
            "programme national": "Conseillers numériques",
            "description": "Une conseillère à mi-temps",
            "hypothèse": "poste supposé pourvu",
        },
        {"identifiant": "bus", "nom": "Bus numérique", "type": "ressource matérielle"},
    ],
    "Mobilisations": [
        {
            "chantier": "1 a",
            "ressource": "cnum",
            "statut": "opérante",
            "note": "deux demi-journées par semaine",
            "hypothèse": "lien supposé actif",
        }
    ],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    path = tmp_path_factory.mktemp("faucigny") / "faucigny.xlsx"
    assert main(["modele", "--epci", SIREN, str(path)]) == 0
    fill_xlsx(path, ROWS)
    return MemoryStore(build_graph(read_workbook(path)))


def _data(html: str) -> dict[str, Any]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "données de la page introuvables"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def _node(data: dict[str, Any], ident: str, kind: str | None = None) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        n for n in data["nodes"] if n["ident"] == ident and kind in (None, n["kind"])
    ]
    assert len(found) == 1, (ident, [n["ident"] for n in data["nodes"]])
    return found[0]


def _texts(node_or_edge: dict[str, Any]) -> list[str]:
    """Every text of its details panel, assumptions included."""
    return [
        f"{item['texte']} {item.get('hypothese') or ''}".strip()
        for section in node_or_edge.get("details", [])
        for item in section["items"]
    ]


def test_an_enjeu_without_defi_draws_no_blank_defi(store: MemoryStore) -> None:
    html = build_cartography(store, "feuille-de-route")
    data = _data(html)
    assert all(n["id"] for n in data["nodes"])
    assert _node(data, "E3", "enjeu")["nom"] == "Enjeu sans défi"
    assert sum(n["kind"] == "defi" for n in data["nodes"]) == 2
    assert "2 défis" in html and "3 enjeux" in html
    for view in ("feuille-de-route", "lacunes"):
        filters = _data(build_cartography(store, view))["filtres"]["defis"]
        assert filters and all(option["id"] and option["texte"] for option in filters)


def test_assumptions_of_every_kind_are_marked(store: MemoryStore) -> None:
    data = _data(build_cartography(store, "feuille-de-route"))
    marked = {
        ("E2", "enjeu"): "enjeu supposé prioritaire",
        ("D2", "defi"): "défi déduit du diagnostic",
        ("1 a", "chantier"): "chantier supposé lancé",
        ("1 a-1", "action"): "date supposée",
        ("cnum", "intervenant"): "poste supposé pourvu",
    }
    for (ident, kind), text in marked.items():
        node = _node(data, ident, kind)
        assert node["hypothese"] == text
        assert node["shapeProperties"]["borderDashes"]
        assert any(text in t for t in _texts(node)), (ident, _texts(node))
    assert "hypothese" not in _node(data, "E1", "enjeu")
    gaps = _data(build_cartography(store, "lacunes"))
    assert _node(gaps, "cnum")["hypothese"] == "poste supposé pourvu"


def test_notes_and_descriptions_are_in_the_details(store: MemoryStore) -> None:
    data = _data(build_cartography(store, "feuille-de-route"))
    assert "à revoir en comité" in _texts(_node(data, "D2"))
    assert "Former tous les agents d'accueil" in _texts(_node(data, "1 a", "chantier"))
    cnum = _texts(_node(data, "cnum"))
    assert "Une conseillère à mi-temps" in cnum
    assert "Conseillers numériques" in cnum
    assert any("deux demi-journées par semaine" in t for t in cnum)
    edge = next(e for e in data["edges"] if e["to"] == _node(data, "cnum")["id"])
    assert "Note : deux demi-journées par semaine" in _texts(edge)
    assert any("réunion mensuelle" in t for t in _texts(_node(data, "D1", "defi")))
    assert any("réunion mensuelle" in t for t in _texts(_node(data, "rh", "service")))
    page = _data(build_cartography(store, "chantier", "1 a"))
    assert any("deux demi-journées" in t for t in _texts(_node(page, "1 a", "chantier")))


def test_unmobilised_resources_are_to_mobilise(store: MemoryStore) -> None:
    for view in ("feuille-de-route", "lacunes"):
        data = _data(build_cartography(store, view))
        bus = _node(data, "bus", "materielle")
        assert bus["aMobiliser"] is True
        assert "à mobiliser" in bus["kindLabel"]
        assert "hypothese" not in bus
        assert "aMobiliser" not in _node(data, "cnum")


def test_acteurs_and_services_in_governance_appear(store: MemoryStore) -> None:
    data = _data(build_cartography(store, "feuille-de-route"))
    rh, asso = _node(data, "rh", "service"), _node(data, "asso", "acteur")
    chantier_1a, chantier_2a = _node(data, "1 a", "chantier"), _node(data, "2.a", "chantier")
    roles = {(e["from"], e["to"]): _texts(e) for e in data["edges"]}
    assert roles[rh["id"], chantier_1a["id"]] == ["pilote"]
    assert roles[asso["id"], chantier_2a["id"]] == ["pilote"]
    assert (asso["id"], chantier_1a["id"]) in roles
    assert any("Association locale" in t for t in _texts(chantier_2a))


def _edge(data: dict[str, Any], source: str, target: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        e for e in data["edges"] if (e["from"], e["to"]) == (source, target)
    ]
    assert len(found) == 1, (source, target)
    return found[0]


def test_assumed_links_are_marked_on_the_canvas_in_every_view(store: MemoryStore) -> None:
    data = _data(build_cartography(store, "feuille-de-route"))
    chantier = _node(data, "1 a", "chantier")["id"]
    cnum, rh, asso = (_node(data, i)["id"] for i in ("cnum", "rh", "asso"))
    defi = _node(data, "D1", "defi")["id"]
    assumed = {
        (chantier, cnum): "lien supposé actif",
        (rh, defi): "coordination supposée",
        (asso, chantier): "rôle supposé",
    }
    for (source, target), text in assumed.items():
        edge = _edge(data, source, target)
        assert edge["hypothese"] == text
        assert edge["label"] == "?"  # drawn on the canvas, not only in the details
        assert edge["color"]["color"] == ASSUMPTION_COLOR
        assert any(text in t for t in _texts(edge))
    # The status still shows as the line: the assumed operating link stays solid.
    assert _edge(data, chantier, cnum)["dashes"] is False
    plain = _edge(data, rh, chantier)
    assert "label" not in plain and "hypothese" not in plain
    assert plain["color"]["color"] != ASSUMPTION_COLOR
    html = build_cartography(store, "feuille-de-route")
    assert 'data-lien="hypothese"' in html and 'data-kind="hypothese"' in html
    assert data["filtres"]["hypotheses"] is True
    gaps = _data(build_cartography(store, "lacunes"))
    assert _edge(gaps, chantier, cnum)["label"] == "?"
    page = _data(build_cartography(store, "chantier", "1 a"))
    assert _edge(page, chantier, cnum)["label"] == "?"
    roles = _edge(page, asso, chantier)["label"]
    assert roles.endswith(" ?") and set(roles[:-2].split(" · ")) == {"associé", "réalise"}
    defi_role = _edge(page, rh, chantier)  # the défi's assumed coordination, drawn here
    assert "pilote du défi" in defi_role["label"] and defi_role["label"].endswith(" ?")


def test_actors_without_role_are_drawn(store: MemoryStore) -> None:
    html = build_cartography(store, "feuille-de-route")
    data = _data(html)
    for ident, kind in (("mairie", "acteur"), ("com", "service")):
        node = _node(data, ident, kind)
        assert node["sansRole"] is True
        assert node["kindLabel"].endswith("sans rôle")
        assert any(t.startswith("Sans rôle") for t in _texts(node))
        assert not [e for e in data["edges"] if node["id"] in (e["from"], e["to"])]
    assert "Ouverte le samedi" in _texts(_node(data, "mairie"))
    assert "sansRole" not in _node(data, "asso") and "sansRole" not in _node(data, "rh")
    assert all(n["id"] and n["label"] for n in data["nodes"])
    assert 'data-kind="sansRole"' in html


@pytest.fixture(scope="module")
def pages(store: MemoryStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cartes-faucigny")
    write_cartographies(store, folder)
    return folder


@pytest.fixture
def chromium(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield context
    context.close()


def _details_after_focus(context: Any, page_path: Path, node: str) -> str:
    page = context.new_page()
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
    )
    page.goto(page_path.resolve().as_uri())
    page.wait_for_function("() => document.documentElement.dataset.drawn === 'yes'")
    page.evaluate("(id) => window.carto.focusNode(id)", node)
    text: str = page.locator("#details").inner_text()
    page.close()
    return text


@pytest.mark.browser
def test_details_panels_in_chromium(pages: Path, chromium: Any) -> None:
    roadmap = pages / "feuille-de-route.html"
    data = _data(roadmap.read_text(encoding="utf-8"))
    cnum = _details_after_focus(chromium, roadmap, _node(data, "cnum")["id"])
    for text in ("hypothèse", "poste supposé pourvu", "Une conseillère à mi-temps"):
        assert text in cnum
    assert "deux demi-journées par semaine" in cnum
    bus = _details_after_focus(chromium, roadmap, _node(data, "bus")["id"])
    assert "À mobiliser" in bus
    enjeu = _details_after_focus(chromium, roadmap, _node(data, "E2")["id"])
    assert "hypothèse" in enjeu and "enjeu supposé prioritaire" in enjeu
    asso = _details_after_focus(chromium, roadmap, _node(data, "asso")["id"])
    assert "pilote" in asso
    mairie = _details_after_focus(chromium, roadmap, _node(data, "mairie")["id"])
    assert "Sans rôle" in mairie and "Ouverte le samedi" in mairie
    assert "lien supposé actif" in cnum
    gaps = pages / "lacunes.html"
    bus_gaps = _details_after_focus(chromium, gaps, _node(_data(gaps.read_text()), "bus")["id"])
    assert "À mobiliser" in bus_gaps


@pytest.mark.browser
def test_grand_perigueux_resource_assumptions_in_chromium(gp_pages: Path, chromium: Any) -> None:
    roadmap = gp_pages / "feuille-de-route.html"
    data = _data(roadmap.read_text(encoding="utf-8"))
    assumed = [n for n in data["nodes"] if n["resource"] and n.get("hypothese")]
    assert len(assumed) == 10
    text = _details_after_focus(chromium, roadmap, assumed[0]["id"])
    assert "hypothèse" in text and assumed[0]["hypothese"] in text


# Shown labels whose box leaves the canvas, and the smallest label size on screen (px):
# the label's font size as vis-network draws it, times the view's scale.
FRAMING = """() => {
    const net = window.carto.network;
    const r = document.getElementById('reseau').getBoundingClientRect();
    const out = [];
    let smallest = Infinity;
    window.carto.nodes.get().forEach(n => {
        if (n.hidden || !String(n.label || '').trim()) return;
        const b = net.getBoundingBox(n.id);
        const a = net.canvasToDOM({x: b.left, y: b.top});
        const c = net.canvasToDOM({x: b.right, y: b.bottom});
        if (a.x < 0 || a.y < 0 || c.x > r.width || c.y > r.height) out.push(n.nom || n.label);
        smallest = Math.min(smallest, net.body.nodes[n.id].options.font.size * net.getScale());
    });
    return [out, smallest];
}"""
MIN_FONT_PX = 11


@pytest.mark.browser
@pytest.mark.parametrize("territory", ["grand-perigueux", "faucigny"])
def test_every_map_labels_inside_the_canvas_and_legible_at_1400x900(
    territory: str, gp_pages: Path, pages: Path, chromium: Any
) -> None:
    folder = gp_pages if territory == "grand-perigueux" else pages
    names = sorted(p.name for p in folder.glob("*.html") if p.name != "index.html")
    assert "lacunes.html" in names and len(names) > 3
    found: dict[str, tuple[list[str], float]] = {}
    for name in names:
        page = chromium.new_page()
        page.goto((folder / name).resolve().as_uri())
        page.wait_for_function("() => document.documentElement.dataset.drawn === 'yes'")
        clipped, smallest = page.evaluate(FRAMING)
        page.close()
        found[name] = (clipped, smallest)
    assert {n: c for n, (c, _) in found.items() if c} == {}
    assert {n: s for n, (_, s) in found.items() if s < MIN_FONT_PX} == {}


@pytest.mark.browser
def test_only_assumptions_filter_in_chromium(pages: Path, chromium: Any) -> None:
    page = chromium.new_page()
    page.goto((pages / "feuille-de-route.html").resolve().as_uri())
    page.wait_for_function("() => document.documentElement.dataset.drawn === 'yes'")
    box = page.locator("#filtre-hypotheses-seules")
    assert box.is_visible()
    box.check()
    shown = page.evaluate(
        """() => {
            const nodes = window.carto.nodes.get().filter(n => !n.hidden && n.kind !== 'groupe');
            const edges = window.carto.edges.get().filter(e => !e.hidden);
            const ends = new Set(edges.flatMap(e => [e.from, e.to]));
            return {
                edges: edges.length,
                plainEdges: edges.filter(e => !e.hypothese).length,
                strayNodes: nodes.filter(n => !n.hypothese && !ends.has(n.id)).length,
                nodes: nodes.length,
                all: window.carto.nodes.get().length,
            };
        }"""
    )
    assert shown["edges"] == 3 and shown["plainEdges"] == 0 and shown["strayNodes"] == 0
    assert 0 < shown["nodes"] < shown["all"]
    page.locator("#filtres-reinitialiser").click()
    assert not box.is_checked()
    assert page.evaluate("window.carto.edges.get().filter(e => e.hidden).length") == 0
    page.close()
