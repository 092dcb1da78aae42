"""The README's tutorial (« Décrire sa feuille de route »), done exactly as it is written:
its ``sh`` blocks run in order with the installed ``feuille-de-route`` command in an
empty folder, each of its tables typed into the workbook ``modele`` wrote (under the
headers of the sheet its bold title names) at the point where the tutorial shows it,
then what it promises is checked: every command succeeds, every file it names exists,
and the cartography shows every enjeu and chantier typed. No copy of the tutorial here:
when the README changes, this test follows it."""

import html
import json
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from feuille_de_route.graph import SHEETS

from ..workbook_fill import fill_xlsx

README = Path(__file__).resolve().parents[2] / "README.md"
TITLE = "## Décrire sa feuille de route"
COMMAND = "feuille-de-route"
SHEET_NAMES = frozenset(spec.name for spec in SHEETS)


@dataclass(frozen=True)
class Commands:
    lines: list[list[str]]


@dataclass(frozen=True)
class Table:
    sheet: str
    rows: list[dict[str, str]]


Step = Commands | Table


def tutorial() -> str:
    """The README's tutorial: its section, up to the reference part or the next section."""
    text = README.read_text(encoding="utf-8")
    start = text.index(TITLE)
    end = text.find("\n## ", start + len(TITLE))
    section = text[start : end if end != -1 else len(text)]
    return section.split("\n### ", 1)[0]


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table line (``\\|`` is a ``|`` inside a cell)."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _sheet_title(lines: list[str], before: int) -> str:
    """The sheet a table belongs to: the bold name opening the last paragraph before it."""
    for line in reversed(lines[:before]):
        found = re.match(r"\*\*(.+?)\*\*", line.strip())
        if found:
            assert found.group(1) in SHEET_NAMES, f"« {found.group(1)} » is no sheet"
            return found.group(1)
    raise AssertionError("a table with no sheet named before it")


def steps(text: str) -> list[Step]:
    """The tutorial's ``sh`` blocks (one command per line) and tables, in order."""
    lines = text.splitlines()
    found: list[Step] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip() == "```sh":
            end = lines.index("```", index + 1)
            block = [shlex.split(cmd, comments=True) for cmd in lines[index + 1 : end]]
            found.append(Commands([words for words in block if words]))
            index = end + 1
        elif line.startswith("|") and index + 1 < len(lines) and lines[index + 1].startswith("|--"):
            headers = _cells(line)
            body = []
            index += 2
            while index < len(lines) and lines[index].startswith("|"):
                values = _cells(lines[index])
                body.append({h: v for h, v in zip(headers, values, strict=True) if v})
                index += 1
            found.append(Table(_sheet_title(lines, index - len(body) - 2), body))
        else:
            index += 1
    return found


def _entry_point() -> str:
    """The installed ``feuille-de-route`` command, beside this Python."""
    path = Path(sys.executable).parent / COMMAND
    assert path.exists(), f"{path}: the package is not installed (make install)"
    return str(path)


def _workbook(words: list[str], folder: Path) -> Path | None:
    """The workbook a ``modele`` command writes, None for another command."""
    if words[1] != "modele":
        return None
    return folder / next(w for w in words[2:] if not w.startswith("-"))


def test_the_tutorial_reads_as_steps() -> None:
    """The parsing itself: commands, then the four required sheets among the tables."""
    found = steps(tutorial())
    commands = [words for step in found if isinstance(step, Commands) for words in step.lines]
    assert commands and all(words[0] == COMMAND for words in commands)
    assert [words[1] for words in commands[:2]] == ["modele", "communes"]
    sheets = {step.sheet for step in found if isinstance(step, Table)}
    assert {"Feuille de route", "Enjeux", "Défis", "Chantiers"} <= sheets
    assert all(step.rows for step in found if isinstance(step, Table))


@pytest.mark.java
def test_the_tutorial_does_what_it_says(tmp_path: Path) -> None:
    text = tutorial()
    command = _entry_point()
    workbook: Path | None = None
    typed: list[Table] = []
    for step in steps(text):
        if isinstance(step, Table):
            assert workbook is not None, "a table before the workbook is written"
            fill_xlsx(workbook, {step.sheet: step.rows})
            typed.append(step)
            continue
        for words in step.lines:
            done = subprocess.run(
                [command, *words[1:]], cwd=tmp_path, capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, (words, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr
            workbook = _workbook(words, tmp_path) or workbook
    assert workbook is not None
    _check_promised_files(text, tmp_path, _roots(steps(text), workbook))
    _check_the_maps_show_what_was_typed(typed, tmp_path)


def _roots(found: list[Step], workbook: Path) -> set[str]:
    """What the run writes at the top of its folder: the workbook, the ``--sortie`` folders."""
    roots = {workbook.name}
    for step in found:
        for words in step.lines if isinstance(step, Commands) else []:
            if "--sortie" in words:
                roots.add(Path(words[words.index("--sortie") + 1]).parts[0])
    return roots


def _check_promised_files(text: str, folder: Path, roots: set[str]) -> None:
    """Every file or folder of the run the tutorial names (in backquotes) exists."""
    named = [n for n in re.findall(r"`([^`\s]+)`", text) if Path(n).parts[0] in roots]
    assert len(named) > 1
    for name in named:
        assert (folder / name).exists(), name


def _check_the_maps_show_what_was_typed(typed: list[Table], folder: Path) -> None:
    """Each enjeu and chantier typed appears, by its label, in the cartography's pages."""
    pages = list(folder.glob("sortie/**/*.html"))
    assert pages
    shown = "\n".join(html.unescape(page.read_text(encoding="utf-8")) for page in pages)
    for table in typed:
        if table.sheet in ("Enjeux", "Chantiers"):
            for row in table.rows:
                label = row["intitulé"]
                encoded = json.dumps(label)[1:-1]
                assert label in shown or encoded in shown, label
