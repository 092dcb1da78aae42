"""Reading a built graph back as workbook cells: a node's text, the IDs it refers to,
its controlled values' labels."""

import functools

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import natural_key

from ._errors import DataError
from ._namespaces import DCTERMS, FDR, RDF
from ._sheets import Kind
from ._vocabulary import Choices, all_choices

__all__ = ["GraphReader"]


class GraphReader:
    """Cells of a graph's nodes, as the workbook writes them."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.vocab: dict[Kind, Choices] = all_choices()

    def value(self, node: Node, predicate: URIRef) -> str:
        """One value as text ("" when none); the French one first, then the smallest."""
        values = [v for v in self.graph.objects(node, predicate) if isinstance(v, Literal)]
        if not values:
            return ""
        french = [v for v in values if v.language == "fr"]
        return str(min(french or values, key=str))

    def ident(self, node: Node) -> str:
        return self.value(node, DCTERMS.identifier)

    def code(self, node: Node) -> str:
        """The ID a workbook uses for ``node`` (territory codes and step numbers included)."""
        for predicate in (FDR.codeInsee, FDR.siren, FDR.numero, DCTERMS.identifier):
            found = self.value(node, predicate)
            if found:
                return found
        raise DataError(f"le nœud <{node}> n'a pas d'identifiant (dcterms:identifier)")

    def ref(self, node: Node, predicate: URIRef) -> str:
        target = self.graph.value(node, predicate)
        return self.code(target) if target is not None else ""

    def refs(self, node: Node, predicate: URIRef) -> str:
        codes = {self.code(target) for target in self.graph.objects(node, predicate)}
        return "|".join(sorted(codes, key=natural_key))

    def nodes(self, cls: URIRef, exclude: tuple[URIRef, ...] = ()) -> list[Node]:
        """The instances of ``cls`` that are no instance of any class in ``exclude``."""
        found = set(self.graph.subjects(RDF.type, cls))
        for other in exclude:
            found -= set(self.graph.subjects(RDF.type, other))
        return list(found)

    def label(self, kind: Kind, node: Node, concept: Node | None) -> str:
        """The workbook's word for ``concept``, a value of the controlled ``kind``."""
        options = self.vocab[kind]
        label = options.label(concept) if isinstance(concept, URIRef) else None
        if label is None:
            raise DataError(
                f"le nœud <{node}> a pour {options.what} <{concept}>, qui n'est aucune des "
                f"valeurs permises : {options.allowed()}"
            )
        return label

    @functools.cached_property
    def _defi_and_chantier_ids(self) -> frozenset[str]:
        defis = {self.ident(n) for n in self.nodes(FDR.Defi)}
        return frozenset(defis & {self.ident(n) for n in self.nodes(FDR.Chantier)})

    def is_defi_and_chantier(self, local: str) -> bool:
        """Whether a défi and a chantier share the ID ``local``."""
        return local in self._defi_and_chantier_ids

    @functools.cached_property
    def _scores(self) -> dict[tuple[Node, Node], str]:
        scores: dict[tuple[Node, Node], str] = {}
        for mesure in self.nodes(FDR.MesureDeFragilite):
            commune = self.graph.value(mesure, FDR.commune)
            indicator = self.graph.value(mesure, FDR.indicateur)
            if commune is not None and indicator is not None:
                scores[(commune, indicator)] = self.value(mesure, FDR.valeur)
        return scores

    def fragility_scores(self) -> dict[tuple[Node, Node], str]:
        """Each (commune, IFN indicator)'s score, as its lexical form."""
        return self._scores
