"""Issue 11, item 2: the catalogue's questions across territories, on three roadmaps in
one store (rdflib and Oxigraph), each answer checked against expectations worked out by
hand from the rows of ``territoires_essai`` (and, for the Grand Périgueux, its CSV)."""

import pytest
from rdflib import Graph

from feuille_de_route.graph.store import Store
from feuille_de_route.ontology import validate
from feuille_de_route.queries import run_query

from .territoires_essai import (
    ETE,
    GP,
    LEON,
    PN,
    SHARED_SIRET,
    TH,
    territories_store,
    three_territories,
)

FDR = "https://w3id.org/feuille-de-route/ontologie#"


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> Store:
    return territories_store(request.param, graphs, tmp_path_factory.mktemp("oxigraph"))


def test_the_made_up_territories_conform(graphs: dict[str, Graph]) -> None:
    for name in (ETE, LEON):
        assert validate(graphs[name]).conforms, validate(graphs[name]).text()


ORG = "https://w3id.org/feuille-de-route/organisation/siret/"
# Saint-Cernin's France Services (SIRET 13000668000016), operating there.
LEON_FS = ORG + "13000668000016"


def _columns(
    store: Store, query: str, keys: tuple[str, ...], **params: object
) -> list[tuple[object, ...]]:
    """The rows of a catalogue query, each as the tuple of its ``keys``."""
    return [tuple(row[k] for k in keys) for row in run_query(query, store, **params)]


def _operant(store: Store, mine: str) -> list[tuple[object, ...]]:
    keys = ("programme", "chezMoi", "feuilleDeRoute", "nbRessources", "nbChantiers")
    return _columns(store, "operant-ailleurs", keys, maFeuilleDeRoute=mine)


def test_operating_elsewhere_known_here(store: Store) -> None:
    # Saint-Cernin's France Services is operating; the Pays de l'Été's is only known. The
    # organisation behind Saint-Cernin's (its SIRET) is not the Pays de l'Été's: absent.
    assert _operant(store, ETE) == [
        (PN + "france-services", "connue", LEON, 1, 1),
        (LEON_FS, "absente", LEON, 1, 1),
    ]
    # The Pays de l'Été's conseillères numériques operate; Saint-Cernin's is only known.
    # The partner both name by the same SIRET operates on both sides: no row.
    assert _operant(store, LEON) == [(PN + "conseillers-numeriques", "connue", ETE, 1, 1)]


def test_operating_elsewhere_absent_here(store: Store) -> None:
    # The Grand Périgueux names no national programme (its « programme national » cells
    # are empty) and none of the others' SIRET: all absent there, programmes first, then
    # organisations, each ordered by label (an organisation's: the other's name for it).
    assert _operant(store, GP) == [
        (PN + "conseillers-numeriques", "absente", ETE, 1, 1),
        (PN + "france-services", "absente", LEON, 1, 1),
        (ORG + SHARED_SIRET, "absente", ETE, 1, 1),
        (LEON_FS, "absente", LEON, 1, 1),
        (ORG + SHARED_SIRET, "absente", LEON, 1, 1),
    ]
    rows = run_query("operant-ailleurs", store, maFeuilleDeRoute=GP)
    assert [(r["programmeLabel"], r["nature"]) for r in rows] == [
        ("Conseillers numériques", "programme"),
        ("France Services", "programme"),
        ("Association Ça Clique", "organisation"),
        ("France Services de Saint-Cernin", "organisation"),
        ("Ça Clique (antenne)", "organisation"),
    ]


def _ranked(store: Store, mine: str) -> list[tuple[object, ...]]:
    keys = ("programme", "programmeLabel", "chezMoi", "nbFeuillesDeRoute", "nbChantiers")
    return _columns(store, "operant-ailleurs-classement", keys, maFeuilleDeRoute=mine)


def test_the_most_operating_elsewhere_come_first(store: Store) -> None:
    # For the Grand Périgueux: the partner both others name by the same SIRET operates
    # in two roadmaps (one chantier each), first; then programmes before organisations,
    # by label. Its label is the smaller of the two names the others give it.
    assert _ranked(store, GP) == [
        (ORG + SHARED_SIRET, "Association Ça Clique", "absente", 2, 2),
        (PN + "conseillers-numeriques", "Conseillers numériques", "absente", 1, 1),
        (PN + "france-services", "France Services", "absente", 1, 1),
        (LEON_FS, "France Services de Saint-Cernin", "absente", 1, 1),
    ]
    # Where it operates for me too, no row; where my resource is only known, « connue ».
    assert _ranked(store, ETE) == [
        (PN + "france-services", "France Services", "connue", 1, 1),
        (LEON_FS, "France Services de Saint-Cernin", "absente", 1, 1),
    ]
    assert _ranked(store, LEON) == [
        (PN + "conseillers-numeriques", "Conseillers numériques", "connue", 1, 1)
    ]


def _count(value: object) -> int:
    assert isinstance(value, int), value
    return value


def test_the_ranking_groups_the_detail_rows(store: Store) -> None:
    # Two computations of the same answer: the ranking's counts are those of the detail
    # rows (one per other roadmap) of each programme or organisation, for each territory.
    for mine in (GP, ETE, LEON, "https://example.org/territoires/absente/"):
        detail: dict[object, list[int]] = {}
        for row in run_query("operant-ailleurs", store, maFeuilleDeRoute=mine):
            counts = detail.setdefault((row["programme"], row["chezMoi"]), [0, 0])
            counts[0] += 1
            counts[1] += _count(row["nbChantiers"])
        ranked = {
            (row["programme"], row["chezMoi"]): [
                _count(row["nbFeuillesDeRoute"]),
                _count(row["nbChantiers"]),
            ]
            for row in run_query("operant-ailleurs-classement", store, maFeuilleDeRoute=mine)
        }
        assert ranked == detail and ranked, mine


def test_who_operates_one_programme(store: Store) -> None:
    # « Qui mobilise déjà France Services de façon opérante ? » Saint-Cernin, for the Grand
    # Périgueux (absent there) and the Pays de l'Été (known there); nobody for
    # Saint-Cernin itself. Given as a table shows it, or in full.
    def asked(mine: str, programme: str) -> list[tuple[object, ...]]:
        keys = ("programme", "chezMoi", "feuilleDeRoute")
        return _columns(store, "operant-ailleurs", keys, maFeuilleDeRoute=mine, programme=programme)

    assert asked(GP, "pn:france-services") == [(PN + "france-services", "absente", LEON)]
    assert asked(ETE, PN + "france-services") == [(PN + "france-services", "connue", LEON)]
    assert asked(LEON, "pn:france-services") == []
    # The partner named by the same SIRET on both sides: operating for both, so none for
    # either; for the Grand Périgueux, both.
    assert asked(ETE, ORG + SHARED_SIRET) == []
    assert {r[2] for r in asked(GP, ORG + SHARED_SIRET)} == {ETE, LEON}


def test_one_programme_gives_its_rows_of_the_whole_answer(store: Store) -> None:
    # The parameter only narrows: each programme's rows are those of the answer without it.
    for mine in (GP, ETE):
        every = run_query("operant-ailleurs", store, maFeuilleDeRoute=mine)
        for programme in {str(row["programme"]) for row in every}:
            narrowed = run_query(
                "operant-ailleurs", store, maFeuilleDeRoute=mine, programme=programme
            )
            assert narrowed == [r for r in every if str(r["programme"]) == programme]


def _same_themes(store: Store, mine: str) -> set[tuple[str, str, str, bool]]:
    rows = run_query("chantiers-memes-themes", store, maFeuilleDeRoute=mine)
    return {
        (
            str(row["theme"]).removeprefix(TH),
            str(row["feuilleDeRoute"]),
            str(row["chantierId"]),
            row["hypothese"] is not None,
        )
        for row in rows
    }


def test_chantiers_elsewhere_on_the_same_themes(store: Store) -> None:
    # Saint-Cernin: médiation (b1) and gouvernance (b2). Elsewhere: the Pays de l'Été's
    # é1 (written), the Grand Périgueux's 2.b, 3.a, 3.b (proposed from « médiation »…),
    # its 6 (written in its CSV) and 1.a (proposed from « groupements de commande »).
    assert _same_themes(store, LEON) == {
        ("mediation", ETE, "é1", False),
        ("mediation", GP, "2.b", True),
        ("mediation", GP, "3.a", True),
        ("mediation", GP, "3.b", True),
        ("gouvernance", GP, "6", False),
        ("gouvernance", GP, "1.a", True),
    }


def test_chantiers_on_the_same_themes_in_one_other_territory(store: Store) -> None:
    rows = run_query(
        "chantiers-memes-themes", store, maFeuilleDeRoute=LEON, autreFeuilleDeRoute=ETE
    )
    assert [(str(r["feuilleDeRoute"]), str(r["chantierId"])) for r in rows] == [(ETE, "é1")]


def test_territories_on_the_same_themes(store: Store) -> None:
    # From the chantiers above: the Grand Périgueux carries both of Saint-Cernin's themes
    # (médiation: 3 chantiers, gouvernance: 2), the Pays de l'Été one (médiation: é1).
    rows = run_query("territoires-memes-themes", store, maFeuilleDeRoute=LEON)
    assert [
        (str(r["feuilleDeRoute"]), r["nbThemesCommuns"], r["sommeChantiersParTheme"]) for r in rows
    ] == [(GP, 2, 5), (ETE, 1, 1)]
    assert run_query("territoires-memes-themes", store, maFeuilleDeRoute=ETE + "x") == []


def test_no_theme_of_mine_no_chantier(store: Store) -> None:
    assert _same_themes(store, "https://example.org/territoires/absente/") == set()


def test_side_by_side(store: Store) -> None:
    rows = run_query("comparaison", store, maFeuilleDeRoute=ETE, autreFeuilleDeRoute=LEON)
    table = {(r["rubrique"], str(r["cle"])): (r["nbMien"], r["nbAutre"], r["commun"]) for r in rows}
    assert table == {
        ("enjeux", FDR + "Enjeu"): (1, 1, True),
        ("défis", FDR + "Defi"): (1, 1, True),
        ("chantiers", FDR + "Chantier"): (2, 2, True),
        ("ressources", FDR + "Ressource"): (3, 3, True),
        ("liens par statut", FDR + "operante"): (2, 2, True),
        ("liens par statut", FDR + "connueSansLien"): (1, 1, True),
        ("programmes nationaux", PN + "conseillers-numeriques"): (1, 1, True),
        ("programmes nationaux", PN + "france-services"): (1, 1, True),
        # é2 « Former les agents » gets « compétences numériques » by proposal.
        ("thèmes", TH + "competences"): (1, 0, False),
        ("thèmes", TH + "mediation"): (1, 1, True),
        ("thèmes", TH + "publics"): (1, 0, False),
        ("thèmes", TH + "gouvernance"): (0, 1, False),
        ("partenaires communs (SIRET)", SHARED_SIRET): (1, 1, True),
    }
    ranks = [int(str(r["rang"])) for r in rows]
    assert ranks == sorted(ranks)
    partner = next(r for r in rows if r["cle"] == SHARED_SIRET)
    assert partner["libelle"] == "Association Ça Clique"


def test_side_by_side_with_the_grand_perigueux(store: Store) -> None:
    rows = run_query("comparaison", store, maFeuilleDeRoute=GP, autreFeuilleDeRoute=LEON)
    counts = {r["rubrique"]: (r["nbMien"], r["nbAutre"]) for r in rows if int(str(r["rang"])) <= 4}
    # The Grand Périgueux's CSV: 4 enjeux, 6 défis, 10 chantiers, 21 resources.
    assert counts == {
        "enjeux": (4, 1),
        "défis": (6, 1),
        "chantiers": (10, 2),
        "ressources": (21, 3),
    }
    statuses = {r["libelle"]: (r["nbMien"], r["nbAutre"]) for r in rows if r["rang"] == 5}
    assert statuses == {"opérante": (7, 2), "connue, sans lien": (16, 1)}
    assert not [r for r in rows if r["rubrique"] == "partenaires communs (SIRET)"]


def test_counts_by_departement(store: Store) -> None:
    rows = run_query("comptes-nationaux", store)
    assert {r["departementCode"] for r in rows} == {"24"}
    by_key = {(r["rubrique"], str(r["cle"])): r for r in rows}
    mediation = by_key[("thème", TH + "mediation")]
    # Roadmaps: all three. Links of chantiers on médiation: the Grand Périgueux's 2.b (1),
    # 3.a (3) and 3.b (4) — 3 operating —, é1 (2, 1 operating), b1 (2, 1 operating).
    assert (mediation["nbFeuillesDeRoute"], mediation["nbLiens"], mediation["nbOperants"]) == (
        3,
        12,
        5,
    )
    assert mediation["part"] == pytest.approx(0.417)
    gouvernance = by_key[("thème", TH + "gouvernance")]
    assert gouvernance["nbFeuillesDeRoute"] == 2
    for programme in ("conseillers-numeriques", "france-services"):
        row = by_key[("programme", PN + programme)]
        assert (row["nbFeuillesDeRoute"], row["nbLiens"], row["nbOperants"]) == (2, 2, 1)
        assert row["part"] == pytest.approx(0.5)
    # Défis are each roadmap's own: their shares are defis-par-departement's rows.
    assert {r["rubrique"] for r in rows} == {"thème", "programme"}
    assert (
        run_query(
            "comptes-nationaux",
            store,
            departement="https://w3id.org/feuille-de-route/geo/departement/33",
        )
        == []
    )
    only_24 = run_query(
        "comptes-nationaux",
        store,
        departement="https://w3id.org/feuille-de-route/geo/departement/24",
    )
    assert only_24 == rows
    # The code alone: the header's template makes the same IRI of it.
    assert run_query("comptes-nationaux", store, departement="24") == rows


def test_defis_by_departement(store: Store) -> None:
    rows = run_query("defis-par-departement", store)
    assert {r["departementCode"] for r in rows} == {"24"}
    by_defi = {str(r["defi"]): r for r in rows}
    assert len(rows) == len(by_defi) == 6 + 1 + 1
    # Léon's D1: b1 (France Services operating, conseiller numérique known) and b2 (the
    # clique, operating); the Été's D1: é1 (operating, known) and é2 (operating).
    for roadmap, label in ((LEON, "Médiation de proximité"), (ETE, "Accompagner")):
        row = by_defi[roadmap + "defi/D1"]
        assert str(row["feuilleDeRoute"]) == roadmap and row["libelle"] == label
        assert (row["nbLiens"], row["nbOperants"], row["part"]) == (3, 2, pytest.approx(0.667))
    assert {str(r["feuilleDeRoute"]) for r in rows} == {GP, ETE, LEON}
    assert run_query("defis-par-departement", store, departement="33") == []
    assert run_query("defis-par-departement", store, departement="24") == rows


def test_each_defi_s_share_is_the_one_read_from_its_roadmap(store: Store) -> None:
    # Two computations: the synthèse's défi lines (made on import) and the links of each
    # défi's chantiers read in the roadmap itself (part-operante-par-defi).
    national = {
        str(r["defi"]): (r["libelle"], r["nbLiens"], r["nbOperants"], r["part"])
        for r in run_query("defis-par-departement", store)
    }
    read: dict[str, tuple[object, ...]] = {}
    for roadmap in (GP, ETE, LEON):
        for r in run_query("part-operante-par-defi", store, feuilleDeRoute=roadmap):
            read[str(r["defi"])] = (r["defiLabel"], r["nbLiens"], r["nbOperants"], r["part"])
    assert national == read
