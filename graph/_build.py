"""Workbook → RDF graph, per the contract's IRIs, classes and properties.

Every row gives its node's triples; references between sheets are checked first, and
every problem found is reported together (up to ``MAX_ERRORS``) before any triple
leaves this module.
"""

import datetime as dt
import decimal
import re
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from feuille_de_route import is_http_iri

from ._cells import decimal_lexical, parse_date, parse_decimal, parse_integer, split_list
from ._errors import DataError, Problems, suggest
from ._iris import Minter
from ._namespaces import DCTERMS, FDR, INSEE_COMMUNE, INSEE_EPCI, PREFIXES, RDF, RDFS, SKOS, XSD
from ._sheets import CORE_SHEETS, SHEETS, SHEETS_BY_NAME, Kind, fold
from ._vocabulary import IFN_COLUMNS, choices
from ._workbook import Row, Workbook

__all__ = ["AGENT_KINDS", "ID_COLUMNS", "build_graph", "parse_coordination_object"]

# Sheet → (IRI kind segment, the column holding the row's own ID).
ID_COLUMNS: dict[str, tuple[str, str]] = {
    "Étapes": ("etape", "numéro"),
    "Livrables": ("livrable", "identifiant"),
    "Typologie": ("typologie", "identifiant"),
    "Groupes": ("groupe", "identifiant"),
    "Communes": ("commune", "code insee"),
    "Enjeux": ("enjeu", "identifiant"),
    "Défis": ("defi", "identifiant"),
    "Chantiers": ("chantier", "identifiant"),
    "Actions": ("action", "identifiant"),
    "Critères": ("critere", "identifiant"),
    "Freins": ("frein", "identifiant"),
    "Services": ("service", "identifiant"),
    "Acteurs": ("acteur", "identifiant"),
    "Ressources": ("ressource", "identifiant"),
}
_SHEET_OF_KIND = {kind: sheet for sheet, (kind, _col) in ID_COLUMNS.items()}
# Services, Acteurs and Ressources share one ID space: Gouvernance names any of them.
AGENT_KINDS = ("service", "acteur", "ressource")

_T = TypeVar("_T")

_INSEE = re.compile(r"[0-9][0-9AB][0-9]{3}")
_SIREN = re.compile(r"[0-9]{9}")
_OBJECT_PREFIX = re.compile(r"(d[ée]fi|chantier)\s*[:\s]\s*(\S.*)", re.IGNORECASE | re.DOTALL)


def parse_coordination_object(text: str) -> tuple[str | None, str]:
    """Split an ``objet`` cell into (``defi``/``chantier``, or None when unprefixed; ID)."""
    match = _OBJECT_PREFIX.fullmatch(text)
    if not match:
        return None, text
    return ("defi" if fold(match.group(1)) == "defi" else "chantier"), match.group(2).strip()


class _Builder:
    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.problems = Problems()
        self.graph = Graph()
        self.vocab = choices()
        self.ids: dict[str, dict[str, Row]] = {kind: {} for kind, _col in ID_COLUMNS.values()}
        self.skipped: set[tuple[str, int]] = set()
        self.mint = Minter("")
        self.roadmap = URIRef("")

    # -- reporting -------------------------------------------------------------------

    def error(self, sheet: str, row: Row | None, column: str | None, detail: str) -> None:
        self.problems.add(
            DataError(
                detail,
                file=row.file if row else self.workbook.source,
                sheet=sheet,
                row=row.number if row else None,
                column=column,
            )
        )

    # -- cells -----------------------------------------------------------------------

    def add(self, subject: URIRef, predicate: URIRef, value: Node | None) -> None:
        if value is not None:
            self.graph.add((subject, predicate, value))

    def text(self, row: Row, column: str) -> Literal | None:
        value = row[column]
        return Literal(value, lang="fr") if value else None

    def plain(self, row: Row, column: str) -> Literal | None:
        value = row[column]
        return Literal(value) if value else None

    def _typed(self, sheet: str, row: Row, column: str, parse: Callable[[str], _T]) -> _T | None:
        raw = row[column]
        if not raw:
            return None
        try:
            return parse(raw)
        except ValueError as reason:
            self.error(sheet, row, column, str(reason))
            return None

    def integer(self, sheet: str, row: Row, column: str) -> int | None:
        return self._typed(sheet, row, column, parse_integer)

    def decimal(self, sheet: str, row: Row, column: str) -> decimal.Decimal | None:
        return self._typed(sheet, row, column, parse_decimal)

    def date(self, sheet: str, row: Row, column: str) -> dt.date | None:
        return self._typed(sheet, row, column, parse_date)

    def controlled(self, sheet: str, row: Row, column: str, kind: Kind) -> URIRef | None:
        raw = row[column]
        options = self.vocab[kind]
        found = options.lookup(raw)
        if found is None:
            self.error(
                sheet,
                row,
                column,
                f"{options.what} inconnu « {raw} » ; valeurs permises : {options.allowed()}",
            )
        return found

    def ref(
        self, sheet: str, row: Row, column: str, kind: str, value: str | None = None
    ) -> URIRef | None:
        """The IRI of the ``kind`` node whose ID is the cell's (or ``value``)."""
        wanted = row[column] if value is None else value
        if wanted in self.ids[kind]:
            return self.mint.node(kind, wanted)
        target = _SHEET_OF_KIND[kind]
        if target not in self.workbook:
            self.error(
                sheet,
                row,
                column,
                f"« {wanted} » renvoie à la feuille « {target} », absente du classeur "
                f"(fichier {SHEETS_BY_NAME[target].csv} dans un dossier CSV)",
            )
        else:
            self.error(
                sheet,
                row,
                column,
                f"« {wanted} » ne désigne aucune ligne de la feuille « {target} » "
                f"(colonne « {ID_COLUMNS[target][1]} »){suggest(wanted, self.ids[kind])}",
            )
        return None

    def refs(self, sheet: str, row: Row, column: str, kind: str) -> list[URIRef]:
        found = []
        for item in split_list(row[column]):
            iri = self.ref(sheet, row, column, kind, item)
            if iri is not None:
                found.append(iri)
        return found

    # -- passes ----------------------------------------------------------------------

    def build(self) -> Graph:
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        for name in sorted(CORE_SHEETS, key=[s.name for s in SHEETS].index):
            if name not in self.workbook:
                self.error(
                    name,
                    None,
                    None,
                    f"feuille obligatoire absente (fichier {SHEETS_BY_NAME[name].csv} dans un "
                    "dossier CSV) ; feuilles obligatoires : "
                    + ", ".join(f"« {s} »" for s in sorted(CORE_SHEETS)),
                )
        self.problems.raise_if_any()
        self._roadmap()
        self.problems.raise_if_any()
        self.graph.bind("territoire", self.mint.base)
        self._register()
        for name, method in self._row_builders().items():
            for row in self.workbook.rows(name):
                if (name, row.number) not in self.skipped:
                    with self.problems.collecting():
                        method(name, row)
        self.problems.raise_if_any()
        return self.graph

    def _roadmap(self) -> None:
        name = "Feuille de route"
        rows = self.workbook.rows(name)
        if len(rows) != 1:
            self.error(
                name,
                rows[1] if len(rows) > 1 else None,
                None,
                f"une seule ligne attendue (la feuille de route), {len(rows)} trouvée(s)",
            )
            return
        row = rows[0]
        if not self._required(name, row):
            return
        base = row["iri de base"]
        parts = urlsplit(base)
        if not is_http_iri(base) or parts.query or parts.fragment:
            self.error(
                name,
                row,
                "iri de base",
                f"IRI http(s) absolue attendue (ex. https://w3id.org/feuille-de-route/territoires/"
                f"mon-territoire/), lu « {base} »",
            )
            return
        if not base.endswith("/"):
            self.error(
                name, row, "iri de base", f"l'IRI de base doit se terminer par « / » : « {base}/ »"
            )
            return
        self.mint = Minter(base)
        self.roadmap = roadmap = self.mint.roadmap()
        self.add(roadmap, RDF.type, FDR.FeuilleDeRoute)
        self.add(roadmap, DCTERMS.identifier, self.plain(row, "identifiant"))
        self.add(roadmap, DCTERMS.title, self.text(row, "titre"))
        self.add(roadmap, RDFS.label, self.text(row, "titre"))
        self.add(roadmap, DCTERMS.source, self.plain(row, "source"))
        licence = row["licence"]
        if licence:
            self.add(
                roadmap,
                DCTERMS.license,
                URIRef(licence) if is_http_iri(licence) else Literal(licence),
            )
        territory = self._territory(name, row, "territoire", row["territoire"])
        self.add(roadmap, FDR.territoire, territory)

    def _territory(self, sheet: str, row: Row, column: str, code: str) -> URIRef | None:
        if _SIREN.fullmatch(code):
            return self._epci(code)
        if _INSEE.fullmatch(code):
            commune = self.mint.node("commune", code)
            self._commune_identity(commune, code)
            return commune
        if "|" in code or "\n" in code:
            self.error(sheet, row, column, f"un seul code de territoire attendu, lu « {code} »")
            return None
        territory = self.mint.node("territoire", code)
        self.add(territory, RDF.type, FDR.Territoire)
        self.add(territory, DCTERMS.identifier, Literal(code))
        return territory

    def _epci(self, siren: str) -> URIRef:
        epci = self.mint.node("epci", siren)
        self.add(epci, RDF.type, FDR.EPCI)
        self.add(epci, RDF.type, FDR.Territoire)
        self.add(epci, FDR.siren, Literal(siren))
        self.add(epci, RDFS.seeAlso, INSEE_EPCI[siren])
        return epci

    def _commune_identity(self, commune: URIRef, code: str) -> None:
        self.add(commune, RDF.type, FDR.Commune)
        self.add(commune, RDF.type, FDR.Territoire)
        self.add(commune, FDR.codeInsee, Literal(code))
        self.add(commune, RDFS.seeAlso, INSEE_COMMUNE[code])

    def _required(self, sheet: str, row: Row) -> bool:
        ok = True
        for column in SHEETS_BY_NAME[sheet].columns:
            if column.required and not row[column.name]:
                ok = False
                self.error(sheet, row, column.name, "cellule obligatoire vide")
        return ok

    def _register(self) -> None:
        agents: dict[str, tuple[str, Row]] = {}
        for spec in SHEETS:
            if spec.name == "Feuille de route":
                continue
            id_kind = ID_COLUMNS.get(spec.name)
            for row in self.workbook.rows(spec.name):
                with self.problems.collecting():
                    if not self._required(spec.name, row):
                        self.skipped.add((spec.name, row.number))
                        continue
                    if id_kind is None:
                        continue
                    kind, column = id_kind
                    local = row[column]
                    if not self._valid_id(spec.name, row, column, local):
                        self.skipped.add((spec.name, row.number))
                        continue
                    if kind == "etape":
                        local = str(int(local))
                    seen = self.ids[kind].get(local)
                    if seen is not None:
                        self.skipped.add((spec.name, row.number))
                        self.error(
                            spec.name,
                            row,
                            column,
                            f"identifiant « {local} » en double (déjà ligne {seen.number}) ; "
                            "chaque identifiant est unique dans sa feuille",
                        )
                        continue
                    if kind in AGENT_KINDS:
                        other = agents.get(local)
                        if other is not None:
                            self.skipped.add((spec.name, row.number))
                            self.error(
                                spec.name,
                                row,
                                column,
                                f"identifiant « {local} » déjà pris par la feuille « {other[0]} » "
                                f"(ligne {other[1].number}) ; les identifiants des Services, "
                                "Acteurs et Ressources sont uniques ensemble",
                            )
                            continue
                        agents[local] = (spec.name, row)
                    self.ids[kind][local] = row

    def _valid_id(self, sheet: str, row: Row, column: str, local: str) -> bool:
        if sheet == "Étapes":
            number = self.integer(sheet, row, column)
            if number is not None and number < 1:
                self.error(sheet, row, column, f"numéro d'étape positif attendu, lu « {local} »")
                return False
            return number is not None
        if sheet == "Communes":
            if not _INSEE.fullmatch(local):
                self.error(
                    sheet,
                    row,
                    column,
                    f"code INSEE de 5 caractères attendu (ex. 24322, 2A004), lu « {local} » ; "
                    "un zéro initial perdu par le tableur se garde en saisissant la cellule "
                    "comme texte",
                )
                return False
            return True
        if "|" in local or "\n" in local or "\t" in local:
            self.error(
                sheet,
                row,
                column,
                f"identifiant « {local} » invalide : il tient sur une ligne et ne contient pas "
                "« | » (séparateur de liste)",
            )
            return False
        return True

    def _row_builders(self) -> dict[str, Callable[[str, Row], None]]:
        return {
            "Étapes": self._etape,
            "Livrables": self._livrable,
            "Typologie": self._typologie,
            "Groupes": self._groupe,
            "Communes": self._commune,
            "Enjeux": self._enjeu,
            "Défis": self._defi,
            "Chantiers": self._chantier,
            "Actions": self._action,
            "Critères": self._critere,
            "Freins": self._frein,
            "Services": self._service,
            "Coordination": self._coordination,
            "Acteurs": self._acteur,
            "Gouvernance": self._gouvernance,
            "Ressources": self._ressource,
            "Mobilisations": self._mobilisation,
        }

    # -- rows ------------------------------------------------------------------------

    def _node(self, sheet: str, row: Row, *classes: URIRef) -> URIRef:
        kind, column = ID_COLUMNS[sheet]
        local = row[column] if kind != "etape" else str(int(row[column]))
        node = self.mint.node(kind, local)
        for cls in classes:
            self.add(node, RDF.type, cls)
        if kind not in ("etape", "commune"):
            self.add(node, DCTERMS.identifier, Literal(local))
        return node

    def _provenance(self, node: URIRef, row: Row) -> None:
        self.add(node, DCTERMS.source, self.plain(row, "source"))
        self.add(node, FDR.hypothese, self.plain(row, "hypothèse"))

    def _etape(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.EtapeDeLaMethode)
        self.add(node, FDR.numero, Literal(int(row["numéro"])))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self.add(node, DCTERMS.description, self.text(row, "description"))
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _livrable(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Livrable)
        number = self.integer(sheet, row, "étape")
        if number is not None:
            self.add(node, FDR.etape, self.ref(sheet, row, "étape", "etape", str(number)))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self._provenance(node, row)

    def _typologie(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.ClasseDeTypologie)
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self.add(node, DCTERMS.description, self.text(row, "description"))
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _groupe(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.GroupeDePopulation)
        self.add(node, DCTERMS.description, self.text(row, "description"))
        if row["classe"]:
            self.add(node, FDR.classeDeTypologie, self.ref(sheet, row, "classe", "typologie"))
        for commune in self.refs(sheet, row, "communes", "commune"):
            self.add(node, FDR.commune, commune)
        self._provenance(node, row)
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _commune(self, sheet: str, row: Row) -> None:
        code = row["code insee"]
        node = self._node(sheet, row)
        self._commune_identity(node, code)
        self.add(node, RDFS.label, self.text(row, "nom"))
        population = self.integer(sheet, row, "population")
        if population is not None:
            if population < 0:
                self.error(
                    sheet, row, "population", f"population positive attendue, lu « {population} »"
                )
            self.add(node, FDR.population, Literal(population))
        epci = row["epci"]
        if epci:
            if _SIREN.fullmatch(epci):
                self.add(node, FDR.epci, self._epci(epci))
            else:
                self.error(sheet, row, "epci", f"SIREN de 9 chiffres attendu, lu « {epci} »")
        if row["classe"]:
            self.add(node, FDR.classeDeTypologie, self.ref(sheet, row, "classe", "typologie"))
        for column, (indicator, notation) in IFN_COLUMNS.items():
            value = self.decimal(sheet, row, column)
            if value is None:
                continue
            if not 0 <= value <= 10:
                self.error(sheet, row, column, f"note de 0 à 10 attendue, lu « {row[column]} »")
                continue
            mesure = self.mint.mesure(code, notation)
            self.add(mesure, RDF.type, FDR.MesureDeFragilite)
            self.add(mesure, FDR.commune, node)
            self.add(mesure, FDR.indicateur, indicator)
            self.add(mesure, FDR.valeur, Literal(decimal_lexical(value), datatype=XSD.decimal))
        self._provenance(node, row)

    def _enjeu(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Enjeu)
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self._provenance(node, row)
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _defi(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Defi)
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        enjeux = self.refs(sheet, row, "enjeux", "enjeu")
        if not enjeux and not split_list(row["enjeux"]):
            self.error(sheet, row, "enjeux", "au moins un identifiant d'enjeu attendu")
        for enjeu in enjeux:
            self.add(node, FDR.repondA, enjeu)
        self._provenance(node, row)

    def _chantier(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Chantier)
        self.add(node, FDR.defi, self.ref(sheet, row, "défi", "defi"))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self.add(node, DCTERMS.description, self.text(row, "description"))
        for other in self.refs(sheet, row, "en lien avec", "chantier"):
            if other == node:
                self.error(
                    sheet, row, "en lien avec", "un chantier n'est pas en lien avec lui-même"
                )
                continue
            # Symmetric: both directions asserted so that queries need no reasoning.
            self.add(node, FDR.enLienAvec, other)
            self.add(other, FDR.enLienAvec, node)
        self._provenance(node, row)

    def _action(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.ActionConcrete)
        self.add(node, FDR.chantier, self.ref(sheet, row, "chantier", "chantier"))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        for commune in self.refs(sheet, row, "communes", "commune"):
            self.add(node, FDR.concerne, commune)
        self._provenance(node, row)

    def _critere(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.CritereDeReussite)
        self.add(node, FDR.chantier, self.ref(sheet, row, "chantier", "chantier"))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self.add(node, DCTERMS.source, self.plain(row, "source"))

    def _frein(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Frein)
        self.add(node, FDR.chantier, self.ref(sheet, row, "chantier", "chantier"))
        self.add(node, RDFS.label, self.text(row, "intitulé"))
        self.add(node, DCTERMS.source, self.plain(row, "source"))

    def _service(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Service, FDR.Acteur)
        self.add(node, RDFS.label, self.text(row, "nom"))
        if row["rattachement"]:
            parent = self.ref(sheet, row, "rattachement", "service")
            if parent == node:
                self.error(sheet, row, "rattachement", "un service n'est pas rattaché à lui-même")
            else:
                self.add(node, FDR.uniteDe, parent)
        self._provenance(node, row)
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _acteur(self, sheet: str, row: Row) -> None:
        node = self._node(sheet, row, FDR.Acteur)
        self.add(node, RDFS.label, self.text(row, "nom"))
        self.add(node, DCTERMS.description, self.text(row, "description"))
        self.add(node, DCTERMS.source, self.plain(row, "source"))
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _ressource(self, sheet: str, row: Row) -> None:
        kind = self.controlled(sheet, row, "type", Kind.RESOURCE_TYPE)
        node = self._node(sheet, row, FDR.Ressource)
        self.add(node, RDF.type, kind)
        self.add(node, RDFS.label, self.text(row, "nom"))
        self.add(node, DCTERMS.description, self.text(row, "description"))
        self._provenance(node, row)
        self.add(node, FDR.feuilleDeRoute, self.roadmap)

    def _unique(self, sheet: str, row: Row, node: URIRef, what: str) -> bool:
        if (node, RDF.type, None) in self.graph:
            self.error(
                sheet, row, None, f"{what} figure déjà plus haut dans la feuille (ligne en double)"
            )
            return False
        return True

    def _coordination(self, sheet: str, row: Row) -> None:
        kind, local = parse_coordination_object(row["objet"])
        objet: URIRef | None = None
        if kind is None:
            in_defis, in_chantiers = local in self.ids["defi"], local in self.ids["chantier"]
            if in_defis and in_chantiers:
                self.error(
                    sheet,
                    row,
                    "objet",
                    f"« {local} » est à la fois un défi et un chantier ; écrivez « défi {local} » "
                    f"ou « chantier {local} »",
                )
                return
            if not in_defis and not in_chantiers:
                self.error(
                    sheet,
                    row,
                    "objet",
                    f"« {local} » ne désigne aucun chantier ni défi"
                    f"{suggest(local, [*self.ids['chantier'], *self.ids['defi']])}",
                )
                return
            kind = "defi" if in_defis else "chantier"
        objet = self.ref(sheet, row, "objet", kind, local)
        service = self.ref(sheet, row, "service", "service")
        role = self.controlled(sheet, row, "rôle", Kind.COORDINATION_ROLE)
        if objet is None or service is None or role is None:
            return
        node = self.mint.coordination(kind, local, row["service"])
        noun = "défi" if kind == "defi" else "chantier"
        what = f"la coordination du {noun} « {local} » par « {row['service']} »"
        if not self._unique(sheet, row, node, what):
            return
        self.add(node, RDF.type, FDR.Coordination)
        self.add(node, FDR.objetCoordonne, objet)
        self.add(node, FDR.service, service)
        self.add(node, FDR.role, role)
        self._provenance(node, row)

    def _gouvernance(self, sheet: str, row: Row) -> None:
        chantier = self.ref(sheet, row, "chantier", "chantier")
        local = row["acteur"]
        acteur = None
        for kind in AGENT_KINDS:
            if local in self.ids[kind]:
                acteur = self.mint.node(kind, local)
        if acteur is None:
            known = [a for kind in AGENT_KINDS for a in self.ids[kind]]
            self.error(
                sheet,
                row,
                "acteur",
                f"« {local} » ne désigne aucun acteur, service ni ressource (feuilles Acteurs, "
                f"Services, Ressources){suggest(local, known)}",
            )
        role = self.controlled(sheet, row, "rôle", Kind.GOVERNANCE_ROLE)
        if chantier is None or acteur is None or role is None:
            return
        node = self.mint.participation(row["chantier"], local, role)
        if not self._unique(
            sheet, row, node, f"« {local} » avec ce rôle sur le chantier « {row['chantier']} »"
        ):
            return
        self.add(node, RDF.type, FDR.Participation)
        self.add(node, FDR.chantier, chantier)
        self.add(node, FDR.acteur, acteur)
        self.add(node, FDR.role, role)
        self.add(node, SKOS.note, self.text(row, "note"))
        self._provenance(node, row)

    def _mobilisation(self, sheet: str, row: Row) -> None:
        chantier = self.ref(sheet, row, "chantier", "chantier")
        ressource = self.ref(sheet, row, "ressource", "ressource")
        statut = self.controlled(sheet, row, "statut", Kind.STATUS)
        depuis = self.date(sheet, row, "depuis")
        if chantier is None or ressource is None or statut is None:
            return
        node = self.mint.mobilisation(row["chantier"], row["ressource"])
        what = f"le lien du chantier « {row['chantier']} » à la ressource « {row['ressource']} »"
        if not self._unique(sheet, row, node, what):
            return
        self.add(node, RDF.type, FDR.Mobilisation)
        self.add(node, FDR.chantier, chantier)
        self.add(node, FDR.ressource, ressource)
        self.add(node, FDR.statut, statut)
        if depuis is not None:
            self.add(node, FDR.depuis, Literal(depuis))
        self.add(node, SKOS.note, self.text(row, "note"))
        self._provenance(node, row)


def build_graph(workbook: Workbook) -> Graph:
    """The RDF graph of ``workbook`` (contract: "IRIs of a territory's data").

    Raises :class:`DataError` listing every problem found (up to ``MAX_ERRORS``); no
    partial graph is returned.
    """
    return _Builder(workbook).build()
