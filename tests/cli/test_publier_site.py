"""``feuille-de-route publier-site``: the site of the Grand Périgueux written to a folder
(and written again over it), French errors with exit 2."""

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib import namespace as ns

from feuille_de_route.cli import main

URL = "https://exemple.fr/gp/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site of the Grand Périgueux published once (``--url-publication``) and what the
    command printed; tests publish again over a copy of it (a build takes seconds)."""
    out = tmp_path_factory.mktemp("publie") / "site"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["publier-site", "--sortie", str(out), "--url-publication", URL])
    assert code == 0
    return out, printed.getvalue()


def _copy_of(published: tuple[Path, str], target: Path) -> Path:
    shutil.copytree(published[0], target, symlinks=True)
    return target


def test_publishes_the_grand_perigueux_then_publishes_again(
    published: tuple[Path, str], tmp_path: Path
) -> None:
    printed = published[1]
    assert "Site écrit dans" in printed and "pages HTML" in printed
    out = _copy_of(published, tmp_path / "site")
    for name in ("index.html", "catalogue.ttl", ".htaccess", "w3id/.htaccess"):
        assert (out / name).is_file(), name
    for name in ("chantier/1.b.html", "chantier/1.b.ttl", "ontologie/en.html"):
        assert (out / name).is_file(), name
    description = Graph().parse(out / "catalogue.ttl")
    urls = {str(u) for u in description.objects(None, ns.DCAT.downloadURL)}
    assert URL + "feuille-de-route.ttl" in urls
    (out / "chantier" / "1.b.html").write_text("ancienne page", encoding="utf-8")
    (out / "chantier" / "retire").mkdir()
    for stale in ("chantier/9.z.html", "chantier/9.z.ttl", "chantier/retire/x.jsonld"):
        (out / stale).write_text("élément retiré", encoding="utf-8")
    (out / "chantier" / "notes.txt").write_text("à moi", encoding="utf-8")
    assert main(["publier-site", "--sortie", str(out)]) == 0
    assert "ancienne page" not in (out / "chantier" / "1.b.html").read_text(encoding="utf-8")
    assert not (out / "chantier" / "9.z.html").exists()
    assert not (out / "chantier" / "9.z.ttl").exists()
    assert not (out / "chantier" / "retire").exists()
    assert (out / "chantier" / "notes.txt").read_text(encoding="utf-8") == "à moi"
    rules = (out / "w3id" / ".htaccess").read_text(encoding="utf-8")
    # Without --url-publication, the site is served at the base IRI itself.
    assert "https://w3id.org/feuille-de-route/territoires/grand-perigueux/$1" in rules


def test_files_of_a_folder_that_was_no_site_stay(tmp_path: Path) -> None:
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.viz import write_site

    out = tmp_path / "dossier"
    (out / "chantier").mkdir(parents=True)
    (out / "page.html").write_text("à moi", encoding="utf-8")
    (out / "chantier" / "notes.ttl").write_text("à moi aussi", encoding="utf-8")
    write_site(load_roadmap(None), out)
    assert (out / "page.html").read_text(encoding="utf-8") == "à moi"
    assert (out / "chantier" / "notes.ttl").read_text(encoding="utf-8") == "à moi aussi"
    assert (out / "chantier" / "1.b.html").is_file()


def test_a_bad_publication_url_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    code = main(["publier-site", "--sortie", str(out), "--url-publication", "ftp://x/"])
    assert code == 2
    assert "adresse de publication invalide" in capsys.readouterr().err
    assert not out.exists()


def test_an_output_that_is_a_file_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    out.write_text("déjà là", encoding="utf-8")
    assert main(["publier-site", "--sortie", str(out)]) == 2
    assert "n'est pas un dossier" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "déjà là"


def test_the_output_folder_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["publier-site"])
    assert exit_info.value.code == 2
    assert "--sortie" in capsys.readouterr().err


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["publier-site", "--help"])
    text = capsys.readouterr().out
    assert "négociation de contenu" in text and "--url-publication" in text


def test_republishing_a_site_swaps_the_whole_folder_as_one_unit(
    published: tuple[Path, str], tmp_path: Path
) -> None:
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.viz import write_site

    out = _copy_of(published, tmp_path / "site")
    graph = load_roadmap(None)
    first = out.stat().st_ino
    (out / "chantier" / "retire").mkdir()
    (out / "chantier" / "retire" / "x.ttl").write_text("retiré", encoding="utf-8")
    write_site(graph, out)
    # A new folder took the old one's place in one exchange: no reader saw a mix.
    assert out.stat().st_ino != first
    assert not (out / "chantier" / "retire").exists()
    assert (out / "chantier" / "1.b.html").is_file()
    (out / "chantier" / "notes.txt").write_text("à moi", encoding="utf-8")
    second = out.stat().st_ino
    write_site(graph, out)
    # The user's own file keeps the folder in place (written file by file).
    assert out.stat().st_ino == second
    assert (out / "chantier" / "notes.txt").read_text(encoding="utf-8") == "à moi"
