"""Cartography benchmark: from query rows to a drawn page, ours against pyvis's defaults.

For 200, 1,000 and 5,000 nodes of a synthetic roadmap (rows shaped exactly as the
catalogue queries return them), it measures:

- in Python, the time to build the graph, lay it out and write the HTML file;
- in headless Chromium (Debian's), the time from navigation to vis-network's first
  ``afterDrawing`` (the page is interactive by then: our script sets up filters and
  search before the first frame);

for our page and for pyvis 0.3.2 with its defaults (``add_node``/``add_edge``, physics,
smooth edges; vis-network inlined with ``cdn_resources="in_line"`` so it can draw
offline; its Bootstrap links are refused). pyvis's wait is capped and recorded as
"non dessiné" past the cap. Results go to ``benchmarks/resultats/carto.json`` and ``.md``.

    python -m benchmarks --seulement carto [--tailles 200,1000,5000] [--attente-pyvis 120]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from feuille_de_route.viz._document_pdf import CHROMIUM_ARGS

__all__ = ["main", "synthetic_results"]

RESULTS = Path(__file__).resolve().parent / "resultats"
BASE = "https://example.org/feuille-de-route/banc/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
TYPES = [
    ("PartenaireDeProjet", "partenaire de projet"),
    ("RessourceMaterielle", "ressource matérielle"),
    ("Intervenant", "intervenant"),
    ("Financement", "financement"),
]
# Wraps vis.Network as the page defines it, to time the first frame of any vis page
# (ours or pyvis's) the same way; vis-network assigns ``t.Network=…`` on ``window.vis``.
FIRST_DRAW_HOOK = """
(() => {
  let visObject;
  Object.defineProperty(window, "vis", {
    configurable: true, enumerable: true,
    get() { return visObject; },
    set(value) {
      visObject = value;
      let Original;
      Object.defineProperty(value, "Network", {
        configurable: true, enumerable: true,
        get() {
          if (!Original) { return undefined; }
          return function (container, data, options) {
            const network = new Original(container, data, options);
            network.once("afterDrawing", () => { window.__premierDessin = performance.now(); });
            return network;
          };
        },
        set(network) { Original = network; },
      });
    },
  });
})();
"""


def synthetic_results(nodes: int, seed: int = 0) -> Any:
    """Rows of every query the roadmap and gaps views read, for about ``nodes`` nodes.

    Proportions follow the Grand Périgueux (per chantier: 4 actions, 2 resources,
    half a défi, a quarter of an enjeu, half a service); each chantier mobilises about
    three resources, mostly its neighbours', 60 % of the links operating.
    """
    from feuille_de_route.viz import results_from_rows

    rng = random.Random(seed)
    chantiers = max(2, round(nodes / 8.25))
    defis = max(1, chantiers // 2)
    enjeux = max(1, defis // 2)
    resources = 2 * chantiers
    services = max(1, chantiers // 2)

    def iri(kind: str, ident: object) -> str:
        return f"{BASE}{kind}/{ident}"

    arbre: list[dict[str, object]] = []
    chantier_defi = {c: c * defis // chantiers for c in range(chantiers)}
    for c in range(chantiers):
        d = chantier_defi[c]
        for e in sorted({d * enjeux // defis, rng.randrange(enjeux)}):
            arbre.append(
                {
                    "enjeu": iri("enjeu", e),
                    "enjeuId": str(e + 1),
                    "enjeuLabel": f"Enjeu numéro {e + 1} du territoire",
                    "defi": iri("defi", d),
                    "defiId": str(d + 1),
                    "defiLabel": f"Défi {d + 1} : relever un défi de l'inclusion numérique",
                    "chantier": iri("chantier", c),
                    "chantierId": f"{d + 1}.{c}",
                    "chantierLabel": f"Chantier {c} : développer des actions concrètes",
                    "nbActions": 4,
                }
            )
    actions = [
        {
            "chantier": iri("chantier", c),
            "chantierId": f"{chantier_defi[c] + 1}.{c}",
            "action": iri("action", f"{c}-{i}"),
            "actionId": f"{c}-{i}",
            "actionLabel": f"Action {i} du chantier {c} : former, équiper, accompagner",
        }
        for c in range(chantiers)
        for i in range(4)
    ]
    mobilisations = []
    for c in range(chantiers):
        picked = {(2 * c + k) % resources for k in range(2)} | {rng.randrange(resources)}
        for r in sorted(picked):
            cls, type_label = TYPES[r % 4]
            operating = rng.random() < 0.6
            mobilisations.append(
                {
                    "mobilisation": iri("mobilisation", f"{c}/{r}"),
                    "chantier": iri("chantier", c),
                    "chantierId": f"{chantier_defi[c] + 1}.{c}",
                    "chantierLabel": f"Chantier {c} : développer des actions concrètes",
                    "ressource": iri("ressource", r),
                    "ressourceId": f"r{r}",
                    "ressourceLabel": f"Ressource {r} du territoire",
                    "type": FDR + cls,
                    "typeLabel": type_label,
                    "statut": FDR + ("operante" if operating else "connueSansLien"),
                    "statutLabel": "opérante" if operating else "connue, sans lien",
                    "depuis": None,
                    "hypothese": None if rng.random() < 0.8 else "statut supposé",
                }
            )
    coordination = []
    for d in range(defis):
        s = d % services
        coordination.append(_coordination(iri("defi", d), str(d + 1), iri("service", s), s))
    for c in range(chantiers):
        if c % 2 == 0:
            s = (c // 2) % services
            coordination.append(
                _coordination(
                    iri("chantier", c), f"{chantier_defi[c] + 1}.{c}", iri("service", s), s
                )
            )
    operated = {r["chantier"] for r in mobilisations if str(r["statut"]).endswith("operante")}
    sans = [
        {
            "chantier": iri("chantier", c),
            "chantierId": f"{chantier_defi[c] + 1}.{c}",
            "chantierLabel": f"Chantier {c}",
        }
        for c in range(chantiers)
        if iri("chantier", c) not in operated
    ]
    a_activer = [
        {k: m[k] for k in ("chantier", "chantierId", "ressource", "ressourceLabel", "typeLabel")}
        for m in mobilisations
        if str(m["statut"]).endswith("connueSansLien")
    ]
    counts: dict[str, int] = {}
    for m in mobilisations:
        counts[str(m["ressource"])] = counts.get(str(m["ressource"]), 0) + 1
    partagees = [
        {"ressource": k, "ressourceLabel": k.rsplit("/", 1)[-1], "typeLabel": "", "nbChantiers": n}
        for k, n in counts.items()
        if n >= 2
    ]
    rows: dict[str, Sequence[Mapping[str, object]]] = {
        "arbre": arbre,
        "actions": actions,
        "mobilisations": mobilisations,
        "coordination": coordination,
        "chantiers-sans-ressource-operante": sans,
        "ressources-a-activer": a_activer,
        "ressources-partagees": partagees,
    }
    return results_from_rows(rows)


def _coordination(objet: str, ident: str, service: str, number: int) -> dict[str, object]:
    return {
        "objet": objet,
        "objetId": ident,
        "objetLabel": f"Objet {ident}",
        "service": service,
        "serviceLabel": f"Service {number}",
        "role": FDR + "pilote",
        "roleLabel": "pilote",
        "hypothese": None,
    }


def _ours(results: Any, path: Path, view: str) -> dict[str, Any]:
    from feuille_de_route import atomic_write_text
    from feuille_de_route.viz import render_view
    from feuille_de_route.viz._graph import build_gaps_graph, build_roadmap_graph
    from feuille_de_route.viz._layout import gaps_layout, roadmap_layout

    start = time.perf_counter()
    html = render_view(results, view)
    atomic_write_text(path, html)
    total = time.perf_counter() - start
    # Breakdown (a second pass over the same steps, not counted in the total).
    build, layout = (
        (build_roadmap_graph, roadmap_layout)
        if view == "feuille-de-route"
        else (build_gaps_graph, gaps_layout)
    )
    t0 = time.perf_counter()
    graph = build(results)
    t1 = time.perf_counter()
    layout(graph)
    t2 = time.perf_counter()
    return {
        "python_s": round(total, 3),
        "graphe_s": round(t1 - t0, 3),
        "mise_en_place_s": round(t2 - t1, 3),
        "noeuds": graph.number_of_nodes(),
        "liens": graph.number_of_edges(),
        "octets": path.stat().st_size,
    }


def _pyvis_defaults(results: Any, path: Path) -> dict[str, Any]:
    """pyvis as its documentation shows it: add_node/add_edge, default options."""
    from pyvis.network import Network

    from feuille_de_route.viz._graph import build_roadmap_graph

    graph = build_roadmap_graph(results)
    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"])
    for source, target in graph.edges():
        net.add_edge(source, target)
    html = net.generate_html()
    path.write_text(html, encoding="utf-8")
    return {"python_s": round(time.perf_counter() - start, 3), "octets": path.stat().st_size}


def _draw_time(browser: Any, path: Path, cap_s: float) -> float | None:
    """Seconds from navigation to the first frame, or None past ``cap_s``."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(FIRST_DRAW_HOOK)
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.goto(path.resolve().as_uri(), wait_until="commit", timeout=int(cap_s * 1000))
        try:
            # A function, not an expression: our page's CSP forbids eval, which
            # Playwright uses to poll string expressions.
            page.wait_for_function(
                "() => window.__premierDessin !== undefined", timeout=int(cap_s * 1000)
            )
        except Exception as exc:  # Playwright's TimeoutError
            if "Timeout" in type(exc).__name__ or "Timeout" in str(exc):
                return None
            raise
        drawn_ms = page.evaluate("window.__premierDessin")
        return round(float(drawn_ms) / 1000, 3)
    finally:
        context.close()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks --seulement carto",
        description="Banc de la cartographie : notre page contre pyvis par défaut.",
    )
    parser.add_argument("--tailles", default="200,1000,5000", help="nombres de nœuds visés")
    parser.add_argument(
        "--attente-pyvis", type=float, default=120.0, help="attente maximale du dessin pyvis (s)"
    )
    parser.add_argument("--repetitions", type=int, default=3, help="mesures de notre page")
    parser.add_argument("--sans-pyvis", action="store_true", help="ne pas mesurer pyvis")
    parser.add_argument("--sortie", type=Path, default=RESULTS, help="dossier des résultats")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the cartography benchmark; write ``carto.json`` and ``carto.md``."""
    args = _parser().parse_args(list(argv) if argv is not None else None)
    sizes = [int(s) for s in str(args.tailles).split(",") if s.strip()]
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        version = browser.version
        for size in sizes:
            results = synthetic_results(size)
            for view in ("feuille-de-route", "lacunes"):
                runs = []
                for i in range(max(1, args.repetitions)):
                    path = folder / f"notre-{view}-{size}-{i}.html"
                    measure = _ours(results, path, view)
                    measure["navigateur_s"] = _draw_time(browser, path, 60)
                    runs.append(measure)
                best = dict(runs[0])
                best["python_s"] = statistics.median(r["python_s"] for r in runs)
                drawn = [r["navigateur_s"] for r in runs if r["navigateur_s"] is not None]
                best["navigateur_s"] = statistics.median(drawn) if drawn else None
                best["total_s"] = (
                    round(best["python_s"] + best["navigateur_s"], 3) if drawn else None
                )
                row: dict[str, Any] = {"taille_visee": size, "vue": view, "notre": best}
                if view == "feuille-de-route" and not args.sans_pyvis:
                    path = folder / f"pyvis-{size}.html"
                    theirs = _pyvis_defaults(results, path)
                    theirs["navigateur_s"] = _draw_time(browser, path, args.attente_pyvis)
                    theirs["dessine"] = theirs["navigateur_s"] is not None
                    theirs["total_s"] = (
                        round(theirs["python_s"] + theirs["navigateur_s"], 3)
                        if theirs["dessine"]
                        else None
                    )
                    row["pyvis"] = theirs
                    ours_total = best["total_s"]
                    bound = theirs["total_s"] or (theirs["python_s"] + args.attente_pyvis)
                    row["facteur"] = round(bound / ours_total, 1) if ours_total else None
                    row["facteur_minimum"] = not theirs["dessine"]
                rows.append(row)
                print(_line(row), flush=True)
        browser.close()
    report = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "processeurs": os.cpu_count(),
            "charge": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "chromium": version,
        },
        "attente_pyvis_s": args.attente_pyvis,
        "resultats": rows,
    }
    five = [r for r in rows if r["vue"] == "feuille-de-route" and r["taille_visee"] == 5000]
    if five:
        total = five[0]["notre"]["total_s"]
        report["objectifs"] = {
            "5000_noeuds_sous_3_s": bool(total is not None and total < 3.0),
            "10_fois_plus_tot_que_pyvis": bool(five[0].get("facteur") and five[0]["facteur"] >= 10),
        }
    out: Path = args.sortie
    out.mkdir(parents=True, exist_ok=True)
    from feuille_de_route import atomic_write_text

    atomic_write_text(out / "carto.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(out / "carto.md", _markdown(report))
    print(f"Résultats : {out / 'carto.json'} et {out / 'carto.md'}")
    return 0


def _seconds(value: object) -> str:
    return "non dessiné" if value is None else f"{value:.2f} s"


def _line(row: dict[str, Any]) -> str:
    ours = row["notre"]
    text = (
        f"{row['vue']:16} {ours['noeuds']:>5} nœuds : notre page {_seconds(ours['python_s'])} "
        f"+ {_seconds(ours['navigateur_s'])} = {_seconds(ours['total_s'])}"
    )
    if "pyvis" in row:
        theirs = row["pyvis"]
        text += (
            f" ; pyvis {_seconds(theirs['python_s'])} + {_seconds(theirs['navigateur_s'])}"
            f" (×{row['facteur']}{' au moins' if row['facteur_minimum'] else ''})"
        )
    return text


def _markdown(report: dict[str, Any]) -> str:
    machine = report["machine"]
    lines = [
        "# Banc de la cartographie",
        "",
        f"Mesuré le {report['date']} : {machine['processeurs']} processeurs (charge "
        f"{machine['charge']}), Python {machine['python']}, Chromium {machine['chromium']} "
        "sans tête.",
        "",
        "Données : lignes de requêtes synthétiques (forme exacte du catalogue). « Python » : "
        "graphe networkx, mise en place, taille des nœuds et page HTML écrite ; « navigateur » : "
        "de la navigation au premier dessin de vis-network (`afterDrawing`), la page est alors "
        "interactive. pyvis : `add_node`/`add_edge` et options par défaut (physique, arêtes "
        f"courbes), vis-network incorporé ; attente plafonnée à {report['attente_pyvis_s']:.0f} s.",
        "",
        "| vue | nœuds | liens | notre Python | notre navigateur | notre total "
        "| dont mise en place | pyvis Python | pyvis navigateur | facteur |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["resultats"]:
        ours = row["notre"]
        theirs = row.get("pyvis")
        factor = "—"
        if theirs:
            factor = f"×{row['facteur']}" + (" au moins" if row["facteur_minimum"] else "")
        lines.append(
            f"| {row['vue']} | {ours['noeuds']} | {ours['liens']} | {_seconds(ours['python_s'])} "
            f"| {_seconds(ours['navigateur_s'])} | **{_seconds(ours['total_s'])}** "
            f"| {_seconds(ours['mise_en_place_s'])} "
            f"| {_seconds(theirs['python_s']) if theirs else '—'} "
            f"| {_seconds(theirs['navigateur_s']) if theirs else '—'} | {factor} |"
        )
    goals = report.get("objectifs")
    if goals:
        under = "atteint" if goals["5000_noeuds_sous_3_s"] else "NON atteint"
        sooner = "atteint" if goals["10_fois_plus_tot_que_pyvis"] else "NON atteint"
        lines += [
            "",
            f"Objectifs à 5 000 nœuds : moins de 3 s au total — {under} ; au moins 10 fois "
            f"plus tôt que pyvis par défaut — {sooner}.",
            "",
            "Notre page : médiane de plusieurs mesures ; pyvis : une mesure. Le facteur compare "
            "les totaux ; quand pyvis n'a rien dessiné, il compare au plafond d'attente "
            "(minorant).",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
