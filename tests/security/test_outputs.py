"""Issue 9, output side: what the commands write, print and send is safe.

Rows 6 (CSV formulas), 7 and 8 (every output error is a French message, exit 2; device
files are never replaced), 9 (no password in messages), 10 (control characters shown,
not run), 11 (only http/https servers) and 12 (multi-file outputs replaced as one unit,
no temporary left) of the issue's table.
"""

from __future__ import annotations

import contextlib
import csv
import http.server
import io
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from feuille_de_route import restore_csv_cell
from feuille_de_route.cli import main

_FORMULAS = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "'déjà"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _values_query(tmp_path: Path, values: list[str]) -> Path:
    """A query answering ``values`` (one row each), written with SPARQL escapes."""

    echar = {"\t": "\\t", "\r": "\\r", "\n": "\\n", '"': '\\"', "\\": "\\\\"}

    def literal(text: str) -> str:
        escaped = "".join(
            echar.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 0x20 else c) for c in text
        )
        return f'("{escaped}")'

    path = tmp_path / "valeurs.rq"
    rows = " ".join(literal(v) for v in values)
    path.write_text(f"SELECT ?x WHERE {{ VALUES (?x) {{ {rows} }} }}", encoding="utf-8")
    return path


# Row 6 -----------------------------------------------------------------------------


def test_csv_result_neutralises_formula_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _values_query(tmp_path, _FORMULAS)
    target = tmp_path / "resultat.csv"
    code, _, err = _run(
        capsys, "requete", "--fichier", str(rq), "--format", "csv", "--sortie", str(target)
    )
    assert code == 0, err
    text = target.read_bytes().decode("utf-8")  # CR kept: it is data here
    cells = [row[0] for row in csv.reader(io.StringIO(text, newline=""))]
    assert cells[0] == "x"
    for cell in cells[1:]:
        assert cell.startswith("'"), cell
    assert [restore_csv_cell(cell) for cell in cells[1:]] == _FORMULAS
    code, out, _ = _run(capsys, "requete", "--fichier", str(rq), "--format", "csv")
    assert code == 0
    assert "\n=1+1" not in out and "'=1+1" in out


def test_csv_result_keeps_numbers_as_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = tmp_path / "nombre.rq"
    rq.write_text("SELECT ?n WHERE { BIND(-3 AS ?n) }", encoding="utf-8")
    code, out, _ = _run(capsys, "requete", "--fichier", str(rq), "--format", "csv")
    assert code == 0
    assert out.splitlines()[1] == "-3"


# Row 10 ----------------------------------------------------------------------------

_ESCAPE = "\x1b]0;pirate\x07\x1b[31mROUGE"


@pytest.mark.parametrize("format", ["table", "csv", "markdown"])
def test_terminal_output_shows_control_characters_escaped(
    format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rq = _values_query(tmp_path, [_ESCAPE])
    code, out, _ = _run(capsys, "requete", "--fichier", str(rq), "--format", format)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out and "ROUGE" in out
    if format != "table":  # a file keeps the data
        target = tmp_path / f"sortie.{format}"
        code, _, _ = _run(
            capsys, "requete", "--fichier", str(rq), "--format", format, "--sortie", str(target)
        )
        assert code == 0
        assert "\x1b[31mROUGE" in target.read_text("utf-8")


class _Server:
    """A server on 127.0.0.1 answering every request with ``status`` and ``body``."""

    def __init__(self, status: int, body: bytes) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                server.requests.append((self.command, self.path, dict(self.headers)))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def hostile_server() -> Iterator[_Server]:
    server = _Server(400, f"requête refusée {_ESCAPE}".encode())
    yield server
    server.close()


def test_server_error_body_is_shown_escaped(
    hostile_server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{hostile_server.port}/query"
    code, _, err = _run(capsys, "requete", "arbre", "--endpoint", url)
    assert code == 2
    assert "requête refusée" in err
    assert "\x1b" not in err and "\x07" not in err and "\\x1b" in err


# Row 9 -----------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_credentials_in_urls_never_appear_in_messages(
    hostile_server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = f"http://alice:s3cr3t-mdp@127.0.0.1:{_closed_port()}/"
    code, out, err = _run(capsys, "publier", "--endpoint", closed, "--delai", "5")
    assert code == 2
    assert "s3cr3t-mdp" not in out + err
    for command in (["requete", "arbre"], ["carto", "--vue", "lacunes", "--sortie", "x.html"]):
        code, out, err = _run(capsys, *command, "--endpoint", closed)
        assert code == 2
        assert "s3cr3t-mdp" not in out + err
    # Sent as an Authorization header, never in the request line; still never shown.
    answering = f"http://alice:s3cr3t-mdp@127.0.0.1:{hostile_server.port}/"
    code, out, err = _run(capsys, "publier", "--endpoint", answering)
    assert code == 2 and "s3cr3t-mdp" not in out + err
    method, path, headers = hostile_server.requests[-1]
    assert method == "PUT" and "s3cr3t" not in path
    assert headers.get("Authorization", "").startswith("Basic ")


# Row 11 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "depot", ["data:text/plain,hello", "file:///tmp/depot", "ftp://127.0.0.1/depot"]
)
def test_publier_accepts_only_http_servers(
    depot: str, hostile_server: _Server, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = f"http://127.0.0.1:{hostile_server.port}/"
    code, out, err = _run(capsys, "publier", "--endpoint", endpoint, "--depot", depot)
    assert code == 2
    assert "Publié" not in out and "http" in err
    assert hostile_server.requests == []
    code, out, err = _run(capsys, "publier", "--endpoint", depot)
    assert code == 2 and "Publié" not in out


# Rows 7 and 8 ----------------------------------------------------------------------


def _full_device(tmp_path: Path) -> Path:
    """A device node like /dev/full (char 1:7), private to the test: if the code under
    test replaced it, the machine's own /dev/full would be left alone."""
    device = tmp_path / "full"
    if not device.exists():
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return device


def _situations(tmp_path: Path) -> dict[str, Path]:
    regular = tmp_path / "fichier.txt"
    regular.write_text("à garder", encoding="utf-8")
    folder = tmp_path / "dossier.xlsx"
    folder.mkdir(exist_ok=True)
    return {
        "sous-un-fichier": regular / "sortie",
        "proc": Path("/proc/feuille-de-route-essai/sortie"),
        "peripherique": _full_device(tmp_path),
        "dossier-pour-fichier": folder,
        "fichier-pour-dossier": regular,
    }


def _commands(target: Path) -> dict[str, list[str]]:
    return {
        "construire": ["construire", "--sortie", str(target)],
        "construire-classeur": ["construire", "--classeur", str(target)],
        "modele": ["modele", str(target)],
        "requete": ["requete", "arbre", "--sortie", str(target)],
        "carto-toutes": ["carto", "--sortie", str(target)],
        "carto-vue": ["carto", "--vue", "lacunes", "--sortie", str(target)],
        "demo": ["demo", "--sortie", str(target)],
    }


# A folder named x.xlsx is a fine output folder for commands writing folders, and an
# existing regular file is replaced by ``requete --sortie``: those pairs are not errors.
_NOT_ERRORS = {
    ("dossier-pour-fichier", "construire"),
    ("dossier-pour-fichier", "carto-toutes"),
    ("dossier-pour-fichier", "carto-vue"),
    ("dossier-pour-fichier", "demo"),
    ("fichier-pour-dossier", "requete"),
}


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs filled to the last byte (the test runs as root, see the brief)."""
    mount = tmp_path / "disque"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        check=False,
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here: " + done.stderr.decode(errors="replace"))
    try:
        filler = os.open(mount / "remplissage", os.O_WRONLY | os.O_CREAT, 0o644)
        with contextlib.suppress(OSError):
            while True:
                os.write(filler, b"x" * 4096)
        os.close(filler)
        yield mount / "sortie"
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    "situation",
    ["sous-un-fichier", "proc", "peripherique", "dossier-pour-fichier", "fichier-pour-dossier"],
)
def test_every_command_reports_every_output_error_in_french(
    situation: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _assert_every_command_fails(situation, _situations(tmp_path)[situation], tmp_path, capsys)


@pytest.mark.timeout(600)
def test_every_command_reports_a_full_disk_in_french(
    full_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fichier.txt").write_text("à garder", encoding="utf-8")
    _assert_every_command_fails("disque-plein", full_disk, tmp_path, capsys)


def _assert_every_command_fails(
    situation: str, target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, argv in _commands(target).items():
        if (situation, name) in _NOT_ERRORS:
            continue
        code, out, err = _run(capsys, *argv)
        assert code == 2, (name, out, err)
        assert err.startswith("Erreur : "), (name, err)
        assert "Traceback" not in out + err, name
        assert stat.S_ISCHR(os.stat(_full_device(tmp_path)).st_mode), name
        assert (tmp_path / "fichier.txt").read_text(encoding="utf-8") == "à garder", name


def test_dev_full_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = _full_device(tmp_path)
    code, out, err = _run(capsys, "requete", "arbre", "--sortie", str(device))
    assert code == 2
    assert "écrite" not in out + err
    assert str(device) in err
    assert stat.S_ISCHR(os.stat(device).st_mode)


def _cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "feuille_de_route", *argv]


@pytest.mark.parametrize(
    "argv",
    [
        ["requete", "arbre"],
        ["requetes"],
        ["requete", "arbre", "--format", "csv"],
        ["valider", "--sans-raisonneur"],
    ],
)
def test_output_piped_into_a_closed_reader_stops_cleanly(argv: list[str]) -> None:
    process = subprocess.Popen(
        _cli(*argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader (``head``) is gone before anything is written
    _, err = process.communicate(timeout=300)
    assert process.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "Erreur : " in err


# Row 12 ----------------------------------------------------------------------------

_KILLER = """
import os, signal, sys
from pathlib import Path
class Dying(dict):
    # Killed (SIGKILL, nothing cleaned up) while the third file is being written.
    def _dying(self, items):
        for number, item in enumerate(items):
            if number == 2:
                os.kill(os.getpid(), signal.SIGKILL)
            yield item

    def items(self):
        return self._dying(super().items())

    def values(self):
        return self._dying(super().values())

folder, mode, names = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
files = Dying({name: b"nouveau" for name in names})
if mode == "pages":
    from feuille_de_route import atomic_write_tree
    atomic_write_tree(folder, files, owned=lambda name: name.endswith(".html"))
else:
    from feuille_de_route import atomic_write_files
    atomic_write_files(folder, files)
"""


def _kill_while_writing(folder: Path, mode: str, names: list[str]) -> None:
    killed = subprocess.run([sys.executable, "-c", _KILLER, str(folder), mode, *names], check=False)
    assert killed.returncode == -signal.SIGKILL


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def _temporaries(folder: Path) -> list[str]:
    """Hidden names beside or inside ``folder``: where temporaries are written."""
    inside = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    return _hidden(folder) + inside


def test_killed_cartography_leaves_the_old_set_and_no_temporary_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cartes"
    out.mkdir()
    old = {f"chantier-autre-{n}.html": f"ancienne {n}" for n in range(3)}
    for name, text in old.items():
        (out / name).write_text(text, encoding="utf-8")
    _kill_while_writing(out, "pages", [f"page-{n}.html" for n in range(5)])
    assert {p.name: p.read_text("utf-8") for p in out.iterdir()} == old
    code, _, err = _run(capsys, "carto", "--sortie", str(out))
    assert code == 0, err
    names = {p.name for p in out.iterdir()}
    assert "index.html" in names and not names & set(old)  # the new set only, no mix
    assert _temporaries(out) == []


def test_killed_construire_leaves_no_temporary_after_the_next_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rdf"
    code, _, _ = _run(capsys, "construire", "--sortie", str(out))
    assert code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _kill_while_writing(out, "files", sorted(before))
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in before} == before
    assert _temporaries(out), "the killed run should have left its temporaries"
    code, _, _ = _run(capsys, "construire", "--sortie", str(out))
    assert code == 0
    assert _temporaries(out) == []
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


def test_a_folder_holding_the_users_files_is_never_swapped(tmp_path: Path) -> None:
    from feuille_de_route import atomic_write_tree

    out = tmp_path / "cartes"
    out.mkdir()
    (out / "notes.txt").write_text("à moi", encoding="utf-8")
    (out / "ancienne.html").write_text("ancienne", encoding="utf-8")
    inode = out.stat().st_ino
    atomic_write_tree(out, {"index.html": b"nouvelle"}, owned=lambda n: n.endswith(".html"))
    assert out.stat().st_ino == inode  # the same folder, updated in place
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "à moi"


def test_a_live_siblings_temporary_is_left_alone(tmp_path: Path) -> None:
    from feuille_de_route import atomic_write_text

    sibling = tmp_path / f".x.2024.{os.getpid()}.abcd_123.tmp"  # temporary of « x.2024 »
    sibling.write_text("en cours", encoding="utf-8")
    dead = tmp_path / ".x.999999999.abcd_123.tmp"  # no such process
    dead.write_text("abandonné", encoding="utf-8")
    atomic_write_text(tmp_path / "x", "nouveau")
    assert sibling.exists() and not dead.exists()
