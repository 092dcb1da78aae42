"""Issue 11, item 5: ``feuille-de-route versions`` keeps the dated versions of a roadmap
(version IRI, date, own named graph, standard metadata) beside the store the catalogue
reads, which holds only the latest one: two versions never mix in catalogue answers."""

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX
from feuille_de_route.graph.store import OxigraphStore
from feuille_de_route.graph.versions import VersionStore
from feuille_de_route.queries import run_query

from ..versions_v2 import NEW_DEFI, RENAMED, kept_versions, v2_workbook

GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
OLD_2A = "Animer une campagne de communication sur l'inclusion numérique"
V1_IRI = f"{GP}version/2024-03-01"
V2_IRI = f"{GP}version/2024-09-15"


@pytest.fixture(scope="module")
def v2_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return v2_workbook(tmp_path_factory)


@pytest.fixture(scope="module")
def stockage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kept_versions(tmp_path_factory)


def _labels(folder: Path, column: str) -> set[str]:
    store = OxigraphStore(folder)
    return {str(row[column]) for row in run_query("arbre", store) if row[column]}


def test_catalogue_sees_only_the_latest_version(stockage: Path) -> None:
    store = OxigraphStore(stockage)
    assert store.graph_names() == [GP]
    assert [r["feuilleDeRoute"] for r in run_query("feuilles-de-route", store)] == [GP]
    tree = run_query("arbre", store)
    chantiers = {(r["chantierId"], r["chantierLabel"]) for r in tree if r["chantier"]}
    assert ("2.a", RENAMED) in chantiers
    assert all(label != OLD_2A for _, label in chantiers)
    assert len({ident for ident, _ in chantiers}) == len(chantiers)  # one title per chantier
    assert NEW_DEFI in {r["defiLabel"] for r in tree}
    actions = {r["actionId"] for r in run_query("actions", store)}
    assert "1.a.9" in actions and not actions & {"1.a.3", "1.a.4"}
    statuses = {
        r["statutLabel"]
        for r in run_query("mobilisations", store, chantier="1.b")
        if r["ressourceId"] == "centres-sociaux"
    }
    assert statuses == {"opérante"}


def test_each_version_in_its_own_graph_with_standard_metadata(stockage: Path) -> None:
    versions = VersionStore(stockage / "versions")
    kept = versions.versions()
    assert [(v.iri, v.roadmap, v.day.isoformat()) for v in kept] == [
        (V1_IRI, GP, "2024-03-01"),
        (V2_IRI, GP, "2024-09-15"),
    ]
    assert [len(versions.graph(v)) for v in kept] == [v.triples for v in kept]
    first = {str(o) for o in versions.graph(kept[0]).objects(None, None)}
    assert OLD_2A in first and RENAMED not in first
    meta = versions.description(GP)
    v1, v2 = URIRef(V1_IRI), URIRef(V2_IRI)
    assert (v2, ns.DCTERMS.isVersionOf, URIRef(GP)) in meta
    assert (URIRef(GP), ns.DCTERMS.hasVersion, v1) in meta
    assert (v2, ns.DCTERMS.issued, Literal("2024-09-15", datatype=ns.XSD.date)) in meta
    assert (v2, ns.OWL.versionInfo, Literal("2024-09-15")) in meta
    assert list(meta.objects(v2, ns.PROV.wasRevisionOf)) == [v1]
    assert list(meta.objects(v1, ns.PROV.wasRevisionOf)) == []


def test_lister(stockage: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["versions", "lister", "--stockage", str(stockage)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Feuille de route <{GP}> :"
    assert lines[1].startswith(f"  2024-03-01 — {V1_IRI} — ")
    assert lines[2].startswith(f"  2024-09-15 — {V2_IRI} — ")
    assert lines[2].endswith(" triplets (courante)") and "courante" not in lines[1]
    assert main(["versions", "lister", "--stockage", str(stockage), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["version"], r["date"], r["courante"]) for r in rows] == [
        (V1_IRI, "2024-03-01", False),
        (V2_IRI, "2024-09-15", True),
    ]
    assert set(rows[0]) == {"feuilleDeRoute", "version", "date", "triplets", "courante"}


def test_an_older_version_added_later_leaves_the_latest_in_the_catalogue(
    tmp_path: Path, v2_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stockage"
    add = ["versions", "ajouter", "--stockage", str(folder), "--date"]
    assert main([*add, "2024-09-15", str(v2_folder)]) == 0
    assert main([*add, "2024-03-01", str(GRAND_PERIGUEUX)]) == 0
    assert f"Version courante dans le stockage {folder} : {V2_IRI}." in capsys.readouterr().out
    assert RENAMED in _labels(folder, "chantierLabel")
    # The same day again replaces that version, at once, and the catalogue follows it.
    assert main([*add, "2024-09-15", str(GRAND_PERIGUEUX)]) == 0
    assert "remplace la version du même jour" in capsys.readouterr().out
    labels = _labels(folder, "chantierLabel")
    assert OLD_2A in labels and RENAMED not in labels
    assert len(VersionStore(folder / "versions").versions()) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ajouter", "absent.xlsx", "--date", "2024-01-01"], "absent.xlsx"),
        (["ajouter", str(GRAND_PERIGUEUX), "--date", "2024-02-30"], "« 2024-02-30 »"),
        (["ajouter", str(GRAND_PERIGUEUX), "--date", "hier"], "AAAA-MM-JJ"),
        (["lister"], "ne garde aucune version"),
    ],
)
def test_bad_input_is_a_french_error(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["versions", *args, "--stockage", str(tmp_path / "vide")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and message in err
    assert "Traceback" not in err


def test_a_version_claiming_another_space_is_refused_and_nothing_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "version.ttl"
    hostile.write_text(
        "@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://exemple.fr/territoire/> a fdr:FeuilleDeRoute .\n"
        '<https://autre.example/territoire/chantier/1> rdfs:label "x" .\n',
        encoding="utf-8",
    )
    folder = tmp_path / "stockage"
    assert main(["versions", "ajouter", str(hostile), "--stockage", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and "hors de" in err and "Traceback" not in err
    assert not (folder / "versions").exists() or VersionStore(folder / "versions").versions() == []
    assert OxigraphStore(folder).graph_names() == []


def test_a_version_breaking_the_shapes_is_refused_and_nothing_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``versions ajouter`` checked the scope but not the SHACL shapes."""
    broken = tmp_path / "version.ttl"
    broken.write_text(
        "@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .\n"
        "<https://exemple.fr/territoire/> a fdr:FeuilleDeRoute .\n"
        "<https://exemple.fr/territoire/enjeu/1> a fdr:Enjeu ;\n"
        "    fdr:feuilleDeRoute <https://exemple.fr/territoire/> .\n",
        encoding="utf-8",
    )
    folder = tmp_path / "stockage"
    assert main(["versions", "ajouter", str(broken), "--stockage", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and "formes SHACL" in err and "Traceback" not in err
    assert "intitulé" in err  # the shapes' own French message for the enjeu without a label
    assert not (folder / "versions").exists() or VersionStore(folder / "versions").versions() == []
    assert OxigraphStore(folder).graph_names() == []
