from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.cli import main


@pytest.mark.java
def test_demo_builds_validates_and_draws_the_grand_perigueux(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gp"
    assert main(["demo", "--sortie", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "0 violation" in printed
    assert "cohérent" in printed

    turtle = Graph().parse(out / "rdf" / "feuille-de-route.ttl")
    assert len(turtle) > 2000
    pages = {p.name for p in (out / "cartographie").glob("*.html")}
    assert {"index.html", "feuille-de-route.html", "lacunes.html", "chantier-1.b.html"} <= pages
    index = (out / "cartographie" / "index.html").read_text(encoding="utf-8")
    for page in pages - {"index.html"}:
        assert page in index, f"l'index ne renvoie pas vers {page}"
    assert str((out / "cartographie" / "index.html").resolve()) in printed


def test_demo_reports_bad_input_in_french_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "classeur.txt"
    bad.write_text("pas un classeur", encoding="utf-8")
    assert main(["demo", str(bad), "--sortie", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ")
    assert "classeur.txt" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
