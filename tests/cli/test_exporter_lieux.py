"""``feuille-de-route exporter-lieux``: a territory's lieux back to the national standard."""

import csv
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from feuille_de_route.cli import main
from feuille_de_route.graph import lieux_rows, read_lieux
from feuille_de_route.graph._lieux_schema import fields

BASE = "https://example.org/territoires/lieux/"
NAMES = [spec.name for spec in fields()]
LIEU = {
    "id": "lieu-1",
    "pivot": "W243000123",
    "nom": "Espace numérique",
    "commune": "Boulazac Isle Manoire",
    "code_postal": "24750",
    "code_insee": "24053",
    "adresse": "1 place de la Mairie",
    "date_maj": "2025-01-31",
    "services": "Aide aux démarches administratives",
    "itinerance": "Fixe",
}


@pytest.fixture
def lieux_graph(tmp_path: Path) -> Graph:
    source = tmp_path / "source.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(NAMES)
        writer.writerow([LIEU.get(name, "") for name in NAMES])
    return read_lieux(source, base_iri=BASE)


def _turtle(graph: Graph, path: Path) -> Path:
    graph.serialize(path, format="turtle")
    return path


def test_writes_the_lieux_of_an_rdf_file(
    tmp_path: Path, lieux_graph: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lieux.csv"
    assert (
        main(
            ["exporter-lieux", str(_turtle(lieux_graph, tmp_path / "g.ttl")), "--sortie", str(out)]
        )
        == 0
    )
    assert "1 lieu de médiation numérique" in capsys.readouterr().out
    with out.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == NAMES
    assert rows == lieux_rows(lieux_graph)
    assert rows[0][NAMES.index("pivot")] == "W243000123"
    assert rows[0][NAMES.index("code_insee")] == "24053"


def test_formula_like_text_is_neutralised_in_the_csv(tmp_path: Path, lieux_graph: Graph) -> None:
    lieu = URIRef(BASE + "lieu/lieu-1")
    lieux_graph.set((lieu, RDFS.label, Literal('=HYPERLINK("http://x")', lang="fr")))
    out = tmp_path / "lieux.csv"
    assert (
        main(
            ["exporter-lieux", str(_turtle(lieux_graph, tmp_path / "g.ttl")), "--sortie", str(out)]
        )
        == 0
    )
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][NAMES.index("nom")] == '\'=HYPERLINK("http://x")'
    # Read back, the neutralised cell is the original text again.
    assert lieux_rows(read_lieux(out, base_iri=BASE))[0][NAMES.index("nom")].startswith("=")


def test_invalid_lieu_lists_rows_and_columns_and_writes_nothing(
    tmp_path: Path, lieux_graph: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    lieu = URIRef(BASE + "lieu/lieu-1")
    lieux_graph.remove((lieu, DCTERMS.modified, None))
    lieux_graph.remove((lieu, RDFS.label, None))
    out = tmp_path / "lieux.csv"
    out.write_text("ancien contenu", encoding="utf-8")
    assert (
        main(
            ["exporter-lieux", str(_turtle(lieux_graph, tmp_path / "g.ttl")), "--sortie", str(out)]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "ligne 2, colonne « nom »" in err and "ligne 2, colonne « date_maj »" in err
    assert "obligatoire" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "ancien contenu"


def test_roadmap_without_lieu_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exporter-lieux", "--sortie", str(tmp_path / "lieux.csv")]) == 2
    assert "aucun lieu de médiation numérique" in capsys.readouterr().err
    assert not (tmp_path / "lieux.csv").exists()


def test_sortie_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["exporter-lieux"])
    assert exited.value.code == 2
    assert "--sortie" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["sous-un-fichier", "dossier"])
def test_output_that_cannot_be_written_is_a_french_error(
    tmp_path: Path, lieux_graph: Graph, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    regular = tmp_path / "fichier.txt"
    regular.write_text("à garder", encoding="utf-8")
    folder = tmp_path / "dossier.csv"
    folder.mkdir()
    target = regular / "lieux.csv" if where == "sous-un-fichier" else folder
    source = _turtle(lieux_graph, tmp_path / "g.ttl")
    assert main(["exporter-lieux", str(source), "--sortie", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and "Traceback" not in err
    assert regular.read_text(encoding="utf-8") == "à garder" and folder.is_dir()
