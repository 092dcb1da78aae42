"""The time limit's worker thread: an error it hands back holds no engine answer."""

import gc
import sys
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pyoxigraph as ox
import pytest

from feuille_de_route.graph.store._deadline import QueryTimeout, _Stopped, within_deadline


@pytest.fixture
def unraisable() -> Iterator[list[str]]:
    """What Python could not raise (an error in a destructor), while the test runs."""
    seen: list[str] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda report: seen.append(repr(report.exc_value))
    yield seen
    sys.unraisablehook = previous


def test_an_answer_in_a_failed_query_is_not_dropped_by_another_thread(
    unraisable: list[str],
) -> None:
    # A pyoxigraph answer lived in a frame of the failed query's traceback; the caller's
    # collector dropped it, and pyoxigraph complained that it was « unsendable, but is
    # being dropped on another thread » (seen with a federated server down).
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o")))

    def failing() -> Any:
        answer = store.query("SELECT * WHERE { ?s ?p ?o }")
        raise RuntimeError(f"échec après {type(answer).__name__}")

    with pytest.raises(RuntimeError, match="échec après QuerySolutions"):
        within_deadline(failing, 5.0, "essai")
    gc.collect()
    assert unraisable == []


def test_a_stop_met_outside_the_query_is_not_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A timed-out query's thread is stopped by an exception raised in it; met in a weak
    # reference's callback, Python printed it on stderr (« Exception ignored in … »).
    seen: list[object] = []
    previous = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        done = threading.Event()

        def slow() -> None:
            while not done.is_set():
                time.sleep(0.01)

        with pytest.raises(QueryTimeout):
            within_deadline(slow, 0.05, "essai")
        done.set()
        stop, other = SimpleNamespace(exc_value=_Stopped()), SimpleNamespace(exc_value=OSError())
        sys.unraisablehook(stop)
        sys.unraisablehook(other)
    finally:
        sys.unraisablehook = previous
    assert seen == [other]
    assert capsys.readouterr().err == ""
