"""Why a query answered no row: a parameter that names nothing in the store, named graphs
the default graph does not show, or a legitimate empty answer.

Asked only after an empty answer, with a few ``ASK`` queries whose values are bound as
terms like every parameter. The catalogue reads the default graph; a server that keeps
its named graphs out of it answers every query with nothing, which is said, not shown
as « 0 ligne ».
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from feuille_de_route import UserError, terminal_safe
from feuille_de_route.graph.store import Store

from ._querydef import QueryDef

__all__ = ["NOTHING_FOUND_EXIT", "NothingFound", "diagnose"]

# The exit code of « requete » when its empty answer does not come from the data.
NOTHING_FOUND_EXIT = 3

_PREFIXES = (
    "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)
_ROADMAP_DATA = _PREFIXES + "ASK { ?e fdr:feuilleDeRoute ?r }"
_ROADMAP_DATA_IN_GRAPHS = _PREFIXES + "ASK { GRAPH ?g { ?e fdr:feuilleDeRoute ?r } }"
_ROADMAP = _PREFIXES + "ASK { ?_valeur a fdr:FeuilleDeRoute }"
_ROADMAPS = _PREFIXES + (
    "SELECT DISTINCT ?r WHERE { ?r a fdr:FeuilleDeRoute } ORDER BY STR(?r) LIMIT 11"
)
_CHANTIER = _PREFIXES + "ASK { ?c a fdr:Chantier ; dcterms:identifier ?_valeur }"
_CHANTIER_IN = _PREFIXES + (
    "ASK { ?c a fdr:Chantier ; dcterms:identifier ?_valeur ; "
    "fdr:defi/fdr:repondA/fdr:feuilleDeRoute ?_feuilleDeRoute }"
)
_CHANTIERS_IN = _PREFIXES + (
    "SELECT DISTINCT ?id WHERE { ?c a fdr:Chantier ; dcterms:identifier ?id ; "
    "fdr:defi/fdr:repondA/fdr:feuilleDeRoute ?_feuilleDeRoute } ORDER BY ?id LIMIT 31"
)
_CHANTIERS = _PREFIXES + (
    "SELECT DISTINCT ?id WHERE { ?c a fdr:Chantier ; dcterms:identifier ?id } ORDER BY ?id LIMIT 31"
)
_IDENTIFIER = _PREFIXES + "ASK { ?x dcterms:identifier ?_valeur }"
_NODE = "ASK { { ?_valeur ?p ?o } UNION { ?s ?q ?_valeur } }"

UNION_HINT = (
    "lancez-le avec « oxigraph serve --union-default-graph », ou déclarez "
    "« tdb2:unionDefaultGraph true » dans le jeu de données Fuseki (GraphDB et Virtuoso "
    "le font par défaut), ou chargez les fichiers Turtle dans le graphe par défaut"
)


class NothingFound(UserError):
    """The answer is empty because the store holds nothing the question names (exit 3)."""

    exit_code = NOTHING_FOUND_EXIT


@dataclass(frozen=True)
class _Listed:
    """A few values found in the store, said in a message (at most ``limit``)."""

    values: list[str]
    limit: int

    def __str__(self) -> str:
        if not self.values:
            return "aucun"
        shown = [terminal_safe(v) for v in self.values[: self.limit]]
        more = " …" if len(self.values) > self.limit else ""
        return ", ".join(shown) + more


def _column(store: Store, query: str, bindings: Mapping[str, Identifier], limit: int) -> _Listed:
    result = store.select(query, bindings)
    values = [str(row[result.variables[0]]) for row in result.rows]
    return _Listed(values, limit)


def _hidden_graphs(store: Store) -> NothingFound | None:
    if store.ask(_ROADMAP_DATA, {}):
        return None
    if store.ask(_ROADMAP_DATA_IN_GRAPHS, {}):
        return NothingFound(
            "aucune ligne, et pour cause : le serveur ne montre pas ses graphes nommés dans "
            "le graphe par défaut, où lisent les requêtes du catalogue (ses feuilles de route "
            f"sont dans des graphes nommés) : {UNION_HINT}."
        )
    return NothingFound(
        "aucune ligne, et pour cause : le stockage ne contient aucune feuille de route "
        "(aucun nœud relié par fdr:feuilleDeRoute)."
    )


def _roadmap(store: Store, iri: URIRef) -> NothingFound | None:
    if store.ask(_ROADMAP, {"_valeur": iri}):
        return None
    present = _column(store, _ROADMAPS, {}, 10)
    return NothingFound(
        f"aucune feuille de route d'IRI <{terminal_safe(str(iri))}> dans le stockage ; "
        f"celles présentes : {present} (liste : feuille-de-route requete feuilles-de-route)."
    )


def _chantier(store: Store, value: Literal, roadmap: URIRef | None) -> NothingFound | None:
    if roadmap is None:
        if store.ask(_CHANTIER, {"_valeur": value}):
            return None
        present = _column(store, _CHANTIERS, {}, 30)
        where = "dans le stockage"
    else:
        bindings: dict[str, Identifier] = {"_valeur": value, "_feuilleDeRoute": roadmap}
        if store.ask(_CHANTIER_IN, bindings):
            return None
        present = _column(store, _CHANTIERS_IN, {"_feuilleDeRoute": roadmap}, 30)
        where = f"dans la feuille de route <{terminal_safe(str(roadmap))}>"
    return NothingFound(
        f"aucun chantier d'identifiant « {terminal_safe(str(value))} » {where} ; "
        f"identifiants présents : {present}."
    )


def _other(store: Store, name: str, kind: str, value: Identifier) -> NothingFound | None:
    if kind == "IRI" and isinstance(value, URIRef):
        if store.ask(_NODE, {"_valeur": value}):
            return None
        return NothingFound(
            f"le paramètre {name} : aucun nœud d'IRI <{terminal_safe(str(value))}> "
            "dans le stockage."
        )
    if kind == "ID" and not store.ask(_IDENTIFIER, {"_valeur": value}):
        return NothingFound(
            f"le paramètre {name} : aucun élément d'identifiant « "
            f"{terminal_safe(str(value))} » dans le stockage."
        )
    return None


def diagnose(
    query: QueryDef, store: Store, bindings: Mapping[str, Identifier]
) -> NothingFound | None:
    """Why ``query``, bound with ``bindings``, answered no row on ``store``.

    A :class:`NothingFound` (a French ``UserError``, exit code 3) when the empty answer
    does not come from the data: the store shows no roadmap in its default graph (its
    named graphs hidden, or none at all), or a scoping parameter (an IRI or an
    identifier: ``feuilleDeRoute``, ``chantier``…) names nothing in it; ``None`` when
    the parameters name things that are there and the answer is really empty.
    """
    found = _hidden_graphs(store)
    if found is not None:
        return found
    roadmap = bindings.get("_feuilleDeRoute")
    if isinstance(roadmap, URIRef):
        found = _roadmap(store, roadmap)
        if found is not None:
            return found
    else:
        roadmap = None
    for parameter in query.parameters:
        value = bindings.get(parameter.variable)
        if value is None or parameter.name == "feuilleDeRoute":
            continue
        if parameter.name == "chantier" and isinstance(value, Literal):
            found = _chantier(store, value, roadmap)
        else:
            found = _other(store, parameter.name, parameter.type, value)
        if found is not None:
            return found
    return None
