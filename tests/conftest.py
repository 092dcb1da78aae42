"""Fixtures shared by every part's tests."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only reference data beside the repository (``../shared/data``)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"données de référence absentes : {path}")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The source document the Grand Périgueux roadmap is modelled on."""
    return next((SHARED / "seed").glob("*.txt")).read_text(encoding="utf-8")
