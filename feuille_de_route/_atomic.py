"""Atomic writes: a reader sees the old file (or set of files) or the new one, never a mix.

Temporaries sit beside their target, named ``.<target>.<pid>.<random>.tmp``; one left by
a process that has died (killed mid-write) is removed by the next write to that target.
Every failure to write is a French :class:`OutputError` naming the path (exit 2).
"""

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ._errors import UserError

__all__ = [
    "OutputError",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_files",
    "atomic_write_text",
    "atomic_write_tree",
    "os_error_text",
]

_REASONS = {
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota de disque est atteint",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EEXIST: "existe déjà et n'est pas un dossier",
    errno.ENOENT: "chemin introuvable",
    errno.EPIPE: "la sortie a été fermée avant la fin",
    errno.ENAMETOOLONG: "nom trop long",
    errno.EXDEV: "déplacement entre deux systèmes de fichiers impossible",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
    errno.EBUSY: "ressource occupée",
    errno.EIO: "erreur d'entrée-sortie",
}


class OutputError(UserError, OSError):
    """An output that cannot be written: a French message, and still an ``OSError``."""


def os_error_text(exc: OSError) -> str:
    """The French reason of a system error (the system's own words when unknown)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or exc.__class__.__name__


def _write_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, OutputError):
        return exc
    return OutputError(f"écriture impossible de « {path} » : {os_error_text(exc)}.")


def _refuse_special(path: Path, want_dir: bool = False) -> None:
    """Refuse a target that is a device, a pipe, a socket, or a folder where a file goes."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _write_error(path, exc) from None
    if stat.S_ISLNK(mode) or (stat.S_ISREG(mode) and not want_dir):
        return
    if stat.S_ISDIR(mode) and want_dir:
        return
    if stat.S_ISDIR(mode):
        what = "est un dossier : attendu un fichier"
    elif want_dir and stat.S_ISREG(mode):
        what = "est un fichier : attendu un dossier"
    else:
        what = "n'est pas un fichier ordinaire (périphérique, tube ou socket) : refusé"
    raise OutputError(f"écriture impossible de « {path} » : la cible {what}.")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _clean_stale(target: Path) -> None:
    """Remove the temporaries of ``target`` left by dead processes.

    A swap interrupted between its two renames (systems without an atomic exchange)
    leaves the target missing and the old set aside as ``….old.tmp``: it is put back.
    """
    # tempfile's random part is 8 characters of [a-z0-9_]: a sibling target whose name
    # extends this one (``x`` and ``x.2024``) never matches.
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[a-z0-9_]{{8}}(\.old)?\.tmp$")
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        if entry.name.endswith(".old.tmp") and not os.path.lexists(target):
            with contextlib.suppress(OSError):
                os.rename(entry, target)
                continue
        _remove(entry)


def _prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(folder, exc) from None


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    Whatever writes to the yielded path (a library's ``save(path)`` included) is moved
    into place with one ``os.replace`` once the block ends without error. On any
    exception the temporary file is removed and ``path`` is left as it was. A target
    that is not a regular file (``/dev/full``, a folder, a pipe) is refused; system
    errors become a French :class:`UserError`.
    """
    path = Path(path)
    _refuse_special(path)
    _ensure_folder(path.parent)
    _clean_stale(path)
    try:
        fd, name = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        _refuse_special(path)  # it may have changed while the content was made
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
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

    See :func:`atomic_write_tree`: the folder is swapped whole when it holds nothing but
    these files; otherwise each file is written in full beside its target before any is
    moved into place, and other files are left alone.
    """
    return atomic_write_tree(folder, contents)


# renameat2(2) with RENAME_EXCHANGE swaps two paths in one step (Linux 3.15+).
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_LIBC = ctypes.CDLL(None, use_errno=True)
_RENAMEAT2 = getattr(_LIBC, "renameat2", None)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing moved)."""
    if _RENAMEAT2 is None:
        return False
    done = _RENAMEAT2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _dedicated(folder: Path, owned: Callable[[str], bool], prefix: str = "") -> bool:
    """Whether ``folder`` holds only what the writer owns (it may be swapped): regular
    files whose relative name is owned, and sub-folders whose name followed by ``/`` is
    owned and which hold only owned things in turn."""
    for entry in folder.iterdir():
        name = prefix + entry.name
        if entry.is_symlink():
            return False
        if entry.is_dir():
            if not owned(name + "/") or not _dedicated(entry, owned, name + "/"):
                return False
        elif not entry.is_file() or not owned(name):
            return False
    return True


def _swap_in(new: Path, folder: Path) -> None:
    """Put the folder ``new`` in place of ``folder``; the old set is removed after."""
    if not os.path.lexists(folder):
        os.rename(new, folder)
        return
    with contextlib.suppress(OSError):
        os.chmod(new, stat.S_IMODE(os.stat(folder).st_mode))
    if _exchange(new, folder):
        shutil.rmtree(new, ignore_errors=True)
        return
    old = new.with_name(new.name.removesuffix(".tmp") + ".old.tmp")
    os.rename(folder, old)
    os.rename(new, folder)
    shutil.rmtree(old, ignore_errors=True)


def _write_set(folder: Path, contents: Mapping[str, bytes]) -> list[Path]:
    paths = [folder / name for name in contents]
    # Leaving the stack without error moves every file into place; an error on the way
    # out of any write removes all the temporaries instead.
    with contextlib.ExitStack() as stack:
        for path, data in zip(paths, contents.values(), strict=True):
            stack.enter_context(atomic_write(path)).write_bytes(data)
    return paths


def atomic_write_tree(
    folder: Path,
    contents: Mapping[str, bytes],
    owned: Callable[[str], bool] | None = None,
) -> list[Path]:
    """Replace the files of ``folder`` by ``contents`` (name → bytes) as one unit.

    ``owned`` tells the names this writer produces (default: the names of ``contents``);
    it is asked relative names, ``sub/`` for a sub-folder and ``sub/name`` for its files.
    A folder that is missing or holds only owned files is rebuilt beside the target and
    swapped in with one atomic exchange: a kill at any moment leaves the old set or the
    new one, and owned files absent from ``contents`` (another roadmap's pages) go. A
    folder holding anything else (the user's own files) is never swapped: each file is
    written in full beside its target before any is moved into place, then the owned
    files absent from ``contents`` are removed. Returns the paths in ``contents`` order.
    """
    folder = Path(folder)
    is_owned = owned if owned is not None else contents.__contains__
    _refuse_special(folder, want_dir=True)
    _ensure_folder(folder.parent)
    _clean_stale(folder)
    try:
        if folder.exists() and not _dedicated(folder, is_owned):
            paths = _write_set(folder, contents)
            for entry in folder.iterdir():
                if entry.name not in contents and is_owned(entry.name) and entry.is_file():
                    entry.unlink()
            return paths
        new = Path(tempfile.mkdtemp(prefix=_prefix(folder), suffix=".tmp", dir=folder.parent))
        try:
            for name, data in contents.items():
                target = new / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as handle:
                    handle.write(data)
                    os.fsync(handle.fileno())
                os.chmod(target, 0o644)
            os.chmod(new, 0o755)
            _swap_in(new, folder)
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
    except OSError as exc:
        raise _write_error(folder, exc) from None
    return [folder / name for name in contents]
