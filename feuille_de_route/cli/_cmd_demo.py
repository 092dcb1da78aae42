"""``feuille-de-route demo``: the main job, end to end, on one roadmap."""

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ._arguments import add_roadmap_argument, roadmap_limits

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "demo",
        help="tout en une fois : construire, valider et cartographier (Grand Périgueux par défaut)",
        description=(
            "Construit le graphe d'une feuille de route (par défaut celle du Grand Périgueux, "
            "embarquée), l'exporte en Turtle, JSON-LD et N-Triples, le valide (formes SHACL et "
            "cohérence OWL avec HermiT, si Java est installé : sans Java, cette seule "
            "vérification est sautée et le dit) et écrit les cartographies des ressources."
        ),
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--sortie",
        type=Path,
        default=Path("sortie/grand-perigueux"),
        metavar="DOSSIER",
        help="dossier de sortie (par défaut : %(default)s)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import terminal_safe
    from feuille_de_route.graph import export_graph, load_roadmap
    from feuille_de_route.graph.store import MemoryStore
    from feuille_de_route.ontology import validate
    from feuille_de_route.viz import write_cartographies

    out: Path = args.sortie
    started = time.perf_counter()
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    print(f"Graphe construit : {len(graph)} triplets.")

    for path in export_graph(graph, out / "rdf"):
        print(f"  écrit : {path}")

    report = validate(graph)
    print(terminal_safe(report.text()))
    consistent = _check_consistency(graph)

    pages = write_cartographies(MemoryStore(graph), out / "cartographie")
    index = next((p for p in pages if p.name == "index.html"), pages[0] if pages else None)
    print(f"Cartographies : {len(pages)} pages dans {out / 'cartographie'}")
    if index is not None:
        print(f"  ouvrir : {index.resolve()}")
    skipped = " (sans la cohérence OWL : Java introuvable)" if consistent is None else ""
    print(f"Terminé en {time.perf_counter() - started:.1f} s{skipped}.")
    return 0 if report.conforms and consistent is not False else 1


def _check_consistency(graph: "Graph") -> bool | None:
    """Print HermiT's verdict and return it; without Java, say it was skipped (None)."""
    from feuille_de_route import UserError, terminal_safe
    from feuille_de_route.ontology import JAVA_HINT, check_consistency, java_executable

    try:
        java_executable()
    except UserError:
        print(
            "Cohérence OWL (HermiT) : NON VÉRIFIÉE, Java est introuvable (ni JAVA_HOME, ni "
            "« java » dans le PATH) ; toutes les autres étapes ont été faites. " + JAVA_HINT
        )
        return None
    consistency = check_consistency(graph)
    print(terminal_safe(consistency.text()))
    return consistency.consistent
