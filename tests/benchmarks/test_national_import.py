"""The national benchmark's ``--etapes``: a section run alone replaces its part of the
report, the others are kept with their own date and command, and the page is written
from the whole (no measurement runs here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[2]
if str(ROOT) not in sys.path:  # the benchmarks are run from the root, not installed
    sys.path.insert(0, str(ROOT))

from benchmarks.national_import import main, markdown, merged  # noqa: E402

REPORT = ROOT / "benchmarks" / "resultats" / "national.json"


def _import_section(date: str) -> dict[str, Any]:
    return {
        "date": date,
        "commande": "python -m benchmarks.national_import --etapes import",
        "nombre": 3,
        "import": {
            "total_s": 2.0,
            "cpu_s": 1.0,
            "importees": 3,
            "refusees": [],
            "triplets": 900,
            "memoire_max_mo": 90.0,
        },
        "chargement": {"total_s": 1.5, "cpu_s": 0.6, "memoire_max_mo": 80.0},
        "oxigraph_load": {"total_s": 1.0, "cpu_s": 0.5, "memoire_max_mo": 70.0},
        "oxigraph_load_graphe": {"total_s": 1.0, "cpu_s": 0.6},
        "oxigraph_load_graphes": {"total_s": 1.0, "cpu_s": 0.3, "memoire_max_mo": 60.0},
        "phases": {"lecture": 0.2, "portee": 0.1, "formes": 0.3, "ecriture": 0.4},
    }


def test_a_section_run_alone_replaces_only_its_part() -> None:
    legacy = json.loads(REPORT.read_text("utf-8"))
    first = merged(legacy, {"import": _import_section("2026-01-01 10:00 UTC")})
    assert first["import"]["date"] == "2026-01-01 10:00 UTC"
    kept = {"formes", "memoire", "questions"} & set(first)
    assert kept  # the other sections of the earlier report are still there
    again = merged(first, {"import": _import_section("2026-01-02 10:00 UTC")})
    assert again["import"]["date"] == "2026-01-02 10:00 UTC"
    assert all(again[k] == first[k] for k in kept)
    page = markdown(again)
    assert "2026-01-02 10:00 UTC — 3 feuilles de route" in page
    assert "2026-01-01" not in page
    # The loading alone, measured apart: 0.6 / 0.5 = 1.2 against the files; 0.6 / 0.3 = 2
    # against the fair reference (the goal's), missed; 1.5 / 1.0 in wall time.
    assert "chargement seul 1.20× contre les mêmes fichiers" in page
    assert "dans son graphe : 2.00× (la référence équitable : objectif MANQUÉ)" in page
    assert "en temps mural contre ce TriG : 1.50×" in page
    assert "| 1.5 s | 0.6 s | 80 Mo | — |" in page
    assert "## Lecture" in page


def test_an_unknown_step_is_refused() -> None:
    with pytest.raises(SystemExit, match="--etapes : questionss"):
        main(["--etapes", "import,questionss"])


def _questions_section(median: float) -> dict[str, Any]:
    asked = {"cas": "comptes par département (tous)", "lignes": 9626, "cpu_s": median}
    return {
        "date": "2026-01-03 10:00 UTC",
        "commande": "python -m benchmarks.national_import --etapes questions",
        "nombre": 3,
        "delai_rdflib": 30.0,
        "oxigraph": [
            {**asked, "s": median, "min_s": 0.4, "max_s": 0.7, "premiere_s": 0.9},
        ],
        "rdflib": [{**asked, "s": None, "cpu_s": None}],
    }


def test_a_question_is_judged_on_its_median_with_its_range_and_cold_run_beside() -> None:
    page = markdown(merged(None, {"questions": _questions_section(0.45)}))
    row = next(line for line in page.splitlines() if line.startswith("| comptes"))
    assert row.split(" | ")[2:6] == ["450.0 ms", "450.0 ms", "400.0 ms – 700.0 ms", "900.0 ms"]
    assert row.endswith("| atteint |")
    slow = markdown(merged(None, {"questions": _questions_section(0.55)}))
    assert "| MANQUÉ |" in slow


def test_the_summary_of_a_question_is_the_median_of_its_warm_runs() -> None:
    from benchmarks.national_import import _summary

    runs = [{"cas": "q", "lignes": 1, "s": s, "cpu_s": s} for s in (0.9, 0.3, 0.5, 0.4)]
    summary = _summary(runs[0], runs[1:])
    assert (summary["s"], summary["min_s"], summary["max_s"]) == (0.4, 0.3, 0.5)
    assert summary["premiere_s"] == 0.9
    stopped = _summary(runs[0], [*runs[1:], {**runs[1], "s": None, "cpu_s": None}])
    assert stopped["s"] is None


def test_the_reading_of_the_shapes_gives_the_ratio_of_the_run_it_follows() -> None:
    legacy = json.loads(REPORT.read_text("utf-8"))
    shapes = {**legacy["formes"], "rapport": 12.3, "feuilles_comparees": 7, "nombre": 9}
    page = markdown(merged(legacy, {"formes": shapes}))
    reading = page.split("## Lecture", 1)[1]
    assert "les mêmes résultats que pyshacl sur les 7 feuilles de route" in reading
    assert "12.3× plus vite (9 feuilles de route)" in reading
    differing = markdown(merged(legacy, {"formes": {**shapes, "desaccords": ["a.ttl"]}}))
    assert "des résultats différents que pyshacl" in differing.split("## Lecture", 1)[1]
