"""``feuille-de-route requetes``: the catalogue of named SPARQL queries."""

import argparse

__all__ = ["register"]


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "requetes",
        help="lister les requêtes SPARQL du catalogue, avec leurs paramètres",
        description=(
            "Liste les requêtes nommées du catalogue : nom, titre, description et "
            "paramètres (type, valeur par défaut, obligatoire ou non). Chacune se lance avec "
            "feuille-de-route requete NOM."
        ),
        epilog="Exemple : feuille-de-route requetes ; feuille-de-route requete arbre",
    )
    parser.add_argument(
        "--format",
        choices=("table", "markdown"),
        default="table",
        help="table pour le terminal (défaut) ou markdown pour un document",
    )
    parser.set_defaults(func=_run)


def _parameters_text(parameters: "tuple[object, ...]") -> list[str]:
    from feuille_de_route.queries import Parameter

    lines = []
    for parameter in parameters:
        assert isinstance(parameter, Parameter)
        if parameter.required:
            mode = "obligatoire"
        elif parameter.default is not None:
            mode = f"défaut : {parameter.default}"
        else:
            mode = "facultatif"
        lines.append(f"{parameter.name} ({parameter.type}, {mode}) : {parameter.description}")
    return lines


def _title(title: str, federated: bool) -> str:
    """A federated query says so: it calls the servers its user allows (--federation)."""
    return f"{title} (plusieurs serveurs : SERVICE, avec --federation)" if federated else title


def _run(args: argparse.Namespace) -> int:
    import io
    import shutil
    import sys

    from feuille_de_route.queries import catalogue, federated_catalogue

    queries = catalogue()
    federated = federated_catalogue()
    if args.format == "markdown":
        rows = ["| requête | titre | paramètres |", "| --- | --- | --- |"]
        for query in [*queries, *federated]:
            params = "<br>".join(_parameters_text(query.parameters)) or "—"
            cells = (f"`{query.name}`", _title(query.title, query in federated), params)
            rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        sys.stdout.write("\n".join(rows) + "\n")
        return 0

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Requêtes du catalogue", show_lines=True, header_style="bold")
    table.add_column("requête", no_wrap=True)
    table.add_column("titre et description", overflow="fold")
    table.add_column("paramètres", overflow="fold")
    for query in [*queries, *federated]:
        about = Text(_title(query.title, query in federated), style="bold")
        if query.description:
            about.append("\n" + query.description)
        params = "\n".join(_parameters_text(query.parameters)) or "—"
        table.add_row(Text(query.name), about, Text(params))
    # Rendered to text first: a closed output then fails in sys.stdout.write, which the
    # command line reports like any other (rich would exit on its own).
    buffer = io.StringIO()
    width = shutil.get_terminal_size((120, 24)).columns
    styled = sys.stdout.isatty()
    console = Console(file=buffer, width=width, highlight=False, force_terminal=styled)
    console.print(table)
    console.print(
        Text(
            f"{len(queries)} requêtes, et {len(federated)} sur plusieurs serveurs. "
            "Lancer : feuille-de-route requete NOM "
            "[--param nom=valeur …] [--format table|csv|json|markdown]"
        )
    )
    sys.stdout.write(buffer.getvalue())
    return 0
