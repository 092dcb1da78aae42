"""Graph → workbook: the inverse of :func:`build_graph`, so a territory can get its
roadmap back as a spreadsheet (rebuilding it gives an isomorphic graph).

Driven by the table the build reads (:data:`~._mapping.MAPS`): each sheet's rows are
the instances of its class, each mapped column read back from its predicate. The few
cells the table cannot say (a coordinated object's kind, a resource's type, the IFN
scores, the roadmap's own row) have their own readers below.
"""

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import natural_key

from ._errors import DataError
from ._graph_reader import GraphReader
from ._mapping import MAPS, Field, Form, SheetMap
from ._namespaces import DCTERMS, FDR, RDF, RDFS
from ._registry import ID_COLUMNS
from ._sheets import SHEETS, SHEETS_BY_NAME, Kind
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row, Sheet, Workbook

__all__ = ["graph_to_workbook"]

_SOURCE = "graphe RDF"

Cells = dict[str, str]
CellReader = Callable[[GraphReader, Node], str]


def graph_to_workbook(graph: Graph) -> Workbook:
    """The workbook whose :func:`build_graph` is (isomorphic to) ``graph``.

    ``graph`` holds one ``fdr:FeuilleDeRoute`` whose IRI (ending in ``/``) is the base.
    Triples the workbook has no column for are left out. Raises :class:`DataError`.
    """
    reader = GraphReader(graph)
    workbook = Workbook(_SOURCE)
    for spec in SHEETS:
        if spec.name in MAPS:
            cells = [_cells(reader, spec.name, node) for node in _nodes(reader, spec.name)]
            key = MAPS[spec.name].sort
        else:
            cells, key = [_roadmap_cells(reader)], ("identifiant",)
        workbook.sheets[spec.name] = Sheet(spec.name, _SOURCE, spec.headers, _rows(cells, key))
    return workbook


def _rows(cells: list[Cells], key: tuple[str, ...]) -> list[Row]:
    ordered = sorted(cells, key=lambda c: natural_key(" ".join(c[k] for k in key)))
    return [
        Row(number, _SOURCE, {k: v for k, v in cells.items() if v})
        for number, cells in enumerate(ordered, start=2)
    ]


def _nodes(reader: GraphReader, sheet: str) -> list[Node]:
    spec: SheetMap = MAPS[sheet]
    nodes = reader.nodes(spec.cls, exclude=spec.exclude)
    if sheet == "Communes":
        # A commune only named as the roadmap's territory has no row (no name): the
        # "territoire" cell recreates it.
        nodes = [n for n in nodes if reader.value(n, RDFS.label)]
    return nodes


def _cells(reader: GraphReader, sheet: str, node: Node) -> Cells:
    spec = MAPS[sheet]
    cells: Cells = {}
    if sheet in ID_COLUMNS and spec.identifier:
        cells[ID_COLUMNS[sheet][1]] = reader.ident(node)
    for column, field in spec.fields.items():
        special = _CELL_READERS.get((sheet, column))
        if special is not None:
            cells[column] = special(reader, node)
        else:
            cells[column] = _cell(reader, sheet, column, field, node)
    if sheet == "Communes":
        cells.update(_fragility_cells(reader, node))
    return cells


def _cell(reader: GraphReader, sheet: str, column: str, field: Field, node: Node) -> str:
    if field.form in (Form.REF, Form.STEP):
        return reader.ref(node, field.predicate)
    if field.form is Form.REFS:
        return reader.refs(node, field.predicate)
    if field.form is Form.CONTROLLED:
        kind = SHEETS_BY_NAME[sheet].column(column).kind
        value = reader.graph.value(node, field.predicate)
        required = SHEETS_BY_NAME[sheet].column(column).required
        return "" if value is None and not required else reader.label(kind, node, value)
    if field.form is Form.BOOLEAN:
        flag = reader.graph.value(node, field.predicate)
        if not isinstance(flag, Literal):
            return ""
        return "oui" if flag.toPython() is True else "non"
    return reader.value(node, field.predicate)


def _roadmap_cells(reader: GraphReader) -> Cells:
    roadmaps = reader.nodes(FDR.FeuilleDeRoute)
    if len(roadmaps) != 1:
        raise DataError(
            f"le graphe doit contenir exactement une fdr:FeuilleDeRoute, il en contient "
            f"{len(roadmaps)}"
        )
    roadmap = roadmaps[0]
    if not str(roadmap).endswith("/"):
        raise DataError(f"l'IRI de la feuille de route <{roadmap}> doit se terminer par « / »")
    licence = reader.graph.value(roadmap, DCTERMS.license)
    territory = reader.graph.value(roadmap, FDR.territoire)
    return {
        "identifiant": reader.ident(roadmap),
        "titre": reader.value(roadmap, DCTERMS.title),
        "territoire": reader.ref(roadmap, FDR.territoire),
        "type de territoire": _territory_kind(reader, territory),
        "nom du territoire": "" if territory is None else reader.value(territory, RDFS.label),
        "iri de base": str(roadmap),
        "source": reader.value(roadmap, DCTERMS.source),
        "licence": str(licence) if licence is not None else "",
    }


def _territory_kind(reader: GraphReader, territory: Node | None) -> str:
    for label, cls in _TERRITORY_CLASSES.items():
        if territory is not None and (territory, RDF.type, cls) in reader.graph:
            return label
    return ""


_TERRITORY_CLASSES = {
    "commune": FDR.Commune,
    "EPCI": FDR.EPCI,
    "département": FDR.Departement,
    "région": FDR.Region,
}


def _fragility_cells(reader: GraphReader, commune: Node) -> Cells:
    scores = reader.fragility_scores()
    return {
        column: scores.get((commune, indicator), "")
        for column, (indicator, _notation) in IFN_COLUMNS.items()
    }


def _coordinated_object(reader: GraphReader, node: Node) -> str:
    """The ``objet`` cell: the ID, prefixed by its kind when a défi and a chantier share it."""
    target = reader.graph.value(node, FDR.objetCoordonne)
    if target is None:
        return ""
    local = reader.code(target)
    if reader.is_defi_and_chantier(local):
        is_defi = (target, RDF.type, FDR.Defi) in reader.graph
        return f"défi {local}" if is_defi else f"chantier {local}"
    return local


def _resource_type(reader: GraphReader, node: Node) -> str:
    options = reader.vocab[Kind.RESOURCE_TYPE]
    for label, cls in options.by_label.items():
        if (node, RDF.type, cls) in reader.graph:
            return label
    raise DataError(f"la ressource <{node}> n'a aucun des types permis : {options.allowed()}")


def _written_themes(reader: GraphReader, node: Node) -> str:
    """The « thèmes » cell: the chantier's themes but those proposed from its words (an
    empty cell proposes them again)."""
    proposed = {
        reader.graph.value(p, FDR.themePropose)
        for p in reader.graph.subjects(FDR.chantier, node)
        if (p, RDF.type, FDR.PropositionDeTheme) in reader.graph
    }
    themes = [t for t in reader.graph.objects(node, FDR.theme) if t not in proposed]
    labels = [reader.label(Kind.THEMES, node, theme) for theme in themes]
    order = list(reader.vocab[Kind.THEMES].labels)
    return " | ".join(sorted(labels, key=order.index))


def _owning_action(predicate: URIRef) -> CellReader:
    """The « action » cell of a follow-up row: the action whose ``predicate`` names it."""

    def read(reader: GraphReader, node: Node) -> str:
        action = reader.graph.value(predicate=predicate, object=node)
        return "" if action is None else reader.code(action)

    return read


_CELL_READERS: dict[tuple[str, str], CellReader] = {
    ("Co-financements", "action"): _owning_action(FDR.coFinancement),
    ("Indicateurs", "action"): _owning_action(FDR.indicateur),
    ("Chantiers", "thèmes"): _written_themes,
    ("Coordination", "objet"): _coordinated_object,
    ("Ressources", "type"): _resource_type,
}
