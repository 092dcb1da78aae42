"""The seams of the package, as ``docs/architecture.md`` states them.

Each part's ``__all__`` is the list the contract gives (as httpx's
``test_exported_members`` does), the parts import one another in one direction only, no
module imports another in a cycle (lazy imports inside functions included), and no part
imports the command line.
"""

import ast
import importlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "feuille_de_route"
CONTRACT = ROOT / "docs" / "architecture.md"

# The layers, lowest first: a module may import its own layer and the ones before it.
LAYERS = [
    "feuille_de_route",
    "feuille_de_route.ontology",
    "feuille_de_route.graph",
    "feuille_de_route.queries",
    "feuille_de_route.viz",
    "feuille_de_route.cli",
]


def contract_exports() -> dict[str, set[str]]:
    """The « Exported names » table of the contract: module → names."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("## Exported names", 1)[1].split("\n## ", 1)[0]
    table: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`feuille_de_route"):
            table[cells[0].strip("`")] = set(re.findall(r"`([^`]+)`", cells[1]))
    return table


EXPORTS = contract_exports()


def test_the_contract_lists_every_part() -> None:
    assert set(EXPORTS) >= {*LAYERS, "feuille_de_route.graph.store"}


def test_every_part_is_seen() -> None:
    seen = {module.rsplit(".", 1)[0] for module in MODULES}
    assert seen >= {*LAYERS, "feuille_de_route.graph.store"}


@pytest.mark.parametrize("module_name", sorted(EXPORTS))
def test_exported_members_are_the_contracts(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = set(module.__all__)
    assert exported == EXPORTS[module_name], (
        f"{module_name}: missing from the contract {sorted(exported - EXPORTS[module_name])}, "
        f"missing from __all__ {sorted(EXPORTS[module_name] - exported)}"
    )
    for name in exported:
        assert hasattr(module, name), f"{module_name}.{name} is listed but not defined"


def _modules() -> Iterator[tuple[str, Path]]:
    # The part folders are reached through the package root's links, as Python sees them.
    paths = [
        Path(folder, name)
        for folder, _dirs, files in os.walk(PACKAGE, followlinks=True)
        for name in files
        if name.endswith(".py")
    ]
    for path in sorted(paths):
        relative = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in relative.parts if p != "__init__"]
        yield ".".join(["feuille_de_route", *parts]), path


def _imports(module: str, path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("feuille_de_route")}


MODULES = dict(_modules())
GRAPH = {name: _imports(name, path) & set(MODULES) for name, path in MODULES.items()}


# ``python -m feuille_de_route`` is an entry point, as the console script is.
ENTRY_POINTS = {"feuille_de_route.__main__"}


def _layer(module: str) -> int:
    if module in ENTRY_POINTS:
        return len(LAYERS)
    return max(
        i for i, layer in enumerate(LAYERS) if module == layer or module.startswith(layer + ".")
    )


def test_parts_import_only_the_layers_below() -> None:
    wrong = sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert wrong == []


def test_no_part_imports_the_command_line() -> None:
    wrong = sorted(
        module
        for module, targets in GRAPH.items()
        if _layer(module) < LAYERS.index("feuille_de_route.cli")
        and any(t.startswith("feuille_de_route.cli") for t in targets)
    )
    assert wrong == []


def test_no_import_cycle() -> None:
    # Packages import their own private modules to re-export them; a cycle is between
    # modules (not through a package's __init__ to its own children).
    edges = {
        module: {t for t in targets if not module.startswith(t + ".") and t != module}
        for module, targets in GRAPH.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


# Declarative tables read better whole (the contract's sheet and column table).
LONG_TABLES = {"feuille_de_route.graph._sheets"}
MAX_MODULE_LINES = 400
# Functions stay readable at once; argparse declarations are the longest (a table too).
MAX_FUNCTION_LINES = 70


def _code_lines(tree: ast.Module, source: str) -> int:
    """Lines that are neither blank, nor comments, nor docstrings."""
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return sum(
        1
        for number, line in enumerate(source.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and number not in docstrings
    )


def test_modules_are_small_except_declarative_tables() -> None:
    long = {}
    for module, path in MODULES.items():
        source = path.read_text(encoding="utf-8")
        lines = _code_lines(ast.parse(source), source)
        if lines > MAX_MODULE_LINES and module not in LONG_TABLES:
            long[module] = lines
    assert long == {}


def test_functions_read_at_once() -> None:
    long = {}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long[f"{module}.{node.name}"] = length
    assert long == {}
