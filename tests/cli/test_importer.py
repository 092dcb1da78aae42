"""``feuille-de-route importer``: five sources of which one is broken — the four others
in, the broken one named with why, exit 2; the options' mistakes are French, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX

from ..graph.store.import_territories import (
    FOYEN_IRI,
    GRAND_PERIGUEUX_IRI,
    ISLE_IRI,
    Territories,
)

pytestmark = pytest.mark.timeout(300)


QUESTION = ("requete", "feuilles-de-route", "--format", "csv")


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "feuille_de_route", *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)


def test_one_bad_source_among_five(territories: Territories, tmp_path: Path) -> None:
    broken = tmp_path / "cassé.ttl"
    broken.write_text("@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .\n<a> fdr:")
    folder = tmp_path / "stockage"
    sources = [*map(str, territories.sources), str(broken), str(GRAND_PERIGUEUX)]
    # Each command in its own process, as a user runs them: Oxigraph allows one opening
    # of a folder per process, and a store this process opened stays open until collected.
    done = _run("importer", *sources, "--stockage", str(folder))
    code, out = done.returncode, done.stdout
    assert code == 2
    lines = out.splitlines()
    assert sum(line.startswith("✓ ") for line in lines) == 4
    assert sum(line.startswith("✗ ") for line in lines) == 1
    assert f"✗ {broken} : REFUSÉE" in out
    assert "fichier RDF illisible (turtle) : " in out and "line 2" in out
    assert "Bilan : 4 feuille(s) de route importée(s), 1 refusée(s), sur 5." in out
    assert f"  refusée : {broken} — " in out
    assert "remplace la version précédente" in out  # the Grand Périgueux, twice
    listed = _run(*QUESTION, "--stockage", str(folder)).stdout
    iris = [line.split(",", 1)[0] for line in listed.splitlines()[1:]]
    assert iris == [GRAND_PERIGUEUX_IRI, ISLE_IRI, FOYEN_IRI]


def test_all_good_exits_zero(
    territories: Territories, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["importer", str(territories.foyen_trig), "--stockage", str(tmp_path / "s")])
    out = capsys.readouterr().out
    assert code == 0
    assert "Bilan : 1 feuille(s) de route importée(s), 0 refusée(s), sur 1." in out
    assert "avertissements :" in out  # the method's rules, listed


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--stockage", "s"], "aucune source"),
        (["--stockage", "s", "--source-endpoint", "http://127.0.0.1:1"], "va avec une"),
        (["x.ttl", "--stockage", "s", "--delai-lecture", "0"], "--delai-lecture doit être"),
        (["x.ttl", "--stockage", "s", "--limite-taille", "-1"], "--limite-taille doit être"),
    ],
)
def test_option_mistakes_are_french(
    arguments: list[str],
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["importer", *arguments]) == 2
    assert words in capsys.readouterr().err


def test_a_target_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["importer", "x.ttl"])
    assert caught.value.code == 2
    assert "l'un des arguments --stockage --endpoint est obligatoire" in capsys.readouterr().err


def test_help_is_french_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["importer", "--help"])
    out = capsys.readouterr().out
    assert "Exemples :" in out and "--source-endpoint" in out
    assert "Importe les feuilles de route d'autres territoires" in out
