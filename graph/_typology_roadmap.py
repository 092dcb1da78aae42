"""What a roadmap's graph tells the diagnostic: its territory, its communes and the class
each one has today (often an assumption), its typology's classes, and which actions
(under which chantier, défi and enjeux) target which communes."""

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from feuille_de_route import natural_key

from ._namespaces import DCTERMS, FDR, RDF, RDFS, SKOS
from ._workbook import Row

__all__ = ["ActionReach", "RecordedClass", "RoadmapFacts", "roadmap_facts"]


@dataclass(frozen=True, slots=True)
class ActionReach:
    """An action, where it sits in the roadmap, and the communes it targets (INSEE codes;
    none = the whole territory)."""

    action: str  # its ID
    label: str
    chantier: str  # « 1.b Titre du chantier »
    enjeux: tuple[str, ...]  # « Enjeu 1 : … »
    communes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecordedClass:
    """The class a commune has in the workbook, and the assumption behind it, if any."""

    classe: str
    hypothese: str


@dataclass(frozen=True)
class RoadmapFacts:
    title: str
    territory_code: str  # SIREN or INSEE code of the roadmap's territory ("" if none)
    territory_name: str
    communes: Mapping[str, str]  # INSEE code → name, from the Communes sheet
    recorded: Mapping[str, RecordedClass]
    classes: Mapping[str, str]  # class ID → label (Typologie sheet)
    actions: tuple[ActionReach, ...]
    rule_rows: tuple[Row, ...] = ()  # the « Règles de typologie » rows the graph holds


def _text(graph: Graph, node: Node, predicate: URIRef) -> str:
    value = graph.value(node, predicate)
    return str(value) if value is not None else ""


def _ident(graph: Graph, node: Node) -> str:
    return _text(graph, node, DCTERMS.identifier)


def _territory(graph: Graph, roadmap: Node | None) -> tuple[str, str]:
    node = graph.value(roadmap, FDR.territoire) if roadmap is not None else None
    if node is None:
        return "", ""
    code = _text(graph, node, FDR.siren) or _text(graph, node, FDR.codeInsee) or _ident(graph, node)
    return code, _text(graph, node, RDFS.label)


def _communes(graph: Graph) -> tuple[dict[str, str], dict[str, RecordedClass]]:
    names: dict[str, str] = {}
    recorded: dict[str, RecordedClass] = {}
    for node in graph.subjects(RDF.type, FDR.Commune):
        code = _text(graph, node, FDR.codeInsee)
        if not code or not isinstance(node, URIRef) or not graph.value(node, RDFS.label):
            continue
        names[code] = _text(graph, node, RDFS.label)
        classe = graph.value(node, FDR.classeDeTypologie)
        if classe is not None:
            recorded[code] = RecordedClass(_ident(graph, classe), _text(graph, node, FDR.hypothese))
    return dict(sorted(names.items())), recorded


def _classes(graph: Graph) -> dict[str, str]:
    found = {
        _ident(graph, node): _text(graph, node, RDFS.label)
        for node in graph.subjects(RDF.type, FDR.ClasseDeTypologie)
    }
    return {key: found[key] for key in sorted(found, key=natural_key) if key}


def _action(graph: Graph, action: Node) -> ActionReach:
    chantier = graph.value(action, FDR.chantier)
    enjeux: list[str] = []
    if chantier is not None:
        for defi in graph.objects(chantier, FDR.defi):
            for enjeu in graph.objects(defi, FDR.repondA):
                enjeux.append(f"Enjeu {_ident(graph, enjeu)} : {_text(graph, enjeu, RDFS.label)}")
    communes = sorted(
        _text(graph, commune, FDR.codeInsee) for commune in graph.objects(action, FDR.concerne)
    )
    return ActionReach(
        _ident(graph, action),
        _text(graph, action, RDFS.label),
        f"{_ident(graph, chantier)} {_text(graph, chantier, RDFS.label)}" if chantier else "",
        tuple(sorted(set(enjeux), key=natural_key)),
        tuple(code for code in communes if code),
    )


_RULE_CELLS = {
    "identifiant": DCTERMS.identifier,
    "ordre": FDR.ordre,
    "indicateur": FDR.indicateurCompare,
    "opérateur": FDR.operateur,
    "seuil": FDR.seuil,
    "note": SKOS.note,
    "source": DCTERMS.source,
    "hypothèse": FDR.hypothese,
}


def _rule_rows(graph: Graph, file: str) -> tuple[Row, ...]:
    """The typology rules' rows, as the sheet holds them (ordered by ordre, then ID)."""
    rows = []
    for node in graph.subjects(RDF.type, FDR.RegleDeTypologie):
        cells = {column: _text(graph, node, p) for column, p in _RULE_CELLS.items()}
        classe = graph.value(node, FDR.classeAttribuee)
        cells["classe"] = _ident(graph, classe) if classe is not None else ""
        rows.append(cells)
    rows.sort(key=lambda c: (natural_key(c["ordre"]), natural_key(c["identifiant"])))
    return tuple(Row(n, file, cells) for n, cells in enumerate(rows, start=2))


def roadmap_facts(graph: Graph) -> RoadmapFacts:
    """The facts of ``graph`` (one roadmap) the diagnostic reads."""
    roadmap = next(iter(graph.subjects(RDF.type, FDR.FeuilleDeRoute)), None)
    code, name = _territory(graph, roadmap)
    communes, recorded = _communes(graph)
    actions = sorted(
        (_action(graph, node) for node in graph.subjects(RDF.type, FDR.ActionConcrete)),
        key=lambda a: natural_key(a.action),
    )
    title = _text(graph, roadmap, DCTERMS.title) if roadmap is not None else ""
    if roadmap is not None and not title:
        title = _text(graph, roadmap, RDFS.label)
    rules = _rule_rows(graph, title or "feuille de route")
    return RoadmapFacts(
        title, code, name, communes, recorded, _classes(graph), tuple(actions), rules
    )
