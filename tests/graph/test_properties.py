"""Property: whatever a workbook holds, reading and building it either works or raises
:class:`DataError` — never another exception; and what builds, round-trips."""

import copy
import csv
import tempfile
from pathlib import Path
from typing import Literal

import openpyxl
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from rdflib.compare import isomorphic

from feuille_de_route.graph import (
    SHEETS,
    DataError,
    build_graph,
    graph_to_workbook,
    load_roadmap,
)

Rows = dict[str, list[dict[str, str]]]

SHEET_NAMES = [spec.name for spec in SHEETS]
COLUMNS = sorted({c.name for spec in SHEETS for c in spec.columns})
INTERESTING = [
    "",
    " ",
    "|",
    " | ",
    "1",
    "1.a",
    "1.b",
    "9.z",
    "défi 1",
    "chantier 1.b",
    "cnum",
    "enfance",
    "24322",
    "200040392",
    "opérante",
    "connue, sans lien",
    "pilote",
    "intervenant",
    "2024-02-30",
    "2024-02-29",
    "31/12/2023",
    "6,5",
    "-1",
    "1e3",
    "NaN",
    "=1+1",
    "https://example.org/autre",
    "https://example.org/autre/",
    "a\nb",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\ufeff",
    "é" * 300,
]

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
texts = st.text(
    alphabet=st.characters(exclude_categories=_SURROGATES),  # no lone surrogates
    max_size=12,
)
values = st.one_of(st.sampled_from(INTERESTING), texts)

operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("cell"),
            st.sampled_from(SHEET_NAMES),
            st.integers(0, 3),
            st.sampled_from(COLUMNS),
            values,
        ),
        st.tuples(st.just("drop sheet"), st.sampled_from(SHEET_NAMES)),
        st.tuples(st.just("drop column"), st.sampled_from(SHEET_NAMES), st.integers(0, 12)),
        st.tuples(
            st.just("rename column"), st.sampled_from(SHEET_NAMES), st.integers(0, 12), texts
        ),
        st.tuples(
            st.just("add row"),
            st.sampled_from(SHEET_NAMES),
            st.dictionaries(st.sampled_from(COLUMNS), values, max_size=5),
        ),
    ),
    max_size=8,
)


def _apply(
    rows: Rows, ops: list[tuple[object, ...]]
) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    sheets = {spec.name: (list(spec.headers), rows.get(spec.name, [])) for spec in SHEETS}
    for op in ops:
        kind, name = op[0], str(op[1])
        if name not in sheets:
            continue
        headers, body = sheets[name]
        if kind == "cell":
            index, column, value = op[2], str(op[3]), str(op[4])
            assert isinstance(index, int)
            if body:
                body[index % len(body)][column] = value
        elif kind == "drop sheet":
            del sheets[name]
        elif kind == "drop column" and headers:
            assert isinstance(op[2], int)
            headers.pop(op[2] % len(headers))
        elif kind == "rename column" and headers:
            assert isinstance(op[2], int)
            headers[op[2] % len(headers)] = str(op[3])
        elif kind == "add row":
            assert isinstance(op[2], dict)
            body.append({str(k): str(v) for k, v in op[2].items()})
    return sheets


def _write_csv(folder: Path, sheets: dict[str, tuple[list[str], list[dict[str, str]]]]) -> None:
    folder.mkdir()
    for spec in SHEETS:
        if spec.name not in sheets:
            continue
        headers, body = sheets[spec.name]
        with open(folder / spec.csv, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            for cells in body:
                writer.writerow([cells.get(h, "") for h in headers])


def _write_xlsx(path: Path, sheets: dict[str, tuple[list[str], list[dict[str, str]]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (headers, body) in sheets.items():
        tab = book.create_sheet(name)
        clean = [ILLEGAL_CHARACTERS_RE.sub("", h) for h in headers]
        tab.append(clean)
        for cells in body:
            tab.append([ILLEGAL_CHARACTERS_RE.sub("", cells.get(h, "")) for h in headers])
    book.save(path)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations, form=st.sampled_from(["csv", "xlsx"]))
def test_only_data_errors_escape(rows: Rows, ops: list[tuple[object, ...]], form: str) -> None:
    sheets = _apply(copy.deepcopy(rows), ops)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("classeur" if form == "csv" else "classeur.xlsx")
        if form == "csv":
            _write_csv(path, sheets)
        else:
            _write_xlsx(path, sheets)
        try:
            graph = load_roadmap(path)
        except DataError as error:
            event("DataError")
            assert error.message.strip()
            assert 1 <= len(error.errors) <= 20
            return
    event("graphe construit")
    assert isomorphic(build_graph(graph_to_workbook(graph)), graph)
