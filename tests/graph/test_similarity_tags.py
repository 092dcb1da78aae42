"""``roadmap_tags``: what each stored roadmap is about, read from its synthèse, by the
SIREN of its EPCI; the same on rdflib, Oxigraph in memory and Oxigraph on disk."""

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from feuille_de_route.graph import Tags, roadmap_tags
from feuille_de_route.graph.store import MemoryStore, Store
from feuille_de_route.ontology import FDR

from ..queries.territoires_essai import ETE, territories_store, three_territories

# By hand from the workbooks of tests/queries/territoires_essai.py: the Été tags
# « médiation numérique | publics » and its « Former les agents » gets « compétences
# numériques » proposed from its words; Saint-Cernin is a commune of the EPCI 200040889.
EXPECTED = {
    "200040095": (
        ["compétences numériques", "médiation numérique", "publics"],
        ["Conseillers numériques", "France Services"],
    ),
    "200040889": (
        ["gouvernance et coopération", "médiation numérique"],
        ["Conseillers numériques", "France Services"],
    ),
}
GP_EPCI = "200040392"


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    """The three territories; Été's graph also holds a theme line whose key is a text,
    which is not a theme and is left out."""
    found = three_territories(tmp_path_factory.mktemp("classeurs"))
    line = URIRef(f"{ETE}synthese/theme/texte")
    found[ETE].add((line, RDF.type, FDR.SyntheseTheme))
    found[ETE].add((line, FDR.syntheseDe, URIRef(ETE)))
    found[ETE].add((line, FDR.cle, Literal("médiation numérique")))
    return found


def _summary(tags: dict[str, Tags]) -> dict[str, tuple[list[str], list[str]]]:
    return {s: (sorted(t.themes.values()), sorted(t.programmes.values())) for s, t in tags.items()}


@pytest.mark.parametrize("where", ["rdflib", "oxigraph-en-memoire", "oxigraph"])
def test_each_epci_gets_its_roadmap_s_themes_and_programmes_with_labels(
    where: str, graphs: dict[str, Graph], tmp_path: Path
) -> None:
    store: Store
    if where == "oxigraph-en-memoire":
        store = MemoryStore(sum(graphs.values(), Graph()))
    else:  # rdflib's union in memory, or Oxigraph on disk
        store = territories_store(where, graphs, tmp_path / "s")
    found = _summary(roadmap_tags(store))
    store.close()
    assert set(found) == {*EXPECTED, GP_EPCI}
    assert {s: found[s] for s in EXPECTED} == EXPECTED
    themes, programmes = found[GP_EPCI]
    assert len(themes) == 10 and "numérique responsable" in themes and programmes == []
