"""Issue 11, item 5: ``feuille-de-route comparer V1 V2`` says what changed, from workbooks,
RDF files or versions kept in a store; exit 0 with or without changes, 2 for bad input."""

import json
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap

from ..queries.test_comparer_changes import EXPECTED_TEXT, GP
from ..versions_v2 import kept_versions, v2_workbook


@pytest.fixture(scope="module")
def v2_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return v2_workbook(tmp_path_factory)


@pytest.fixture(scope="module")
def stockage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kept_versions(tmp_path_factory)


def _body(text: str) -> str:
    """The text after the two lines naming V1 and V2."""
    return text.split("\n", 2)[2]


def test_two_workbooks(v2_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["comparer", str(GRAND_PERIGUEUX), str(v2_folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"V1 : {GRAND_PERIGUEUX} — « ")
    assert out.splitlines()[1].startswith(f"V2 : {v2_folder} — « ")
    assert _body(out) == _body(EXPECTED_TEXT)


def test_json_of_a_kept_version_and_an_rdf_file(
    stockage: Path, v2_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    turtle = tmp_path / "etape6.ttl"
    load_roadmap(v2_folder).serialize(turtle, format="turtle")
    args = ["comparer", "2024-03-01", str(turtle), "--stockage", str(stockage)]
    assert main([*args, "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["v1"]["source"] == "version 2024-03-01"
    assert got["v2"] == {
        "source": str(turtle),
        "feuilleDeRoute": GP,
        "titre": "Feuille de route territoriale d'inclusion numérique du Grand Périgueux",
    }
    assert got["nombre"] == 5
    assert [(c["element"], c["changement"], c["identifiant"]) for c in got["changements"]] == [
        ("defi", "ajoute", "7"),
        ("chantier", "renomme", "2.a"),
        ("action", "supprime", "1.a.4"),
        ("action", "identifiant", "1.a.9"),
        ("lien", "statut", "1.b"),
    ]


def test_same_version_by_date_and_by_iri_no_change_exit_0(
    stockage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["comparer", "2024-09-15", f"{GP}version/2024-09-15", "--stockage", str(stockage)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("V1 : version 2024-09-15 — ")
    assert out.endswith(
        "\n\nAucun changement : mêmes enjeux, défis, chantiers, actions, ressources et "
        "statuts des liens.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.xlsx", "{gp}"], "V1 : « absent.xlsx » n'est ni un classeur"),
        (["{gp}", "2024-09-15"], "une version gardée se désigne avec --stockage"),
        (["2024-01-01", "{gp}", "--stockage", "{st}"], "aucune version « 2024-01-01 »"),
        (["2024-03-01", "{vide}", "--stockage", "{st}"], "V2 ({vide}) : une version doit"),
        (["{gp}", "{gp}", "--carte", "{gp}/enjeux.csv"], "n'est pas un dossier"),
    ],
)
def test_bad_input_is_a_french_error_exit_2(
    stockage: Path,
    tmp_path: Path,
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "vide.ttl"
    empty.write_text("<http://example.org/a> <http://example.org/b> 1 .\n", encoding="utf-8")
    names = {"gp": str(GRAND_PERIGUEUX), "st": str(stockage), "vide": str(empty)}
    assert main(["comparer", *(a.format(**names) for a in args)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and message.format(**names) in err
    assert "Traceback" not in err
