"""Where a SPARQL server answers: the query and Graph Store URLs derived from one address."""

import urllib.parse

from ._errors import StoreError

__all__ = ["query_url"]


def query_url(url: str) -> str:
    """The query endpoint for ``url``: a bare server address gets Oxigraph's ``/query``."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(
            f"adresse de serveur SPARQL invalide : « {url} » (attendu http://hôte:port/…)."
        )
    if parts.path in ("", "/"):
        return urllib.parse.urlunsplit(parts._replace(path="/query"))
    return url
