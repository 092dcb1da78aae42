"""A kind of resource added to the ontology reaches every part with no code change.

The ontology is copied and given one more resource class and its concept in
``fdr:TypesDeRessource``; that copy is handed to the functions that take an ontology
(``choices``) or its vocabulary (the stores). The workbook's drop-down, the queries, the
maps, the legend and the filters then know the new kind by the copy's label alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from feuille_de_route.graph import GRAND_PERIGUEUX, load_roadmap
from feuille_de_route.graph._sheets import Kind
from feuille_de_route.graph._vocabulary import choices
from feuille_de_route.graph.store import MemoryStore, vocabulary_graph
from feuille_de_route.ontology import FDR, load_ontology
from feuille_de_route.queries import run_query
from feuille_de_route.viz import build_cartography

BASE = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
LABEL = "tiers-lieu numérique"  # written nowhere but in the ontology's copy below


def _ontology_with_a_new_kind() -> Graph:
    ontology = load_ontology()
    ontology.add((FDR.TiersLieu, RDF.type, OWL.Class))
    ontology.add((FDR.TiersLieu, RDFS.subClassOf, FDR.Ressource))
    concept = FDR.typeTiersLieu
    ontology.add((concept, RDF.type, SKOS.Concept))
    ontology.add((concept, SKOS.inScheme, FDR.TypesDeRessource))
    ontology.add((concept, SKOS.prefLabel, Literal(LABEL, lang="fr")))
    ontology.add((concept, SKOS.notation, Literal("tiers-lieu")))
    ontology.add((concept, FDR.classe, FDR.TiersLieu))
    return ontology


def _roadmap_with_a_tiers_lieu() -> Graph:
    """The Grand Périgueux with one resource of the new kind, mobilised by chantier 1.b."""
    graph = load_roadmap(GRAND_PERIGUEUX)
    roadmap = URIRef(BASE)
    resource = URIRef(BASE + "ressource/tiers-lieu-test")
    chantier = URIRef(BASE + "chantier/1.b")
    assert (chantier, RDF.type, FDR.Chantier) in graph
    graph.add((resource, RDF.type, FDR.TiersLieu))
    graph.add((resource, RDF.type, FDR.Ressource))
    graph.add((resource, URIRef("http://purl.org/dc/terms/identifier"), Literal("tiers-lieu-test")))
    graph.add((resource, RDFS.label, Literal("La Fabrique numérique", lang="fr")))
    graph.add((resource, FDR.feuilleDeRoute, roadmap))
    link = URIRef(BASE + "mobilisation/1.b/tiers-lieu-test")
    graph.add((link, RDF.type, FDR.Mobilisation))
    graph.add((link, FDR.chantier, chantier))
    graph.add((link, FDR.ressource, resource))
    graph.add((link, FDR.statut, FDR.operante))
    return graph


def _page_data(html: str) -> dict[str, Any]:
    found = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', html, re.S
    )
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_new_kind_is_a_value_of_the_workbook_drop_down() -> None:
    types = choices(_ontology_with_a_new_kind())[Kind.RESOURCE_TYPE]
    assert LABEL in types.labels
    assert types.lookup("Tiers-lieu numerique") == FDR.TiersLieu
    assert LABEL not in choices()[Kind.RESOURCE_TYPE].labels  # the real ontology is untouched


def test_new_kind_reaches_queries_maps_legend_and_filters() -> None:
    vocabulary = vocabulary_graph(_ontology_with_a_new_kind())
    store = MemoryStore(_roadmap_with_a_tiers_lieu(), vocabulary=vocabulary)
    rows = run_query("mobilisations", store, chantier="1.b")
    assert {"ressourceId": "tiers-lieu-test", "typeLabel": LABEL} in [
        {"ressourceId": r["ressourceId"], "typeLabel": r["typeLabel"]} for r in rows
    ]
    resource = BASE + "ressource/tiers-lieu-test"
    for view, chantier in (("feuille-de-route", None), ("lacunes", None), ("chantier", "1.b")):
        html = build_cartography(store, view, chantier)
        data = _page_data(html)
        node = next(n for n in data["nodes"] if n["id"] == resource)
        assert node["kindLabel"] == LABEL and node["resource"] is True
        assert {"id": node["kind"], "texte": "Tiers-lieu numérique"} in data["filtres"]["types"]
        assert node["kind"] in data["resourceKinds"]
        legend = re.search(r'<section id="legende".*?</section>', html, re.S)
        assert legend is not None and "Tiers-lieu numérique" in legend.group(0)
        if view == "chantier":  # the seed's headings name each kind of resource
            assert any(n.get("groupe") == node["kind"] for n in data["nodes"])
