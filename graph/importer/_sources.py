"""Reading each source into roadmap graphs: a local path, an ``http(s)`` address, a
SPARQL endpoint; a DCAT catalogue (``publier-site``) gives one graph per dataset.

A catalogue read from a folder leads only to files inside that folder (symbolic links
resolved); a catalogue fetched from an address leads only to ``http(s)`` addresses. A
catalogue's dataset is never itself a catalogue (no loops). Every failure is a
:class:`~feuille_de_route.UserError` given back with the source's name, so that the
other sources go on.
"""

import re
import tempfile
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyoxigraph as ox
from rdflib import URIRef

from feuille_de_route import UserError, redact_url, terminal_safe

from .._limits import DEFAULT_LIMITS, InputLimits
from ..store._terms import check_iri
from ..store._urls import query_url
from ..store._values import with_values
from ._dcat import DCAT, downloads, site_bases
from ._errors import SourceError
from ._fetch import DEFAULT_FETCH_LIMITS, FetchLimits, check_url, fetch
from ._kinds import CATALOGUE_FILE, SourceKind, kind_for_path, suffix_for_body
from ._lieux import Lieux
from ._quads import parse_quads
from ._statements import Statements

__all__ = [
    "DEFAULT_READING",
    "EndpointSource",
    "Loaded",
    "Reading",
    "Source",
    "read_source",
    "source_label",
]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
# The roadmap's IRI is bound by ``with_values`` (an escaped VALUES block at the top of
# WHERE), which reads the first group: the pattern is bound as a SELECT, then given the
# CONSTRUCT template in place of its projection.
_PATTERN = "SELECT * WHERE { { GRAPH ?_feuilleDeRoute { ?s ?p ?o } } }"
_TEMPLATE = "CONSTRUCT { ?s ?p ?o }"


@dataclass(frozen=True)
class EndpointSource:
    """A roadmap held by a SPARQL server: its query address and the roadmap's IRI."""

    url: str
    roadmap: str


Source = str | Path | EndpointSource
# What one source gives: a name for the summary, and a roadmap's statements, a
# territory's lieux de médiation, or why there is none.
Loaded = tuple[str, Statements | Lieux | UserError]
_DOWNLOAD_URL = ox.NamedNode(str(DCAT.downloadURL))


@dataclass(frozen=True)
class Reading:
    """The bounds every read and fetch of one import run keeps, and the SHACL engine:
    ``pyshacl`` (the reference) or ``oxigraph`` (the shapes compiled to SPARQL, same
    results, faster: ``validate_on_oxigraph``); ``base_iri``: the territory a CSV of
    lieux de médiation numérique belongs to (``--base-iri``; a CSV has no IRI)."""

    limits: InputLimits = DEFAULT_LIMITS
    fetch_limits: FetchLimits = DEFAULT_FETCH_LIMITS
    validation: Literal["pyshacl", "oxigraph"] = "pyshacl"
    base_iri: str | None = None


DEFAULT_READING = Reading()


def source_label(source: Source) -> str:
    """The source as the summary names it (an address's password hidden)."""
    if isinstance(source, EndpointSource):
        return f"{redact_url(source.url)} (feuille de route <{source.roadmap}>)"
    text = str(source)
    return terminal_safe(redact_url(text) if _URL.match(text) else text)


def read_source(source: Source, reading: Reading) -> Iterator[Loaded]:
    """Each roadmap graph ``source`` gives, or the error that stopped it."""
    label = source_label(source)
    try:
        if isinstance(source, EndpointSource):
            yield label, _from_endpoint(source, reading)
        elif isinstance(source, str) and _URL.match(source):
            yield from _from_url(source, label, reading, nested=False)
        else:
            yield from _from_path(Path(source), label, reading, nested=False)
    except UserError as exc:
        yield label, exc


def _catalogue_only(statements: Statements) -> bool:
    """Whether the source describes datasets to download and no roadmap."""
    return not statements.roadmaps() and any(q.predicate == _DOWNLOAD_URL for q in statements)


def _from_path(path: Path, label: str, reading: Reading, nested: bool) -> Iterator[Loaded]:
    if not path.exists():
        raise SourceError(f"{label} : fichier ou dossier introuvable")
    kind = kind_for_path(path)
    if kind.territory_base:
        yield label, _lieux(kind, path, reading)
        return
    graph = kind.read(path, reading.limits, None)
    if nested or not _catalogue_only(graph):
        yield label, graph
        return
    folder = (path if path.is_dir() else path.parent).resolve()
    yield from _catalogue(graph, label, reading, folder)


def _lieux(kind: SourceKind, path: Path, reading: Reading) -> Lieux:
    """The lieux de médiation of the CSV ``path``, as the territory ``--base-iri``'s."""
    graph = kind.read(path, reading.limits, reading.base_iri)
    return Lieux(graph, reading.base_iri or "")


def _inside(url: str, folder: Path, bases: list[str]) -> Path:
    """The file a local catalogue's ``downloadURL`` names, if it is inside ``folder``: a
    ``file:`` path, or an address under the site's published address (``bases``), read
    from the same place in the folder."""
    parts = urllib.parse.urlsplit(url)
    base = next((b for b in bases if url.startswith(b)), None)
    if base is not None:
        relative = urllib.parse.unquote(urllib.parse.urlsplit(url[len(base) :]).path)
        path = folder / relative
    elif parts.scheme == "file" and parts.netloc in ("", "localhost"):
        path = Path(urllib.parse.unquote(parts.path))
    else:
        raise SourceError(
            f"adresse de téléchargement refusée « {terminal_safe(redact_url(url))[:300]} » : un "
            "catalogue local ne mène qu'à des fichiers de son propre dossier (chemins relatifs, "
            "ou adresses sous celle où le site est publié)"
        )
    if not path.resolve().is_relative_to(folder):
        raise SourceError(
            f"fichier « {terminal_safe(str(path))} » refusé : hors du dossier du catalogue "
            f"({folder})"
        )
    return path


def _catalogue(
    statements: Statements, label: str, reading: Reading, folder: Path | None
) -> Iterator[Loaded]:
    """Each dataset of a catalogue: from ``folder`` (local) or from the web (None)."""
    graph = statements.graph()  # a small description, read with rdflib
    found = downloads(graph)
    bases = site_bases(graph)
    if not found:
        raise SourceError(f"{label} : le catalogue ne décrit aucun jeu de données")
    for download in found:
        name = f"{label} → {terminal_safe(download.dataset)}"
        try:
            if download.url is None:
                raise SourceError("aucune distribution Turtle ou TriG (dcat:downloadURL)")
            if folder is not None:
                path = _inside(download.url, folder, bases)
                yield from _from_path(path, name, reading, nested=True)
            else:
                yield from _from_url(download.url, name, reading, nested=True)
        except UserError as exc:
            yield name, exc


def _from_url(url: str, label: str, reading: Reading, nested: bool) -> Iterator[Loaded]:
    parts = check_url(url)
    if parts.path.endswith("/") and not parts.query and not nested:
        url = urllib.parse.urljoin(url, CATALOGUE_FILE)  # a publier-site folder
    fetched = fetch(url, reading.limits, reading.fetch_limits)
    path = urllib.parse.urlsplit(fetched.url).path
    suffix = suffix_for_body(path, fetched.media_type, fetched.body)
    graph = _read_fetched(fetched.body, suffix, fetched.url, reading)
    if isinstance(graph, Lieux):
        yield label, graph
        return
    if nested or not _catalogue_only(graph):
        yield label, graph
        return
    yield from _catalogue(graph, label, reading, None)


def _read_fetched(body: bytes, suffix: str, url: str, reading: Reading) -> Statements | Lieux:
    """Read a fetched body as a file of ``suffix``, its messages naming ``url``."""
    with tempfile.TemporaryDirectory(prefix="feuille-de-route-") as folder:
        path = Path(folder) / f"source{suffix}"
        path.write_bytes(body)
        try:
            kind = kind_for_path(path)
            if kind.territory_base:
                return _lieux(kind, path, reading)
            return kind.read(path, reading.limits, url)
        except UserError as exc:
            shown = terminal_safe(redact_url(url))
            raise SourceError(str(exc).replace(str(path), shown)) from None


def _from_endpoint(source: EndpointSource, reading: Reading) -> Statements:
    """The roadmap's named graph on a SPARQL server, by one bounded ``CONSTRUCT``."""
    roadmap = check_iri(source.roadmap, "l'IRI de la feuille de route (--feuille-de-route)")
    url = query_url(source.url)
    bound = with_values(_PATTERN, {"_feuilleDeRoute": URIRef(roadmap)})
    query = _TEMPLATE + bound.removeprefix("SELECT *")
    fetched = fetch(
        url,
        reading.limits,
        reading.fetch_limits,
        method="POST",
        data=query.encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": "application/n-triples, text/turtle;q=0.9",
        },
    )
    # N-Triples is Turtle: either answer reads the same way.
    with tempfile.TemporaryDirectory(prefix="feuille-de-route-") as folder:
        path = Path(folder) / "construct.ttl"
        path.write_bytes(fetched.body)
        try:
            graph = parse_quads(path, "turtle", reading.limits, url)
        except UserError as exc:
            raise SourceError(str(exc).replace(str(path), redact_url(url))) from None
    if not len(graph):
        raise SourceError(
            f"le serveur {terminal_safe(redact_url(url))} ne tient aucun triplet dans le graphe "
            f"<{roadmap}> : vérifiez l'IRI de la feuille de route (--feuille-de-route)"
        )
    return graph
