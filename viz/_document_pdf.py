"""The PDF of the documents: their HTML printed by headless Chromium (Debian's, through
Playwright's ``page.pdf``), so the PDF is exactly the printable HTML."""

import concurrent.futures
import shutil
from pathlib import Path

from feuille_de_route import UserError

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium_path", "html_to_pdf"]

CHROMIUM = Path("/usr/bin/chromium")
# Headless Chromium as root in a container, with nothing reaching the network; the
# tests' and benchmarks' browsers launch with the same arguments.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_HINT = (
    "installez Chromium (Debian : apt-get install chromium) ou demandez seulement les "
    "formats html et docx (--formats html,docx)"
)


def chromium_path(executable: Path | None = None) -> Path:
    """The Chromium to print with: ``executable``, else /usr/bin/chromium, else the one
    on the PATH. A French :class:`UserError` when there is none."""
    if executable is not None:
        if executable.is_file():
            return executable
        raise UserError(f"Chromium introuvable ({executable}) : pas de PDF ; {_HINT}.")
    if CHROMIUM.is_file():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return Path(found)
    raise UserError(f"Chromium introuvable ({CHROMIUM}) : pas de PDF ; {_HINT}.")


def html_to_pdf(html: str, executable: Path | None = None) -> bytes:
    """``html`` (a self-contained page) printed to A4 PDF, its own page rules and
    backgrounds kept. Nothing is fetched: the page holds every resource inline.

    Printed from a thread of its own: Playwright's synchronous API cannot start inside
    another running instance (a caller's own browser) in the same thread.
    """
    path = chromium_path(executable)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise UserError(
            "le module playwright (Python) n'est pas installé : pas de PDF ; "
            f"pip install playwright, ou {_HINT.split(' ou ', 1)[1]}."
        ) from exc
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, html, path).result()


def _print(html: str, path: Path) -> bytes:
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(java_script_enabled=False, offline=True)
                page.set_content(html, wait_until="load")
                pdf: bytes = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
            finally:
                browser.close()
    except Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"Chromium n'a pas pu imprimer le PDF ({path}) : {first}") from exc
    return pdf
