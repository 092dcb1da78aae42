"""The error a store raises when it cannot answer: French, no traceback on the CLI."""

from feuille_de_route import UserError

__all__ = ["StoreError"]


class StoreError(UserError):
    """A store could not run a query or take a graph: unreachable server, refused request,
    storage folder in use, term that cannot be sent. The message says what to do."""
