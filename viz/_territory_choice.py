"""Which roadmap a territory named on the command line is: by IRI, identifier or SIREN.

A SIREN names the roadmap whose territory is that EPCI (its national node
``…/geo/epci/{siren}``), else the one whose territory is a commune of that EPCI (as
``similaires`` counts a commune for its EPCI). A name that matches nothing is a
:class:`~feuille_de_route.queries.NothingFound` (exit 3, as ``requete`` answers a
parameter naming nothing in the store).
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from feuille_de_route import UserError, terminal_safe

from ._roadmaps import Roadmap, list_roadmaps

if TYPE_CHECKING:
    from feuille_de_route.graph.store import Store

__all__ = ["choose_territories", "choose_territory", "roadmaps_by_epci"]

_GEO = "https://w3id.org/feuille-de-route/geo/"  # national IRIs (docs/architecture.md)
_SIREN = re.compile(r"[0-9]{9}")

# Each roadmap with its territory's national node. No parameter: nothing is written
# into this text.
_TERRITORIES = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT DISTINCT ?feuilleDeRoute ?territoire
WHERE {
  ?feuilleDeRoute a fdr:FeuilleDeRoute ;
                  fdr:territoire ?local .
  ?local fdr:territoireOfficiel ?territoire .
}
"""


def roadmaps_by_epci(
    store: "Store", roadmaps: Sequence[Roadmap] | None = None
) -> dict[str, list[tuple[bool, Roadmap]]]:
    """Each EPCI's roadmaps in ``store``: (whether the EPCI's own, roadmap), own first.

    ``roadmaps``: the store's listing (:func:`list_roadmaps`) when the caller has it.
    """
    from feuille_de_route.graph import communes

    known = {r.iri: r for r in (list_roadmaps(store) if roadmaps is None else roadmaps)}
    found: dict[str, list[tuple[bool, Roadmap]]] = {}
    for row in store.select(_TERRITORIES, {}).rows:
        roadmap = known.get(str(row["feuilleDeRoute"]))
        kind, _, code = str(row["territoire"]).removeprefix(_GEO).partition("/")
        if roadmap is None:
            continue
        if kind == "epci":
            found.setdefault(code, []).append((True, roadmap))
        elif kind == "commune" and code in communes():
            siren = communes()[code].epci
            if siren:
                found.setdefault(siren, []).append((False, roadmap))
    for entries in found.values():
        entries.sort(key=lambda e: (not e[0], e[1].iri))
    return found


def choose_territory(store: "Store", name: str, option: str) -> Roadmap:
    """The roadmap ``name`` designates (IRI, identifier or EPCI SIREN); ``option`` is how
    the command line calls the argument, for the messages."""
    return choose_territories(store, [(name, option)])[0]


def choose_territories(store: "Store", named: Sequence[tuple[str, str]]) -> list[Roadmap]:
    """The roadmap of each ``(name, option)``, as :func:`choose_territory` chooses it.

    The store's roadmaps are listed once, and grouped by EPCI at most once, for all the
    names: at 1,255 roadmaps each listing takes about 0.1 s.
    """
    roadmaps = list_roadmaps(store)
    by_epci: dict[str, list[tuple[bool, Roadmap]]] | None = None
    chosen = []
    for name, option in named:
        if by_epci is None and _SIREN.fullmatch(name.strip()):
            by_epci = roadmaps_by_epci(store, roadmaps)
        chosen.append(_chosen(roadmaps, by_epci or {}, name, option))
    return chosen


def _chosen(
    roadmaps: Sequence[Roadmap],
    by_epci: dict[str, list[tuple[bool, Roadmap]]],
    name: str,
    option: str,
) -> Roadmap:
    from feuille_de_route.queries import NothingFound

    text = name.strip()
    if not text:
        raise UserError(f"{option} : attendu l'IRI, l'identifiant ou le SIREN d'un territoire.")
    by_iri = [r for r in roadmaps if r.iri == text]
    by_identifier = by_iri or [r for r in roadmaps if r.identifier == text]
    if len(by_identifier) == 1:
        return by_identifier[0]
    if by_identifier:
        listed = ", ".join(f"<{r.iri}>" for r in by_identifier)
        raise UserError(
            f"{option} : plusieurs feuilles de route portent l'identifiant « {text} » "
            f"({listed}) : désignez-en une par son IRI."
        )
    if _SIREN.fullmatch(text):
        entries = by_epci.get(text, [])
        own = [r for is_own, r in entries if is_own] or [r for _, r in entries]
        if len(own) == 1:
            return own[0]
        if own:
            listed = ", ".join(f"<{r.iri}>" for r in own)
            raise UserError(
                f"{option} : plusieurs feuilles de route pour l'EPCI {text} ({listed}) : "
                "désignez-en une par son IRI."
            )
    present = ", ".join(r.identifier or f"<{r.iri}>" for r in roadmaps[:10]) or "aucune"
    more = " …" if len(roadmaps) > 10 else ""
    raise NothingFound(
        f"{option} : aucune feuille de route ne correspond à « {terminal_safe(text)} » "
        "(IRI, identifiant, ou SIREN de l'EPCI du territoire) dans le stockage ; celles "
        f"présentes : {present}{more} (liste : feuille-de-route requete feuilles-de-route)."
    )
