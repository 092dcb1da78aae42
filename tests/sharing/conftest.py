"""Tools nobody here wrote, found where Debian and PyPI put them, and the exports they read.

Apache Jena comes from Debian (``libapache-jena-java``): its class path is resolved from
the Maven descriptors Debian installs in ``/usr/share/maven-repo`` (``/usr/share/java/*``
holds clashing logging bindings), with ``slf4j-simple`` so that riot's warnings reach
stderr, and Debian's relocated Xerces message bundles copied where its classes look for
them (without them, Jena cannot start). ``rapper`` comes from ``raptor2-utils``, the
``oxigraph`` command and pyld from the dev extras. A missing tool skips its tests with the
reason, and fails them under ``CI=true``.
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDFS, Graph, Literal, URIRef

from feuille_de_route import UserError
from feuille_de_route.graph import export_graph, load_roadmap
from feuille_de_route.graph.store import roadmap_graph_name

from .arq import JVM_OPTIONS, Arq, compile_arq

MAVEN_REPO = Path("/usr/share/maven-repo")
JAVA_JARS = Path("/usr/share/java")
_POM = "{http://maven.apache.org/POM/4.0.0}"
_XERCES = "org/apache/jena/ext/xerces/impl/"
# What a JSON-P implementation declares; Jena's default JSON-LD 1.1 reader (Titanium)
# needs one, and Debian packages only the API (libjsonp2-java).
JSONP_SERVICE = "META-INF/services/jakarta.json.spi.JsonProvider"


def in_ci() -> bool:
    """As ``tests/conftest.py``: ``CI=true`` turns a missing tool into a failure."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def require(found: object, reason: str) -> None:
    """Skip (fail under ``CI=true``) with ``reason`` unless ``found``."""
    if found:
        return
    if in_ci():
        pytest.fail(f"CI=true : {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Run:
    """What a command printed and returned."""

    returncode: int
    stdout: str
    stderr: str


def run(command: Sequence[str | Path]) -> Run:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    return Run(done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True)
class Jena:
    """Java and the class path that runs Debian's Jena commands (``riotcmd.riot``...)."""

    java: str
    classpath: str

    def riot(self, *arguments: str | Path) -> Run:
        return run([self.java, *JVM_OPTIONS, "-cp", self.classpath, "riotcmd.riot", *arguments])


def _pom_folder(group: str, artifact: str) -> Path | None:
    base = MAVEN_REPO / group.replace(".", "/") / artifact
    if (base / "debian").is_dir():
        return base / "debian"
    versions = sorted(p for p in base.glob("*") if p.is_dir()) if base.is_dir() else []
    return versions[-1] if versions else None


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(_POM + tag)
    return (found.text or "").strip() if found is not None else ""


def maven_jars(group: str, artifact: str) -> list[Path]:
    """The jars of ``group:artifact`` and of its runtime dependencies, from Debian's
    Maven repository (a missing dependency is left out: the command then says what)."""
    seen: set[tuple[str, str]] = set()
    jars: list[Path] = []
    pending = [(group, artifact)]
    while pending:
        key = pending.pop(0)
        if key in seen:
            continue
        seen.add(key)
        folder = _pom_folder(*key)
        if folder is None:
            continue
        jars.extend(sorted(folder.glob("*.jar")))
        for pom in sorted(folder.glob("*.pom"))[:1]:
            dependencies = ET.parse(pom).getroot().find(_POM + "dependencies")
            for dependency in [] if dependencies is None else list(dependencies):
                if _text(dependency, "scope") in {"test", "provided", "system"}:
                    continue
                if _text(dependency, "optional") != "true":
                    pending.append((_text(dependency, "groupId"), _text(dependency, "artifactId")))
    return jars


def _xerces_bundles(core: Path, folder: Path) -> Path:
    """Debian's jena-core has Xerces's classes under ``xerces.impl`` but its message
    bundles still under ``org/apache/jena/ext/xerces/impl``: copy them where the classes
    look for them."""
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith(_XERCES) and name.endswith(".properties"):
                target = folder / "xerces" / "impl" / name[len(_XERCES) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return folder


def jsonp_jars() -> list[Path]:
    """The JSON-P implementations installed beside Debian's jars (none on bookworm)."""
    found = []
    for jar in sorted([*JAVA_JARS.glob("*json*.jar"), *JAVA_JARS.glob("*parsson*.jar")]):
        with zipfile.ZipFile(jar) as archive:
            if JSONP_SERVICE in archive.namelist():
                found.append(jar)
    return found


@pytest.fixture(scope="session")
def jena(tmp_path_factory: pytest.TempPathFactory) -> Jena:
    from feuille_de_route.ontology import java_executable

    try:
        java = java_executable()
    except UserError as exc:
        require(False, str(exc))
    jars = maven_jars("org.apache.jena", "jena-cmds")
    core = [jar for jar in jars if jar.name.startswith("jena-core")]
    require(
        core and any(jar.name.startswith("jena-cmds") for jar in jars),
        "Apache Jena introuvable dans /usr/share/maven-repo : apt-get install "
        "--no-install-recommends libapache-jena-java",
    )
    binding = JAVA_JARS / "slf4j-simple.jar"
    require(binding.is_file(), f"{binding} introuvable (paquet Debian libslf4j-java)")
    bundles = _xerces_bundles(core[0], tmp_path_factory.mktemp("xerces"))
    extra = jsonp_jars()
    classpath = [bundles, *jars, binding, *extra]
    return Jena(str(java), ":".join(map(str, classpath)))


@pytest.fixture(scope="session")
def arq(jena: Jena, tmp_path_factory: pytest.TempPathFactory) -> Arq:
    """``ArqSelect`` compiled once for the session (javac takes seconds)."""
    return compile_arq(jena.java, jena.classpath, tmp_path_factory.mktemp("arq"))


@pytest.fixture(scope="session")
def rapper() -> str:
    found = shutil.which("rapper")
    require(found, "rapper introuvable : apt-get install --no-install-recommends raptor2-utils")
    assert found is not None
    return found


@pytest.fixture(scope="session")
def oxigraph_cli() -> Path:
    command = Path(sys.executable).parent / "oxigraph"
    require(command.is_file(), f"{command} introuvable : pip install -e '.[dev]' (oxigraph)")
    return command


AWKWARD = 'Guillemets " et \'\'\' triples """, barre \\ oblique, ligne\nsuivante, \u202e, 🙂'


def _awkward(graph: Graph) -> Graph:
    """``graph`` plus text and an IRI that serialisers must escape."""
    awkward = Graph()
    for triple in graph:
        awkward.add(triple)
    roadmap = URIRef(roadmap_graph_name(graph))
    thing = URIRef(f"{roadmap}enjeu/%C3%A9%20%22x%22%20%3Cy%3E")
    awkward.add((roadmap, DCTERMS.description, Literal(AWKWARD, lang="fr")))
    awkward.add((thing, RDFS.label, Literal(AWKWARD)))
    awkward.add((thing, DCTERMS.identifier, Literal('é "x" <y>')))
    return awkward


@pytest.fixture(scope="session", params=["grand-perigueux", "texte-piege"])
def roadmap(request: pytest.FixtureRequest) -> Graph:
    """The Grand Périgueux, and the same with text that needs escaping."""
    graph = load_roadmap(None)
    return graph if request.param == "grand-perigueux" else _awkward(graph)


@pytest.fixture(scope="session")
def exports(roadmap: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``roadmap`` exported as ``construire`` does."""
    folder = tmp_path_factory.mktemp("rdf")
    export_graph(roadmap, folder)
    return folder
