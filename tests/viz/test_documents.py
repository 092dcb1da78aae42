"""Issue 12 §3: the documents of the Grand Périgueux — printable HTML opened in a real
Chromium, the PDF read back with poppler (pdftotext, pdftoppm), the DOCX re-opened with
python-docx. Built once for the module."""

import csv
import html as html_text
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from PIL import Image, ImageStat

from feuille_de_route import UserError, natural_key
from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap
from feuille_de_route.graph.store import OxigraphStore, roadmap_graph_name
from feuille_de_route.viz import build_documents
from feuille_de_route.viz._document_pdf import html_to_pdf

from .conftest import ARTEFACTS

HTML, PDF, DOCX = "feuille-de-route.html", "feuille-de-route.pdf", "feuille-de-route.docx"
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")


def _csv(name: str) -> list[dict[str, str]]:
    with (GRAND_PERIGUEUX / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CHANTIERS = {row["identifiant"]: row["intitulé"] for row in _csv("chantiers.csv")}
CRITERIA_1B = [r["intitulé"] for r in _csv("criteres.csv") if r["chantier"] == "1.b"]
OBSTACLES_1B = [r["intitulé"] for r in _csv("freins.csv") if r["chantier"] == "1.b"]
ACTIONS = [r["identifiant"] for r in _csv("actions.csv")]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    graph = load_roadmap(None)
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("documents") / "stockage")
    oxigraph.add_graph(graph, roadmap_graph_name(graph))
    yield oxigraph


@pytest.fixture(scope="module")
def files(store: OxigraphStore) -> dict[str, bytes]:
    if not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
        pytest.skip("Chromium absent : pas de PDF")
    return build_documents(store)


@pytest.fixture(scope="module")
def pdf_pages(files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The PDF's text, page by page (pdftotext separates pages by a form feed)."""
    if not POPPLER:
        pytest.skip("poppler-utils absent (pdftotext, pdftoppm)")
    path = tmp_path_factory.mktemp("pdf") / PDF
    path.write_bytes(files[PDF])
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return text.split("\f")


def test_the_three_files_are_written(files: dict[str, bytes]) -> None:
    assert set(files) == {HTML, PDF, DOCX}
    assert files[PDF].startswith(b"%PDF-")
    assert files[DOCX].startswith(b"PK")
    html = files[HTML].decode("utf-8")
    # One offline file: no address fetched, no script, maps as data: pictures.
    assert not re.search(r"(src|href)=\"(https?:|//)", html)
    assert "<script" not in html
    assert html.count('src="data:image/svg+xml;base64,') == len(CHANTIERS)
    assert "@media print" in html and "break-before: page" in html


def test_pdf_has_one_fiche_per_chantier(pdf_pages: list[str]) -> None:
    fiches = [p for p in pdf_pages if "FICHE CHANTIER" in p]
    found = []
    for page in fiches:
        match = re.search(r"Chantier (\S+) — ", page)
        assert match, page[:200]
        found.append(match.group(1))
    assert found == sorted(CHANTIERS, key=natural_key)
    for ident, label in CHANTIERS.items():
        page = next(p for p in fiches if f"Chantier {ident} — " in p)
        assert _flat(label)[:40] in _flat(page)


def test_pdf_holds_the_5_criteria_and_7_obstacles_of_1b(pdf_pages: list[str]) -> None:
    assert len(CRITERIA_1B) == 5 and len(OBSTACLES_1B) == 7
    start = next(
        i for i, p in enumerate(pdf_pages) if "FICHE CHANTIER" in p and "Chantier 1.b — " in p
    )
    fiche = _flat(" ".join(pdf_pages[start : start + 3]))
    assert "On aura réussi si :" in fiche and "On doit lever des freins :" in fiche
    for text in CRITERIA_1B + OBSTACLES_1B:
        assert _flat(text) in fiche, text
    for heading in ("Qui pilote :", "Qui fait :", "Qui est associé :"):
        assert heading in fiche


def test_pdf_has_a_fiche_per_action_and_marks_assumptions(pdf_pages: list[str]) -> None:
    actions = [p for p in pdf_pages if "FICHE ACTION" in p]
    assert len(actions) == len(ACTIONS)
    text = "\f".join(pdf_pages)
    assert "HYPOTHÈSE" in text
    for rubrique in ("Objectif", "Statut", "Calendrier", "Parties prenantes", "Étapes"):
        assert rubrique in actions[0]


def test_pdf_pages_are_not_blank(
    files: dict[str, bytes], pdf_pages: list[str], tmp_path: Path
) -> None:
    path = tmp_path / PDF
    path.write_bytes(files[PDF])
    start = next(i for i, p in enumerate(pdf_pages) if "Chantier 1.b — " in p and "FICHE" in p)
    # The title page, the fiche 1.b (its text and its map) and the last page.
    pages = sorted({1, start + 1, start + 2, start + 3, len(pdf_pages) - 1})
    for number in pages:
        prefix = tmp_path / f"page-{number}"
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                str(number),
                "-l",
                str(number),
                "-r",
                "40",
                "-png",
                "-singlefile",
                str(path),
                str(prefix),
            ],
            check=True,
        )
        image = Image.open(prefix.with_suffix(".png")).convert("L")
        inked = sum(image.histogram()[:200])  # pixels clearly darker than the paper
        assert inked > 0.01 * image.width * image.height, f"page {number} blanche"
        if number == start + 1:
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(prefix.with_suffix(".png"), ARTEFACTS / "documents-fiche-1b.png")
    # The map of 1.b is a picture with colours (the kinds of resource), not a blank box.
    map_page = tmp_path / "carte"
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(start + 1),
            "-l",
            str(start + 3),
            "-r",
            "40",
            "-png",
            str(path),
            str(map_page),
        ],
        check=True,
    )
    spreads = [
        max(ImageStat.Stat(Image.open(p).convert("RGB")).stddev)
        for p in sorted(tmp_path.glob("carte*.png"))
    ]
    assert max(spreads) > 20


@pytest.mark.browser
def test_html_opens_in_chromium_without_error(files: dict[str, bytes], browser: Any) -> None:
    errors: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            errors.append(f"requête {r.url}") if not r.url.startswith(("data:", "about:")) else None
        ),
    )
    try:
        page.set_content(files[HTML].decode("utf-8"), wait_until="load")
        fiches = page.eval_on_selector_all(
            "article.fiche-chantier h2", "els => els.map(e => e.textContent)"
        )
        ids = [re.match(r"Chantier (\S+) — ", t).group(1) for t in fiches]  # type: ignore[union-attr]
        assert sorted(ids) == sorted(CHANTIERS)
        fiche_1b = page.locator("article.fiche-chantier", has_text="Chantier 1.b — ")
        assert fiche_1b.locator("div.rubrique:has(h3:text('On aura réussi si')) li").count() == 5
        assert (
            fiche_1b.locator("div.rubrique:has(h3:text('On doit lever des freins')) li").count()
            == 7
        )
        # Every map picture decoded (an SVG that did not parse has no natural width).
        widths = page.eval_on_selector_all(
            "figure.carte img", "els => els.map(e => e.naturalWidth)"
        )
        assert len(widths) == len(CHANTIERS) and min(widths) > 0
        assert page.locator("article.fiche-action").count() == len(ACTIONS)
        assert page.locator(".hypothese").count() > 10
    finally:
        page.close()
    assert errors == []


def test_docx_reopens_with_the_same_sections(files: dict[str, bytes]) -> None:
    doc = open_docx(io.BytesIO(files[DOCX]))
    headings = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    chantiers = [h for h in headings if h.startswith("Chantier ")]
    assert [h.split(" — ")[0].removeprefix("Chantier ") for h in chantiers] == sorted(
        CHANTIERS, key=natural_key
    )
    html = files[HTML].decode("utf-8")
    html_fiches = re.findall(
        r'<article class="fiche fiche-chantier" id="[^"]+">.*?<h2>(Chantier [^<]+?)(?:<span|</h2>)',
        html,
        re.S,
    )
    assert [html_text.unescape(h).strip() for h in html_fiches] == [
        h.split("HYPOTHÈSE")[0].strip() for h in chantiers
    ]
    actions = [h for h in headings if h.startswith("Action ")]
    assert len(actions) == len(ACTIONS)
    for title in ("Synthèse du diagnostic", "La feuille de route", "Coordination et gouvernance"):
        assert title in headings
    text = "\n".join(p.text for p in doc.paragraphs)
    for criterion in CRITERIA_1B + OBSTACLES_1B:
        assert criterion in text
    assert "HYPOTHÈSE" in text
    assert len(doc.inline_shapes) == len(CHANTIERS)  # one map per fiche chantier


def test_pdf_without_chromium_is_a_french_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Chromium introuvable"):
        html_to_pdf("<p>rien</p>", tmp_path / "pas-de-chromium")


def test_unknown_format_is_a_french_error(store: OxigraphStore) -> None:
    with pytest.raises(UserError, match="format inconnu « odt »"):
        build_documents(store, formats=("html", "odt"))
