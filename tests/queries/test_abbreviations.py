"""IRIs written short: a parameter typed IRI takes back what a table shows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from feuille_de_route.graph import load_roadmap
from feuille_de_route.ontology import PREFIXES, TERRITORIES
from feuille_de_route.queries import parse_query_text
from feuille_de_route.queries._abbreviations import abbreviate, expand_iri
from feuille_de_route.queries._parameters import bind_parameters

QUERY = parse_query_text(
    "#+ titre: Essai\n#+ parametres:\n#+   - nom: lien\n#+     type: IRI\n"
    "SELECT * WHERE { ?s ?p ?_lien }\n",
    "essai",
)


def _bound(value: str) -> URIRef:
    term = bind_parameters(QUERY, {"lien": value})["_lien"]
    assert isinstance(term, URIRef)
    return term


def test_every_iri_of_the_grand_perigueux_comes_back_from_its_table_form() -> None:
    graph = load_roadmap(None)
    iris = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    shortened = {iri: abbreviate(str(iri)) for iri in iris}
    assert sum(1 for short in shortened.values() if short is not None) > 100
    for iri, short in shortened.items():
        assert _bound(short or str(iri)) == iri


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("fdr:operante", "https://w3id.org/feuille-de-route/ontologie#operante"),
        ("th:competences", "https://w3id.org/feuille-de-route/themes/competences"),
        ("…/grand-perigueux/", TERRITORIES + "grand-perigueux/"),
        (".../grand-perigueux/", TERRITORIES + "grand-perigueux/"),
        ("  …/grand-perigueux/ ", TERRITORIES + "grand-perigueux/"),
        ("https://exemple.fr/x", "https://exemple.fr/x"),
        # Not a prefix of the table: the absolute IRI it already is.
        ("urn:isbn:2070368227", "urn:isbn:2070368227"),
        ("zz:x", "zz:x"),
    ],
)
def test_short_forms_a_user_types(written: str, meant: str) -> None:
    assert _bound(written) == URIRef(meant)


@pytest.mark.parametrize("written", ["fdr:a>b", "…/a b", "th:", "…/", 'fdr:x"} ; DROP ALL'])
def test_an_expanded_form_is_checked_as_any_iri(written: str) -> None:
    from feuille_de_route import UserError

    with pytest.raises(UserError, match="abrégée comme l'écrit un tableau"):
        bind_parameters(QUERY, {"lien": written})


_LOCAL = st.text(alphabet=st.sampled_from("abcXYZ019-_.~/:#é"), min_size=1, max_size=20)


@given(st.sampled_from(sorted(PREFIXES)), _LOCAL)
def test_expand_undoes_abbreviate(prefix: str, local: str) -> None:
    iri = str(PREFIXES[prefix]) + local
    short = abbreviate(iri)
    assert short is not None
    assert expand_iri(short) == iri
    territory = TERRITORIES + local
    assert expand_iri(abbreviate(territory) or territory) == territory
