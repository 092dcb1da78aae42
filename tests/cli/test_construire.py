"""``feuille-de-route construire``: RDF files out, counts printed, errors without a
traceback, and nothing half-written."""

import shutil
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap, read_workbook

OUTPUTS = (
    "feuille-de-route.ttl",
    "feuille-de-route.jsonld",
    "contexte.jsonld",
    "feuille-de-route.nt",
    "feuille-de-route.trig",
    "feuille-de-route.nq",
)


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    """A copy of the embedded Grand Périgueux workbook the test may break."""
    return Path(shutil.copytree(GRAND_PERIGUEUX, tmp_path / "classeur"))


def test_default_builds_the_grand_perigueux(
    roadmap: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rdf"
    assert main(["construire", "--sortie", str(out)]) == 0
    printed = capsys.readouterr().out
    for line in ("Enjeux : 4", "Défis : 6", "Chantiers : 10"):
        assert line in printed
    for name in OUTPUTS:
        assert (out / name).is_file()
    assert isomorphic(load_roadmap(out / "feuille-de-route.ttl"), load_roadmap(None))


def test_reverse_export_to_a_workbook(roadmap: Path, tmp_path: Path) -> None:
    out = tmp_path / "rdf"
    assert main(["construire", str(roadmap), "--sortie", str(out)]) == 0
    workbook = tmp_path / "retour.xlsx"
    assert main(["construire", str(out / "feuille-de-route.ttl"), "--classeur", str(workbook)]) == 0
    assert isomorphic(load_roadmap(workbook), load_roadmap(roadmap))
    assert len(read_workbook(workbook)["Chantiers"]) == 10


def test_data_error_exits_2_without_traceback_and_keeps_previous_output(
    roadmap: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rdf"
    assert main(["construire", str(roadmap), "--sortie", str(out)]) == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    mobilisations = roadmap / "mobilisations.csv"
    lines = mobilisations.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace("1.b,", "9.z,", 1)
    mobilisations.write_text("\n".join(lines) + "\n", "utf-8")
    capsys.readouterr()
    assert main(["construire", str(roadmap), "--sortie", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ")
    assert "Traceback" not in err
    assert "mobilisations.csv" in err and "feuille « Mobilisations »" in err
    assert "ligne 2" in err and "colonne « chantier »" in err and "« 9.z »" in err
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_an_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["construire"]) == 2
    assert "--sortie" in capsys.readouterr().err


def test_unknown_file_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("x", "utf-8")
    assert main(["construire", str(path), "--sortie", str(tmp_path / "rdf")]) == 2
    err = capsys.readouterr().err
    assert "notes.txt" in err and "Traceback" not in err
    assert not (tmp_path / "rdf").exists()


def test_help_documents_the_reverse_export(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["construire", "--help"])
    text = capsys.readouterr().out
    assert "--classeur" in text and "graphe → classeur" in text


def test_bad_workbook_target_writes_nothing(
    roadmap: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rdf"
    code = main(["construire", "--sortie", str(out), "--classeur", str(tmp_path / "x.docx")])
    assert code == 2
    assert "x.docx" in capsys.readouterr().err
    assert not out.exists()
