"""workbook → graph → workbook → graph is isomorphic, from every format; exports parse
back identically, in rdflib and in Oxigraph."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from feuille_de_route.graph import (
    build_graph,
    export_graph,
    graph_to_workbook,
    load_roadmap,
    read_workbook,
    write_workbook,
)

FORMATS = ["classeur.xlsx", "classeur.ods", "dossier-csv"]


@pytest.fixture(scope="module")
def grand_perigueux() -> Graph:
    return load_roadmap(None)


@pytest.mark.parametrize("source", FORMATS)
@pytest.mark.parametrize("target", FORMATS)
def test_round_trip_between_formats(
    mini_csv: Path, tmp_path: Path, source: str, target: str
) -> None:
    original = build_graph(read_workbook(mini_csv))
    first = tmp_path / "premier" / source
    first.parent.mkdir()
    write_workbook(read_workbook(mini_csv), first)
    graph = build_graph(read_workbook(first))
    assert isomorphic(graph, original)
    second = tmp_path / "second" / target
    second.parent.mkdir()
    write_workbook(graph_to_workbook(graph), second)
    again = build_graph(read_workbook(second))
    assert isomorphic(again, original)
    assert len(again) == len(original)


def test_grand_perigueux_loads(grand_perigueux: Graph) -> None:
    fdr = "https://w3id.org/feuille-de-route/ontologie#"
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    count = {
        name: len(set(grand_perigueux.subjects(rdf_type, URIRef(fdr + name))))
        for name in ("Enjeu", "Defi", "Chantier")
    }
    # The seed: 4 enjeux, 6 défis, 10 chantiers.
    assert count == {"Enjeu": 4, "Defi": 6, "Chantier": 10}


@pytest.mark.parametrize("target", FORMATS)
def test_grand_perigueux_round_trips(grand_perigueux: Graph, tmp_path: Path, target: str) -> None:
    path = tmp_path / target
    write_workbook(graph_to_workbook(grand_perigueux), path)
    assert isomorphic(build_graph(read_workbook(path)), grand_perigueux)


def _rdflib_term(term: object) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    assert isinstance(term, pyoxigraph.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _oxigraph_graph(path: Path) -> Graph:
    graph = Graph()
    with open(path, "rb") as handle:
        for triple in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE):
            graph.add(
                (
                    _rdflib_term(triple.subject),
                    _rdflib_term(triple.predicate),
                    _rdflib_term(triple.object),
                )
            )
    return graph


def test_exports_parse_back_identically(mini_csv: Path, tmp_path: Path) -> None:
    graph = load_roadmap(mini_csv)
    written = export_graph(graph, tmp_path / "rdf")
    assert {p.name for p in written} == {
        "feuille-de-route.ttl",
        "feuille-de-route.jsonld",
        "contexte.jsonld",
        "feuille-de-route.nt",
        "feuille-de-route.trig",
        "feuille-de-route.nq",
    }
    for name in ("feuille-de-route.ttl", "feuille-de-route.jsonld", "feuille-de-route.nt"):
        assert isomorphic(load_roadmap(tmp_path / "rdf" / name), graph), name
    assert isomorphic(_oxigraph_graph(tmp_path / "rdf" / "feuille-de-route.ttl"), graph)


def test_grand_perigueux_turtle_in_oxigraph(grand_perigueux: Graph, tmp_path: Path) -> None:
    export_graph(grand_perigueux, tmp_path)
    assert isomorphic(_oxigraph_graph(tmp_path / "feuille-de-route.ttl"), grand_perigueux)


def test_export_is_deterministic(mini_csv: Path, tmp_path: Path) -> None:
    export_graph(load_roadmap(mini_csv), tmp_path / "a")
    export_graph(load_roadmap(mini_csv), tmp_path / "b")
    for name in ("feuille-de-route.ttl", "feuille-de-route.jsonld", "feuille-de-route.nt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_export_leaves_the_callers_graph_alone(mini_csv: Path, tmp_path: Path) -> None:
    graph = load_roadmap(mini_csv)
    before = sorted(graph.namespaces())
    export_graph(graph, tmp_path)
    assert sorted(graph.namespaces()) == before


def test_csv_writer_empties_sheets_the_workbook_lacks(mini_csv: Path, tmp_path: Path) -> None:
    workbook = read_workbook(mini_csv)
    target = tmp_path / "sortie"
    write_workbook(workbook, target)
    assert (target / "criteres.csv").read_text("utf-8").count("\n") == 2
    del workbook.sheets["Critères"]
    write_workbook(workbook, target)
    assert (target / "criteres.csv").read_text("utf-8") == (
        "identifiant,chantier,intitulé,note,source\n"
    )


def test_graph_without_roadmap_is_refused() -> None:
    from feuille_de_route.graph import DataError

    with pytest.raises(DataError, match="FeuilleDeRoute"):
        graph_to_workbook(Graph())


def test_awkward_text_survives_turtle_in_both_parsers(
    csv_folder: Callable[[dict[str, list[dict[str, str]]]], Path],
    rows: dict[str, list[dict[str, str]]],
    tmp_path: Path,
) -> None:
    awkward = 'Guillemets " et \'\'\' triples """, barre \\ oblique, ligne\nsuivante, \u202e, 🙂'
    rows["Enjeux"][0]["intitulé"] = awkward
    rows["Enjeux"].append({"identifiant": 'é "x" <y>', "intitulé": "identifiant piégé"})
    graph = load_roadmap(csv_folder(rows))
    export_graph(graph, tmp_path)
    assert isomorphic(load_roadmap(tmp_path / "feuille-de-route.ttl"), graph)
    assert isomorphic(_oxigraph_graph(tmp_path / "feuille-de-route.ttl"), graph)
    assert isomorphic(load_roadmap(tmp_path / "feuille-de-route.jsonld"), graph)


def test_export_bytes_do_not_depend_on_the_hash_seed(mini_csv: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path;"
        "from feuille_de_route.graph import export_graph, load_roadmap;"
        "export_graph(load_roadmap(Path(sys.argv[1])), Path(sys.argv[2]))"
    )
    for seed in ("1", "2"):
        subprocess.run(
            [sys.executable, "-c", script, str(mini_csv), str(tmp_path / seed)],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
    # Every export, the quads and the context included (one test for the whole set).
    names = ("ttl", "jsonld", "nt", "trig", "nq")
    for name in (*(f"feuille-de-route.{suffix}" for suffix in names), "contexte.jsonld"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
