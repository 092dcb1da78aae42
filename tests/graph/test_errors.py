"""Every kind of data error: a French message naming file, sheet, row and column."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from feuille_de_route import UserError
from feuille_de_route.graph import DataError, load_roadmap, read_workbook

Rows = dict[str, list[dict[str, str]]]
CsvFolder = Callable[[Rows], Path]


def failure(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_roadmap(path)
    return info.value


def located(
    error: DataError, *, sheet: str, row: int | None, column: str | None, file: str | None = None
) -> DataError:
    """The one reported problem at that place; its message names the place."""
    matches = [e for e in error.errors if (e.sheet, e.row, e.column) == (sheet, row, column)]
    assert matches, f"no error at {sheet}/{row}/{column} in:\n{error}"
    found = matches[0]
    assert f"feuille « {sheet} »" in found.message
    if row is not None:
        assert f"ligne {row}" in found.message
    if column is not None:
        assert f"colonne « {column} »" in found.message
    if file is not None:
        assert found.file is not None and found.file.endswith(file)
        assert file in found.message
    return found


def test_data_error_is_a_user_error() -> None:
    assert issubclass(DataError, UserError)


def test_unknown_reference_suggests_close_ids(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Mobilisations"][1]["chantier"] = "1.c"
    error = located(
        failure(csv_folder(rows)),
        sheet="Mobilisations",
        row=3,
        column="chantier",
        file="mobilisations.csv",
    )
    assert "« 1.c » ne désigne aucune ligne de la feuille « Chantiers »" in error.message
    assert "vouliez-vous dire" in error.message and "« 1.b »" in error.message


def test_reference_to_an_absent_sheet(csv_folder: CsvFolder, rows: Rows) -> None:
    del rows["Communes"]
    del rows["Groupes"]
    error = located(
        failure(csv_folder(rows)), sheet="Actions", row=2, column="communes", file="actions.csv"
    )
    assert "absente" in error.message and "communes.csv" in error.message


def test_duplicate_id(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Enjeux"].append({"identifiant": "1", "intitulé": "Encore"})
    error = located(
        failure(csv_folder(rows)), sheet="Enjeux", row=3, column="identifiant", file="enjeux.csv"
    )
    assert "en double" in error.message and "ligne 2" in error.message


def test_agent_ids_are_unique_together(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Acteurs"].append({"identifiant": "cnum", "nom": "Homonyme"})
    error = located(failure(csv_folder(rows)), sheet="Ressources", row=2, column="identifiant")
    assert "Acteurs" in error.message


@pytest.mark.parametrize(
    ("sheet", "index", "column", "value", "allowed"),
    [
        ("Mobilisations", 0, "statut", "active", "opérante | connue, sans lien"),
        ("Ressources", 1, "type", "humaine", "partenaire de projet | ressource matérielle"),
        ("Gouvernance", 1, "rôle", "chef", "pilote | réalise | associé"),
        ("Coordination", 0, "rôle", "associé", "pilote | co-coordinateur"),
    ],
)
def test_unknown_controlled_value_lists_allowed_ones(
    csv_folder: CsvFolder,
    rows: Rows,
    sheet: str,
    index: int,
    column: str,
    value: str,
    allowed: str,
) -> None:
    rows[sheet][index][column] = value
    error = located(failure(csv_folder(rows)), sheet=sheet, row=index + 2, column=column)
    assert f"« {value} »" in error.message
    assert allowed in error.message


def test_controlled_values_forgive_case_and_accents(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Mobilisations"][0]["statut"] = "  OPERANTE "
    rows["Ressources"][1]["type"] = "Ressource Materielle"
    graph = load_roadmap(csv_folder(rows))
    assert len(graph) > 100


def test_missing_required_cell(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Chantiers"][0]["intitulé"] = ""
    error = located(
        failure(csv_folder(rows)), sheet="Chantiers", row=2, column="intitulé", file="chantiers.csv"
    )
    assert "cellule obligatoire vide" in error.message


def test_missing_core_sheet(csv_folder: CsvFolder, rows: Rows) -> None:
    del rows["Défis"]
    error = failure(csv_folder(rows))
    found = located(error, sheet="Défis", row=None, column=None)
    assert "defis.csv" in found.message and "obligatoire" in found.message


def test_missing_column_lists_expected_headers(csv_folder: CsvFolder, rows: Rows) -> None:
    folder = csv_folder(rows)
    (folder / "enjeux.csv").write_text("identifiant,source\n1,x\n", encoding="utf-8")
    error = located(failure(folder), sheet="Enjeux", row=1, column="intitulé", file="enjeux.csv")
    assert "« identifiant »*" in error.message and "« hypothèse »" in error.message


def test_unknown_header_suggests_and_lists(csv_folder: CsvFolder, rows: Rows) -> None:
    folder = csv_folder(rows)
    (folder / "enjeux.csv").write_text(
        "identifiant,intitulé,hypotese\n1,Un enjeu,\n", encoding="utf-8"
    )
    error = located(failure(folder), sheet="Enjeux", row=1, column="hypotese")
    assert "« hypothèse »" in error.message and "en-têtes attendus" in error.message


def test_headers_forgive_spaces_and_case(csv_folder: CsvFolder, rows: Rows) -> None:
    folder = csv_folder(rows)
    (folder / "enjeux.csv").write_text(" Identifiant , INTITULE \n1,Un enjeu\n", encoding="utf-8")
    workbook = read_workbook(folder)
    assert workbook["Enjeux"].rows[0].cells == {"identifiant": "1", "intitulé": "Un enjeu"}


def test_wrong_file_type(tmp_path: Path) -> None:
    path = tmp_path / "feuille.txt"
    path.write_text("bonjour", encoding="utf-8")
    error = failure(path)
    assert "feuille.txt" in error.message and ".xlsx" in error.message


def test_single_csv_file_asks_for_the_folder(mini_csv: Path) -> None:
    with pytest.raises(DataError, match="dossier"):
        read_workbook(mini_csv / "enjeux.csv")


def test_missing_path(tmp_path: Path) -> None:
    assert "introuvable" in failure(tmp_path / "absent.xlsx").message


def test_corrupt_xlsx_and_ods(tmp_path: Path) -> None:
    for name in ("faux.xlsx", "faux.ods"):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 pas vraiment un zip")
        error = failure(path)
        assert name in error.message and "illisible" in error.message


def test_non_utf8_csv_names_the_line(mini_csv: Path) -> None:
    (mini_csv / "enjeux.csv").write_bytes(
        "identifiant,intitulé\n1,ok\n2,Défi mal encodé\n".encode("latin-1")
    )
    error = located(failure(mini_csv), sheet="Enjeux", row=1, column=None, file="enjeux.csv")
    # The header's "é" is the first bad byte.
    assert "UTF-8" in error.message
    (mini_csv / "enjeux.csv").write_bytes(
        "identifiant,intitule\n1,ok\n2,Défi mal encodé\n".encode("latin-1")
    )
    located(failure(mini_csv), sheet="Enjeux", row=3, column=None, file="enjeux.csv")


def test_empty_file(mini_csv: Path) -> None:
    (mini_csv / "defis.csv").write_bytes(b"")
    error = located(failure(mini_csv), sheet="Défis", row=1, column=None, file="defis.csv")
    assert "feuille vide" in error.message and "« enjeux »*" in error.message


@pytest.mark.parametrize(
    ("sheet", "column", "value", "expected"),
    [
        ("Mobilisations", "depuis", "2024-13-45", "AAAA-MM-JJ"),
        ("Mobilisations", "depuis", "hier", "AAAA-MM-JJ"),
        ("Communes", "population", "beaucoup", "nombre entier"),
        ("Communes", "population", "12,5", "nombre entier"),
        ("Communes", "ifn total", "haut", "nombre décimal"),
        ("Communes", "ifn total", "11", "de 1 à 10"),
        ("Communes", "ifn total", "0", "de 1 à 10"),
        ("Communes", "epci", "2000", "SIREN"),
        ("Communes", "code insee", "243", "code INSEE"),
        ("Étapes", "numéro", "un", "nombre entier"),
    ],
)
def test_bad_typed_values(
    csv_folder: CsvFolder, rows: Rows, sheet: str, column: str, value: str, expected: str
) -> None:
    rows[sheet][0][column] = value
    error = located(failure(csv_folder(rows)), sheet=sheet, row=2, column=column)
    assert expected in error.message
    assert f"« {value} »" in error.message


def test_french_dates_and_decimal_commas_are_read(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Mobilisations"][0]["depuis"] = "15/01/2024"
    graph = load_roadmap(csv_folder(rows))
    dates = {str(o) for o in graph.objects(None, None) if getattr(o, "datatype", None)}
    assert "2024-01-15" in dates and "6.5" in dates


@pytest.mark.parametrize(
    "base", ["https://example.org/essai", "pas une iri/", "https://example.org/a b/"]
)
def test_bad_base_iri(csv_folder: CsvFolder, rows: Rows, base: str) -> None:
    rows["Feuille de route"][0]["iri de base"] = base
    error = located(
        failure(csv_folder(rows)),
        sheet="Feuille de route",
        row=2,
        column="iri de base",
        file="feuille-de-route.csv",
    )
    assert f"« {base} »" in error.message or f"« {base}/ »" in error.message


def test_ambiguous_coordination_object(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Chantiers"].append({"identifiant": "1", "défi": "1", "intitulé": "Homonyme du défi"})
    rows["Coordination"][0]["objet"] = "1"
    error = located(failure(csv_folder(rows)), sheet="Coordination", row=2, column="objet")
    assert "« défi 1 »" in error.message and "« chantier 1 »" in error.message
    rows["Coordination"][0]["objet"] = "Chantier 1"
    assert len(load_roadmap(csv_folder(rows))) > 100


def test_duplicate_link_rows(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Mobilisations"].append(dict(rows["Mobilisations"][0]))
    error = located(failure(csv_folder(rows)), sheet="Mobilisations", row=4, column=None)
    assert "double" in error.message


def test_control_characters_are_refused(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Enjeux"][0]["intitulé"] = "Enjeu\x07 sonore"
    error = located(failure(csv_folder(rows)), sheet="Enjeux", row=2, column="intitulé")
    assert "U+0007" in error.message


def test_several_errors_are_reported_together(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Mobilisations"][0]["statut"] = "active"
    rows["Ressources"][0]["type"] = "humaine"
    rows["Actions"][0]["chantier"] = "9.z"
    error = failure(csv_folder(rows))
    assert len(error.errors) == 3
    assert "3 erreurs" in error.message
    for single in error.errors:
        assert single.message in error.message


def test_errors_stop_at_twenty(csv_folder: CsvFolder, rows: Rows) -> None:
    rows["Enjeux"] += [{"identifiant": "1", "intitulé": f"doublon {n}"} for n in range(30)]
    error = failure(csv_folder(rows))
    assert len(error.errors) == 20
    assert "au moins" in error.message


def test_misspelt_csv_file_is_reported(mini_csv: Path) -> None:
    shutil.move(mini_csv / "criteres.csv", mini_csv / "critere.csv")
    error = failure(mini_csv)
    assert "criteres.csv" in error.message and "critere.csv" in error.message


def test_data_in_a_column_without_header(mini_csv: Path) -> None:
    (mini_csv / "enjeux.csv").write_text("identifiant,intitulé,\n1,Un enjeu,perdu\n", "utf-8")
    error = located(failure(mini_csv), sheet="Enjeux", row=2, column=None)
    assert "sans en-tête" in error.message
