"""Every command that opens a ``--stockage`` releases its folder when it ends.

Regression: once matplotlib's mathtext is imported (the diagnostic's charts), pyparsing
memoises every parse process-wide, and its cache keeps the last parse's exceptions with
their tracebacks: through them, the frames of rdflib's query parser's callers and the
store they held, with the folder's lock. In one test process, the next command to open
the folder failed with « lock hold by current process ». Memoisation is switched on here
as matplotlib does, so the test does not depend on which tests ran before.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyparsing import ParserElement

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX
from feuille_de_route.graph.store import OxigraphStore

from ..queries.territoires_essai import ETE, GP, stored_territories

GP_EPCI = "200040392"


@pytest.fixture(scope="module")
def stockage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored_territories(tmp_path_factory)


@pytest.fixture
def memoised() -> Iterator[None]:
    was_on = ParserElement._packratEnabled
    ParserElement.enable_packrat()
    try:
        yield
    finally:
        if not was_on:
            ParserElement.disable_memoization()


def _commands(folder: Path, out: Path) -> dict[str, list[str]]:
    where = ["--stockage", str(folder)]
    one = [*where, "--feuille-de-route", GP]
    return {
        "requete": ["requete", "comptes-nationaux", *where],
        "requete-chantier": ["requete", "fiche-chantier", "-p", "chantier=1.b", *where],
        "carto": ["carto", "--vue", "lacunes", *one, "--sortie", str(out / "l.html")],
        "carto-comparee": ["carto-comparee", GP_EPCI, ETE, *where, "--sortie", str(out / "c.html")],
        "similaires": ["similaires", "--epci", GP_EPCI, "--nombre", "2", *where],
        "importer": ["importer", str(GRAND_PERIGUEUX), *where, "--silencieux"],
        "documents": ["documents", "--formats", "html", *one, "--sortie", str(out / "d")],
    }


@pytest.mark.parametrize("command", list(_commands(Path(), Path())))
def test_the_folder_is_free_when_the_command_ends(
    command: str, stockage: Path, tmp_path: Path, memoised: None
) -> None:
    assert main(_commands(stockage, tmp_path)[command]) == 0
    OxigraphStore(stockage).close()  # raised « lock hold by current process » before


def test_versions_and_comparer_release_both_folders(tmp_path: Path, memoised: None) -> None:
    where = ["--stockage", str(tmp_path / "stockage")]
    for day in ("2024-03-01", "2024-09-15"):
        assert main(["versions", "ajouter", str(GRAND_PERIGUEUX), *where, "--date", day]) == 0
    assert main(["versions", "lister", *where]) == 0
    assert main(["comparer", "2024-03-01", "2024-09-15", *where]) == 0
    OxigraphStore(tmp_path / "stockage").close()
    OxigraphStore(tmp_path / "stockage" / "versions").close()
