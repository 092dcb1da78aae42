"""``export_graph``: TriG and N-Quads put the roadmap in its named graph, the JSON-LD
carries its context inline, and the package still reads its older JSON-LD exports."""

import json
import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID as DATASET_DEFAULT

from feuille_de_route.graph import export_graph, load_roadmap
from feuille_de_route.graph.store import roadmap_graph_name
from feuille_de_route.ontology import FDR

ROADMAP = URIRef("https://example.org/territoires/essai/")
QUADS = ("feuille-de-route.trig", "feuille-de-route.nq")


def _dataset(path: Path) -> Dataset:
    dataset = Dataset(default_union=False)
    dataset.parse(path, format="trig" if path.suffix == ".trig" else "nquads")
    return dataset


@pytest.mark.parametrize("name", QUADS)
def test_quads_put_the_roadmap_in_its_named_graph(
    mini_csv: Path, tmp_path: Path, name: str
) -> None:
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path)
    dataset = _dataset(tmp_path / name)
    names = {context.identifier for context in dataset.contexts() if len(context)}
    assert names == {ROADMAP}
    assert URIRef(roadmap_graph_name(graph)) == ROADMAP  # the stores' name for it
    assert isomorphic(dataset.graph(ROADMAP), graph)
    assert len(dataset.default_graph) == 0


@pytest.mark.parametrize("name", QUADS)
def test_quads_in_oxigraph_are_in_the_named_graph(
    mini_csv: Path, tmp_path: Path, name: str
) -> None:
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path)
    rdf_format = (
        pyoxigraph.RdfFormat.TRIG if name.endswith(".trig") else pyoxigraph.RdfFormat.N_QUADS
    )
    with open(tmp_path / name, "rb") as handle:
        quads = list(pyoxigraph.parse(handle, format=rdf_format))
    assert len(quads) == len(graph)
    assert {quad.graph_name for quad in quads} == {pyoxigraph.NamedNode(str(ROADMAP))}


def test_quads_answer_the_catalogues_graph_pattern(mini_csv: Path, tmp_path: Path) -> None:
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path)
    dataset = _dataset(tmp_path / "feuille-de-route.nq")
    found = dataset.query(
        "SELECT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/feuille-de-route/ontologie#"
        "FeuilleDeRoute> } }"
    )
    assert [row[0] for row in found] == [ROADMAP]  # type: ignore[index]


def test_jsonld_carries_its_context_inline(mini_csv: Path, tmp_path: Path) -> None:
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path)
    document = json.loads((tmp_path / "feuille-de-route.jsonld").read_text("utf-8"))
    context = document["@context"]
    assert isinstance(context, dict)
    assert context["fdr"] == "https://w3id.org/feuille-de-route/ontologie#"
    assert context["territoire"] == "https://example.org/territoires/essai/"
    # The same context alone beside it, for documents that reference it.
    beside = json.loads((tmp_path / "contexte.jsonld").read_text("utf-8"))["@context"]
    assert beside == context
    text = (tmp_path / "feuille-de-route.jsonld").read_text("utf-8")
    assert '"fdr:Chantier"' in text  # compacted, not full IRIs


def test_jsonld_reads_without_its_sibling_context(mini_csv: Path, tmp_path: Path) -> None:
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path / "rdf")
    alone = tmp_path / "seul"
    alone.mkdir()
    (alone / "f.jsonld").write_bytes((tmp_path / "rdf" / "feuille-de-route.jsonld").read_bytes())
    assert isomorphic(load_roadmap(alone / "f.jsonld"), graph)


def test_old_jsonld_export_with_its_context_beside_still_reads(
    mini_csv: Path, tmp_path: Path
) -> None:
    """Exports before TriG/N-Quads named ``contexte.jsonld`` by a relative reference."""
    graph = load_roadmap(mini_csv)
    export_graph(graph, tmp_path)
    path = tmp_path / "feuille-de-route.jsonld"
    document = json.loads(path.read_text("utf-8"))
    document["@context"] = "contexte.jsonld"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert isomorphic(load_roadmap(path), graph)


@pytest.mark.parametrize("name", QUADS)
def test_quads_without_one_roadmap_use_the_default_graph(tmp_path: Path, name: str) -> None:
    for index, graph in enumerate((_roadmaps(), _roadmaps("a", "b"))):
        graph.add((URIRef("https://example.org/x"), RDFS.label, Literal("x")))
        export_graph(graph, tmp_path / str(index))
        dataset = _dataset(tmp_path / str(index) / name)
        assert isomorphic(dataset.default_graph, graph)
        assert not any(len(c) for c in dataset.contexts() if c.identifier != DATASET_DEFAULT)


def _roadmaps(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.add((URIRef(f"https://example.org/{name}/"), RDF.type, FDR.FeuilleDeRoute))
    return graph


def test_turtle_and_trig_exports_declare_no_invented_prefix(tmp_path: Path) -> None:
    # rdflib names a namespace nobody bound ns1:, ns2:…: the Grand Périgueux's INSEE
    # geography came out as ns1:codeINSEE in every export shared with other territories.
    export_graph(load_roadmap(None), tmp_path)
    for name in ("feuille-de-route.ttl", "feuille-de-route.trig"):
        text = (tmp_path / name).read_text("utf-8")
        declared = re.findall(r"^@prefix ([\w-]*):", text, flags=re.MULTILINE)
        assert "igeo" in declared and "th" in declared, name
        assert not [p for p in declared if re.fullmatch(r"ns\d+", p)], name
