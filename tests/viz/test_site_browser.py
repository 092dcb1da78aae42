"""The published site in a real browser (Debian's Chromium, Playwright), opened from disk
with every request but ``file:`` refused: every page of the site — built from a workbook
whose every text ends with markup — loads with no console error and no request out, and
the markup shows as text."""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route import atomic_write_tree

pytestmark = pytest.mark.browser

DRAWN = "() => document.documentElement.dataset.drawn === 'yes'"
# Every address but a file: or data: one.
ONLY_OUTSIDE = re.compile(r"^(?!file:|data:)")


@dataclass
class Watch:
    """What the pages of one browser context did."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def payload_site(
    payload_site_files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The site on disk, as ``write_site`` writes it into a new folder."""
    site = tmp_path_factory.mktemp("site-piege") / "site"
    atomic_write_tree(site, payload_site_files)
    return site


@pytest.fixture
def watched(browser: Any) -> Iterator[tuple[Any, Watch]]:
    """One page in one context; anything but ``file:`` and ``data:`` refused and noted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch()

    def refuse(r: Any) -> None:
        watch.blocked.append(r.request.url)
        r.abort()

    # Matched by the driver, not in Python: a file: request no longer waits for a round
    # trip to this process (the site has nearly a thousand pages).
    page.route(ONLY_OUTSIDE, refuse)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    yield page, watch
    context.close()


def _own_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.parent.name != "cartographie")


def _frames(pages: list[Path], host: Path) -> str:
    """The address of a page, outside the site, that frames each of ``pages``."""
    frames = "".join(f'<iframe src="{html.escape(p.as_uri())}"></iframe>' for p in pages)
    host.write_text(f"<!DOCTYPE html><title>pages</title>{frames}", encoding="utf-8")
    return host.as_uri()


# Pages opened together, each in its frame: a top-level navigation costs about 40 ms of
# fixed browser work even for an empty page, a frame less (the site's 972 pages in the
# headless shell: 66 s one by one, 41 s framed). The host's load event waits for every
# frame's; 10 or 50 frames at a time cost the same.
FRAMED = 25


def test_every_page_loads_offline_without_error(
    payload_site: Path, watched: tuple[Any, Watch], tmp_path: Path
) -> None:
    page, watch = watched
    pages = _own_pages(payload_site)
    assert len(pages) > 500
    for start in range(0, len(pages), FRAMED):
        batch = pages[start : start + FRAMED]
        page.goto(_frames(batch, tmp_path / f"cadres-{start}.html"), wait_until="load")
        loaded = set()
        for frame in page.main_frame.child_frames:
            # One round trip per page for every check: the site has nearly a thousand.
            address, pwned, active = frame.evaluate(
                "() => [location.href, window.__pwned !== undefined,"
                " document.querySelectorAll('img, script').length]"
            )
            assert not pwned, address
            assert active == 0, address
            loaded.add(address)
        # An error page instead of a page would show here, under another address.
        assert loaded == {p.as_uri() for p in batch}
        assert not watch.errors, (batch[0], batch[-1], watch.errors)
    assert not watch.blocked


def test_markup_from_the_data_shows_as_text(
    payload_site: Path, watched: tuple[Any, Watch], kit: Any
) -> None:
    page, watch = watched
    samples = [
        "index.html",
        "chantier/1.b.html",
        "enjeu/1.html",
        "ressource/animateurs-alsh.html",
        "service/administration-generale-democratie.html",
        "commune/24322.html",
    ]
    shown = 0
    for name in samples:
        path = payload_site / name
        if not path.exists():
            continue
        page.goto(path.as_uri())
        text = page.evaluate("() => document.body.textContent")
        shown += '<img src=x onerror="window.__pwned=1">' in text
        assert page.evaluate("() => document.querySelectorAll('b').length") == 0, name
    assert shown >= 5
    assert not watch.errors and not watch.blocked


def test_the_cartographies_of_the_site_draw_offline(
    payload_site: Path, watched: tuple[Any, Watch]
) -> None:
    page, watch = watched
    maps = sorted((payload_site / "cartographie").glob("*.html"))
    assert len(maps) > 3
    for path in maps:
        page.goto(path.as_uri())
        if path.name != "index.html":
            page.wait_for_function(DRAWN, timeout=60_000)
        assert page.evaluate("() => window.__pwned === undefined"), path
    assert not watch.errors and not watch.blocked


def test_links_between_pages_work_from_disk(payload_site: Path, watched: tuple[Any, Watch]) -> None:
    page, watch = watched
    page.goto((payload_site / "index.html").as_uri())
    page.click("a[href='chantier/1.b.html']")
    assert page.url.endswith("/chantier/1.b.html")
    page.click("a[href='../defi/1.html']")
    assert page.url.endswith("/defi/1.html")
    page.click("text=Ontologie")
    assert page.url.endswith("/ontologie/index.html")
    assert page.evaluate("() => document.querySelector('svg') !== null")
    assert not watch.errors and not watch.blocked
