"""How many of each kind of node a roadmap graph holds, with French labels."""

from rdflib import Graph, URIRef

from ._namespaces import FDR, RDF

__all__ = ["count_by_class"]

_CLASSES: tuple[tuple[str, URIRef, URIRef | None], ...] = (
    ("Feuilles de route", FDR.FeuilleDeRoute, None),
    ("Étapes", FDR.EtapeDeLaMethode, None),
    ("Livrables", FDR.Livrable, None),
    ("Classes de typologie", FDR.ClasseDeTypologie, None),
    ("Groupes de population", FDR.GroupeDePopulation, None),
    ("Communes", FDR.Commune, None),
    ("EPCI", FDR.EPCI, None),
    ("Mesures de fragilité", FDR.MesureDeFragilite, None),
    ("Enjeux", FDR.Enjeu, None),
    ("Défis", FDR.Defi, None),
    ("Chantiers", FDR.Chantier, None),
    ("Actions concrètes", FDR.ActionConcrete, None),
    ("Critères de réussite", FDR.CritereDeReussite, None),
    ("Freins", FDR.Frein, None),
    ("Services", FDR.Service, None),
    ("Coordinations", FDR.Coordination, None),
    ("Autres acteurs", FDR.Acteur, FDR.Service),
    ("Participations", FDR.Participation, None),
    ("Ressources", FDR.Ressource, None),
    ("Mobilisations", FDR.Mobilisation, None),
)


def count_by_class(graph: Graph) -> list[tuple[str, int]]:
    """(French plural label, number of nodes) per class of the contract, in the
    workbook's order; "Autres acteurs" leaves out the services (also ``fdr:Acteur``)."""
    counts = []
    for label, cls, exclude in _CLASSES:
        nodes = set(graph.subjects(RDF.type, cls))
        if exclude is not None:
            nodes -= set(graph.subjects(RDF.type, exclude))
        counts.append((label, len(nodes)))
    return counts
