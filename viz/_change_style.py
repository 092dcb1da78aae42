"""How a node or link new or changed since a roadmap's first version is marked."""

from typing import Any

__all__ = ["CHANGE_MARKS", "change_legend", "style_changed_edge", "style_changed_node"]

# Mark → (colour, word in tooltips, legend wording of a node, of a link).
CHANGE_MARKS = {
    "nouveau": (
        "#2e7d32",
        "nouveau",
        "Contour vert épais : nouveau depuis la version 1",
        "Trait vert : lien nouveau depuis la version 1",
    ),
    "modifie": (
        "#6a1b9a",
        "modifié",
        "Contour violet épais : modifié depuis la version 1 (intitulé, identifiant, place)",
        "Trait violet : statut du lien changé depuis la version 1",
    ),
}


def style_changed_node(options: dict[str, Any], data: dict[str, Any]) -> None:
    """Mark a node's vis-network ``options`` when its ``data`` say it changed."""
    mark = data.get("changement")
    if mark not in CHANGE_MARKS:
        return
    color, word, _, _ = CHANGE_MARKS[mark]
    options["changement"] = mark
    options["changementLibelle"] = word
    options["color"]["border"] = color
    options["borderWidth"] = 5
    options["kindLabel"] = f"{options['kindLabel']} — {word}"


def style_changed_edge(options: dict[str, Any], data: dict[str, Any]) -> None:
    """Mark a link's vis-network ``options`` when its ``data`` say it changed."""
    mark = data.get("changement")
    if mark not in CHANGE_MARKS:
        return
    color, word, _, _ = CHANGE_MARKS[mark]
    options["changement"] = mark
    options["changementLibelle"] = word
    options["color"]["color"] = color
    options["width"] = options["width"] + 1.5
    options["details"] = [*data.get("details", []), *options.get("details", [])]


def change_legend(marks: set[str], links: bool) -> list[dict[str, Any]]:
    """The legend entries of the ``marks`` present, for nodes or for ``links``."""
    entries: list[dict[str, Any]] = []
    for mark, (color, _, node_words, link_words) in CHANGE_MARKS.items():
        if mark not in marks:
            continue
        if links:
            entries.append(
                {
                    "kind": f"changement-{mark}",
                    "label": link_words,
                    "color": color,
                    "width": 3.0,
                    "dashes": "",
                }
            )
        else:
            entries.append(
                {
                    "kind": f"changement-{mark}",
                    "label": node_words,
                    "shape": "changement",
                    "color": color,
                }
            )
    return entries
