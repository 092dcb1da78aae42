"""The IFN scores of the territory's communes as W3C Data Cube observations.

For each commune of the Communes sheet that the shipped IFN table scores, one
``qb:Observation`` per indicator: dimensions the commune (``sdmx-dimension:refArea``,
its national IRI) and the indicator (``fdr:indicateur``, a concept of
``fdr:IndicateursIFN``), measure ``sdmx-measure:obsValue`` (xsd:decimal), in the data set
``…/geo/ifn`` whose ``dcterms:source`` names the IFN. The IRIs are national
(``…/geo/commune/{code}/ifn/{notation}``): every territory's graph holds the same
triples for a commune, as for the national nodes. A published score outside 1..10 (the
unpeopled villages of the Meuse are scored 0) is left out, as SHACL requires 1..10.
"""

from decimal import Decimal

from rdflib import Literal, URIRef

from . import _reference as reference
from ._cells import decimal_lexical
from ._context import BuildContext
from ._iris import GEO, geo
from ._namespaces import DCTERMS, FDR, PREFIXES, RDF, XSD
from ._sheets import SCORE_MAX, SCORE_MIN
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row

__all__ = ["IFN_DATASET", "IFN_SOURCE", "OBS_VALUE", "QB", "REF_AREA", "map_observations"]

QB = PREFIXES["qb"]
REF_AREA = PREFIXES["sdmx-dimension"].refArea
OBS_VALUE = PREFIXES["sdmx-measure"].obsValue
IFN_DATASET = URIRef(GEO + "ifn")
IFN_SOURCE = (
    "Indice de fragilité numérique (La MedNum avec l'ANSA), ifn-communes.csv tel que "
    "republié dans les données publiques de l'application inclusion-numerique de l'ANCT "
    "(version non datée)"
)


def _dataset(ctx: BuildContext) -> None:
    ctx.add(IFN_DATASET, RDF.type, QB.DataSet)
    ctx.add(IFN_DATASET, DCTERMS.title, Literal("Indice de fragilité numérique", lang="fr"))
    ctx.add(IFN_DATASET, DCTERMS.source, Literal(IFN_SOURCE))


def map_observations(ctx: BuildContext, sheet: str, row: Row) -> None:
    """The Data Cube observations of the row's commune (none if the IFN has no row)."""
    code = row["code insee"]
    scores = reference.fragility(code)
    if scores is None or code not in reference.communes():
        return
    _dataset(ctx)
    commune = geo("commune", code)
    for indicator, notation in IFN_COLUMNS.values():
        value = getattr(scores, notation)
        if value is None or not SCORE_MIN <= value <= SCORE_MAX:
            continue
        observation = URIRef(f"{commune}/ifn/{notation}")
        ctx.add(observation, RDF.type, QB.Observation)
        ctx.add(observation, QB.dataSet, IFN_DATASET)
        ctx.add(observation, REF_AREA, commune)
        ctx.add(observation, FDR.indicateur, indicator)
        lexical = decimal_lexical(Decimal(repr(value)))
        ctx.add(observation, OBS_VALUE, Literal(lexical, datatype=XSD.decimal))
