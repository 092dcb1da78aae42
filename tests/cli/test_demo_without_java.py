"""``demo`` and ``valider`` where Java is missing: the demo does every other step and says
the OWL check was skipped and how to enable it; ``valider`` explains."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from feuille_de_route.cli import main

# A mobilisation without statut: one SHACL violation.
from .test_valider import BROKEN

HINT = "apt-get install default-jre-headless"


def _env_without_java(tmp_path: Path) -> dict[str, str]:
    """The environment with a PATH holding no Java and no JAVA_HOME."""
    empty = tmp_path / "bin-sans-java"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["PATH"] = str(empty)
    return env


def _hide_java(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "java-absent-pour-le-test")
    monkeypatch.setenv("PATH", str(tmp_path / "bin-sans-java"))
    monkeypatch.delenv("JAVA_HOME", raising=False)


def test_demo_without_java_does_every_other_step_and_says_how_to_enable_hermit(
    tmp_path: Path,
) -> None:
    out = tmp_path / "gp"
    done = subprocess.run(
        [sys.executable, "-m", "feuille_de_route", "demo", "--sortie", str(out)],
        env=_env_without_java(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Cohérence OWL (HermiT) : NON VÉRIFIÉE, Java est introuvable" in done.stdout
    assert HINT in done.stdout and "JAVA_HOME" in done.stdout
    assert "sans la cohérence OWL" in done.stdout.splitlines()[-1]
    assert "0 violation" in done.stdout
    assert "cohérent avec l'ontologie" not in done.stdout
    assert (out / "rdf" / "feuille-de-route.ttl").stat().st_size > 0
    assert (out / "cartographie" / "index.html").is_file()


def test_demo_without_java_keeps_exit_1_for_shacl_violations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "casse.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    _hide_java(monkeypatch, tmp_path)
    assert main(["demo", str(broken), "--sortie", str(tmp_path / "out")]) == 1
    printed = capsys.readouterr().out
    assert "NON VÉRIFIÉE" in printed and HINT in printed
    assert "Une mobilisation doit avoir exactement un statut" in printed


def test_valider_without_java_explains_how_to_enable_it_or_skip_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _hide_java(monkeypatch, tmp_path)
    assert main(["valider"]) == 2
    captured = capsys.readouterr()
    assert "Java est introuvable" in captured.err
    assert HINT in captured.err and "--sans-raisonneur" in captured.err
    assert "Traceback" not in captured.err
    assert main(["valider", "--sans-raisonneur"]) == 0
