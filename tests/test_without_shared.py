"""A clone with no ``../shared`` beside it: the tests that need it skip with the reason,
and under ``CI=true`` they fail loudly instead."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEST = "tests/graph/test_grand_perigueux.py::test_four_enjeux_as_worded_in_the_seed"
DATA_TEST = "tests/graph/test_reference.py::test_shipped_tables_are_what_the_script_rebuilds"


def _pytest(tmp_path: Path, ci: str | None, *tests: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "FDR_SHARED"}}
    env["FDR_SHARED"] = str(tmp_path / "pas-de-shared")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_seed_skips_with_a_reason_instead_of_a_stopiteration(tmp_path: Path) -> None:
    done = _pytest(tmp_path, None, SEED_TEST, DATA_TEST)
    assert done.returncode == 0, done.stdout
    assert "2 skipped" in done.stdout
    assert "texte source (seed)" in done.stdout
    assert "données de référence d'origine" in done.stdout
    assert "StopIteration" not in done.stdout


def test_missing_shared_fails_loudly_under_ci(tmp_path: Path) -> None:
    done = _pytest(tmp_path, "true", SEED_TEST, DATA_TEST)
    assert done.returncode == 1, done.stdout
    assert "CI=true : texte source (seed)" in done.stdout
    assert "CI=true : données de référence d'origine" in done.stdout
    assert "skipped" not in done.stdout
