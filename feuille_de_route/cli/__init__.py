"""The ``feuille-de-route`` command line, above every other part of the package."""

from ._cli import main

__all__ = ["main"]
