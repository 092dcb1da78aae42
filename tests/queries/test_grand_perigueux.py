"""Every catalogue query answers on the Grand Périgueux as its CSV workbook says.

Expectations are computed here from the CSV files (read with the ``csv`` module), never
from SPARQL: the query and this test are two independent readings of the same data.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.ontology import FDR
from feuille_de_route.queries import run_query

CsvRows = Callable[[str], list[dict[str, str]]]

OPERANTE = "opérante"
CONNUE = "connue, sans lien"


def cells(value: str) -> list[str]:
    """A cell holding a ``|`` list."""
    return [part.strip() for part in value.split("|") if part.strip()]


def coordinated(cell: str) -> tuple[str | None, str]:
    """An ``objet`` cell: (``chantier``/``défi`` when written, ID)."""
    kind, _, local = cell.strip().partition(" ")
    if local and kind in {"chantier", "défi"}:
        return kind, local.strip()
    return None, cell.strip()


def number(value: str) -> float:
    return float(value.replace(",", "."))


def names(gp_csv: CsvRows) -> dict[str, str]:
    """Display name of every acteur, service and ressource ID (unique together)."""
    labels = {r["identifiant"]: r["nom"] for r in gp_csv("acteurs")}
    labels.update({r["identifiant"]: r["nom"] for r in gp_csv("services")})
    labels.update({r["identifiant"]: r["nom"] for r in gp_csv("ressources")})
    return labels


def test_arbre(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    actions = Counter(r["chantier"] for r in gp_csv("actions"))
    chantiers = defaultdict(list)
    for r in gp_csv("chantiers"):
        chantiers[r["défi"]].append(r)
    expected: set[tuple[object, ...]] = set()
    for enjeu in gp_csv("enjeux"):
        defis = [d for d in gp_csv("defis") if enjeu["identifiant"] in cells(d["enjeux"])]
        if not defis:
            expected.add((enjeu["identifiant"], enjeu["intitulé"], None, None, None, None, 0))
        for defi in defis:
            of_defi: list[dict[str, str] | None] = [*chantiers[defi["identifiant"]]] or [None]
            for c in of_defi:
                expected.add(
                    (
                        enjeu["identifiant"],
                        enjeu["intitulé"],
                        defi["identifiant"],
                        defi["intitulé"],
                        c and c["identifiant"],
                        c and c["intitulé"],
                        actions[c["identifiant"]] if c else 0,
                    )
                )
    rows = run_query("arbre", gp_store)
    got = {
        (
            r["enjeuId"],
            r["enjeuLabel"],
            r["defiId"],
            r["defiLabel"],
            r["chantierId"],
            r["chantierLabel"],
            r["nbActions"],
        )
        for r in rows
    }
    assert len(rows) == len(got) == len(expected)
    assert got == expected


@pytest.mark.parametrize("chantier", ["1.a", "1.b", "5", None])
def test_actions(gp_store: MemoryStore, gp_csv: CsvRows, chantier: str | None) -> None:
    expected = [
        (r["chantier"], r["identifiant"], r["intitulé"])
        for r in gp_csv("actions")
        if chantier is None or r["chantier"] == chantier
    ]
    rows = run_query("actions", gp_store, chantier=chantier)
    assert sorted((r["chantierId"], r["actionId"], r["actionLabel"]) for r in rows) == sorted(
        expected
    )
    assert expected


@pytest.mark.parametrize("chantier", ["1.b", "3.a", None])
def test_mobilisations(gp_store: MemoryStore, gp_csv: CsvRows, chantier: str | None) -> None:
    ressources = {r["identifiant"]: r for r in gp_csv("ressources")}
    expected = sorted(
        (
            m["chantier"],
            m["ressource"],
            ressources[m["ressource"]]["nom"],
            ressources[m["ressource"]]["type"],
            m["statut"],
            datetime.date.fromisoformat(m["depuis"]) if m["depuis"] else None,
            m["hypothèse"] or None,
        )
        for m in gp_csv("mobilisations")
        if chantier is None or m["chantier"] == chantier
    )
    rows = run_query("mobilisations", gp_store, chantier=chantier)
    got = sorted(
        (
            r["chantierId"],
            r["ressourceId"],
            r["ressourceLabel"],
            r["typeLabel"],
            r["statutLabel"],
            r["depuis"],
            r["hypothese"],
        )
        for r in rows
    )
    assert got == expected and expected
    for r in rows:
        assert str(r["type"]).endswith("#" + str(r["type"]).rsplit("#", 1)[1])
        assert str(r["statut"]).rsplit("#", 1)[1] in {"operante", "connueSansLien"}


def test_coordination(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    services = {r["identifiant"]: r["nom"] for r in gp_csv("services")}
    expected = sorted(
        (coordinated(c["objet"])[1], services[c["service"]], c["rôle"], c["hypothèse"] or None)
        for c in gp_csv("coordination")
    )
    rows = run_query("coordination", gp_store)
    got = sorted((r["objetId"], r["serviceLabel"], r["roleLabel"], r["hypothese"]) for r in rows)
    assert got == expected and expected


def test_fiche_chantier(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    chantier = next(c for c in gp_csv("chantiers") if c["identifiant"] == "1.b")
    labels = names(gp_csv)
    rows = run_query("fiche-chantier", gp_store, chantier="1.b")
    by_part: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        by_part[str(r["rubrique"])].append(r)
    # Sections in the order of the fiche.
    order = [str(r["rubrique"]) for r in rows]
    assert order == sorted(order, key=["description", "critere", "frein", "gouvernance"].index)
    assert [r["texte"] for r in by_part["description"]] == [chantier["description"]]
    for part, sheet in (("critere", "criteres"), ("frein", "freins")):
        expected = [r["intitulé"] for r in gp_csv(sheet) if r["chantier"] == "1.b"]
        assert [r["texte"] for r in by_part[part]] == expected and expected
    roles = {"pilote": 0, "réalise": 1, "associé": 2}
    expected_gouvernance = [
        (labels[g["acteur"]], g["rôle"], g["note"] or None)
        for g in gp_csv("gouvernance")
        if g["chantier"] == "1.b"
    ]
    got = [(r["acteurLabel"], r["roleLabel"], r["texte"]) for r in by_part["gouvernance"]]
    assert sorted(got) == sorted(expected_gouvernance) and got
    assert [roles[str(g[1])] for g in got] == sorted(roles[str(g[1])] for g in got)


def test_fiche_chantier_needs_its_chantier(gp_store: MemoryStore) -> None:
    from feuille_de_route import UserError

    with pytest.raises(UserError, match="chantier"):
        run_query("fiche-chantier", gp_store)


def _operating(gp_csv: CsvRows) -> list[dict[str, str]]:
    return [m for m in gp_csv("mobilisations") if m["statut"] == OPERANTE]


def test_chantiers_sans_ressource_operante(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    covered = {m["chantier"] for m in _operating(gp_csv)}
    expected = sorted(
        c["identifiant"] for c in gp_csv("chantiers") if c["identifiant"] not in covered
    )
    rows = run_query("chantiers-sans-ressource-operante", gp_store)
    assert [r["chantierId"] for r in rows] == expected and expected


def test_chantiers_sans_financement_operant(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    kinds = {r["identifiant"]: r["type"] for r in gp_csv("ressources")}
    funded = {m["chantier"] for m in _operating(gp_csv) if kinds[m["ressource"]] == "financement"}
    assert funded  # the seed's CAF funds chantier 1.b
    expected = sorted(
        c["identifiant"] for c in gp_csv("chantiers") if c["identifiant"] not in funded
    )
    rows = run_query("chantiers-sans-financement-operant", gp_store)
    assert [r["chantierId"] for r in rows] == expected


@pytest.mark.parametrize("chantier", ["1.b", None])
def test_ressources_a_activer(gp_store: MemoryStore, gp_csv: CsvRows, chantier: str | None) -> None:
    ressources = {r["identifiant"]: r for r in gp_csv("ressources")}
    expected = sorted(
        (m["chantier"], ressources[m["ressource"]]["nom"], ressources[m["ressource"]]["type"])
        for m in gp_csv("mobilisations")
        if m["statut"] == CONNUE and (chantier is None or m["chantier"] == chantier)
    )
    rows = run_query("ressources-a-activer", gp_store, chantier=chantier)
    got = sorted((r["chantierId"], r["ressourceLabel"], r["typeLabel"]) for r in rows)
    assert got == expected and expected


@pytest.mark.parametrize("minimum", [None, 1, 2, 3])
def test_ressources_partagees(gp_store: MemoryStore, gp_csv: CsvRows, minimum: int | None) -> None:
    ressources = {r["identifiant"]: r for r in gp_csv("ressources")}
    counts = Counter(m["ressource"] for m in _operating(gp_csv))
    floor = 2 if minimum is None else minimum  # the header's default, as its description says
    expected = sorted(
        (ressources[r]["nom"], ressources[r]["type"], n) for r, n in counts.items() if n >= floor
    )
    rows = run_query("ressources-partagees", gp_store, minimum=minimum)
    got = sorted((r["ressourceLabel"], r["typeLabel"], r["nbChantiers"]) for r in rows)
    assert got == expected
    nb = [int(str(r["nbChantiers"])) for r in rows]
    assert nb == sorted(nb, reverse=True)


def test_part_operante_par_defi(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    defi_of = {c["identifiant"]: c["défi"] for c in gp_csv("chantiers")}
    links: Counter[str] = Counter()
    operating: Counter[str] = Counter()
    for m in gp_csv("mobilisations"):
        links[defi_of[m["chantier"]]] += 1
        operating[defi_of[m["chantier"]]] += m["statut"] == OPERANTE
    rows = {str(r["defiId"]): r for r in run_query("part-operante-par-defi", gp_store)}
    assert set(rows) == {d["identifiant"] for d in gp_csv("defis")}
    for defi, row in rows.items():
        assert row["nbLiens"] == links[defi]
        assert row["nbOperants"] == operating[defi]
        if links[defi]:
            # Rounded (half up) to the thousandth, as the query says.
            thousandths = (Decimal(1000 * operating[defi]) / links[defi]).quantize(
                Decimal(1), ROUND_HALF_UP
            )
            assert row["part"] == float(thousandths / 1000)
        else:
            assert row["part"] is None


def _pilots(gp_csv: CsvRows) -> dict[str, set[str]]:
    """Chantier → pilot IDs: coordination « pilote » or gouvernance « pilote »."""
    chantiers = {c["identifiant"] for c in gp_csv("chantiers")}
    pilots: dict[str, set[str]] = {c: set() for c in chantiers}
    defis = {d["identifiant"] for d in gp_csv("defis")}
    for c in gp_csv("coordination"):
        kind, local = coordinated(c["objet"])
        is_chantier = kind == "chantier" or (kind is None and local not in defis)
        if c["rôle"] == "pilote" and is_chantier:
            pilots[local].add(c["service"])
    for g in gp_csv("gouvernance"):
        if g["rôle"] == "pilote":
            pilots[g["chantier"]].add(g["acteur"])
    return pilots


@pytest.mark.parametrize("seuil", [None, 0, 1, 2])
def test_services_pilotes(gp_store: MemoryStore, gp_csv: CsvRows, seuil: int | None) -> None:
    services = {r["identifiant"]: r["nom"] for r in gp_csv("services")}
    piloted: Counter[str] = Counter()
    for ids in _pilots(gp_csv).values():
        for pilot in ids & set(services):
            piloted[pilot] += 1
    floor = 1 if seuil is None else seuil
    expected = sorted((services[s], n) for s, n in piloted.items() if n > floor)
    rows = run_query("services-pilotes", gp_store, seuil=seuil)
    assert sorted((r["serviceLabel"], r["nbChantiers"]) for r in rows) == expected
    if seuil == 0:
        assert expected


def test_chantiers_sans_pilote_unique(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    labels = names(gp_csv)
    expected = {
        c: (len(ids), sorted(labels[i] for i in ids))
        for c, ids in _pilots(gp_csv).items()
        if len(ids) != 1
    }
    rows = run_query("chantiers-sans-pilote-unique", gp_store)
    got = {r["chantierId"]: (r["nbPilotes"], sorted(cells(str(r["pilotes"] or "")))) for r in rows}
    assert got == expected and expected


def test_acteurs_associes_non_mobilises(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    labels = names(gp_csv)
    linked = {(m["chantier"], m["ressource"]) for m in gp_csv("mobilisations")}
    expected = sorted(
        (g["chantier"], labels[g["acteur"]])
        for g in gp_csv("gouvernance")
        if g["rôle"] == "associé" and (g["chantier"], g["acteur"]) not in linked
    )
    rows = run_query("acteurs-associes-non-mobilises", gp_store)
    assert sorted((r["chantierId"], r["acteurLabel"]) for r in rows) == expected and expected
    # An associated actor that the cartography holds is left out.
    associated = {
        (g["chantier"], g["acteur"]) for g in gp_csv("gouvernance") if g["rôle"] == "associé"
    }
    assert associated & linked


IFN = {
    "ifnTotal": "ifn total",
    "ifnSansTHD": "ifn sans thd",
    "ifnSans4G": "ifn sans 4g",
    "ifnPauvrete": "ifn pauvreté",
    "ifnPlus65": "ifn plus de 65 ans",
    "ifnNonScolarises": "ifn non scolarisés",
}


def test_communes_par_typologie(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    classes = {t["identifiant"]: t["intitulé"] for t in gp_csv("typologie")}
    expected = sorted(
        (
            c["code insee"],
            c["nom"],
            c["classe"] or None,
            classes.get(c["classe"]),
            int(c["population"].replace(" ", "")) if c["population"] else None,
            *(number(c[column]) if c[column] else None for column in IFN.values()),
        )
        for c in gp_csv("communes")
    )
    rows = run_query("communes-par-typologie", gp_store)
    got = sorted(
        (
            r["codeInsee"],
            r["communeLabel"],
            r["classeId"],
            r["classeLabel"],
            r["population"],
            *(r[v] for v in IFN),
        )
        for r in rows
    )
    assert got == expected and len(expected) == len(gp_csv("communes"))


@pytest.mark.parametrize("seuil", [None, 5, 7.5, "8,5"])
def test_communes_fragiles_sans_action(
    gp_store: MemoryStore, gp_csv: CsvRows, seuil: object
) -> None:
    targeted = {code for a in gp_csv("actions") for code in cells(a["communes"])}
    floor = 6.0 if seuil is None else number(str(seuil))
    expected = sorted(
        (c["code insee"], number(c["ifn total"]))
        for c in gp_csv("communes")
        if c["ifn total"] and number(c["ifn total"]) > floor and c["code insee"] not in targeted
    )
    rows = run_query("communes-fragiles-sans-action", gp_store, seuil=seuil)
    assert sorted((r["codeInsee"], r["ifnTotal"]) for r in rows) == expected
    totals = [r["ifnTotal"] for r in rows]
    assert totals == sorted(totals, reverse=True)  # type: ignore[type-var]


def test_liens_operants_depuis(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    dated = sorted(
        (datetime.date.fromisoformat(m["depuis"]), m["chantier"], m["ressource"])
        for m in _operating(gp_csv)
        if m["depuis"]
    )
    assert len(dated) >= 2
    for since in (dated[0][0], dated[-1][0], dated[-1][0] + datetime.timedelta(days=1)):
        expected = sorted((c, r, d) for d, c, r in dated if d >= since)
        rows = run_query("liens-operants-depuis", gp_store, date=since.isoformat())
        got = sorted(
            (r["chantierId"], str(r["ressource"]).rsplit("/", 1)[1], r["depuis"]) for r in rows
        )
        assert got == expected


SHEET_NATURE = {
    "enjeux": "enjeu",
    "defis": "défi",
    "chantiers": "chantier",
    "actions": "action concrète",
    "services": "service",
    "coordination": "coordination",
    "gouvernance": "gouvernance",
    "mobilisations": "lien chantier–ressource",
    "communes": "commune",
    "groupes": "groupe de population",
    "livrables": "livrable",
    "regles-de-typologie": "règle de typologie",
}


def test_hypotheses(gp_store: MemoryStore, gp_graph: Graph, gp_csv: CsvRows) -> None:
    expected: Counter[tuple[str, str]] = Counter()
    # Themes proposed from a chantier's words (no « thèmes » cell): each is an assumption.
    for proposal in gp_graph.subjects(RDF.type, FDR.PropositionDeTheme):
        expected[("thème proposé", str(gp_graph.value(proposal, FDR.hypothese)))] += 1
    for sheet, nature in SHEET_NATURE.items():
        for row in gp_csv(sheet):
            if row.get("hypothèse"):
                expected[(nature, row["hypothèse"])] += 1
    for row in gp_csv("ressources"):
        if row["hypothèse"]:
            expected[(row["type"], row["hypothèse"])] += 1
    rows = run_query("hypotheses", gp_store)
    got = Counter((str(r["nature"]), str(r["hypothese"])) for r in rows)
    assert got == expected and expected
