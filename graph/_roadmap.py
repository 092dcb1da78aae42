"""Loading a roadmap from whatever the user has: a workbook, an RDF file, or nothing
(the embedded Grand Périgueux)."""

from pathlib import Path

from rdflib import Graph

from ._build import build_graph
from ._errors import DataError
from ._limits import DEFAULT_LIMITS, InputLimits
from ._rdf_input import parse_rdf
from ._synthesis import with_synthesis
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
    ".trig": "trig",
    ".nq": "nquads",
}


def load_roadmap(path: Path | None = None, limits: InputLimits = DEFAULT_LIMITS) -> Graph:
    """The roadmap graph of ``path``: None for the embedded Grand Périgueux, a workbook
    (``.xlsx``, ``.ods``, a folder of CSV files) built with :func:`build_graph`, or an RDF
    file (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``, ``.trig``, ``.nq``: a dataset's graphs
    read as one) parsed as is, never fetching anything, its synthesis computed again
    (``with_synthesis``: never taken from the file).
    Inputs beyond ``limits`` are refused before they are read whole. Raises
    :class:`DataError` (French message) for anything else."""
    if path is None:
        path = GRAND_PERIGUEUX
    path = Path(path)
    if not path.exists():
        raise DataError(
            "fichier ou dossier introuvable ; un classeur (.xlsx, .ods, dossier de .csv) ou un "
            "fichier RDF (.ttl, .jsonld, .nt, .rdf, .trig, .nq) est attendu",
            file=str(path),
        )
    rdf_format = RDF_FORMATS.get(path.suffix.casefold()) if path.is_file() else None
    if rdf_format is not None:
        return with_synthesis(parse_rdf(path, rdf_format, limits))
    if workbook_format(path) is None:
        raise DataError(
            f"type de fichier non reconnu « {path.suffix or '(sans extension)'} » : un classeur "
            "(.xlsx, .ods, dossier de .csv) ou un fichier RDF (.ttl, .jsonld, .nt, .rdf, .trig, "
            ".nq) est attendu",
            file=str(path),
        )
    return build_graph(read_workbook(path, limits))
