"""SHACL shapes: each structural rule is a violation, each method rule a warning, with
its French message; the conforming sample passes clean."""

from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from feuille_de_route.ontology import FDR, ValidationReport, load_shapes, validate

Sample = Any  # the conftest's Sample class


def test_sample_conforms_without_warning(sample: Sample) -> None:
    report = validate(sample.graph())
    assert report.conforms
    assert report.violations == []
    assert report.warnings == []
    assert "0 violation, 0 avertissement" in report.text()


# (case, removed triples, added triples, focus node, property, words of the message)
VIOLATIONS = [
    (
        "mobilisation sans chantier",
        "<mobilisation/1.a/caf> fdr:chantier fdr:ANY .",
        "",
        "mobilisation/1.a/caf",
        FDR.chantier,
        "Une mobilisation doit relier exactement un chantier",
    ),
    (
        "mobilisation à deux ressources",
        "",
        "<mobilisation/1.a/caf> fdr:ressource <ressource/cnfs> .",
        "mobilisation/1.a/caf",
        FDR.ressource,
        "Une mobilisation doit relier exactement une ressource",
    ),
    (
        "ressource non typée Ressource",
        "<ressource/caf> a fdr:Ressource .",
        "",
        "ressource/caf",
        None,
        "doit aussi être typée fdr:Ressource",
    ),
    (
        "statut hors du schéma",
        "<mobilisation/1.a/caf> fdr:statut fdr:ANY .",
        "<mobilisation/1.a/caf> fdr:statut fdr:pilote .",
        "mobilisation/1.a/caf",
        FDR.statut,
        "Le statut d'une mobilisation doit être un concept des statuts de lien",
    ),
    (
        "mobilisation sans statut",
        "<mobilisation/1.a/caf> fdr:statut fdr:ANY .",
        "",
        "mobilisation/1.a/caf",
        FDR.statut,
        "Une mobilisation doit avoir exactement un statut",
    ),
    (
        "date depuis mal typée",
        "<mobilisation/1.a/cnfs> fdr:depuis fdr:ANY .",
        '<mobilisation/1.a/cnfs> fdr:depuis "septembre 2023" .',
        "mobilisation/1.a/cnfs",
        FDR.depuis,
        "doit être une seule date xsd:date",
    ),
    (
        "chantier sans défi",
        "<chantier/1.c> fdr:defi fdr:ANY .",
        "",
        "chantier/1.c",
        FDR.defi,
        "Un chantier doit relever d'exactement un défi",
    ),
    (
        "chantier à deux défis",
        "",
        "<defi/2> a fdr:Defi ; dcterms:identifier '2' ; rdfs:label 'D2'@fr ; "
        "fdr:repondA <enjeu/1> . <chantier/1.c> fdr:defi <defi/2> .",
        "chantier/1.c",
        FDR.defi,
        "Un chantier doit relever d'exactement un défi",
    ),
    (
        "action sans chantier",
        "<action/1.a-1> fdr:chantier fdr:ANY .",
        "",
        "action/1.a-1",
        FDR.chantier,
        "Une action concrète doit relever d'exactement un chantier",
    ),
    (
        "défi sans enjeu",
        "<defi/1> fdr:repondA fdr:ANY .",
        "",
        "defi/1",
        FDR.repondA,
        "Un défi doit répondre à au moins un enjeu",
    ),
    (
        "coordination d'un enjeu",
        "<coordination/defi-1/solidarite> fdr:objetCoordonne fdr:ANY .",
        "<coordination/defi-1/solidarite> fdr:objetCoordonne <enjeu/1> .",
        "coordination/defi-1/solidarite",
        FDR.objetCoordonne,
        "doit être un défi ou un chantier",
    ),
    (
        "coordination sans service",
        "<coordination/defi-1/solidarite> fdr:service fdr:ANY .",
        "",
        "coordination/defi-1/solidarite",
        FDR.service,
        "Une coordination doit désigner exactement un service",
    ),
    (
        "coordination au rôle de gouvernance",
        "<coordination/defi-1/solidarite> fdr:role fdr:ANY .",
        "<coordination/defi-1/solidarite> fdr:role fdr:realisateur .",
        "coordination/defi-1/solidarite",
        FDR.role,
        "Le rôle d'une coordination doit être un concept des rôles de coordination",
    ),
    (
        "participation sans acteur",
        "<participation/1.b/francas/associe> fdr:acteur fdr:ANY .",
        "",
        "participation/1.b/francas/associe",
        FDR.acteur,
        "Une participation doit désigner exactement un acteur",
    ),
    (
        "participation d'une action",
        "<participation/1.b/francas/associe> fdr:acteur fdr:ANY .",
        "<participation/1.b/francas/associe> fdr:acteur <action/1.a-1> .",
        "participation/1.b/francas/associe",
        FDR.acteur,
        "doit être un acteur, un service ou une ressource",
    ),
    (
        "participation au rôle de coordination",
        "<participation/1.b/francas/associe> fdr:role fdr:ANY .",
        "<participation/1.b/francas/associe> fdr:role fdr:coCoordinateur .",
        "participation/1.b/francas/associe",
        FDR.role,
        "Le rôle d'une participation doit être un concept des rôles de gouvernance",
    ),
    (
        "chantier sans identifiant",
        "<chantier/1.b> dcterms:identifier fdr:ANY .",
        "",
        "chantier/1.b",
        URIRef("http://purl.org/dc/terms/identifier"),
        "Il faut exactement un identifiant",
    ),
    (
        "ressource sans intitulé",
        "<ressource/cnfs> rdfs:label fdr:ANY .",
        "",
        "ressource/cnfs",
        RDFS.label,
        "Il faut un intitulé (rdfs:label)",
    ),
    (
        "enjeu sans feuille de route",
        "<enjeu/3> fdr:feuilleDeRoute fdr:ANY .",
        "",
        "enjeu/3",
        FDR.feuilleDeRoute,
        "Un enjeu doit être rattaché à sa feuille de route",
    ),
    (
        "code INSEE à 4 chiffres",
        "<commune/24322> fdr:codeInsee fdr:ANY .",
        "<commune/24322> fdr:codeInsee '2432' .",
        "commune/24322",
        FDR.codeInsee,
        "Le code INSEE d'une commune",
    ),
    (
        "IFN au-delà de 10",
        "<commune/24322/ifn/total> fdr:valeur fdr:ANY .",
        "<commune/24322/ifn/total> fdr:valeur 11.0 .",
        "commune/24322/ifn/total",
        FDR.valeur,
        "compris entre 1 et 10",
    ),
    (
        "IFN en double au lieu de décimal",
        "<commune/24322/ifn/total> fdr:valeur fdr:ANY .",
        "<commune/24322/ifn/total> fdr:valeur 6.5e0 .",
        "commune/24322/ifn/total",
        FDR.valeur,
        "doit être un décimal (xsd:decimal)",
    ),
    (
        "indicateur inconnu",
        "<commune/24322/ifn/total> fdr:indicateur fdr:ANY .",
        "<commune/24322/ifn/total> fdr:indicateur fdr:operante .",
        "commune/24322/ifn/total",
        FDR.indicateur,
        "un des indicateurs de l'indice de fragilité numérique",
    ),
    (
        "ressource de deux types",
        "",
        "<ressource/cnfs> a fdr:Financement .",
        "ressource/cnfs",
        None,
        "Une ressource doit avoir exactement un type",
    ),
    (
        "service non typé Acteur",
        "<service/enfance> a fdr:Acteur .",
        "",
        "service/enfance",
        None,
        "Un service doit aussi être typé fdr:Acteur",
    ),
    (
        "hypothèse vide",
        "",
        "<chantier/1.a> fdr:hypothese '' .",
        "chantier/1.a",
        FDR.hypothese,
        "Une hypothèse (fdr:hypothese) doit être un texte non vide",
    ),
    (
        "étape numéro 9",
        "<etape/4> fdr:numero fdr:ANY .",
        "<etape/4> fdr:numero 9 .",
        "etape/4",
        FDR.numero,
        "doit être un entier de 1 à 8",
    ),
    (
        "mobilisation en double",
        "",
        "<mobilisation/bis> a fdr:Mobilisation ; fdr:chantier <chantier/1.a> ; "
        "fdr:ressource <ressource/cnfs> ; fdr:statut fdr:connueSansLien .",
        "chantier/1.a",
        None,
        "Ce chantier est relié 2 fois à la même ressource",
    ),
]


@pytest.mark.parametrize(
    ("remove", "add", "focus", "path", "words"),
    [case[1:] for case in VIOLATIONS],
    ids=[case[0] for case in VIOLATIONS],
)
def test_structural_rule_is_a_violation(
    sample: Sample, remove: str, add: str, focus: str, path: URIRef | None, words: str
) -> None:
    report = validate(sample.graph(remove, add))
    assert not report.conforms
    hits = [v for v in report.violations if words in v.message]
    assert hits, report.text()
    assert sample.iri(focus) in {v.focus for v in hits}
    if path is not None:
        assert {v.path for v in hits if v.focus == sample.iri(focus)} == {path}
    assert all(v.severity == "violation" for v in report.violations)
    # a structural break is never reported as a mere method warning
    assert not [w for w in report.warnings if words in w.message]


WARNINGS = [
    (
        "deux enjeux seulement",
        "<enjeu/3> a fdr:ANY ; dcterms:identifier fdr:ANY ; rdfs:label fdr:ANY ; "
        "fdr:feuilleDeRoute fdr:ANY . <defi/1> fdr:repondA <enjeu/3> .",
        "",
        "",
        "3 à 4 grands enjeux prioritaires par feuille de route (étape 3) ; celle-ci en compte 2",
    ),
    (
        "cinq enjeux",
        "",
        "".join(
            f"<enjeu/{n}> a fdr:Enjeu ; dcterms:identifier '{n}' ; rdfs:label 'E{n}'@fr ; "
            f"fdr:feuilleDeRoute <> . <defi/1> fdr:repondA <enjeu/{n}> ."
            for n in (4, 5)
        ),
        "",
        "celle-ci en compte 5",
    ),
    (
        "enjeu à trois chantiers",
        "<chantier/1.d> fdr:defi fdr:ANY .",
        "<defi/2> a fdr:Defi ; dcterms:identifier '2' ; rdfs:label 'D2'@fr ; "
        "fdr:repondA <enjeu/1> , <enjeu/2> . <chantier/1.d> fdr:defi <defi/2> .",
        "enjeu/3",
        "4 à 5 chantiers par enjeu (étape 4) ; cet enjeu en compte 3",
    ),
    (
        "enjeu à six chantiers",
        "",
        "".join(
            f"<chantier/{c}> a fdr:Chantier ; dcterms:identifier '{c}' ; rdfs:label 'C'@fr ; "
            f"fdr:defi <defi/1> . <action/{c}> a fdr:ActionConcrete ; dcterms:identifier '{c}' ; "
            f"rdfs:label 'A'@fr ; fdr:chantier <chantier/{c}> . "
            f"<coordination/{c}> a fdr:Coordination ; fdr:objetCoordonne <chantier/{c}> ; "
            f"fdr:service <service/enfance> ; fdr:role fdr:pilote ."
            for c in ("1.e", "1.f")
        ),
        "enjeu/1 enjeu/2 enjeu/3",
        "cet enjeu en compte 6",
    ),
    (
        "chantier sans pilote",
        "<coordination/chantier-1.c/enfance> fdr:role fdr:ANY .",
        "<coordination/chantier-1.c/enfance> fdr:role fdr:coCoordinateur .",
        "chantier/1.c",
        "Chaque chantier doit avoir un pilote",
    ),
    (
        "chantier sans action",
        "<action/1.d-1> a fdr:ActionConcrete .",
        "",
        "chantier/1.d",
        "Chaque chantier se décline en actions concrètes",
    ),
    (
        "raccourci affirmé",
        "",
        "<chantier/1.a> fdr:mobiliseOperante <ressource/cnfs> .",
        "chantier/1.a",
        "fdr:mobiliseOperante est inférée par le raisonneur",
    ),
]


@pytest.mark.parametrize(
    ("remove", "add", "focus", "words"),
    [case[1:] for case in WARNINGS],
    ids=[case[0] for case in WARNINGS],
)
def test_method_rule_is_a_warning(
    sample: Sample, remove: str, add: str, focus: str, words: str
) -> None:
    report = validate(sample.graph(remove, add))
    assert report.conforms, report.text()  # warnings do not break conformance
    hits = [w for w in report.warnings if words in w.message]
    assert sorted((w.focus for w in hits), key=str) == [
        sample.iri(f) for f in focus.split() or [""]
    ], report.text()
    assert hits[0].severity == "warning"


def test_pilot_may_come_from_governance(sample: Sample) -> None:
    without = sample.graph("<coordination/chantier-1.c/enfance> fdr:role fdr:ANY .")
    assert any("pilote" in w.message for w in validate(without).warnings)
    with_participation = sample.graph(
        "<coordination/chantier-1.c/enfance> fdr:role fdr:ANY .",
        "<participation/1.c/enfance/pilote> a fdr:Participation ; fdr:chantier <chantier/1.c> ; "
        "fdr:acteur <service/enfance> ; fdr:role fdr:pilote .",
    )
    assert validate(with_participation).warnings == []


def test_report_text_groups_violations_then_warnings(sample: Sample) -> None:
    graph = sample.graph(
        "<mobilisation/1.a/caf> fdr:chantier fdr:ANY . <action/1.d-1> a fdr:ActionConcrete ."
    )
    report = validate(graph)
    text = report.text()
    assert text.startswith("Validation SHACL : 1 violation, 1 avertissement.")
    violations_at = text.index("Violations")
    warnings_at = text.index("Avertissements")
    assert violations_at < text.index("Une mobilisation doit relier") < warnings_at
    assert warnings_at < text.index("Chaque chantier se décline")
    # nodes are named as the user knows them: kind, identifier, label
    assert "chantier 1.d « Chantier 1.d »" in text
    assert str(report) == text


def test_every_shape_speaks_french() -> None:
    shapes = load_shapes()
    carriers = set(shapes.subjects(SH.message, None))
    assert len(carriers) > 40
    for node in carriers:
        messages = list(shapes.objects(node, SH.message))
        assert any(isinstance(m, Literal) and m.language == "fr" for m in messages), node
    # every constraint carrier (property shape or SPARQL constraint) has a message
    for prop_shape in shapes.objects(None, SH.property):
        assert prop_shape in carriers
    for sparql in shapes.objects(None, SH.sparql):
        assert sparql in carriers


def test_shapes_need_no_inference(sample: Sample) -> None:
    """A resource typed only with its specific class is caught, not silently skipped."""
    graph = sample.graph("<ressource/cnfs> a fdr:Ressource .")
    report = validate(graph)
    assert any(v.focus == sample.iri("ressource/cnfs") for v in report.violations)
    assert (sample.iri("ressource/cnfs"), RDF.type, FDR.Ressource) not in graph


def test_custom_shapes_without_message_get_a_french_default(sample: Sample) -> None:
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
        <urn:s> a sh:NodeShape ; sh:targetClass fdr:Chantier ;
            sh:property [ sh:path fdr:budget ; sh:minCount 1 ] .""",
        format="turtle",
    )
    report: ValidationReport = validate(sample.graph(), shapes)
    assert len(report.violations) == 4
    assert report.violations[0].message.startswith(
        "Contrainte SHACL non respectée (sh:MinCountConstraintComponent) : "
    )


def test_sparql_constraints_parsed_once_give_pyshacl_s_own_results() -> None:
    """pyshacl sends a SPARQL constraint's text once per focus node; ``validate`` parses
    each text once, and the results stay those of pyshacl given the bare graph."""
    import pyshacl

    from feuille_de_route._sparql import parsed_query
    from feuille_de_route.graph import load_roadmap

    graph = load_roadmap(None)
    parsed_query.cache_clear()
    report = validate(graph)
    texts = len(set(load_shapes().objects(None, SH.select)))
    assert 0 < parsed_query.cache_info().misses <= texts
    assert parsed_query.cache_info().hits > texts  # one text, many focus nodes

    bare = pyshacl.validate(graph, shacl_graph=load_shapes(), allow_warnings=False)[1]
    assert isinstance(bare, Graph)
    expected = {
        (bare.value(r, SH.focusNode), bare.value(r, SH.sourceShape), bare.value(r, SH.value))
        for r in bare.subjects(RDF.type, SH.ValidationResult)
    }
    items = report.violations + report.warnings + report.infos
    assert {(i.focus, i.shape, i.value) for i in items} == expected
    assert len(items) == len(expected) > 0
