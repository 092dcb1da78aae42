"""The diagnostic page: offline, escaped, sortable, in a real browser (issue 12 §1)."""

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.graph import Diagnostic, diagnose_epci
from feuille_de_route.graph._typology_diagnostic import diagnose
from feuille_de_route.graph._typology_roadmap import ActionReach, RecordedClass, RoadmapFacts
from feuille_de_route.graph._typology_territory import epci_communes
from feuille_de_route.viz import render_diagnostic

from .conftest import PAYLOAD

SIREN = "200040392"


@pytest.fixture(scope="module")
def hostile() -> Diagnostic:
    """The Grand Périgueux's communes, the first one named by a payload, with a roadmap
    whose class label, action and enjeu carry it too."""
    communes = list(epci_communes(SIREN))
    communes[0] = dataclasses.replace(communes[0], name=PAYLOAD)
    first = communes[0].insee
    roadmap = RoadmapFacts(
        PAYLOAD,
        SIREN,
        PAYLOAD,
        {c.insee: c.name for c in communes},
        {first: RecordedClass("T4", PAYLOAD)},
        {"T5": PAYLOAD},
        (ActionReach("1.a.1", PAYLOAD, f"1.a {PAYLOAD}", (f"Enjeu 1 : {PAYLOAD}",), (first,)),),
    )
    return diagnose(PAYLOAD, SIREN, communes, roadmap=roadmap)


def test_page_is_self_contained_and_escaped(hostile: Diagnostic) -> None:
    page = render_diagnostic(hostile)
    assert "<img src=x onerror" not in page
    assert "&lt;img src=x onerror" in page
    assert "<script>window.__pwned" not in page
    assert not re.search(r"(src|href)=\"https?:", page)
    assert page.count("<script") == 1  # the table's sorter, under the page's nonce
    assert page.count('src="data:image/svg+xml;base64,') == 4  # the charts


def test_page_lists_differences_reach_and_unreached_classes(hostile: Diagnostic) -> None:
    # Agonac (24002), class T5 by the rules, is targeted by the one action: T5 is
    # reached, every other class with communes is listed as unreached.
    reach = {r.classe: r for r in hostile.reach()}
    assert [a.action for a in reach["T5"].actions] == ["1.a.1"]
    assert {r.classe for r in hostile.unreached()} == {"T1", "T2", "T3", "T4", "T6"}
    page = render_diagnostic(hostile)
    unreached = page.split('id="classes-non-atteintes"')[1].split("</ul>")[0]
    assert unreached.count("<li>") == 5 and "T5" not in unreached
    differences = page.split('id="differences"')[1].split("</section>")[0]
    assert "<td>24002</td><td>T4</td><td>T5</td>" in differences
    assert "Proposition statistique" in page


def test_without_roadmap_the_page_says_so() -> None:
    page = render_diagnostic(diagnose_epci(SIREN))
    assert "Pas de feuille de route" in page
    assert 'id="differences"' not in page


@pytest.mark.browser
def test_page_in_chromium_sorts_and_shows_the_payload_as_text(
    browser: Any, hostile: Diagnostic, tmp_path: Path, artefacts: Path
) -> None:
    path = tmp_path / "diagnostic.html"
    path.write_text(render_diagnostic(hostile), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    blocked: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    first_column = "() => Array.from(document.querySelectorAll('#table-communes tbody tr'))"
    names = first_column + ".map(r => r.cells[0].textContent)"
    population = first_column + ".map(r => Number(r.cells[2].dataset.cle))"
    assert PAYLOAD in page.evaluate(names)
    assert page.evaluate("() => window.__pwned") is None
    page.click("#table-communes th:nth-child(3)")
    values = page.evaluate(population)
    assert values == sorted(values) and len(values) == 43
    page.click("#table-communes th:nth-child(3)")
    assert page.evaluate(population) == sorted(values, reverse=True)
    assert page.get_attribute("#table-communes th:nth-child(3)", "aria-sort") == "descending"
    page.click("#table-communes th:nth-child(1)")
    assert page.evaluate(names)[0] == PAYLOAD  # '"' sorts before letters
    page.screenshot(path=str(artefacts / "diagnostic.png"), full_page=True)
    context.close()
    assert errors == [] and blocked == []
