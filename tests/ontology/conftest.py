"""Fixtures of the ontology tests: a small roadmap in Turtle that follows the contract
and the method (no violation, no warning), and broken variants derived from it."""

import pytest
from rdflib import Graph, URIRef

BASE = "https://w3id.org/feuille-de-route/territoires/essai/"

PREFIXES = f"""
@base <{BASE}> .
@prefix fdr: <https://w3id.org/feuille-de-route/ontologie#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

CHANTIERS = ["1.a", "1.b", "1.c", "1.d"]

# 3 enjeux, one défi answering all three, 4 chantiers: each enjeu has 4 chantiers.
SAMPLE = (
    PREFIXES
    + """
<> a fdr:FeuilleDeRoute ; rdfs:label "Feuille de route d'essai"@fr ;
    fdr:territoire <epci/200040392> .
<epci/200040392> a fdr:EPCI , fdr:Territoire ; rdfs:label "CA Le Grand Périgueux"@fr ;
    fdr:siren "200040392" ; fdr:population 103000 .
<commune/24322> a fdr:Commune , fdr:Territoire ; rdfs:label "Périgueux"@fr ;
    fdr:codeInsee "24322" ; fdr:epci <epci/200040392> ; fdr:population 29000 ;
    fdr:classeDeTypologie <typologie/6> .
<commune/2A004> a fdr:Commune , fdr:Territoire ; rdfs:label "Ajaccio"@fr ; fdr:codeInsee "2A004" .
<typologie/6> a fdr:ClasseDeTypologie ; rdfs:label "Communes urbaines"@fr ; fdr:feuilleDeRoute <> .
<groupe/1> a fdr:GroupeDePopulation ; rdfs:label "Personnes âgées"@fr ;
    fdr:commune <commune/24322> ; fdr:classeDeTypologie <typologie/6> .
<commune/24322/ifn/total> a fdr:MesureDeFragilite ; fdr:commune <commune/24322> ;
    fdr:indicateur fdr:ifnTotal ; fdr:valeur 6.5 .
<etape/4> a fdr:EtapeDeLaMethode ; fdr:numero 4 ; fdr:feuilleDeRoute <> ;
    rdfs:label "Identification des chantiers clés et cartographie des ressources"@fr .
<livrable/4a> a fdr:Livrable ; fdr:etape <etape/4> ; rdfs:label "Cartographie des ressources"@fr .

<enjeu/1> a fdr:Enjeu ; dcterms:identifier "1" ; rdfs:label "Accompagner"@fr ;
    fdr:feuilleDeRoute <> .
<enjeu/2> a fdr:Enjeu ; dcterms:identifier "2" ; rdfs:label "Réduire"@fr ;
    fdr:feuilleDeRoute <> .
<enjeu/3> a fdr:Enjeu ; dcterms:identifier "3" ; rdfs:label "Coopérer"@fr ;
    fdr:feuilleDeRoute <> .
<defi/1> a fdr:Defi ; dcterms:identifier "1" ; rdfs:label "Former"@fr ;
    fdr:repondA <enjeu/1> , <enjeu/2> , <enjeu/3> .

<service/enfance> a fdr:Service , fdr:Acteur ; rdfs:label "Service enfance"@fr ;
    fdr:uniteDe <service/solidarite> ; fdr:feuilleDeRoute <> .
<service/solidarite> a fdr:Service , fdr:Acteur ; rdfs:label "Solidarité et services"@fr .
<acteur/francas> a fdr:Acteur ; rdfs:label "Francas"@fr .

<ressource/cnfs> a fdr:Intervenant , fdr:Ressource ; dcterms:identifier "cnfs" ;
    rdfs:label "Conseillers numériques"@fr .
<ressource/caf> a fdr:Financement , fdr:Ressource ; dcterms:identifier "caf" ;
    rdfs:label "Partenaires sociaux (CAF…)"@fr ;
    fdr:hypothese "Supposé connu sans lien : la source ne le précise pas."@fr .

<mobilisation/1.a/cnfs> a fdr:Mobilisation ; fdr:chantier <chantier/1.a> ;
    fdr:ressource <ressource/cnfs> ; fdr:statut fdr:operante ; fdr:depuis "2023-09-01"^^xsd:date .
<mobilisation/1.a/caf> a fdr:Mobilisation ; fdr:chantier <chantier/1.a> ;
    fdr:ressource <ressource/caf> ; fdr:statut fdr:connueSansLien .
<mobilisation/1.b/caf> a fdr:Mobilisation ; fdr:chantier <chantier/1.b> ;
    fdr:ressource <ressource/caf> ; fdr:statut fdr:operante .

<participation/1.b/cnfs/realise> a fdr:Participation ; fdr:chantier <chantier/1.b> ;
    fdr:acteur <ressource/cnfs> ; fdr:role fdr:realisateur .
<participation/1.b/francas/associe> a fdr:Participation ; fdr:chantier <chantier/1.b> ;
    fdr:acteur <acteur/francas> ; fdr:role fdr:associe .
<coordination/defi-1/solidarite> a fdr:Coordination ; fdr:objetCoordonne <defi/1> ;
    fdr:service <service/solidarite> ; fdr:role fdr:coCoordinateur .
<critere/1.a-1> a fdr:CritereDeReussite ; fdr:chantier <chantier/1.a> ;
    rdfs:label "Tous les ALSH sont équipés"@fr .
<frein/1.a-1> a fdr:Frein ; fdr:chantier <chantier/1.a> ; rdfs:label "Pas de wifi en ALSH"@fr .
"""
    + "".join(
        f"""
<chantier/{c}> a fdr:Chantier ; dcterms:identifier "{c}" ; rdfs:label "Chantier {c}"@fr ;
    fdr:defi <defi/1> .
<action/{c}-1> a fdr:ActionConcrete ; dcterms:identifier "{c}-1" ; rdfs:label "Action {c}"@fr ;
    fdr:chantier <chantier/{c}> ; fdr:concerne <commune/24322> .
<coordination/chantier-{c}/enfance> a fdr:Coordination ; fdr:objetCoordonne <chantier/{c}> ;
    fdr:service <service/enfance> ; fdr:role fdr:pilote .
"""
        for c in CHANTIERS
    )
)
CHANTIERS_ENLIEN = "<chantier/1.a> fdr:enLienAvec <chantier/1.b> ."


class Sample:
    """Builds the sample roadmap, or a variant of it."""

    @staticmethod
    def iri(local: str) -> URIRef:
        """The IRI of the sample's node ``local`` (relative to its base)."""
        return URIRef(BASE + local)

    @staticmethod
    def graph(remove: str = "", add: str = "") -> Graph:
        """The sample minus the triples of ``remove`` plus those of ``add`` (Turtle bodies
        with the sample's base and prefixes; in ``remove``, ``fdr:ANY`` is any object)."""
        graph = Graph().parse(data=SAMPLE + CHANTIERS_ENLIEN, format="turtle")
        if remove:
            wildcard = URIRef("https://w3id.org/feuille-de-route/ontologie#ANY")
            for s, p, o in Graph().parse(data=PREFIXES + remove, format="turtle"):
                graph.remove((s, p, None if o == wildcard else o))
        if add:
            graph.parse(data=PREFIXES + add, format="turtle")
        return graph


@pytest.fixture(scope="session")
def sample() -> Sample:
    return Sample()
