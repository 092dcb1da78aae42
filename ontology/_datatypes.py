"""XSD datatypes grouped by the value space they share."""

from rdflib.namespace import XSD
from rdflib.term import URIRef

__all__ = ["INTEGER_DATATYPES"]

# xsd:integer and every datatype derived from it (XML Schema 1.1, part 2).
INTEGER_DATATYPES: frozenset[URIRef] = frozenset(
    {
        XSD.integer,
        XSD.int,
        XSD.long,
        XSD.short,
        XSD.byte,
        XSD.nonNegativeInteger,
        XSD.positiveInteger,
        XSD.nonPositiveInteger,
        XSD.negativeInteger,
        XSD.unsignedLong,
        XSD.unsignedInt,
        XSD.unsignedShort,
        XSD.unsignedByte,
    }
)
