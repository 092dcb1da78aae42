"""Versions of a roadmap: ``feuille-de-route versions`` and ``comparer``.

Each version has an IRI derived from its roadmap's (``{roadmap}version/{AAAA-MM-JJ}``), a
date and its own named graph, in an Oxigraph store of its own beside the store the
catalogue reads; that store holds only each roadmap's latest version, so two versions
never mix in the catalogue's answers (contract: docs/architecture.md, « Versions »).
"""

from ._keep import VERSIONS_FOLDER, AddedVersion, add_version, find_version, parse_day
from ._store import Version, VersionStore, registry_iri, version_iri

__all__ = [
    "VERSIONS_FOLDER",
    "AddedVersion",
    "Version",
    "VersionStore",
    "add_version",
    "find_version",
    "parse_day",
    "registry_iri",
    "version_iri",
]
