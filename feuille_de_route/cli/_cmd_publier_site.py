"""``feuille-de-route publier-site``: a folder any static web host can serve, describing
the roadmap as linked data (DCAT-AP, exports, one page per thing, the ontology)."""

import argparse
from pathlib import Path

from ._arguments import add_roadmap_argument, roadmap_limits

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "publier-site",
        help="écrire un site statique de données liées (DCAT, exports, une page par élément)",
        description=(
            "Écrit dans --sortie un dossier que tout hébergement web statique peut servir : "
            "la description DCAT-AP du jeu de données (catalogue.ttl, catalogue.jsonld, avec "
            "statistiques VoID), tous les exports (Turtle, N-Triples, JSON-LD, TriG, N-Quads), "
            "une page HTML par élément (enjeu, défi, chantier, action, ressource, commune…) "
            "avec ses faits, ses liens et ses cartes, plus son Turtle et son JSON-LD, les "
            "cartographies, la documentation de l'ontologie en français et en anglais, les "
            "règles de négociation de contenu pour Apache (.htaccess) et les redirections "
            "w3id.org de l'IRI de base (w3id/.htaccess). Le dossier est remplacé d'un bloc."
        ),
        epilog=(
            "Exemples : feuille-de-route publier-site --sortie sortie/site ; "
            "feuille-de-route publier-site mon-territoire.xlsx --sortie site "
            "--url-publication https://exemple.fr/feuille-de-route/"
        ),
    )
    add_roadmap_argument(parser)
    parser.add_argument(
        "--sortie", type=Path, required=True, metavar="DOSSIER", help="dossier du site à écrire"
    )
    parser.add_argument(
        "--url-publication",
        metavar="URL",
        help=(
            "adresse où la racine du site sera servie, terminée par « / » (par défaut : "
            "l'IRI de base de la feuille de route, atteinte par les redirections w3id.org)"
        ),
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    import time

    from feuille_de_route import UserError
    from feuille_de_route.graph import load_roadmap
    from feuille_de_route.viz import write_site

    started = time.perf_counter()
    out: Path = args.sortie
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} existe et n'est pas un dossier : attendu un dossier de sortie.")
    graph = load_roadmap(args.classeur, roadmap_limits(args))
    files = [p.relative_to(out).as_posix() for p in write_site(graph, out, args.url_publication)]
    pages = sum(1 for name in files if name.endswith(".html"))
    print(f"Site écrit dans {out} : {len(files)} fichiers, dont {pages} pages HTML.")
    print(f"  ouvrir : {(out / 'index.html').resolve()}")
    print("  Apache : .htaccess (négociation de contenu) ; w3id.org : w3id/.htaccess")
    print(f"Terminé en {time.perf_counter() - started:.1f} s.")
    return 0
