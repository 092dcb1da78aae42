"""The ``feuille-de-route`` command: argument parsing and error reporting.

Each command lives in its own ``_cmd_*`` module exposing ``register(subparsers)``;
heavy imports stay inside the command functions so that ``--help`` answers at once.
"""

import argparse
import contextlib
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from .. import __version__
from .._atomic import os_error_text
from .._errors import UserError
from .._safe_text import terminal_safe

__all__ = ["main"]

# Order is the order of the help listing.
_COMMAND_MODULES = (
    "_cmd_demo",
    "_cmd_construire",
    "_cmd_valider",
    "_cmd_modele",
    "_cmd_communes",
    "_cmd_requetes",
    "_cmd_requete",
    "_cmd_publier",
    "_cmd_publier_site",
    "_cmd_importer",
    "_cmd_retirer",
    "_cmd_carto",
    "_cmd_carto_comparee",
    "_cmd_diagnostic",
    "_cmd_documents",
    "_cmd_similaires",
    "_cmd_versions",
    "_cmd_comparer",
    "_cmd_exporter_lieux",
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
        with _notices_on_stderr():
            return func(args)
    except UserError as exc:
        return _report(str(exc), exc.exit_code)
    except BrokenPipeError:
        return _closed_output()
    except OSError as exc:
        where = f" « {exc.filename} »" if exc.filename else ""
        return _report(f"lecture ou écriture impossible{where} : {os_error_text(exc)}.", 2)
    except KeyboardInterrupt:
        return _report("Interrompu.", 130, prefix="")
    except MemoryError:
        return _report("mémoire insuffisante pour cette commande.", 2)
    except Exception as exc:  # never a traceback: the user gets what happened, in French
        return _report(
            f"erreur inattendue ({type(exc).__name__}) : {exc}. Merci de la signaler avec "
            "la commande lancée.",
            2,
        )
    finally:
        # rdflib's SPARQL parser leaves exceptions in reference cycles with their
        # tracebacks, whose frames hold the command's store: an Oxigraph folder stays
        # locked until the cycle collector runs, and a second command in the same
        # process (a notebook, the tests) could not open it.
        gc.collect()


class _TerminalSafe(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))


@contextlib.contextmanager
def _notices_on_stderr() -> Iterator[None]:
    """The package's notices (« Remarque : … ») on this run's stderr, control characters shown.

    The handler is made per run, on the current ``sys.stderr``, so that a program calling
    :func:`main` twice (or a test capturing stderr) sees each run's notices once.
    """
    logger = logging.getLogger("feuille_de_route")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalSafe("%(message)s"))
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _report(message: str, code: int, prefix: str = "Erreur : ") -> int:
    """Print ``message`` on stderr, control characters shown, never executed."""
    with contextlib.suppress(OSError):  # stderr closed too: the exit code says it
        print(prefix + terminal_safe(message), file=sys.stderr)
    return code


def _closed_output() -> int:
    """The reader of our output left (``| head``): stop quietly, exit 2.

    Standard output is pointed at /dev/null so that the interpreter's final flush does
    not fail again with a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return _report("la sortie a été fermée avant la fin (tube fermé) ; résultat incomplet.", 2)
