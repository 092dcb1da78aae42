"""The filters of a page: défis, chantiers, kinds of resource, link statuses and
whether to show only the assumptions."""

from typing import Any

import networkx as nx

from feuille_de_route import natural_key

from ._legend import resource_labels, status_labels
from ._style import edge_style

__all__ = ["filters"]


def filters(graph: "nx.DiGraph[str]") -> dict[str, Any]:
    def options(kind: str) -> list[dict[str, str]]:
        items = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] == kind]
        items.sort(key=lambda t: (natural_key(t[1]["ident"]), t[1]["label"]))
        return [
            {"id": n, "texte": f"{d['ident']} — {d['label']}" if d["ident"] else d["label"]}
            for n, d in items
        ]

    defi_options = options("defi")
    if not defi_options:
        # Views without défi nodes still filter by défi: name them by their IRI's end.
        names: dict[str, str] = graph.graph.get("defis", {})
        found = sorted(
            {d for _, data in graph.nodes(data=True) for d in data["defis"]},
            key=lambda d: natural_key(names.get(d) or d),
        )
        defi_options = [{"id": d, "texte": names.get(d) or _defi_name(d)} for d in found]
    chantier_options = options("chantier")
    statuses = [
        {"id": kind, "texte": f"{label} ({edge_style(kind).label.lower()})"}
        for kind, label in status_labels(graph).items()
    ]
    if any(d.get("sansLien") for _, d in graph.nodes(data=True)):
        statuses.append({"id": "aucun", "texte": "aucun lien (pas de trait)"})
    return {
        "defis": defi_options if len(defi_options) > 1 else [],
        "chantiers": chantier_options if len(chantier_options) > 1 else [],
        "types": [{"id": k, "texte": label} for k, label in resource_labels(graph).items()],
        "statuts": statuses,
        "hypotheses": any(d.get("hypothese") for _, d in graph.nodes(data=True))
        or any(d.get("hypothese") for _, _, d in graph.edges(data=True)),
        "changements": any(d.get("changement") for _, d in graph.nodes(data=True))
        or any(d.get("changement") for _, _, d in graph.edges(data=True)),
    }


def _defi_name(iri: str) -> str:
    from urllib.parse import unquote

    return "Défi " + unquote(iri.rstrip("/").rsplit("/", 1)[-1])
