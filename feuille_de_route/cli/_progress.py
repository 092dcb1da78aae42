"""The ``importer`` command's progress line, in French, on stderr.

« 312/1255 sources lues ; 310 feuilles de route importées, 2 refusées — 1 min 20 s
restantes ». On a terminal the line is redrawn in place (carriage return, erase to the
end of the line); written to a file or a pipe, one line every ``every`` sources, and the
last one. The sources read move as the import goes; a roadmap counts as imported or
refused once its outcome is known, which on a national store is when the bulk write
holding it ends (``graph/importer/_writer``): the counts may then stay at zero until
the end. A catalogue is one source of several roadmaps. The time left is the mean time
per source so far times the sources left.
"""

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "remaining_text"]

_ERASE = "\r\x1b[K"


def remaining_text(seconds: float) -> str:
    """A duration as the progress line says it: « 45 s », « 1 min 20 s », « 2 h 05 min »."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts the roadmaps of ``sources`` sources as they are imported or refused."""

    def __init__(
        self,
        sources: int,
        stream: TextIO,
        *,
        every: int = 50,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sources = sources
        self.stream = stream
        self.every = max(1, every)
        self.clock = clock
        self.start = clock()
        self.imported = 0
        self.refused = 0
        self.sources_done = 0
        self.in_place = _is_terminal(stream)
        self._shown = False

    def outcome(self, imported: bool) -> None:
        """One roadmap imported (True) or refused (False)."""
        if imported:
            self.imported += 1
        else:
            self.refused += 1

    def source_done(self) -> None:
        """One more source read to its end: the line is drawn (or written) again."""
        self.sources_done += 1
        last = self.sources_done >= self.sources
        if self.in_place:
            self._draw(last)
        elif last or self.sources_done % self.every == 0:
            self.stream.write(self.text() + "\n")
            self.stream.flush()

    def clear(self) -> None:
        """Erase the line drawn in place (before other text goes to the terminal)."""
        if self.in_place and self._shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._shown = False

    def redraw(self) -> None:
        """Draw the line again after :meth:`clear`, if some source is done already."""
        if self.in_place and self.sources_done and self.sources_done < self.sources:
            self._draw(False)

    def _draw(self, last: bool) -> None:
        self.stream.write(_ERASE + self.text() + ("\n" if last else ""))
        self.stream.flush()
        self._shown = not last

    def text(self) -> str:
        """The line, without an end of line."""
        head = (
            f"{self.sources_done}/{self.sources} sources lues ; "
            f"{_count(self.imported, 'feuille de route importée', 'feuilles de route importées')}, "
            f"{_count(self.refused, 'refusée', 'refusées')}"
        )
        left = self.sources - self.sources_done
        if left <= 0:
            elapsed = self.clock() - self.start
            return f"{head} — terminé en {remaining_text(elapsed)}"
        if not self.sources_done:
            return f"{head} — estimation en cours"
        per_source = (self.clock() - self.start) / self.sources_done
        return f"{head} — {remaining_text(per_source * left)} restantes"


def _count(number: int, one: str, many: str) -> str:
    """« 0 refusée », « 1 refusée », « 2 refusées » (French: the singular up to one)."""
    return f"{number} {one if number <= 1 else many}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
