"""Fixtures of the cartography tests: query rows shaped as the catalogue returns them,
an RDF graph with the contract's IRIs, and one shared headless Chromium."""

import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from feuille_de_route.viz import Results, results_from_rows
from feuille_de_route.viz._document_pdf import CHROMIUM_ARGS

BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
# Debian's Chromium, as its old headless shell when installed (`.ci/run` installs it): the
# same Blink without the full browser's windowing: a navigation takes 50 ms instead of
# 84 ms here, and the browser tests 130 s instead of 227 s.
CHROMIUMS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
ARTEFACTS = Path(__file__).resolve().parent.parent / "artefacts"

TYPES = {
    "partenaire": ("PartenaireDeProjet", "partenaire de projet"),
    "materielle": ("RessourceMaterielle", "ressource matérielle"),
    "intervenant": ("Intervenant", "intervenant"),
    "financement": ("Financement", "financement"),
}
STATUTS = {"op": ("operante", "opérante"), "cn": ("connueSansLien", "connue, sans lien")}

# The seed's fiche 1.b: (id, name, kind, status for 1.b or None, other chantiers).
RESSOURCES_1B = [
    ("centres-sociaux", "Centres sociaux/Espaces Vie sociale", "partenaire", "op", ["3.a"]),
    ("cnfs", "Réseau local CnFS", "partenaire", "cn", ["2.b", "3.a"]),
    ("communes-alsh", "Communes (périscolaire, ALSH)", "partenaire", "op", []),
    ("tiers-lieux", "Réseau local tiers-lieux", "partenaire", "cn", ["5"]),
    ("robotique", "Robotique, informatique, outils numériques", "materielle", "cn", []),
    ("animateurs-alsh", "Animateurs ALSH formés et/ou en formation", "intervenant", "op", []),
    ("conseillers", "Conseillers numériques", "intervenant", "op", ["3.a", "3.b"]),
    ("bus", "Animateurs Bus numérique Grand Périgueux", "intervenant", "cn", ["3.a"]),
    ("fablab", "Fab Lab du territoire/tiers-lieux", "intervenant", "cn", []),
    ("caf", "Partenaires sociaux (CAF...)", "financement", "op", []),
    ("competences", "Contribution en compétences et/ou en matériel", "financement", "cn", []),
    ("recycleurs", "Filières locales de recyclage", "partenaire", None, ["4.a"]),
]

ENJEUX = {"1": "Accompagner la population", "2": "Réduire les inégalités sociales"}
DEFIS = {
    "1": ("Développer des formations pour renforcer les compétences numériques", ["1"]),
    "2": ("Connaître et faire connaître l'offre de médiation numérique", ["1", "2"]),
    "3": ("Promouvoir des services de médiation numérique mobiles", ["2"]),
    "4": ("S'engager pour un numérique plus responsable", ["1"]),
    "5": ("Accompagner les acteurs de l'économie", ["1"]),
}
CHANTIERS = {
    "1.a": ("1", "Sensibiliser et former les agents et élus"),
    "1.b": ("1", "Développer des actions à destination des jeunes (3 à 14 ans)"),
    "2.b": ("2", "Construire un outil d'identification des services de médiation"),
    "3.a": ("3", "Soutenir des projets de médiation numérique"),
    "3.b": ("3", "Développer des services de médiation numérique à domicile"),
    "4.a": ("4", "Valoriser les outils informatiques par le recyclage"),
    "5": ("5", "Accompagner les acteurs de l'économie dans la transition numérique"),
}


def iri(kind: str, ident: str) -> str:
    from urllib.parse import quote

    return f"{BASE}{kind}/{quote(ident, safe='')}"


def sample_results(hypothese_on: str = "bus", payload: str = "") -> Results:
    """Rows for a small Grand Périgueux: every query the views read.

    ``payload`` is appended to every text field, to check escaping.
    """
    p = payload
    arbre: list[dict[str, object]] = []
    for cid, (did, clabel) in CHANTIERS.items():
        dlabel, enjeux = DEFIS[did]
        for eid in enjeux:
            arbre.append(
                {
                    "enjeu": iri("enjeu", eid),
                    "enjeuId": eid,
                    "enjeuLabel": ENJEUX[eid] + p,
                    "defi": iri("defi", did),
                    "defiId": did,
                    "defiLabel": dlabel + p,
                    "chantier": iri("chantier", cid),
                    "chantierId": cid,
                    "chantierLabel": clabel + p,
                    "nbActions": 2,
                }
            )
    actions = [
        {
            "chantier": iri("chantier", cid),
            "chantierId": cid,
            "action": iri("action", f"{cid}-{i}"),
            "actionId": f"{cid}-{i}",
            "actionLabel": f"Action {i} du chantier {cid}{p}",
        }
        for cid in CHANTIERS
        for i in (1, 2)
    ]
    mobilisations = []
    for rid, name, kind, status, others in RESSOURCES_1B:
        links = ([("1.b", status)] if status else []) + [(c, "op") for c in others]
        for cid, st in links:
            cls, type_label = TYPES[kind]
            concept, status_label = STATUTS[st]
            mobilisations.append(
                {
                    "mobilisation": f"{BASE}mobilisation/{cid}/{rid}",
                    "chantier": iri("chantier", cid),
                    "chantierId": cid,
                    "chantierLabel": CHANTIERS[cid][1] + p,
                    "ressource": iri("ressource", rid),
                    "ressourceId": rid,
                    "ressourceLabel": name + p,
                    "type": FDR + cls,
                    "typeLabel": type_label,
                    "statut": FDR + concept,
                    "statutLabel": status_label,
                    "depuis": None,
                    "hypothese": (
                        f"Statut supposé : la fiche ne le dit pas.{p}"
                        if rid == hypothese_on and cid == "1.b"
                        else None
                    ),
                }
            )
    coordination: list[dict[str, object]] = [
        {
            "objet": iri("defi", "1"),
            "objetId": "1",
            "objetLabel": DEFIS["1"][0] + p,
            "service": iri("service", "alsh"),
            "serviceLabel": "Solidarité et services (ALSH)" + p,
            "role": FDR + "pilote",
            "roleLabel": "pilote",
            "hypothese": None,
        },
        {
            "objet": iri("chantier", "3.a"),
            "objetId": "3.a",
            "objetLabel": CHANTIERS["3.a"][1] + p,
            "service": iri("service", "cohesion"),
            "serviceLabel": "Cohésion territoriale" + p,
            "role": FDR + "pilote",
            "roleLabel": "pilote",
            "hypothese": "Rôle supposé au niveau du chantier." + p,
        },
    ]
    fiche: list[dict[str, object]] = [
        {
            "rubrique": "description",
            "texte": "Les jeunes sont une part de la population à cibler." + p,
        },
        {"rubrique": "critere", "texte": "Si on arrive à former les équipes pédagogiques ALSH" + p},
        {"rubrique": "frein", "texte": "Bénéficier de moyens techniques suffisants" + p},
        {
            "rubrique": "gouvernance",
            "texte": "en lien avec le chantier CTG" + p,
            "acteur": iri("service", "enfance"),
            "acteurType": FDR + "Service",
            "acteurLabel": "Service enfance" + p,
            "role": FDR + "pilote",
            "roleLabel": "pilote",
        },
        {
            "rubrique": "gouvernance",
            "texte": None,
            "acteur": iri("acteur", "francas"),
            "acteurType": FDR + "Acteur",
            "acteurLabel": "Associations (Francas, Ligue de l'enseignement)" + p,
            "role": FDR + "associe",
            "roleLabel": "associé",
        },
        {
            "rubrique": "gouvernance",
            "texte": None,
            "acteur": iri("ressource", "conseillers"),
            "acteurType": FDR + "Ressource",
            "acteurLabel": "Conseillers numériques" + p,
            "role": FDR + "associe",
            "roleLabel": "associé",
        },
    ]
    operating = {r["chantierId"] for r in mobilisations if str(r["statut"]).endswith("operante")}
    sans = [
        {"chantier": iri("chantier", c), "chantierId": c, "chantierLabel": label + p}
        for c, (_, label) in CHANTIERS.items()
        if c not in operating
    ]
    a_activer = [
        {
            "chantier": r["chantier"],
            "chantierId": r["chantierId"],
            "ressource": r["ressource"],
            "ressourceLabel": r["ressourceLabel"],
            "typeLabel": r["typeLabel"],
        }
        for r in mobilisations
        if str(r["statut"]).endswith("connueSansLien")
    ]
    counts: dict[str, int] = {}
    for r in mobilisations:
        counts[str(r["ressource"])] = counts.get(str(r["ressource"]), 0) + 1
    labels = {str(r["ressource"]): r["ressourceLabel"] for r in mobilisations}
    types = {str(r["ressource"]): r["typeLabel"] for r in mobilisations}
    partagees = [
        {"ressource": k, "ressourceLabel": labels[k], "typeLabel": types[k], "nbChantiers": n}
        for k, n in counts.items()
        if n >= 2
    ]
    rows: dict[str, Sequence[Mapping[str, object]]] = {
        "arbre": arbre,
        "actions": actions,
        "mobilisations": mobilisations,
        "coordination": coordination,
        "fiche-chantier": fiche,
        "chantiers-sans-ressource-operante": sans,
        "ressources-a-activer": a_activer,
        "ressources-partagees": partagees,
    }
    return results_from_rows(rows)


@pytest.fixture
def results() -> Results:
    return sample_results()


def _chromium() -> Path | None:
    """Debian's path first; else either program found on the PATH (as before the shell)."""
    found = [path for path in CHROMIUMS if path.exists()]
    found += [Path(p) for p in map(shutil.which, (c.name for c in CHROMIUMS)) if p]
    return found[0] if found else None


def _browser_missing_reason() -> str | None:
    if _chromium() is None:
        return f"Chromium introuvable ({CHROMIUMS[1]}) : tests dans le navigateur non exécutés"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) n'est pas installé : tests dans le navigateur non exécutés"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's, never a downloaded one).

    Without a browser the tests fail under CI (``CI=true``) and are skipped elsewhere.
    """
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(_chromium()), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS


PAYLOAD = (
    '"><img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>'
    "<!-- \u2028\u2029 <b>gras</b> {{ 7*7 }} &amp;"
)
_TEXT_COLUMNS = {"intitulé", "nom", "description", "note", "hypothèse", "titre"}


@pytest.fixture(scope="session")
def gp_store() -> Any:
    """The embedded Grand Périgueux roadmap in a memory store."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore

    return MemoryStore(load_roadmap(None))


@pytest.fixture(scope="session")
def gp_pages(gp_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every cartography page of the Grand Périgueux, written once per session."""
    from feuille_de_route.viz import write_cartographies

    folder = tmp_path_factory.mktemp("cartes-gp")
    write_cartographies(gp_store, folder)
    return folder


@pytest.fixture(scope="session")
def payload_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Grand Périgueux workbook with ``PAYLOAD`` appended to every text cell."""
    import csv

    from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap
    from feuille_de_route.graph.store import MemoryStore

    folder = tmp_path_factory.mktemp("classeur-piege")
    for source in GRAND_PERIGUEUX.glob("*.csv"):
        with source.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            fields = list(rows[0].keys()) if rows else []
        if not fields:
            shutil.copy(source, folder / source.name)
            continue
        for row in rows:
            for column in fields:
                if column in _TEXT_COLUMNS and (row[column] or column == "hypothèse"):
                    row[column] = (row[column] or "") + PAYLOAD
        with (folder / source.name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    for other in GRAND_PERIGUEUX.iterdir():
        if other.suffix != ".csv":
            shutil.copy(other, folder / other.name)
    return MemoryStore(load_roadmap(folder))


@pytest.fixture(scope="session")
def payload_pages(payload_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from feuille_de_route.viz import write_cartographies

    folder = tmp_path_factory.mktemp("cartes-piegees")
    write_cartographies(payload_store, folder)
    return folder


SITE_TEXT_COLUMNS = {"intitulé", "nom", "description", "note", "hypothèse", "titre"}


def payload_workbook(target: Path, payload: str) -> Path:
    """The Grand Périgueux workbook with ``payload`` appended to every text cell."""
    import csv

    from feuille_de_route.graph import GRAND_PERIGUEUX

    shutil.copytree(GRAND_PERIGUEUX, target)
    for path in target.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
        for row in rows:
            for column in fields:
                if column in SITE_TEXT_COLUMNS and (row[column] or column == "hypothèse"):
                    row[column] = (row[column] or "") + payload
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    return target


@pytest.fixture(scope="session")
def payload_site_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The site (``build_site``) of the workbook whose every text ends with ``PAYLOAD``,
    built once: ``test_site`` reads its files, ``test_site_browser`` opens them."""
    from datetime import date

    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.viz import build_site

    folder = payload_workbook(tmp_path_factory.mktemp("piege") / "classeur", PAYLOAD)
    return build_site(load_roadmap(folder), "https://exemple.fr/gp/", date(2026, 1, 2))


BIS_BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux-bis/"
BIS_ID = "grand-perigueux-bis"
BIS_TITLE = "Copie d'essai de la feuille de route du Grand Périgueux"


def copy_under_other_base(target: Path) -> Path:
    """The embedded Grand Périgueux workbook copied to ``target`` as another roadmap.

    Only ``feuille-de-route.csv`` changes (identifiant, titre, iri de base): every local
    ID stays the same (1.b, cias…), so a page that mixed both roadmaps would show two
    nodes per chantier.
    """
    import csv

    from feuille_de_route.graph import GRAND_PERIGUEUX

    shutil.copytree(GRAND_PERIGUEUX, target)
    path = target / "feuille-de-route.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        row.update({"identifiant": BIS_ID, "titre": BIS_TITLE, "iri de base": BIS_BASE})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="session")
def bis_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_under_other_base(tmp_path_factory.mktemp("seconde") / "grand-perigueux-bis")


@pytest.fixture(scope="session")
def two_roadmaps(bis_folder: Path) -> Any:
    """One memory store holding the Grand Périgueux and its copy, one named graph each."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.store import MemoryStore, roadmap_graph_name

    store = MemoryStore()
    for graph in (load_roadmap(None), load_roadmap(bis_folder)):
        store.add_graph(graph, roadmap_graph_name(graph))
    return store


@pytest.fixture(scope="session")
def bis_pages(two_roadmaps: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page of the copy, chosen by identifier in the store holding both roadmaps."""
    from feuille_de_route.viz import write_cartographies

    folder = tmp_path_factory.mktemp("cartes-bis")
    write_cartographies(two_roadmaps, folder, BIS_ID)
    return folder


@pytest.fixture(scope="session")
def kit() -> Any:
    """Helpers of these tests (conftest modules cannot be imported under importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        BASE=BASE,
        PAYLOAD=PAYLOAD,
        iri=iri,
        sample_results=sample_results,
        ARTEFACTS=ARTEFACTS,
        BIS_BASE=BIS_BASE,
        BIS_ID=BIS_ID,
        BIS_TITLE=BIS_TITLE,
        copy_under_other_base=copy_under_other_base,
    )
