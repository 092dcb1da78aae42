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

__all__ = ["GOALS", "cases", "main"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "resultats"
CACHE = RESULTS / "cache"
# The synthetic roadmap of CA Le Grand Périgueux stands for "one territory" at scale
# (the first generated EPCI when the run is limited to a few).
TERRITORY_SIREN = "200040392"
GOALS = {
    "requete_nationale_oxigraph_s": 0.5,
    "chargement_oxigraph_s": 10.0,
    "memoire_oxigraph_sur_rdflib": 0.5,
    "requete_grand_perigueux_memoire_s": 0.05,
}
# What --rapide still runs on rdflib at national scale (one territory each).
RDFLIB_QUICK = ("arbre", "mobilisations", "fiche-chantier", "ressources-partagees")


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
    return {(r["query"], r["variante"]): r for r in result.get("requetes", [])}


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
        "« territoire » : une feuille de route (paramètre feuilleDeRoute) ; « national » : "
        "toutes. Grand Périgueux : la feuille de route embarquée, rdflib en mémoire.",
        "",
        "| requête | variante | lignes | Oxigraph | rdflib | rdflib / Oxigraph | objectif |",
        "|---|---|---|---|---|---|---|",
    ]
    rd_by = _by_key(rd)
    for entry in ox["requetes"]:
        key = (entry["query"], entry["variante"])
        other = rd_by.get(key)
        ratio = "—"
        if other and other["statut"] == "ok" and entry["mediane_s"] > 0:
            factor = other["mediane_s"] / entry["mediane_s"]
            ratio = f"{factor:.0f}×" if factor >= 10 else f"{factor:.2g}×"
        elif other and other["statut"] != "ok":
            ratio = f"> {other['delai_s'] / max(entry['mediane_s'], 1e-6):.0f}×"
        goal = "ok" if entry["mediane_s"] < GOALS["requete_nationale_oxigraph_s"] else "MANQUÉ"
        lines.append(
            f"| {entry['query']} | {entry['variante']} | {entry['lignes']} | "
            f"{_cell(entry)} | {_cell(other)} | {ratio} | {goal} |"
        )
    lines += [
        "",
        f"## Grand Périgueux en mémoire ({gp['triplets']} triplets, rdflib)",
        "",
        "| requête | lignes | médiane | objectif < 50 ms |",
        "|---|---|---|---|",
    ]
    for entry in gp["requetes"]:
        ok = (
            entry["statut"] == "ok"
            and entry["mediane_s"] < GOALS["requete_grand_perigueux_memoire_s"]
        )
        lines.append(
            f"| {entry['query']} | {entry.get('lignes', '—')} | {_cell(entry)} | "
            f"{'ok' if ok else 'MANQUÉ'} |"
        )
    lines += ["", "## Objectifs", ""]
    lines += [f"- {line}" for line in report["objectifs"]]
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
        f"{e['query']} ({_cell(e)})"
        for e in gp["requetes"]
        if e["statut"] != "ok" or e["mediane_s"] >= GOALS["requete_grand_perigueux_memoire_s"]
    ]
    out.append(
        "Grand Périgueux en mémoire, chaque requête < 50 ms : "
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
        help=f"rdflib national seulement sur {', '.join(RDFLIB_QUICK)} (territoire)",
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
    args = parser.parse_args(list(argv) if argv is not None else None)

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
        rd_cases = [
            c for c in national if c["query"] in RDFLIB_QUICK and c["variante"] == "territoire"
        ]
        ignored.append(
            "rdflib à l'échelle nationale (--rapide) : seulement "
            + ", ".join(RDFLIB_QUICK)
            + " pour un territoire ; les autres cas ne sont pas lancés."
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
    gp = _worker(
        {**common, "data": "", "store": "grand-perigueux", "cases": cases(None), "timeout": 60.0}
    )

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
    report["objectifs"] = _goals(report)
    report["duree_totale_s"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    from feuille_de_route import atomic_write_text

    atomic_write_text(RESULTS / "requetes.json", json.dumps(report, ensure_ascii=False, indent=1))
    atomic_write_text(RESULTS / "requetes.md", _markdown(report))
    print()
    for line in report["objectifs"]:
        print(line)
    print(f"Résultats : {RESULTS / 'requetes.md'} ({report['duree_totale_s']:.0f} s en tout)")
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
