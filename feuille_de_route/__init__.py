"""Knowledge graph of territorial digital-inclusion roadmaps.

This root module is the base every part may import (errors, atomic writes, IRI checks,
the order of IDs); the command line (:mod:`feuille_de_route.cli`) sits above all parts.
The package's parts follow the data: :mod:`feuille_de_route.ontology` (the OWL model
and SHACL shapes) → :mod:`feuille_de_route.graph` (workbooks to RDF) →
:mod:`feuille_de_route.queries` (the SPARQL catalogue and stores) →
:mod:`feuille_de_route.viz` (the cartography of resources).
"""

from ._atomic import (
    OutputError,
    atomic_write,
    atomic_write_bytes,
    atomic_write_files,
    atomic_write_text,
    atomic_write_tree,
    os_error_text,
)
from ._errors import UserError
from ._iris import is_absolute_iri, is_http_iri
from ._safe_text import neutralise_csv_cell, redact_url, restore_csv_cell, terminal_safe
from ._sorting import natural_key

__version__ = "0.1.0"

__all__ = [
    "OutputError",
    "UserError",
    "__version__",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_files",
    "atomic_write_text",
    "atomic_write_tree",
    "is_absolute_iri",
    "is_http_iri",
    "natural_key",
    "neutralise_csv_cell",
    "os_error_text",
    "redact_url",
    "restore_csv_cell",
    "terminal_safe",
]
