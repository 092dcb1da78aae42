"""``feuille-de-route documents``: the documents written as one set, bad input refused in
French with exit 2 and no traceback (issue 12 §3). The documents are written by a process
of its own, as the diagnostic's tests do (see tests/cli/test_diagnostic.py)."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from feuille_de_route.cli import main


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "feuille_de_route", "documents", *argv],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The Grand Périgueux's HTML and DOCX, written over a folder holding a user's file
    and a stale PDF of an earlier run."""
    folder = tmp_path_factory.mktemp("documents") / "sortie"
    folder.mkdir()
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    (folder / "feuille-de-route.pdf").write_bytes(b"%PDF- ancien")
    return folder, _run("--formats", "html,docx", "--sortie", str(folder))


def test_documents_are_written_as_one_set(
    written: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, done = written
    assert done.returncode == 0, done.stderr
    assert "2 document(s) écrit(s)" in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == [
        "feuille-de-route.docx",
        "feuille-de-route.html",
        "notes.txt",
    ]
    html = (folder / "feuille-de-route.html").read_text(encoding="utf-8")
    assert html.count('class="fiche fiche-chantier"') == 10
    assert "Chantier 1.b — Développer des actions à destination des jeunes" in html
    with zipfile.ZipFile(folder / "feuille-de-route.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "On aura réussi si :" in body and "HYPOTHÈSE" in body


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--formats", "html,odt"], "--formats 'html,odt' : attendu une liste parmi html, pdf"),
        (["--feuille-de-route", "ailleurs"], "ailleurs"),
        (["absent.xlsx"], "absent.xlsx"),
        (["--delai", "0"], "--delai doit être un nombre de secondes positif"),
    ],
)
def test_bad_input_is_a_french_error(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In this process (the command draws no matplotlib figure): no interpreter to start."""
    folder = tmp_path / "sortie"
    assert main(["documents", *argv, "--sortie", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and message in err
    assert "Traceback" not in err
    assert not folder.exists()
