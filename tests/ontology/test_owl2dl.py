"""fdr.ttl, with the follow-up of actions (suivi.ttl), is in the OWL 2 DL profile, as the
OWL API (inside HermiT's jar) checks it.

The check is a small Java program run with Java's source launcher, which needs a JDK
(``javac``); with a bare JRE the test is skipped.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

import feuille_de_route.ontology
from feuille_de_route.ontology import FDR, java_executable, load_ontology

SUIVI = Path(feuille_de_route.ontology.__file__).parent / "suivi.ttl"

CHECKER = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation v : report.getViolations()) System.out.println(v);
        System.out.println("axioms=" + ontology.getAxiomCount());
        System.exit(report.isInProfile() ? 0 : 1);
    }
}
"""


def profile_violations(graph: Graph, folder: Path) -> tuple[int, str]:
    import owlready2

    if shutil.which("javac") is None:
        pytest.skip("pas de JDK (javac) : le lanceur de sources Java est indisponible")
    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    source = folder / "DLProfile.java"
    source.write_text(CHECKER, encoding="utf-8")
    document = folder / "ontologie.owl"
    graph.serialize(document, format="xml")  # OWL API 3 reads RDF/XML most reliably
    done = subprocess.run(
        [java_executable(), "-cp", str(jar), str(source), str(document)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert "axioms=" in done.stdout, done.stderr
    return done.returncode, done.stdout


@pytest.mark.java
def test_ontology_is_owl2_dl_and_the_checker_can_fail(tmp_path: Path) -> None:
    ontology = load_ontology()
    ontology.parse(SUIVI, format="turtle")  # its terms are fdr:'s, checked together
    code, out = profile_violations(ontology, tmp_path)
    assert code == 0, out
    axioms = int(out.rsplit("axioms=", 1)[1])
    assert axioms > 500
    # a composite property (defined by the chain) may not be functional in OWL 2 DL
    broken = load_ontology()
    broken.add((FDR.mobiliseOperante, RDF.type, OWL.FunctionalProperty))
    code, out = profile_violations(broken, tmp_path)
    assert code == 1
    assert "non-simple property" in out
