"""JSON-LD contexts resolved without a fetch: a document loader that never goes out.

rdflib fetches any ``@context`` (or ``@import``) given by reference, over the network or
from the local disk. Before rdflib sees a document, every reference is replaced here by
the context it names: a context the package ships (by its absolute IRI), or the
``contexte.jsonld`` written beside the document by the package's export (which names it
by this relative reference in exports made before the context went inline). Any other
reference is refused with a French error naming it, so rdflib never has one to fetch.
"""

import json
from pathlib import Path
from typing import Any

from ._errors import DataError
from ._export import CONTEXT_NAME
from ._limits import InputLimits, read_bounded
from ._namespaces import PREFIXES

__all__ = ["CONTEXT_IRI", "known_contexts", "resolve_contexts"]

# Assumption: the IRI the project's context will be published at, beside the ontology.
CONTEXT_IRI = "https://w3id.org/feuille-de-route/contexte.jsonld"
_CONTEXT = "@context"
_IMPORT = "@import"
# Nesting beyond this is not a roadmap (and would exhaust Python's stack).
_MAX_DEPTH = 200


def known_contexts() -> dict[str, dict[str, Any]]:
    """The contexts the package provides, by absolute IRI (the contract's prefixes)."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return {CONTEXT_IRI: prefixes}


def resolve_contexts(document: Any, path: Path, limits: InputLimits) -> Any:
    """``document`` with every context reference replaced by the context itself."""
    return _Resolver(path, limits).walk(document, 0)


class _Resolver:
    def __init__(self, path: Path, limits: InputLimits) -> None:
        self.path = path
        self.limits = limits
        self.known = known_contexts()

    def walk(self, value: Any, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise DataError(
                f"document JSON-LD imbriqué sur plus de {_MAX_DEPTH} niveaux", file=str(self.path)
            )
        if isinstance(value, list):
            return [self.walk(item, depth + 1) for item in value]
        if not isinstance(value, dict):
            return value
        return {
            key: self.context(item, depth + 1) if key == _CONTEXT else self.walk(item, depth + 1)
            for key, item in value.items()
        }

    def context(self, value: Any, depth: int) -> Any:
        """A context value (string, object, null or a list of them), references resolved."""
        if isinstance(value, list):
            return [self.context(item, depth + 1) for item in value]
        if isinstance(value, str):
            return self.context(self.load(value), depth + 1)
        if isinstance(value, dict) and isinstance(value.get(_IMPORT), str):
            imported = dict(self.load(value[_IMPORT]))
            imported.update({k: v for k, v in value.items() if k != _IMPORT})
            value = imported
        return self.walk(value, depth + 1)

    def load(self, reference: str) -> dict[str, Any]:
        if reference in self.known:
            return self.known[reference]
        if reference == CONTEXT_NAME:
            return self.sibling()
        raise DataError(
            f"contexte JSON-LD « {reference[:200]} » refusé : il n'est pas téléchargé ni lu "
            f"par sécurité ; seuls « {CONTEXT_IRI} », un contexte écrit dans le document ou "
            f"le fichier {CONTEXT_NAME} placé à côté sont acceptés",
            file=str(self.path),
        )

    def sibling(self) -> dict[str, Any]:
        """The ``contexte.jsonld`` the export writes beside its document."""
        path = self.path.parent / CONTEXT_NAME
        try:
            data = json.loads(read_bounded(path, self.limits))
        except DataError:
            raise
        except (ValueError, RecursionError) as exc:
            raise DataError(f"contexte JSON-LD illisible ({exc})", file=str(path)) from None
        context = data.get(_CONTEXT) if isinstance(data, dict) else None
        if not isinstance(context, dict):
            raise DataError(
                "contexte JSON-LD illisible : un objet « @context » est attendu", file=str(path)
            )
        return context
