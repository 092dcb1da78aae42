"""The named graph a territory's roadmap goes in: the IRI of its ``fdr:FeuilleDeRoute``;
its lieux de médiation numérique (``importer lieux.csv --base-iri B``) go in ``{B}lieux``."""

from collections.abc import Iterable

from rdflib import RDF, Graph, URIRef

from ._errors import StoreError

__all__ = [
    "FEUILLE_DE_ROUTE",
    "LIEUX_GRAPH_SEGMENT",
    "lieux_graph_name",
    "roadmap_graph_name",
    "roadmap_space",
    "the_one_roadmap",
]

FEUILLE_DE_ROUTE = URIRef("https://w3id.org/feuille-de-route/ontologie#FeuilleDeRoute")
# Under the territory's base IRI, beside its nodes' segments (enjeu/, lieu/…), none of
# which is « lieux »: the graph's name is no node of the territory.
LIEUX_GRAPH_SEGMENT = "lieux"


def lieux_graph_name(base_iri: str) -> str:
    """The named graph of the lieux de médiation of the territory whose base is ``base_iri``."""
    return base_iri + LIEUX_GRAPH_SEGMENT


def roadmap_space(iri: str, names: Iterable[str]) -> list[str]:
    """The named graphs among ``names`` that belong to the roadmap ``iri`` (sorted): the
    graph of its IRI and, when the IRI ends its path (``/`` or ``#``), those under it (its
    lieux' ``{B}lieux``). An IRI not ending so takes its own graph only: ``…/fdr`` never
    takes ``…/fdr2``'s."""
    under = iri.endswith(("/", "#"))
    return sorted(n for n in names if n == iri or (under and n.startswith(iri)))


def roadmap_graph_name(graph: Graph) -> str:
    """The IRI of the one ``fdr:FeuilleDeRoute`` in ``graph``: the name of its named graph."""
    return the_one_roadmap(sorted({str(s) for s in graph.subjects(RDF.type, FEUILLE_DE_ROUTE)}))


def the_one_roadmap(roadmaps: list[str]) -> str:
    """The one IRI of ``roadmaps`` (those a graph types ``fdr:FeuilleDeRoute``, sorted);
    none or several is a French :class:`StoreError`: the graph's name must then be given."""
    if len(roadmaps) != 1:
        found = "aucune" if not roadmaps else f"{len(roadmaps)} ({', '.join(roadmaps[:3])})"
        raise StoreError(
            "le graphe doit décrire exactement une feuille de route (fdr:FeuilleDeRoute) "
            f"pour être rangé sous son IRI ; trouvé : {found}. Indiquez le nom du graphe."
        )
    return roadmaps[0]
