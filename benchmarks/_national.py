"""National-scale test data: one roadmap per EPCI of France, built by the real builder.

Each EPCI gets a workbook shaped like the Grand Périgueux one (its enjeux, défis,
chantiers, actions, services, coordination and governance are the template's), with
its own member communes and their real fragility scores, about 60 resources (the
template's, others drawn from a national pool, local ones named after its communes)
and about 150 mobilisations of both statuses, some dated. ``build_graph`` turns each
workbook into RDF, so the IRIs follow the contract exactly; the whole goes into one
N-Quads file, one named graph per roadmap (its IRI), cached under ``resultats/cache``.
Every synthetic row says so in its ``hypothèse`` column.
"""

from __future__ import annotations

import csv
import json
import random
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from feuille_de_route.graph import IFN_COLUMNS as IFN_COLUMNS_BY_INDICATOR

__all__ = ["GENERATOR_VERSION", "NationalData", "generate", "national_path", "synthetic_siret"]

GENERATOR_VERSION = 6
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
BASE = "https://w3id.org/feuille-de-route/territoires/"
SOURCE = "banc d'essai benchmarks/_national.py (données synthétiques)"
HYPOTHESIS = "donnée synthétique du banc d'essai national, pas un fait de la source"

# Resources any territory may mobilise; the template's own come in addition.
NATIONAL_POOL: list[tuple[str, str, str]] = [
    ("conseillers-numeriques", "Conseillers numériques France Services", "intervenant"),
    ("aidants-connect", "Aidants Connect", "ressource matérielle"),
    ("pass-numerique", "Pass numérique", "financement"),
    ("france-services", "Espaces France Services", "partenaire de projet"),
    ("emmaus-connect", "Emmaüs Connect", "partenaire de projet"),
    ("les-bons-clics", "Les Bons Clics", "ressource matérielle"),
    ("pix", "Pix", "ressource matérielle"),
    ("hub-territorial", "Hub territorial pour un numérique inclusif", "partenaire de projet"),
    ("la-mednum", "La MedNum", "partenaire de projet"),
    ("caf", "Caisse d'allocations familiales", "partenaire de projet"),
    ("cpam", "Caisse primaire d'assurance maladie", "partenaire de projet"),
    ("france-travail", "France Travail", "partenaire de projet"),
    ("carsat", "Carsat", "financement"),
    ("conseil-departemental", "Conseil départemental", "financement"),
    ("region", "Conseil régional", "financement"),
    ("fonds-social-europeen", "Fonds social européen", "financement"),
    ("dsil", "Dotation de soutien à l'investissement local", "financement"),
    ("anct", "Agence nationale de la cohésion des territoires", "financement"),
    ("banque-des-territoires", "Banque des Territoires", "financement"),
    ("fondation-orange", "Fondation Orange", "financement"),
    ("la-poste", "La Poste", "partenaire de projet"),
    ("msa", "Mutualité sociale agricole", "partenaire de projet"),
    ("mission-locale", "Mission locale", "partenaire de projet"),
    ("ufc", "Associations de consommateurs", "intervenant"),
    ("ecoles-numeriques", "Écoles du numérique", "intervenant"),
    ("cnfpt", "CNFPT", "intervenant"),
    ("greta", "GRETA", "intervenant"),
    ("afpa", "AFPA", "intervenant"),
    ("ordinateurs-reconditionnes", "Ordinateurs reconditionnés", "ressource matérielle"),
    ("bus-numerique", "Bus numérique itinérant", "ressource matérielle"),
    ("fablab", "Fablab", "ressource matérielle"),
    ("tiers-lieux", "Tiers-lieux", "partenaire de projet"),
    ("epn", "Espaces publics numériques", "ressource matérielle"),
    ("solidarite-numerique", "Solidarité numérique (plateforme)", "ressource matérielle"),
    ("mon-espace-sante", "Mon espace santé (ambassadeurs)", "intervenant"),
    ("secours-populaire", "Secours populaire", "partenaire de projet"),
    ("croix-rouge", "Croix-Rouge française", "partenaire de projet"),
    ("ccas-national", "Réseau des CCAS (UNCCAS)", "partenaire de projet"),
    ("bibliotheques", "Réseau départemental des bibliothèques", "partenaire de projet"),
    ("plan-france-relance", "Plan France Relance (volet inclusion numérique)", "financement"),
]
LOCAL_KINDS: list[tuple[str, str, str]] = [
    ("mediatheque", "Médiathèque de {}", "ressource matérielle"),
    ("ccas", "CCAS de {}", "partenaire de projet"),
    ("salle-informatique", "Salle informatique de la mairie de {}", "ressource matérielle"),
    ("association", "Association numérique de {}", "intervenant"),
    ("centre-social", "Centre social de {}", "partenaire de projet"),
]
# Shared identifiers (issue 11): the pool's national programmes name their concept of
# ontology/programmes.ttl (« programme national »), and national partners carry one
# SIRET each, the same in every territory (made up: 9 digits from the identifier and a
# Luhn key, marked by the row's hypothèse like the rest), so that the cross-territory
# questions join territories on national IRIs as published roadmaps would.
POOL_PROGRAMMES: dict[str, str] = {
    "conseillers-numeriques": "Conseillers numériques",
    "aidants-connect": "Aidants Connect",
    "pass-numerique": "Pass numérique",
    "france-services": "France Services",
    "pix": "PIX",
}
POOL_SIRET = {
    "emmaus-connect",
    "la-mednum",
    "caf",
    "cpam",
    "france-travail",
    "carsat",
    "la-poste",
    "msa",
    "secours-populaire",
    "croix-rouge",
    "ccas-national",
    "fondation-orange",
}
STATUSES = ("opérante", "connue, sans lien")
# Workbook column → IFN CSV column, as the builder reads them.
IFN_COLUMNS: dict[str, str] = {
    column: notation for column, (_, notation) in IFN_COLUMNS_BY_INDICATOR.items()
}


class NationalData:
    """What the generator read: the EPCIs with their members, and the IFN scores."""

    def __init__(self, data: Path = SHARED_DATA) -> None:
        epcis = json.loads((data / "decoupage-administratif" / "epci.json").read_text("utf-8"))
        self.epcis: list[dict[str, object]] = sorted(epcis, key=lambda e: str(e["code"]))
        with open(data / "ifn" / "ifn-communes.csv", encoding="utf-8", newline="") as handle:
            self.ifn = {row["code"]: row for row in csv.DictReader(handle)}


def national_path(cache: Path, limit: int | None) -> Path:
    """Where the N-Quads file for ``limit`` EPCIs (None = all) is cached."""
    size = "toutes" if limit is None else str(limit)
    return cache / f"national-v{GENERATOR_VERSION}-{size}.nq"


def _synthetic(cells: Mapping[str, str]) -> dict[str, str]:
    # The hypothèse says the row is made up; a per-row source would only repeat it.
    row = {k: v for k, v in cells.items() if k != "source"}
    row["hypothèse"] = HYPOTHESIS
    return row


def synthetic_siret(ident: str) -> str:
    """A made-up SIRET for a pool partner: 13 digits from its identifier, Luhn key."""
    digits = str(int.from_bytes(ident.encode("utf-8"), "big") % 10**13).zfill(13)
    for key in "0123456789":
        candidate = digits + key
        total = 0
        for position, digit in enumerate(reversed(candidate)):
            value = int(digit) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("a Luhn key always exists")


def _pool_row(ident: str, name: str, kind: str) -> dict[str, str]:
    return _shared_ids({"identifiant": ident, "nom": name, "type": kind, "hypothèse": HYPOTHESIS})


def _shared_ids(row: dict[str, str]) -> dict[str, str]:
    """The row with its programme and SIRET when its identifier is a shared one."""
    ident = row["identifiant"]
    if ident in POOL_PROGRAMMES:
        row["programme national"] = POOL_PROGRAMMES[ident]
    if ident in POOL_SIRET:
        row["siret"] = synthetic_siret(ident)
    return row


def _score(value: str) -> str:
    # The index file writes 0 where a commune has no score; the builder wants 1 to 10.
    return f"{float(value):.2f}" if value and 1 <= float(value) <= 10 else ""


def _workbook_rows(
    template: Mapping[str, list[dict[str, str]]],
    epci: Mapping[str, object],
    ifn: Mapping[str, Mapping[str, str]],
) -> dict[str, list[dict[str, str]]]:
    siren = str(epci["code"])
    rng = random.Random(int(siren))
    members = [m for m in epci["membres"] if isinstance(m, dict)]  # type: ignore[attr-defined]
    codes = [str(m["code"]) for m in members]
    classes = [r["identifiant"] for r in template["Typologie"]]
    rows: dict[str, list[dict[str, str]]] = {}
    for sheet in ("Étapes", "Livrables", "Typologie", "Enjeux", "Défis", "Chantiers"):
        rows[sheet] = [dict(r) for r in template[sheet]]
    for sheet in ("Critères", "Freins", "Services", "Coordination", "Acteurs", "Gouvernance"):
        rows[sheet] = [_synthetic(r) for r in template[sheet]]
    for sheet in ("Critères", "Freins", "Acteurs"):
        for r in rows[sheet]:
            r.pop("hypothèse", None)  # these sheets have no such column
    rows["Feuille de route"] = [
        {
            "identifiant": f"fdr-{siren}",
            "titre": f"Feuille de route d'inclusion numérique — {epci['nom']}",
            "territoire": siren,
            "iri de base": f"{BASE}{siren}/",
            "source": SOURCE,
            "licence": "https://spdx.org/licenses/MIT.html",
        }
    ]
    rows["Communes"] = []
    for member in members:
        code = str(member["code"])
        scores = ifn.get(code, {})
        commune = {
            "code insee": code,
            "nom": str(member["nom"]),
            "population": str(member.get("populationMunicipale") or ""),
            "epci": siren,
            "classe": rng.choice(classes),
            "hypothèse": HYPOTHESIS,
        }
        for column, ifn_column in IFN_COLUMNS.items():
            commune[column] = _score(scores.get(ifn_column, ""))
        rows["Communes"].append(commune)
    rows["Groupes"] = []
    for group in template["Groupes"]:
        row = _synthetic(group)
        row["communes"] = "|".join(rng.sample(codes, min(len(codes), rng.randint(0, 3))))
        rows["Groupes"].append(row)
    rows["Actions"] = []
    for action in template["Actions"]:
        row = _synthetic(action)
        if rng.random() < 0.3:
            row["communes"] = "|".join(rng.sample(codes, min(len(codes), rng.randint(1, 3))))
        else:
            row["communes"] = ""
        rows["Actions"].append(row)
    resources = [_shared_ids(_synthetic(r)) for r in template["Ressources"]]
    taken = {
        r["identifiant"] for sheet in ("Ressources", "Acteurs", "Services") for r in template[sheet]
    }
    pool = [entry for entry in NATIONAL_POOL if entry[0] not in taken]
    for ident, name, kind in rng.sample(pool, min(len(pool), 22)):
        resources.append(_pool_row(ident, name, kind))
    for i, member in enumerate(rng.sample(members, min(len(members), 17))):
        ident, pattern, kind = LOCAL_KINDS[i % len(LOCAL_KINDS)]
        resources.append(
            {
                "identifiant": f"{ident}-{member['code']}",
                "nom": pattern.format(member["nom"]),
                "type": kind,
                "hypothèse": HYPOTHESIS,
            }
        )
    rows["Ressources"] = resources
    chantiers = [r["identifiant"] for r in template["Chantiers"]]
    pairs = {(r["chantier"], r["ressource"]) for r in template["Mobilisations"]}
    resource_ids = [r["identifiant"] for r in resources]
    while len(pairs) < 150:
        pairs.add((rng.choice(chantiers), rng.choice(resource_ids)))
    rows["Mobilisations"] = []
    for chantier, resource in sorted(pairs):
        dated = rng.random() < 0.4
        rows["Mobilisations"].append(
            {
                "chantier": chantier,
                "ressource": resource,
                "statut": STATUSES[0] if rng.random() < 0.55 else STATUSES[1],
                "depuis": (
                    f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                    if dated
                    else ""
                ),
                "hypothèse": HYPOTHESIS,
            }
        )
    return rows


def _quads(nt: bytes, graph: str) -> Iterator[bytes]:
    suffix = f" <{graph}> .\n".encode()
    for line in nt.splitlines():
        line = line.rstrip()
        if line.endswith(b"."):
            yield line[:-1].rstrip() + suffix


def generate(
    target: Path,
    limit: int | None = None,
    progress: Callable[[str], None] = print,
) -> dict[str, object]:
    """Write the N-Quads of ``limit`` EPCIs (None = all) to ``target``; return figures."""
    from feuille_de_route import atomic_write
    from feuille_de_route.graph import GRAND_PERIGUEUX, build_graph, read_workbook
    from feuille_de_route.graph._workbook import Workbook

    start = time.perf_counter()
    data = NationalData()
    template_book = read_workbook(GRAND_PERIGUEUX)
    template = {
        name: [dict(r.cells) for r in sheet] for name, sheet in template_book.sheets.items()
    }
    epcis = data.epcis if limit is None else data.epcis[:limit]
    triples = 0
    communes = 0
    with atomic_write(target) as tmp, open(tmp, "wb") as out:
        for i, epci in enumerate(epcis, start=1):
            rows = _workbook_rows(template, epci, data.ifn)
            communes += len(rows["Communes"])
            sheets: dict[str, list[Mapping[str, str]]] = {k: list(v) for k, v in rows.items()}
            graph = build_graph(Workbook.from_rows(f"synthétique {epci['code']}", sheets))
            name = f"{BASE}{epci['code']}/"
            for quad in _quads(graph.serialize(format="nt", encoding="utf-8"), name):
                out.write(quad)
                triples += 1
            if i % 100 == 0 or i == len(epcis):
                progress(
                    f"  {i}/{len(epcis)} EPCI, {triples} triplets, "
                    f"{time.perf_counter() - start:.0f} s"
                )
    codes = [str(e["code"]) for e in epcis]
    return {
        "territoire": "200040392" if "200040392" in codes else codes[0],
        "epci": len(epcis),
        "communes": communes,
        "triplets": triples,
        "duree_generation_s": round(time.perf_counter() - start, 1),
        "fichier": str(target),
    }
