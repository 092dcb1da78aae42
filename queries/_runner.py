"""Run catalogue queries and users' own queries against any store."""

from __future__ import annotations

import datetime
import decimal
import functools
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Identifier

from feuille_de_route import UserError
from feuille_de_route.graph.store import SelectResult, Store

from ._diagnosis import NothingFound, diagnose
from ._federation import run_federated
from ._guard import bind_services, check_access, federated, service_parameters
from ._parameters import bind_parameters
from ._querydef import Parameter, QueryDef, parse_query_text
from ._syntax import check_select
from ._values import to_python

__all__ = [
    "CATALOGUE_DIR",
    "FEDERATION_DIR",
    "USER_QUERY_NAME",
    "catalogue",
    "explain_empty",
    "federated_catalogue",
    "get_query",
    "load_query_file",
    "parse_user_query",
    "run_query",
    "run_query_text",
    "run_select",
    "scope_of",
    "select",
]

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
# Queries over two servers at once (SERVICE): kept apart from the catalogue, whose every
# query runs on one store alone (tests compare them on rdflib, Oxigraph and Jena ARQ).
FEDERATION_DIR = Path(__file__).resolve().parent / "federation"
USER_QUERY_NAME = "requête personnelle"


@functools.lru_cache(maxsize=2)
def _queries(folder: Path) -> dict[str, QueryDef]:
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        queries[path.stem] = parse_query_text(path.read_text(encoding="utf-8"), path.stem, path)
    return queries


def _catalogue() -> dict[str, QueryDef]:
    return _queries(CATALOGUE_DIR)


def catalogue() -> list[QueryDef]:
    """Every query of ``queries/catalogue/``, sorted by name."""
    return list(_catalogue().values())


def federated_catalogue() -> list[QueryDef]:
    """Every query of ``queries/federation/`` (they call another server), sorted by name."""
    return list(_queries(FEDERATION_DIR).values())


def get_query(name: str) -> QueryDef:
    """The catalogue (or federated) query called ``name``; a French error lists them."""
    queries = _catalogue()
    federated = _queries(FEDERATION_DIR)
    found = queries.get(name) or federated.get(name)
    if found is not None:
        return found
    raise UserError(
        f"Requête inconnue : « {name} ». Requêtes du catalogue : "
        + ", ".join(queries)
        + " ; sur deux serveurs (SERVICE, avec --federation) : "
        + ", ".join(federated)
        + " (liste détaillée : feuille-de-route requetes)."
    )


def _implicit(name: str, value: object) -> Parameter:
    """Type of a parameter a user's query uses without declaring it, from its value.

    A text written ``<…>`` is an IRI, other texts are strings.
    """
    if isinstance(value, bool):
        kind = "string"
    elif isinstance(value, int):
        kind = "integer"
    elif isinstance(value, float | decimal.Decimal):
        kind = "decimal"
    elif isinstance(value, datetime.date):
        kind = "date"
    else:
        kind = "string"
    return Parameter(name=name, type=kind, description="paramètre non déclaré")


def _user_parameters(
    query: QueryDef, params: Mapping[str, object]
) -> tuple[QueryDef, dict[str, object]]:
    """Declare, for a user's query, the parameters it uses without a ``#+`` header."""
    extra: list[Parameter] = []
    values = dict(params)
    for name, value in params.items():
        if query.parameter(name) is not None or value is None:
            continue
        if not re.search(rf"[?$]_{re.escape(name)}(?![\w])", query.text):
            continue  # left for bind_parameters to report as unknown
        if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
            extra.append(Parameter(name=name, type="IRI", description="paramètre non déclaré"))
            values[name] = value[1:-1]
        else:
            extra.append(_implicit(name, value))
    if not extra:
        return query, values
    return (
        QueryDef(
            name=query.name,
            title=query.title,
            description=query.description,
            parameters=query.parameters + tuple(extra),
            tags=query.tags,
            text=query.text,
            path=query.path,
            declared_scope=query.declared_scope,
        ),
        values,
    )


def parse_user_query(text: str, path: Path | None = None) -> QueryDef:
    """A user's SELECT query (with or without ``#+`` header), syntax-checked."""
    name = path.stem if path is not None else USER_QUERY_NAME
    where = f"« {path} »" if path is not None else "(requête personnelle)"
    check_select(text, where)
    return parse_query_text(text, name, path)


def load_query_file(path: Path) -> QueryDef:
    """Read and check a user's ``.rq`` file; French errors for a missing file or bad syntax."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Fichier de requête introuvable : « {path} ».") from None
    except UnicodeDecodeError:
        raise UserError(f"Le fichier de requête « {path} » n'est pas en UTF-8.") from None
    except OSError as exc:
        raise UserError(f"Lecture impossible du fichier de requête « {path} » : {exc}.") from None
    return parse_user_query(text, path)


def _own_graphs(store: Store) -> Collection[str]:
    names = getattr(store, "graph_names", None)
    return list(names()) if callable(names) else []


def select(query: QueryDef, store: Store, **params: object) -> SelectResult:
    """Run ``query`` on ``store`` with ``params`` bound as RDF terms; raw terms come back.

    Parameters are checked against the header (unknown, missing or ill-typed values
    raise a French :class:`UserError`); a user's query may also use ``?_name`` without
    declaring it, the value's Python type then gives the RDF type. A query that would
    reach outside the store is refused (see :func:`run_select`).
    """
    return run_select(query, store, params)


def run_select(
    query: QueryDef,
    store: Store,
    params: Mapping[str, object],
    *,
    federation: Collection[str] = (),
) -> SelectResult:
    """:func:`select`, with ``SERVICE`` allowed to the servers in ``federation``.

    Before it runs, the query is refused if it would reach outside the store: a
    ``SERVICE`` to a server not in ``federation`` (a host, ``host:port`` or an address),
    a ``FROM`` naming a graph the store does not hold. A server named by a parameter
    (``SERVICE ?_serveur``) is checked, then written in the text (``bind_services``).
    """
    where = f"« {query.path} »" if query.path is not None else f"« {query.name} »"
    query, bindings = _bound(query, params)
    text, bindings = bind_services(query.text, bindings, where, federation)
    check_access(text, where, lambda: _own_graphs(store), federation)
    servers = federated(text)
    if not servers:
        return store.select(text, bindings, scope_of(query, bindings))
    return run_federated(store, text, bindings, servers)


def scope_of(query: QueryDef, bindings: Mapping[str, Identifier]) -> tuple[str, ...]:
    """The IRIs of the roadmaps ``query`` reads (its header's ``portee``), when every
    parameter of its scope is bound to an IRI; else ``()``: the whole store."""
    values = [bindings.get(f"_{name}") for name in query.scope]
    if not values or not all(isinstance(value, URIRef) for value in values):
        return ()
    return tuple(dict.fromkeys(str(value) for value in values))


def _bound(query: QueryDef, params: Mapping[str, object]) -> tuple[QueryDef, dict[str, Identifier]]:
    """``query`` (a user's one with its undeclared parameters declared) and its bindings."""
    values: Mapping[str, object] = params
    if query.path is None or query.path.parent not in (CATALOGUE_DIR, FEDERATION_DIR):
        query, values = _user_parameters(query, params)
    return query, bind_parameters(query, values)


def explain_empty(
    query: QueryDef, store: Store, params: Mapping[str, object]
) -> NothingFound | None:
    """Why ``query`` with ``params`` answered no row on ``store`` (ask after an empty answer).

    A :class:`NothingFound` (French message, exit code 3) when the store shows no roadmap
    in its default graph (named graphs it keeps out of it, or none) or a parameter
    naming a roadmap, a chantier or another node names nothing there; ``None`` when the
    answer is legitimately empty.
    """
    query, bindings = _bound(query, params)
    servers = service_parameters(query.text)
    return diagnose(query, store, {k: v for k, v in bindings.items() if k not in servers})


def _rows(result: SelectResult) -> list[dict[str, object]]:
    variables = list(result.variables)
    return [{v: to_python(row.get(v)) for v in variables} for row in result.rows]


def run_query(name: str, store: Store, **params: object) -> list[dict[str, object]]:
    """Run the catalogue query ``name``; rows map each SELECT variable to a Python value.

    Values: ``str`` for IRIs and texts, ``int``, ``float`` (decimals too), ``bool``,
    ``datetime.date``, or ``None`` when unbound.
    """
    return _rows(select(get_query(name), store, **params))


def run_query_text(text: str, store: Store, **params: object) -> list[dict[str, object]]:
    """Run a user's own SELECT query (``#+`` header optional), rows as in :func:`run_query`."""
    return _rows(select(parse_user_query(text), store, **params))
