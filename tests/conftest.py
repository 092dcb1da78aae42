"""Fixtures shared by every part's tests.

``../shared`` (the seed text and the original reference data) sits beside the repository
for developers and in CI, not in a plain clone: the tests that need it skip with the
reason, except under ``CI=true`` where its absence fails them loudly. ``FDR_SHARED``
points elsewhere (a worktree whose parent has no ``shared``). Likewise the tests marked
``java`` (HermiT) skip where Java is missing, and fail under ``CI=true``.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from feuille_de_route.ontology import ConsistencyResult

    from .graph.store.import_territories import Territories

# Property tests assert what holds, not how fast: a loaded CI machine (2 cores) made
# hypothesis's default 200 ms deadline fail test_integers_round_trip once.
settings.register_profile("feuille-de-route", deadline=None)
settings.load_profile("feuille-de-route")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FDR_SHARED") or ROOT.parent / "shared")


def in_ci() -> bool:
    """True where the CI runs (``CI=true``): there, missing shared material is an error."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def require_shared(path: Path, what: str) -> Path:
    """``path`` if it exists; else skip (fail under ``CI=true``) saying what is missing."""
    if path.exists():
        return path
    reason = (
        f"{what} : {path} n'existe pas (../shared accompagne le dépôt en développement "
        "et en CI, pas dans un simple clone ; FDR_SHARED=DOSSIER pour l'indiquer ailleurs)"
    )
    if in_ci():
        pytest.fail(f"CI=true : {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only reference data beside the repository (``../shared/data``)."""
    return require_shared(SHARED / "data", "données de référence d'origine")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The source document the Grand Périgueux roadmap is modelled on."""
    folder = require_shared(SHARED / "seed", "texte source (seed)")
    seeds = sorted(folder.glob("*.txt"))
    if not seeds:
        require_shared(folder / "*.txt", "texte source (seed)")
    return seeds[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def grand_perigueux_consistency() -> "ConsistencyResult":
    """HermiT's answer on the embedded Grand Périgueux: one JVM run for the session, read
    by the graph and the ontology tests alike (mark those tests ``java``)."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.ontology import check_consistency

    return check_consistency(load_roadmap(None))


@pytest.fixture(scope="session")
def territories(tmp_path_factory: pytest.TempPathFactory) -> Iterator["Territories"]:
    """The three import sources of ``tests/graph/store/import_territories.py`` (files and
    graphs), written once for the session: the import tests of tests/graph/store,
    tests/cli and tests/security read them, never change them (checked at the end)."""
    from .graph.store.import_territories import make_territories

    made = make_territories(tmp_path_factory.mktemp("territoires"))
    sizes = {name: len(graph) for name, graph in made.graphs.items()}
    files = {path: path.read_bytes() for path in made.sources}
    yield made
    assert {name: len(graph) for name, graph in made.graphs.items()} == sizes
    assert all(path.read_bytes() == data for path, data in files.items())


def _java_missing() -> str | None:
    """Why HermiT cannot run here (French), or None when Java is found."""
    from feuille_de_route import UserError
    from feuille_de_route.ontology import java_executable

    try:
        java_executable()
    except UserError as exc:
        return str(exc)
    return None


# Set by GNU readline in each pytest-xdist worker (its standard input is no terminal),
# though not in the main process: the commands' tables would then be 80 columns wide.
TERMINAL_VARIABLES = ("COLUMNS", "LINES")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: tell each worker the main process's terminal variables."""
    node.workerinput["terminal"] = {name: os.environ.get(name) for name in TERMINAL_VARIABLES}


def _terminal_as_in_the_main_process(config: pytest.Config) -> None:
    """In a pytest-xdist worker, the terminal variables as the main process has them."""
    given = getattr(config, "workerinput", {}).get("terminal", {})
    for name, value in given.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def pytest_configure(config: pytest.Config) -> None:
    """Temporary folders on a RAM file system (``/dev/shm``) where there is one.

    Every output of the package is written atomically, with an ``fsync`` per file: on
    the CI machine's disk, shared with other jobs, that made a third of the time of the
    site and cartography tests. The files, renames and ``fsync`` calls stay real. An
    explicit ``--basetemp`` or ``PYTEST_DEBUG_TEMPROOT`` is kept.
    """
    _terminal_as_in_the_main_process(config)
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    ram = Path("/dev/shm")
    if not ram.is_dir() or not os.access(ram, os.W_OK | os.X_OK):
        return
    if os.statvfs(ram).f_flag & (os.ST_NOEXEC | os.ST_RDONLY):
        return
    os.environ["PYTEST_DEBUG_TEMPROOT"] = str(ram)


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A blank node's id is random: named by its kind, so that every pytest-xdist worker
    collects the same test names (they must agree)."""
    from rdflib import BNode

    return "BNode" if isinstance(val, BNode) else None


# Marks of the tests that start a browser, a JVM or a server: their modules are the
# suite's longest.
_HEAVY = ("browser", "java", "server")


def _heavy_modules_first(items: list[pytest.Item]) -> None:
    """Modules with a heavy test run first, each module's tests in their order: pytest-xdist
    hands modules out in this order, so a long one no longer starts last and runs alone."""
    heavy = {i.nodeid.split("::")[0] for i in items if any(map(i.get_closest_marker, _HEAVY))}
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in heavy)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Heavy modules first (``_heavy_modules_first``). Tests marked ``java`` skip where
    Java is missing; under ``CI=true`` they run (and fail loudly on the missing Java)."""
    _heavy_modules_first(items)
    if in_ci() or not any(item.get_closest_marker("java") for item in items):
        return
    missing = _java_missing()
    if missing is None:
        return
    mark = pytest.mark.skip(reason=missing)
    for item in items:
        if item.get_closest_marker("java"):
            item.add_marker(mark)
