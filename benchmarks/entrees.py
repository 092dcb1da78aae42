"""Hostile inputs: time and peak memory until each crafted file is refused (issue 9).

Each file is made here (zip bombs whose members decompress to about 1 GB from about 1 MB,
a zip whose declared sizes lie, a spreadsheet just under the size limit, an RDF/XML entity
bomb, deeply nested JSON-LD, a CSV row of a million cells), then given to
``feuille-de-route valider --sans-raisonneur`` in a process of its own; its wall time and
peak memory (``ru_maxrss``) are recorded with the exit code and the first line of the
message. Results go to ``benchmarks/resultats/entrees.md`` and ``.json``.

    python -m benchmarks.entrees
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["main"]

RESULTS = Path(__file__).resolve().parent / "resultats"
GIGABYTE = 1 << 30
_CHUNK = 1 << 20
_MAIN = "urn:oasis:names:tc:opendocument:xmlns"
_XLSX_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _template(kind: str, folder: Path) -> Path:
    from feuille_de_route.graph import GRAND_PERIGUEUX, read_workbook, write_workbook

    path = folder / f"modele.{kind}"
    write_workbook(read_workbook(GRAND_PERIGUEUX), path)
    return path


def _stream_member(
    source: Path, target: Path, name: str, pieces: Callable[[], Iterator[bytes]]
) -> Path:
    """A copy of ``source`` whose member ``name`` is written from ``pieces``, deflated."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info), compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with new.open(info, "w", force_zip64=True) as stream:
            for piece in pieces():
                stream.write(piece)
    return target


def _repeat(head: bytes, unit: bytes, total: int, tail: bytes) -> Iterator[bytes]:
    yield head
    block = unit * max(1, _CHUNK // len(unit))
    for _ in range(total // len(block)):
        yield block
    yield tail


def _xlsx_cell(folder: Path) -> Path:
    head = (
        f'<?xml version="1.0"?><worksheet xmlns="{_XLSX_NS}"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>'
    ).encode()
    tail = b"</t></is></c></row></sheetData></worksheet>"
    return _stream_member(
        _template("xlsx", folder),
        folder / "cellule-1-go.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda: _repeat(head, b"A", GIGABYTE, tail),
    )


def _xlsx_rows(folder: Path) -> Path:
    head = f'<?xml version="1.0"?><worksheet xmlns="{_XLSX_NS}"><sheetData>'.encode()
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    return _stream_member(
        _template("xlsx", folder),
        folder / "lignes-1-go.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda: _repeat(head, row, GIGABYTE, b"</sheetData></worksheet>"),
    )


def _ods_content(folder: Path) -> Path:
    source = _template("ods", folder)
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    cut = content.index(b"</office:spreadsheet>")
    head = content[:cut] + f'<table:table xmlns:table="{_MAIN}:table:1.0" table:name="x">'.encode()
    row = (
        b"<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell>"
        b"</table:table-row>"
    )
    tail = b"</table:table>" + content[cut:]
    return _stream_member(
        source,
        folder / "contenu-234-mo.ods",
        "content.xml",
        lambda: _repeat(head, row, 234 << 20, tail),
    )


def _lying_sizes(folder: Path) -> Path:
    """The one-cell bomb, its declared uncompressed size patched down to 1 kB."""
    path = _xlsx_cell(folder)
    target = folder / "tailles-mensongeres.xlsx"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # The central directory is what readers trust: its uncompressed size (offset 24).
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46 : start + 46 + name_len]) == info.filename.encode():
            assert struct.unpack_from("<I", data, start + 24)[0] != 0xFFFFFFFF
            struct.pack_into("<I", data, start + 24, 1000)
        start += 4
    target.write_bytes(bytes(data))
    return target


def _xlsx_cells(folder: Path) -> Path:
    """Two and a half million empty cells in rows of 10 000: 10 MB, under the size limit."""
    head = f'<?xml version="1.0"?><worksheet xmlns="{_XLSX_NS}"><sheetData>'.encode()
    return _stream_member(
        _template("xlsx", folder),
        folder / "cellules.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda: _repeat(
            head, b"<row>" + b"<c/>" * 10_000 + b"</row>", 10 << 20, b"</sheetData></worksheet>"
        ),
    )


def _ods_cells(folder: Path) -> Path:
    """Two and a half million empty cells in a table: 45 MB, under the size limit."""
    source = _template("ods", folder)
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    cut = content.index(b"</office:spreadsheet>")
    head = content[:cut] + b'<table:table table:name="Enjeux">'
    row = b"<table:table-row>" + b"<table:table-cell/>" * 1000 + b"</table:table-row>"
    return _stream_member(
        source,
        folder / "cellules.ods",
        "content.xml",
        lambda: _repeat(head, row, 45 << 20, b"</table:table>" + content[cut:]),
    )


def _under_limit(folder: Path) -> Path:
    """Legitimate-looking shared strings just under the default 50 MB limit."""
    head = f'<?xml version="1.0"?><sst xmlns="{_XLSX_NS}">'.encode()
    return _stream_member(
        _template("xlsx", folder),
        folder / "chaines-49-mo.xlsx",
        "xl/sharedStrings.xml",
        lambda: _repeat(head, b"<si><t>a</t></si>", 49 << 20, b"</sst>"),
    )


def _entity_bomb(folder: Path) -> Path:
    entities = "".join(
        f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10 if i else "a" * 10}">' for i in range(12)
    )
    path = folder / "entites.rdf"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://e.org/">'
        '<rdf:Description rdf:about="http://e.org/a"><p:p>&e11;</p:p></rdf:Description>'
        "</rdf:RDF>",
        encoding="utf-8",
    )
    return path


def _nested_jsonld(folder: Path) -> Path:
    path = folder / "imbrique.jsonld"
    path.write_text("[" * 500_000 + "]" * 500_000, encoding="utf-8")
    return path


def _dense_turtle(folder: Path) -> Path:
    path = folder / "dense.ttl"
    objects = ", ".join(f":o{i}" for i in range(150_000))
    path.write_text(f"@prefix : <http://e.org/> .\n:s :p {objects} .\n", encoding="utf-8")
    return path


def _wide_csv(folder: Path) -> Path:
    target = folder / "csv"
    target.mkdir()
    (target / "enjeux.csv").write_text("id," * 1_000_000 + "\n", encoding="utf-8")
    return target


CASES: dict[str, Callable[[Path], Path]] = {
    "xlsx : une cellule de 1 Go": _xlsx_cell,
    "xlsx : lignes de 1 Go": _xlsx_rows,
    "ods : content.xml de 234 Mo": _ods_content,
    "xlsx : tailles déclarées mensongères": _lying_sizes,
    "xlsx : 2,5 millions de cellules (sous la limite)": _xlsx_cells,
    "ods : 2,5 millions de cellules (sous la limite)": _ods_cells,
    "xlsx : 49 Mo de chaînes (sous la limite)": _under_limit,
    "RDF/XML : entités imbriquées": _entity_bomb,
    "JSON-LD : 500 000 niveaux": _nested_jsonld,
    "Turtle : 150 000 triplets en 1,4 Mo": _dense_turtle,
    "CSV : un million de cellules": _wide_csv,
}


def _run(path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "feuille_de_route", "valider", str(path), "--sans-raisonneur"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    assert process.stderr is not None and process.stdout is not None
    message = (process.stderr.read() or process.stdout.read()).decode("utf-8", "replace")
    size = sum(p.stat().st_size for p in [path, *path.glob("*")] if p.is_file())
    return {
        "taille_mo": round(size / (1 << 20), 2),
        "code": os.waitstatus_to_exitcode(status),
        "secondes": round(elapsed, 2),
        "pic_mo": round(usage.ru_maxrss / 1024, 1),
        "message": _first_line(message).replace(str(path.parent), "…")[:200],
    }


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _baseline() -> dict[str, Any]:
    """The same command on the embedded roadmap: the floor of time and memory."""
    from feuille_de_route.graph import GRAND_PERIGUEUX

    return _run(GRAND_PERIGUEUX)


def main(argv: list[str] | None = None) -> int:
    results: dict[str, Any] = {"référence (Grand Périgueux, CSV)": _baseline()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            folder = Path(tmp) / str(len(results))
            folder.mkdir()
            results[name] = _run(make(folder))
            print(name, results[name], flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "entrees.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    (RESULTS / "entrees.md").write_text(_markdown(results), encoding="utf-8")
    return 0


def _markdown(results: dict[str, Any]) -> str:
    when = datetime.datetime.now().isoformat(timespec="seconds")
    lines = [
        "# Banc des entrées hostiles",
        "",
        f"Mesuré le {when} : {os.cpu_count()} processeurs (charge "
        f"{[round(x, 2) for x in os.getloadavg()]}), Python {platform.python_version()}.",
        "",
        "Chaque fichier est fabriqué par `benchmarks/entrees.py` puis donné à "
        "`feuille-de-route valider --sans-raisonneur` dans un processus à part (limites par "
        "défaut : 50 Mo). Pic : `ru_maxrss` du processus, interpréteur et bibliothèques compris.",
        "",
        "| fichier | taille | code | durée | pic mémoire | message |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, row in results.items():
        message = row["message"].replace("|", "\\|")
        lines.append(
            f"| {name} | {row['taille_mo']} Mo | {row['code']} | {row['secondes']} s | "
            f"{row['pic_mo']} Mo | {message} |"
        )
    refused = [row for row in results.values() if row["code"] == 2]
    within = [row for row in refused if row["secondes"] < 2 and row["pic_mo"] < 300]
    lines += [
        "",
        "Objectif : un fichier fabriqué d'environ 1 Mo refusé en moins de 2 s et 300 Mo — "
        f"tenu pour {len(within)} des {len(refused)} fichiers refusés.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (4 * GIGABYTE, 4 * GIGABYTE))
    sys.exit(main(sys.argv[1:]))
