"""Names of a package imported from their module on first use (PEP 562).

``graph`` and ``viz`` export many names whose modules pull in heavy libraries (rdflib's
SPARQL engine, matplotlib, pyvis); a command imports only what it touches, which keeps
the start of ``similaires`` or ``diagnostic`` short.
"""

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, sources: Mapping[str, str], exported: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``.

    ``sources`` maps each exported name to the private module (relative to ``package``)
    that defines it; a name is imported on first access, then kept in the package.
    """
    names = tuple(exported)

    def __getattr__(name: str) -> Any:
        module = sources.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *names})

    return __getattr__, __dir__
