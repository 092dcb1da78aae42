"""The one prefix table (``ontology.PREFIXES``): exports, the site and query tables use
it, so it names each namespace as the ontology's own Turtle files do."""

import re
from pathlib import Path

import feuille_de_route.ontology as ontology
from feuille_de_route.ontology import PREFIXES


def test_the_prefix_table_names_each_namespace_as_the_ontology_files_do() -> None:
    folder = Path(ontology.__file__).parent  # the Turtle files ship beside the module
    declared: dict[str, str] = {}
    for path in sorted(folder.glob("*.ttl")):
        for prefix, iri in re.findall(
            r"^@prefix ([\w-]*):\s*<([^>]*)>", path.read_text("utf-8"), re.M
        ):
            declared[iri] = prefix
    table = {str(namespace): prefix for prefix, namespace in PREFIXES.items()}
    shared = set(declared) & set(table)
    assert {"http://rdf.insee.fr/def/geo#", "https://w3id.org/feuille-de-route/themes/"} <= shared
    assert {iri: table[iri] for iri in shared} == {iri: declared[iri] for iri in shared}
