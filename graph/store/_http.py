"""HTTP for SPARQL servers: standard library only, bounded retries, French errors."""

import base64
import http.client
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

from feuille_de_route import redact_url, terminal_safe

from ._errors import StoreError

__all__ = ["http_request"]

# Answers that say "try again later": a proxy or a server still starting or overloaded.
_TRANSIENT_STATUS = frozenset({502, 503, 504})
_MESSAGE_LIMIT = 1000
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>»]+")


def _server_message(error: urllib.error.HTTPError) -> str:
    try:
        body = error.read(_MESSAGE_LIMIT + 1)
    except (OSError, http.client.HTTPException):
        body = b""
    text = body.decode("utf-8", errors="replace").strip()
    if len(text) > _MESSAGE_LIMIT:
        text = text[:_MESSAGE_LIMIT] + "…"
    # A server's words are data: shown, never run by the terminal.
    return terminal_safe(text) or "(sans message)"


def _credentials(url: str) -> tuple[str, dict[str, str]]:
    """``url`` without its ``user:password@``, and the Basic authorisation header for it.

    Credentials travel in a header, never in a URL that a message or a log could show.
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, {}
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    token = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password)}"
    clean = urllib.parse.urlunsplit(parts._replace(netloc=host))
    return clean, {"Authorization": "Basic " + base64.b64encode(token.encode()).decode("ascii")}


def http_request(
    method: str,
    url: str,
    *,
    data: bytes,
    headers: Mapping[str, str],
    timeout: float,
    retries: int,
    what: str,
) -> bytes:
    """Send one request and return the response body.

    ``retries`` more attempts are made, with a short growing pause, after a refused or
    cut connection or a 502/503/504 answer; callers pass 0 unless the request is
    idempotent (a query, a graph-store PUT). A timeout is not retried: a server that
    is too slow once is as slow again. ``what`` names the operation in French messages.
    """
    attempts = retries + 1
    failure = ""
    url, authorisation = _credentials(url)
    what = _URL.sub(lambda match: redact_url(match.group(0)), what)
    for attempt in range(attempts):
        if attempt:
            time.sleep(0.2 * 2 ** (attempt - 1))
        try:
            request = urllib.request.Request(
                url, data=data, method=method, headers={**headers, **authorisation}
            )
        except ValueError as exc:
            raise StoreError(f"{what} : adresse invalide {url} ({exc}).") from None
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as exc:
            message = _server_message(exc)
            failure = f"le serveur a répondu {exc.code} {exc.reason} : {message}"
            if exc.code not in _TRANSIENT_STATUS:
                raise StoreError(f"{what} : {failure}") from exc
        except TimeoutError as exc:
            raise StoreError(
                f"{what} : le serveur {url} n'a pas répondu dans le délai de {timeout:g} s. "
                "Vérifiez qu'il fonctionne, ou allongez le délai."
            ) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise StoreError(
                    f"{what} : le serveur {url} n'a pas répondu dans le délai de {timeout:g} s. "
                    "Vérifiez qu'il fonctionne, ou allongez le délai."
                ) from exc
            if isinstance(reason, ConnectionRefusedError):
                failure = "connexion refusée (aucun serveur n'écoute à cette adresse)"
            elif isinstance(reason, socket.gaierror):
                raise StoreError(
                    f"{what} : nom d'hôte inconnu dans {url} ({reason}). Vérifiez l'adresse."
                ) from exc
            else:
                failure = f"connexion impossible ou coupée ({reason})"
        except http.client.InvalidURL as exc:
            raise StoreError(f"{what} : adresse invalide {url} ({exc}).") from None
        except (ConnectionError, http.client.HTTPException) as exc:
            failure = f"connexion coupée par le serveur avant la fin de l'échange ({exc!r})"
    raise StoreError(
        f"{what} : le serveur {url} est injoignable ou a coupé la connexion après "
        f"{attempts} tentative{'s' if attempts > 1 else ''} ; dernière erreur : {failure}. "
        "Vérifiez l'adresse et que le serveur est démarré."
    )
