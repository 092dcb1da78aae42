"""Loading a roadmap from whatever the user has: a workbook, an RDF file, or nothing
(the embedded Grand Périgueux)."""

from pathlib import Path

from rdflib import Graph

from ._build import build_graph
from ._errors import DataError
from ._namespaces import PREFIXES
from ._workbook_io import read_workbook, workbook_format

__all__ = ["GRAND_PERIGUEUX", "RDF_FORMATS", "load_roadmap"]

GRAND_PERIGUEUX: Path = Path(__file__).resolve().parent / "donnees" / "grand-perigueux"

RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
    ".rdf": "xml",
    ".owl": "xml",
}


def _parse_rdf(path: Path, rdf_format: str) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    try:
        graph.parse(path, format=rdf_format)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataError(
            f"fichier RDF illisible ({rdf_format}) : {first_line[:300]}", file=str(path)
        ) from None
    return graph


def load_roadmap(path: Path | None = None) -> Graph:
    """The roadmap graph of ``path``: None for the embedded Grand Périgueux, a workbook
    (``.xlsx``, ``.ods``, a folder of CSV files) built with :func:`build_graph`, or an RDF
    file (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``) parsed as is. Raises :class:`DataError`
    (French message) for anything else."""
    if path is None:
        path = GRAND_PERIGUEUX
    path = Path(path)
    if not path.exists():
        raise DataError(
            "fichier ou dossier introuvable ; un classeur (.xlsx, .ods, dossier de .csv) ou un "
            "fichier RDF (.ttl, .jsonld, .nt, .rdf) est attendu",
            file=str(path),
        )
    rdf_format = RDF_FORMATS.get(path.suffix.casefold()) if path.is_file() else None
    if rdf_format is not None:
        return _parse_rdf(path, rdf_format)
    if workbook_format(path) is None:
        raise DataError(
            f"type de fichier non reconnu « {path.suffix or '(sans extension)'} » : un classeur "
            "(.xlsx, .ods, dossier de .csv) ou un fichier RDF (.ttl, .jsonld, .nt, .rdf) est "
            "attendu",
            file=str(path),
        )
    return build_graph(read_workbook(path))
