"""A named SPARQL query and its ``#+`` header (YAML in comments).

The ``#+`` comment syntax is grlc's, its conventions are not: grlc substitutes values
into the query text, while every value here is bound as an RDF term (see
``docs/architecture.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from feuille_de_route import UserError, is_absolute_iri

__all__ = ["CODE", "DEFAULT_SCOPE", "PARAMETER_TYPES", "Parameter", "QueryDef", "parse_query_text"]

# The parameter types a header may declare, with the French words used in messages.
PARAMETER_TYPES: dict[str, str] = {
    "IRI": (
        "une IRI absolue (par exemple https://exemple.fr/x), ou abrégée comme l'écrit un "
        "tableau de résultats (fdr:operante, th:competences, …/grand-perigueux/)"
    ),
    "ID": "un identifiant (texte, par exemple 1.b)",
    "string": "un texte",
    "integer": "un nombre entier (par exemple 2)",
    "decimal": "un nombre décimal (par exemple 6.5)",
    "date": "une date AAAA-MM-JJ (par exemple 2024-01-31)",
}

# The parameter that names the one roadmap a query reads, when its header says nothing.
DEFAULT_SCOPE = "feuilleDeRoute"

_HEADER_LINE = re.compile(r"^#\+ ?(.*)$")
_PARAMETER_KEYS = ("nom", "type", "defaut", "description", "obligatoire", "gabarit")
# Where a template puts the code the user gives.
CODE = "{code}"
_PARAMETER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class Parameter:
    """One declared parameter; its value is bound to the query variable ``?_<name>``.

    ``default`` is the value used when the caller gives none; a parameter that is
    neither ``required`` nor defaulted stays unbound, which means "no restriction".
    ``template`` (header key ``gabarit``, IRI parameters only) builds the IRI from a
    code the user gives instead (``…/geo/departement/{code}``: ``24`` or ``2A``).
    """

    name: str
    type: str
    description: str = ""
    default: object | None = None
    required: bool = False
    template: str = ""

    @property
    def variable(self) -> str:
        """The SPARQL variable the value is bound to (without ``?``)."""
        return f"_{self.name}"


@dataclass(frozen=True)
class QueryDef:
    """A query of the catalogue (or a user's ``.rq`` file) with its header."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    tags: tuple[str, ...]
    text: str
    path: Path | None = field(default=None, compare=False)
    declared_scope: tuple[str, ...] | None = None

    def parameter(self, name: str) -> Parameter | None:
        """The declared parameter called ``name``, if any."""
        return next((p for p in self.parameters if p.name == name), None)

    @property
    def scope(self) -> tuple[str, ...]:
        """The parameters naming the roadmaps the query reads (header key ``portee``).

        Bound all, the query reads only those roadmaps (and the vocabulary): a store
        may narrow its dataset to them. Empty: the query spans the store. Without
        ``portee`` in the header, a query with an IRI parameter ``feuilleDeRoute`` reads
        that roadmap alone (the catalogue's rule for that parameter).
        """
        if self.declared_scope is not None:
            return self.declared_scope
        roadmap = self.parameter(DEFAULT_SCOPE)
        return (DEFAULT_SCOPE,) if roadmap is not None and roadmap.type == "IRI" else ()


def _where(name: str, path: Path | None) -> str:
    return f"« {path} »" if path is not None else f"de la requête « {name} »"


def _header(text: str) -> str:
    """The ``#+`` lines found before the first line of SPARQL, prefix removed."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        match = _HEADER_LINE.match(stripped)
        if match is not None:
            lines.append(match.group(1))
        elif stripped and not stripped.startswith("#"):
            break
    return "\n".join(lines)


def _parameter(raw: Any, index: int, where: str) -> Parameter:
    if not isinstance(raw, dict):
        raise UserError(
            f"En-tête {where} : le paramètre n° {index} doit être une liste de clés "
            "(nom, type, defaut, description)."
        )
    name = raw.get("nom")
    if not isinstance(name, str) or not _PARAMETER_NAME.match(name):
        raise UserError(
            f"En-tête {where} : le paramètre n° {index} a un « nom » invalide ({name!r}) ; "
            "attendu : lettres et chiffres, commençant par une lettre."
        )
    kind = raw.get("type")
    if kind not in PARAMETER_TYPES:
        raise UserError(
            f"En-tête {where} : le paramètre « {name} » a le type {kind!r} ; types connus : "
            + ", ".join(PARAMETER_TYPES)
            + "."
        )
    unknown = set(raw) - set(_PARAMETER_KEYS)
    if unknown:
        raise UserError(
            f"En-tête {where} : clé(s) inconnue(s) pour le paramètre « {name} » : "
            + ", ".join(sorted(map(str, unknown)))
            + f" ; clés connues : {', '.join(_PARAMETER_KEYS)}."
        )
    required = raw.get("obligatoire", False)
    if not isinstance(required, bool):
        raise UserError(
            f"En-tête {where} : « obligatoire » du paramètre « {name} » doit valoir "
            f"true ou false, pas {required!r}."
        )
    return Parameter(
        name=name,
        type=kind,
        description=str(raw.get("description") or "").strip(),
        default=raw.get("defaut"),
        required=required,
        template=_template(raw.get("gabarit"), name, kind, where),
    )


def _template(raw: Any, name: str, kind: str, where: str) -> str:
    """The header's ``gabarit``: an IRI holding ``{code}`` once, for an IRI parameter."""
    if raw is None:
        return ""
    sample = raw.replace(CODE, "0", 1) if isinstance(raw, str) else ""
    if kind != "IRI" or raw.count(CODE) != 1 or not is_absolute_iri(sample):
        raise UserError(
            f"En-tête {where} : le « gabarit » du paramètre « {name} » doit être une IRI "
            f"qui contient une fois {CODE} (paramètre de type IRI), pas {raw!r}."
        )
    return str(raw)


def _scope(raw: Any, parameters: tuple[Parameter, ...], where: str) -> tuple[str, ...] | None:
    """The header's ``portee``: names of declared IRI parameters (None when absent)."""
    if raw is None:
        return None
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise UserError(
            f"En-tête {where} : « portee » doit être une liste de noms de paramètres "
            "(ceux qui désignent les feuilles de route que la requête lit)."
        )
    iris = {p.name for p in parameters if p.type == "IRI"}
    wrong = sorted(set(names) - iris)
    if wrong:
        raise UserError(
            f"En-tête {where} : « portee » nomme {', '.join(wrong)}, qui n'est pas un "
            "paramètre déclaré de type IRI ; la portée se compose de paramètres IRI "
            "désignant des feuilles de route."
        )
    return tuple(dict.fromkeys(names))


def parse_query_text(text: str, name: str, path: Path | None = None) -> QueryDef:
    """Read the ``#+`` YAML header of ``text``; the text itself stays valid SPARQL.

    Keys: ``titre``, ``description``, ``parametres`` (list of ``nom``, ``type``,
    ``defaut``, ``description``, ``obligatoire``), ``portee`` (the IRI parameters naming
    the roadmaps the query reads, see :attr:`QueryDef.scope`), ``tags``. A text without header is a
    query without declared parameters.
    """
    where = _where(name, path)
    try:
        meta = yaml.safe_load(_header(text)) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"En-tête « #+ » illisible {where} : {exc}") from exc
    if not isinstance(meta, dict):
        raise UserError(f"En-tête « #+ » {where} : attendu des clés « titre: … », « tags: … ».")
    raw_params = meta.get("parametres") or []
    if not isinstance(raw_params, list):
        raise UserError(f"En-tête {where} : « parametres » doit être une liste.")
    parameters = tuple(_parameter(raw, i, where) for i, raw in enumerate(raw_params, 1))
    names = [p.name for p in parameters]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise UserError(f"En-tête {where} : paramètre(s) déclaré(s) deux fois : {duplicates}.")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    return QueryDef(
        name=name,
        title=str(meta.get("titre") or name).strip(),
        description=str(meta.get("description") or "").strip(),
        parameters=parameters,
        tags=tuple(str(t) for t in tags),
        text=text,
        path=path,
        declared_scope=_scope(meta.get("portee"), parameters, where),
    )
