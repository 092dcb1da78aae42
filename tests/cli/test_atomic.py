from pathlib import Path

import pytest

from feuille_de_route import atomic_write, atomic_write_text


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sous" / "f.txt"
    atomic_write_text(target, "un")
    atomic_write_text(target, "deux")
    assert target.read_text(encoding="utf-8") == "deux"
    assert [p.name for p in target.parent.iterdir()] == ["f.txt"]


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_text("ancien", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_text("à moitié", encoding="utf-8")
        raise RuntimeError("panne au milieu")
    assert target.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
