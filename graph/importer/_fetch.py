"""Fetching a source over HTTP(S): explicit (the ``importer`` command's purpose), bounded.

Only ``http``/``https``; a redirection is followed only to another ``http(s)`` address
(never ``file:``, ``ftp:``…), at most :data:`MAX_REDIRECTS` times. The connection and
each read have their own time limit, and the whole exchange a deadline; the body is read
in chunks and dropped as soon as it passes the size limit (a server announcing or
streaming 10 GB costs at most the limit in memory). Nothing is decompressed: no
``Accept-Encoding`` is sent. Environment proxies are not used.
"""

import http.client
import socket
import ssl
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from feuille_de_route import redact_url, terminal_safe

from .._limits import SIZE_OPTION, InputLimits
from ._errors import SourceError

__all__ = ["DEFAULT_FETCH_LIMITS", "MAX_REDIRECTS", "FetchLimits", "Fetched", "check_url", "fetch"]

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchLimits:
    """Seconds allowed to connect, to wait for each read, and for the whole exchange."""

    connect: float = 10.0
    read: float = 30.0
    deadline: float = 300.0


DEFAULT_FETCH_LIMITS = FetchLimits()


@dataclass(frozen=True)
class Fetched:
    """A fetched body, the address it came from (after redirections), its media type."""

    url: str
    media_type: str
    body: bytes


def check_url(url: str) -> urllib.parse.SplitResult:
    """``url``'s parts if it is an ``http(s)`` address with a host, else a French error."""
    try:
        parts = urllib.parse.urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        valid = False
    if not valid:
        shown = terminal_safe(redact_url(url))[:300]
        raise SourceError(
            f"adresse refusée « {shown} » : seules les adresses http:// et https:// sont "
            "téléchargées (jamais file:, ftp: ni un autre schéma)"
        )
    return parts


class _Exchange:
    """One request's clock: every wait is capped by what remains of the deadline."""

    def __init__(self, url: str, limits: FetchLimits) -> None:
        self.shown = terminal_safe(redact_url(url))
        self.limits = limits
        self.end = time.monotonic() + limits.deadline

    def expired(self) -> SourceError | None:
        """The deadline's error once it has passed (a wait cut short by it included)."""
        if time.monotonic() < self.end - 0.01:
            return None
        return SourceError(
            f"{self.shown} : le téléchargement a dépassé le délai total de "
            f"{self.limits.deadline:g} s et a été arrêté"
        )

    def remaining(self, cap: float) -> float:
        error = self.expired()
        if error is not None:
            raise error
        return min(cap, self.end - time.monotonic())


def _connection(parts: urllib.parse.SplitResult, timeout: float) -> http.client.HTTPConnection:
    host = parts.hostname or ""
    if parts.scheme == "https":
        context = ssl.create_default_context()
        return http.client.HTTPSConnection(host, parts.port, timeout=timeout, context=context)
    return http.client.HTTPConnection(host, parts.port, timeout=timeout)


def _target(parts: urllib.parse.SplitResult) -> str:
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def _failure(exc: BaseException, exchange: _Exchange, what: str) -> SourceError:
    """The French message for a network failure while ``what`` (« connexion »…)."""
    if isinstance(exc, TimeoutError | socket.timeout):
        late = exchange.expired()
        if late is not None:
            return late
        limit = exchange.limits.connect if what == "connexion" else exchange.limits.read
        return SourceError(
            f"{exchange.shown} : le serveur n'a pas répondu dans le délai ({what}, {limit:g} s) ; "
            "vérifiez l'adresse ou réessayez plus tard"
        )
    if isinstance(exc, ConnectionRefusedError):
        return SourceError(f"{exchange.shown} : connexion refusée (aucun serveur n'écoute)")
    if isinstance(exc, socket.gaierror):
        return SourceError(f"{exchange.shown} : nom d'hôte inconnu ; vérifiez l'adresse")
    if isinstance(exc, ssl.SSLError):
        return SourceError(f"{exchange.shown} : échec de la connexion sécurisée (TLS) : {exc}")
    return SourceError(f"{exchange.shown} : échange interrompu ({what}) : {exc!r}"[:600])


def _read_body(
    response: http.client.HTTPResponse,
    sock: socket.socket,
    exchange: _Exchange,
    limits: InputLimits,
) -> bytes:
    declared = response.getheader("Content-Length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(exchange, limits, int(declared))
    chunks: list[bytes] = []
    size = 0
    while True:
        sock.settimeout(exchange.remaining(exchange.limits.read))
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limits.max_bytes:
            raise _too_large(exchange, limits, None)
        chunks.append(chunk)


def _too_large(exchange: _Exchange, limits: InputLimits, size: int | None) -> SourceError:
    shown = f" ({size / 1024 / 1024:.1f} Mo annoncés)" if size is not None else ""
    return SourceError(
        f"{exchange.shown} : la réponse dépasse la limite de taille de {limits.megabytes()} Mo"
        f"{shown} ; téléchargement arrêté. Si la source est sûre, relevez la limite avec "
        f"l'option {SIZE_OPTION} MO"
    )


def _status_error(response: http.client.HTTPResponse, exchange: _Exchange) -> SourceError:
    try:
        snippet = response.read1(500).decode("utf-8", errors="replace").strip()
    except (OSError, http.client.HTTPException, ValueError):
        snippet = ""
    said = f" : {terminal_safe(snippet[:300])}" if snippet else ""
    return SourceError(
        f"{exchange.shown} : le serveur a répondu {response.status} {response.reason}{said}"
    )


def _one_request(
    url: str,
    method: str,
    data: bytes | None,
    headers: Mapping[str, str],
    exchange: _Exchange,
    limits: InputLimits,
) -> tuple[str | None, Fetched | None]:
    """One request: (redirection target, None) or (None, the fetched body)."""
    parts = check_url(url)
    try:
        connection = _connection(parts, exchange.remaining(exchange.limits.connect))
        connection.connect()
    except (OSError, http.client.HTTPException) as exc:
        raise _failure(exc, exchange, "connexion") from None
    # Kept here: the connection forgets its socket once a response will close it.
    sock = connection.sock
    try:
        sock.settimeout(exchange.remaining(exchange.limits.read))
        connection.request(method, _target(parts), body=data, headers=dict(headers))
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location") or ""
            return urllib.parse.urljoin(url, location.strip()), None
        if response.status != 200:
            raise _status_error(response, exchange)
        media_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        body = _read_body(response, sock, exchange, limits)
        return None, Fetched(url, media_type, body)
    except (OSError, http.client.HTTPException) as exc:
        raise _failure(exc, exchange, "lecture") from None
    finally:
        connection.close()


def fetch(
    url: str,
    limits: InputLimits,
    fetch_limits: FetchLimits = DEFAULT_FETCH_LIMITS,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """The body at ``url`` (``http(s)`` only), within ``limits.max_bytes`` and the time
    limits; a French :class:`SourceError` for anything else (status other than 200,
    redirection elsewhere than ``http(s)``, timeout, refused connection)."""
    exchange = _Exchange(url, fetch_limits)
    sent = {"User-Agent": "feuille-de-route", "Accept-Encoding": "identity", **(headers or {})}
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        following, fetched = _one_request(current, method, data, sent, exchange, limits)
        if fetched is not None:
            return fetched
        assert following is not None
        try:
            check_url(following)
        except SourceError as exc:
            raise SourceError(f"{exchange.shown} : redirection refusée, {exc}") from None
        current = following
    raise SourceError(f"{exchange.shown} : plus de {MAX_REDIRECTS} redirections ; arrêt")
