"""A ``publier-site`` folder or its DCAT description (``catalogue.ttl``): each dataset is
followed to its Turtle or TriG distribution — inside the folder only when the catalogue
is local, over http(s) only when it came from an address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import export_graph
from feuille_de_route.graph.importer import Reading, import_sources
from feuille_de_route.graph.store import MemoryStore

from .import_territories import FOYEN_IRI, ISLE_IRI, Territories, serve_folder

pytestmark = pytest.mark.timeout(300)

CATALOGUE = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<#catalogue> a dcat:Catalog ; dcat:dataset {datasets} .
"""
DATASET = """
<#{name}> a dcat:Dataset ; dcterms:title "{title}"@fr ;
  dcat:distribution <#{name}-jsonld>, <#{name}-ttl> .
<#{name}-jsonld> a dcat:Distribution ; dcat:downloadURL <{stem}.jsonld> ;
  dcat:mediaType <https://www.iana.org/assignments/media-types/application/ld+json> .
<#{name}-ttl> a dcat:Distribution ; dcat:downloadURL <{url}> ;
  dcat:mediaType "{media}" .
"""


def catalogue(*datasets: tuple[str, str, str, str]) -> str:
    """Turtle of a catalogue; each dataset (name, title, Turtle/TriG URL, media type)."""
    text = CATALOGUE.format(datasets=", ".join(f"<#{d[0]}>" for d in datasets))
    for name, title, url, media in datasets:
        text += DATASET.format(name=name, title=title, url=url, media=media, stem=name)
    return text


@pytest.fixture(scope="module")
def written_site(territories: Territories, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as ``publier-site`` writes it: two roadmaps' exports and the catalogue."""
    folder = tmp_path_factory.mktemp("site-ecrit") / "site"
    for name, iri in (("isle", ISLE_IRI), ("foyen", FOYEN_IRI)):
        export_graph(territories.graphs[iri], folder / name)
    (folder / "catalogue.ttl").write_text(
        catalogue(
            ("isle", "Isle Vern Salembre", "isle/feuille-de-route.ttl", "text/turtle"),
            ("foyen", "Pays Foyen", "foyen/feuille-de-route.trig", "application/trig"),
        ),
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def site(written_site: Path, tmp_path: Path) -> Path:
    """A copy of ``written_site`` of the test's own, which it may change."""
    return Path(shutil.copytree(written_site, tmp_path / "site", symlinks=True))


def test_a_site_folder_gives_each_dataset(site: Path) -> None:
    store = MemoryStore()
    outcomes = import_sources([site], store)
    assert [o.error for o in outcomes] == [None, None]
    assert [o.source for o in outcomes] == [f"{site} → Pays Foyen", f"{site} → Isle Vern Salembre"]
    assert store.graph_names() == sorted([ISLE_IRI, FOYEN_IRI])


def test_the_catalogue_file_itself_is_a_source(site: Path) -> None:
    store = MemoryStore()
    outcomes = import_sources([site / "catalogue.ttl"], store)
    assert all(o.imported for o in outcomes) and len(outcomes) == 2


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("../dehors.ttl", "hors du dossier du catalogue"),
        ("lien/feuille-de-route.ttl", "hors du dossier du catalogue"),
        ("https://example.org/feuille-de-route.ttl", "un catalogue local ne mène qu'à"),
    ],
)
def test_a_local_catalogue_leads_only_inside_its_folder(site: Path, url: str, words: str) -> None:
    outside = site.parent / "dehors"
    shutil.copytree(site / "isle", outside)
    shutil.copy(outside / "feuille-de-route.ttl", site.parent / "dehors.ttl")
    (site / "lien").symlink_to(outside)
    (site / "catalogue.ttl").write_text(
        catalogue(
            ("isle", "Isle Vern Salembre", url, "text/turtle"),
            ("foyen", "Pays Foyen", "foyen/feuille-de-route.trig", "application/trig"),
        ),
        encoding="utf-8",
    )
    store = MemoryStore()
    outcomes = {o.source.rsplit(" → ", 1)[1]: o for o in import_sources([site], store)}
    refused = outcomes["Isle Vern Salembre"]
    assert refused.error is not None and words in refused.error
    assert outcomes["Pays Foyen"].imported  # the other dataset goes on
    assert store.graph_names() == [FOYEN_IRI]


def test_a_dataset_without_turtle_or_trig_is_named(site: Path) -> None:
    text = (site / "catalogue.ttl").read_text(encoding="utf-8")
    (site / "catalogue.ttl").write_text(
        text.replace('dcat:mediaType "text/turtle"', 'dcat:mediaType "text/csv"').replace(
            "<isle/feuille-de-route.ttl>", "<isle/donnees.csv>"
        ),
        encoding="utf-8",
    )
    outcomes = import_sources([site], MemoryStore())
    errors = [o.error for o in outcomes if o.error]
    assert len(errors) == 1 and "aucune distribution Turtle ou TriG" in errors[0]


def test_a_catalogue_served_over_http_leads_to_http_files(site: Path) -> None:
    with serve_folder(site) as server:
        store = MemoryStore()
        outcomes = import_sources([server.url + "/"], store)
    assert [o.error for o in outcomes] == [None, None]
    assert outcomes[0].source == f"{server.url}/ → Pays Foyen"
    assert store.graph_names() == sorted([ISLE_IRI, FOYEN_IRI])


def test_a_served_catalogue_never_leads_to_a_local_file(site: Path) -> None:
    target = (site / "isle" / "feuille-de-route.ttl").absolute().as_uri()
    (site / "catalogue.ttl").write_text(
        catalogue(("isle", "Isle Vern Salembre", target, "text/turtle")), encoding="utf-8"
    )
    with serve_folder(site) as server:
        store = MemoryStore()
        [outcome] = import_sources([server.url + "/catalogue.ttl"], store)
    assert outcome.error is not None and "seules les adresses http:// et https://" in outcome.error
    assert store.graph_names() == []


def test_a_catalogue_inside_a_catalogue_is_not_followed(site: Path) -> None:
    inner = site / "interne"
    inner.mkdir()
    (inner / "catalogue.ttl").write_text(
        catalogue(("isle", "Isle", "../isle/feuille-de-route.ttl", "text/turtle")),
        encoding="utf-8",
    )
    (site / "catalogue.ttl").write_text(
        catalogue(("boucle", "Boucle", "interne/catalogue.ttl", "text/turtle")), encoding="utf-8"
    )
    [outcome] = import_sources([site], MemoryStore())
    assert outcome.error is not None and "exactement une feuille de route" in outcome.error


def test_a_workbook_at_an_address(territories: Territories) -> None:
    with serve_folder(territories.isle_xlsx.parent) as server:
        store = MemoryStore()
        [outcome] = import_sources([f"{server.url}/{territories.isle_xlsx.name}"], store)
    assert outcome.imported, outcome.error
    assert store.graph_names() == [ISLE_IRI]


def test_a_broken_workbook_at_an_address_is_named_by_it(tmp_path: Path) -> None:
    (tmp_path / "faux.xlsx").write_bytes(b"PK\x03\x04 pas un classeur")
    with serve_folder(tmp_path) as server:
        [outcome] = import_sources([f"{server.url}/faux.xlsx"], MemoryStore())
    assert outcome.error is not None
    assert f"{server.url}/faux.xlsx" in outcome.error and "feuille-de-route-" not in outcome.error


def test_a_folder_written_by_publier_site(territories: Territories, tmp_path: Path) -> None:
    """``publier-site`` names its files at the address it publishes to (the base IRI by
    default): read from the same places in the folder."""
    folder = tmp_path / "site"
    assert main(["publier-site", str(territories.isle_xlsx), "--sortie", str(folder)]) == 0
    store = MemoryStore()
    [outcome] = import_sources([folder], store, Reading(validation="oxigraph"))
    assert outcome.imported, outcome.error
    assert store.graph_names() == [ISLE_IRI]


def test_a_site_published_at_an_address(territories: Territories, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    with serve_folder(folder) as server:
        book = territories.isle_xlsx.parent / "pays-foyen.xlsx"
        arguments = ["publier-site", str(book), "--sortie", str(folder)]
        assert main([*arguments, "--url-publication", server.url + "/"]) == 0
        store = MemoryStore()
        [outcome] = import_sources([server.url + "/"], store, Reading(validation="oxigraph"))
    assert outcome.imported, outcome.error
    assert store.graph_names() == [FOYEN_IRI]
