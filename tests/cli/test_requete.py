"""``feuille-de-route requetes`` and ``requete``: listing, running, formats, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import cast

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from feuille_de_route.cli import main
from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import catalogue, federated_catalogue, get_query, run_query, select


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return MemoryStore(load_roadmap(None))


def test_requetes_lists_every_query_with_its_parameters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "requetes")
    assert code == 0
    flat = " ".join(out.split())
    for query in [*catalogue(), *federated_catalogue()]:
        assert query.name in out.replace("│", " ").replace("\n", " ") or query.name in flat
        for parameter in query.parameters:
            assert parameter.name in out
    code, out, _ = _run(capsys, "requetes", "--format", "markdown")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == len(catalogue()) + len(federated_catalogue()) + 2
    federated = [line for line in lines if "plusieurs serveurs" in line]
    assert federated and all("`operant-ailleurs" in line for line in federated)
    assert all(line.startswith("|") and line.endswith("|") for line in lines)


def test_json_is_sparql_results_and_round_trips_through_rdflib(
    capsys: pytest.CaptureFixture[str], store: MemoryStore
) -> None:
    code, out, _ = _run(
        capsys, "requete", "mobilisations", "-p", "chantier=1.b", "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    expected = select(get_query("mobilisations"), store, chantier="1.b")
    assert document["head"]["vars"] == list(expected.variables)
    for binding in document["results"]["bindings"]:
        for value in binding.values():
            assert value["type"] in {"uri", "literal", "bnode"}
    parsed = Result.parse(io.StringIO(out), format="json")
    assert [str(v) for v in parsed.vars or []] == list(expected.variables)
    got = [
        {str(k): v for k, v in row.asdict().items()}  # type: ignore[union-attr]
        for row in parsed
    ]
    want = [{k: v for k, v in row.items() if v is not None} for row in expected.rows]
    assert got == want
    typed = [r for r in got if "depuis" in r]
    assert typed and all(cast(Literal, r["depuis"]).datatype is not None for r in typed)


def test_csv_is_sparql_results_csv(capsys: pytest.CaptureFixture[str], store: MemoryStore) -> None:
    code, out, _ = _run(capsys, "requete", "arbre", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    expected = run_query("arbre", store)
    assert rows[0] == list(expected[0])
    assert len(rows) == len(expected) + 1
    by_column = dict(zip(rows[0], zip(*rows[1:], strict=True), strict=True))
    assert list(by_column["nbActions"]) == [str(r["nbActions"]) for r in expected]
    assert "\r\n" in out


def test_markdown_escapes_pipes(capsys: pytest.CaptureFixture[str], store: MemoryStore) -> None:
    code, out, _ = _run(capsys, "requete", "chantiers-sans-pilote-unique", "--format", "markdown")
    assert code == 0
    expected = run_query("chantiers-sans-pilote-unique", store)
    lines = out.strip().splitlines()
    assert len(lines) == len(expected) + 2
    joined = [r for r in expected if "|" in str(r["pilotes"])]
    assert joined and "\\|" in out
    header = lines[0].strip("|").split(" | ")
    assert [h.strip() for h in header] == list(expected[0])


def test_table_fits_and_counts(capsys: pytest.CaptureFixture[str], store: MemoryStore) -> None:
    code, out, _ = _run(capsys, "requete", "coordination")
    assert code == 0
    count = len(run_query("coordination", store))
    assert f"{count} lignes" in out
    assert "service" in out and "objetId" in out
    width = max(len(line) for line in out.splitlines())
    assert width <= 100


def test_sortie_writes_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: MemoryStore
) -> None:
    target = tmp_path / "resultats" / "arbre.json"
    code, out, err = _run(capsys, "requete", "arbre", "--format", "json", "--sortie", str(target))
    assert code == 0 and out == ""
    assert str(target) in err
    assert len(json.loads(target.read_text("utf-8"))["results"]["bindings"]) == len(
        run_query("arbre", store)
    )
    assert [p.name for p in target.parent.iterdir()] == ["arbre.json"]


def test_own_query_file_with_a_parameter_and_a_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from feuille_de_route.graph import GRAND_PERIGUEUX

    query = tmp_path / "intitule.rq"
    query.write_text(
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?label WHERE { ?c dcterms:identifier ?_id ; rdfs:label ?label }\n",
        "utf-8",
    )
    with open(GRAND_PERIGUEUX / "chantiers.csv", encoding="utf-8", newline="") as handle:
        chantier = next(csv.DictReader(handle))
    for argv in (
        ("requete", "--fichier", str(query), "-p", f"id={chantier['identifiant']}"),
        ("requete", "--fichier", str(query), str(GRAND_PERIGUEUX), "-p", "id=1.a"),
        ("requete", str(GRAND_PERIGUEUX), "--fichier", str(query), "-p", "id=1.a"),
    ):
        code, out, err = _run(capsys, *argv, "--format", "csv")
        assert code == 0, err
        assert chantier["intitulé"] in out


def test_stockage_gives_the_same_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: MemoryStore
) -> None:
    folder = tmp_path / "stockage"
    code, out, err = _run(
        capsys, "requete", "ressources-a-activer", "--stockage", str(folder), "--format", "json"
    )
    assert code == 0, err
    parsed = Result.parse(io.StringIO(out), format="json")
    rows = sorted(str(row.asdict()["ressource"]) for row in parsed)  # type: ignore[union-attr]
    assert rows == sorted(str(r["ressource"]) for r in run_query("ressources-a-activer", store))


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (("requete", "arbres"), ("« arbres »", "fiche-chantier")),
        (("requete", "fiche-chantier"), ("« chantier »", "obligatoire")),
        (("requete", "arbre", "-p", "chantier"), ("nom=valeur",)),
        (("requete", "arbre", "-p", "inconnu=1"), ("inconnu", "feuilleDeRoute")),
        (("requete", "ressources-partagees", "-p", "minimum=deux"), ("« minimum »", "entier")),
        (("requete", "liens-operants-depuis", "-p", "date=hier"), ("« date »", "AAAA-MM-JJ")),
        (("requete",), ("requetes", "--fichier")),
    ],
)
def test_errors_are_french_without_traceback(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], fragments: tuple[str, ...]
) -> None:
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("Erreur : ") and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


def test_syntax_error_in_a_file_names_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    query = tmp_path / "faute.rq"
    query.write_text("SELECT ?s\nWHERE {\n  ?s ?p \n}\n", "utf-8")
    code, _, err = _run(capsys, "requete", "--fichier", str(query))
    assert code == 2 and "ligne" in err and str(query) in err


def test_terms_of_every_kind_survive_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Language tags, datatypes and blank nodes keep their kind in the JSON output."""
    from feuille_de_route.graph.store import SelectResult
    from feuille_de_route.queries import format_result

    result = SelectResult(
        ["a", "b", "c", "d"],
        [
            {
                "a": URIRef("https://exemple.fr/x"),
                "b": Literal("texte", lang="fr"),
                "c": Literal(3),
                "d": BNode("n1"),
            },
            {"a": None, "b": Literal('guillemet " et | barre'), "c": None, "d": None},
        ],
    )
    parsed = list(Result.parse(io.StringIO(format_result(result, "json")), format="json"))
    assert parsed[0].asdict() == result.rows[0] | {"d": parsed[0].asdict()["d"]}  # type: ignore[union-attr]
    assert isinstance(parsed[0].asdict()["d"], BNode)  # type: ignore[union-attr]
    assert parsed[1].asdict() == {"b": Literal('guillemet " et | barre')}  # type: ignore[union-attr]


def test_a_long_answer_shows_its_first_rows_on_screen_and_every_row_in_a_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: MemoryStore,
    tmp_path: Path,
) -> None:
    """Drawing a table costs about 1 ms a row: 9,626 national rows took 9 s on screen."""
    from feuille_de_route.cli import _cmd_requete

    monkeypatch.setattr(_cmd_requete, "TABLE_ROWS", 2)
    count = len(run_query("coordination", store))
    assert count > 2
    code, out, err = _run(capsys, "requete", "coordination")
    assert code == 0
    assert f"{count} lignes ; seules les 2 premières sont affichées" in out
    assert f"Pour voir les {count} lignes : --format csv" in err
    code, out, err = _run(capsys, "requete", "coordination", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == count + 1 and not err
    table = tmp_path / "coordination.txt"
    code, _, err = _run(capsys, "requete", "coordination", "--sortie", str(table))
    assert code == 0 and "Pour voir" not in err
    text = table.read_text("utf-8")
    assert text.rstrip().endswith(f"{count} lignes")


def test_a_roadmap_given_as_its_table_cell_gives_the_rows_of_its_full_iri(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The table writes a territory's IRIs from the territory on (…/grand-perigueux/…): the
    # cell copied into --param names the same roadmap as the IRI written in full.
    code, table, err = _run(capsys, "requete", "feuilles-de-route", "--format", "table")
    assert code == 0, err
    assert "…/grand-perigueux/" in table
    answers = {
        written: _run(
            capsys, "requete", "arbre", "-p", f"feuilleDeRoute={written}", "--format", "csv"
        )
        for written in (
            "https://w3id.org/feuille-de-route/territoires/grand-perigueux/",
            "…/grand-perigueux/",
            ".../grand-perigueux/",
        )
    }
    outputs = {(code, out) for code, out, _ in answers.values()}
    assert len(outputs) == 1
    code, out = outputs.pop()
    assert code == 0 and out.count("\n") > 10
