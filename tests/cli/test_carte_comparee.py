"""``feuille-de-route carto-comparee A B`` and ``similaires --carte``: exit codes and
French messages (an unknown territory exits 3, as ``requete`` does for a parameter that
names nothing in the store)."""

from contextlib import closing
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import write_workbook
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import OxigraphStore

from ..queries.territoires_essai import ETE, LEON, ete_rows, leon_rows, stored_territories

ETE_EPCI = "200040095"
LEON_EPCI = "200040889"
GP_EPCI = "200040392"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("classeurs")
    paths = [folder / "ete.xlsx", folder / "leon.ods"]
    for path, rows in zip(paths, (ete_rows(), leon_rows()), strict=True):
        write_workbook(Workbook.from_rows(path.name, rows), path)
    return paths


@pytest.fixture(scope="module")
def stockage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stored_territories(tmp_path_factory)


def test_files_in_memory_to_a_folder(
    workbooks: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in workbooks]
    code = main(["carto-comparee", "pays-ete", LEON, *files, "--sortie", str(tmp_path / "c")])
    assert code == 0
    page = tmp_path / "c" / "comparaison.html"
    assert "Carte comparée écrite" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert "Feuille de route du Pays de l&#39;Été et Feuille de route de Saint-Cernin" in html


def test_sirens_in_a_store_to_a_file(stockage: Path, tmp_path: Path) -> None:
    page = tmp_path / "gp-ete.html"
    args = ["cartographie-comparee", GP_EPCI, ETE_EPCI, "--stockage", str(stockage)]
    assert main([*args, "--sortie", str(page)]) == 0
    assert "Grand Périgueux et Feuille de route du Pays de l&#39;Été" in page.read_text("utf-8")


def test_an_unknown_territory_exits_3_and_writes_nothing(
    stockage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "rien.html"
    args = ["carto-comparee", ETE, "200040393", "--stockage", str(stockage)]
    assert main([*args, "--sortie", str(page)]) == 3
    err = capsys.readouterr().err
    assert "territoire B : aucune feuille de route ne correspond à « 200040393 »" in err
    assert "grand-perigueux" in err and "Traceback" not in err
    assert not page.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["pays-ete", "saint-cernin"], "donnez leurs FICHIERS, ou --stockage"),
        (["pays-ete", "pays-ete", "FICHIERS"], "la même feuille de route"),
        (["a", "b", "FICHIERS", "--endpoint", "http://127.0.0.1:9/query"], "soit --endpoint"),
        (["a", "b", "FICHIERS", "--delai", "0"], "--delai"),
        (["a", "b", "/nonexistent/classeur.xlsx"], "classeur.xlsx"),
    ],
)
def test_bad_input_is_a_french_error_exit_2(
    args: list[str],
    expected: str,
    workbooks: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    given = [
        a for arg in args for a in ([str(p) for p in workbooks] if arg == "FICHIERS" else [arg])
    ]
    assert main(["carto-comparee", *given, "--sortie", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def test_similar_map_draws_my_territory_and_the_closest_published(
    stockage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "paire"
    args = ["similaires", "--epci", ETE_EPCI, "--stockage", str(stockage), "--carte", str(out)]
    assert main([*args, "--nombre", "1"]) == 0
    captured = capsys.readouterr()
    # Of the two other EPCI with a roadmap, Saint-Cernin's shares programmes, a partner
    # and a theme with the Pays de l'Été; the ranking (profile + themes + programmes)
    # puts it first: its map is drawn.
    assert f"(SIREN {LEON_EPCI}) écrite" in captured.err
    html = (out / "comparaison.html").read_text(encoding="utf-8")
    assert "Feuille de route du Pays de l&#39;Été et Feuille de route de Saint-Cernin" in html


def test_similar_map_from_a_workbook_leaves_the_store_as_it_was(
    stockage: Path, workbooks: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "paire.html"
    before = _graph_names(stockage)
    args = ["similaires", str(workbooks[1]), "--stockage", str(stockage), "--carte", str(out)]
    assert main(args) == 0
    assert "Feuille de route de Saint-Cernin et " in out.read_text(encoding="utf-8")
    assert _graph_names(stockage) == before


def _graph_names(folder: Path) -> list[str]:
    with closing(OxigraphStore(folder)) as store:
        return store.graph_names()


def test_similar_map_needs_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["similaires", "--epci", GP_EPCI, "--carte", str(tmp_path / "p")]) == 2
    assert "--carte demande --stockage" in capsys.readouterr().err


def test_similar_map_without_my_roadmap_exits_3(
    stockage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["similaires", "--epci", "200071512", "--stockage", str(stockage)]
    assert main([*args, "--carte", str(tmp_path / "p")]) == 3
    assert "n'a pas de feuille de route de l'EPCI 200071512" in capsys.readouterr().err
