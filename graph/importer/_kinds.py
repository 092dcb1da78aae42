"""The kinds of source ``importer`` reads: one table, detected by suffix, media type or content.

Each entry names the kind in French, how to recognise it (file suffixes, the media types
a server sends, or a folder test) and how to read it into a graph. A new kind of source
is one more entry. Each reads into :class:`Statements` (Oxigraph terms): Turtle,
N-Triples, TriG and N-Quads straight from Oxigraph's parser; workbooks, JSON-LD, RDF/XML
and CSV of lieux through the package's rdflib readers (their bounds and checks), then
converted. The catalogue entry (a ``publier-site`` folder) reads its
``catalogue.ttl``, whose datasets the import then follows (see ``_sources``). The lieux
de médiation numérique (a ``.csv`` file in the national standard) hold no IRI: their
reader takes the territory's base IRI (``--base-iri``) instead of an address to resolve
relative IRIs against (``territory_base``), and they are imported as that territory's
lieux, not as a roadmap (see ``_lieux``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .._errors import DataError
from .._lieux import read_lieux
from .._limits import InputLimits
from .._rdf_input import parse_rdf
from .._roadmap import load_roadmap
from ._errors import SourceError
from ._quads import parse_quads
from ._statements import Statements

__all__ = [
    "CATALOGUE_FILE",
    "LIEUX_KIND_NAME",
    "SOURCE_KINDS",
    "SourceKind",
    "kind_for_path",
    "suffix_for_body",
]

CATALOGUE_FILE = "catalogue.ttl"

# A reader: (file or folder, limits, base IRI for relative IRIs or None) → statements.
Reader = Callable[[Path, InputLimits, str | None], Statements]


@dataclass(frozen=True)
class SourceKind:
    """One kind of source: its French name, how it is recognised, how it is read."""

    name: str
    read: Reader
    suffixes: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    folder: Callable[[Path], bool] | None = None
    territory_base: bool = False  # read with the territory's base IRI (lieux de médiation)


def _workbook(path: Path, limits: InputLimits, _base: str | None) -> Statements:
    return Statements.from_rdflib(load_roadmap(path, limits))


def _rdf(rdf_format: str) -> Reader:
    def read(path: Path, limits: InputLimits, base: str | None) -> Statements:
        return Statements.from_rdflib(parse_rdf(path, rdf_format, limits, base))

    return read


def _quads(rdf_format: str) -> Reader:
    def read(path: Path, limits: InputLimits, base: str | None) -> Statements:
        return parse_quads(path, rdf_format, limits, base)

    return read


def _site(path: Path, limits: InputLimits, base: str | None) -> Statements:
    return parse_quads(path / CATALOGUE_FILE, "turtle", limits, base)


def _lieux(path: Path, limits: InputLimits, base: str | None) -> Statements:
    if base is None:
        raise SourceError(
            "un CSV de lieux de médiation numérique ne porte pas d'IRI : donnez l'IRI de "
            "base du territoire auquel ils appartiennent avec --base-iri URL (par exemple "
            "https://w3id.org/feuille-de-route/territoires/grand-perigueux/)"
        )
    return Statements.from_rdflib(read_lieux(path, base_iri=base, limits=limits))


LIEUX_KIND_NAME = "lieux de médiation numérique (CSV du standard national)"

SOURCE_KINDS: tuple[SourceKind, ...] = (
    SourceKind(
        "site publié (dossier de publier-site)",
        _site,
        folder=lambda path: (path / CATALOGUE_FILE).is_file(),
    ),
    SourceKind(
        "classeur",
        _workbook,
        (".xlsx", ".xlsm", ".ods"),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        folder=lambda _path: True,  # a folder of CSV files, one per sheet
    ),
    SourceKind("graphe RDF Turtle", _quads("turtle"), (".ttl",), ("text/turtle",)),
    SourceKind("graphe RDF N-Triples", _quads("nt"), (".nt",), ("application/n-triples",)),
    SourceKind(
        "graphe RDF JSON-LD",
        _rdf("json-ld"),
        (".jsonld", ".json"),
        ("application/ld+json", "application/json"),
    ),
    SourceKind("graphe RDF/XML", _rdf("xml"), (".rdf", ".owl"), ("application/rdf+xml",)),
    SourceKind("graphe RDF TriG", _quads("trig"), (".trig",), ("application/trig",)),
    SourceKind("graphe RDF N-Quads", _quads("nquads"), (".nq",), ("application/n-quads",)),
    SourceKind(LIEUX_KIND_NAME, _lieux, (".csv",), ("text/csv",), territory_base=True),
)

_KNOWN = ", ".join(s for kind in SOURCE_KINDS for s in kind.suffixes)


def kind_for_path(path: Path) -> SourceKind:
    """The kind of the local file or folder ``path``; a French error when none fits."""
    if path.is_dir():
        return next(k for k in SOURCE_KINDS if k.folder is not None and k.folder(path))
    suffix = path.suffix.casefold()
    for kind in SOURCE_KINDS:
        if suffix in kind.suffixes:
            return kind
    raise DataError(
        f"type de source non reconnu « {path.suffix or '(sans extension)'} » : attendu un "
        f"fichier {_KNOWN} (.csv : lieux de médiation numérique), un dossier de classeur "
        "CSV ou un dossier de site publié "
        f"(avec {CATALOGUE_FILE}), ou une adresse http(s)://",
        file=str(path),
    )


def _sniffed(body: bytes) -> str:
    """The suffix a body of unknown type is read with, from its first bytes."""
    head = body[:200].lstrip()
    if head.startswith(b"PK"):
        return ".ods" if b"opendocument.spreadsheet" in head else ".xlsx"
    if head[:1] in (b"{", b"["):
        return ".jsonld"
    if head.startswith((b"<?xml", b"<rdf:RDF")):
        return ".rdf"
    return ".trig"  # TriG reads Turtle and N-Triples too


def suffix_for_body(url_path: str, media_type: str, body: bytes) -> str:
    """The suffix a fetched body is read with: the address's own if known, else the
    server's media type, else its first bytes."""
    suffix = Path(url_path).suffix.casefold()
    for kind in SOURCE_KINDS:
        if suffix in kind.suffixes:
            return suffix
    for kind in SOURCE_KINDS:
        if media_type in kind.media_types and kind.suffixes:
            return kind.suffixes[0]
    return _sniffed(body)
