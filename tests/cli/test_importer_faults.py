"""Issue 11, « done when » (faults), through the command: one ``feuille-de-route
importer`` run with five bad sources on real local servers (127.0.0.1) — one that does
not answer, one answering 500, one streaming a body without end, one sending a held
territory's Turtle broken half-way, one claiming IRIs of another held territory — and one
good source. Each bad one gets its French message in the command's output and its Bilan,
every territory the store held keeps exactly its triples, the good one is imported, and
the command exits 2, as documented (a source was refused, the others imported).

``tests/security/test_import_faults.py`` checks each fault on ``import_sources`` (and a
few more: announced 10 GB, trickling, redirection to ``file:``); this module checks the
command's options (``--delai-lecture``, ``--limite-taille``…), its output and exit code,
and the held graphs triple by triple."""

from __future__ import annotations

import contextlib
import gc
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from feuille_de_route.cli import main
from feuille_de_route.graph.importer import Reading, import_sources
from feuille_de_route.graph.store import OxigraphStore

from ..graph.store.import_territories import (
    FOYEN_IRI,
    GRAND_PERIGUEUX_IRI,
    ISLE_IRI,
    LocalServer,
    Territories,
)
from ..security.test_import_faults import Faulty

pytestmark = pytest.mark.timeout(300)

Quads = set[tuple[str, str, str, str]]
ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"

# Each bad source's path on the server → words of its French message.
FAULTS = {
    "muet.ttl": "n'a pas répondu dans le délai (lecture, 1 s)",
    "erreur.ttl": "le serveur a répondu 500 Internal Server Error : panne du serveur",
    "sans-fin.ttl": "dépasse la limite de taille de 2 Mo ; téléchargement arrêté",
    "isle-cassee.ttl": "fichier RDF illisible (turtle) : Parser error",
    "voleur.ttl": "IRI d'un autre territoire",
}
GOOD = "perigueux.jsonld"
OPTIONS = [
    *("--delai-connexion", "2", "--delai-lecture", "1", "--delai-total", "4"),
    *("--limite-taille", "2", "--validation", "rapide", "--silencieux"),
]


class Faults(Faulty):
    """``Faulty``'s misbehaviours, with this module's own files."""


def _broken(graph: Graph) -> bytes:
    """``graph``'s Turtle cut in the middle of a statement and followed by garbage: a
    parser that stored what it read before the fault would change the territory."""
    text = graph.serialize(format="turtle", encoding="utf-8")
    return text[: len(text) // 2] + b" <<< ceci n'est pas du Turtle ;;\n"


def _quads(store: OxigraphStore) -> Quads:
    rows = store.select(ALL_QUADS, {}).rows
    return {(str(r["g"]), str(r["s"]), str(r["p"]), r["o"].n3()) for r in rows}  # type: ignore[union-attr]


def _graph(quads: Quads, name: str) -> Quads:
    return {quad for quad in quads if quad[0] == name}


@dataclass(frozen=True)
class Run:
    """The held quads before and after the faulty run, its exit code and output."""

    url: str
    before: Quads
    after: Quads
    code: int
    out: str


@pytest.fixture(scope="module")
def server(territories: Territories) -> Iterator[LocalServer]:
    claiming = Graph()
    for triple in territories.graphs[FOYEN_IRI]:  # a new version of the Pays Foyen…
        claiming.add(triple)
    # … that also states a label on the Isle's chantier.
    claiming.add((URIRef(ISLE_IRI + "chantier/1.a"), RDFS.label, Literal("Chantier volé")))
    Faults.FILES = {
        GOOD: territories.perigueux_jsonld.read_bytes(),
        "isle-cassee.ttl": _broken(territories.graphs[ISLE_IRI]),
        "voleur.ttl": claiming.serialize(format="turtle", encoding="utf-8"),
    }
    with LocalServer(Faults) as running:
        yield running


@pytest.fixture(scope="module")
def run(
    territories: Territories, server: LocalServer, tmp_path_factory: pytest.TempPathFactory
) -> Run:
    folder = tmp_path_factory.mktemp("stockage") / "oxigraph"
    held = OxigraphStore(folder)
    sources = [territories.isle_xlsx, territories.foyen_trig]
    assert all(o.imported for o in import_sources(sources, held, Reading(validation="oxigraph")))
    before = _quads(held)
    del held
    gc.collect()  # Oxigraph opens a folder once per process: let it go for the command
    urls = [f"{server.url}/{name}" for name in [*FAULTS, GOOD]]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["importer", *urls, "--stockage", str(folder), *OPTIONS])
    gc.collect()
    after = _quads(OxigraphStore(folder))
    return Run(server.url, before, after, code, out.getvalue())


def _outcomes(out: str) -> dict[str, str]:
    """Each source's outcome in the output: its line and the indented lines under it."""
    found: dict[str, str] = {}
    source = ""
    for line in out.splitlines():
        if line.startswith(("✓ ", "✗ ")):
            source = line[2:].split(" : ", 1)[0]
            found[source] = line
        elif line.startswith("    ") and source:
            found[source] += "\n" + line
        else:
            source = ""
    return found


def test_the_command_exits_2_and_names_each_refusal(run: Run) -> None:
    assert run.code == 2, run.out
    assert "Bilan : 1 feuille(s) de route importée(s), 5 refusée(s), sur 6." in run.out
    outcomes = _outcomes(run.out)
    assert list(outcomes) == [f"{run.url}/{name}" for name in [*FAULTS, GOOD]]
    for name, words in FAULTS.items():
        url = f"{run.url}/{name}"
        said = outcomes[url]
        assert said.startswith(f"✗ {url} : REFUSÉE\n"), said
        assert words in said, said
        assert f"  refusée : {url} — " in run.out
    assert outcomes[f"{run.url}/{GOOD}"].startswith(
        f"✓ {run.url}/{GOOD} : feuille de route <{GRAND_PERIGUEUX_IRI}> importée"
    )


def test_the_held_territories_keep_every_triple(run: Run) -> None:
    for name in (ISLE_IRI, FOYEN_IRI):
        assert _graph(run.before, name), name
        assert _graph(run.after, name) == _graph(run.before, name), name
    assert {quad for quad in run.after if quad[0] != GRAND_PERIGUEUX_IRI} == run.before


def test_the_good_source_is_imported_whole(run: Run, territories: Territories) -> None:
    assert not _graph(run.before, GRAND_PERIGUEUX_IRI)
    assert len(_graph(run.after, GRAND_PERIGUEUX_IRI)) == len(
        territories.graphs[GRAND_PERIGUEUX_IRI]
    )
