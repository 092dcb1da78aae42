"""Start-up time (issue 11 « Performance »): commands import only what they use.

``feuille_de_route.graph`` and ``feuille_de_route.viz`` import their names on first use;
``similaires --epci`` reads the EPCI tables only and needs no RDF nor array library.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("part", ["feuille_de_route.graph", "feuille_de_route.viz"])
def test_every_lazily_imported_name_resolves(part: str) -> None:
    import importlib

    module = importlib.import_module(part)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError):
        module.pas_un_nom  # noqa: B018


def test_similaires_by_epci_imports_neither_rdflib_nor_numpy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom feuille_de_route.cli import main\n"
        "assert main(['similaires', '--epci', '200040392', '--nombre', '2']) == 0\n"
        "print(sorted(m for m in ('rdflib', 'numpy', 'pyoxigraph') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_corrupt_reference_table_is_a_french_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table whose rows do not have the header's width (a damaged or hostile install)
    is refused with a French message naming the file, never a traceback."""
    import gzip

    from feuille_de_route import UserError
    from feuille_de_route.graph import _reference

    table = tmp_path / "ifn-epci.csv.gz"
    table.write_bytes(gzip.compress(b"code,nom,a\r\n200040392,Grand,1,2,3\r\n"))
    monkeypatch.setattr(_reference, "REFERENCE", tmp_path)
    with pytest.raises(UserError, match=r"ifn-epci\.csv\.gz : données de référence illisibles"):
        _reference._rows("ifn-epci.csv.gz")
