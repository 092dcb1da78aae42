"""What changed between two versions of a roadmap (``queries.compare_stores``), computed
from catalogue answers: the Grand Périgueux and a version 2 edited from a copy of its
workbook (tests/versions_v2.py), expectations written by hand."""

import json

import pytest
from rdflib import Graph

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import (
    CHANGE_KEYS,
    Change,
    ComparedRoadmap,
    changes_between,
    changes_json,
    changes_text,
    compare_stores,
)

from ..versions_v2 import NEW_DEFI, RENAMED, v2_workbook

GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
TITLE = "Feuille de route territoriale d'inclusion numérique du Grand Périgueux"
OLD_2A = "Animer une campagne de communication sur l'inclusion numérique"
ACTION_1A3 = "Créer un livret d'accueil intégrant un volet sur les usages numériques"
ACTION_1A4 = (
    "Sensibiliser les agents et élus aux écogestes, la cybersécurité (exp : formation télétravail)"
)
CENTRES = "Centres sociaux/Espaces Vie sociale"
V1 = ComparedRoadmap("etape5", GP, TITLE)
V2 = ComparedRoadmap("etape6", GP, TITLE)

EXPECTED_TEXT = f"""V1 : etape5 — « {TITLE} » <{GP}>
V2 : etape6 — « {TITLE} » <{GP}>

5 changements de V1 à V2 :

Défis (1)
  + défi 7 « {NEW_DEFI} » ajouté

Chantiers (1)
  ~ chantier 2.a renommé : « {OLD_2A} » → « {RENAMED} »

Actions (2)
  − action 1.a.4 « {ACTION_1A4} » supprimée
  ~ action 1.a.9 « {ACTION_1A3} » : identifiant changé, 1.a.3 → 1.a.9

Liens entre chantiers et ressources (1)
  ~ chantier 1.b → ressource « {CENTRES} » : statut changé, « connue, sans lien » → « opérante »
"""


@pytest.fixture(scope="module")
def v2_store(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    return MemoryStore(load_roadmap(v2_workbook(tmp_path_factory)))


@pytest.fixture(scope="module")
def changes(gp_store: MemoryStore, v2_store: MemoryStore) -> list[Change]:
    return compare_stores(gp_store, v2_store)


def test_text_says_each_change_in_french(changes: list[Change]) -> None:
    assert changes_text(changes, V1, V2) == EXPECTED_TEXT


def _null(**given: object) -> dict[str, object]:
    return {key: given.get(key) for key in CHANGE_KEYS}


def test_json_has_stable_keys_and_hand_computed_values(changes: list[Change]) -> None:
    got = json.loads(json.dumps(changes_json(changes, V1, V2)))
    assert got["v1"] == {"source": "etape5", "feuilleDeRoute": GP, "titre": TITLE}
    assert got["nombre"] == 5
    assert [list(c) for c in got["changements"]] == [list(CHANGE_KEYS)] * 5
    assert got["changements"] == [
        _null(element="defi", changement="ajoute", identifiant="7", libelle=NEW_DEFI,
              iri=f"{GP}defi/7"),
        _null(element="chantier", changement="renomme", identifiant="2.a", libelle=RENAMED,
              iri=f"{GP}chantier/2.a", ancienIdentifiant="2.a", ancienLibelle=OLD_2A,
              ancienIri=f"{GP}chantier/2.a"),
        _null(element="action", changement="supprime", identifiant="1.a.4", libelle=ACTION_1A4,
              iri=f"{GP}action/1.a.4"),
        _null(element="action", changement="identifiant", identifiant="1.a.9",
              libelle=ACTION_1A3, iri=f"{GP}action/1.a.9", ancienIdentifiant="1.a.3",
              ancienLibelle=ACTION_1A3, ancienIri=f"{GP}action/1.a.3"),
        _null(element="lien", changement="statut", identifiant="1.b",
              libelle="Développer des actions à destination des jeunes (3 à 14 ans)",
              iri=f"{GP}chantier/1.b", ressourceIdentifiant="centres-sociaux",
              ressourceLibelle=CENTRES, ressourceIri=f"{GP}ressource/centres-sociaux",
              statut="https://w3id.org/feuille-de-route/ontologie#operante",
              statutLibelle="opérante",
              ancienStatut="https://w3id.org/feuille-de-route/ontologie#connueSansLien",
              ancienStatutLibelle="connue, sans lien"),
    ]  # fmt: skip


def test_reverse_comparison_mirrors_each_change(
    gp_store: MemoryStore, v2_store: MemoryStore
) -> None:
    back = compare_stores(v2_store, gp_store)
    assert [(c.element, c.change, c.ident) for c in back] == [
        ("defi", "supprime", "7"),
        ("chantier", "renomme", "2.a"),
        ("action", "ajoute", "1.a.4"),
        ("action", "identifiant", "1.a.3"),
        ("lien", "statut", "1.b"),
    ]
    assert back[-1].old_status_label == "opérante"
    assert back[-1].status_label == "connue, sans lien"


def test_same_version_has_no_change(gp_store: MemoryStore, gp_graph: Graph) -> None:
    assert compare_stores(gp_store, MemoryStore(gp_graph)) == []
    assert changes_text([], V1, V2).endswith(
        "\nAucun changement : mêmes enjeux, défis, chantiers, actions, ressources et statuts "
        "des liens.\n"
    )


def _tree(*chantiers: tuple[str, str, str]) -> list[dict[str, object]]:
    return [
        {"enjeu": "e1", "enjeuId": "1", "enjeuLabel": "E", "defi": f"d{d}", "defiId": d,
         "defiLabel": f"D{d}", "chantier": f"c{c}" if c else None, "chantierId": c or None,
         "chantierLabel": label or None}
        for c, d, label in chantiers
    ]  # fmt: skip


def _link(chantier: str, resource: str, status: str) -> dict[str, object]:
    return {"chantier": f"c{chantier}", "chantierId": chantier, "chantierLabel": chantier,
            "ressource": f"r{resource}", "ressourceId": resource, "ressourceLabel": resource,
            "statut": status, "statutLabel": status.upper()}  # fmt: skip


def _answers(
    tree: list[dict[str, object]], links: list[dict[str, object]]
) -> dict[str, list[dict[str, object]]]:
    resources: list[dict[str, object]] = [
        {"ressource": f"r{r}", "ressourceId": r, "ressourceLabel": r}
        for r in sorted({str(link["ressourceId"]) for link in links})
    ]
    return {"arbre": tree, "actions": [], "ressources": resources, "mobilisations": links}


def test_moved_chantier_and_links_through_a_changed_id() -> None:
    before = _answers(
        _tree(("1.a", "1", "Former"), ("2.a", "2", "Informer")),
        [_link("1.a", "x", "op"), _link("2.a", "x", "cn"), _link("2.a", "y", "cn")],
    )
    after = _answers(
        _tree(("1.a", "2", "Former"), ("2.c", "2", "informer "), ("", "1", "")),
        [_link("1.a", "x", "op"), _link("2.c", "x", "op"), _link("1.a", "z", "cn")],
    )
    found = [
        (c.element, c.change, c.ident, c.old_ident, c.parent, c.old_parent,
         c.resource_ident, c.old_status_label, c.status_label)
        for c in changes_between(before, after)
    ]  # fmt: skip
    assert found == [
        ("chantier", "identifiant", "2.c", "2.a", None, None, None, None, None),
        ("chantier", "deplace", "1.a", "1.a", "2", "1", None, None, None),
        ("ressource", "ajoute", "z", None, None, None, None, None, None),
        ("ressource", "supprime", "y", None, None, None, None, None, None),
        ("lien", "ajoute", "1.a", None, None, None, "z", None, "CN"),
        ("lien", "supprime", "2.a", None, None, None, "y", "CN", None),
        ("lien", "statut", "2.c", None, None, None, "x", "CN", "OP"),
    ]


def test_an_id_taken_by_another_title_is_a_rename_not_a_swap() -> None:
    before = _answers(_tree(("1", "1", "A"), ("2", "1", "B")), [])
    after = _answers(_tree(("1", "1", "B"), ("3", "1", "C")), [])
    found = [(c.element, c.change, c.ident, c.label) for c in changes_between(before, after)]
    assert found == [
        ("chantier", "ajoute", "3", "C"),
        ("chantier", "supprime", "2", "B"),
        ("chantier", "renomme", "1", "B"),
    ]
