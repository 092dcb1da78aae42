"""Zip bombs refused before a spreadsheet reader opens the archive (``.xlsx``, ``.ods``)."""

import zipfile
from pathlib import Path

from ._errors import DataError
from ._limits import InputLimits, too_large

__all__ = ["check_file_size", "check_zip"]

_CHUNK = 1024 * 1024


def check_file_size(path: Path, limits: InputLimits) -> None:
    """Refuse a file larger on disk than ``limits.max_bytes``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(f"lecture impossible ({exc.strerror})", file=str(path)) from None
    if size > limits.max_bytes:
        raise too_large("le fichier", limits, str(path), size)


def check_zip(path: Path, limits: InputLimits) -> None:
    """Refuse an archive whose members would decompress beyond ``limits.max_bytes``.

    The sizes the archive declares are checked first, then every member is decompressed
    and discarded chunk by chunk, counting the real bytes (declared sizes can lie). A file
    that is not a zip archive is left to the format's reader and its usual message.
    """
    check_file_size(path, limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise DataError(
                f"archive de {len(members)} éléments (au plus {limits.max_members}) : ce "
                "n'est pas un classeur",
                file=str(path),
            )
        declared = sum(member.file_size for member in members)
        if declared > limits.max_bytes:
            raise too_large("le classeur décompressé", limits, str(path), declared)
        total = 0
        for member in members:
            total = _stream(archive, member, total, limits, path)


def _stream(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, total: int, limits: InputLimits, path: Path
) -> int:
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limits.max_bytes:
                    raise too_large("le classeur décompressé", limits, str(path))
    except DataError:
        raise
    except Exception as exc:  # zipfile/zlib raise many types for a damaged archive
        raise DataError(
            f"archive endommagée ({type(exc).__name__} sur « {member.filename[:80]} ») ; "
            "enregistrez de nouveau le classeur depuis le tableur",
            file=str(path),
        ) from None
    return total
