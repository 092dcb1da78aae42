"""The ``feuille-de-route`` command: argument parsing and error reporting.

Each command lives in its own ``_cmd_*`` module exposing ``register(subparsers)``;
heavy imports stay inside the command functions so that ``--help`` answers at once.
"""

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from . import __version__
from ._errors import UserError

__all__ = ["main"]

# Order is the order of the help listing.
_COMMAND_MODULES = (
    "_cmd_demo",
    "_cmd_construire",
    "_cmd_valider",
    "_cmd_modele",
    "_cmd_requetes",
    "_cmd_requete",
    "_cmd_publier",
    "_cmd_carto",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feuille-de-route",
        description=(
            "Feuilles de route territoriales d'inclusion numérique : construire le graphe, "
            "le valider, l'interroger en SPARQL et dessiner la cartographie des ressources."
        ),
        epilog="Aide d'une commande : feuille-de-route COMMANDE --help",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commandes", metavar="COMMANDE")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{name}":
                raise
            continue  # command not built yet
        module.register(sub)
    _french_argparse(parser)
    return parser


def _french_argparse(parser: argparse.ArgumentParser) -> None:
    """Translate argparse's own English words; it offers no other hook for them."""
    parser._positionals.title = "arguments"
    parser._optionals.title = "options"
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = "afficher cette aide et quitter"
        elif isinstance(action, argparse._VersionAction):
            action.help = "afficher la version et quitter"
        elif isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _french_argparse(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 violations found, 2 error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return func(args)
    except UserError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
