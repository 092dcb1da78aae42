"""One store in its own process: load, run the cases, report time and peak memory.

Run as ``python -m benchmarks._worker CONFIG.json``; prints one JSON object. A separate
process per store keeps each peak memory (``ru_maxrss``) its own.
"""

from __future__ import annotations

import datetime
import json
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import Any

__all__ = ["main"]


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _params(raw: dict[str, Any]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in raw.items():
        if isinstance(value, dict) and "date" in value:
            out[key] = datetime.date.fromisoformat(value["date"])
        else:
            out[key] = value
    return out


def _load(config: dict[str, Any], workdir: Path) -> tuple[Any, dict[str, Any]]:
    kind = config["store"]
    start = time.perf_counter()
    info: dict[str, Any] = {}
    if kind == "grand-perigueux":
        from feuille_de_route.graph import load_roadmap
        from feuille_de_route.graph.store import MemoryStore

        graph = load_roadmap(None)
        store: Any = MemoryStore(graph)
        info["triplets"] = len(graph)
    elif kind == "rdflib":
        from rdflib import Dataset

        from feuille_de_route.graph.store import MemoryStore

        dataset = Dataset(default_union=True)
        dataset.parse(config["data"], format="nquads")
        store = MemoryStore(dataset)
    elif kind == "oxigraph":
        from feuille_de_route.graph.store import OxigraphStore

        folder = workdir / "oxigraph"
        store = OxigraphStore(folder)
        store.load_file(Path(config["data"]))
        store.flush()
        info["disque_mo"] = _folder_mb(folder)
    else:
        raise SystemExit(f"magasin inconnu : {kind}")
    info["chargement_s"] = round(time.perf_counter() - start, 3)
    info["memoire_apres_chargement_mo"] = _peak_mb()
    return store, info


def _run_case(
    store: Any, case: dict[str, Any], runs: int, timeout: float, budget: float
) -> dict[str, Any]:
    from feuille_de_route.queries import run_query

    params = _params(case["params"])
    times: list[float] = []
    rows = 0
    for _ in range(runs):
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            rows = len(run_query(case["query"], store, **params))
        except _Timeout:
            return {**case, "statut": "délai dépassé", "delai_s": timeout, "executions": len(times)}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break  # slow: fewer runs (their number is reported) rather than hours
    return {
        **case,
        "statut": "ok",
        "lignes": rows,
        "executions": len(times),
        "mediane_s": round(statistics.median(times), 5),
        "min_s": round(min(times), 5),
        "max_s": round(max(times), 5),
    }


def main(argv: list[str]) -> int:
    config = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    signal.signal(signal.SIGALRM, _alarm)
    workdir = Path(tempfile.mkdtemp(prefix="banc-", dir=config.get("tmp")))
    try:
        store, info = _load(config, workdir)
        print(f"  chargé en {info['chargement_s']:.1f} s", file=sys.stderr, flush=True)
        results = []
        for case in config["cases"]:
            result = _run_case(store, case, config["runs"], config["timeout"], config["budget"])
            results.append(result)
            shown = f"{result['mediane_s']:.3f} s" if result["statut"] == "ok" else "interrompue"
            print(f"  {case['query']} ({case['variante']}) : {shown}", file=sys.stderr, flush=True)
        info["requetes"] = results
        info["memoire_max_mo"] = _peak_mb()
        info["magasin"] = config["store"]
        print(json.dumps(info, ensure_ascii=False))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
