"""Query benchmark: the catalogue on a national-scale graph, embedded Oxigraph vs rdflib.

``python -m benchmarks --seulement requetes [--rapide] [--repetitions N] [--epci N]``
generates (once, cached) one roadmap per EPCI of France, loads it into each store in a
separate process, runs every catalogue query with realistic parameters, and writes
``resultats/requetes.json`` and ``resultats/requetes.md``. rdflib is given a per-query
delay; with ``--rapide`` it only runs a few queries for one territory. Skipped and
interrupted runs are written down, never left out silently.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._national import BASE, generate, national_path
from .memoire import measure, table

__all__ = ["GOALS", "cases", "main"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "resultats"
CACHE = RESULTS / "cache"
# The synthetic roadmap of CA Le Grand Périgueux stands for "one territory" at scale
# (the first generated EPCI when the run is limited to a few).
TERRITORY_SIREN = "200040392"
GRAND_PERIGUEUX_IRI = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
GOALS = {
    "requete_nationale_oxigraph_s": 0.5,
    "chargement_oxigraph_s": 10.0,
    "memoire_oxigraph_sur_rdflib": 0.5,
    "requete_grand_perigueux_memoire_s": 0.05,
}
# What --rapide still runs on rdflib at national scale: every query for one roadmap
# (the "territoire" variant), none over all roadmaps.
RDFLIB_QUICK_VARIANT = "territoire"


# Why the figures are what they are (written with the rewrite of the catalogue into one
# named graph per roadmap; see docs/architecture.md).
READING = [
    "Une feuille de route : chaque requête du catalogue lit le graphe nommé de la feuille "
    "de route (GRAPH ?_feuilleDeRoute) et Oxigraph reçoit son IRI comme une constante "
    "(substitution native) : il ne lit que ce graphe, OPTIONAL compris. Avant, il évaluait "
    "le côté droit de chaque OPTIONAL sur tout le stockage avant la jointure.",
    "Toutes les feuilles de route : la requête parcourt les 1 255 graphes ; le temps suit "
    "le nombre de quads lus (chaque accès à l'index RocksDB coûte quelques µs, une "
    "anti-jointure lit par exemple les 100 000 liens opérants du pays) et le nombre de "
    "lignes rendues (5 000 à 400 000) converties en Python. L'objectif de 0,5 s n'est pas "
    "à la portée de ces questions nationales sur une machine : on les pose feuille de "
    "route par feuille de route (quelques ms chacune) ou on les traite comme des exports.",
    "Grand Périgueux en mémoire : le magasin en mémoire interroge Oxigraph (copie du graphe "
    "en une lecture de N-Triples) ; rdflib, gardé comme référence des tests, coûte "
    "quelques dizaines de µs par solution "
    "intermédiaire ; communes-par-typologie en crée des milliers (six OPTIONAL, six "
    "mesures par commune). Le pivot en un seul OPTIONAL avec des agrégats est plus lent "
    "sous rdflib (GROUP BY coûteux) et MAX(IF(…)) y échoue sur les valeurs non liées.",
]


def cases(territory: str | None) -> list[dict[str, Any]]:
    """Each catalogue query with realistic parameters.

    With a ``territory`` (national scale), two variants: ``territoire`` (that EPCI's
    roadmap, as its team would ask) and ``national`` (the same question over every
    roadmap). The chantier asked about is 1.b (the seed's fiche chantier), the date
    2022-01-01; parameters with a default keep it.
    """
    from feuille_de_route.queries import catalogue

    out: list[dict[str, Any]] = []
    for query in catalogue():
        variants = ("territoire", "national") if territory else ("grand-perigueux",)
        for variant in variants:
            params: dict[str, object] = {}
            for p in query.parameters:
                if p.name == "chantier":
                    params[p.name] = "1.b"
                elif p.type == "date":
                    params[p.name] = {"date": "2022-01-01"}
                elif p.name == "feuilleDeRoute" and variant == "territoire":
                    params[p.name] = territory
                elif p.name in ("maFeuilleDeRoute", "autreFeuilleDeRoute"):
                    # Cross-territory questions (issue 11) name a roadmap in both variants;
                    # with one roadmap in the store, it is compared with itself.
                    params[p.name] = territory or GRAND_PERIGUEUX_IRI
                elif p.required:
                    raise ValueError(f"pas de valeur réaliste pour {query.name}.{p.name}")
            out.append({"query": query.name, "variante": variant, "params": params})
    return out


def _worker(config: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks._worker", handle.name],
            cwd=HERE.parent,
            stdout=subprocess.PIPE,  # stderr passes through: progress lines
            text=True,
            check=False,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise SystemExit(f"le banc « {config['store']} » a échoué (code {done.returncode}).")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _by_key(result: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    entries = result.get("requetes", result.get("oxigraph", []))
    return {(r["query"], r["variante"]): r for r in entries}


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _cell(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return "non lancée"
    if entry["statut"] != "ok":
        return f"> {entry['delai_s']:g} s (interrompue)"
    runs = "" if entry["executions"] >= 5 else f" ({entry['executions']}×)"
    return _fmt(entry["mediane_s"]) + runs


def _goal(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return "—"
    fast = entry["statut"] == "ok" and entry["mediane_s"] < GOALS["requete_nationale_oxigraph_s"]
    return "ok" if fast else "MANQUÉ"


def _ratio(entry: dict[str, Any] | None, other: dict[str, Any] | None) -> str:
    """rdflib's time over Oxigraph's for the same case."""
    if entry is None or other is None or entry["statut"] != "ok":
        return "—"
    if other["statut"] != "ok":
        return f"> {other['delai_s'] / max(entry['mediane_s'], 1e-6):.0f}×"
    factor = other["mediane_s"] / max(entry["mediane_s"], 1e-6)
    return f"{factor:.0f}×" if factor >= 10 else f"{factor:.2g}×"


def _previous(path: Path) -> dict[str, Any] | None:
    """The medians of the run this one replaces, to show what changed."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None

    def medians(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        keys = ("query", "variante", "statut", "mediane_s", "delai_s", "executions", "lignes")
        return [{k: e[k] for k in keys if k in e} for e in entries]

    return {
        "date": old.get("date"),
        "oxigraph": medians(old.get("oxigraph", {}).get("requetes", [])),
        "grand_perigueux": medians(old.get("grand_perigueux", {}).get("requetes", [])),
    }


def _evolution(report: dict[str, Any]) -> list[str]:
    previous = report.get("precedent")
    if not previous:
        return []
    before_ox = _by_key(previous)
    before_gp = {e["query"]: e for e in previous["grand_perigueux"]}
    ox_by = _by_key(report["oxigraph"])
    gp_by = {e["query"]: e for e in report["grand_perigueux"]["requetes"]}
    lines = [
        "",
        f"## Évolution depuis le passage précédent ({previous['date']})",
        "",
        "Médianes avant → maintenant."
        + (
            f" Seule la dernière colonne est remesurée ({report['date_grand_perigueux']}, "
            "--memoire-seulement ; durées, donc sensibles à la charge de la machine : "
            "voir le temps CPU au tableau précédent)."
            if "date_grand_perigueux" in report
            else ""
        ),
        "",
        "| requête | Oxigraph, une | Oxigraph, toutes | Grand Périgueux en mémoire (défaut) |",
        "|---|---|---|---|",
    ]
    for name in dict.fromkeys(e["query"] for e in report["oxigraph"]["requetes"]):
        cells = [
            f"{_cell(before.get(key))} → {_cell(now.get(key))}"
            for before, now, key in (
                (before_ox, ox_by, (name, "territoire")),
                (before_ox, ox_by, (name, "national")),
                (before_gp, gp_by, name),
            )
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _markdown(report: dict[str, Any]) -> str:
    ox, rd, gp = report["oxigraph"], report["rdflib"], report["grand_perigueux"]
    data = report["donnees"]
    lines = [
        "# Banc d'essai des requêtes",
        "",
        f"Mesuré le {report['date']} sur {report['machine']}.",
        f"Données : {data['epci']} feuilles de route synthétiques (une par EPCI), "
        f"{data['communes']} communes avec leurs scores IFN, {data['triplets']} triplets "
        f"(N-Quads, un graphe nommé par feuille de route) ; médiane de "
        f"{report['repetitions']} exécutions par requête "
        "(moins quand une exécution est très lente : le nombre est alors indiqué).",
        "",
        "## Chargement et mémoire (échelle nationale)",
        "",
        "| magasin | chargement | mémoire max | disque |",
        "|---|---|---|---|",
        f"| Oxigraph embarqué | {_fmt(ox['chargement_s'])} | {ox['memoire_max_mo']} Mo | "
        f"{ox.get('disque_mo', '—')} Mo |",
        f"| rdflib en mémoire | {_fmt(rd.get('chargement_s'))} | "
        f"{rd.get('memoire_max_mo', '—')} Mo | — |",
        "",
        "## Requêtes du catalogue",
        "",
        "« une » : restreinte à une feuille de route (paramètre feuilleDeRoute : la requête "
        "ne lit que son graphe nommé) ; « toutes » : la même question sur toutes les feuilles "
        "de route. Objectif : < 0,5 s sur Oxigraph embarqué. Grand Périgueux : la feuille "
        "de route embarquée, en mémoire sur ses deux moteurs (objectif < 50 ms, tableau suivant).",
        "",
        "| requête | lignes (une / toutes) | Oxigraph, une | Oxigraph, toutes | rdflib, une "
        "| rdflib / Oxigraph (une) | objectif (une / toutes) |",
        "|---|---|---|---|---|---|---|",
    ]
    rd_by = _by_key(rd)
    ox_by = _by_key(ox)
    for name in dict.fromkeys(e["query"] for e in ox["requetes"]):
        one, every = ox_by.get((name, "territoire")), ox_by.get((name, "national"))
        other = rd_by.get((name, "territoire"))
        counts = " / ".join(str(e["lignes"]) if e else "—" for e in (one, every))
        goals = " / ".join(_goal(e) for e in (one, every))
        lines.append(
            f"| {name} | {counts} | {_cell(one)} | {_cell(every)} | {_cell(other)} | "
            f"{_ratio(one, other)} | {goals} |"
        )
    when = (
        f" (mesuré le {report['date_grand_perigueux']})" if "date_grand_perigueux" in report else ""
    )
    lines += ["", f"## Grand Périgueux en mémoire : Oxigraph (défaut) et rdflib{when}", ""]
    lines += table(gp) if "moteurs" in gp else []
    lines += _evolution(report)
    lines += ["", "## Objectifs", ""]
    lines += [f"- {line}" for line in report["objectifs"]]
    lines += ["", "## Lecture", ""]
    lines += [f"- {line}" for line in READING]
    if report["ignore"]:
        lines += ["", "## Non mesuré", ""]
        lines += [f"- {line}" for line in report["ignore"]]
    return "\n".join(lines) + "\n"


def _goals(report: dict[str, Any]) -> list[str]:
    ox, rd, gp = report["oxigraph"], report["rdflib"], report["grand_perigueux"]
    out = []
    slow = [
        f"{e['query']} ({e['variante']}, {_fmt(e['mediane_s'])})"
        for e in ox["requetes"]
        if e["mediane_s"] >= GOALS["requete_nationale_oxigraph_s"]
    ]
    out.append(
        "Oxigraph, chaque requête < 0,5 s à l'échelle nationale : "
        + ("atteint." if not slow else "MANQUÉ pour " + ", ".join(slow) + ".")
    )
    load = ox["chargement_s"]
    out.append(
        f"Oxigraph, chargement < 10 s : {'atteint' if load < 10 else 'MANQUÉ'} ({_fmt(load)})."
    )
    if rd.get("memoire_max_mo"):
        ratio = ox["memoire_max_mo"] / rd["memoire_max_mo"]
        out.append(
            f"Oxigraph, mémoire ≤ moitié de rdflib : {'atteint' if ratio <= 0.5 else 'MANQUÉ'} "
            f"({ox['memoire_max_mo']} Mo contre {rd['memoire_max_mo']} Mo, {ratio:.2f})."
        )
    if rd.get("chargement_s"):
        out.append(
            f"Chargement rdflib / Oxigraph : {rd['chargement_s'] / max(load, 1e-6):.1f}× "
            f"({_fmt(rd['chargement_s'])} contre {_fmt(load)})."
        )
    slow_gp = [
        f"{e['query']} ({_fmt(e.get('cpu_s', e['mediane_s']))})"
        for e in gp["requetes"]
        if e["statut"] != "ok"
        or e.get("cpu_s", e["mediane_s"]) >= GOALS["requete_grand_perigueux_memoire_s"]
    ]
    out.append(
        "Grand Périgueux en mémoire (Oxigraph, temps CPU), chaque requête < 50 ms : "
        + ("atteint." if not slow_gp else "MANQUÉ pour " + ", ".join(slow_gp) + ".")
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the query benchmark; return 0 (the goals are reported, not enforced)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks --seulement requetes",
        description="Banc d'essai des requêtes à l'échelle nationale.",
    )
    parser.add_argument(
        "--rapide",
        action="store_true",
        help="rdflib à l'échelle nationale seulement pour une feuille de route (pas toutes)",
    )
    parser.add_argument(
        "--repetitions",
        type=int,
        default=5,
        metavar="N",
        help="exécutions par requête (défaut : 5)",
    )
    parser.add_argument(
        "--epci",
        type=int,
        default=None,
        metavar="N",
        help="seulement les N premiers EPCI (défaut : tous)",
    )
    parser.add_argument(
        "--delai-rdflib",
        type=float,
        default=20.0,
        metavar="S",
        help="délai par requête rdflib à l'échelle nationale (défaut : 20 s)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=6.0,
        metavar="S",
        help="temps au-delà duquel une requête n'est plus répétée (défaut : 6 s)",
    )
    parser.add_argument(
        "--regenerer", action="store_true", help="régénérer les données même si le cache existe"
    )
    parser.add_argument(
        "--memoire-seulement",
        action="store_true",
        help="ne remesurer que le Grand Périgueux en mémoire (deux moteurs) ; les mesures "
        "nationales du dernier passage sont gardées",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.memoire_seulement:
        return _memory_only(args.repetitions)

    started = time.perf_counter()
    CACHE.mkdir(parents=True, exist_ok=True)
    data_path = national_path(CACHE, args.epci)
    meta_path = data_path.with_suffix(".json")
    if args.regenerer or not data_path.exists() or not meta_path.exists():
        print(f"Génération des données nationales → {data_path.name}")
        meta = generate(data_path, args.epci)
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    print(
        f"Données : {meta['epci']} EPCI, {meta['triplets']} triplets ; "
        f"territoire {meta['territoire']}."
    )

    territory = f"{BASE}{meta['territoire']}/"
    national = cases(territory)
    ignored: list[str] = []
    common = {
        "data": str(data_path),
        "runs": args.repetitions,
        "tmp": str(CACHE),
        "budget": args.budget,
    }
    print("Oxigraph embarqué…")
    ox = _worker({**common, "store": "oxigraph", "cases": national, "timeout": 600.0})
    print(f"  chargement {_fmt(ox['chargement_s'])}, mémoire max {ox['memoire_max_mo']} Mo")
    rd_cases = national
    if args.rapide:
        rd_cases = [c for c in national if c["variante"] == RDFLIB_QUICK_VARIANT]
        ignored.append(
            "rdflib à l'échelle nationale (--rapide) : seulement les requêtes restreintes à "
            "une feuille de route ; aucune sur toutes les feuilles de route."
        )
    print(f"rdflib en mémoire ({len(rd_cases)} cas, délai {args.delai_rdflib:g} s par requête)…")
    rd = _worker({**common, "store": "rdflib", "cases": rd_cases, "timeout": args.delai_rdflib})
    print(f"  chargement {_fmt(rd['chargement_s'])}, mémoire max {rd['memoire_max_mo']} Mo")
    interrupted = [f"{e['query']} ({e['variante']})" for e in rd["requetes"] if e["statut"] != "ok"]
    if interrupted:
        ignored.append(
            f"rdflib interrompu après {args.delai_rdflib:g} s pour : "
            + ", ".join(interrupted)
            + "."
        )
    print("Grand Périgueux en mémoire…")
    gp = measure(args.repetitions)  # both engines of MemoryStore, in this process
    gp["requetes"] = gp["moteurs"]["oxigraph"]["requetes"]  # the default engine's

    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {_cpus()} cœurs",
        "repetitions": args.repetitions,
        "rapide": args.rapide,
        "donnees": meta,
        "objectifs_cibles": GOALS,
        "oxigraph": ox,
        "rdflib": rd,
        "grand_perigueux": gp,
        "ignore": ignored,
    }
    report["precedent"] = _previous(RESULTS / "requetes.json")
    report["objectifs"] = _goals(report)
    report["duree_totale_s"] = round(time.perf_counter() - started, 1)
    _write(report)
    print()
    for line in report["objectifs"]:
        print(line)
    print(f"Résultats : {RESULTS / 'requetes.md'} ({report['duree_totale_s']:.0f} s en tout)")
    return 0


def _write(report: dict[str, Any]) -> None:
    from feuille_de_route import atomic_write_text

    RESULTS.mkdir(exist_ok=True)
    atomic_write_text(RESULTS / "requetes.json", json.dumps(report, ensure_ascii=False, indent=1))
    atomic_write_text(RESULTS / "requetes.md", _markdown(report))


def _memory_only(runs: int) -> int:
    """Measure the Grand Périgueux in memory again; keep the last national figures."""
    report: dict[str, Any] = json.loads((RESULTS / "requetes.json").read_text(encoding="utf-8"))
    print("Grand Périgueux en mémoire…")
    gp = measure(runs)
    gp["requetes"] = gp["moteurs"]["oxigraph"]["requetes"]
    report["precedent"] = _previous(RESULTS / "requetes.json")
    report["grand_perigueux"] = gp
    report["date_grand_perigueux"] = time.strftime("%Y-%m-%d %H:%M")
    report["objectifs"] = _goals(report)
    _write(report)
    for line in report["objectifs"]:
        print(line)
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
