"""Graph → workbook: the inverse of :func:`build_graph`, so a territory can get its
roadmap back as a spreadsheet (rebuilding it gives an isomorphic graph)."""

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import natural_key

from ._errors import DataError
from ._namespaces import DCTERMS, FDR, RDF, RDFS, SKOS
from ._sheets import SHEETS, Kind
from ._vocabulary import IFN_COLUMNS, choices
from ._workbook import Row, Sheet, Workbook

__all__ = ["graph_to_workbook"]

_SOURCE = "graphe RDF"


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.vocab = choices()

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

    def nodes(self, cls: URIRef, exclude: URIRef | None = None) -> list[Node]:
        found = set(self.graph.subjects(RDF.type, cls))
        if exclude is not None:
            found -= set(self.graph.subjects(RDF.type, exclude))
        return list(found)

    def label(self, kind: Kind, node: Node, concept: Node | None) -> str:
        options = self.vocab[kind]
        label = options.label(concept) if isinstance(concept, URIRef) else None
        if label is None:
            raise DataError(
                f"le nœud <{node}> a pour {options.what} <{concept}>, qui n'est aucune des "
                f"valeurs permises : {options.allowed()}"
            )
        return label


def _rows(cells: Iterable[dict[str, str]], key: Callable[[dict[str, str]], str]) -> list[Row]:
    ordered = sorted(cells, key=lambda c: natural_key(key(c)))
    return [
        Row(number, _SOURCE, {k: v for k, v in cells.items() if v})
        for number, cells in enumerate(ordered, start=2)
    ]


def graph_to_workbook(graph: Graph) -> Workbook:
    """The workbook whose :func:`build_graph` is (isomorphic to) ``graph``.

    ``graph`` holds one ``fdr:FeuilleDeRoute`` whose IRI (ending in ``/``) is the base.
    Triples the workbook has no column for are left out. Raises :class:`DataError`.
    """
    r = _Reader(graph)
    roadmaps = r.nodes(FDR.FeuilleDeRoute)
    if len(roadmaps) != 1:
        raise DataError(
            f"le graphe doit contenir exactement une fdr:FeuilleDeRoute, il en contient "
            f"{len(roadmaps)}"
        )
    roadmap = roadmaps[0]
    if not str(roadmap).endswith("/"):
        raise DataError(f"l'IRI de la feuille de route <{roadmap}> doit se terminer par « / »")
    licence = graph.value(roadmap, DCTERMS.license)
    sheets: dict[str, list[Row]] = {
        "Feuille de route": _rows(
            [
                {
                    "identifiant": r.ident(roadmap),
                    "titre": r.value(roadmap, DCTERMS.title),
                    "territoire": r.ref(roadmap, FDR.territoire),
                    "iri de base": str(roadmap),
                    "source": r.value(roadmap, DCTERMS.source),
                    "licence": str(licence) if licence is not None else "",
                }
            ],
            lambda c: c["identifiant"],
        )
    }

    def provenance(node: Node) -> dict[str, str]:
        return {
            "source": r.value(node, DCTERMS.source),
            "hypothèse": r.value(node, FDR.hypothese),
        }

    sheets["Étapes"] = _rows(
        (
            {
                "numéro": r.value(n, FDR.numero),
                "intitulé": r.value(n, RDFS.label),
                "description": r.value(n, DCTERMS.description),
            }
            for n in r.nodes(FDR.EtapeDeLaMethode)
        ),
        lambda c: c["numéro"],
    )
    sheets["Livrables"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "étape": r.ref(n, FDR.etape),
                "intitulé": r.value(n, RDFS.label),
                **provenance(n),
            }
            for n in r.nodes(FDR.Livrable)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Typologie"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "intitulé": r.value(n, RDFS.label),
                "description": r.value(n, DCTERMS.description),
            }
            for n in r.nodes(FDR.ClasseDeTypologie)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Groupes"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "description": r.value(n, DCTERMS.description),
                "classe": r.ref(n, FDR.classeDeTypologie),
                "communes": r.refs(n, FDR.commune),
                **provenance(n),
            }
            for n in r.nodes(FDR.GroupeDePopulation)
        ),
        lambda c: c["identifiant"],
    )
    scores: dict[tuple[Node, Node], str] = {}
    for mesure in r.nodes(FDR.MesureDeFragilite):
        commune, indicator = graph.value(mesure, FDR.commune), graph.value(mesure, FDR.indicateur)
        if commune is not None and indicator is not None:
            scores[(commune, indicator)] = r.value(mesure, FDR.valeur)
    # A commune only named as the roadmap's territory has no row (no name): the
    # "territoire" cell recreates it.
    communes = [n for n in r.nodes(FDR.Commune) if r.value(n, RDFS.label)]
    sheets["Communes"] = _rows(
        (
            {
                "code insee": r.value(n, FDR.codeInsee),
                "nom": r.value(n, RDFS.label),
                "population": r.value(n, FDR.population),
                "epci": r.ref(n, FDR.epci),
                "classe": r.ref(n, FDR.classeDeTypologie),
                **{
                    column: scores.get((n, indicator), "")
                    for column, (indicator, _notation) in IFN_COLUMNS.items()
                },
                **provenance(n),
            }
            for n in communes
        ),
        lambda c: c["code insee"],
    )
    sheets["Enjeux"] = _rows(
        (
            {"identifiant": r.ident(n), "intitulé": r.value(n, RDFS.label), **provenance(n)}
            for n in r.nodes(FDR.Enjeu)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Défis"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "intitulé": r.value(n, RDFS.label),
                "enjeux": r.refs(n, FDR.repondA),
                **provenance(n),
            }
            for n in r.nodes(FDR.Defi)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Chantiers"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "défi": r.ref(n, FDR.defi),
                "intitulé": r.value(n, RDFS.label),
                "description": r.value(n, DCTERMS.description),
                "en lien avec": r.refs(n, FDR.enLienAvec),
                **provenance(n),
            }
            for n in r.nodes(FDR.Chantier)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Actions"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "chantier": r.ref(n, FDR.chantier),
                "intitulé": r.value(n, RDFS.label),
                "communes": r.refs(n, FDR.concerne),
                **provenance(n),
            }
            for n in r.nodes(FDR.ActionConcrete)
        ),
        lambda c: c["identifiant"],
    )
    for sheet, cls in (("Critères", FDR.CritereDeReussite), ("Freins", FDR.Frein)):
        sheets[sheet] = _rows(
            (
                {
                    "identifiant": r.ident(n),
                    "chantier": r.ref(n, FDR.chantier),
                    "intitulé": r.value(n, RDFS.label),
                    "source": r.value(n, DCTERMS.source),
                }
                for n in r.nodes(cls)
            ),
            lambda c: c["identifiant"],
        )
    sheets["Services"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "nom": r.value(n, RDFS.label),
                "rattachement": r.ref(n, FDR.uniteDe),
                **provenance(n),
            }
            for n in r.nodes(FDR.Service)
        ),
        lambda c: c["identifiant"],
    )
    defi_ids = {r.ident(n) for n in r.nodes(FDR.Defi)}
    chantier_ids = {r.ident(n) for n in r.nodes(FDR.Chantier)}

    def objet(node: Node) -> str:
        target = graph.value(node, FDR.objetCoordonne)
        if target is None:
            return ""
        local = r.code(target)
        if local in defi_ids and local in chantier_ids:
            return f"défi {local}" if (target, RDF.type, FDR.Defi) in graph else f"chantier {local}"
        return local

    sheets["Coordination"] = _rows(
        (
            {
                "objet": objet(n),
                "service": r.ref(n, FDR.service),
                "rôle": r.label(Kind.COORDINATION_ROLE, n, graph.value(n, FDR.role)),
                **provenance(n),
            }
            for n in r.nodes(FDR.Coordination)
        ),
        lambda c: f"{c['objet']} {c['service']}",
    )
    sheets["Acteurs"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "nom": r.value(n, RDFS.label),
                "description": r.value(n, DCTERMS.description),
                "source": r.value(n, DCTERMS.source),
            }
            for n in r.nodes(FDR.Acteur, exclude=FDR.Service)
            if (n, RDF.type, FDR.Ressource) not in graph
        ),
        lambda c: c["identifiant"],
    )
    sheets["Gouvernance"] = _rows(
        (
            {
                "chantier": r.ref(n, FDR.chantier),
                "acteur": r.ref(n, FDR.acteur),
                "rôle": r.label(Kind.GOVERNANCE_ROLE, n, graph.value(n, FDR.role)),
                "note": r.value(n, SKOS.note),
                **provenance(n),
            }
            for n in r.nodes(FDR.Participation)
        ),
        lambda c: f"{c['chantier']} {c['acteur']} {c['rôle']}",
    )
    resource_classes = choices()[Kind.RESOURCE_TYPE]

    def resource_type(node: Node) -> str:
        for label, cls in resource_classes.by_label.items():
            if (node, RDF.type, cls) in graph:
                return label
        raise DataError(
            f"la ressource <{node}> n'a aucun des types permis : {resource_classes.allowed()}"
        )

    sheets["Ressources"] = _rows(
        (
            {
                "identifiant": r.ident(n),
                "nom": r.value(n, RDFS.label),
                "type": resource_type(n),
                "description": r.value(n, DCTERMS.description),
                **provenance(n),
            }
            for n in r.nodes(FDR.Ressource)
        ),
        lambda c: c["identifiant"],
    )
    sheets["Mobilisations"] = _rows(
        (
            {
                "chantier": r.ref(n, FDR.chantier),
                "ressource": r.ref(n, FDR.ressource),
                "statut": r.label(Kind.STATUS, n, graph.value(n, FDR.statut)),
                "depuis": r.value(n, FDR.depuis),
                "note": r.value(n, SKOS.note),
                **provenance(n),
            }
            for n in r.nodes(FDR.Mobilisation)
        ),
        lambda c: f"{c['chantier']} {c['ressource']}",
    )
    workbook = Workbook(_SOURCE)
    for spec in SHEETS:
        workbook.sheets[spec.name] = Sheet(spec.name, _SOURCE, spec.headers, sheets[spec.name])
    return workbook
