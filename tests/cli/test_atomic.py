from pathlib import Path

import pytest

from feuille_de_route import atomic_write, atomic_write_files, atomic_write_text


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


def test_files_written_as_a_set_replace_none_when_one_fails(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ancien a", encoding="utf-8")
    (tmp_path / "b.txt").mkdir()  # a folder where a file should go: its move must fail
    with pytest.raises(OSError):
        atomic_write_files(tmp_path, {"a.txt": b"nouveau a", "b.txt": b"nouveau b"})
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "ancien a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_files_written_as_a_set(tmp_path: Path) -> None:
    paths = atomic_write_files(tmp_path / "sous", {"a.txt": b"1", "b.txt": b"2"})
    assert [p.read_bytes() for p in paths] == [b"1", b"2"]
