"""The national reference data shipped in the package: readable without ``../shared``,
and equal to the originals where they are present."""

import csv
import gzip
import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from feuille_de_route import UserError
from feuille_de_route import graph as reference
from feuille_de_route.graph import _reference

ROOT = Path(__file__).resolve().parents[2]
GRAND_PERIGUEUX = "200040392"


def _load_tool(name: str = "construire_reference") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- without ../shared -------------------------------------------------------------


def test_every_current_commune_with_its_epci() -> None:
    communes = reference.communes()
    assert len(communes) > 34_000
    perigueux = reference.commune("24322")
    assert perigueux.name == "Périgueux"
    assert perigueux.departement == "24"
    assert perigueux.epci == GRAND_PERIGUEUX
    assert perigueux.population is not None and perigueux.population > 20_000
    assert list(communes) == sorted(communes)


def test_grand_perigueux_has_its_43_members_sorted() -> None:
    epci = reference.epci(GRAND_PERIGUEUX)
    assert epci.name == "CA Le Grand Périgueux"
    assert epci.kind == "CA"
    members = reference.members(GRAND_PERIGUEUX)
    assert len(members) == 43
    assert [m.insee for m in members] == sorted(m.insee for m in members)
    assert "24322" in {m.insee for m in members}
    assert all(len(m.siren) == 9 for m in members)


def test_members_and_the_communes_epci_column_agree() -> None:
    communes = reference.communes()
    for siren, epci in reference.epcis().items():
        assert epci.members, siren
        for member in epci.members:
            assert communes[member.insee].epci == siren
    in_an_epci = {m.insee for e in reference.epcis().values() for m in e.members}
    assert {c.insee for c in communes.values() if c.epci} == in_an_epci


def test_fragility_per_commune_and_per_epci_within_1_to_10() -> None:
    scores = reference.fragility("24322")
    assert scores is not None and scores.name == "Périgueux"
    assert list(scores.scores()) == list(reference.IFN_INDICATORS)
    for value in scores.scores().values():
        assert value is not None and 1 <= value <= 10
    epci = reference.epci_fragility(GRAND_PERIGUEUX)
    assert epci is not None and epci.name == "CA Le Grand Périgueux"
    assert all(v is not None and 1 <= v <= 10 for v in epci.scores().values())


def test_unpublished_scores_are_none_not_zero() -> None:
    marseille = reference.fragility("13055")  # published with empty scores
    assert marseille is not None
    assert set(marseille.scores().values()) == {None}
    assert reference.fragility("00000") is None
    assert reference.epci_fragility("999999999") is None


@pytest.mark.parametrize(
    ("siren", "message"),
    [("123", "9 chiffres attendus"), ("abcdefghi", "9 chiffres"), ("999999999", "inconnu")],
)
def test_bad_or_unknown_epci_is_a_french_user_error(siren: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        reference.epci(siren)
    with pytest.raises(UserError, match=message):
        reference.members(siren)


def test_unknown_commune_is_a_french_user_error() -> None:
    with pytest.raises(UserError, match="commune « 99999 » inconnue"):
        reference.commune("99999")


def test_unreadable_shipped_table_is_a_french_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "communes.csv.gz").write_bytes(b"not gzip at all")
    monkeypatch.setattr(_reference, "REFERENCE", tmp_path)
    with pytest.raises(UserError, match="données de référence illisibles"):
        _reference._rows("communes.csv.gz")
    with pytest.raises(UserError, match="illisibles"):
        _reference._rows("epci.csv.gz")  # missing


def test_wheel_ships_every_reference_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    package = "feuille_de_route.graph.donnees.reference"
    assert package in setuptools["packages"]
    patterns = setuptools["package-data"][package]
    files = sorted(p for p in reference.REFERENCE.iterdir() if p.is_file())
    assert {p.name for p in files} >= {"SOURCES.md", "communes.csv.gz", "ifn-epci.csv.gz"}
    for path in files:
        assert any(path.match(pattern) for pattern in patterns), path.name


def test_reference_tables_are_small() -> None:
    total = sum(p.stat().st_size for p in reference.REFERENCE.iterdir())
    assert total < 4_000_000


def test_reader_works_from_a_folder_with_no_shared_beside_it(tmp_path: Path) -> None:
    script = (
        "from feuille_de_route import graph as g; "
        "print(len(g.members('200040392')), g.fragility('24322').total is not None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["43", "True"]


def test_tool_without_originals_exits_2_in_french(tmp_path: Path) -> None:
    tool = _load_tool()
    assert tool.main(["--donnees", str(tmp_path), "--sortie", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def test_communes_sheet_of_any_epci_from_the_shipped_data(tmp_path: Path) -> None:
    tool = _load_tool("extraire_communes")
    out = tmp_path / "communes.csv"
    assert tool.main(["--epci", "200000172", "--sortie", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = reference.members("200000172")
    assert [row["code insee"] for row in rows] == [m.insee for m in expected]
    for row in rows:
        assert row["epci"] == "200000172"
        assert "membres de l'EPCI 200000172" in row["source"]
        assert row["classe"] and "groupe" not in row["hypothèse"].split(" ; ")[0]
        scores = reference.fragility(row["code insee"])
        assert scores is not None and float(row["ifn pauvreté"]) == scores.poverty_rate


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--epci", "999999999", "--sortie", "x.csv"], "EPCI « 999999999 » inconnu"),
        (["--epci", "2000", "--sortie", "x.csv"], "9 chiffres attendus"),
        (["--epci", "200000172"], "précisez --sortie"),
    ],
)
def test_communes_sheet_refuses_bad_epci_in_french(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = _load_tool("extraire_communes")
    argv = [str(tmp_path / a) if a.endswith(".csv") else a for a in argv]
    assert tool.main(argv) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


# ---- against the originals in ../shared/data ----------------------------------------


def test_shipped_tables_are_what_the_script_rebuilds(shared_data: Path) -> None:
    tool = _load_tool()
    for name, content in tool.rendered(shared_data).items():
        assert (reference.REFERENCE / name).read_bytes() == content, name


def test_communes_and_epci_equal_the_originals(shared_data: Path) -> None:
    folder = shared_data / "decoupage-administratif"
    originals = json.loads((folder / "communes.json").read_text("utf-8"))
    current = {c["code"]: c for c in originals if c["type"] == "commune-actuelle"}
    communes = reference.communes()
    assert set(communes) == set(current)
    for code, original in current.items():
        commune = communes[code]
        assert commune.name == original["nom"]
        assert commune.population == original.get("population")
        assert commune.departement == original["departement"]
        assert commune.siren == original.get("siren")
    epcis = json.loads((folder / "epci.json").read_text("utf-8"))
    assert set(reference.epcis()) == {e["code"] for e in epcis}
    for original in epcis:
        epci = reference.epci(original["code"])
        assert (epci.name, epci.kind) == (original["nom"], original["type"])
        assert epci.population == original["populationMunicipale"]
        assert epci.total_population == original["populationTotale"]
        expected = sorted((m["code"], m["siren"], m["nom"]) for m in original["membres"])
        assert [(m.insee, m.siren, m.name) for m in epci.members] == expected


@pytest.mark.parametrize(
    ("name", "read"),
    [("ifn-communes.csv", reference.fragility), ("ifn-epci.csv", reference.epci_fragility)],
)
def test_fragility_equals_the_originals(shared_data: Path, name: str, read: object) -> None:
    assert callable(read)
    with (shared_data / "ifn" / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        scores = read(row["code"])
        assert scores is not None and scores.name == row["name"]
        for indicator, value in scores.scores().items():
            text = row[indicator]
            assert value == (float(text) if text else None), (row["code"], indicator)


def test_shipped_tables_are_gzip_csv_with_a_header() -> None:
    with gzip.open(reference.REFERENCE / "ifn-communes.csv.gz", "rt", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["code", "nom", *reference.IFN_INDICATORS]
