"""``feuille-de-route valider``: SHACL shapes and OWL consistency of one roadmap."""

import argparse
from pathlib import Path

from ._arguments import add_roadmap_argument, roadmap_limits

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "valider",
        help="valider une feuille de route (formes SHACL et cohérence OWL avec HermiT)",
        description=(
            "Vérifie le graphe d'une feuille de route : les formes SHACL (violations de la "
            "structure du modèle, avertissements sur les règles de la méthode) puis la "
            "cohérence OWL avec le raisonneur HermiT, qui infère les mobilisations opérantes. "
            "Code de sortie : 0 sans violation ni incohérence, 1 sinon, 2 en cas d'erreur."
        ),
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--sans-raisonneur",
        action="store_true",
        help="ne pas lancer HermiT (pas besoin de Java) : formes SHACL seulement",
    )
    parser.add_argument(
        "--rapport-shacl",
        type=Path,
        metavar="FICHIER.ttl",
        help="écrire aussi le rapport SHACL (sh:ValidationReport) en Turtle, pour d'autres outils",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from feuille_de_route import atomic_write_bytes, terminal_safe
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.ontology import check_consistency, validate

    source: Path | None = args.classeur
    graph = load_roadmap(source, roadmap_limits(args))
    name = "Grand Périgueux (embarquée)" if source is None else str(source)
    print(f"Feuille de route : {terminal_safe(name)} — {len(graph)} triplets.")
    print()
    report = validate(graph)
    print(terminal_safe(report.text()))
    if args.rapport_shacl is not None:
        turtle = report.shacl_report.serialize(format="turtle").encode("utf-8")
        atomic_write_bytes(args.rapport_shacl, turtle)
        print(f"Rapport SHACL écrit : {terminal_safe(str(args.rapport_shacl))}")
    ok = report.conforms
    print()
    if args.sans_raisonneur:
        print("Cohérence OWL : non vérifiée (option --sans-raisonneur).")
    else:
        consistency = check_consistency(graph)
        print(terminal_safe(consistency.text()))
        ok = ok and consistency.consistent
    print()
    # The project's reading: warnings (the method's rules) do not make a roadmap invalid,
    # although they make SHACL's sh:conforms false (stated above).
    print("Résultat : valide." if ok else "Résultat : NON valide.")
    return 0 if ok else 1
