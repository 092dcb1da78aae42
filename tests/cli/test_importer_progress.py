"""``importer``'s progress line (issue 11, performance): French, on stderr, redrawn in
place on a terminal, one line every N sources otherwise, none with ``--silencieux``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.cli._progress import Progress, remaining_text

from ..graph.store.import_territories import Territories, make_territories

pytestmark = pytest.mark.timeout(300)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (44.6, "45 s"), (60, "1 min"), (80, "1 min 20 s"), (7500, "2 h 05 min")],
)
def test_remaining_time_in_french(seconds: float, text: str) -> None:
    assert remaining_text(seconds) == text


def test_line_counts_imported_refused_and_time_left() -> None:
    clock = _Clock()
    progress = Progress(1255, io.StringIO(), clock=clock)
    assert progress.text() == (
        "0/1255 sources lues ; 0 feuille de route importée, 0 refusée — estimation en cours"
    )
    for number in range(314):
        progress.outcome(imported=number not in (5, 9))
        progress.source_done()
    clock.now += 314 * 0.1  # 0.1 s a source: 941 left, 94 s
    assert progress.text() == (
        "314/1255 sources lues ; 312 feuilles de route importées, 2 refusées — 1 min 34 s restantes"
    )


def test_a_catalogue_is_one_source_of_several_roadmaps() -> None:
    progress = Progress(2, io.StringIO(), clock=_Clock())
    for _ in range(3):  # the first source, a catalogue, gives three roadmaps
        progress.outcome(imported=True)
    progress.source_done()
    assert progress.text().startswith(
        "1/2 sources lues ; 3 feuilles de route importées, 0 refusée — "
    )


def test_sources_read_move_while_outcomes_wait_for_the_bulk_write() -> None:
    """On a national store the outcomes come when the bulk write ends: the line moves
    with the sources read, the counts at the end."""
    progress = Progress(3, io.StringIO(), clock=_Clock())
    progress.source_done()
    progress.source_done()
    assert progress.text().startswith("2/3 sources lues ; 0 feuille de route importée, 0 ")
    for imported in (True, True, False):
        progress.outcome(imported=imported)
    progress.source_done()
    assert progress.text() == (
        "3/3 sources lues ; 2 feuilles de route importées, 1 refusée — terminé en 0 s"
    )


def test_not_a_terminal_one_line_every_n_sources_and_the_last() -> None:
    stream = io.StringIO()
    progress = Progress(7, stream, every=3, clock=_Clock())
    for _ in range(7):
        progress.outcome(imported=True)
        progress.source_done()
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["3/7", "6/7", "7/7"]
    assert "\r" not in stream.getvalue()
    assert lines[-1] == (
        "7/7 sources lues ; 7 feuilles de route importées, 0 refusée — terminé en 0 s"
    )


def test_on_a_terminal_the_line_is_redrawn_in_place() -> None:
    stream = _Terminal()
    progress = Progress(3, stream, every=100, clock=_Clock())
    for number in range(3):
        progress.clear()  # as the command does before printing an outcome
        progress.outcome(imported=number != 1)
        progress.redraw()
        progress.source_done()
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("terminé en 0 s\n")
    assert "\r\x1b[K1/3 sources lues ; 1 feuille de route importée, 0 refusée" in text
    assert "\r\x1b[K2/3 sources lues ; 1 feuille de route importée, 1 refusée" in text


@pytest.fixture(scope="module")
def territories(tmp_path_factory: pytest.TempPathFactory) -> Territories:
    return make_territories(tmp_path_factory.mktemp("territoires"))


def test_importer_writes_progress_on_stderr(
    territories: Territories, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = [str(territories.foyen_trig), str(tmp_path / "absente.ttl")]
    code = main(["importer", *sources, "--stockage", str(tmp_path / "s"), "--validation", "rapide"])
    captured = capsys.readouterr()
    assert code == 2
    # Not a terminal: the last line only (fewer sources than a line's worth).
    assert captured.err.splitlines()[-1].startswith(
        "2/2 sources lues ; 1 feuille de route importée, 1 refusée — terminé en "
    )
    assert "sources lues" not in captured.out
    assert "Bilan : 1 feuille(s) de route importée(s), 1 refusée(s), sur 2." in captured.out


def test_importer_silencieux_writes_no_progress(
    territories: Territories, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = [str(territories.foyen_trig), "--stockage", str(tmp_path / "s")]
    code = main(["importer", *arguments, "--validation", "rapide", "--silencieux"])
    captured = capsys.readouterr()
    assert code == 0
    assert "sources lues" not in captured.err
    assert "Bilan : 1 feuille(s) de route importée(s)" in captured.out
