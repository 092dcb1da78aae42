"""Issue 9, the input side: files that try to fetch, expand, exhaust or mislead.

Every attack is built by the test itself; each test asserts the French message and that
nothing was fetched, read or written.
"""

import http.server
import json
import shutil
import struct
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from feuille_de_route.cli import main
from feuille_de_route.graph import GRAND_PERIGUEUX, read_workbook, write_workbook
from feuille_de_route.graph._jsonld_contexts import CONTEXT_IRI

NT_LINE = '<http://example.org/a> <http://example.org/p> "x" .\n'


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        body = json.dumps({"@context": {"p": "http://evil.example/p"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server that records whether it was contacted."""
    _Recorder.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _jsonld(path: Path, context: object) -> Path:
    document = {"@context": context, "@id": "http://example.org/a", "p": "x"}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _fails(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err + captured.out


def test_jsonld_remote_context_is_never_fetched(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _jsonld(tmp_path / "g.jsonld", f"{server}/contexte")
    out = tmp_path / "rdf"
    message = _fails(["construire", str(source), "--sortie", str(out)], capsys)
    assert f"contexte JSON-LD « {server}/contexte » refusé" in message
    assert _Recorder.hits == []
    assert not out.exists()


def test_jsonld_imported_and_nested_contexts_are_never_fetched(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for context in ({"@import": f"{server}/i"}, [{"q": "http://x/"}, f"{server}/l"]):
        source = _jsonld(tmp_path / "g.jsonld", context)
        assert "refusé" in _fails(["valider", str(source), "--sans-raisonneur"], capsys)
    nested = {"@context": {}, "@id": "http://example.org/a", "p": {"@context": f"{server}/n"}}
    (tmp_path / "n.jsonld").write_text(json.dumps(nested), encoding="utf-8")
    assert "refusé" in _fails(["valider", str(tmp_path / "n.jsonld"), "--sans-raisonneur"], capsys)
    assert _Recorder.hits == []


def test_jsonld_file_context_is_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.jsonld"
    secret.write_text(json.dumps({"@context": {"p": "http://secret.example/"}}), "utf-8")
    source = _jsonld(tmp_path / "g.jsonld", secret.as_uri())
    message = _fails(["valider", str(source), "--sans-raisonneur"], capsys)
    assert f"contexte JSON-LD « {secret.as_uri()} » refusé" in message
    assert "secret.example" not in message


def test_jsonld_known_and_sibling_contexts_still_read(tmp_path: Path) -> None:
    from feuille_de_route.graph import load_roadmap

    known = _jsonld(tmp_path / "k.jsonld", CONTEXT_IRI)
    document = json.loads(known.read_text("utf-8"))
    document["p"] = "x"
    document["fdr:titre"] = "t"
    known.write_text(json.dumps(document), "utf-8")
    assert len(load_roadmap(known)) == 1  # "p" is not a term: only fdr:titre stays
    (tmp_path / "contexte.jsonld").write_text(
        json.dumps({"@context": {"p": "http://example.org/p"}}), "utf-8"
    )
    assert len(load_roadmap(_jsonld(tmp_path / "s.jsonld", "contexte.jsonld"))) == 1


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">{entities}]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><p:p>&e9;</p:p></rdf:Description>
</rdf:RDF>
"""


def test_rdfxml_entity_expansion_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entities = "".join(
        f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10 if i else "&a;" * 10}">' for i in range(10)
    )
    source = tmp_path / "bombe.rdf"
    source.write_text(BILLION_LAUGHS.format(entities=entities), encoding="utf-8")
    out = tmp_path / "rdf"
    message = _fails(["construire", str(source), "--sortie", str(out)], capsys)
    assert "déclaration XML interdite" in message
    assert not out.exists()


def test_rdfxml_external_entity_is_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mot-de-passe", encoding="utf-8")
    text = BILLION_LAUGHS.replace('<!ENTITY a "aaaaaaaaaa">{entities}', "").replace(
        "[]", f'[<!ENTITY e9 SYSTEM "{secret.as_uri()}">]'
    )
    source = tmp_path / "xxe.rdf"
    source.write_text(text, encoding="utf-8")
    message = _fails(["valider", str(source), "--sans-raisonneur"], capsys)
    assert "déclaration XML interdite" in message
    assert "mot-de-passe" not in message


def _xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "classeur.xlsx"
    write_workbook(read_workbook(GRAND_PERIGUEUX), path)
    return path


def _with_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    """A copy of the archive ``source`` whose member ``name`` holds ``data``, deflated."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info), compress_type=zipfile.ZIP_DEFLATED)
        new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return target


def _huge_cell_sheet(size: int) -> bytes:
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + "A" * size
        + "</t></is></c></row></sheetData></worksheet>"
    ).encode()


def test_xlsx_zip_bomb_cell_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = _with_member(
        _xlsx(tmp_path),
        tmp_path / "bombe.xlsx",
        "xl/worksheets/sheet1.xml",
        _huge_cell_sheet(3 << 20),
    )
    assert bomb.stat().st_size < 200_000
    out = tmp_path / "rdf"
    message = _fails(
        ["construire", str(bomb), "--sortie", str(out), "--limite-taille", "2"], capsys
    )
    assert "dépasse la limite de taille de 2 Mo" in message
    assert "--limite-taille" in message
    assert not out.exists()


def test_xlsx_cell_longer_than_a_spreadsheet_cell_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_cell = _with_member(
        _xlsx(tmp_path),
        tmp_path / "long.xlsx",
        "xl/worksheets/sheet1.xml",
        _huge_cell_sheet(40_000),
    )
    message = _fails(["valider", str(long_cell), "--sans-raisonneur"], capsys)
    assert "cellule de 40000 caractères (au plus 32767" in message


def test_ods_zip_bomb_content_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "classeur.ods"
    write_workbook(read_workbook(GRAND_PERIGUEUX), source)
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    padding = b"<!--" + b" " * (3 << 20) + b"-->"
    bomb = _with_member(source, tmp_path / "bombe.ods", "content.xml", content + padding)
    message = _fails(["valider", str(bomb), "--sans-raisonneur", "--limite-taille", "2"], capsys)
    assert "le classeur décompressé dépasse la limite de taille de 2 Mo" in message


def test_rdf_file_beyond_the_size_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "gros.nt"
    source.write_text(NT_LINE * 40_000, encoding="utf-8")
    message = _fails(["valider", str(source), "--sans-raisonneur", "--limite-taille", "1"], capsys)
    assert "le fichier dépasse la limite de taille de 1 Mo" in message


def test_csv_export_neutralises_formulas_and_reads_them_back(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(GRAND_PERIGUEUX, tmp_path / "classeur"))
    enjeux = folder / "enjeux.csv"
    lines = enjeux.read_text("utf-8").splitlines()
    header = lines[0].split(",")
    cells = next(iter(__import__("csv").reader([lines[1]])))
    title = header.index("titre") if "titre" in header else 1
    cells[title] = '=HYPERLINK("http://evil.example","clic")'
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    enjeux.write_text("\n".join([lines[0], buffer.getvalue().rstrip("\n"), *lines[2:]]) + "\n")
    before = read_workbook(folder)
    out = tmp_path / "export"
    assert main(["construire", str(folder), "--classeur", str(out)]) == 0
    written = (out / "enjeux.csv").read_text("utf-8")
    assert "'=HYPERLINK" in written
    assert '\n"=HYPERLINK' not in written and ",=HYPERLINK" not in written
    after = read_workbook(out)
    assert [r.cells for r in after.sheets["Enjeux"].rows] == [
        r.cells for r in before.sheets["Enjeux"].rows
    ]


def test_escaped_iri_in_rdf_input_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "iri.nt"
    source.write_text('<http://example.org/a\\u003Eb> <http://example.org/p> "x" .\n', "utf-8")
    out = tmp_path / "rdf"
    message = _fails(["construire", str(source), "--sortie", str(out)], capsys)
    assert "IRI invalide « http://example.org/a>b »" in message
    assert not out.exists()


def test_xlsx_row_of_too_many_cells_is_refused_before_openpyxl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = (
        f'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData><row r="1">{"<c/>" * 20_000}</row>'
        "</sheetData></worksheet>"
    ).encode()
    wide = _with_member(_xlsx(tmp_path), tmp_path / "large.xlsx", "xl/worksheets/sheet1.xml", sheet)
    message = _fails(["valider", str(wide), "--sans-raisonneur"], capsys)
    assert "ligne de plus de 16384 cellules" in message


def test_ods_cells_are_counted_as_they_stream(tmp_path: Path) -> None:
    from feuille_de_route.graph import DataError, InputLimits

    source = tmp_path / "classeur.ods"
    write_workbook(read_workbook(GRAND_PERIGUEUX), source)
    with pytest.raises(DataError, match="plus de 50 cellules"):
        read_workbook(source, InputLimits(max_cells=50))
    assert read_workbook(source).sheets.keys() == read_workbook(GRAND_PERIGUEUX).sheets.keys()


def test_rdf_triples_beyond_the_limit_stop_the_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    objects = ", ".join(f":o{i}" for i in range(1000))
    source = tmp_path / "dense.ttl"
    source.write_text(f"@prefix : <http://e.org/> .\n:s :p {objects} .\n", encoding="utf-8")
    args = ["valider", str(source), "--sans-raisonneur", "--limite-triplets", "500"]
    message = _fails(args, capsys)
    assert "plus de 500 triplets" in message
    assert "--limite-triplets" in message
    assert main([*args[:-1], "1000"]) == 0


def test_xlsx_whose_declared_sizes_lie_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "xl/worksheets/sheet1.xml"
    bomb = _with_member(_xlsx(tmp_path), tmp_path / "bombe.xlsx", name, _huge_cell_sheet(3 << 20))
    data = bytearray(bomb.read_bytes())
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:  # the central directory entry of the sheet: declare 1 kB
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + length] == name.encode():
            struct.pack_into("<I", data, entry + 24, 1000)
        entry = data.find(b"PK\x01\x02", entry + 4)
    liar = tmp_path / "menteur.xlsx"
    liar.write_bytes(bytes(data))
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo(name).file_size == 1000
    out = tmp_path / "rdf"
    message = _fails(["construire", str(liar), "--sortie", str(out)], capsys)
    assert "archive endommagée" in message
    assert not out.exists()
