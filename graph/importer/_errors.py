"""The error a source raises when it cannot be taken in: French, naming the source."""

from feuille_de_route import UserError

__all__ = ["SourceError"]


class SourceError(UserError):
    """A source could not be read, fetched, or was refused (shapes, namespace): the
    message names the source and says what to do."""
