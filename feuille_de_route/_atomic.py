"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = ["atomic_write", "atomic_write_bytes", "atomic_write_files", "atomic_write_text"]


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    Whatever writes to the yielded path (a library's ``save(path)`` included) is moved
    into place with one ``os.replace`` once the block ends without error. On any
    exception the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


def atomic_write_files(folder: Path, contents: Mapping[str, bytes]) -> list[Path]:
    """Write several files of ``folder`` as one set; return their paths in order.

    Every file is first written in full beside its target; only then are they moved into
    place. A failure while writing leaves every previous file as it was, and the set is
    mixed only during the renames themselves.
    """
    paths = [Path(folder) / name for name in contents]
    # Leaving the stack without error moves every file into place; an error on the way
    # out of any write removes all the temporaries instead.
    with contextlib.ExitStack() as stack:
        for path, data in zip(paths, contents.values(), strict=True):
            stack.enter_context(atomic_write(path)).write_bytes(data)
    return paths
