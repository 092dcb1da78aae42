"""Issue 11: a chantier's themes — written in the « thèmes » column, or proposed from its
words, each proposed theme marked as an assumption on its own node; both ways."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from feuille_de_route.graph import (
    DataError,
    build_graph,
    graph_to_workbook,
    load_roadmap,
    read_workbook,
    write_workbook,
)
from feuille_de_route.graph._themes import Keyword, keywords, propose_themes, word_lines, words
from feuille_de_route.graph._workbook import Workbook
from feuille_de_route.ontology import FDR, THEMES, load_schemes, validate

from .conftest import BASE, Rows, mini_rows

TH = "https://w3id.org/feuille-de-route/themes/"
GP = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"


def _theme(notation: str) -> URIRef:
    return URIRef(TH + notation)


def _build(rows: Rows) -> Graph:
    return build_graph(Workbook.from_rows("essai", rows))


def _themes(graph: Graph, chantier: URIRef) -> set[URIRef]:
    return {t for t in graph.objects(chantier, FDR.theme) if isinstance(t, URIRef)}


def _proposed(graph: Graph, chantier: URIRef) -> dict[URIRef, str]:
    found = {}
    for node in graph.subjects(FDR.chantier, chantier):
        theme = graph.value(node, FDR.themePropose)
        if isinstance(theme, URIRef):
            found[theme] = str(graph.value(node, FDR.hypothese))
    return found


@pytest.fixture(scope="module")
def grand_perigueux() -> Graph:
    return load_roadmap(None)


def test_every_theme_has_labels_a_rank_keywords_and_says_where_it_comes_from() -> None:
    schemes = load_schemes()
    themes = list(keywords())
    assert len(themes) >= 8
    for rank, theme in enumerate(themes, start=1):
        labels = {
            getattr(lit, "language", None) for lit in schemes.objects(theme, _skos("prefLabel"))
        }
        assert labels == {"fr", "en"}, theme
        assert schemes.value(theme, FDR.rang) == Literal(rank)
        assert keywords()[theme], theme
        said = schemes.value(theme, URIRef("http://purl.org/dc/terms/source"))
        assumed = schemes.value(theme, FDR.hypothese)
        assert (said is None) != (assumed is None), theme
        assert (theme, _skos("inScheme"), THEMES) in schemes


def _skos(name: str) -> URIRef:
    return URIRef("http://www.w3.org/2004/02/skos/core#" + name)


def test_words_fold_case_accents_and_punctuation() -> None:
    assert words("Écogestes : l'Éco-conception") == ["ecogestes", "l", "eco", "conception"]


def test_a_keyword_with_a_star_matches_any_ending_and_several_words_in_a_row() -> None:
    proposed = dict(propose_themes(["Former les agents aux écogestes du numérique responsable"]))
    assert set(proposed) == {_theme("competences"), _theme("numerique-responsable")}
    assert proposed[_theme("numerique-responsable")] == ("ecogeste*", "numerique* responsable*")
    # Words apart do not make a run of several words.
    assert _theme("numerique-responsable") not in dict(propose_themes(["numérique", "responsable"]))
    assert propose_themes(["Rien à voir"]) == []


def test_an_empty_cell_proposes_themes_each_marked_as_an_assumption() -> None:
    rows = mini_rows()
    rows["Actions"].append({"chantier": "1.b", "intitulé": "Ateliers robotique"})
    graph = _build(rows)
    chantier = URIRef(BASE + "chantier/1.b")
    proposed = _proposed(graph, chantier)
    assert set(proposed) == _themes(graph, chantier)
    assert _theme("publics") in proposed  # « jeunes » in its title
    assert "« jeune »" in proposed[_theme("publics")]
    assert "colonne « thèmes » est vide" in proposed[_theme("publics")]
    node = URIRef(BASE + "theme/1.b/publics")
    assert graph.value(node, FDR.chantier) == chantier
    assert validate(graph).conforms, validate(graph).text()


def test_a_written_theme_is_a_fact_and_replaces_the_proposals() -> None:
    rows = mini_rows()
    rows["Chantiers"][1]["thèmes"] = "Médiation numérique | accès : connexion"
    graph = _build(rows)
    chantier = URIRef(BASE + "chantier/1.b")
    assert _themes(graph, chantier) == {_theme("mediation"), _theme("acces-connexion")}
    assert _proposed(graph, chantier) == {}
    assert (URIRef(BASE + "theme/1.b/mediation"), None, None) not in graph


def test_an_unknown_theme_is_a_french_error_naming_sheet_row_and_column() -> None:
    rows = mini_rows()
    rows["Chantiers"][0]["thèmes"] = "médiation | astrologie"
    with pytest.raises(DataError) as caught:
        _build(rows)
    message = str(caught.value)
    assert "Chantiers" in message and "thèmes" in message and "ligne 2" in message
    assert "thème inconnu « astrologie »" in message


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_round_trip_keeps_written_themes_and_proposes_the_others_again(
    tmp_path: Path, target: str
) -> None:
    rows = mini_rows()
    rows["Chantiers"][0]["thèmes"] = "gouvernance et coopération|publics"
    original = _build(rows)
    workbook = graph_to_workbook(original)
    cells = {row["identifiant"]: row["thèmes"] for row in workbook.rows("Chantiers")}
    assert cells == {"1.a": "publics | gouvernance et coopération", "1.b": ""}
    write_workbook(workbook, tmp_path / target)
    again = build_graph(read_workbook(tmp_path / target))
    assert isomorphic(original, again)


def test_grand_perigueux_chantiers_are_all_tagged_with_sensible_themes(
    grand_perigueux: Graph,
) -> None:
    def themes(local: str) -> set[str]:
        chantier = URIRef(GP + "chantier/" + local)
        return {str(t).removeprefix(TH) for t in _themes(grand_perigueux, chantier)}

    for local in ["1.a", "1.b", "2.a", "2.b", "3.a", "3.b", "4.a", "4.b", "5", "6"]:
        assert themes(local), local
    assert "competences" in themes("1.a")
    assert {"publics", "prevention"} <= themes("1.b")
    assert "communication" in themes("2.a")
    assert "mediation" in themes("2.b") and "mediation" in themes("3.a")
    assert {"mediation", "publics"} <= themes("3.b")
    assert "economie" in themes("5")
    # Written in the CSV where the seed's title states the theme: facts, not proposals.
    assert themes("4.a") == themes("4.b") == {"numerique-responsable"}
    assert themes("6") == {"gouvernance"}
    assert _proposed(grand_perigueux, URIRef(GP + "chantier/6")) == {}
    assert _proposed(grand_perigueux, URIRef(GP + "chantier/1.b"))


def _walked(keyword: Keyword, texts: list[str]) -> bool:
    """The keyword found by walking each text's words: the plain reading of the rule."""
    for text in texts:
        tokens = words(text)
        for start in range(len(tokens) - len(keyword.parts) + 1):
            pairs = zip(keyword.parts, tokens[start:], strict=False)
            if all(t.startswith(p[:-1]) if p.endswith("*") else t == p for p, t in pairs):
                return True
    return False


_KEYWORD_WORDS = sorted({p.rstrip("*") for ks in keywords().values() for k in ks for p in k.parts})
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_KEYWORD_WORDS),
        st.sampled_from(_KEYWORD_WORDS).map(lambda w: w + "s"),
        st.sampled_from(["l'", "É", "-", "_", ".", "numérique", "Jeunes", "x"]),
        st.text(max_size=4),
    ),
    max_size=12,
).map(" ".join)


@given(st.lists(_TEXT, max_size=3))
@settings(max_examples=300, deadline=None)
def test_keywords_found_by_the_compiled_search_are_those_a_word_walk_finds(
    texts: list[str],
) -> None:
    lines = word_lines(texts)
    for keyword in (k for ks in keywords().values() for k in ks):
        assert keyword.occurs_in(lines) == _walked(keyword, texts), (keyword.text, texts)
