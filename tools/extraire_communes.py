"""Write the Communes sheet (``communes.csv``) of any EPCI from the reference data shipped
with the package (``graph/donnees/reference/``); by default, regenerate the one of the
embedded Grand Périgueux roadmap.

The output is deterministic: communes sorted by INSEE code, IFN scores written as the
exact text of ``ifn-communes.csv`` (the shipped score is that text parsed once, and
``repr`` gives it back), CSV written with the csv module's defaults. The typology class
of each commune is NOT in the seed: it is assigned by the documented rule below (also
written in ``SOURCES.md``) and every row says so in its ``hypothèse`` cell.

Usage: ``.venv/bin/python tools/extraire_communes.py [--epci SIREN] [--sortie FICHIER]``
(``--sortie`` is required for any EPCI other than the Grand Périgueux).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from feuille_de_route import UserError, atomic_write_text
from feuille_de_route import graph as reference
from feuille_de_route.graph import IFN_COLUMNS as IFN_COLUMNS_BY_INDICATOR

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "graph" / "donnees" / "grand-perigueux" / "communes.csv"

GRAND_PERIGUEUX_SIREN = "200040392"

# Workbook column → IFN CSV column, as the builder reads them.
IFN_COLUMNS: dict[str, str] = {
    column: notation for column, (_, notation) in IFN_COLUMNS_BY_INDICATOR.items()
}

HEADER: list[str] = [
    "code insee",
    "nom",
    "population",
    "epci",
    "classe",
    *IFN_COLUMNS,
    "source",
    "hypothèse",
]

SOURCE = (
    "code, nom, population (municipale) : @etalab/decoupage-administratif 6.0.0 "
    "(communes.json, membres de l'EPCI {siren} dans epci.json) ; scores : Indice de "
    "fragilité numérique (La MedNum et ANSA), ifn-communes.csv tel que republié dans les "
    "données publiques de l'application inclusion-numerique de l'ANCT (version non datée)"
)

# Communes the seed names in a population group; the group's class wins over the rule
# so the data stays consistent with the diagnostic (see groupes.csv).
NAMED_IN_GROUPS: dict[str, tuple[str, str]] = {
    "24010": ("T3", "G2"),  # Annesse-et-Beaulieu
    "24527": ("T3", "G2"),  # Savignac-les-Églises
    "24102": ("T2", "G5"),  # Chancelade
    "24557": ("T2", "G5"),  # Trélissac (« Trélassac » dans la source)
}

URBAN_POPULATION = 5000
URBAN_POVERTY = 7.0
NO_MAJOR_FRAGILITY = 4.5
CUMULATED_FRAGILITY = 6.5
AGEING = 6.0

RULE = (
    "règle de typologie (hypothèse, la source ne classe pas les communes) : "
    "S = moyenne des scores IFN pauvreté, plus de 65 ans et non scolarisés ; "
    "1) population ≥ 5000 et pauvreté ≥ 7 → T6 ; 2) sinon S < 4,5 → T1 ; "
    "3) sinon population < 5000 et S ≥ 6,5 → T5 ; 4) sinon la fragilité principale est "
    "le plus fort des trois scores (égalité : non scolarisés puis plus de 65 ans) : "
    "non scolarisés → T3 si plus de 65 ans ≥ 6, T4 sinon ; plus de 65 ans → T2 ; "
    "pauvreté → T5 (T6 si population ≥ 5000) ; une commune nommée par la source dans un "
    "groupe de population prend la classe de ce groupe"
)


def typology_class(population: int, poverty: float, older: float, unschooled: float) -> str:
    """Return the typology class the documented rule gives (without the named-commune override)."""
    mean = (poverty + older + unschooled) / 3
    if population >= URBAN_POPULATION and poverty >= URBAN_POVERTY:
        return "T6"
    if mean < NO_MAJOR_FRAGILITY:
        return "T1"
    if population < URBAN_POPULATION and mean >= CUMULATED_FRAGILITY:
        return "T5"
    if unschooled >= older and unschooled >= poverty:
        return "T3" if older >= AGEING else "T4"
    if older >= poverty:
        return "T2"
    return "T6" if population >= URBAN_POPULATION else "T5"


def _score_text(score: float | None) -> str:
    # The shipped scores are the published text parsed once; repr() gives that text back.
    return "" if score is None else repr(score)


def build_rows(siren: str = GRAND_PERIGUEUX_SIREN) -> list[dict[str, str]]:
    """Return the rows of communes.csv for the EPCI ``siren`` (one per member commune,
    sorted by INSEE code), from the reference data shipped with the package."""
    epci = reference.epci(siren)
    named_in_groups = NAMED_IN_GROUPS if epci.siren == GRAND_PERIGUEUX_SIREN else {}
    communes = reference.communes()
    source = SOURCE.format(siren=epci.siren)
    rows: list[dict[str, str]] = []
    for member in epci.members:
        code = member.insee
        commune = communes.get(code)
        if commune is None:
            raise UserError(f"communes.json : commune {code} (membre de {epci.siren}) absente")
        population = commune.population
        row = {"code insee": code, "nom": commune.name, "population": _text(population)}
        row["epci"] = epci.siren
        scores = reference.fragility(code)
        notes: list[str] = []
        computed: str | None = None
        if scores is None:
            row.update(dict.fromkeys(IFN_COLUMNS, ""))
            notes.append("commune absente de ifn-communes.csv : scores IFN laissés vides")
        else:
            values = scores.scores()
            row.update(
                {column: _score_text(values[field]) for column, field in IFN_COLUMNS.items()}
            )
            computed = _computed_class(population, values)
        named = named_in_groups.get(code)
        if named is not None:
            klass, group = named
            ruled = f"la règle donnerait {computed}" if computed else "pas de score IFN"
            notes.append(
                f"classe {klass} reprise du groupe {group} qui nomme cette commune "
                f"(correspondance groupe → classe supposée, voir groupes.csv ; {ruled})"
            )
        elif computed is not None:
            klass = computed
            notes.append(f"classe {klass} attribuée par la règle")
        else:
            klass = ""
            notes.append("classe non attribuée faute de scores")
        row["classe"] = klass
        row["source"] = source
        row["hypothèse"] = " ; ".join([*notes, RULE])
        rows.append(row)
    return rows


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _computed_class(population: int | None, scores: Mapping[str, float | None]) -> str | None:
    poverty, older, unschooled = (
        scores["poverty_rate"],
        scores["older_65_rate"],
        scores["nscol15p_rate"],
    )
    if population is None or poverty is None or older is None or unschooled is None:
        return None
    return typology_class(population, poverty, older, unschooled)


def render(rows: Sequence[Mapping[str, str]]) -> str:
    """Serialise rows with the csv module's default dialect, header first."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "Écrit la feuille Communes (communes.csv) d'un EPCI depuis les données de "
            "référence embarquées ; par défaut, régénère celle du Grand Périgueux."
        )
    )
    parser.add_argument(
        "--epci",
        default=GRAND_PERIGUEUX_SIREN,
        metavar="SIREN",
        help="SIREN de l'EPCI (par défaut : %(default)s, le Grand Périgueux)",
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        default=None,
        help=f"fichier CSV produit (par défaut, pour le Grand Périgueux : {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.epci)
        output = _output(args.epci, args.sortie)
    except UserError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 2
    atomic_write_text(output, render(rows))
    print(f"{len(rows)} communes écrites dans {output}")
    return 0


def _output(siren: str, output: Path | None) -> Path:
    if output is not None:
        return output
    if siren.strip() == GRAND_PERIGUEUX_SIREN:
        return DEFAULT_OUTPUT
    raise UserError(f"précisez --sortie FICHIER pour l'EPCI {siren}")


if __name__ == "__main__":
    sys.exit(main())
