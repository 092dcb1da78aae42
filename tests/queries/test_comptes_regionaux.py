"""Issue 11: national counts by région. The département → région link is in the data
(``fdr:region`` between national nodes, from the shipped reference data), so the query
joins on it. Expectations by hand on the three territories of ``territoires_essai`` (all
in the Dordogne, région 75 Nouvelle-Aquitaine) and on two small roadmaps whose territory
is a département (Gironde, 33 → 75) and a région (84, Auvergne-Rhône-Alpes)."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from feuille_de_route.graph.store import Store
from feuille_de_route.queries import run_query

from .territoires_essai import (
    AURA,
    GIRONDE,
    LEON,
    TH,
    small_roadmap,
    territories_store,
    three_territories,
)

GEO = "https://w3id.org/feuille-de-route/geo/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
IGEO_CODE = URIRef("http://rdf.insee.fr/def/geo#codeINSEE")


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    found = three_territories(tmp_path_factory.mktemp("classeurs"))
    found[GIRONDE] = small_roadmap(GIRONDE, "département", "33", "médiation numérique")
    found[AURA] = small_roadmap(AURA, "région", "84", "médiation numérique")
    return found


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> Store:
    return territories_store(request.param, graphs, tmp_path_factory.mktemp("oxigraph"))


def test_the_departement_node_carries_its_region(graphs: dict[str, Graph]) -> None:
    leon = graphs[LEON]
    departement = URIRef(GEO + "departement/24")
    assert (departement, URIRef(FDR + "region"), URIRef(GEO + "region/75")) in leon
    gironde = graphs[GIRONDE]
    assert (URIRef(GEO + "departement/33"), URIRef(FDR + "region"), URIRef(GEO + "region/75")) in (
        gironde
    )


def test_counts_by_region(store: Store) -> None:
    rows = run_query("comptes-regionaux", store)
    assert {r["regionCode"] for r in rows} == {"75", "84"}
    by_key = {(r["regionCode"], r["rubrique"], str(r["cle"])): r for r in rows}
    mediation = by_key[("75", "thème", TH + "mediation")]
    # Nouvelle-Aquitaine: the three Dordogne roadmaps (12 links on médiation, 5 operating,
    # see test_cross_territory) and the Gironde's, whose chantier has no link.
    assert (mediation["nbFeuillesDeRoute"], mediation["nbLiens"], mediation["nbOperants"]) == (
        4,
        12,
        5,
    )
    assert mediation["part"] == pytest.approx(0.417)
    aura = by_key[("84", "thème", TH + "mediation")]
    assert (aura["nbFeuillesDeRoute"], aura["nbLiens"], aura["nbOperants"], aura["part"]) == (
        1,
        0,
        0,
        None,
    )
    assert {r["rubrique"] for r in rows} == {"thème", "programme"}


def test_defis_by_region(store: Store) -> None:
    rows = run_query("defis-par-region", store)
    # The Grand Périgueux's 6 défis, one each for the four others; a small roadmap's
    # chantier has no link, so its share is empty.
    defis = {(r["regionCode"], str(r["defi"])): r for r in rows}
    assert len(rows) == len(defis) == 6 + 1 + 1 + 1 + 1
    aura = defis[("84", AURA + "defi/D1")]
    assert (aura["nbLiens"], aura["nbOperants"], aura["part"]) == (0, 0, None)
    assert ("75", GIRONDE + "defi/D1") in defis
    leon = defis[("75", LEON + "defi/D1")]
    assert (leon["nbLiens"], leon["nbOperants"]) == (3, 2)
    assert run_query("defis-par-region", store, region="84") == [aura]
    assert run_query("defis-par-region", store, region="11") == []


def test_region_defis_are_the_departement_defis_of_its_departements(store: Store) -> None:
    regions = run_query("defis-par-region", store, region="75")
    departements = run_query("defis-par-departement", store)
    assert {str(r["defi"]) for r in regions} == {str(r["defi"]) for r in departements}


def test_region_rows_add_up_the_departement_rows(store: Store) -> None:
    # Région 75 holds départements 24 and 33 here; no roadmap straddles them, so the
    # région's roadmap counts are the sum of its départements'.
    regions = run_query("comptes-regionaux", store, region=GEO + "region/75")
    departements = run_query("comptes-nationaux", store)
    summed: dict[tuple[str, str], int] = {}
    for row in departements:
        assert row["departementCode"] in ("24", "33")
        key = (str(row["rubrique"]), str(row["cle"]))
        summed[key] = summed.get(key, 0) + int(str(row["nbFeuillesDeRoute"]))
    assert {(str(r["rubrique"]), str(r["cle"])): r["nbFeuillesDeRoute"] for r in regions} == summed


def test_one_region_or_none(store: Store) -> None:
    only = run_query("comptes-regionaux", store, region=GEO + "region/84")
    assert {r["regionCode"] for r in only} == {"84"}
    assert run_query("comptes-regionaux", store, region=GEO + "region/11") == []
    assert run_query("comptes-regionaux", store, region="84") == only


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_code_a_source_claims_does_not_split_the_counts(
    engine: str, graphs: dict[str, Graph], tmp_path: Path
) -> None:
    # A source may say anything about a national node: here, that the Gironde and the
    # région 84 have other codes. The counts keep the codes of the national IRIs.
    claimed = dict(graphs)
    hostile = Graph()
    hostile += graphs[GIRONDE]
    hostile.add((URIRef(GEO + "departement/33"), IGEO_CODE, Literal("99")))
    hostile.add((URIRef(GEO + "region/84"), IGEO_CODE, Literal("98")))
    claimed[GIRONDE] = hostile
    store = territories_store(engine, claimed, tmp_path)
    assert {r["regionCode"] for r in run_query("comptes-regionaux", store)} == {"75", "84"}
    assert {r["regionCode"] for r in run_query("defis-par-region", store)} == {"75", "84"}
    codes = {r["departementCode"] for r in run_query("comptes-nationaux", store)}
    assert codes == {r["departementCode"] for r in run_query("defis-par-departement", store)}
    assert codes == {"24", "33"}
