"""``importer`` and the cross-territory questions at national scale (issue 11).

    FDR_SHARED=../shared nice python -m benchmarks.national_import [--nombre N]

N roadmaps (default: every EPCI of France, 1,255), one per EPCI, built by the real
builder from the national generator's workbooks (``_national``: shared identifiers —
national nodes, programmes, SIRET), each written once as Turtle under
``resultats/cache/`` as a territory would publish it. Then, in one run:

1. the shapes: the fast validator (shapes compiled to SPARQL on Oxigraph) on every
   roadmap, pyshacl on a sample (``--echantillon-pyshacl``, default 50: about 5 s each
   here), agreement checked on every roadmap both ran, pyshacl's total extrapolated
   (and labelled so);
2. the import (read, scope, shapes with the fast validator, named graph) of all of them
   into a new Oxigraph store, in its own process (peak memory its own), against a bare
   ``oxigraph load`` of the same files (wall and CPU time), and where the import's time
   goes, phase by phase (CPU time);
3. the same files in rdflib (a ``Dataset``, one named graph each), in its own process:
   loading time and peak memory;
4. every cross-territory question as a user asks it (counts, top 20, one programme, one
   pair) on the imported store (embedded Oxigraph) and on rdflib, each given
   ``--delai-rdflib`` seconds.

Results: ``benchmarks/resultats/national.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from ._national import GENERATOR_VERSION

__all__ = ["CASES", "GOALS", "READING", "main"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "resultats"
GEO = "https://w3id.org/feuille-de-route/geo/"
PROGRAMMES = "https://w3id.org/feuille-de-route/programmes/"
GOALS = {
    "validation_rapide_sur_pyshacl": 5.0,
    "import_sur_oxigraph_load": 1.5,
    "memoire_import_sur_rdflib": 0.5,
    "question_oxigraph_s": 0.5,
    "question_rdflib_sur_oxigraph": 30.0,
}
# What the figures say (written with the first runs, 12 and 100 roadmaps; see
# docs/architecture.md for the queries' shape).
READING = [
    "- Formes : le moteur compilé donne les mêmes résultats que pyshacl sur chaque feuille "
    "de route passée par les deux, une vingtaine de fois plus vite (objectif ≥ 5× tenu).",
    "- Import : il écrivait deux fois les N-Triples (formes, puis mise à jour SPARQL "
    "DROP + INSERT DATA, que le moteur analyse comme une requête) ; il les écrit une fois, "
    "et un graphe nouveau entre par un `load` d'Oxigraph (une transaction). Reste au-delà "
    "du chargement nu : la lecture vers un graphe rdflib (l'analyseur d'Oxigraph, puis un "
    "triplet Python à la fois), la portée et les formes, que `oxigraph load` ne fait pas, "
    "et l'écriture transactionnelle, graphe par graphe, plus lente que le chargeur en "
    "masse (sans transaction) : un import ne doit jamais laisser une demi-feuille de route. "
    "Prochaine étape : lire les fichiers RDF en quads Oxigraph sans passer par rdflib "
    "(portée et formes sur les quads), hors de ce lot.",
    "- Mémoire : l'import ne garde qu'une feuille de route à la fois ; son pic est surtout "
    "le socle (rdflib, pyshacl, l'ontologie chargée) et le cache d'Oxigraph, quand rdflib "
    "croît avec le nombre de feuilles de route.",
    "- Questions : Oxigraph sur disque paie environ 20 µs chaque recherche d'un motif "
    "qu'un autre a lié (une boucle sur l'union des graphes), contre environ 1 µs par ligne "
    "d'un motif parcouru. Les questions nationales trouvent désormais chaque table une fois "
    "dans une sous-requête et les joignent par hachage (sur 265 feuilles de route : 2,5 à "
    "6 fois moins de CPU, mêmes lignes), mais elles lisent encore chaque chantier, lien et "
    "ressource de chaque feuille de route : leur durée suit le nombre de feuilles de route "
    "et reste au-dessus de 0,5 s ; seuls des comptes précalculés par feuille de route (une "
    "« synthèse ») liraient moins. La paire côte à côte ne lit que les graphes de ses deux "
    "feuilles de route quand elle passe par le lanceur (`portee` de l'en-tête de la "
    "requête, `queries.run_select`) ; ce banc appelle `store.select` directement et lit "
    "l'union. Une question étroite (un programme) reste sous l'objectif.",
]
# A user's own question (not in the catalogue): the roadmaps where one programme
# operates, by number of operating links.
ONE_PROGRAMME = """PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT ?feuilleDeRoute (COUNT(DISTINCT ?lien) AS ?nbLiens) WHERE {
  ?ressource fdr:programme ?_programme ; fdr:feuilleDeRoute ?feuilleDeRoute .
  ?lien fdr:ressource ?ressource ; fdr:statut fdr:operante .
}
GROUP BY ?feuilleDeRoute
ORDER BY DESC(?nbLiens) STR(?feuilleDeRoute)
LIMIT 20"""
# (label, catalogue query or None for ONE_PROGRAMME, parameters, LIMIT or None).
# "mine", "other", "departement", "region" and "programme" are filled in per run.
CASES: list[tuple[str, str | None, dict[str, str], int | None]] = [
    ("comptes par département (tous)", "comptes-nationaux", {}, None),
    ("comptes d'un département", "comptes-nationaux", {"departement": "departement"}, None),
    ("comptes par région (toutes)", "comptes-regionaux", {}, None),
    ("comptes d'une région", "comptes-regionaux", {"region": "region"}, None),
    ("opérant ailleurs (tout)", "operant-ailleurs", {"maFeuilleDeRoute": "mine"}, None),
    ("opérant ailleurs, 20 premiers", "operant-ailleurs", {"maFeuilleDeRoute": "mine"}, 20),
    (
        "mêmes thèmes, 20 premiers",
        "chantiers-memes-themes",
        {"maFeuilleDeRoute": "mine"},
        20,
    ),
    ("un programme : où il opère, 20 premiers", None, {"_programme": "programme"}, None),
    (
        "une paire côte à côte",
        "comparaison",
        {"maFeuilleDeRoute": "mine", "autreFeuilleDeRoute": "other"},
        None,
    ),
]


# -- child processes: each store in its own process, its peak memory its own -----------


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child_import(config: dict[str, Any]) -> dict[str, Any]:
    from feuille_de_route.graph.importer import Reading, import_sources
    from feuille_de_route.graph.store import OxigraphStore

    paths = [Path(p) for p in config["paths"]]
    wall, cpu = time.perf_counter(), _cpu()
    store = OxigraphStore(Path(config["folder"]))
    done = 0

    def progress() -> None:
        nonlocal done
        done += 1
        if done % 50 == 0 or done == len(paths):
            print(f"  import : {done}/{len(paths)}", file=sys.stderr, flush=True)

    outcomes = import_sources(paths, store, Reading(validation="oxigraph"), on_source=progress)
    store.flush()
    refused = [o.source for o in outcomes if not o.imported]
    return {
        "total_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(_cpu() - cpu, 2),
        "importees": len(outcomes) - len(refused),
        "refusees": refused[:5],
        "triplets": sum(o.triples for o in outcomes),
        "memoire_max_mo": _peak_mb(),
    }


def _child_phases(config: dict[str, Any]) -> dict[str, Any]:
    """The import's steps one by one on the same files (CPU seconds each), into a new
    store: where its time goes."""
    from feuille_de_route.graph.importer import check_scope, validate_on_oxigraph
    from feuille_de_route.graph.importer._quads import parse_quads
    from feuille_de_route.graph.importer._sources import DEFAULT_READING
    from feuille_de_route.graph.store import OxigraphStore, roadmap_graph_name
    from feuille_de_route.graph.store._terms import ntriples

    store = OxigraphStore(Path(config["folder"]))
    phases = dict.fromkeys(("lecture", "portee", "n_triples", "formes", "ecriture"), 0.0)
    for path in map(Path, config["paths"]):
        start = _cpu()
        graph = parse_quads(path, "turtle", DEFAULT_READING.limits)
        name = roadmap_graph_name(graph)
        read = _cpu()
        check_scope(graph, name, ())
        scoped = _cpu()
        data = ntriples(graph)
        written = _cpu()
        validate_on_oxigraph(data)
        checked = _cpu()
        store.add_ntriples(data, name)
        stored = _cpu()
        for key, seconds in zip(
            phases,
            (read - start, scoped - read, written - scoped, checked - written, stored - checked),
            strict=True,
        ):
            phases[key] += seconds
    store.flush()
    return {key: round(value, 2) for key, value in phases.items()}


def _run_cases(store: Any, cases: list[dict[str, Any]], timeout: float) -> list[dict[str, Any]]:
    from rdflib import URIRef

    from feuille_de_route.queries import get_query
    from feuille_de_route.queries._parameters import bind_parameters

    signal.signal(signal.SIGALRM, _alarm)
    out = []
    for case in cases:
        if case["query"] is None:
            text = ONE_PROGRAMME
            bindings: dict[str, Any] = {k: URIRef(v) for k, v in case["params"].items()}
        else:
            query = get_query(case["query"])
            text = query.text + (f"\nLIMIT {case['limit']}" if case["limit"] else "")
            bindings = bind_parameters(query, case["params"])
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            rows = len(store.select(text, bindings).rows)
            seconds: float | None = round(time.perf_counter() - start, 4)
        except _Timeout:
            rows, seconds = -1, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        label = "interrompue" if seconds is None else f"{seconds:.3f} s"
        print(f"  {case['label']} : {label}", file=sys.stderr, flush=True)
        out.append({"cas": case["label"], "s": seconds, "lignes": rows})
    return out


def _child_oxigraph_queries(config: dict[str, Any]) -> dict[str, Any]:
    from feuille_de_route.graph.store import OxigraphStore

    store = OxigraphStore(Path(config["folder"]))
    # Each question twice: the first run warms the store's caches, the second is kept.
    _run_cases(store, config["cases"], config["timeout"])
    return {"questions": _run_cases(store, config["cases"], config["timeout"])}


def _child_rdflib(config: dict[str, Any]) -> dict[str, Any]:
    from rdflib import Dataset, URIRef

    from feuille_de_route.graph.store import MemoryStore, roadmap_graph_name
    from feuille_de_route.graph.store._vocabulary import VOCABULARY_GRAPH, vocabulary_graph

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    for path in map(Path, config["paths"]):
        graph = dataset.graph(URIRef(f"urn:chargement:{path.stem}"))
        graph.parse(path, format="turtle")
        named = dataset.graph(URIRef(roadmap_graph_name(graph)))
        named.addN((s, p, o, named) for s, p, o in graph)
        dataset.remove_graph(graph)
    vocabulary = dataset.graph(URIRef(VOCABULARY_GRAPH))
    vocabulary.addN((s, p, o, vocabulary) for s, p, o in vocabulary_graph())
    store = MemoryStore(dataset, engine="rdflib")
    loaded = round(time.perf_counter() - start, 2)
    peak = _peak_mb()
    return {
        "chargement_s": loaded,
        "memoire_max_mo": peak,
        "questions": _run_cases(store, config["cases"], config["timeout"]),
    }


CHILDREN = {
    "import": _child_import,
    "phases": _child_phases,
    "oxigraph": _child_oxigraph_queries,
    "rdflib": _child_rdflib,
}


def _child(mode: str, config: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.national_import", "--enfant", mode, handle.name],
            cwd=HERE.parent,
            stdout=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise SystemExit(f"l'étape « {mode} » a échoué (code {done.returncode}).")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the steps run here -----------------------------------------------------------------


def _items(report: Any) -> list[tuple[str, ...]]:
    return sorted(
        (i.severity, str(i.focus), str(i.path), str(i.value), i.message, str(i.component))
        for i in report.violations + report.warnings + report.infos
    )


def agreement(paths: Sequence[Path], sample: int) -> dict[str, Any]:
    """The fast validator on every roadmap, pyshacl on the first ``sample`` (spread over
    the list); items compared on each roadmap both ran."""
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.graph.importer import validate_on_oxigraph
    from feuille_de_route.ontology import validate

    step = max(1, len(paths) // max(1, sample))
    sampled = set(list(range(0, len(paths), step))[:sample])
    fast: list[float] = []
    slow: list[float] = []
    disagreements: list[str] = []
    compared = 0
    for number, path in enumerate(paths):
        graph = load_roadmap(path)
        start = time.process_time()
        quick = _items(validate_on_oxigraph(graph))
        fast.append(time.process_time() - start)
        if number in sampled:
            start = time.process_time()
            reference = _items(validate(graph))
            slow.append(time.process_time() - start)
            compared += 1
            if reference != quick:
                disagreements.append(path.name)
            print(f"  pyshacl : {len(slow)}/{len(sampled)}", file=sys.stderr, flush=True)
    per_fast, per_slow = statistics.median(fast), statistics.median(slow)
    return {
        "rapide_par_feuille_s": round(per_fast, 4),
        "rapide_total_s": round(sum(fast), 1),
        "pyshacl_par_feuille_s": round(per_slow, 3),
        "pyshacl_echantillon": len(slow),
        "pyshacl_total_extrapole_s": round(per_slow * len(paths), 0),
        "rapport": round(per_slow / per_fast, 1) if per_fast else None,
        "feuilles_comparees": compared,
        "desaccords": disagreements,
    }


def bare_load(paths: Sequence[Path], folder: Path) -> dict[str, Any] | None:
    """``oxigraph load`` of the same files into a new store: wall and CPU seconds."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        return None
    command = [binary, "load", "--location", str(folder)]
    for path in paths:
        command += ["--file", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"total_s": round(time.perf_counter() - start, 2), "cpu_s": round(cpu, 2)}


def _cases(paths: Sequence[Path]) -> list[dict[str, Any]]:
    from feuille_de_route.graph import epci

    base = "https://w3id.org/feuille-de-route/territoires/"
    stems = [p.stem for p in paths]
    mine = "200040392" if "200040392" in stems else stems[0]
    other = stems[1] if stems[1] != mine else stems[0]
    departement = _departement(epci(mine))
    from feuille_de_route.graph._territories import departement_region

    region = departement_region(departement)
    values = {
        "mine": f"{base}{mine}/",
        "other": f"{base}{other}/",
        "departement": f"{GEO}departement/{departement}",
        "region": str(region),
        "programme": f"{PROGRAMMES}conseillers-numeriques",
    }
    return [
        {
            "label": label,
            "query": query,
            "params": {name: values[key] for name, key in params.items()},
            "limit": limit,
        }
        for label, query, params, limit in CASES
    ]


def _departement(found: Any) -> str:
    from feuille_de_route.graph import commune

    return str(commune(found.members[0].insee).departement)


# -- report -------------------------------------------------------------------------


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "interrompue"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _verdict(ok: bool) -> str:
    return "atteint" if ok else "MANQUÉ"


def _markdown(report: dict[str, Any]) -> str:
    agree, run, bare = report["formes"], report["import"], report["oxigraph_load"]
    phases, rd = report["phases"], report["rdflib"]
    n = report["nombre"]
    lines = [
        "# Banc d'essai national : importer et questions entre territoires",
        "",
        f"{report['date']} — {report['machine']} — {n} feuilles de route synthétiques "
        f"(une par EPCI, générateur national v{GENERATOR_VERSION}, constructeur réel, "
        f"identifiants partagés), {run['triplets']} triplets.",
        "",
        f"Commande : `{report['commande']}`.",
        "",
        "Machine partagée (2 cœurs pour plusieurs sessions) : les durées murales varient "
        "avec la charge ; les temps CPU sont donnés à côté.",
        "",
        "## Formes SHACL",
        "",
        "| moteur | par feuille de route (médiane, CPU) | total |",
        "|---|---|---|",
        f"| formes compilées, Oxigraph (toutes) | {agree['rapide_par_feuille_s']:.3f} s | "
        f"{agree['rapide_total_s']:.1f} s |",
        f"| pyshacl (échantillon de {agree['pyshacl_echantillon']}) | "
        f"{agree['pyshacl_par_feuille_s']:.3f} s | {agree['pyshacl_total_extrapole_s']:.0f} s "
        f"**extrapolé** ({n} × médiane) |",
        "",
        f"Rapport : {agree['rapport']}× (objectif ≥ {GOALS['validation_rapide_sur_pyshacl']:g}× : "
        f"{_verdict((agree['rapport'] or 0) >= GOALS['validation_rapide_sur_pyshacl'])}). "
        f"Concordance vérifiée sur les {agree['feuilles_comparees']} feuilles de route passées "
        f"par les deux moteurs : {len(agree['desaccords'])} désaccord(s) "
        f"{agree['desaccords'] or ''}.",
        "",
        "## Import (lecture, portée, formes rapides, graphe nommé) contre `oxigraph load` nu",
        "",
        "| | mural | CPU | importées |",
        "|---|---|---|---|",
        f"| `feuille-de-route importer --validation rapide` | {run['total_s']:.1f} s | "
        f"{run['cpu_s']:.1f} s | {run['importees']}/{n} |",
    ]
    if bare:
        lines.append(
            f"| `oxigraph load` nu des mêmes fichiers | {bare['total_s']:.1f} s | "
            f"{bare['cpu_s']:.1f} s | — |"
        )
    total_phases = sum(phases.values()) or 1.0
    write = phases["n_triples"] + phases["ecriture"]
    lines += [
        "",
        "Où va le temps de l'import (CPU, mêmes fichiers, étape par étape) :",
        "",
        "| étape | CPU | part |",
        "|---|---|---|",
    ]
    names = {
        "lecture": "lecture (analyseur d'Oxigraph → graphe rdflib)",
        "portee": "portée (check_scope)",
        "n_triples": "écriture N-Triples (une fois, lue par les formes et le stockage)",
        "formes": "formes compilées sur Oxigraph en mémoire",
        "ecriture": "écriture du graphe nommé (load, une transaction)",
    }
    for key, label in names.items():
        lines.append(f"| {label} | {phases[key]:.2f} s | {phases[key] / total_phases:.0%} |")
    if bare:
        whole = run["cpu_s"] / max(bare["cpu_s"], 1e-6)
        only = write / max(bare["cpu_s"], 1e-6)
        lines += [
            "",
            f"Rapport au chargement nu (CPU) : import complet {whole:.1f}× ; chargement seul "
            f"(N-Triples + écriture du graphe nommé) {only:.2f}× (objectif ≤ "
            f"{GOALS['import_sur_oxigraph_load']:g}× pour le chargement : "
            f"{_verdict(only <= GOALS['import_sur_oxigraph_load'])}). L'import complet ajoute "
            "ce que le chargement nu ne fait pas : lire vers rdflib, vérifier la portée et "
            "les formes.",
        ]
    ratio = run["memoire_max_mo"] / max(rd["memoire_max_mo"], 1e-6)
    lines += [
        "",
        "## Mémoire",
        "",
        f"Pic de l'import dans Oxigraph : {run['memoire_max_mo']:.0f} Mo ; les mêmes fichiers "
        f"dans rdflib (Dataset, un graphe nommé chacun, {rd['chargement_s']:.1f} s) : "
        f"{rd['memoire_max_mo']:.0f} Mo ; rapport {ratio:.2f} (objectif ≤ "
        f"{GOALS['memoire_import_sur_rdflib']:g} : "
        f"{_verdict(ratio <= GOALS['memoire_import_sur_rdflib'])}).",
        "",
        "## Questions entre territoires, posées comme un utilisateur",
        "",
        "| question | lignes | Oxigraph embarqué | rdflib | rdflib / Oxigraph | objectifs |",
        "|---|---|---|---|---|---|",
    ]
    for mine, theirs in zip(report["oxigraph"]["questions"], rd["questions"], strict=True):
        fast, slow = mine["s"], theirs["s"]
        if fast is not None and slow is not None:
            times = f"{slow / max(fast, 1e-6):.0f}×"
            both = fast < GOALS["question_oxigraph_s"] and slow / max(fast, 1e-6) >= 30
        elif fast is not None:
            times = f"> {report['delai_rdflib'] / max(fast, 1e-6):.0f}× (rdflib interrompu)"
            both = fast < GOALS["question_oxigraph_s"]
        else:
            times, both = "—", False
        lines.append(
            f"| {mine['cas']} | {mine['lignes']} | {_fmt(fast)} | {_fmt(slow)} | {times} | "
            f"{_verdict(both)} |"
        )
    lines += [
        "",
        f"Objectifs : < {GOALS['question_oxigraph_s']:g} s sur Oxigraph embarqué, et "
        f"≥ {GOALS['question_rdflib_sur_oxigraph']:g}× plus rapide que rdflib dans la même "
        f"exécution (rdflib interrompu après {report['delai_rdflib']:g} s). Oxigraph : "
        "deuxième exécution de chaque question (la première chauffe les caches).",
        "",
        "## Lecture",
        "",
        *READING,
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.national_import")
    parser.add_argument(
        "--nombre", type=int, default=None, help="feuilles de route (défaut : toutes)"
    )
    parser.add_argument("--echantillon-pyshacl", type=int, default=50)
    parser.add_argument("--delai-rdflib", type=float, default=60.0)
    parser.add_argument("--enfant", nargs=2, metavar=("ETAPE", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.enfant:
        mode, config = args.enfant
        result = CHILDREN[mode](json.loads(Path(config).read_text("utf-8")))
        print(json.dumps(result))
        return 0
    from .importer import roadmaps

    count = args.nombre if args.nombre is not None else 10**6
    paths = roadmaps(count)
    print(f"{len(paths)} feuilles de route prêtes.", file=sys.stderr)
    cases = _cases(paths)
    files = [str(p) for p in paths]
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}"
        ),
        "commande": "FDR_SHARED=../shared nice python -m benchmarks.national_import"
        + (f" --nombre {args.nombre}" if args.nombre is not None else "")
        + f" --echantillon-pyshacl {args.echantillon_pyshacl}",
        "nombre": len(paths),
        "delai_rdflib": args.delai_rdflib,
    }
    print("Formes : rapide sur toutes, pyshacl sur l'échantillon…", file=sys.stderr)
    report["formes"] = agreement(paths, args.echantillon_pyshacl)
    with tempfile.TemporaryDirectory() as tmp:
        print("Import dans Oxigraph…", file=sys.stderr)
        folder = str(Path(tmp) / "import")
        report["import"] = _child("import", {"paths": files, "folder": folder})
        report["oxigraph_load"] = bare_load(paths, Path(tmp) / "nu")
        print("Étapes de l'import…", file=sys.stderr)
        report["phases"] = _child("phases", {"paths": files, "folder": str(Path(tmp) / "p")})
        print("Questions sur Oxigraph…", file=sys.stderr)
        timeout = args.delai_rdflib
        report["oxigraph"] = _child(
            "oxigraph", {"folder": folder, "cases": cases, "timeout": timeout}
        )
    print("rdflib : chargement et questions…", file=sys.stderr)
    report["rdflib"] = _child("rdflib", {"paths": files, "cases": cases, "timeout": timeout})
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "national.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    text = _markdown(report)
    (RESULTS / "national.md").write_text(text, encoding="utf-8")
    print(text)
    return 1 if report["formes"]["desaccords"] else 0


if __name__ == "__main__":
    sys.exit(main())
