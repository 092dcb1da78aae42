"""The published site's files (viz._site*), built in memory from the Grand Périgueux and
from a workbook whose every text ends with markup: one page per thing, its RDF, links
that resolve from disk, the DCAT home page, the ontology's documentation, the rules."""

import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from feuille_de_route import UserError
from feuille_de_route.graph import load_roadmap
from feuille_de_route.viz import build_site
from feuille_de_route.viz._site import check_publication_url
from feuille_de_route.viz._site_paths import file_href, thing_path
from feuille_de_route.viz._site_rules import htaccess, w3id_htaccess

BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
URL = "https://exemple.fr/gp/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_roadmap(None)


@pytest.fixture(scope="module")
def site(graph: Graph) -> dict[str, bytes]:
    return build_site(graph, URL, date(2026, 1, 2))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"a", "link"} and values.get("href"):
            self.hrefs.append(str(values["href"]))
        if values.get("id"):
            self.ids.add(str(values["id"]))


def _parse(html: bytes) -> _Links:
    parser = _Links()
    parser.feed(html.decode("utf-8"))
    return parser


def test_paths_mirror_the_iri_and_refuse_escapes() -> None:
    assert thing_path(BASE, BASE) == "index"
    assert thing_path(BASE + "chantier/1.b", BASE) == "chantier/1.b"
    assert thing_path(BASE + "enjeu/%C3%A9%20b", BASE) == "enjeu/é b"
    assert thing_path(BASE + "commune/24322/ifn/total", BASE) == "commune/24322/ifn/total"
    for bad in ("enjeu/..", "enjeu/.", "enjeu/a%2Fb", "enjeu/", "enjeu/a#b", "ontologie/x", "x"):
        assert thing_path(BASE + bad, BASE) is None, bad
    assert thing_path("https://ailleurs.fr/enjeu/1", BASE) is None


def test_links_are_relative_and_encoded() -> None:
    assert file_href("chantier/1.b.html", "ressource/é b.html") == "../ressource/%C3%A9%20b.html"
    assert file_href("index.html", "chantier/1.b.html") == "chantier/1.b.html"
    assert file_href("commune/1/ifn/t.html", "index.html") == "../../../index.html"


def test_every_thing_has_its_page_turtle_and_jsonld(graph: Graph, site: dict[str, bytes]) -> None:
    things = {str(s): thing_path(str(s), BASE) for s in graph.subjects() if isinstance(s, URIRef)}
    published = {iri: path for iri, path in things.items() if path is not None}
    assert len(published) > 450
    for iri, path in published.items():
        for suffix in (".html", ".ttl", ".jsonld"):
            assert path + suffix in site, iri
    chantier = URIRef(BASE + "chantier/1.b")
    turtle = Graph().parse(data=site["chantier/1.b.ttl"], format="turtle")
    assert set(turtle) == set(graph.cbd(chantier))
    jsonld = Graph().parse(data=site["chantier/1.b.jsonld"], format="json-ld")
    assert set(jsonld) == set(graph.cbd(chantier))


def test_no_site_path_holds_an_escape(site: dict[str, bytes]) -> None:
    for name in site:
        assert ".." not in name.split("/") and not name.startswith("/") and "%" not in name


def test_every_relative_link_resolves_in_the_site(site: dict[str, bytes]) -> None:
    """The site opens from disk: each relative link names a file of the site, and each
    fragment an ``id`` in the page it names."""
    ids: dict[str, set[str]] = {}
    checked = 0
    for name, content in site.items():
        if not name.endswith(".html") or name.startswith("cartographie/"):
            continue
        for href in _parse(content).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = (
                name
                if not parts.path
                else posixpath.normpath(
                    posixpath.join(posixpath.dirname(name), unquote(parts.path))
                )
            )
            assert target in site, f"{name} → {href}"
            if parts.fragment:
                if target not in ids:
                    ids[target] = _parse(site[target]).ids
                assert parts.fragment in ids[target], f"{name} → {href}"
            checked += 1
    assert checked > 5000


def test_every_folder_has_an_index(site: dict[str, bytes]) -> None:
    folders = {posixpath.dirname(n) for n in site if "/" in n and not n.startswith("w3id/")}
    for folder in folders:
        assert folder + "/index.html" in site, folder


def test_a_page_shows_facts_links_in_and_out_and_maps(site: dict[str, bytes]) -> None:
    page = site["chantier/1.b.html"].decode("utf-8")
    assert "Développer des actions à destination des jeunes" in page
    assert 'href="../defi/1.html"' in page  # out: its défi
    assert "../action/" in page  # in: its actions
    assert 'href="../cartographie/chantier-1.b.html"' in page
    assert 'href="1.b.ttl"' in page and 'href="1.b.jsonld"' in page
    assert "../ontologie/index.html#Chantier" in page


def test_assumptions_are_marked_hypothese(graph: Graph, site: dict[str, bytes]) -> None:
    hypothese = URIRef(FDR + "hypothese")
    subject = min((s for s in graph.subjects(hypothese, None) if thing_path(str(s), BASE)), key=str)
    page = site[f"{thing_path(str(subject), BASE)}.html"].decode("utf-8")
    assert 'class="etiquette-hypothese">hypothèse<' in page


def test_the_home_page_describes_the_dataset(site: dict[str, bytes]) -> None:
    home = site["index.html"].decode("utf-8")
    assert "Jeu de données (DCAT)" in home
    assert "https://spdx.org/licenses/MIT.html" in home
    assert "https://w3id.org/feuille-de-route/geo/epci/200040392" in home
    assert 'href="feuille-de-route.ttl"' in home and "text/turtle" in home
    assert 'href="chantier/1.b.html"' in home
    description = Graph().parse(data=site["catalogue.ttl"], format="turtle")
    assert (URIRef(BASE + "catalogue"), ns.RDF.type, ns.DCAT.Catalog) in description
    assert len(Graph().parse(data=site["catalogue.jsonld"], format="json-ld")) == len(description)


def test_every_export_is_published(site: dict[str, bytes]) -> None:
    for suffix in ("ttl", "nt", "jsonld", "trig", "nq"):
        assert site[f"feuille-de-route.{suffix}"]
    assert "cartographie/index.html" in site and "cartographie/lacunes.html" in site


@pytest.mark.parametrize(
    ("name", "lang"), [("ontologie/index.html", "fr"), ("ontologie/en.html", "en")]
)
def test_the_ontology_is_documented_in_french_and_english(
    site: dict[str, bytes], name: str, lang: str
) -> None:
    import feuille_de_route.ontology
    from feuille_de_route.ontology import load_ontology

    page = site[name].decode("utf-8")
    parsed = _parse(site[name])
    ontology = load_ontology()
    # Regression: the follow-up's classes and properties (suivi.ttl) were left out.
    ontology.parse(Path(feuille_de_route.ontology.__file__).parent / "suivi.ttl")
    for kind in (ns.OWL.Class, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty):
        for term in ontology.subjects(ns.RDF.type, kind):
            if str(term).startswith(FDR):
                assert str(term)[len(FDR) :] in parsed.ids, term
                label = next(
                    str(v)
                    for v in ontology.objects(term, ns.RDFS.label)
                    if getattr(v, "language", None) == lang
                )
                assert label.replace("'", "&#39;") in page, label
    assert "https://w3id.org/feuille-de-route/programmes/" in page
    assert "<svg" in page


def test_the_diagram_is_svg_with_a_box_per_class(site: dict[str, bytes]) -> None:
    svg = ET.fromstring(site["ontologie/diagramme.svg"])
    rects = svg.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(rects) >= 25
    assert (
        site["ontologie/fdr.ttl"].startswith(b"@prefix")
        or b"owl:Ontology" in site["ontologie/fdr.ttl"]
    )


def test_rules_negotiate_with_vary_and_w3id_redirects(site: dict[str, bytes]) -> None:
    rules = site[".htaccess"].decode("utf-8")
    assert "Header always merge Vary Accept" in rules
    assert "RewriteBase /gp/" in rules
    assert "AddType text/turtle .ttl" in rules
    w3id = site["w3id/.htaccess"].decode("utf-8")
    assert "RewriteRule ^territoires/grand\\-perigueux/(.*)$ https://exemple.fr/gp/$1" in w3id
    assert "^ontologie(/.*)?$ https://exemple.fr/gp/ontologie$1" in w3id


def test_w3id_rules_say_so_for_a_base_outside_w3id() -> None:
    text = w3id_htaccess("https://exemple.fr/base/", "https://exemple.fr/site/")
    assert "rien à rediriger" in text
    assert re.search(r"^RewriteRule \^ontologie", text, re.M)
    assert "RewriteBase /site/" in htaccess("https://exemple.fr/site/")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://exemple.fr/",
        "https://exemple.fr/sans-barre",
        "https://exemple.fr/a b/",
        "https://exemple.fr/$1/",
        "https://exemple.fr/?x=1/",
        "https://exemple.fr/%{ENV}/",
        "https://exemple.fr/\nRewriteRule/",
    ],
)
def test_a_bad_publication_url_is_refused_in_french(url: str) -> None:
    with pytest.raises(UserError, match="adresse de publication invalide"):
        check_publication_url(url)


def test_a_graph_without_one_roadmap_is_refused_in_french() -> None:
    with pytest.raises(UserError, match="une seule feuille de route"):
        build_site(Graph())


@pytest.mark.parametrize("iri", ["https://x.fr/a\nRewriteRule .* http://mal/\n/", "urn:x:y/"])
def test_a_roadmap_iri_that_could_break_the_rules_is_refused(iri: str) -> None:
    graph = Graph()
    graph.add((URIRef(iri), ns.RDF.type, URIRef(FDR + "FeuilleDeRoute")))
    with pytest.raises(UserError, match="IRI de la feuille de route"):
        build_site(graph, URL)


def test_data_markup_is_escaped_on_every_page(payload_site: dict[str, bytes]) -> None:
    pages = [n for n in payload_site if n.endswith(".html") and not n.startswith("cartographie/")]
    shown = 0
    for name in pages:
        text = payload_site[name].decode("utf-8")
        assert "<img src=x" not in text and "<script>window" not in text, name
        assert "<b>gras</b>" not in text, name
        shown += "&lt;img src=x onerror=" in text
    assert shown > 100


@pytest.fixture(scope="module")
def payload_site(payload_site_files: dict[str, bytes]) -> dict[str, bytes]:
    return payload_site_files
