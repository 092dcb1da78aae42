"""``actions-fne.csv``: the actions and their follow-up, one row each, in the shape of the
national platform France Numérique Ensemble (budget global, co-financements, porteurs,
statut, dates, indicateurs), written from the graph (docs/france-numerique-ensemble.md
gives the mapping and says which of the platform's field names are assumed).

Written beside the RDF exports only when the roadmap follows up at least one action (a
status, a date, a lead, a budget, a co-funding, an indicator, an objective or steps):
a roadmap without follow-up, as the Grand Périgueux's source, has nothing to report.
Every text cell is neutralised against spreadsheet formulas.
"""

import csv
import decimal
import io
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import natural_key, neutralise_csv_cell

from ._namespaces import DCTERMS, FDR, RDF, RDFS, SKOS

__all__ = ["FNE_COLUMNS", "FNE_NAME", "fne_csv", "fne_rows"]

FNE_NAME = "actions-fne.csv"
# The file's header: our fields under the platform's words (assumed, see the docs).
FNE_COLUMNS = (
    "identifiant",
    "intitulé",
    "objectif",
    "étapes",
    "chantier",
    "statut",
    "date de début",
    "date de fin",
    "porteurs",
    "budget global (€)",
    "co-financements",
    "montant des co-financements (€)",
    "indicateurs",
    "feuille de route",
    "iri",
)
_FOLLOW_UP = (
    FDR.statutAction,
    FDR.dateDebut,
    FDR.dateFin,
    FDR.porteur,
    FDR.budget,
    FDR.coFinancement,
    FDR.indicateur,
    FDR.objectif,
    FDR.etapes,
)


def _text(graph: Graph, node: Node | None, predicate: URIRef) -> str:
    if node is None:
        return ""
    values = [v for v in graph.objects(node, predicate) if isinstance(v, Literal)]
    french = [v for v in values if v.language == "fr"]
    return str(min(french or values, key=str)) if values else ""


def _number(text: str) -> str:
    """An xsd:decimal's lexical form as a spreadsheet shows it: 10000, 1500.25."""
    return text.removesuffix(".0")


def _label(graph: Graph, node: Node | None) -> str:
    return _text(graph, node, RDFS.label) or _text(graph, node, SKOS.prefLabel)


def _joined(parts: Iterable[str]) -> str:
    return " | ".join(sorted(parts, key=natural_key))


def _cofundings(graph: Graph, action: Node) -> tuple[str, str]:
    """« funder : amount » per co-funding, and the sum of the amounts known."""
    parts, amounts = [], []
    for node in graph.objects(action, FDR.coFinancement):
        funder = _label(graph, graph.value(node, FDR.financeur))
        amount = _text(graph, node, FDR.montant)
        if amount:
            amounts.append(decimal.Decimal(amount))
            parts.append(f"{funder} : {_number(amount)}")
        else:
            parts.append(f"{funder} : montant non précisé")
    total = _number(str(sum(amounts, decimal.Decimal(0)))) if amounts else ""
    return _joined(parts), total


def _indicators(graph: Graph, action: Node) -> str:
    """« title : value / target unit » per indicator (a value not measured yet: « ? »)."""
    parts = []
    for node in graph.objects(action, FDR.indicateur):
        value = _number(_text(graph, node, FDR.valeur)) or "?"
        target = _number(_text(graph, node, FDR.cible))
        unit = _text(graph, node, FDR.unite)
        figures = f"{value} / {target}" if target else value
        parts.append(f"{_label(graph, node)} : {figures}{' ' + unit if unit else ''}")
    return _joined(parts)


def _roadmap(graph: Graph, action: Node) -> str:
    chantier = graph.value(action, FDR.chantier)
    defi = graph.value(chantier, FDR.defi) if chantier is not None else None
    enjeu = graph.value(defi, FDR.repondA) if defi is not None else None
    roadmap = graph.value(enjeu, FDR.feuilleDeRoute) if enjeu is not None else None
    return "" if roadmap is None else str(roadmap)


def _row(graph: Graph, action: Node) -> list[str]:
    chantier = graph.value(action, FDR.chantier)
    cofundings, total = _cofundings(graph, action)
    return [
        _text(graph, action, DCTERMS.identifier),
        _label(graph, action),
        _text(graph, action, FDR.objectif),
        _text(graph, action, FDR.etapes),
        _text(graph, chantier, DCTERMS.identifier),
        _label(graph, graph.value(action, FDR.statutAction)),
        _text(graph, action, FDR.dateDebut),
        _text(graph, action, FDR.dateFin),
        _joined(_label(graph, lead) for lead in graph.objects(action, FDR.porteur)),
        _number(_text(graph, action, FDR.budget)),
        cofundings,
        total,
        _indicators(graph, action),
        _roadmap(graph, action),
        str(action),
    ]


def fne_rows(graph: Graph) -> list[list[str]]:
    """One row per action of ``graph`` (columns :data:`FNE_COLUMNS`), by identifier; no
    row when no action is followed up. Status labels come from the SKOS concepts the
    graph holds, else from the shipped vocabulary."""
    actions = sorted(set(graph.subjects(RDF.type, FDR.ActionConcrete)), key=str)
    if not any(graph.value(a, p) is not None for a in actions for p in _FOLLOW_UP):
        return []
    labelled = _with_status_labels(graph)
    rows = [_row(labelled, action) for action in actions]
    return sorted(rows, key=lambda row: (row[13], natural_key(row[0]), row[14]))


def _with_status_labels(graph: Graph) -> Graph:
    from feuille_de_route.ontology import load_schemes

    if (FDR.realisee, SKOS.prefLabel, None) in graph:
        return graph
    merged = Graph()
    for triple in graph:
        merged.add(triple)
    for triple in load_schemes().triples((None, SKOS.prefLabel, None)):
        if triple[0] in (FDR.aLancer, FDR.enCours, FDR.realisee, FDR.abandonnee):
            merged.add(triple)
    return merged


def fne_csv(graph: Graph) -> bytes | None:
    """``actions-fne.csv`` as UTF-8 bytes (every cell quoted, text neutralised), or None
    when no action of ``graph`` is followed up."""
    rows = fne_rows(graph)
    if not rows:
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(FNE_COLUMNS)
    writer.writerows([neutralise_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")
