"""Which roadmap a cartography draws, when a store may hold many (one per territory)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from feuille_de_route import UserError

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["Roadmap", "choose_roadmap", "list_roadmaps"]

# Past this many, the error lists the first ones and says where to see them all.
_LISTED = 30


@dataclass(frozen=True)
class Roadmap:
    """One row of the ``feuilles-de-route`` catalogue query."""

    iri: str
    identifier: str | None = None
    title: str | None = None
    territory: str | None = None

    @property
    def name(self) -> str:
        """What a page calls the roadmap: its title, else its identifier, else its IRI."""
        return self.title or self.identifier or self.iri


def list_roadmaps(store: "Store") -> list[Roadmap]:
    """Every roadmap ``store`` holds, in identifier order (one per IRI)."""
    from feuille_de_route.queries import run_query

    found: dict[str, Roadmap] = {}
    for row in run_query("feuilles-de-route", store):
        iri = row.get("feuilleDeRoute")
        if not isinstance(iri, str) or iri in found:
            # A roadmap with two titles or identifiers comes back twice: keep the first.
            continue
        found[iri] = Roadmap(
            iri=iri,
            identifier=_text(row.get("identifiant")),
            title=_text(row.get("titre")),
            territory=_text(row.get("territoire")),
        )
    return list(found.values())


def _text(value: object) -> str | None:
    return str(value) if value is not None and str(value) else None


def choose_roadmap(store: "Store", choice: str | None = None) -> Roadmap | None:
    """The roadmap to draw: ``choice`` (its IRI or its identifier), or the only one.

    Returns ``None`` only when the store holds no ``fdr:FeuilleDeRoute`` at all and
    nothing was chosen (the queries then run unrestricted). Raises a French
    :class:`~feuille_de_route.UserError` listing the roadmaps when ``choice`` matches
    none, matches several identifiers, or is missing while the store holds several.
    """
    roadmaps = list_roadmaps(store)
    if choice is None or not choice.strip():
        if len(roadmaps) <= 1:
            return roadmaps[0] if roadmaps else None
        raise UserError(
            f"le stockage contient {len(roadmaps)} feuilles de route : la cartographie en "
            "dessine une à la fois, choisissez-la avec --feuille-de-route IRI_OU_IDENTIFIANT "
            "parmi :\n" + _listing(roadmaps)
        )
    choice = choice.strip()
    by_iri = [r for r in roadmaps if r.iri == choice]
    if by_iri:
        return by_iri[0]
    by_identifier = [r for r in roadmaps if r.identifier == choice]
    if len(by_identifier) == 1:
        return by_identifier[0]
    if by_identifier:
        raise UserError(
            f"plusieurs feuilles de route portent l'identifiant « {choice} » : "
            "choisissez-la par son IRI parmi :\n" + _listing(by_identifier)
        )
    if not roadmaps:
        raise UserError(
            f"feuille de route inconnue « {choice} » : le stockage ne contient aucune "
            "feuille de route (fdr:FeuilleDeRoute)."
        )
    raise UserError(
        f"feuille de route inconnue « {choice} » : attendu l'IRI ou l'identifiant de "
        "l'une de :\n" + _listing(roadmaps)
    )


def _listing(roadmaps: list[Roadmap]) -> str:
    lines = [
        f"  - {r.identifier or '(sans identifiant)'} : {r.title or '(sans titre)'} <{r.iri}>"
        for r in roadmaps[:_LISTED]
    ]
    if len(roadmaps) > _LISTED:
        lines.append(
            f"  … et {len(roadmaps) - _LISTED} autres "
            "(liste complète : feuille-de-route requete feuilles-de-route)"
        )
    return "\n".join(lines)
