"""Themes of chantiers: the « thèmes » cell of a Chantiers row names concepts of the
shipped themes scheme (``ontology/themes.ttl``); an empty cell gets themes PROPOSED from
the chantier's words (its title, description and actions), each proposal marked as an
assumption on its own node.

Each proposed theme is one ``fdr:PropositionDeTheme`` node
(``{base}theme/{chantier}/{notation}``: ``fdr:chantier``, ``fdr:themePropose``,
``fdr:hypothese`` naming the words it rests on), beside the plain ``chantier fdr:theme
concept`` triple that queries read; so each theme is individually « hypothèse » wherever
the annotations are shown, and a written theme never is. The keywords are data
(``fdr:motCle`` on each concept), matched on folded words (no case, no accents); a
keyword ending in ``*`` matches any ending, and a keyword of several words matches them
in a row.
"""

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from rdflib import Literal, URIRef

from feuille_de_route.ontology import THEMES, load_schemes

from ._context import BuildContext
from ._namespaces import FDR, RDF, SKOS
from ._sheets import Kind, fold
from ._workbook import Row

__all__ = [
    "MAX_PROPOSED",
    "Keyword",
    "chantier_themes",
    "keywords",
    "proposal_text",
    "propose_themes",
    "word_lines",
    "words",
]

# At most this many themes are proposed for one chantier (the best matched).
MAX_PROPOSED = 3
_COLUMN = "thèmes"


@dataclass(frozen=True)
class Keyword:
    """One ``fdr:motCle`` of a theme: its words, each exact or (ending in ``*``) a prefix."""

    text: str
    parts: tuple[str, ...]

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        # Over word_lines' text: a word is a run of anything but a space or a newline.
        each = (
            re.escape(p[:-1]) + "[^ \n]*" if p.endswith("*") else re.escape(p) for p in self.parts
        )
        return re.compile(f"(?<![^ \n]){' '.join(each)}(?![^ \n])")

    def occurs_in(self, lines: str) -> bool:
        """Whether the keyword's words occur in a row on one line of ``lines`` (the text
        :func:`word_lines` gives)."""
        return self._pattern.search(lines) is not None


def words(text: str) -> list[str]:
    """The folded words of ``text`` (no case, no accents; punctuation splits words)."""
    return re.sub(r"[\W_]+", " ", fold(text)).split()


def word_lines(texts: Iterable[str]) -> str:
    """Each text's folded words on a line, one space between words: a keyword of several
    words matches within one text only. Searched by one compiled pattern per keyword (a
    word-by-word walk took half the time of building the Grand Périgueux)."""
    return "\n".join(" ".join(words(text)) for text in texts)


@functools.cache
def keywords() -> Mapping[URIRef, tuple[Keyword, ...]]:
    """Each theme concept's keywords, themes in their scheme's order (``fdr:rang``)."""
    graph = load_schemes()
    ranked: list[tuple[int, URIRef]] = []
    for concept in graph.subjects(SKOS.inScheme, THEMES):
        if isinstance(concept, URIRef):
            rank = graph.value(concept, FDR.rang)
            ranked.append((int(rank) if isinstance(rank, Literal) else 1_000_000, concept))
    found: dict[URIRef, tuple[Keyword, ...]] = {}
    for _rank, concept in sorted(ranked):
        texts = sorted(str(k) for k in graph.objects(concept, FDR.motCle))
        found[concept] = tuple(
            Keyword(t, tuple(t.split())) for t in texts if not t.startswith("*") and t.split()
        )
    return MappingProxyType(found)


def propose_themes(texts: Iterable[str]) -> list[tuple[URIRef, tuple[str, ...]]]:
    """The themes ``texts`` suggest, best first: each with the keywords found (sorted).

    A theme is proposed when one of its keywords occurs; themes are ranked by how many
    distinct keywords occur (then by the scheme's order), and at most
    :data:`MAX_PROPOSED` are kept. Deterministic: the same words give the same themes.
    """
    lines = word_lines(texts)
    scored: list[tuple[int, int, URIRef, tuple[str, ...]]] = []
    for order, (concept, concept_keywords) in enumerate(keywords().items()):
        found = sorted({k.text for k in concept_keywords if k.occurs_in(lines)})
        if found:
            scored.append((-len(found), order, concept, tuple(found)))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [(concept, found) for _n, _o, concept, found in scored[:MAX_PROPOSED]]


def proposal_text(found: Sequence[str]) -> str:
    """The French assumption a proposed theme carries."""
    listed = ", ".join(f"« {word.replace('*', '')} »" for word in found)
    return (
        "Thème proposé d'après les mots du chantier (intitulé, description, actions) : "
        f"{listed} ; la colonne « thèmes » est vide."
    )


def chantier_themes(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    """The themes the cell names, or those the chantier's words suggest, as assumptions."""
    if row[_COLUMN].strip():
        _written_themes(ctx, sheet, row, node)
        return
    local = row["identifiant"]
    texts = [row["intitulé"], row["description"]]
    texts += [a["intitulé"] for a in ctx.workbook.rows("Actions") if a["chantier"] == local]
    for concept, found in propose_themes(texts):
        ctx.add(node, FDR.theme, concept)
        proposal = ctx.mint.iri("theme", local, _notation(concept))
        ctx.add(proposal, RDF.type, FDR.PropositionDeTheme)
        ctx.add(proposal, FDR.chantier, node)
        ctx.add(proposal, FDR.themePropose, concept)
        ctx.add(proposal, FDR.hypothese, Literal(proposal_text(found)))


def _written_themes(ctx: BuildContext, sheet: str, row: Row, node: URIRef) -> None:
    options = ctx.vocab[Kind.THEMES]
    for raw in [item.strip() for item in row[_COLUMN].split("|") if item.strip()]:
        concept = options.lookup(raw)
        if concept is None:
            ctx.error(
                sheet,
                row,
                _COLUMN,
                f"thème inconnu « {raw} » ; valeurs permises : {options.allowed()}",
            )
            continue
        label = options.label(concept)
        if label is not None and label != raw:
            key = (row.file, sheet, _COLUMN, raw, label)
            ctx.normalised.setdefault(key, []).append(row.number)
        ctx.add(node, FDR.theme, concept)


def _notation(concept: URIRef) -> str:
    return str(concept).rsplit("/", 1)[-1]
