"""Random bytes and random zip members given to every reader: only the package's own
``UserError`` (French message) may come out, never another exception."""

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feuille_de_route import UserError
from feuille_de_route.graph import load_roadmap

RDF_SUFFIXES = (".ttl", ".jsonld", ".json", ".nt", ".rdf", ".owl")
MEMBERS = (
    "mimetype",
    "content.xml",
    "META-INF/manifest.xml",
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
)
XML_PIECES = (
    '<?xml version="1.0"?>',
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">',
    "<office:body><office:spreadsheet>",
    '<table:table table:name="Enjeux">',
    '<table:table-row table:number-rows-repeated="1000000">',
    '<table:table-cell table:number-columns-repeated="99999" office:value-type="string">',
    '<text:p>id<text:s text:c="999999999"/></text:p>',
    "</table:table-cell></table:table-row></table:table>",
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheets><sheet name="Enjeux" sheetId="1" r:id="rId1"/></sheets>',
    '<!DOCTYPE x [<!ENTITY e "e">]>',
    "&e;",
    "<",
    "\x00",
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_user_errors(path: Path) -> None:
    try:
        load_roadmap(path)
    except UserError as error:
        assert str(error)


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from((".xlsx", ".ods", *RDF_SUFFIXES)))
def test_random_bytes_in_any_file_format(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"entree{suffix}"
        path.write_bytes(data)
        _only_user_errors(path)


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(("enjeux.csv", "feuille-de-route.csv")))
def test_random_bytes_in_a_csv_folder(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        _only_user_errors(Path(folder))


_member_content = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(XML_PIECES), max_size=12).map(lambda p: "".join(p).encode()),
)


@SETTINGS
@given(
    members=st.dictionaries(st.sampled_from(MEMBERS), _member_content, max_size=6),
    suffix=st.sampled_from((".xlsx", ".ods")),
)
def test_random_zip_members(members: dict[str, bytes], suffix: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"classeur{suffix}"
        path.write_bytes(buffer.getvalue())
        _only_user_errors(path)
