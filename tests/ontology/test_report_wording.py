"""The validation report states SHACL's own ``sh:conforms`` before the project's reading.

Regression: ``valider`` said « valide » where SHACL (Jena's too) says ``sh:conforms false``,
because warnings count in SHACL's report.
"""

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH, XSD

from feuille_de_route.graph import load_roadmap
from feuille_de_route.ontology import validate


def test_warnings_make_shacl_say_it_does_not_conform() -> None:
    report = validate(load_roadmap(None))
    assert report.warnings and not report.violations  # the Grand Périgueux's two warnings
    assert report.conforms  # the project's reading: no violation
    assert not report.shacl_conforms
    first = report.text().splitlines()[1]
    assert first.startswith("SHACL (sh:conforms) : false ; lecture du projet : aucune violation")
    assert f"{len(report.warnings)} avertissements" in first


def test_the_shacl_report_is_a_report_other_tools_read() -> None:
    report = validate(load_roadmap(None))
    turtle = report.shacl_report.serialize(format="turtle")
    again = Graph().parse(data=turtle, format="turtle")
    (node,) = again.subjects(RDF.type, SH.ValidationReport)
    assert again.value(node, SH.conforms) == Literal(False, datatype=XSD.boolean)
    results = set(again.objects(node, SH.result))
    assert len(results) == len(report.warnings) + len(report.violations) + len(report.infos)


def test_an_empty_graph_conforms_for_shacl_and_for_the_project() -> None:
    report = validate(Graph())
    assert report.shacl_conforms and report.conforms
    assert "SHACL (sh:conforms) : true" in report.text()
