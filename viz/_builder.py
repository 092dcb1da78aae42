"""The builder of a view's networkx graph: nodes, links and the details shown on click."""

import datetime
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

__all__ = ["Builder", "Section", "item", "labelled", "text"]

Section = dict[str, object]


def text(value: object) -> str:
    """``value`` as text: ``""`` for ``None``, ISO for a date."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def item(words: str, assumption: object = None) -> dict[str, object]:
    """One line of a details section, with its assumption (or ``None``)."""
    return {"texte": words, "hypothese": text(assumption) or None}


def section(title: str, items: list[dict[str, object]]) -> Section:
    return {"titre": title, "items": items}


class Builder:
    """Accumulates nodes, links and detail items, then freezes them into the graph."""

    def __init__(self) -> None:
        self.graph: nx.DiGraph[str] = nx.DiGraph()
        self.items: dict[str, dict[str, list[dict[str, object]]]] = defaultdict(
            lambda: defaultdict(list)
        )

    def node(self, iri: object, kind: str, label: object, ident: object = "") -> str:
        key = text(iri)
        if key not in self.graph:
            self.graph.add_node(
                key,
                kind=kind,
                label=text(label) or text(ident) or key,
                ident=text(ident),
                defis=set(),
                chantiers=set(),
            )
        return key

    def edge(
        self, source: str, target: str, kind: str, label: str = "", assumption: object = None
    ) -> None:
        graph = self.graph
        if graph.has_edge(source, target):
            data = graph.edges[source, target]
            if label and label not in data["labels"]:
                data["labels"].append(label)
            if assumption:
                data["hypotheses"].append(text(assumption))
            return
        graph.add_edge(
            source,
            target,
            kind=kind,
            labels=[label] if label else [],
            hypotheses=[text(assumption)] if assumption else [],
        )

    def detail(self, node: str, title: str, item: dict[str, object]) -> None:
        if item not in self.items[node][title]:
            self.items[node][title].append(item)

    def finish(self, order: Iterable[str] = ()) -> "nx.DiGraph[str]":
        """Attach details (sections in ``order`` first) and edge labels; return the graph."""
        order = list(order)
        for node, data in self.graph.nodes(data=True):
            sections = self.items.get(node, {})
            titles = [t for t in order if t in sections] + [t for t in sections if t not in order]
            data["details"] = [section(t, sections[t]) for t in titles]
        for _, _, data in self.graph.edges(data=True):
            data["label"] = " · ".join(data.pop("labels"))
            hyps = data.pop("hypotheses")
            data["hypothese"] = " ; ".join(hyps) if hyps else None
        return self.graph


def labelled(b: Builder, node: str) -> str:
    """The node's ID and label, as details and filters name it."""
    data = b.graph.nodes[node]
    ident = data["ident"]
    return f"{ident} — {data['label']}" if ident and ident != data["label"] else data["label"]
