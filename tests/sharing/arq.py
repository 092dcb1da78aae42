"""Jena ARQ from Debian's jars running many SELECT queries in one JVM, and the same
queries on rdflib and Oxigraph, results as exact strings.

``ArqSelect.java`` (beside this file) is compiled at test time with ``javac`` against
Jena's class path; it loads a dataset file once, its default graph also holding the union
of the named graphs (as the project's stores query it), and writes each query's SPARQL
JSON results beside the query file.
"""

import json
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route.graph.store import VOCABULARY_GRAPH, roadmap_graph_name, vocabulary_graph
from feuille_de_route.graph.store._terms import to_sparql
from feuille_de_route.graph.store._values import _group_start

__all__ = [
    "JVM_OPTIONS",
    "PLACEMENTS",
    "Arq",
    "Cell",
    "Table",
    "cells",
    "compile_arq",
    "dataset_file",
    "json_table",
    "placed",
]

SOURCE = Path(__file__).with_name("ArqSelect.java")
# The tests' JVMs live for seconds: the client compiler alone and one garbage-collector
# thread do the same work for a third less processor time than the defaults (the
# optimising compiler's threads and a parallel collector pay off only on long runs).
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")

# One cell of a result, as an engine writes it: kind, lexical form, datatype, language.
Cell = tuple[str, str, str, str] | None
Table = tuple[tuple[str, ...], tuple[tuple[Cell, ...], ...]]


def cells(term: Identifier | None) -> Cell:
    """``term`` as the strings an engine gives for it (``None`` when unbound)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = "" if term.language or term.datatype is None else str(term.datatype)
        if not term.language and term.datatype is None:
            datatype = "http://www.w3.org/2001/XMLSchema#string"
        return ("literal", str(term), datatype, term.language or "")
    if isinstance(term, BNode):
        return ("bnode", "", "", "")
    assert isinstance(term, URIRef)
    return ("uri", str(term), "", "")


def _json_cell(value: Mapping[str, str] | None) -> Cell:
    if value is None:
        return None
    kind = value["type"]
    if kind in {"literal", "typed-literal"}:
        language = value.get("xml:lang", "")
        datatype = "" if language else value.get("datatype", "")
        if not language and not datatype:
            datatype = "http://www.w3.org/2001/XMLSchema#string"
        return ("literal", value["value"], datatype, language)
    if kind == "bnode":
        return ("bnode", "", "", "")
    return ("uri", value["value"], "", "")


def json_table(path: Path) -> Table:
    """The variables and rows of a SPARQL JSON results file."""
    document = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(document["head"]["vars"])
    rows = tuple(
        tuple(_json_cell(binding.get(name)) for name in names)
        for binding in document["results"]["bindings"]
    )
    return names, rows


def dataset_file(graph: Graph, folder: Path) -> Path:
    """``graph`` in the named graph of its roadmap's IRI and the ontology's vocabulary in
    its own, as N-Quads (the layout of every store of the project)."""
    dataset = Dataset()
    roadmap = dataset.graph(URIRef(roadmap_graph_name(graph)))
    roadmap.addN((s, p, o, roadmap) for s, p, o in graph)
    vocabulary = dataset.graph(URIRef(VOCABULARY_GRAPH))
    vocabulary.addN((s, p, o, vocabulary) for s, p, o in vocabulary_graph())
    path = folder / "jeu.nq"
    dataset.serialize(path, format="nquads", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Arq:
    """Java, Jena's class path and the folder of the compiled ``ArqSelect``."""

    java: str
    classpath: str

    def select(self, data: Path, queries: Sequence[str], folder: Path) -> list[Table]:
        """Each of ``queries`` (text, values already in it) run on ``data`` in one JVM."""
        return self.select_many([([data], queries)], folder)[0]

    def select_many(
        self, jobs: Sequence[tuple[Sequence[Path], Sequence[str]]], folder: Path
    ) -> list[list[Table]]:
        """For each job, its queries run on the dataset of its files; all in one JVM.

        The files of a job are read into one dataset whose default graph also holds
        every named graph's triples (a union default graph)."""
        arguments: list[str] = []
        files: list[list[Path]] = []
        number = 0
        for data, queries in jobs:
            arguments += ["--data", ",".join(map(str, data))]
            files.append([])
            for text in queries:
                path = folder / f"q{number}.rq"
                number += 1
                path.write_text(text, encoding="utf-8")
                files[-1].append(path)
                arguments.append(str(path))
        done = subprocess.run(
            [self.java, *JVM_OPTIONS, "-cp", self.classpath, "ArqSelect", *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"ArqSelect a échoué ({done.returncode}) :\n{done.stderr}")
        return [[json_table(Path(f"{path}.json")) for path in job] for job in files]


def compile_arq(java: str, classpath: str, folder: Path) -> Arq:
    """``ArqSelect.java`` compiled into ``folder`` with the ``javac`` beside ``java``."""
    beside = Path(java).with_name("javac")
    javac = beside if beside.is_file() else Path(shutil.which("javac") or "javac")
    done = subprocess.run(
        [str(javac), "-cp", classpath, "-d", str(folder), str(SOURCE)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"javac a échoué ({done.returncode}) :\n{done.stderr}")
    return Arq(java, f"{folder}:{classpath}")


def _values_block(bindings: Mapping[str, Identifier]) -> str:
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(to_sparql(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _top_of_where(query: str, bindings: Mapping[str, Identifier]) -> str:
    at = _group_start(query) + 1
    return f"{query[:at]}\n  {_values_block(bindings)}\n{query[at:]}"


def _end_of_query(query: str, bindings: Mapping[str, Identifier]) -> str:
    return f"{query.rstrip()}\n{_values_block(bindings)}\n"


def _same(text: str, _: re.Match[str]) -> str:
    return text


def _substituted(query: str, bindings: Mapping[str, Identifier]) -> str:
    """As grlc does: each ``?_name`` of the text replaced by the value's term."""
    for name, term in bindings.items():
        # A function, so that backslashes in the term are not read as group references.
        written = to_sparql(term)
        query = re.sub(rf"[?$]{re.escape(name)}\b", partial(_same, written), query)
    return query


# Where clients put bound values: a VALUES block opening the WHERE clause, the VALUES
# clause that may end a query, or the values written into the text in place of ?_name.
PLACEMENTS = {
    "haut-du-where": _top_of_where,
    "fin-de-requete": _end_of_query,
    "substitution": _substituted,
}


def placed(placement: str, query: str, bindings: Mapping[str, Identifier]) -> str:
    """``query`` with ``bindings`` put where ``placement`` says (no change without any)."""
    return PLACEMENTS[placement](query, bindings) if bindings else query
