"""Three territories for the import tests, built through the real builder: the Grand
Périgueux and two made up with non-ASCII names (an EPCI of Dordogne, and one straddling
Gironde and Dordogne, so that a commune's département is shared), both mobilising the
Conseillers numériques programme and one partner by the same SIRET.

Each is written in the format it is imported from: the Grand Périgueux as JSON-LD, Isle
Vern Salembre as the workbook typed into the template (``.xlsx``), Pays Foyen as TriG.
"""

import http.server
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from rdflib import Graph

from feuille_de_route.cli import main
from feuille_de_route.graph import build_graph, export_graph, load_roadmap, read_workbook

GRAND_PERIGUEUX_IRI = "https://w3id.org/feuille-de-route/territoires/grand-perigueux/"
ISLE_IRI = "https://example.org/territoires/isle-vern-salembre/"
FOYEN_IRI = "https://exemple.fr/territoires/pays-foyen/"
SHARED_SIRET = "73282932000074"

Rows = dict[str, list[dict[str, str]]]


def _rows(identifier: str, title: str, base: str, chantier: str) -> Rows:
    return {
        "Feuille de route": [
            {"identifiant": identifier, "titre": title, "iri de base": base, "source": "essai"}
        ],
        "Enjeux": [
            {"identifiant": "E1", "intitulé": "Comment équiper les foyers éloignés ?"},
            {"identifiant": "E2", "intitulé": "Comment former les aînés à l'e-administration ?"},
        ],
        "Défis": [
            {"identifiant": "D1", "intitulé": "Équiper", "enjeux": "E1"},
            {"identifiant": "D2", "intitulé": "Accompagner les aînés", "enjeux": "E2"},
        ],
        "Chantiers": [
            {"identifiant": "1.a", "défi": "D1", "intitulé": chantier, "pilote": "dsi"},
            {
                "identifiant": "2.a",
                "défi": "D2",
                "intitulé": "Ateliers « Clic-Âge »",
                "pilote": "dsi",
            },
        ],
        "Actions": [
            {"chantier": "1.a", "intitulé": "Prêter des tablettes"},
            {"chantier": "2.a", "intitulé": "Ouvrir l'atelier du mardi"},
        ],
        "Services": [{"identifiant": "dsi", "nom": "Direction du numérique"}],
        "Ressources": [
            {
                "identifiant": "cnum",
                "nom": "Conseillère numérique",
                "type": "intervenant",
                "programme national": "Conseillers numériques",
            },
            {
                "identifiant": "emmaus",
                "nom": "Emmaüs Connect",
                "type": "partenaire de projet",
                "siret": SHARED_SIRET,
            },
        ],
        "Mobilisations": [
            {"chantier": "2.a", "ressource": "cnum", "statut": "opérante"},
            {"chantier": "1.a", "ressource": "emmaus", "statut": "connue, sans lien"},
        ],
    }


ISLE = _rows(
    "isle-vern-salembre",
    "Feuille de route « Périgord connecté » — Isle, Vern & Salembre",
    ISLE_IRI,
    "Tiers-lieu à Neuvic : prêt d'équipements",
)
FOYEN = _rows(
    "pays-foyen",
    "Pays Foyen : cœur numérique, été 2025 ✓",
    FOYEN_IRI,
    "Bus « Numérique en fête » à Sainte-Foy-la-Grande",
)


def _fill(path: Path, rows: Rows) -> None:
    """Type ``rows`` into the template as a user would, under each sheet's headers."""
    book = openpyxl.load_workbook(path)
    for sheet, lines in rows.items():
        tab = book[sheet]
        headers = [cell.value for cell in tab[1]]
        for offset, cells in enumerate(lines):
            for column, value in cells.items():
                tab.cell(row=2 + offset, column=headers.index(column) + 1, value=value)
    book.save(path)


def workbook(folder: Path, name: str, siren: str, rows: Rows) -> Path:
    """The template of EPCI ``siren`` filled with ``rows``, as ``folder/name.xlsx``."""
    path = folder / f"{name}.xlsx"
    assert main(["modele", "--epci", siren, str(path)]) == 0
    _fill(path, rows)
    return path


@dataclass(frozen=True)
class Territories:
    """The three sources, and their graphs as built (for expectations)."""

    perigueux_jsonld: Path
    isle_xlsx: Path
    foyen_trig: Path
    graphs: dict[str, Graph]

    @property
    def sources(self) -> list[Path]:
        return [self.perigueux_jsonld, self.isle_xlsx, self.foyen_trig]


def _exported(graph: Graph, folder: Path, suffix: str) -> Path:
    files = export_graph(graph, folder)
    return next(f for f in files if f.name == f"feuille-de-route{suffix}")


def make_territories(folder: Path) -> Territories:
    """Write the three sources under ``folder``."""
    perigueux = load_roadmap(None)
    isle_path = workbook(folder, "isle-vern-salembre", "200040095", ISLE)
    foyen_book = workbook(folder, "pays-foyen", "243301371", FOYEN)
    foyen = build_graph(read_workbook(foyen_book))
    return Territories(
        perigueux_jsonld=_exported(perigueux, folder / "perigueux", ".jsonld"),
        isle_xlsx=isle_path,
        foyen_trig=_exported(foyen, folder / "foyen", ".trig"),
        graphs={
            GRAND_PERIGUEUX_IRI: perigueux,
            ISLE_IRI: build_graph(read_workbook(isle_path)),
            FOYEN_IRI: foyen,
        },
    )


class LocalServer:
    """A real ``http.server`` on 127.0.0.1 in a thread, serving with ``handler``; its
    request threads are daemons, so a handler that hangs never blocks the test's end."""

    def __init__(self, handler: type[http.server.BaseHTTPRequestHandler]) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "LocalServer":
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def serve_folder(folder: Path) -> LocalServer:
    """A local server for the files of ``folder`` (quiet)."""

    class Files(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return LocalServer(Files)
