"""Issue 11, « done when »: the three territories of ``tests/queries/territoires_essai.py``
taken in by one ``feuille-de-route importer`` run, each from another format — the Grand
Périgueux from its TriG export, the Pays de l'Été from its ``.xlsx``, Saint-Cernin from the
folder ``publier-site`` writes from its ``.ods`` — give the cross-territory answers worked
out by hand in ``tests/queries/test_cross_territory.py`` (its tests run here as they are,
on this module's ``store``, with two of ``tests/viz/test_comparaison_carte.py``): on the
Oxigraph store the command filled, on rdflib over the graphs read back from it, and the
same strings on Jena ARQ for every question of ``test_arq_cross_territory.ASKED``.

The same JVM also runs ``carte-comparaison(-siren)`` on the SIREN pair of
``tests/viz/test_comparaison_siren.py`` (two establishments of one legal unit)."""

from __future__ import annotations

import contextlib
import gc
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, load_roadmap
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.graph.store import OxigraphStore, Store
from feuille_de_route.graph.store._values import with_values
from feuille_de_route.queries import get_query

from ..queries import test_cross_territory as by_hand
from ..queries.territoires_essai import (
    ETE,
    GP,
    LEON,
    ete_rows,
    leon_rows,
    territories_store,
    three_sources,
)
from ..viz import test_comparaison_carte as on_map
from ..viz.test_comparaison_siren import siren_graphs
from .arq import Arq, Table
from .test_arq_cross_territory import ASKED, IDS, _bindings, _dataset, _table

pytestmark = pytest.mark.timeout(300)

DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
GRAPH_OF = "SELECT ?s ?p ?o WHERE { GRAPH ?_g { ?s ?p ?o } }"
# The SIREN pair's questions (the pair both ways round).
SIREN_ASKED: list[tuple[str, dict[str, object]]] = [
    ("carte-comparaison-siren", {"maFeuilleDeRoute": ETE, "autreFeuilleDeRoute": LEON}),
    ("carte-comparaison-siren", {"maFeuilleDeRoute": LEON, "autreFeuilleDeRoute": ETE}),
    ("carte-comparaison", {"maFeuilleDeRoute": ETE, "autreFeuilleDeRoute": LEON}),
]


@dataclass(frozen=True)
class Imported:
    """What one ``importer`` run left: its exit code and output, the Oxigraph store it
    filled (opened again once the command let it go), and each held roadmap's graph."""

    sources: list[Path]
    code: int
    out: str
    oxigraph: OxigraphStore
    graphs: dict[str, Graph]


def _held(store: Store, name: str) -> Graph:
    graph = Graph()
    for row in store.select(GRAPH_OF, {"_g": URIRef(name)}).rows:
        graph.add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return graph


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    sources = three_sources(tmp_path_factory.mktemp("sources"))
    folder = tmp_path_factory.mktemp("stockage") / "oxigraph"
    out = io.StringIO()
    arguments = ["importer", *map(str, sources), "--stockage", str(folder), "--silencieux"]
    with contextlib.redirect_stdout(out):
        code = main([*arguments, "--validation", "rapide"])
    gc.collect()  # the command's store let go: Oxigraph opens a folder once per process
    oxigraph = OxigraphStore(folder)
    graphs = {name: _held(oxigraph, name) for name in oxigraph.graph_names()}
    return Imported(sources, code, out.getvalue(), oxigraph, graphs)


@pytest.fixture(scope="module")
def stores(imported: Imported, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    """The store the command filled, and rdflib (the reference engine) over its graphs."""
    rdflib = territories_store("rdflib", imported.graphs, tmp_path_factory.mktemp("inutile"))
    return {"rdflib": rdflib, "oxigraph": imported.oxigraph}


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request: pytest.FixtureRequest, stores: dict[str, Store]) -> Store:
    return stores[request.param]


def test_one_run_takes_the_three_formats_in(imported: Imported) -> None:
    trig, xlsx, site = imported.sources
    assert (trig.suffix, xlsx.suffix, (site / "catalogue.ttl").is_file()) == (
        ".trig",
        ".xlsx",
        True,
    )
    assert imported.code == 0, imported.out
    assert "Bilan : 3 feuille(s) de route importée(s), 0 refusée(s), sur 3." in imported.out
    done = [line for line in imported.out.splitlines() if line.startswith("✓ ")]
    assert [line.split(" : feuille de route ")[0] for line in done] == [
        f"✓ {trig}",
        f"✓ {xlsx}",
        f"✓ {site} → Feuille de route de Saint-Cernin",
    ]
    assert imported.oxigraph.graph_names() == sorted([GP, ETE, LEON])


def _canonical(graph: Graph) -> Graph:
    """``graph`` with each decimal written in its canonical form, as Oxigraph keeps it
    (« 9.0 » comes back « 9 »: the same value)."""
    found = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=DECIMAL)
        found.add((s, p, o))
    return found


def test_each_held_roadmap_is_the_one_its_source_was_built_from(imported: Imported) -> None:
    built = {
        GP: load_roadmap(None),
        ETE: build_graph(Workbook.from_rows("ete.xlsx", ete_rows())),
        LEON: build_graph(Workbook.from_rows("leon.ods", leon_rows())),
    }
    for name, graph in built.items():
        assert isomorphic(_canonical(imported.graphs[name]), _canonical(graph)), name


# The hand-computed expectations, reused as they are (each runs on this module's store).
test_operating_elsewhere_known_here = by_hand.test_operating_elsewhere_known_here
test_operating_elsewhere_absent_here = by_hand.test_operating_elsewhere_absent_here
test_the_most_operating_elsewhere_come_first = by_hand.test_the_most_operating_elsewhere_come_first
test_the_ranking_groups_the_detail_rows = by_hand.test_the_ranking_groups_the_detail_rows
test_who_operates_one_programme = by_hand.test_who_operates_one_programme
test_chantiers_elsewhere_on_the_same_themes = by_hand.test_chantiers_elsewhere_on_the_same_themes
test_no_theme_of_mine_no_chantier = by_hand.test_no_theme_of_mine_no_chantier
test_side_by_side = by_hand.test_side_by_side
test_side_by_side_with_the_grand_perigueux = by_hand.test_side_by_side_with_the_grand_perigueux
test_counts_by_departement = by_hand.test_counts_by_departement
# And the comparison map's choice of territories and page, on the same store.
test_a_territory_by_iri_identifier_or_siren = on_map.test_a_territory_by_iri_identifier_or_siren
test_page_names_both_and_counts_what_they_share = (
    on_map.test_page_names_both_and_counts_what_they_share
)


Pair = tuple[dict[str, Graph], dict[str, Store]]


@pytest.fixture(scope="module")
def siren_pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The SIREN pair's graphs, and its stores on rdflib and Oxigraph."""
    graphs = siren_graphs()
    folder = tmp_path_factory.mktemp("siren")
    engines = ("rdflib", "oxigraph")
    return graphs, {e: territories_store(e, graphs, folder / e) for e in engines}


def _texts(asked: list[tuple[str, dict[str, object]]]) -> list[str]:
    return [with_values(get_query(n).text, _bindings(n, p)) for n, p in asked]


@pytest.fixture(scope="module")
def on_arq(
    arq: Arq, imported: Imported, siren_pair: Pair, tmp_path_factory: pytest.TempPathFactory
) -> list[list[Table]]:
    """ARQ's tables: the imported territories' questions, then the SIREN pair's."""
    folder = tmp_path_factory.mktemp("requetes")
    jobs: list[tuple[list[Path], list[str]]] = []
    for name, graphs, asked in (
        ("trois", imported.graphs, ASKED),
        ("siren", siren_pair[0], SIREN_ASKED),
    ):
        (folder / name).mkdir()
        jobs.append(([_dataset(graphs, folder / name)], _texts(asked)))
    return arq.select_many(jobs, folder)


def _same_strings(
    stores: dict[str, Store], arq_table: Table, name: str, params: dict[str, object]
) -> None:
    bindings = _bindings(name, params)
    text = get_query(name).text
    rdflib = _table(stores["rdflib"], text, bindings)
    assert rdflib[1], "aucune ligne : la comparaison ne prouverait rien"
    assert _table(stores["oxigraph"], text, bindings) == rdflib
    assert arq_table == rdflib


@pytest.mark.parametrize("index", range(len(ASKED)), ids=IDS)
def test_same_strings_on_the_imported_store(
    index: int, stores: dict[str, Store], on_arq: list[list[Table]]
) -> None:
    _same_strings(stores, on_arq[0][index], *ASKED[index])


@pytest.mark.parametrize("index", range(len(SIREN_ASKED)))
def test_same_strings_for_two_establishments_of_one_legal_unit(
    index: int, siren_pair: Pair, on_arq: list[list[Table]]
) -> None:
    _same_strings(siren_pair[1], on_arq[1][index], *SIREN_ASKED[index])
