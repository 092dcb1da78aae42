"""A time limit on a query run in this process (rdflib in memory, Oxigraph on disk).

The work runs in a worker thread; past the deadline the caller gets a French
:class:`StoreError` at once, and the worker is asked to stop: Python code (rdflib) is
interrupted by an exception raised in that thread, and loops reading solutions check
:func:`cancelled` between rows (Oxigraph gives them one at a time). An engine busy inside
one native call finishes it in the background, its answer discarded. That exception,
when Python meets it where it cannot raise it (a weak reference's callback), is not
printed (``_quiet_stops``); an error the worker hands back has its frames cleared there
first, so no pyoxigraph answer is dropped by another thread.
"""

import ctypes
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from ._errors import StoreError

__all__ = ["QueryTimeout", "cancelled", "within_deadline"]

T = TypeVar("T")

_local = threading.local()


class QueryTimeout(StoreError):
    """A query ran past its time limit (``--delai``)."""


class _Stopped(BaseException):
    """Raised inside an abandoned worker thread to end its Python work."""


def cancelled() -> bool:
    """Whether the query running in this thread has been abandoned."""
    event: threading.Event | None = getattr(_local, "event", None)
    return event is not None and event.is_set()


def _quiet_stops(previous: Callable[[Any], object]) -> Callable[[Any], object]:
    """``previous``, except for a :class:`_Stopped` met where Python cannot raise it (a
    destructor, a weak reference's callback): the abandoned query's own stop, which
    would otherwise be printed on stderr as « Exception ignored in … »."""

    def hook(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, _Stopped):
            return None
        return previous(unraisable)

    hook.quiet_stops = True  # type: ignore[attr-defined]
    return hook


def _interrupt(thread: threading.Thread) -> None:
    if not getattr(sys.unraisablehook, "quiet_stops", False):
        sys.unraisablehook = _quiet_stops(sys.unraisablehook)
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(_Stopped)
        )


def _release_frames(error: BaseException) -> None:
    """Clear, in this thread, the locals of the frames ``error`` and its causes hold: a
    pyoxigraph answer may only be dropped by the thread that made it (dropped by the
    caller's collector, it raised « unsendable, but is being dropped on another thread »)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__traceback__ is not None:
            traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


def within_deadline(work: Callable[[], T], seconds: float | None, what: str) -> T:
    """``work()``'s answer, or :class:`QueryTimeout` after ``seconds`` (None: no limit)."""
    if seconds is None:
        return work()
    outcome: dict[str, object] = {}
    event = threading.Event()

    def run() -> None:
        _local.event = event
        try:
            outcome["value"] = work()
        except _Stopped:
            pass
        except BaseException as exc:  # handed to the caller's thread
            _release_frames(exc)
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="feuille-de-route-requete", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        event.set()
        _interrupt(worker)
        raise QueryTimeout(
            f"{what} : la requête a dépassé le délai de {seconds:g} s et a été arrêtée "
            "(produit cartésien ou requête trop lourde ?). Précisez-la, ou allongez le "
            "délai avec --delai SECONDES."
        )
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return outcome["value"]  # type: ignore[return-value]
