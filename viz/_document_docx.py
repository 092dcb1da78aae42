"""The documents as an editable Word file (DOCX, python-docx), for collectivités that
rework them in Word or LibreOffice: the same sections as the HTML, Word's own heading,
list and table styles (so the outline and the table of contents work), a page break
before each fiche, each chantier's map as a PNG picture, assumptions marked as in the
pages (« HYPOTHÈSE » on an amber ground, then the text)."""

import io
from collections.abc import Iterable

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ._document_map import ChantierMap
from ._document_parts import MISSING, ActionSheet, ChantierSheet, Document, Line, xml_safe

__all__ = ["render_document_docx"]

# python-docx's default template: style name → id. Set by id, a paragraph's style costs
# nothing; by name, python-docx scans every style of the document each time (most of the
# writing time for the Grand Périgueux).
_STYLE_IDS = {
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
    "List Bullet": "ListBullet",
    "List Bullet 2": "ListBullet2",
    "List Bullet 3": "ListBullet3",
    "List Number": "ListNumber",
}
_AMBER = RGBColor(0x8A, 0x4B, 0x00)
_AMBER_GROUND = "FFF3C4"
_GREY = RGBColor(0x52, 0x60, 0x6D)


def _mark(paragraph: Paragraph, assumption: str) -> None:
    """Append the assumption mark and its text to ``paragraph`` (nothing if empty)."""
    if not assumption:
        return
    paragraph.add_run(" ")
    label = paragraph.add_run("HYPOTHÈSE")
    label.bold = True
    label.font.size = Pt(8)
    label.font.color.rgb = _AMBER
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _AMBER_GROUND)
    label._r.get_or_add_rPr().append(shading)
    text = paragraph.add_run(f" {assumption}")
    text.italic = True
    text.font.color.rgb = _AMBER


def _styled(doc: Docx, style: str, text: str = "") -> Paragraph:
    """A new paragraph of style ``style`` (a name of ``_STYLE_IDS``)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = _STYLE_IDS[style]
    return paragraph


def _line(paragraph: Paragraph, line: Line) -> Paragraph:
    paragraph.add_run(line.text)
    _mark(paragraph, line.assumption)
    return paragraph


def _bullets(doc: Docx, lines: Iterable[Line], empty: str = MISSING) -> None:
    items = list(lines)
    if not items:
        _empty(doc, empty)
    for line in items:
        _line(_styled(doc, "List Bullet"), line)


def _empty(doc: Docx, text: str = MISSING) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = _GREY


def _heading(
    doc: Docx, text: str, level: int, assumption: str = "", new_page: bool = False
) -> None:
    heading = _styled(doc, f"Heading {level}" if level else "Title", text)
    heading.paragraph_format.page_break_before = new_page
    _mark(heading, assumption)


def _table(doc: Docx, header: tuple[str, ...], rows: Iterable[tuple[str | Line, ...]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table._tbl.tblPr.style = "TableGrid"  # by id, as _styled does
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            if isinstance(value, Line):
                _line(cell.paragraphs[0], value)
            else:
                cell.paragraphs[0].add_run(value)


def _title(doc: Docx, document: Document) -> None:
    doc.add_paragraph("Feuille de route territoriale d'inclusion numérique")
    _heading(doc, document.title, 0)
    if document.territory:
        doc.add_paragraph(f"Territoire : {document.territory}")
    legend = doc.add_paragraph("Légende :")
    _mark(legend, "texte")
    legend.add_run(
        " marque un fait que la source ne donne pas : il a été supposé, le texte dit quoi. "
        f"{document.assumption_count()} hypothèse(s) dans ce document."
    )


def _diagnostic(doc: Docx, document: Document) -> None:
    _heading(doc, "Synthèse du diagnostic", 1)
    if not document.classes:
        _empty(doc, "Le classeur ne nomme pas les communes du territoire : pas de synthèse.")
        return
    doc.add_paragraph("Communes du territoire par classe de la typologie du diagnostic.")
    _table(
        doc,
        ("Classe", "Intitulé", "Communes", "Population"),
        (
            (
                c.ident or "—",
                c.label or "sans classe",
                str(c.communes),
                f"{c.population:,}".replace(",", "\u202f"),
            )
            for c in document.classes
        ),
    )


def _roadmap(doc: Docx, document: Document) -> None:
    _heading(doc, "La feuille de route", 1, new_page=True)
    for enjeu in document.enjeux:
        _heading(doc, f"Enjeu {enjeu.ident} — {enjeu.label}", 2, enjeu.assumption)
        for defi in enjeu.defis:
            _heading(doc, f"Défi {defi.ident} — {defi.label}", 3, defi.assumption)
            if defi.coordination:
                paragraph = doc.add_paragraph("Coordonné par : ")
                for i, line in enumerate(defi.coordination):
                    _line(paragraph, line)
                    if i < len(defi.coordination) - 1:
                        paragraph.add_run(" ; ")
            for chantier in defi.chantiers:
                paragraph = _styled(doc, "List Bullet")
                paragraph.add_run(f"Chantier {chantier.ident} — {chantier.label}").bold = True
                _mark(paragraph, chantier.assumption)
                for title, lines in (
                    ("Ressources", chantier.resources),
                    ("Actions", chantier.actions),
                ):
                    _styled(doc, "List Bullet 2", f"{title} :")
                    for line in lines:
                        _line(_styled(doc, "List Bullet 3"), line)
                    if not lines:
                        _styled(doc, "List Bullet 3").add_run("aucune").italic = True


def _governance(doc: Docx, document: Document) -> None:
    _heading(doc, "Coordination et gouvernance", 1, new_page=True)
    _heading(doc, "Qui coordonne quoi", 2)
    if document.coordination:
        _table(doc, ("Défi ou chantier", "Service — rôle"), document.coordination)
    else:
        _empty(doc)
    _heading(doc, "Gouvernance des chantiers", 2)
    if document.governance:
        _table(doc, ("Chantier", "Acteur — rôle"), document.governance)
    else:
        _empty(doc)


def _kicker(doc: Docx, text: str) -> None:
    """The grey line above a fiche's title, starting a new page."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(text).font.color.rgb = _GREY
    paragraph.paragraph_format.page_break_before = True


def _chantier(doc: Docx, sheet: ChantierSheet, picture: ChantierMap | None) -> None:
    _kicker(doc, f"Fiche chantier — défi {sheet.defi}")
    _heading(doc, f"Chantier {sheet.ident} — {sheet.label}", 1, sheet.assumption)
    _heading(doc, "Description du chantier", 2)
    for line in sheet.description:
        _line(doc.add_paragraph(), line)
    if not sheet.description:
        _empty(doc)
    _heading(doc, "On aura réussi si :", 2)
    _bullets(doc, sheet.criteria)
    _heading(doc, "On doit lever des freins :", 2)
    _bullets(doc, sheet.obstacles)
    _heading(doc, "Gouvernance", 2)
    if not sheet.governance:
        _empty(doc)
    for role in sheet.governance:
        doc.add_paragraph().add_run(f"{role.heading} :").bold = True
        _bullets(doc, role.actors)
    if sheet.coordination:
        paragraph = doc.add_paragraph("Coordonné par : ")
        for i, line in enumerate(sheet.coordination):
            _line(paragraph, line)
            if i < len(sheet.coordination) - 1:
                paragraph.add_run(" ; ")
    _heading(doc, "Actions concrètes", 2)
    _bullets(doc, sheet.actions, "aucune")
    _heading(doc, "Ressources et statut du lien", 2)
    if not sheet.resources:
        _empty(doc, "aucune ressource liée")
    for group in sheet.resources:
        _heading(doc, group.kind[:1].upper() + group.kind[1:], 3)
        _bullets(doc, group.items)
    if picture is not None:
        doc.add_picture(io.BytesIO(picture.png), width=Cm(16))
        caption = doc.add_paragraph(
            f"Cartographie des ressources du chantier {sheet.ident} : trait plein, la ressource "
            "est déjà opérante ; pointillé, on la connaît sans lien encore ; sans trait, pas "
            "de lien."
        )
        caption.runs[0].font.size = Pt(8)
        caption.runs[0].font.color.rgb = _GREY


def _action(doc: Docx, sheet: ActionSheet) -> None:
    _kicker(doc, f"Fiche action — chantier {sheet.chantier}")
    _heading(doc, f"Action {sheet.ident} — {sheet.label}", 1, sheet.assumption)
    _table(
        doc,
        ("Rubrique", "Contenu"),
        (
            ("Objectif", sheet.objective),
            ("Statut", sheet.status),
            ("Calendrier", f"début : {sheet.start} ; fin prévue : {sheet.end}"),
            ("Budget global", sheet.budget),
            ("Communes concernées", ", ".join(sheet.communes) or "tout le territoire"),
        ),
    )
    _heading(doc, "Parties prenantes", 2)
    _bullets(doc, sheet.stakeholders)
    _heading(doc, "Étapes", 2)
    for step in sheet.steps:
        _styled(doc, "List Number", step)
    if not sheet.steps:
        _empty(doc)
    _heading(doc, "Moyens : co-financements", 2)
    _bullets(doc, sheet.fundings)
    _heading(doc, "Indicateurs de suivi", 2)
    if sheet.indicators:
        _table(
            doc,
            ("Indicateur", "Cible", "Valeur atteinte"),
            ((Line(i.label, i.assumption), i.target, i.value) for i in sheet.indicators),
        )
    else:
        _empty(doc)


def render_document_docx(document: Document, maps: dict[str, ChantierMap]) -> bytes:
    """The DOCX bytes of ``document``; ``maps`` holds each chantier's map by its ID."""
    document = xml_safe(document)  # python-docx refuses what XML cannot hold
    doc = new_docx()
    doc.core_properties.title = document.title
    doc.core_properties.language = "fr-FR"
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    _title(doc, document)
    _diagnostic(doc, document)
    _roadmap(doc, document)
    _governance(doc, document)
    for sheet in document.chantiers:
        _chantier(doc, sheet, maps.get(sheet.ident))
    for action in document.actions:
        _action(doc, action)
    if document.source or document.licence:
        _heading(doc, "Source et licence", 1, new_page=True)
        for text in (document.source, document.licence):
            if text:
                doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
