"""Keeping a version beside the store the catalogue reads, and naming a kept version.

Layout of a ``--stockage DOSSIER``: ``DOSSIER`` is the Oxigraph store every command
queries (the union of its named graphs is what the catalogue sees); its versions are in
the Oxigraph store ``DOSSIER/versions/`` (:class:`~._store.VersionStore`). The store the
catalogue reads holds, for each roadmap, only its latest version (by date), in the named
graph of the roadmap's IRI: two versions of one roadmap never meet in its union.
"""

import datetime
import re
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from feuille_de_route import UserError, is_absolute_iri, terminal_safe

from ..importer import check_scope, stored_roadmaps, validate_on_oxigraph
from ..store import OxigraphStore, roadmap_graph_name
from ._store import Version, VersionStore

__all__ = ["VERSIONS_FOLDER", "AddedVersion", "add_version", "find_version", "parse_day"]

VERSIONS_FOLDER = "versions"

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class AddedVersion:
    """What :func:`add_version` did: the version, whether it replaced one of the same
    day, and the roadmap's latest version (the one the catalogue now reads)."""

    version: Version
    replaced: bool
    current: Version


def parse_day(text: str, what: str = "--date") -> datetime.date:
    """``AAAA-MM-JJ`` as a date; anything else is a French :class:`UserError`."""
    if _DAY.fullmatch(text.strip()):
        try:
            return datetime.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise UserError(f"{what} : « {terminal_safe(text)} » n'est pas une date AAAA-MM-JJ valide.")


def add_version(folder: Path, graph: Graph, day: datetime.date) -> AddedVersion:
    """Keep ``graph`` as its roadmap's version of ``day`` in ``folder``'s versions, then
    put the roadmap's latest version in ``folder``'s store, under the roadmap's IRI.

    The roadmap is checked first as ``importer`` checks a source: statements only under
    its base IRI, none in another stored territory's space, and the SHACL shapes (the
    compiled check of ``--validation rapide``; a violation refuses the version with the
    French report, nothing kept). Each store changes in one
    atomic update: the versions first, then the store the catalogue reads (an interrupted
    run leaves it on the previous latest version; running again puts it right).
    """
    roadmap = roadmap_graph_name(graph)
    with closing(OxigraphStore(folder)) as main:
        check_scope(graph, roadmap, stored_roadmaps(main))
        report = validate_on_oxigraph(graph)
        if report.violations:
            raise UserError(
                "version refusée : le graphe ne respecte pas les formes SHACL du modèle.\n"
                + report.text()
            )
        with closing(VersionStore(folder / VERSIONS_FOLDER)) as versions:
            version, replaced = versions.add(graph, day)
            current = versions.versions(roadmap)[-1]
            main.add_graph(graph if current == version else versions.graph(current), roadmap)
        main.flush()
    return AddedVersion(version, replaced, current)


def find_version(store: VersionStore, text: str, roadmap: str | None = None) -> Version:
    """The kept version ``text`` names: its IRI, or its date (``AAAA-MM-JJ``) — then of
    ``roadmap`` when given, else of the only roadmap with a version that day."""
    kept = store.versions(roadmap)
    if is_absolute_iri(text):
        found = [v for v in kept if v.iri == text]
    else:
        day = parse_day(text, "version")
        found = [v for v in kept if v.day == day]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(f"{v.iri}" for v in kept[:10]) or "aucune"
    if not found:
        raise UserError(
            f"aucune version « {terminal_safe(text)} » dans {store.folder} ; "
            f"versions présentes : {terminal_safe(listed)}."
        )
    raise UserError(
        f"plusieurs feuilles de route ont une version le {terminal_safe(text)} : "
        f"{terminal_safe(', '.join(v.roadmap for v in found))} ; "
        "précisez laquelle avec --feuille-de-route IRI, ou donnez l'IRI de la version."
    )
