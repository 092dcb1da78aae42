"""The exports (Turtle, N-Triples, TriG, N-Quads, JSON-LD) of the Grand Périgueux, and of
the same with text and an IRI to escape, in tools nobody here wrote: Apache Jena riot,
raptor's rapper, the ``oxigraph`` command, pyoxigraph, pyld and plain rdflib. Each loads
them without a warning and gets the same triples, in the roadmap's named graph for TriG
and N-Quads, wherever it reads the format."""

import decimal
import json
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from feuille_de_route.graph.store import roadmap_graph_name

from .conftest import Jena, Run, require, run

TRIPLES = ("ttl", "nt", "jsonld")
QUADS = ("trig", "nq")
RAPTOR_PARSERS = {"ttl": "turtle", "nt": "ntriples", "trig": "trig", "nq": "nquads"}
OXIGRAPH_FORMATS = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
# What ``rapper`` always prints to stderr: what it reads, writes and counted.
RAPPER_INFO = ("rapper: Parsing URI ", "rapper: Serializing with ", "rapper: Parsing returned ")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
# What ``oxigraph load`` always prints to stderr: advice, not a word on the data.
OXIGRAPH_ADVICE = ("Some files like Wikidata dumps contain", "If you plan to run a read-heavy")


def export(folder: Path, suffix: str) -> Path:
    return folder / f"feuille-de-route.{suffix}"


def assert_same(nquads: str, expected: Graph, suffix: str) -> None:
    """``nquads`` holds exactly ``expected``: in the roadmap's named graph for TriG and
    N-Quads, in the default graph for the triple formats."""
    dataset = Dataset(default_union=False)
    dataset.parse(data=nquads, format="nquads")
    graphs = {graph.identifier: graph for graph in dataset.graphs() if len(graph)}
    name = URIRef(roadmap_graph_name(expected)) if suffix in QUADS else DATASET_DEFAULT_GRAPH_ID
    assert set(graphs) == {name}, f"graphes lus : {sorted(graphs)}"
    assert len(graphs[name]) == len(expected)
    assert isomorphic(graphs[name], expected)


def assert_clean(done: Run, tool: str, *, ignore: tuple[str, ...] = ()) -> None:
    """Exit 0 and not one line on stderr (but ``ignore``'s fixed advice)."""
    said = [line for line in done.stderr.splitlines() if line and not line.startswith(ignore)]
    assert done.returncode == 0, f"{tool} : code {done.returncode}\n{done.stderr}"
    assert said == [], f"{tool} a averti : {said[:5]}"


# Apache Jena (Debian's libapache-jena-java) -----------------------------------------


def test_riot_reports_warnings_on_stderr(jena: Jena, tmp_path: Path) -> None:
    """The checks below mean something: riot's warnings do reach stderr."""
    bad = tmp_path / "mal-type.nt"
    bad.write_text(
        '<http://a> <http://b> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n', "utf-8"
    )
    done = jena.riot("--validate", bad)
    assert "WARN" in done.stderr and "XSD integer" in done.stderr


@pytest.mark.parametrize("suffix", [*RAPTOR_PARSERS])
def test_riot_reads_the_export(jena: Jena, exports: Path, roadmap: Graph, suffix: str) -> None:
    done = jena.riot("--output=nq", export(exports, suffix))
    assert_clean(done, "riot")
    assert_same(done.stdout, roadmap, suffix)


def test_riot_jsonld_10_reader_reads_the_jsonld(jena: Jena, exports: Path, roadmap: Graph) -> None:
    done = jena.riot("--syntax=jsonld10", "--output=nq", export(exports, "jsonld"))
    assert_clean(done, "riot (JSON-LD 1.0)")
    assert_same(done.stdout, roadmap, "jsonld")


def test_riot_default_reader_reads_the_jsonld(
    jena: Jena, exports: Path, roadmap: Graph, tmp_path: Path
) -> None:
    probe = tmp_path / "sonde.jsonld"
    probe.write_text('{"@context": {"ex": "http://ex/"}, "@id": "ex:a", "ex:p": "x"}', "utf-8")
    if jena.riot("--output=nq", probe).returncode != 0:
        # Not a missing install CI could fix: Debian packages no JSON-P implementation.
        pytest.skip(
            "le lecteur JSON-LD 1.1 par défaut de Jena (Titanium) ne lit ici aucun document, "
            "même minimal : il demande une implémentation JSON-P (Eclipse Parsson) que Debian "
            "n'empaquette pas ; le lecteur JSON-LD 1.0 de Jena est testé à la place"
        )
    done = jena.riot("--output=nq", export(exports, "jsonld"))
    assert_clean(done, "riot (JSON-LD 1.1)")
    assert_same(done.stdout, roadmap, "jsonld")


# raptor (Debian's raptor2-utils): no JSON-LD reader -----------------------------------


@pytest.mark.parametrize("suffix", [*RAPTOR_PARSERS])
def test_rapper_reads_the_export(rapper: str, exports: Path, roadmap: Graph, suffix: str) -> None:
    # Not ``-q``: its information lines are set aside by name, so nothing else can hide.
    done = run([rapper, "-i", RAPTOR_PARSERS[suffix], "-o", "nquads", export(exports, suffix)])
    assert_clean(done, "rapper", ignore=RAPPER_INFO)
    assert f"Parsing returned {len(roadmap)} triples" in done.stderr
    assert_same(done.stdout, roadmap, suffix)


# Oxigraph: the command (PyPI ``oxigraph``) and the library -------------------------


def _decimal_values(graph: Graph) -> Graph:
    """``graph`` with every ``xsd:decimal`` in the canonical form of XSD 1.1 (``9.0`` →
    ``9``), as a store keeping values rather than lexical forms gives them back."""
    canonical = Graph()
    for subject, predicate, value in graph:
        if isinstance(value, Literal) and value.datatype == DECIMAL:
            number = decimal.Decimal(str(value)).normalize()
            value = Literal(format(number, "f"), datatype=DECIMAL)
        canonical.add((subject, predicate, value))
    return canonical


@pytest.mark.parametrize("suffix", [*OXIGRAPH_FORMATS])
def test_oxigraph_command_converts_the_export(
    oxigraph_cli: Path, exports: Path, roadmap: Graph, suffix: str, tmp_path: Path
) -> None:
    target = tmp_path / "converti.nq"
    command: list[str | Path] = [oxigraph_cli, "convert", "--from-file", export(exports, suffix)]
    done = run([*command, "--to-file", target, "--to-format", "nq"])
    assert_clean(done, "oxigraph convert")
    assert_same(target.read_text("utf-8"), roadmap, suffix)


@pytest.mark.parametrize("suffix", [*OXIGRAPH_FORMATS])
def test_oxigraph_command_loads_the_export(
    oxigraph_cli: Path, exports: Path, roadmap: Graph, suffix: str, tmp_path: Path
) -> None:
    """Regression: ``oxigraph load`` refused the JSON-LD's relative context reference.
    Its store keeps values, so decimals come back in canonical form."""
    base = tmp_path / "base"
    loaded = run([oxigraph_cli, "load", "--location", base, "--file", export(exports, suffix)])
    assert_clean(loaded, "oxigraph load", ignore=OXIGRAPH_ADVICE)
    dump = tmp_path / "dump.nq"
    dumped = run([oxigraph_cli, "dump", "--location", base, "--format", "nq", "--file", dump])
    assert_clean(dumped, "oxigraph dump", ignore=OXIGRAPH_ADVICE)
    assert_same(dump.read_text("utf-8"), _decimal_values(roadmap), suffix)


@pytest.mark.parametrize("suffix", [*OXIGRAPH_FORMATS])
def test_pyoxigraph_parses_the_export(exports: Path, roadmap: Graph, suffix: str) -> None:
    with open(export(exports, suffix), "rb") as handle:
        quads = list(pyoxigraph.parse(handle, format=OXIGRAPH_FORMATS[suffix]))
    text = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    assert text is not None
    assert_same(text.decode("utf-8"), roadmap, suffix)


# pyld and plain rdflib ---------------------------------------------------------------


def _refuse(url: str, options: Any = None) -> Any:
    raise AssertionError(f"pyld a voulu télécharger {url}")


def test_pyld_reads_the_jsonld_with_nothing_to_fetch(exports: Path, roadmap: Graph) -> None:
    try:
        from pyld import jsonld  # type: ignore[import-untyped]
    except ImportError:
        require(False, "pyld introuvable : pip install -e '.[dev]'")
    document = json.loads(export(exports, "jsonld").read_text("utf-8"))
    options = {"format": "application/n-quads", "documentLoader": _refuse}
    nquads = jsonld.to_rdf(document, options)
    assert_same(nquads, roadmap, "jsonld")


@pytest.mark.parametrize("suffix", [*RDFLIB_FORMATS])
def test_plain_rdflib_reads_the_export(exports: Path, roadmap: Graph, suffix: str) -> None:
    dataset = Dataset(default_union=False)
    dataset.parse(export(exports, suffix), format=RDFLIB_FORMATS[suffix])
    assert_same(dataset.serialize(format="nquads"), roadmap, suffix)


def test_every_format_is_checked() -> None:
    assert {*TRIPLES, *QUADS} == set(OXIGRAPH_FORMATS) == set(RDFLIB_FORMATS)
