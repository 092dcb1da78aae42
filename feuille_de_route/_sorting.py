"""The one order of a territory's own identifiers (``1.b``, ``2``, ``10``)."""

import re

__all__ = ["natural_key"]


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting ``"2.a"`` before ``"10"`` and ``"1.b"`` before ``"1.C"``.

    Runs of digits compare as numbers, the rest without regard to case, so a workbook, a
    query's rows and a map list the same IDs in the same order.
    """
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"([0-9]+)", text)
        if part
    )
