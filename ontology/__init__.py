"""The vocabulary of roadmaps: OWL ontology, SKOS schemes, SHACL shapes, and their checks.

``fdr.ttl`` is the source of truth for classes, properties and concepts;
``shapes.ttl`` holds the structural rules (violations) and the method's rules (warnings).
"""

from ._datatypes import INTEGER_DATATYPES
from ._loading import load_ontology, load_schemes, load_shapes
from ._paths import (
    FDR,
    ONTOLOGY_IRI,
    ONTOLOGY_PATH,
    PROGRAMMES,
    SCHEME_PATHS,
    SHAPES_PATH,
    TERRITORIES,
    THEMES,
    VERSION_IRI,
)
from ._reasoning import JAVA_HINT, ConsistencyResult, check_consistency, java_executable
from ._terms import PREFIXES
from ._validation import ValidationItem, ValidationReport, validate

__all__ = [
    "FDR",
    "INTEGER_DATATYPES",
    "JAVA_HINT",
    "ONTOLOGY_IRI",
    "ONTOLOGY_PATH",
    "PREFIXES",
    "PROGRAMMES",
    "SCHEME_PATHS",
    "SHAPES_PATH",
    "TERRITORIES",
    "THEMES",
    "VERSION_IRI",
    "ConsistencyResult",
    "ValidationItem",
    "ValidationReport",
    "check_consistency",
    "java_executable",
    "load_ontology",
    "load_schemes",
    "load_shapes",
    "validate",
]
