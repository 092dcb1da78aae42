"""The documents' content, independent of their format: what the roadmap, its fiches
chantier and its fiches actions show, as plain frozen dataclasses, and how numbers and
dates are written in them. Built by :mod:`._document_model`, rendered by
:mod:`._document_html` and :mod:`._document_docx`."""

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

__all__ = [
    "MISSING",
    "NOT_XML",
    "ActionSheet",
    "ChantierPart",
    "ChantierSheet",
    "ClassLine",
    "DefiPart",
    "Document",
    "EnjeuPart",
    "Indicator",
    "Line",
    "ResourceGroup",
    "Role",
    "euros",
    "french_date",
    "number",
    "xml_safe",
]

# Characters XML 1.0 cannot hold (SVG, DOCX): dropped from the data's text there.
NOT_XML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]")
_T = TypeVar("_T")

MISSING = "non renseigné"


@dataclass(frozen=True)
class Line:
    """A piece of text and its assumption (``""``: a fact of the source)."""

    text: str
    assumption: str = ""


@dataclass(frozen=True)
class ClassLine:
    """One line of the diagnostic's summary: a typology class and its communes."""

    ident: str
    label: str
    communes: int
    population: int


@dataclass(frozen=True)
class ResourceGroup:
    """A kind of resource (its label from the ontology) and the chantier's links to
    resources of that kind, each ``Line`` reading « name — status »."""

    kind: str
    items: tuple[Line, ...]


@dataclass(frozen=True)
class Role:
    """A governance heading (« Qui pilote ») and who holds that role."""

    heading: str
    actors: tuple[Line, ...]


@dataclass(frozen=True)
class ChantierPart:
    """A chantier in the roadmap's tree: its resources and actions, briefly."""

    ident: str
    label: str
    anchor: str
    assumption: str
    resources: tuple[Line, ...]
    actions: tuple[Line, ...]


@dataclass(frozen=True)
class DefiPart:
    ident: str
    label: str
    assumption: str
    coordination: tuple[Line, ...]
    chantiers: tuple[ChantierPart, ...]


@dataclass(frozen=True)
class EnjeuPart:
    ident: str
    label: str
    assumption: str
    defis: tuple[DefiPart, ...]


@dataclass(frozen=True)
class ChantierSheet:
    """A fiche chantier, shaped like the seed's 1.b."""

    ident: str
    label: str
    anchor: str
    assumption: str
    defi: str
    description: tuple[Line, ...]
    criteria: tuple[Line, ...]
    obstacles: tuple[Line, ...]
    governance: tuple[Role, ...]
    coordination: tuple[Line, ...]
    resources: tuple[ResourceGroup, ...]
    actions: tuple[Line, ...]


@dataclass(frozen=True)
class Indicator:
    label: str
    target: str
    value: str
    assumption: str


@dataclass(frozen=True)
class ActionSheet:
    """A fiche action: the follow-up fields (``MISSING`` when the workbook is silent)."""

    ident: str
    label: str
    anchor: str
    assumption: str
    chantier: str
    objective: str
    status: str
    start: str
    end: str
    steps: tuple[str, ...]
    stakeholders: tuple[Line, ...]
    budget: str
    fundings: tuple[Line, ...]
    indicators: tuple[Indicator, ...]
    communes: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """Everything the three formats show, in order."""

    title: str
    territory: str
    source: str
    licence: str
    classes: tuple[ClassLine, ...]
    enjeux: tuple[EnjeuPart, ...]
    coordination: tuple[tuple[str, Line], ...]
    governance: tuple[tuple[str, Line], ...]
    chantiers: tuple[ChantierSheet, ...]
    actions: tuple[ActionSheet, ...]

    def assumption_count(self) -> int:
        """How many marked assumptions the document shows (zero: no legend needed)."""
        return sum(1 for text in _assumptions(self) if text)


def _assumptions(document: Document) -> Iterable[str]:
    for enjeu in document.enjeux:
        yield enjeu.assumption
        for defi in enjeu.defis:
            yield defi.assumption
            yield from (line.assumption for line in defi.coordination)
            for chantier in defi.chantiers:
                yield chantier.assumption
                yield from (line.assumption for line in (*chantier.resources, *chantier.actions))
    for sheet in document.chantiers:
        yield sheet.assumption
    for action in document.actions:
        yield action.assumption
        yield from (line.assumption for line in (*action.fundings, *action.stakeholders))


def euros(text: str) -> str:
    """A canonical decimal (``1500.5``) as French euros (``1 500,50 €``); ``""`` stays."""
    if not text:
        return ""
    try:
        value = float(text)
    except ValueError:
        return text
    shown = f"{int(value):,}" if value == int(value) else f"{value:,.2f}"
    return shown.replace(",", "\u202f").replace(".", ",") + "\u00a0€"


def number(text: str) -> str:
    """A canonical decimal in French notation (``0.5`` → ``0,5``)."""
    try:
        value = float(text)
    except ValueError:
        return text
    return f"{value:g}".replace(".", ",") if text else ""


def french_date(text: str) -> str:
    """An ISO date as the French write it (``2025-01-15`` → ``15/01/2025``)."""
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return text


def xml_safe(value: _T) -> _T:
    """``value`` (a text, a tuple or one of these dataclasses) with every text cleared of
    the characters XML cannot hold."""
    if isinstance(value, str):
        return cast(_T, NOT_XML.sub("", value))
    if isinstance(value, tuple):
        return cast(_T, tuple(xml_safe(item) for item in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return cast(_T, dataclasses.replace(value, **changes))
    return value
