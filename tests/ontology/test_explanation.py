"""The French explanation of an inconsistency, without running HermiT."""

from typing import Any

from rdflib import Graph

from feuille_de_route.ontology import load_ontology
from feuille_de_route.ontology._explanation import explain_inconsistency

Sample = Any


def merged(data: Graph) -> Graph:
    graph = load_ontology()
    for triple in data:
        graph.add(triple)
    return graph


def test_clean_sample_has_no_cause(sample: Sample) -> None:
    text = explain_inconsistency(merged(sample.graph()))
    assert "Aucune cause simple" in text


def test_domain_clash_is_named(sample: Sample) -> None:
    # fdr:statut has domain Mobilisation, disjoint with Chantier.
    text = explain_inconsistency(
        merged(sample.graph(add="<chantier/1.a> fdr:statut fdr:operante ."))
    )
    assert "fdr:Chantier (type affirmé)" in text
    assert "fdr:Mobilisation (sujet de fdr:statut)" in text


def test_value_outside_the_closed_list_is_named(sample: Sample) -> None:
    text = explain_inconsistency(
        merged(
            sample.graph(
                "<coordination/defi-1/solidarite> fdr:role fdr:ANY .",
                "<coordination/defi-1/solidarite> fdr:role fdr:associe .",
            )
        )
    )
    assert "la valeur fdr:associe de fdr:role n'est pas permise ici" in text
    assert "fdr:coCoordinateur, fdr:pilote" in text


def test_literal_outside_its_datatype_is_named(sample: Sample) -> None:
    text = explain_inconsistency(
        merged(
            sample.graph(
                "<commune/24322/ifn/total> fdr:valeur fdr:ANY .",
                "<commune/24322/ifn/total> fdr:valeur 6.5e0 .",
            )
        )
    )
    assert "n'est pas du type xsd:decimal (type trouvé : xsd:double)" in text


def test_two_literal_values_of_a_functional_property(sample: Sample) -> None:
    text = explain_inconsistency(
        merged(sample.graph(add="<commune/24322> fdr:codeInsee '24999' ."))
    )
    assert "deux valeurs différentes pour fdr:codeInsee" in text
