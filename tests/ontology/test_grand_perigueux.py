"""The embedded Grand Périgueux roadmap satisfies the shapes and the ontology."""

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from feuille_de_route.ontology import FDR, ConsistencyResult, validate


@pytest.fixture(scope="module")
def grand_perigueux() -> Graph:
    from feuille_de_route.graph import load_roadmap

    return load_roadmap(None)


def test_no_shacl_violation(grand_perigueux: Graph) -> None:
    report = validate(grand_perigueux)
    assert report.violations == [], report.text()
    # the method's rules are checked: every warning names a node of the graph
    assert all((w.focus, None, None) in grand_perigueux for w in report.warnings)


@pytest.mark.java
def test_consistent_and_shortcut_inferred(
    grand_perigueux: Graph, grand_perigueux_consistency: ConsistencyResult
) -> None:
    result = grand_perigueux_consistency
    assert result.consistent, result.explanation
    assert result.unsatisfiable == []
    operating = {
        m
        for m in grand_perigueux.subjects(RDF.type, FDR.Mobilisation)
        if (m, FDR.statut, FDR.operante) in grand_perigueux
    }
    expected = {
        (grand_perigueux.value(m, FDR.chantier), grand_perigueux.value(m, FDR.ressource))
        for m in operating
    }
    assert operating and expected
    assert set(result.inferred.subjects(RDF.type, FDR.MobilisationOperante)) == operating
    assert set(result.inferred.subject_objects(FDR.mobiliseOperante)) == expected
    # the known-but-unlinked resources of the cartography get no shortcut
    known_only = {
        (grand_perigueux.value(m, FDR.chantier), grand_perigueux.value(m, FDR.ressource))
        for m in grand_perigueux.subjects(FDR.statut, FDR.connueSansLien)
    }
    assert known_only
    assert not (known_only - expected) & set(result.inferred.subject_objects(FDR.mobiliseOperante))
