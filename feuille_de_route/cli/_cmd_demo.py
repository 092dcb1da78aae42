"""``feuille-de-route demo``: the main job, end to end, on one roadmap."""

import argparse
import time
from pathlib import Path

from ._arguments import add_roadmap_argument, roadmap_limits

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "demo",
        help="tout en une fois : construire, valider et cartographier (Grand Périgueux par défaut)",
        description=(
            "Construit le graphe d'une feuille de route (par défaut celle du Grand Périgueux, "
            "embarquée), l'exporte en Turtle, JSON-LD et N-Triples, le valide (formes SHACL et "
            "cohérence OWL avec HermiT) et écrit les cartographies des ressources."
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
    from feuille_de_route.graph import export_graph, load_roadmap
    from feuille_de_route.graph.store import MemoryStore
    from feuille_de_route.ontology import check_consistency, validate
    from feuille_de_route.viz import write_cartographies

    out: Path = args.sortie
    started = time.perf_counter()
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    print(f"Graphe construit : {len(graph)} triplets.")

    for path in export_graph(graph, out / "rdf"):
        print(f"  écrit : {path}")

    report = validate(graph)
    print(report.text())
    consistency = check_consistency(graph)
    print(consistency.text())

    pages = write_cartographies(MemoryStore(graph), out / "cartographie")
    index = next((p for p in pages if p.name == "index.html"), pages[0] if pages else None)
    print(f"Cartographies : {len(pages)} pages dans {out / 'cartographie'}")
    if index is not None:
        print(f"  ouvrir : {index.resolve()}")
    print(f"Terminé en {time.perf_counter() - started:.1f} s.")
    return 0 if report.conforms and consistency.consistent else 1
