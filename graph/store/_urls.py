"""Where a SPARQL server answers: the query and Graph Store URLs derived from one address."""

import urllib.parse

from feuille_de_route import redact_url, terminal_safe

from ._errors import StoreError

__all__ = ["check_http_url", "query_url"]


def check_http_url(url: str, what: str) -> urllib.parse.SplitResult:
    """``url``'s parts if it is an ``http``/``https`` address with a host, else a French error.

    Any other scheme (``file:``, ``data:``, ``ftp:``) would read or send elsewhere than
    a server: refused. The message never shows a password.
    """
    try:
        parts = urllib.parse.urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        shown = terminal_safe(redact_url(url))
        raise StoreError(
            f"{what} invalide : « {shown} » (attendu http://hôte:port/… ou https://…)."
        )
    return parts


def query_url(url: str) -> str:
    """The query endpoint for ``url``: a bare server address gets Oxigraph's ``/query``."""
    parts = check_http_url(url, "adresse de serveur SPARQL")

    if parts.path in ("", "/"):
        return urllib.parse.urlunsplit(parts._replace(path="/query"))
    return url
