"""``feuille-de-route valider``: French report, exit codes."""

from pathlib import Path

import pytest

from feuille_de_route.cli import main

PREFIXES = """@base <https://w3id.org/feuille-de-route/territoires/essai/> .
@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""
# A chantier and two resources; the mobilisation of the second has no statut.
BROKEN = (
    PREFIXES
    + """
<defi/1> a fdr:Defi ; dcterms:identifier "1" ; rdfs:label "Former"@fr .
<chantier/1.b> a fdr:Chantier ; dcterms:identifier "1.b" ; rdfs:label "Jeunes"@fr ;
    fdr:defi <defi/1> .
<ressource/cnfs> a fdr:Intervenant , fdr:Ressource ; dcterms:identifier "cnfs" ;
    rdfs:label "Conseillers numériques"@fr .
<mobilisation/1.b/cnfs> a fdr:Mobilisation ; fdr:chantier <chantier/1.b> ;
    fdr:ressource <ressource/cnfs> .
"""
)
INCONSISTENT = (
    PREFIXES
    + """
<chantier/1.b> a fdr:Chantier ; dcterms:identifier "1.b" ; rdfs:label "Jeunes"@fr .
<ressource/cnfs> a fdr:Intervenant , fdr:Financement , fdr:Ressource ;
    dcterms:identifier "cnfs" ; rdfs:label "Conseillers numériques"@fr .
"""
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "graphe.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def test_embedded_roadmap_is_valid_without_reasoner(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valider", "--sans-raisonneur"]) == 0
    out = capsys.readouterr().out
    assert "Grand Périgueux" in out
    assert "Validation SHACL : 0 violation" in out
    assert "non vérifiée (option --sans-raisonneur)" in out
    assert "Résultat : valide." in out


def test_violations_exit_1_with_french_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["valider", str(write(tmp_path, BROKEN)), "--sans-raisonneur"]) == 1
    out = capsys.readouterr().out
    assert "Violations (structure du graphe non conforme au modèle) :" in out
    assert "Une mobilisation doit avoir exactement un statut" in out
    assert out.index("Violations") < out.index("Avertissements")
    assert "Résultat : NON valide." in out


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valider", str(tmp_path / "absent.ttl"), "--sans-raisonneur"]) == 2
    assert "Erreur :" in capsys.readouterr().err


@pytest.mark.java
def test_inconsistent_graph_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valider", str(write(tmp_path, INCONSISTENT))]) == 1
    out = capsys.readouterr().out
    assert "INCOHÉRENT" in out
    assert "classes disjointes" in out


@pytest.mark.java
def test_embedded_roadmap_is_valid_with_reasoner(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valider"]) == 0
    out = capsys.readouterr().out
    assert "le graphe est cohérent avec l'ontologie" in out
    assert "Résultat : valide." in out


def test_valider_writes_shacls_report_for_other_tools(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rdflib import Graph as RdfGraph
    from rdflib import Literal
    from rdflib.namespace import RDF, SH, XSD

    target = tmp_path / "rapport.ttl"
    assert main(["valider", "--sans-raisonneur", "--rapport-shacl", str(target)]) == 0
    out = capsys.readouterr().out
    assert "SHACL (sh:conforms) : false ; lecture du projet : aucune violation" in out
    report = RdfGraph().parse(target, format="turtle")
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False, datatype=XSD.boolean)
