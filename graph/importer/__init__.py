"""Taking other territories' publications in: ``feuille-de-route importer``.

A source is a workbook, an RDF file in any export format, a ``publier-site`` folder or
its DCAT description, on a local path or at an ``http(s)`` address (fetched, bounded in
size and time), or a roadmap on a SPARQL endpoint; or a CSV of lieux de médiation
numérique (national standard), taken as the lieux of the territory whose base IRI is
given (``Reading.base_iri``), in that territory's named graph ``{base}lieux``. Each
roadmap is checked (one ``fdr:FeuilleDeRoute``, statements only under its own base IRI,
SHACL shapes) before it replaces its named graph in the store; a bad source leaves the
others in (contract: docs/architecture.md, « Importer »).
"""

from ._errors import SourceError
from ._fetch import FetchLimits, fetch
from ._import import ImportOutcome, import_sources, stored_roadmaps
from ._kinds import SOURCE_KINDS, SourceKind
from ._scope import check_scope
from ._shacl_oxigraph import validate_on_oxigraph
from ._sources import EndpointSource, Reading, Source, read_source

__all__ = [
    "SOURCE_KINDS",
    "EndpointSource",
    "FetchLimits",
    "ImportOutcome",
    "Reading",
    "Source",
    "SourceError",
    "SourceKind",
    "check_scope",
    "fetch",
    "import_sources",
    "read_source",
    "stored_roadmaps",
    "validate_on_oxigraph",
]
