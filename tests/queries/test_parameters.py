"""Parameter values: type-checked, converted to RDF terms, French errors."""

from __future__ import annotations

import datetime
import decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef, namespace

from feuille_de_route import UserError
from feuille_de_route.queries import Parameter, QueryDef, parse_query_text
from feuille_de_route.queries._parameters import bind_parameters

HEADER = """#+ titre: Essai
#+ parametres:
#+   - nom: lien
#+     type: IRI
#+     description: une IRI
#+   - nom: code
#+     type: ID
#+     obligatoire: true
#+     description: un identifiant
#+   - nom: texte
#+     type: string
#+     description: un texte
#+   - nom: nombre
#+     type: integer
#+     defaut: 2
#+     description: un entier
#+   - nom: score
#+     type: decimal
#+     description: un décimal
#+   - nom: jour
#+     type: date
#+     description: une date
SELECT * WHERE { ?s ?p ?o }
"""


@pytest.fixture
def query() -> QueryDef:
    return parse_query_text(HEADER, "essai")


def test_header_is_read(query: QueryDef) -> None:
    assert query.title == "Essai"
    assert [p.name for p in query.parameters] == [
        "lien",
        "code",
        "texte",
        "nombre",
        "score",
        "jour",
    ]
    code = query.parameter("code")
    assert code == Parameter("code", "ID", "un identifiant", None, True)
    assert code.variable == "_code"


def test_values_become_typed_terms(query: QueryDef) -> None:
    bindings = bind_parameters(
        query,
        {
            "lien": "https://exemple.fr/a",
            "code": "1.b",
            "texte": "du texte",
            "nombre": "12",
            "score": "6,5",
            "jour": "2024-02-29",
        },
    )
    assert bindings == {
        "_lien": URIRef("https://exemple.fr/a"),
        "_code": Literal("1.b"),
        "_texte": Literal("du texte"),
        "_nombre": Literal(12, datatype=namespace.XSD.integer),
        "_score": Literal(decimal.Decimal("6.5"), datatype=namespace.XSD.decimal),
        "_jour": Literal(datetime.date(2024, 2, 29), datatype=namespace.XSD.date),
    }
    code = bindings["_code"]
    assert isinstance(code, Literal) and code.datatype is None  # plain, as identifiers are


def test_python_values_are_accepted(query: QueryDef) -> None:
    bindings = bind_parameters(
        query, {"code": "x", "nombre": 3, "score": 6, "jour": datetime.date(2020, 1, 1)}
    )
    assert bindings["_nombre"] == Literal(3, datatype=namespace.XSD.integer)
    score, jour = bindings["_score"], bindings["_jour"]
    assert isinstance(score, Literal) and score.toPython() == decimal.Decimal(6)
    assert isinstance(jour, Literal) and jour.toPython() == datetime.date(2020, 1, 1)


def test_optional_left_out_is_unbound_and_default_applies(query: QueryDef) -> None:
    bindings = bind_parameters(query, {"code": "1.b"})
    assert set(bindings) == {"_code", "_nombre"}
    assert bindings["_nombre"] == Literal(2, datatype=namespace.XSD.integer)
    assert bind_parameters(query, {"code": "1.b", "lien": None}) == bindings


def test_missing_required_parameter_is_named(query: QueryDef) -> None:
    with pytest.raises(UserError) as error:
        bind_parameters(query, {})
    assert "« code »" in str(error.value) and "obligatoire" in str(error.value)


def test_unknown_parameter_lists_the_accepted_ones(query: QueryDef) -> None:
    with pytest.raises(UserError) as error:
        bind_parameters(query, {"code": "1.b", "chantierr": "1.b"})
    message = str(error.value)
    assert "chantierr" in message and "inconnu" in message
    for name in ("lien", "code", "texte", "nombre", "score", "jour"):
        assert name in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("lien", "pas une iri", "IRI"),
        ("lien", "https://exemple.fr/a>b", "IRI"),
        ("lien", 'https://exemple.fr/"} ; DROP ALL', "IRI"),
        ("lien", "https://exemple.fr/a b", "IRI"),
        ("lien", 12, "IRI"),
        ("code", "", "identifiant"),
        ("code", 12, "identifiant"),
        ("nombre", "douze", "entier"),
        ("nombre", "1.5", "entier"),
        ("nombre", True, "entier"),
        ("score", "beaucoup", "décimal"),
        ("score", float("nan"), "décimal"),
        ("jour", "29/02/2024", "date"),
        ("jour", "2023-02-29", "date"),
        ("jour", datetime.datetime(2024, 1, 1, 12), "date"),
    ],
)
def test_ill_typed_values_say_what_is_expected(
    query: QueryDef, name: str, value: object, expected: str
) -> None:
    params = {"code": "1.b", name: value}
    with pytest.raises(UserError) as error:
        bind_parameters(query, params)
    message = str(error.value)
    assert f"« {name} »" in message and expected in message and "reçu" in message


@given(st.text())
def test_any_text_is_a_plain_literal_of_itself(text: str) -> None:
    query = parse_query_text(HEADER, "essai")
    bindings = bind_parameters(query, {"code": "x", "texte": text})
    assert bindings["_texte"] == Literal(text)
    assert str(bindings["_texte"]) == text


@given(st.integers())
def test_integers_round_trip(number: int) -> None:
    query = parse_query_text(HEADER, "essai")
    for value in (number, str(number)):
        term = bind_parameters(query, {"code": "x", "nombre": value})["_nombre"]
        assert isinstance(term, Literal) and term.toPython() == number


@pytest.mark.parametrize(
    ("header", "fragment"),
    [
        ("#+ parametres:\n#+   - nom: x\n#+     type: chaine\n", "type"),
        ("#+ parametres:\n#+   - nom: 2x\n#+     type: string\n", "nom"),
        ("#+ parametres:\n#+   - nom: x\n#+     type: string\n#+     couleur: bleu\n", "couleur"),
        ("#+ parametres: oui\n", "liste"),
        ("#+ titre: [\n", "illisible"),
        (
            "#+ parametres:\n#+   - nom: x\n#+     type: ID\n#+   - nom: x\n#+     type: ID\n",
            "deux fois",
        ),
    ],
)
def test_bad_headers_are_reported(header: str, fragment: str) -> None:
    with pytest.raises(UserError) as error:
        parse_query_text(header + "SELECT * WHERE { ?s ?p ?o }", "essai")
    assert fragment in str(error.value)


def test_header_stops_at_the_query() -> None:
    text = "# commentaire\n#+ titre: A\n\nSELECT * WHERE { ?s ?p ?o }\n#+ titre: B\n"
    assert parse_query_text(text, "essai").title == "A"
    assert parse_query_text("SELECT * WHERE { ?s ?p ?o }", "essai").parameters == ()


TEMPLATED = parse_query_text(
    "#+ titre: Essai\n#+ parametres:\n#+   - nom: departement\n#+     type: IRI\n"
    "#+     gabarit: https://exemple.fr/geo/departement/{code}\n"
    "SELECT * WHERE { ?s ?p ?_departement }\n",
    "essai",
)


@pytest.mark.parametrize(
    ("value", "iri"),
    [
        ("24", "https://exemple.fr/geo/departement/24"),
        (" 2A ", "https://exemple.fr/geo/departement/2A"),
        ("971", "https://exemple.fr/geo/departement/971"),
        ("https://exemple.fr/autre/9", "https://exemple.fr/autre/9"),
        ("fdr:x", "https://w3id.org/feuille-de-route/ontologie#x"),
    ],
)
def test_a_template_makes_an_iri_of_a_code(value: str, iri: str) -> None:
    assert bind_parameters(TEMPLATED, {"departement": value}) == {"_departement": URIRef(iri)}


@pytest.mark.parametrize("value", ["2/../x", "24 25", "", "a" * 21, "é"])
def test_only_a_plain_code_fills_a_template(value: str) -> None:
    with pytest.raises(UserError, match="ou un code qui la complète"):
        bind_parameters(TEMPLATED, {"departement": value})


@pytest.mark.parametrize(
    "template",
    ["https://exemple.fr/x", "https://exemple.fr/{code}/{code}", "pas une iri {code}", "3"],
)
def test_a_template_needs_one_code_in_an_iri(template: str) -> None:
    header = (
        "#+ titre: Essai\n#+ parametres:\n#+   - nom: d\n#+     type: IRI\n"
        f"#+     gabarit: '{template}'\nSELECT * WHERE {{ ?s ?p ?_d }}\n"
    )
    with pytest.raises(UserError, match="gabarit"):
        parse_query_text(header, "essai")


def test_a_template_is_for_an_iri_parameter_only() -> None:
    header = (
        "#+ titre: Essai\n#+ parametres:\n#+   - nom: d\n#+     type: string\n"
        "#+     gabarit: https://exemple.fr/{code}\nSELECT * WHERE { ?s ?p ?_d }\n"
    )
    with pytest.raises(UserError, match="gabarit"):
        parse_query_text(header, "essai")
