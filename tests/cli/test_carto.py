"""``feuille-de-route carto``: one view to a file, every view to a folder, French errors."""

import json
import re
from pathlib import Path

import pytest

from feuille_de_route.cli import main


def _data(html: str) -> dict[str, object]:
    match = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert match
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_one_chantier_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "1b.html"
    assert main(["carto", "--chantier", "1.b", "--sortie", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Chantier 1.b — " in html
    assert _data(html)["vue"] == "chantier"
    assert "Carte écrite" in capsys.readouterr().out


def test_one_view_into_an_existing_folder(tmp_path: Path) -> None:
    assert main(["carto", "--vue", "lacunes", "--sortie", str(tmp_path)]) == 0
    assert _data((tmp_path / "lacunes.html").read_text(encoding="utf-8"))["vue"] == "lacunes"


def test_every_view_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cartes"
    assert main(["carto", "--sortie", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"index.html", "feuille-de-route.html", "lacunes.html", "chantier-1.b.html"} <= names
    assert "pages écrites" in capsys.readouterr().out


def test_csv_workbook_argument(tmp_path: Path) -> None:
    from feuille_de_route.graph import GRAND_PERIGUEUX

    out = tmp_path / "fdr.html"
    code = main(["carto", "--vue", "feuille-de-route", str(GRAND_PERIGUEUX), "--sortie", str(out)])
    assert code == 0
    assert _data(out.read_text(encoding="utf-8"))["vue"] == "feuille-de-route"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--chantier", "9.z"], "chantier inconnu « 9.z »"),
        (["--vue", "toutes"], "dans un dossier"),
        (["--vue", "lacunes", "--sortie-fichier"], None),
    ],
)
def test_errors_are_french_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str | None
) -> None:
    if message is None:
        with pytest.raises(SystemExit) as exc:
            main(["carto", *args])
        assert exc.value.code == 2
        return
    out = tmp_path / "sortie.html"
    assert main(["carto", *args, "--sortie", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_single_view_needs_an_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "carte.png"
    assert main(["carto", "--chantier", "1.b", "--sortie", str(out)]) == 2
    assert "attendu un fichier .html" in capsys.readouterr().err
    assert not out.exists()
