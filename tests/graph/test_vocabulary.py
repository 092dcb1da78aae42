"""The workbook's controlled values are the ontology's SKOS labels."""

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from feuille_de_route.graph._sheets import Kind
from feuille_de_route.graph._vocabulary import IFN_COLUMNS, choices
from feuille_de_route.ontology import load_ontology

FDR = "https://w3id.org/feuille-de-route/ontologie#"


def test_labels_match_the_contract() -> None:
    labels = {kind: options.labels for kind, options in choices().items()}
    assert labels == {
        Kind.STATUS: ["opérante", "connue, sans lien"],
        Kind.COORDINATION_ROLE: ["pilote", "co-coordinateur"],
        Kind.GOVERNANCE_ROLE: ["pilote", "co-pilote", "réalise", "associé"],
        Kind.RESOURCE_TYPE: [
            "partenaire de projet",
            "ressource matérielle",
            "intervenant",
            "financement",
        ],
        Kind.THEMES: [
            "publics",
            "accès : équipement",
            "accès : connexion",
            "compétences numériques",
            "médiation numérique",
            "accompagnement des démarches",
            "faire connaître l'offre",
            "gouvernance et coopération",
            "numérique responsable",
            "transition numérique de l'économie",
            "prévention des risques",
        ],
    }


def test_concepts_exist_in_the_ontology_with_those_labels() -> None:
    ontology = load_ontology()
    statuses = choices()[Kind.STATUS]
    for label, concept in statuses.by_label.items():
        assert (concept, SKOS.prefLabel, Literal(label, lang="fr")) in ontology
    resource_types = choices()[Kind.RESOURCE_TYPE]
    for label, cls in resource_types.by_label.items():
        type_concept = ontology.value(predicate=URIRef(FDR + "classe"), object=cls)
        assert type_concept is not None
        assert (type_concept, SKOS.prefLabel, Literal(label, lang="fr")) in ontology


def test_ifn_notations_match_the_ontology() -> None:
    ontology = load_ontology()
    for indicator, notation in IFN_COLUMNS.values():
        assert str(ontology.value(indicator, SKOS.notation)) == notation


def test_lookup_forgives_case_accents_and_spaces() -> None:
    roles = choices()[Kind.GOVERNANCE_ROLE]
    assert roles.lookup(" REALISE ") == URIRef(FDR + "realisateur")
    assert roles.lookup("co-coordinateur") is None
    assert choices()[Kind.STATUS].lookup("Connue sans lien") == URIRef(FDR + "connueSansLien")
    assert choices()[Kind.COORDINATION_ROLE].lookup("co coordinateur") == URIRef(
        FDR + "coCoordinateur"
    )
