"""Issue 12 §3: the fiches actions read the action follow-up vocabulary (status, dates,
porteur, budget, co-financements, indicators) through the catalogue's ``fiche-action``,
on a small roadmap written in Turtle with exactly the agreed IRIs; its labels carry a
hostile payload, which every format keeps as text."""

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from rdflib import Graph

from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.queries import run_query
from feuille_de_route.viz import build_documents
from feuille_de_route.viz._document_data import fetch_document
from feuille_de_route.viz._document_model import build_document
from feuille_de_route.viz._document_parts import ActionSheet

from .conftest import PAYLOAD

BASE = "https://example.org/territoires/essai-suivi/"
TURTLE = """
@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://example.org/territoires/essai-suivi/> .

<> a fdr:FeuilleDeRoute ; dcterms:identifier "essai-suivi" ;
  dcterms:title "Feuille de route d'essai TITRE" ; fdr:territoire <epci/200000001> .
<epci/200000001> a fdr:EPCI, fdr:Territoire ; rdfs:label "EPCI d'essai"@fr .
<commune/99001> a fdr:Commune, fdr:Territoire ; fdr:epci <epci/200000001> ;
  rdfs:label "Commune A TEXTE"@fr ; fdr:population 1200 ; fdr:classeDeTypologie <typologie/T1> .
<commune/99002> a fdr:Commune, fdr:Territoire ; fdr:epci <epci/200000001> ;
  rdfs:label "Commune B"@fr ; fdr:population 800 .
<typologie/T1> a fdr:ClasseDeTypologie ; fdr:feuilleDeRoute <> ; dcterms:identifier "T1" ;
  rdfs:label "Classe TEXTE"@fr .
<enjeu/1> a fdr:Enjeu ; fdr:feuilleDeRoute <> ; dcterms:identifier "1" ;
  rdfs:label "Enjeu TEXTE"@fr .
<defi/1> a fdr:Defi ; fdr:repondA <enjeu/1> ; dcterms:identifier "1" ; rdfs:label "Défi TEXTE"@fr .
<chantier/1.a> a fdr:Chantier ; fdr:defi <defi/1> ; dcterms:identifier "1.a" ;
  rdfs:label "Chantier TEXTE"@fr ; dcterms:description "Description TEXTE"@fr .
<critere/1> a fdr:CritereDeReussite ; fdr:chantier <chantier/1.a> ; dcterms:identifier "1.a.c1" ;
  rdfs:label "Critère TEXTE"@fr .
<ressource/caf> a fdr:Financement, fdr:Ressource ; fdr:feuilleDeRoute <> ;
  dcterms:identifier "caf" ; rdfs:label "CAF TEXTE"@fr .
<ressource/asso> a fdr:PartenaireDeProjet, fdr:Ressource ; fdr:feuilleDeRoute <> ;
  dcterms:identifier "asso" ; rdfs:label "Association TEXTE"@fr .
<mobilisation/1.a/caf> a fdr:Mobilisation ; fdr:chantier <chantier/1.a> ;
  fdr:ressource <ressource/caf> ; fdr:statut fdr:operante ; fdr:hypothese "Lien supposé TEXTE" .
<action/1.a.1> a fdr:ActionConcrete ; fdr:chantier <chantier/1.a> ; dcterms:identifier "1.a.1" ;
  rdfs:label "Action TEXTE"@fr ;
  fdr:statutAction fdr:enCours ;
  fdr:objectif "Objectif TEXTE" ;
  fdr:etapes "Première étape TEXTE | Deuxième étape |  | Troisième étape" ;
  fdr:dateDebut "2025-02-01"^^xsd:date ; fdr:dateFin "2026-06-30"^^xsd:date ;
  fdr:porteur <ressource/asso> ;
  fdr:budget "12000.50"^^xsd:decimal ;
  fdr:concerne <commune/99001> ;
  fdr:coFinancement <action/1.a.1/financement/caf> ;
  fdr:indicateur <action/1.a.1/indicateur/1> .
<action/1.a.1/financement/caf> a fdr:CoFinancement ; fdr:financeur <ressource/caf> ;
  fdr:montant "5000.00"^^xsd:decimal .
<action/1.a.1/indicateur/1> a fdr:IndicateurDeSuivi ; rdfs:label "Personnes formées TEXTE"@fr ;
  fdr:cible "100"^^xsd:decimal ; fdr:valeur "40.5"^^xsd:decimal ; fdr:unite "personnes" ;
  fdr:hypothese "Cible supposée TEXTE" .
<action/1.a.2> a fdr:ActionConcrete ; fdr:chantier <chantier/1.a> ; dcterms:identifier "1.a.2" ;
  rdfs:label "Action sans suivi"@fr .
# The status concept, as the ontology's vocabulary gives it once the follow-up is merged.
fdr:enCours skos:prefLabel "en cours"@fr, "in progress"@en ; fdr:rang 2 .
"""


def _graph(payload: str = "") -> Graph:
    text = TURTLE.replace("TEXTE", payload.replace("\\", "\\\\").replace('"', '\\"'))
    return Graph().parse(data=text.replace("TITRE", ""), format="turtle")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    graph = _graph()
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("suivi") / "stockage")
    oxigraph.add_graph(graph, roadmap_graph_name(graph))
    return {"rdflib": MemoryStore(graph), "oxigraph": oxigraph}


@pytest.fixture(scope="module")
def sheet(stores: dict[str, Store]) -> ActionSheet:
    document = build_document(fetch_document(stores["oxigraph"]))
    return next(a for a in document.actions if a.ident == "1.a.1")


def test_fiche_action_rows_are_the_same_on_both_engines(stores: dict[str, Store]) -> None:
    rows = {name: run_query("fiche-action", store) for name, store in stores.items()}
    assert rows["rdflib"] == rows["oxigraph"]
    sections = sorted(str(r["rubrique"]) for r in rows["rdflib"])
    assert sections == ["action", "action", "commune", "financement", "indicateur"]


def test_fiche_action_reads_every_follow_up_term(sheet: ActionSheet) -> None:
    assert sheet.objective == "Objectif "
    assert sheet.status == "en cours"
    assert sheet.start == "01/02/2025" and sheet.end == "30/06/2026"
    assert sheet.steps == ("Première étape", "Deuxième étape", "Troisième étape")
    assert sheet.budget == "12\u202f000,50\u00a0€"
    assert [f.text for f in sheet.fundings] == ["CAF  — 5\u202f000\u00a0€"]
    (indicator,) = sheet.indicators
    assert (indicator.target, indicator.value) == ("100 personnes", "40,5 personnes")
    assert indicator.assumption == "Cible supposée "
    assert sheet.communes == ("Commune A ",)
    stakeholders = [line.text for line in sheet.stakeholders]
    assert stakeholders == ["Association  — porteur", "CAF  — co-financeur"]


def test_an_action_without_follow_up_says_so(stores: dict[str, Store]) -> None:
    document = build_document(fetch_document(stores["oxigraph"]))
    bare = next(a for a in document.actions if a.ident == "1.a.2")
    assert (bare.objective, bare.status, bare.budget) == ("non renseigné",) * 3
    assert bare.steps == () and bare.fundings == () and bare.indicators == ()
    assert [(c.ident, c.communes, c.population) for c in document.classes] == [
        ("T1", 1, 1200),
        ("", 1, 800),
    ]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """HTML and DOCX of the small roadmap, every label ending with the payload and a
    control character (which XML, so SVG and DOCX, cannot hold)."""
    graph = _graph(PAYLOAD + "\x01")
    store = OxigraphStore(tmp_path_factory.mktemp("piege") / "stockage")
    store.add_graph(graph, roadmap_graph_name(graph))
    return build_documents(store, formats=("html", "docx"))


def test_hostile_labels_are_escaped_in_html_and_kept_in_docx(hostile: dict[str, bytes]) -> None:
    html = hostile["feuille-de-route.html"].decode("utf-8")
    assert "<img src=x onerror" not in html and "&lt;img src=x onerror" in html
    assert "<script" not in html
    doc = open_docx(io.BytesIO(hostile["feuille-de-route.docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Objectif {PAYLOAD}" in "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    assert f"Première étape {PAYLOAD}" in text
    assert "\x01" not in text


@pytest.mark.browser
def test_hostile_labels_stay_text_in_chromium(hostile: dict[str, bytes], browser: Any) -> None:
    errors: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.set_content(hostile["feuille-de-route.html"].decode("utf-8"), wait_until="load")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img[src=x]").count() == 0
        fiche = page.locator("article.fiche-action").first.inner_text()
        assert "<img src=x" in fiche and "Première étape" in fiche
        widths = page.eval_on_selector_all(
            "figure.carte img", "els => els.map(e => e.naturalWidth)"
        )
        assert widths and min(widths) > 0  # the map's SVG still parses, labels escaped
    finally:
        page.close()
    assert errors == []


def test_no_roadmap_to_choose_is_a_french_error(tmp_path: Path) -> None:
    from feuille_de_route import UserError

    store = MemoryStore(_graph())
    with pytest.raises(UserError, match="autre"):
        build_documents(store, roadmap="autre", formats=("html",))
