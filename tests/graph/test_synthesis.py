"""Issue 11: a roadmap's synthèse is computed from the roadmap itself, never taken from a
source, and says what the roadmap says (counts checked against a count in Python)."""

from collections import Counter
from pathlib import Path
from typing import cast

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph._namespaces import FDR, RDF, RDFS
from feuille_de_route.graph._synthesis import synthesis_vocabulary, with_synthesis
from feuille_de_route.graph.importer import import_sources
from feuille_de_route.graph.store import OxigraphStore

from ..queries.territoires_essai import GP, three_territories


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


def _lines(graph: Graph, kind: URIRef) -> dict[str, dict[str, object]]:
    """Each line of ``kind``: its key → {property's local name: value}."""
    lines: dict[str, dict[str, object]] = {}
    for line in graph.subjects(RDF.type, kind):
        values = {str(p).split("#")[-1]: o for p, o in graph.predicate_objects(line)}
        lines[str(values["cle"])] = {k: cast(Literal, v).toPython() for k, v in values.items()}
    return lines


def _linked(graph: Graph, chantier: Node) -> set[Node]:
    """The links (with a status) of a chantier."""
    return {m for m in graph.subjects(FDR.chantier, chantier) if (m, FDR.statut, None) in graph}


def _operating(graph: Graph, links: set[Node]) -> int:
    return sum(1 for m in links if (m, FDR.statut, FDR.operante) in graph)


@pytest.mark.parametrize("which", [0, 1, 2])
def test_theme_lines_count_what_the_roadmap_says(graphs: dict[str, Graph], which: int) -> None:
    graph = list(graphs.values())[which]
    chantiers: Counter[str] = Counter()
    links: dict[str, set[Node]] = {}
    for chantier, concept in graph.subject_objects(FDR.theme):
        chantiers[str(concept)] += 1
        links.setdefault(str(concept), set()).update(_linked(graph, chantier))
    lines = _lines(graph, FDR.SyntheseTheme)
    assert chantiers and set(lines) == set(chantiers)
    for theme, count in chantiers.items():
        assert lines[theme]["nbChantiers"] == count
        assert lines[theme]["nbLiens"] == len(links[theme])
        assert lines[theme]["nbOperants"] == _operating(graph, links[theme])


# The Grand Périgueux's workbook names no national programme.
@pytest.mark.parametrize("which", [1, 2])
def test_programme_lines_count_what_the_roadmap_says(graphs: dict[str, Graph], which: int) -> None:
    graph = list(graphs.values())[which]
    lines = _lines(graph, FDR.SyntheseProgramme)
    expected: dict[str, tuple[int, int, int]] = {}
    for concept in set(graph.objects(None, FDR.programme)):
        resources = set(graph.subjects(FDR.programme, concept))
        operating = {
            (m, r)
            for r in resources
            for m in graph.subjects(FDR.ressource, r)
            if (m, FDR.statut, FDR.operante) in graph
        }
        chantiers = {graph.value(m, FDR.chantier) for m, _ in operating}
        expected[str(concept)] = (len(resources), len({r for _, r in operating}), len(chantiers))
    assert expected and set(lines) == set(expected)
    for programme, counts in expected.items():
        line = lines[programme]
        assert (line["nbRessources"], line["nbRessourcesOperantes"]) == counts[:2]
        assert line["nbChantiersOperants"] == counts[2]


def test_the_place_is_the_grand_perigueux_s(graphs: dict[str, Graph]) -> None:
    graph = graphs[GP]
    synthese = URIRef(GP + "synthese")
    geo = "https://w3id.org/feuille-de-route/geo/"
    assert set(graph.objects(synthese, FDR.dansDepartement)) == {URIRef(geo + "departement/24")}
    assert set(graph.objects(synthese, FDR.dansRegion)) == {URIRef(geo + "region/75")}


_OWN_KEY = {FDR.SyntheseTheme: FDR.cleTheme, FDR.SyntheseProgramme: FDR.cleProgramme}


@pytest.mark.parametrize("which", [0, 1, 2])
def test_theme_and_programme_lines_carry_their_place_and_copies(
    graphs: dict[str, Graph], which: int
) -> None:
    """What the national counts read on a theme or programme line alone: the roadmap's
    départements and régions, and the line's key and counts under their own names."""
    graph = list(graphs.values())[which]
    roadmap = next(iter(graph.subjects(RDF.type, FDR.FeuilleDeRoute)))
    synthese = URIRef(f"{roadmap}synthese")
    place = {p: set(graph.objects(synthese, p)) for p in (FDR.dansDepartement, FDR.dansRegion)}
    assert place[FDR.dansDepartement] and place[FDR.dansRegion]
    lines = 0
    for kind, own_key in _OWN_KEY.items():
        for line in graph.subjects(RDF.type, kind):
            lines += 1
            for prop, nodes in place.items():
                assert set(graph.objects(line, prop)) == nodes, (line, prop)
            assert list(graph.objects(line, own_key)) == [graph.value(line, FDR.cle)]
            assert list(graph.objects(line, FDR.nbLiensConcept)) == [graph.value(line, FDR.nbLiens)]
            assert list(graph.objects(line, FDR.nbOperantsConcept)) == [
                graph.value(line, FDR.nbOperants)
            ]
    assert lines >= 3


def test_every_line_given_a_place_is_a_theme_or_programme_line(
    graphs: dict[str, Graph],
) -> None:
    """synthese.rq finds the keys of the lines it places as its theme and programme
    branches find them: a drift would leave a line with a place and no type."""
    for graph in graphs.values():
        placed = {s for s in graph.subjects(FDR.dansDepartement, None) if "synthese/" in str(s)}
        typed = {s for kind in _OWN_KEY for s in graph.subjects(RDF.type, kind)}
        assert placed == typed


def test_organisation_and_defi_lines_carry_no_concept_copies(graphs: dict[str, Graph]) -> None:
    copies = (FDR.dansDepartement, FDR.cleTheme, FDR.cleProgramme, FDR.nbLiensConcept)
    for graph in graphs.values():
        for kind in (FDR.SyntheseOrganisation, FDR.SyntheseDefi):
            for line in graph.subjects(RDF.type, kind):
                assert not any((line, prop, None) in graph for prop in copies), line
    assert any((None, RDF.type, FDR.SyntheseOrganisation) in g for g in graphs.values())


def _tampered(graph: Graph) -> Graph:
    """``graph`` with a synthèse a source might send: a false count, a count on a
    chantier, a made-up line and a label on the synthèse node."""
    bad = Graph()
    bad += graph
    line = next(iter(bad.subjects(RDF.type, FDR.SyntheseTheme)))
    bad.set((line, FDR.nbLiens, Literal(999)))
    chantier = next(iter(bad.subjects(RDF.type, FDR.Chantier)))
    bad.add((chantier, FDR.nbLiens, Literal(5)))
    made_up = URIRef(GP + "synthese/theme/faux")
    bad.add((made_up, RDF.type, FDR.SyntheseTheme))
    bad.add((made_up, FDR.syntheseDe, URIRef(GP)))
    bad.add((URIRef(GP + "synthese"), RDFS.label, Literal("pas une synthèse")))
    return bad


def _synthesis(graph: Graph) -> set[tuple[object, ...]]:
    _, properties = synthesis_vocabulary()
    return {t for t in graph if str(t[1]) in properties or str(t[0]).startswith(GP + "synthese")}


def test_what_the_synthesis_states_is_the_vocabulary_it_drops(graphs: dict[str, Graph]) -> None:
    """Every class and property synthese.rq writes is one the ontology declares for the
    synthèse: what a source states in them is dropped, so none can be forged."""
    classes, properties = synthesis_vocabulary()
    written = {t for graph in graphs.values() for t in graph if str(t[0]).count("synthese")}
    assert {str(p) for _, p, _ in written} - {str(RDF.type)} <= properties
    assert {str(o) for _, p, o in written if p == RDF.type} <= classes
    assert len(written) > 100


def test_a_source_s_synthesis_is_never_taken(graphs: dict[str, Graph], tmp_path: Path) -> None:
    graph = graphs[GP]
    path = tmp_path / "falsifiee.ttl"
    _tampered(graph).serialize(path, format="turtle")
    loaded = load_roadmap(path)
    assert _synthesis(loaded) == _synthesis(graph)
    assert len(loaded) == len(graph)
    again = Graph()
    again += _tampered(graph)
    assert _synthesis(with_synthesis(again)) == _synthesis(graph)


def test_importer_recomputes_a_tampered_synthesis_and_says_so(
    graphs: dict[str, Graph], tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "stockage")
    honest = tmp_path / "honnete.ttl"
    graphs[GP].serialize(honest, format="turtle")
    [outcome] = import_sources([honest], store)
    assert outcome.imported and not any("synthèse" in w for w in outcome.warnings)
    tampered = tmp_path / "falsifiee.ttl"
    _tampered(graphs[GP]).serialize(tampered, format="turtle")
    [outcome] = import_sources([tampered], store)
    assert outcome.imported and outcome.replaced
    assert any("synthèse fournie" in w and "recalculée" in w for w in outcome.warnings)
    rows = store.select(
        "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>\n"
        "SELECT ?s ?n WHERE { ?s fdr:nbLiens ?n }",
        {},
    ).rows
    assert rows and all(int(str(r["n"])) < 999 for r in rows)
    assert all(str(r["s"]).startswith(GP + "synthese/") for r in rows)
    assert outcome.triples == len(graphs[GP])
