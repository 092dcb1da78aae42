"""The published site of one roadmap: every file a static web host serves, as one set.

:func:`build_site` returns the files (site path → bytes): the DCAT-AP description
(``catalogue.ttl``, ``catalogue.jsonld``, and on ``index.html``), every export, one page
per thing with its Turtle and JSON-LD (:mod:`._site_things`), the cartography pages
(``cartographie/``), the ontology's documentation (``ontologie/``), an ``index.html`` in
every folder, and the Apache rules (``.htaccess``, ``w3id/.htaccess``).
:func:`write_site` writes them atomically as one set.
"""

import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from feuille_de_route import UserError, atomic_write_tree, is_http_iri
from feuille_de_route.ontology import FDR

from ._page import _environment
from ._site_catalogue import catalogue_rows
from ._site_labels import Labels
from ._site_ontology import WORDS, ontology_doc, ontology_files
from ._site_paths import Link, file_href, thing_path
from ._site_rules import RULES_HEADER, htaccess, w3id_htaccess
from ._site_things import ThingPage, describe_thing, map_links
from ._site_turtle import thing_files

__all__ = ["build_site", "check_publication_url", "write_site"]

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?/")
HEADINGS = {
    "enjeu": "Enjeux",
    "defi": "Défis",
    "chantier": "Chantiers",
    "action": "Actions concrètes",
    "ressource": "Ressources",
    "service": "Services",
    "acteur": "Acteurs",
    "gouvernance": "Gouvernance",
    "mobilisation": "Mobilisations",
    "coordination": "Coordinations",
    "participation": "Participations",
    "critere": "Critères de réussite",
    "frein": "Freins",
    "etape": "Étapes de la méthode",
    "livrable": "Livrables",
    "typologie": "Classes de typologie",
    "groupe": "Groupes de population",
    "commune": "Communes",
    "mesure": "Mesures de fragilité",
    "epci": "EPCI",
    "departement": "Départements",
    "region": "Régions",
    "synthese": "Synthèse (comptes calculés par le logiciel)",
}


def check_publication_url(url: str) -> str:
    """``url`` if it can serve as the site's address, else a French :class:`UserError`."""
    if _URL.fullmatch(url) is None:
        raise UserError(
            f"adresse de publication invalide « {url} » : une adresse http(s) terminée par "
            "« / », sans paramètre, espace ni caractère spécial, est attendue (ex. "
            "https://exemple.fr/feuille-de-route/)"
        )
    return url


def _roadmap(graph: Graph) -> URIRef:
    roadmaps = sorted(set(graph.subjects(RDF.type, FDR.FeuilleDeRoute)), key=str)
    if len(roadmaps) != 1 or not isinstance(roadmaps[0], URIRef):
        raise UserError(
            "une seule feuille de route attendue pour publier un site, "
            f"{len(roadmaps)} trouvée(s) dans le graphe"
        )
    if not is_http_iri(str(roadmaps[0])) or not str(roadmaps[0]).endswith("/"):
        raise UserError(
            f"l'IRI de la feuille de route « {roadmaps[0]!r} » doit être une IRI http(s) "
            "sans espace ni caractère de contrôle, finissant par « / »"
        )
    return roadmaps[0]


def _exports(graph: Graph) -> dict[str, bytes]:
    from feuille_de_route.graph import export_graph

    with tempfile.TemporaryDirectory(prefix="fdr-site-") as folder:
        return {p.name: p.read_bytes() for p in export_graph(graph, Path(folder))}


def _cartographies(graph: Graph) -> dict[str, bytes]:
    from feuille_de_route.graph.store import MemoryStore

    from ._cartography import write_cartographies

    with tempfile.TemporaryDirectory(prefix="fdr-cartes-") as folder:
        pages = write_cartographies(MemoryStore(graph), Path(folder) / "cartes")
        return {"cartographie/" + p.name: p.read_bytes() for p in pages}


def _chantier_maps(graph: Graph, files: dict[str, bytes]) -> dict[URIRef, str]:
    """Each chantier's map page, named as :func:`write_cartographies` names it."""
    from rdflib.namespace import DCTERMS

    from feuille_de_route import natural_key

    from ._cartography import _file_name

    chantiers = {
        str(graph.value(c, DCTERMS.identifier)): c
        for c in graph.subjects(RDF.type, FDR.Chantier)
        if isinstance(c, URIRef) and graph.value(c, DCTERMS.identifier) is not None
    }
    taken: set[str] = set()
    maps = {}
    for ident in sorted(chantiers, key=natural_key):
        name = "cartographie/" + _file_name(ident, taken)
        if name in files:
            maps[chantiers[ident]] = name
    return maps


def _render(template: str, **context: object) -> bytes:
    return _environment().get_template(template).render(**context).encode("utf-8")


def _nav(origin: str, title: str) -> list[Link]:
    return [
        Link(title, file_href(origin, "index.html")),
        Link("Cartographies", file_href(origin, "cartographie/index.html")),
        Link("Ontologie", file_href(origin, "ontologie/index.html")),
        Link("Catalogue (DCAT)", file_href(origin, "catalogue.ttl")),
    ]


def _alternates(path: str) -> list[Link]:
    name = path.rsplit("/", 1)[-1]
    return [
        Link("Turtle", file_href(name, name + ".ttl"), "text/turtle"),
        Link("JSON-LD", file_href(name, name + ".jsonld"), "application/ld+json"),
    ]


def _things(graph: Graph, base: str) -> dict[str, URIRef]:
    paths: dict[str, URIRef] = {}
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}, key=str):
        path = thing_path(str(subject), base)
        if path is not None:
            paths.setdefault(path, subject)
    return paths


def _sections(things: dict[str, URIRef], labels: Labels) -> list[tuple[str, list[Link]]]:
    groups: dict[str, list[Link]] = {}
    for path, node in things.items():
        if path == "index":
            continue
        segments = path.split("/")
        key = "mesure" if segments[0] == "commune" and len(segments) > 2 else segments[0]
        groups.setdefault(key, []).append(
            Link(labels.node(node), file_href("index.html", path + ".html"))
        )
    order = list(HEADINGS)
    keys = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [
        (HEADINGS.get(k, k), sorted(groups[k], key=lambda link: link.text.casefold())) for k in keys
    ]


def _thing_pages(
    graph: Graph, things: dict[str, URIRef], labels: Labels, maps: dict[URIRef, str], title: str
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    published = set(things)
    for path, node in things.items():
        page: ThingPage = describe_thing(graph, node, path, labels, published)
        page.maps = map_links(graph, node, path, maps, labels)
        files[path + ".html"] = _render(
            "site-chose.html",
            title=page.title,
            kicker=title,
            nav=_nav(path + ".html", "Accueil"),
            thing=page,
            alternates=_alternates(path),
            catalogue=None,
            sections=[],
        )
        files.update(thing_files(graph, node, path, labels.base))
    return files


def _home(
    graph: Graph,
    roadmap: URIRef,
    things: dict[str, URIRef],
    labels: Labels,
    description: Graph,
    url: str,
) -> bytes:
    """``index.html``: the roadmap's page, the DCAT description and every thing."""
    published = set(things)
    page = describe_thing(graph, roadmap, "index", labels, published)
    page.maps = [
        Link("Toutes les cartographies", "cartographie/index.html"),
        Link("Carte de la feuille de route", "cartographie/feuille-de-route.html"),
        Link("Carte des lacunes", "cartographie/lacunes.html"),
    ]
    dataset = URIRef(str(roadmap) + "catalogue#jeu-de-donnees")
    return _render(
        "site-chose.html",
        title=page.title,
        kicker="Données liées de la feuille de route",
        nav=_nav("index.html", "Accueil"),
        thing=page,
        alternates=_alternates("index"),
        catalogue=catalogue_rows(description, dataset, url),
        sections=_sections(things, labels),
    )


def _ontology_files() -> dict[str, bytes]:
    from feuille_de_route.ontology import ONTOLOGY_IRI

    sources = ontology_files()
    files = {f"ontologie/{name}": path.read_bytes() for name, path in sources.items()}
    for lang, name, other in (("fr", "index.html", "en.html"), ("en", "en.html", "index.html")):
        doc = ontology_doc(lang)
        words = WORDS[lang]
        files[f"ontologie/{name}"] = _render(
            "site-ontologie.html",
            lang=lang,
            title=doc.title,
            kicker="",
            nav=[
                Link(words["autre"], other),
                Link("Accueil" if lang == "fr" else "Home", "../index.html"),
            ],
            doc=doc,
            words=words,
            iri=ONTOLOGY_IRI,
            files=[Link(n, n) for n in sources] + [Link("diagramme.svg", "diagramme.svg")],
        )
        if lang == "fr":
            files["ontologie/diagramme.svg"] = doc.svg.encode("utf-8")
    return files


def _listings(
    files: dict[str, bytes], things: dict[str, URIRef], labels: Labels, title: str
) -> dict[str, bytes]:
    """An ``index.html`` in every folder that has none, linking what it holds."""
    folders: dict[str, list[Link]] = {}
    for path in sorted(set(things) | {p.rsplit(".", 1)[0] for p in files if "/" in p}):
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            folders.setdefault(folder, [])
    for path, node in things.items():
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        if folder in folders:
            origin = folder + "/index.html"
            folders[folder].append(Link(labels.node(node), file_href(origin, path + ".html")))
    for folder in folders:
        parent = folder.rsplit("/", 1)[0] if "/" in folder else ""
        if parent in folders:
            origin = parent + "/index.html"
            folders[parent].append(
                Link(folder.rsplit("/", 1)[-1] + "/", file_href(origin, folder + "/index.html"))
            )
    listings = {}
    for folder, links in folders.items():
        name = folder + "/index.html"
        if name in files:
            continue
        listings[name] = _render(
            "site-liste.html",
            title=f"{folder}/",
            kicker=title,
            nav=_nav(name, "Accueil"),
            heading=f"Contenu de {folder}/",
            links=sorted(links, key=lambda link: link.text.casefold()),
        )
    return listings


def build_site(
    graph: Graph, publication_url: str | None = None, day: date | None = None
) -> dict[str, bytes]:
    """Every file of the site of the one roadmap in ``graph`` (site path → bytes).

    ``publication_url`` is where the site's root is served (default: the roadmap's base
    IRI, reached through the w3id redirects); ``day`` dates the description (default:
    today, UTC). Raises a French :class:`UserError` for a graph without exactly one
    roadmap or a bad address.
    """
    from feuille_de_route.graph import Publication, describe_dataset

    roadmap = _roadmap(graph)
    base = str(roadmap)
    url = check_publication_url(publication_url or base)
    exports = _exports(graph)
    description = describe_dataset(
        graph, Publication(url, exports, day or datetime.now(UTC).date())
    )
    from ._site_turtle import jsonld_bytes, turtle_bytes

    files: dict[str, bytes] = dict(exports)
    files["catalogue.ttl"] = turtle_bytes(description, base)
    files["catalogue.jsonld"] = jsonld_bytes(description, base)
    files.update(_cartographies(graph))
    labels = Labels(graph, "fr", base)
    things = _things(graph, base)
    title = labels.node(roadmap)
    files.update(_thing_pages(graph, things, labels, _chantier_maps(graph, files), title))
    files["index.html"] = _home(graph, roadmap, things, labels, description, url)
    files["catalogue.html"] = files["index.html"]
    files.update(_ontology_files())
    files.update(_listings(files, things, labels, title))
    files[".htaccess"] = htaccess(url).encode("utf-8")
    files["w3id/.htaccess"] = w3id_htaccess(base, url).encode("utf-8")
    return files


def write_site(
    graph: Graph, folder: Path, publication_url: str | None = None, day: date | None = None
) -> list[Path]:
    """Write the site (:func:`build_site`) into ``folder``, replacing its files as one set."""
    files = build_site(graph, publication_url, day)
    folder = Path(folder)
    earlier = _is_site(folder)
    # An earlier site holding nothing but the site's kinds of file is swapped whole, as
    # one unit; a folder with the user's own files gets file-by-file writes instead.
    paths = atomic_write_tree(folder, files, owned=_site_owned if earlier else None)
    if earlier:
        _remove_stale(folder, files)
    return paths


def _is_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site this function wrote (its ``.htaccess`` says so)."""
    rules = folder / ".htaccess"
    try:
        with rules.open("rb") as handle:
            return handle.read(len(RULES_HEADER)) == RULES_HEADER
    except OSError:
        return False


_OWNED = frozenset({".html", ".ttl", ".jsonld", ".nt", ".trig", ".nq", ".svg"})


def _site_owned(name: str) -> bool:
    """Whether a relative path of an earlier site is one the site writes."""
    return name.endswith("/") or PurePosixPath(name).suffix in _OWNED or name.endswith(".htaccess")


def _remove_stale(folder: Path, files: dict[str, bytes]) -> None:
    """After the new set is in place over an earlier site (never another folder):
    remove the site's files of things no longer in the data (the suffixes the site
    writes), then emptied folders. Other files (the user's own) stay."""
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink() or relative in files:
            continue
        if path.is_file() and path.suffix in _OWNED:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
