"""The IFN scores of the territory's communes as W3C Data Cube observations.

For each commune of the Communes sheet that the shipped IFN table scores, one
``qb:Observation`` per indicator, at ``{base}commune/{code}/observation-ifn/{notation}``
in the data set ``{base}observations-ifn`` (within the roadmap's own IRIs, as an
importer requires of a source): dimensions the commune (``sdmx-dimension:refArea``,
its national IRI) and the indicator (``fdr:indicateur``, a concept of
``fdr:IndicateursIFN``), measure ``sdmx-measure:obsValue`` (xsd:decimal); the data
set's ``dcterms:source`` names the IFN. A published score outside 1..10 (the
unpeopled villages of the Meuse are scored 0) is left out, as SHACL requires 1..10.
"""

from decimal import Decimal

from rdflib import Literal, URIRef

from . import _reference as reference
from ._cells import decimal_lexical
from ._context import BuildContext
from ._iris import geo
from ._namespaces import DCTERMS, FDR, PREFIXES, RDF, XSD
from ._sheets import SCORE_MAX, SCORE_MIN
from ._vocabulary import IFN_COLUMNS
from ._workbook import Row

__all__ = ["IFN_SOURCE", "OBS_VALUE", "QB", "REF_AREA", "dataset_iri", "map_observations"]

QB = PREFIXES["qb"]
REF_AREA = PREFIXES["sdmx-dimension"].refArea
OBS_VALUE = PREFIXES["sdmx-measure"].obsValue
DATASET_SEGMENT = "observations-ifn"
IFN_SOURCE = (
    "Indice de fragilité numérique (La MedNum avec l'ANSA), ifn-communes.csv tel que "
    "republié dans les données publiques de l'application inclusion-numerique de l'ANCT "
    "(version non datée)"
)


def dataset_iri(base: str) -> URIRef:
    """``{base}observations-ifn``: the roadmap's data set of IFN observations."""
    return URIRef(base + DATASET_SEGMENT)


def _dataset(ctx: BuildContext) -> URIRef:
    dataset = dataset_iri(ctx.mint.base)
    ctx.add(dataset, RDF.type, QB.DataSet)
    ctx.add(dataset, DCTERMS.title, Literal("Indice de fragilité numérique", lang="fr"))
    ctx.add(dataset, DCTERMS.source, Literal(IFN_SOURCE))
    # Its roadmap, so that a query scoped by the data (no graph names) reaches it.
    ctx.add(dataset, DCTERMS.isPartOf, ctx.roadmap)
    return dataset


def map_observations(ctx: BuildContext, sheet: str, row: Row) -> None:
    """The Data Cube observations of the row's commune (none if the IFN has no row)."""
    code = row["code insee"]
    scores = reference.fragility(code)
    if scores is None or code not in reference.communes():
        return
    dataset = _dataset(ctx)
    commune = geo("commune", code)
    for indicator, notation in IFN_COLUMNS.values():
        value = getattr(scores, notation)
        if value is None or not SCORE_MIN <= value <= SCORE_MAX:
            continue
        observation = ctx.mint.iri("commune", code, "observation-ifn", notation)
        ctx.add(observation, RDF.type, QB.Observation)
        ctx.add(observation, QB.dataSet, dataset)
        ctx.add(observation, REF_AREA, commune)
        ctx.add(observation, FDR.indicateur, indicator)
        lexical = decimal_lexical(Decimal(repr(value)))
        ctx.add(observation, OBS_VALUE, Literal(lexical, datatype=XSD.decimal))
