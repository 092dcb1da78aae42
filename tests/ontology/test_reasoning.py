"""HermiT through owlready2: consistency, the inferred shortcut, French explanations.

Each check_consistency call starts a JVM (about a second), so the cases are few.
"""

from typing import Any

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from feuille_de_route import UserError
from feuille_de_route.ontology import FDR, check_consistency, java_executable

Sample = Any  # the conftest's Sample class


@pytest.mark.java
def test_ontology_alone_is_consistent_and_satisfiable() -> None:
    result = check_consistency(Graph())
    assert result.consistent
    assert result.unsatisfiable == []
    assert len(result.inferred) == 0
    assert "cohérent" in result.explanation


@pytest.mark.java
def test_shortcut_is_inferred_for_operating_links_only(sample: Sample) -> None:
    result = check_consistency(sample.graph())
    assert result.consistent, result.explanation
    shortcuts = set(result.inferred.subject_objects(FDR.mobiliseOperante))
    # 1.a–cnfs and 1.b–caf are operating; 1.a–caf is only known: no shortcut for it
    assert shortcuts == {
        (sample.iri("chantier/1.a"), sample.iri("ressource/cnfs")),
        (sample.iri("chantier/1.b"), sample.iri("ressource/caf")),
    }
    operating = set(result.inferred.subjects(RDF.type, FDR.MobilisationOperante))
    assert operating == {sample.iri("mobilisation/1.a/cnfs"), sample.iri("mobilisation/1.b/caf")}
    assert len(result.inferred) == 4
    assert "2 mobilisation(s) opérante(s)" in result.text()


@pytest.mark.java
def test_node_of_two_resource_kinds_is_inconsistent(sample: Sample) -> None:
    result = check_consistency(sample.graph(add="<ressource/cnfs> a fdr:Financement ."))
    assert not result.consistent
    assert len(result.inferred) == 0
    assert "INCOHÉRENT" in result.explanation
    assert str(sample.iri("ressource/cnfs")) in result.explanation
    assert "fdr:Financement" in result.explanation and "fdr:Intervenant" in result.explanation
    assert "classes disjointes" in result.explanation


@pytest.mark.java
def test_two_statuses_on_a_functional_property_are_inconsistent(sample: Sample) -> None:
    result = check_consistency(sample.graph(add="<mobilisation/1.a/caf> fdr:statut fdr:operante ."))
    assert not result.consistent
    assert "deux valeurs différentes pour fdr:statut" in result.explanation
    assert "fdr:connueSansLien et fdr:operante" in result.explanation


def test_missing_java_is_a_french_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "java-absent-pour-le-test")
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(UserError, match="Java est introuvable") as exc:
        java_executable()
    assert "--sans-raisonneur" in str(exc.value)
    with pytest.raises(UserError):
        check_consistency(Graph())
