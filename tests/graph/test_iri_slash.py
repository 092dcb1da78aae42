"""Regression: an ID holding ``/`` was minted as ``%2F``, which Apache-based resolvers
(w3id.org) refuse by default; an ID of dots gave a ``.``/``..`` segment."""

from collections.abc import Callable
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph._iris import Minter

BASE = "https://example.org/territoires/essai/"
FDR = "https://w3id.org/feuille-de-route/ontologie#"
Rows = dict[str, list[dict[str, str]]]


def test_iris_never_hold_an_encoded_slash_nor_a_dot_segment() -> None:
    mint = Minter(BASE)
    assert mint.node("enjeu", "a/b") == URIRef(BASE + "enjeu/a~2Fb")
    assert mint.node("enjeu", "..") == URIRef(BASE + "enjeu/~2E~2E")
    assert mint.node("enjeu", "1.b") == URIRef(BASE + "enjeu/1.b")
    for ident in ("a/b", "a~2Fb", "a~b", "~2F", "..", ".", "~2E", "a%2Fb"):
        assert "%2F" not in str(mint.node("enjeu", ident)).upper()


def test_slash_minting_stays_one_to_one() -> None:
    mint = Minter(BASE)
    idents = ["a/b", "a~2Fb", "a~b", "a~7Eb", "~", "~7E", ".", "..", "~2E", "~2E~2E", "a%2Fb"]
    assert len({mint.node("enjeu", i) for i in idents}) == len(idents)


def test_an_id_with_a_slash_builds_without_encoded_slash(
    csv_folder: Callable[[Rows], Path], rows: Rows
) -> None:
    rows["Enjeux"].append({"identifiant": "2/b", "intitulé": "Avec barre"})
    graph = load_roadmap(csv_folder(rows))
    node = URIRef(BASE + "enjeu/2~2Fb")
    assert (node, RDF.type, URIRef(FDR + "Enjeu")) in graph
    assert str(graph.value(node, DCTERMS.identifier)) == "2/b"
    assert not any("%2F" in str(term).upper() for triple in graph for term in triple)


def test_a_lieu_id_with_a_slash_is_minted_without_encoded_slash(tmp_path: Path) -> None:
    import csv

    from feuille_de_route.graph import read_lieux
    from feuille_de_route.graph._lieux_schema import fields

    names = [spec.name for spec in fields()]
    lieu = {
        "id": "structure/1",
        "pivot": "73282932000074",
        "nom": "Médiathèque",
        "commune": "Périgueux",
        "code_postal": "24000",
        "code_insee": "24322",
        "adresse": "2 rue de l'Église",
        "date_maj": "2024-04-02",
        "source": "essai",
    }
    path = tmp_path / "lieux.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        writer.writerow([lieu.get(name, "") for name in names])
    graph = read_lieux(path, base_iri=BASE)
    assert (URIRef(BASE + "lieu/structure~2F1"), DCTERMS.identifier, None) in graph
    assert not any("%2F" in str(term).upper() for triple in graph for term in triple)
