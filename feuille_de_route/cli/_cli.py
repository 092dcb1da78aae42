"""The ``feuille-de-route`` command: argument parsing and error reporting.

Each command lives in its own ``_cmd_*`` module exposing ``register(subparsers)``;
heavy imports stay inside the command functions so that ``--help`` answers at once.
"""

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from .._errors import UserError

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


# argparse looks its messages up through its module-level ``_`` at call time; mapping
# them to French is the only way to localise them without a compiled catalogue.
_ARGPARSE_FR = {
    "usage: ": "usage : ",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (valeurs possibles : %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}


def _french(message: str) -> str:
    return _ARGPARSE_FR.get(message, message)


argparse._ = _french  # type: ignore[attr-defined]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feuille-de-route",
        description=(
            "Feuilles de route territoriales d'inclusion numérique : construire le graphe, "
            "le valider, l'interroger en SPARQL et dessiner la cartographie des ressources."
        ),
        epilog="Aide d'une commande : feuille-de-route COMMANDE --help",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher la version et quitter",
    )
    sub = parser.add_subparsers(title="commandes", metavar="COMMANDE")
    for name in _COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


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
