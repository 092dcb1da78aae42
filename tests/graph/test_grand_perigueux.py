"""Fidelity of the embedded Grand Périgueux roadmap to its sources.

The CSV files are read with the csv module only, so these checks hold whatever the
builder does; they compare every fact with the seed text (``seed_text``) and the
reference data (``shared_data``).
"""

import csv
import datetime
import importlib.util
import io
import json
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.query import ResultRow

import feuille_de_route.graph
from feuille_de_route.ontology import ConsistencyResult

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(feuille_de_route.graph.__file__).resolve().parent / "donnees" / "grand-perigueux"
EPCI = "200040392"


def read(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(name: str) -> list[str]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def norm(text: str) -> str:
    """Whitespace collapsed, Markdown bold markers dropped (the seed's only formatting)."""
    return " ".join(text.replace("**", "").split())


def fold(text: str) -> str:
    """Case- and accent-insensitive key (the seed writes « Eglises » for « Églises »)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> str:
    return norm(seed_text)


def _contract_headers() -> dict[str, list[str]]:
    """Column headers per CSV file, parsed from docs/architecture.md "The workbook"."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    headers: dict[str, list[str]] = {}
    for match in re.finditer(r"^\| [^|\[]+\[([a-z-]+\.csv)\] \| (.+) \|$", text, re.MULTILINE):
        # A parenthesis explains its column, except « (€) », which is part of a header.
        cell = re.sub(
            r"\s*\((?!€\))(?:[^()]|\([^()]*\))*\)", "", match.group(2).replace("\\|", "/")
        )
        headers[match.group(1)] = [c.strip().rstrip("*") for c in cell.split(",")]
    return headers


CONTRACT = _contract_headers()


def test_every_contract_sheet_has_its_file_with_the_exact_header() -> None:
    assert len(CONTRACT) == 21
    assert sorted(p.name for p in FOLDER.glob("*.csv")) == sorted(CONTRACT)
    for name, columns in CONTRACT.items():
        assert header(name) == columns, name


def test_files_are_written_with_csv_defaults_so_diffs_stay_small() -> None:
    for path in FOLDER.glob("*.csv"):
        raw = path.read_bytes().decode("utf-8")
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        assert buffer.getvalue() == raw, path.name
        assert all(len(row) == len(rows[0]) for row in rows), path.name


def test_identifiers_are_unique_and_references_resolve() -> None:
    ids: dict[str, list[str]] = {
        name: [row["identifiant"] for row in read(name)]
        for name in CONTRACT
        if "identifiant" in CONTRACT[name]
    }
    for name, values in ids.items():
        assert len(values) == len(set(values)), name
        assert all(values) and not any("|" in v for v in values), name
    agents = ids["acteurs.csv"] + ids["services.csv"] + ids["ressources.csv"]
    assert len(agents) == len(set(agents)), "Acteurs, Services, Ressources partagent un ID"
    chantiers = set(ids["chantiers.csv"])
    communes = {row["code insee"] for row in read("communes.csv")}
    for name in (
        "actions.csv",
        "criteres.csv",
        "freins.csv",
        "gouvernance.csv",
        "mobilisations.csv",
    ):
        assert {row["chantier"] for row in read(name)} <= chantiers, name
    for row in read("defis.csv"):
        assert split(row["enjeux"]) and set(split(row["enjeux"])) <= set(ids["enjeux.csv"])
    assert {row["défi"] for row in read("chantiers.csv")} <= set(ids["defis.csv"])
    for row in read("chantiers.csv"):
        assert set(split(row["en lien avec"])) <= chantiers - {row["identifiant"]}
    typology = set(ids["typologie.csv"])
    for name in ("groupes.csv", "communes.csv"):
        assert {row["classe"] for row in read(name)} - {""} <= typology, name
    for name in ("groupes.csv", "actions.csv"):
        for row in read(name):
            assert set(split(row["communes"])) <= communes, name
    services = set(ids["services.csv"])
    assert {row["rattachement"] for row in read("services.csv")} - {""} <= services
    assert {row["service"] for row in read("coordination.csv")} <= services
    assert {row["acteur"] for row in read("gouvernance.csv")} <= set(agents)
    assert {row["ressource"] for row in read("mobilisations.csv")} <= set(ids["ressources.csv"])
    steps = {row["numéro"] for row in read("etapes.csv")}
    assert {row["étape"] for row in read("livrables.csv")} <= steps


def test_roadmap_row_names_the_territory_and_the_seed() -> None:
    (row,) = read("feuille-de-route.csv")
    assert row["identifiant"] == "grand-perigueux"
    assert row["territoire"] == EPCI
    assert row["iri de base"] == "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
    assert "Construire une feuille de route territoriale d'inclusion numérique" in row["source"]
    assert row["titre"] and row["licence"]


def test_eight_method_steps_with_their_real_numbers(seed: str) -> None:
    rows = read("etapes.csv")
    assert [int(row["numéro"]) for row in rows] == list(range(1, 9))
    for row in rows:
        # The seed prints "ETAPE n", then the title, then the description.
        block = norm(f"ETAPE {row['numéro']} {row['intitulé']} {row['description']}")
        assert block in seed, row["numéro"]


def test_livrables_belong_to_steps_3_4_6_8_and_layout_attributions_are_hypotheses(
    seed: str,
) -> None:
    rows = read("livrables.csv")
    assert {row["étape"] for row in rows} == {"3", "4", "6", "8"}
    for row in rows:
        parts = re.split(r" \(|\)$", row["intitulé"])
        for part in filter(None, parts):
            assert norm(part) in seed, row["identifiant"]
    by_text = {row["intitulé"]: row for row in rows}
    enjeux = by_text["identification de 3 à 4 grands enjeux prioritaires"]
    assert enjeux["étape"] == "3" and enjeux["hypothèse"]
    assert by_text["identification de 4 à 5 chantiers par enjeu"]["étape"] == "4"
    assert by_text["fiches actions opérationnelles"]["étape"] == "8"
    # The seed puts "Livrable : feuille de route" between step 6 and step 5.
    roadmap = next(row for row in rows if row["intitulé"].startswith("feuille de route"))
    assert roadmap["étape"] == "6" and roadmap["hypothèse"]


def test_typology_has_the_six_classes_of_the_seed(seed: str) -> None:
    rows = read("typologie.csv")
    assert len(rows) == 6
    for row in rows:
        assert norm(row["description"]) in seed, row["identifiant"]


def test_population_groups_name_their_communes_and_assume_their_class(seed: str) -> None:
    rows = read("groupes.csv")
    assert len(rows) == 6
    communes = {row["code insee"]: row for row in read("communes.csv")}
    named: dict[frozenset[str], str] = {}
    for row in rows:
        assert norm(row["description"]) in seed, row["identifiant"]
        assert row["classe"] and row["hypothèse"], "classe du groupe : hypothèse attendue"
        if row["communes"]:
            named[frozenset(split(row["communes"]))] = row["description"]
        for code in split(row["communes"]):
            assert communes[code]["classe"] == row["classe"], code
    savignac_annesse = frozenset({"24527", "24010"})
    chancelade_trelissac = frozenset({"24102", "24557"})
    assert set(named) == {savignac_annesse, chancelade_trelissac}
    for codes, description in named.items():
        for code in codes - {"24557"}:
            assert fold(communes[code]["nom"]) in fold(description), code
    # The seed misspells Trélissac; the reading must be declared, not silent.
    assert "Trélassac" in named[chancelade_trelissac]
    group = next(row for row in rows if row["communes"] and "24557" in row["communes"])
    assert "Trélassac" in group["hypothèse"] and "24557" in group["hypothèse"]


def test_four_enjeux_as_worded_in_the_seed(seed: str) -> None:
    rows = read("enjeux.csv")
    assert [row["identifiant"] for row in rows] == ["1", "2", "3", "4"]
    for row in rows:
        assert norm(f"Enjeu {row['identifiant']} {row['intitulé']}") in seed
        assert not row["hypothèse"]


def test_six_defis_and_their_assumed_enjeux(seed: str) -> None:
    rows = read("defis.csv")
    assert [row["identifiant"] for row in rows] == [str(n) for n in range(1, 7)]
    for row in rows:
        assert norm(f"Défi {row['identifiant']} {row['intitulé']}") in seed
        # The seed never says which enjeux a défi answers.
        assert split(row["enjeux"]) and "suppos" in row["hypothèse"], row["identifiant"]
    answered = {e for row in rows for e in split(row["enjeux"])}
    assert answered == {"1", "2", "3", "4"}, "chaque enjeu doit avoir au moins un défi"


CHANTIER_IDS = ["1.a", "1.b", "2.a", "2.b", "3.a", "3.b", "4.a", "4.b", "5", "6"]


def test_ten_chantiers_under_their_defi(seed: str) -> None:
    rows = read("chantiers.csv")
    assert [row["identifiant"] for row in rows] == CHANTIER_IDS
    defis = {row["identifiant"]: row["intitulé"] for row in read("defis.csv")}
    for row in rows:
        assert row["défi"] == row["identifiant"].split(".")[0]
        assert norm(f"Chantier {row['identifiant']} {row['intitulé']}") in seed
        if "." not in row["identifiant"]:
            assert row["intitulé"] == defis[row["défi"]], "chantiers 5 et 6 = le défi lui-même"
    fiche = next(row for row in rows if row["identifiant"] == "1.b")
    assert norm(f"Description du chantier {fiche['description']}") in seed
    assert split(fiche["en lien avec"]) == ["3.a"]
    assert all(not row["description"] for row in rows if row["identifiant"] != "1.b")


ACTIONS_PER_CHANTIER = {
    "1.a": 5, "1.b": 5, "2.a": 4, "2.b": 4, "3.a": 3,
    "3.b": 4, "4.a": 2, "4.b": 3, "5": 5, "6": 2,
}  # fmt: skip


def test_thirty_seven_actions_with_the_seeds_wording_in_its_order(seed: str) -> None:
    rows = read("actions.csv")
    assert len(rows) == 37
    assert Counter(row["chantier"] for row in rows) == ACTIONS_PER_CHANTIER
    last: dict[str, int] = {}
    for row in rows:
        chantier = row["chantier"]
        number = len([r for r in rows[: rows.index(row) + 1] if r["chantier"] == chantier])
        assert row["identifiant"] == f"{chantier}.{number}"
        text = norm(row["intitulé"])
        assert not text.startswith(("-", "–")), "tirets de liste à retirer"
        position = seed.find(text)
        assert position >= 0, row["identifiant"]
        assert position > last.get(chantier, -1), f"{row['identifiant']} hors de l'ordre du seed"
        last[chantier] = position


def test_fiche_1b_criteria_and_obstacles(seed: str) -> None:
    criteres = read("criteres.csv")
    freins = read("freins.csv")
    assert len(criteres) == 5 and len(freins) == 7
    success = seed.index("On aura réussi si")
    obstacles = seed.index("On doit lever des freins")
    governance = seed.index("Gouvernance:")
    for row in criteres:
        assert row["chantier"] == "1.b"
        assert success < seed.find(norm(row["intitulé"])) < obstacles, row["identifiant"]
    for row in freins:
        assert row["chantier"] == "1.b"
        assert obstacles < seed.find(norm(row["intitulé"])) < governance, row["identifiant"]


# What the seed's "Coordonné par" blocks say, chantier by chantier; "pilote" is the
# seed's word only where it prints "(pilote)".
ADMIN = "Administration générale & Démocratie"
CO = "co-coordinateur"
COORDINATION = {
    "1.a": {(ADMIN, "pilote"), ("Ressources Humaines", CO)},
    "1.b": {("Solidarité et services", "pilote")},
    "2.a": {("Communication", "pilote")},
    "2.b": {("Cohésion territoriale", "pilote")},
    "3.a": {("Cohésion territoriale", "pilote"), ("Développement économique", CO)},
    "3.b": {("Solidarité et services", "pilote"), ("Habitat", CO)},
    "4.a": {("Transition écologique", "pilote"), (ADMIN, CO)},
    "4.b": {("Transition écologique", "pilote"), (ADMIN, CO)},
    "5": {("Développement économique", "pilote")},
}
PILOTE_IN_SEED = {"3.a", "3.b", "4.a", "4.b"}


def _objet(cell: str) -> str:
    """The chantier a coordination row names (``chantier 5`` disambiguates from défi 5)."""
    assert not cell.startswith("défi"), "la source ne coordonne que des chantiers"
    return cell.removeprefix("chantier ").strip()


def test_coordination_of_every_chantier(seed: str) -> None:
    services = {row["identifiant"]: row for row in read("services.csv")}
    rows = read("coordination.csv")
    found: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        found.setdefault(_objet(row["objet"]), set()).add(
            (services[row["service"]]["nom"], row["rôle"])
        )
        # Which block belongs to which chantier comes from the layout: say so.
        assert "mise en page" in row["source"], row
    assert found == COORDINATION
    assert "6" not in found, "la source n'indique aucune coordination pour le chantier 6"
    for row in rows:
        objet = _objet(row["objet"])
        if row["rôle"] == "pilote":
            assert bool(row["hypothèse"]) == (objet not in PILOTE_IN_SEED), objet
    for service in services.values():
        assert fold(service["nom"]) in fold(seed), service["nom"]
    assert services["habitat"]["rattachement"] == "cohesion-territoriale"
    assert services["habitat"]["hypothèse"]
    assert seed.count("(pilote)") == 4


RESOURCES_1B = {
    "Centres sociaux/Espaces Vie sociale": "partenaire de projet",
    "Réseau local CnFS": "partenaire de projet",
    "Communes (périscolaire, ALSH)": "partenaire de projet",
    "Réseau local tiers-lieux": "partenaire de projet",
    "Robotique, informatique, outils numériques (fixe ou itinérants)": "ressource matérielle",
    "Animateurs ALSH formés et/ou en formation": "intervenant",
    "Conseillers numériques": "intervenant",
    "Animateurs Bus numérique Grand Périgueux": "intervenant",
    "Fab Lab du territoire/tiers-lieux": "intervenant",
    "Partenaires sociaux (CAF...)": "financement",
    "Contribution en compétences et/ou en matériel (ex. conseillers numériques, "
    "bénévoles experts, outils num., robots...)": "financement",
}


def test_cartography_of_1b_resources(seed: str) -> None:
    resources = {row["identifiant"]: row for row in read("ressources.csv")}
    for row in resources.values():
        assert fold(row["nom"]) in fold(seed), row["nom"]
    mobilised = {
        resources[row["ressource"]]["nom"]: resources[row["ressource"]]["type"]
        for row in read("mobilisations.csv")
        if row["chantier"] == "1.b"
    }
    assert mobilised == RESOURCES_1B
    # Listed twice by the seed, kept once, and the duplicate explained.
    assert seed.count("Centres sociaux/Espaces Vie sociale") == 2
    centres = next(r for r in read("mobilisations.csv") if r["ressource"] == "centres-sociaux")
    assert "deux fois" in centres["note"]


def test_every_mobilisation_is_an_assumed_status() -> None:
    rows = read("mobilisations.csv")
    pairs = [(row["chantier"], row["ressource"]) for row in rows]
    assert len(pairs) == len(set(pairs))
    statuses = Counter(row["statut"] for row in rows)
    assert set(statuses) == {"opérante", "connue, sans lien"}
    for row in rows:
        assert "statut non indiqué" in row["hypothèse"], row
        assert "supposé " + row["statut"] in row["hypothèse"], row
    dated = [row for row in rows if row["depuis"]]
    assert 1 <= len(dated) <= 3
    for row in dated:
        datetime.date.fromisoformat(row["depuis"])
        assert row["statut"] == "opérante" and "illustrative" in row["hypothèse"]


def test_governance_of_fiche_1b() -> None:
    rows = read("gouvernance.csv")
    assert {row["chantier"] for row in rows} == {"1.b"}
    by_role: dict[str, set[str]] = {}
    for row in rows:
        by_role.setdefault(row["rôle"], set()).add(row["acteur"])
    assert by_role["pilote"] == {"service-enfance"}
    assert by_role["réalise"] == {"service-enfance", "informatique", "intervenants-exterieurs"}
    resources = {row["identifiant"] for row in read("ressources.csv")}
    # Associated resources are the very nodes of the cartography, so queries can
    # compare who is associated with what is mobilised.
    assert {"centres-sociaux", "conseillers-numeriques"} <= by_role["associé"] & resources
    assert {"communication", "mediatheques", "associations-education-populaire"} <= by_role[
        "associé"
    ]
    pilot = next(row for row in rows if row["rôle"] == "pilote")
    assert pilot["note"] == "en lien avec le chantier CTG"
    conseillers = next(row for row in rows if row["acteur"] == "conseillers-numeriques")
    assert "3a bus numérique" in conseillers["note"] and "etc." in conseillers["note"]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraire_communes", ROOT / "tools" / "extraire_communes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


IFN_COLUMNS = {
    "ifn total": "total",
    "ifn sans thd": "no_thd_coverage_rate",
    "ifn sans 4g": "no_4g_coverage_rate",
    "ifn pauvreté": "poverty_rate",
    "ifn plus de 65 ans": "older_65_rate",
    "ifn non scolarisés": "nscol15p_rate",
}


def test_communes_are_the_epcis_members_with_their_ifn_scores(shared_data: Path) -> None:
    rows = read("communes.csv")
    epcis = json.loads((shared_data / "decoupage-administratif" / "epci.json").read_text("utf-8"))
    (epci,) = [e for e in epcis if e["code"] == EPCI]
    members = sorted(m["code"] for m in epci["membres"])
    assert [row["code insee"] for row in rows] == members
    assert len(rows) == 43
    communes = {
        c["code"]: c
        for c in json.loads(
            (shared_data / "decoupage-administratif" / "communes.json").read_text("utf-8")
        )
        if c["type"] == "commune-actuelle"
    }
    with (shared_data / "ifn" / "ifn-communes.csv").open(encoding="utf-8", newline="") as f:
        ifn = {row["code"]: row for row in csv.DictReader(f)}
    for row in rows:
        code = row["code insee"]
        assert row["nom"] == communes[code]["nom"]
        assert int(row["population"]) == communes[code]["population"]
        assert row["epci"] == EPCI
        assert "decoupage-administratif 6.0.0" in row["source"]
        assert "ifn-communes.csv" in row["source"]
        if code in ifn:
            for column, field in IFN_COLUMNS.items():
                assert float(row[column]) == float(ifn[code][field]), (code, column)
                assert 1 <= float(row[column]) <= 10
        else:
            assert all(not row[column] for column in IFN_COLUMNS)
            assert "absente de ifn-communes.csv" in row["hypothèse"]
        assert row["classe"] and "règle de typologie" in row["hypothèse"], code


def test_communes_csv_is_what_the_extraction_script_produces() -> None:
    tool = _load_tool()
    expected = tool.render(tool.build_rows())
    assert (FOLDER / "communes.csv").read_bytes().decode("utf-8") == expected


@pytest.mark.parametrize(
    ("population", "scores", "klass"),
    [
        (29055, (8.2, 6.8, 3.3), "T6"),  # urban and poor
        (3126, (1.0, 7.0, 2.0), "T1"),  # mean below 4.5
        (1765, (8.0, 8.0, 6.0), "T5"),  # small and cumulating
        (1151, (3.0, 5.0, 8.0), "T4"),  # low education, younger
        (699, (4.0, 6.0, 8.0), "T3"),  # low education, ageing
        (687, (3.0, 8.0, 4.0), "T2"),  # ageing first
        (337, (6.0, 4.0, 5.0), "T5"),  # poverty first in a small commune
        (7000, (6.0, 4.0, 5.0), "T6"),  # poverty first in a town
    ],
)
def test_typology_rule(population: int, scores: tuple[float, float, float], klass: str) -> None:
    assert _load_tool().typology_class(population, *scores) == klass


def test_sources_md_documents_every_file_and_the_typology_rule() -> None:
    text = (FOLDER / "SOURCES.md").read_text(encoding="utf-8")
    for name in CONTRACT:
        assert f"`{name}`" in text, name
    assert "extraire_communes.py" in text
    for threshold in ("5000", "4,5", "6,5"):
        assert threshold in text


def test_source_document_is_cited_by_title_never_by_file_name() -> None:
    """Regression: SOURCES.md and the source cells named the seed by its file name."""
    for path in sorted(FOLDER.glob("*")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[0-9a-f]{8,}\.txt|\bseed\b", text), path.name
    assert "Construire une feuille de route territoriale" in (FOLDER / "SOURCES.md").read_text(
        encoding="utf-8"
    ).replace("\n   ", " ")


# ---------------------------------------------------------------------------------------
# The built graph: the same facts seen through the contract's classes and IRIs.

BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
FDR_NS = "https://w3id.org/feuille-de-route/ontologie#"


@pytest.fixture(scope="module")
def graph() -> Graph:
    from feuille_de_route.graph import load_roadmap

    return load_roadmap(None)


def _count(graph: Graph, klass: str) -> int:
    rows = graph.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }",
        initBindings={"class": URIRef(FDR_NS + klass)},
    )
    (row,) = rows
    assert isinstance(row, ResultRow)
    return int(str(row[0]))


def test_built_graph_counts_per_class(graph: Graph) -> None:
    mobilisations = read("mobilisations.csv")
    expected = {
        "FeuilleDeRoute": 1,
        "EtapeDeLaMethode": 8,
        "Livrable": len(read("livrables.csv")),
        "ClasseDeTypologie": 6,
        "GroupeDePopulation": 6,
        "Enjeu": 4,
        "Defi": 6,
        "Chantier": 10,
        "ActionConcrete": 37,
        "CritereDeReussite": 5,
        "Frein": 7,
        "Commune": 43,
        "EPCI": 1,
        "MesureDeFragilite": 43 * 6,
        "Service": len(read("services.csv")),
        "Ressource": len(read("ressources.csv")),
        "Mobilisation": len(mobilisations),
        "Coordination": len(read("coordination.csv")),
        "Participation": len(read("gouvernance.csv")),
        "MobilisationOperante": 0,  # only ever inferred
    }
    assert {klass: _count(graph, klass) for klass in expected} == expected
    kinds = Counter(row["type"] for row in read("ressources.csv"))
    assert _count(graph, "PartenaireDeProjet") == kinds["partenaire de projet"]
    assert _count(graph, "RessourceMaterielle") == kinds["ressource matérielle"]
    assert _count(graph, "Intervenant") == kinds["intervenant"]
    assert _count(graph, "Financement") == kinds["financement"]


def test_built_graph_keeps_the_assumptions(graph: Graph) -> None:
    for klass in ("Mobilisation", "Defi"):
        missing = graph.query(
            "SELECT ?s WHERE { ?s a ?class FILTER NOT EXISTS { ?s ?hypothese ?h } }",
            initBindings={
                "class": URIRef(FDR_NS + klass),
                "hypothese": URIRef(FDR_NS + "hypothese"),
            },
        )
        assert list(missing) == [], klass
    livrable = URIRef(BASE + "livrable/3.1")
    assert (livrable, URIRef(FDR_NS + "hypothese"), None) in graph


def test_built_graph_iris_and_links(graph: Graph) -> None:
    fdr = FDR_NS
    chantier = URIRef(BASE + "chantier/1.b")
    assert (chantier, URIRef(fdr + "defi"), URIRef(BASE + "defi/1")) in graph
    assert (URIRef(BASE + "action/1.b.4"), URIRef(fdr + "chantier"), chantier) in graph
    linked = {chantier, URIRef(BASE + "chantier/3.a")}
    assert any(
        (a, URIRef(fdr + "enLienAvec"), b) in graph for a in linked for b in linked if a != b
    )
    # Chantier 5's coordinator coordinates the chantier, not the défi of the same ID.
    coordinated = graph.query(
        "SELECT ?objet WHERE { ?c ?objetCoordonne ?objet ; ?service ?s }",
        initBindings={
            "objetCoordonne": URIRef(fdr + "objetCoordonne"),
            "service": URIRef(fdr + "service"),
            "s": URIRef(BASE + "service/developpement-economique"),
        },
    )
    assert {row[0] for row in coordinated if isinstance(row, ResultRow)} == {
        URIRef(BASE + "chantier/3.a"),
        URIRef(BASE + "chantier/5"),
    }
    assert (None, URIRef(fdr + "objetCoordonne"), URIRef(BASE + "chantier/6")) not in graph
    # The associated centres sociaux are the very resource node of the cartography.
    centres = URIRef(BASE + "ressource/centres-sociaux")
    assert (centres, rdflib.RDF.type, URIRef(fdr + "PartenaireDeProjet")) in graph
    assert (None, URIRef(fdr + "acteur"), centres) in graph
    assert (URIRef(BASE + "commune/24557"), URIRef(fdr + "epci"), None) in graph


def test_built_graph_ifn_values_equal_the_csv(graph: Graph) -> None:
    valeur = URIRef(FDR_NS + "valeur")
    measures = 0
    for row in read("communes.csv"):
        commune = URIRef(BASE + "commune/" + row["code insee"])
        for column, notation in IFN_COLUMNS.items():
            measure = URIRef(f"{commune}/ifn/{notation}")
            assert (measure, URIRef(FDR_NS + "commune"), commune) in graph
            value = graph.value(measure, valeur)
            assert isinstance(value, Literal) and value.datatype == rdflib.XSD.decimal
            assert value.toPython() == Decimal(row[column]), (row["code insee"], column)
            measures += 1
    assert measures == len(list(graph.subjects(valeur, None))) == 43 * 6


def test_built_graph_conforms_to_the_shapes(graph: Graph) -> None:
    from feuille_de_route.ontology import validate

    report = validate(graph)
    assert report.violations == []
    # Chantier 6 has no coordinator in the seed: the method's "who pilots" rule flags it.
    assert any(BASE + "chantier/6" in str(item) for item in report.warnings)


@pytest.mark.java
def test_built_graph_is_consistent_and_infers_operating_links(
    grand_perigueux_consistency: ConsistencyResult,
) -> None:
    result = grand_perigueux_consistency
    assert result.consistent
    operating = {
        (BASE + "chantier/" + row["chantier"], BASE + "ressource/" + row["ressource"])
        for row in read("mobilisations.csv")
        if row["statut"] == "opérante"
    }
    inferred = {
        (str(s), str(o))
        for s, o in result.inferred.subject_objects(URIRef(FDR_NS + "mobiliseOperante"))
    }
    assert inferred == operating
