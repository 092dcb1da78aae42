"""Lieux de médiation numérique in and out (issue 11, item 1): a CSV in the national
standard becomes territory resources linked to the shared schemes, communes and
organisations, and goes back to the standard unchanged but for its documented
normalisation."""

import csv
import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from feuille_de_route.graph import (
    LIEUX_SCHEMA,
    DataError,
    InputLimits,
    build_graph,
    lieux_rows,
    read_lieux,
    read_workbook,
    write_lieux,
)
from feuille_de_route.graph._lieux_schema import fields
from feuille_de_route.ontology import FDR, load_schemes, validate

from .conftest import Rows, mini_rows, write_csv_rows

BASE = "https://example.org/territoires/lieux/"
GEO = "https://w3id.org/feuille-de-route/geo/"
MEDNUM = "https://w3id.org/feuille-de-route/mednum/"
ORGANISATION = "https://w3id.org/feuille-de-route/organisation/"
NAMES = [spec.name for spec in fields()]
# A lieu in the standard, made up here so that the tests run without ../shared.
LIEU = {
    "id": "mediatheque-1",
    "pivot": "73282932000074",
    "nom": "Médiathèque « Les Mots »",
    "commune": "Périgueux",
    "code_postal": "24000",
    "code_insee": "24322",
    "adresse": "2 rue de l'Église",
    "latitude": "45.1841",
    "longitude": "-0.7218",
    "typologie": "MUNI|BIB",
    "telephone": "+33553000000",
    "courriels": "contact@example.org",
    "date_maj": "2024-04-02",
    "services": "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
    "publics_specifiquement_adresses": "Seniors",
    "frais_a_charge": "Gratuit",
    "dispositif_programmes_nationaux": "Conseillers numériques|Point d'accès numérique CAF",
    "modalites_accompagnement": "Accompagnement individuel|Dans un atelier collectif",
    "presentation_resume": "- Accueil libre le mardi",
}


def lieux_csv(folder: Path, *lieux: dict[str, str], name: str = "lieux.csv") -> Path:
    path = folder / name
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(NAMES)
    for lieu in lieux:
        writer.writerow([lieu.get(column, "") for column in NAMES])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def changed(**cells: str) -> dict[str, str]:
    return {**LIEU, **cells}


def normalised(row: list[str]) -> list[str]:
    """A row as the export writes it: enumerations in the standard's order, other lists
    sorted, numbers in plain decimal notation (the documented normalisation)."""
    out = []
    for spec, cell in zip(fields(), row, strict=True):
        items = [item for item in cell.split("|") if item] if cell else []
        if spec.words:
            cell = "|".join(w for w in spec.words if w in items)
        elif spec.name in ("typologie", "courriels", "site_web"):
            cell = "|".join(sorted(set(items)))
        out.append(cell)
    return out


def error_of(path: Path, **limits: int) -> DataError:
    with pytest.raises(DataError) as caught:
        read_lieux(path, base_iri=BASE, limits=InputLimits(**limits))
    return caught.value


def test_shipped_schema_is_the_standard(shared_data: Path) -> None:
    assert LIEUX_SCHEMA.read_bytes() == (shared_data / "mednum" / "schema.json").read_bytes()


def test_example_of_the_standard_round_trips(shared_data: Path, tmp_path: Path) -> None:
    example = shared_data / "mednum" / "exemple-valide.csv"
    with example.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == NAMES
    graph = read_lieux(example, base_iri=BASE)
    assert lieux_rows(graph) == [normalised(row) for row in rows]
    out = tmp_path / "lieux.csv"
    assert write_lieux(graph, out) == len(rows)
    again = read_lieux(out, base_iri=BASE)
    assert lieux_rows(again) == lieux_rows(graph)
    with out.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [NAMES, *[normalised(row) for row in rows]]


def test_a_lieu_is_a_resource_linked_to_shared_nodes(tmp_path: Path) -> None:
    graph = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=BASE)
    lieu = URIRef(BASE + "lieu/mediatheque-1")
    assert {o for o in graph.objects(lieu, RDF.type)} == {FDR.Ressource, FDR.PartenaireDeProjet}
    assert (lieu, FDR.feuilleDeRoute, URIRef(BASE)) in graph
    assert (lieu, DCTERMS.identifier, Literal("mediatheque-1")) in graph
    assert (lieu, RDFS.label, Literal("Médiathèque « Les Mots »", lang="fr")) in graph
    assert (lieu, FDR.latitude, Literal("45.1841", datatype=XSD.decimal)) in graph
    assert (lieu, FDR.communeOfficielle, URIRef(GEO + "commune/24322")) in graph
    assert (URIRef(GEO + "commune/24322"), FDR.departement, URIRef(GEO + "departement/24")) in graph
    siret = URIRef(ORGANISATION + "siret/73282932000074")
    assert (lieu, FDR.organisationOfficielle, siret) in graph
    seniors = URIRef(MEDNUM + "publics_specifiquement_adresses/seniors")
    assert (lieu, FDR.offreDeMediation, seniors) in graph
    programmes = set(graph.objects(lieu, FDR.programme))
    assert programmes == {
        URIRef("https://w3id.org/feuille-de-route/programmes/conseillers-numeriques")
    }
    schemes = load_schemes()
    for item in graph.objects(lieu, FDR.offreDeMediation):
        assert (item, SKOS.inScheme, None) in schemes, item
    assert validate(graph).violations == []


def test_lieux_join_a_roadmap_on_the_organisation(tmp_path: Path) -> None:
    rows: Rows = mini_rows()
    rows["Ressources"][0]["siret"] = "73282932000074"
    roadmap = build_graph(read_workbook(write_csv_rows(tmp_path / "classeur", rows)))
    lieux = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=BASE)
    union = Graph()
    for triple in (*roadmap, *lieux):
        union.add(triple)
    found = union.query(
        """PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
        SELECT ?ressource ?lieu WHERE {
          ?ressource fdr:organisationOfficielle ?o . ?lieu fdr:organisationOfficielle ?o ;
                     fdr:adresse ?adresse .
          FILTER(?ressource != ?lieu)
        }"""
    )
    assert {(str(r[0]), str(r[1])) for r in found} == {  # type: ignore[index]
        ("https://example.org/territoires/essai/ressource/cnum", BASE + "lieu/mediatheque-1")
    }
    assert validate(union).violations == []


def test_lists_and_neutralised_cells_read_back(tmp_path: Path) -> None:
    lieu = changed(nom="'=SOMME(A1)", courriels="b@example.org | a@example.org")
    graph = read_lieux(lieux_csv(tmp_path, lieu), base_iri=BASE)
    (row,) = lieux_rows(graph)
    assert row[NAMES.index("nom")] == "=SOMME(A1)"
    assert row[NAMES.index("courriels")] == "a@example.org|b@example.org"
    out = tmp_path / "sortie.csv"
    write_lieux(graph, out)
    text = out.read_text(encoding="utf-8")
    assert '"\'=SOMME(A1)"' in text and '"+33553000000"' in text and '"-0.7218"' in text
    assert lieux_rows(read_lieux(out, base_iri=BASE)) == [row]


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"pivot": "73282932000075"}, "pivot", "clé de contrôle"),
        ({"pivot": "W12"}, "pivot", "SIRET (14 chiffres) ou un numéro RNA"),
        ({"services": "Aide aux démarches administratives|Bidule"}, "services", "« Bidule »"),
        ({"date_maj": "02/04/2024"}, "date_maj", "date AAAA-MM-JJ"),
        ({"latitude": "quarante-cinq"}, "latitude", "n'est pas un nombre"),
        ({"latitude": "NaN"}, "latitude", "nombre fini"),
        ({"adresse": ""}, "adresse", "obligatoire"),
        ({"nom": "=cmd|' /C calc'!A0"}, "nom", "formule"),
        ({"horaires": "@SUM(1+1)*cmd|' /C calc'!A0"}, "horaires", "injection CSV"),
        ({"presentation_resume": "x" * 281}, "presentation_resume", "au plus 280"),
    ],
)
def test_a_bad_cell_is_a_french_error_naming_row_and_column(
    tmp_path: Path, cells: dict[str, str], column: str, words: str
) -> None:
    path = lieux_csv(tmp_path, LIEU, changed(id="autre", **cells))
    error = error_of(path)
    assert error.file == str(path)
    assert (error.row, error.column) == (3, column)
    assert words in str(error)
    assert f"ligne 3, colonne « {column} »" in str(error)


def test_unknown_service_lists_the_standard_values(tmp_path: Path) -> None:
    error = error_of(lieux_csv(tmp_path, changed(services="Aide aux demarches administratives")))
    assert "vouliez-vous dire « Aide aux démarches administratives »" in str(error)


def test_every_error_of_the_file_is_reported(tmp_path: Path) -> None:
    bad = changed(id="mediatheque-1", pivot="73282932000075", services="Bidule")
    error = error_of(lieux_csv(tmp_path, LIEU, bad))
    located = {(item.row, item.column) for item in error.errors}
    assert located == {(3, "id"), (3, "pivot"), (3, "services")}


def test_five_megabyte_cell_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = lieux_csv(tmp_path, changed(presentation_detail="a" * (5 * 1024 * 1024)))
    error = error_of(path)
    assert error.row == 2 and "caractères" in str(error)
    assert "fichier" in str(error) and "dépasse" in str(error_of(path, max_bytes=1024 * 1024))


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = lieux_csv(tmp_path, LIEU, changed(id="2"), changed(id="3"))
    assert "plus de 2 lieux" in str(error_of(path, max_rows=2))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("id,nom\n".encode("latin-1") + "é".encode("latin-1"), "UTF-8"),
        (b"id,pivot\x00\n", "binaire"),
        (b"", "vide"),
        (",".join([*NAMES, "servises"]).encode(), "« servises » inconnue"),
        (",".join(n for n in NAMES if n != "adresse").encode(), "« adresse » absente"),
        (f'{",".join(NAMES)}\n"structure-1,"abc\n'.encode(), "CSV mal formé"),
    ],
    ids=["latin-1", "nul", "empty", "unknown-column", "missing-column", "broken-quotes"],
)
def test_malformed_file_is_a_french_error(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "lieux.csv"
    path.write_bytes(content)
    error = error_of(path)
    assert words in str(error) and str(path) in str(error)


def test_base_iri_must_be_an_http_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="IRI de base"):
        read_lieux(lieux_csv(tmp_path, LIEU), base_iri="urn:x")


def test_export_refuses_a_lieu_the_standard_refuses(tmp_path: Path) -> None:
    graph = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=BASE)
    graph.remove((None, DCTERMS.modified, None))
    out = tmp_path / "sortie.csv"
    with pytest.raises(DataError) as caught:
        write_lieux(graph, out)
    assert (caught.value.row, caught.value.column) == (2, "date_maj")
    assert "obligatoire" in str(caught.value)
    assert not out.exists()


def test_export_of_a_graph_without_lieu_says_so(tmp_path: Path) -> None:
    roadmap = build_graph(read_workbook(write_csv_rows(tmp_path / "classeur", mini_rows())))
    with pytest.raises(DataError, match="aucun lieu de médiation numérique"):
        write_lieux(roadmap, tmp_path / "sortie.csv")


def test_the_schema_words_are_the_concepts_of_the_shipped_schemes() -> None:
    from feuille_de_route.graph._lieux_schema import concept_words

    schemes = load_schemes()
    mednum = {
        c
        for c in schemes.subjects(SKOS.inScheme, None)
        if isinstance(c, URIRef) and str(c).startswith(MEDNUM)
    }
    assert set(concept_words()) == mednum
    for item, (_field, _rank, word) in concept_words().items():
        assert (item, SKOS.notation, Literal(word)) in schemes


def test_reading_and_validating_never_touch_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The schema names remote profiles and resources: frictionless must not fetch them."""
    import socket

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("réseau utilisé")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    graph = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=BASE)
    assert write_lieux(graph, tmp_path / "sortie.csv") == 1


def test_lieux_read_into_a_roadmap_are_its_resources_to_mobilise(tmp_path: Path) -> None:
    """Read with the roadmap's base IRI, the lieux join its graph and its catalogue."""
    from feuille_de_route.graph.store import MemoryStore
    from feuille_de_route.queries import run_query

    essai = "https://example.org/territoires/essai/"
    roadmap = build_graph(read_workbook(write_csv_rows(tmp_path / "classeur", mini_rows())))
    lieux = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=essai)
    union = Graph()
    for triple in (*roadmap, *lieux):
        union.add(triple)
    rows = run_query("ressources", MemoryStore(union), feuilleDeRoute=essai)
    lieu = [row for row in rows if row["ressource"] == essai + "lieu/mediatheque-1"]
    assert len(lieu) == 1
    assert lieu[0]["typeLabel"] == "partenaire de projet" and lieu[0]["mobilisee"] is False
    assert len(rows) == 3


def test_semicolons_bom_and_crlf_of_a_spreadsheet_export_read_the_same(tmp_path: Path) -> None:
    plain = read_lieux(lieux_csv(tmp_path, LIEU), base_iri=BASE)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(NAMES)
    writer.writerow([LIEU.get(column, "") for column in NAMES])
    path = tmp_path / "tableur.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    assert lieux_rows(read_lieux(path, base_iri=BASE)) == lieux_rows(plain)
