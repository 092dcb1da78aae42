"""IDs a workbook may leave empty: an action, a critère or a frein without one gets
``<chantier>-<n>``, its rank among the rows of the same chantier (``1.b-1``, ``1.b-2``…),
skipping IDs the sheet already uses."""

from collections import Counter

from ._workbook import Row, Sheet, Workbook

__all__ = ["DERIVED_ID_SHEETS", "with_derived_ids"]

DERIVED_ID_SHEETS = ("Actions", "Critères", "Freins")


def with_derived_ids(workbook: Workbook) -> Workbook:
    """``workbook`` with every empty ID of :data:`DERIVED_ID_SHEETS` derived (the given
    workbook is left as it is)."""
    derived = Workbook(workbook.source, dict(workbook.sheets))
    for name in DERIVED_ID_SHEETS:
        if name in workbook:
            sheet = workbook[name]
            derived.sheets[name] = Sheet(sheet.name, sheet.file, sheet.columns, _rows(sheet))
    return derived


def _rows(sheet: Sheet) -> list[Row]:
    taken = {row["identifiant"] for row in sheet.rows if row["identifiant"]}
    counts: Counter[str] = Counter()
    rows = []
    for row in sheet.rows:
        chantier = row["chantier"]
        if row["identifiant"] or not chantier:
            rows.append(row)
            continue
        while True:
            counts[chantier] += 1
            local = f"{chantier}-{counts[chantier]}"
            if local not in taken:
                break
        taken.add(local)
        rows.append(Row(row.number, row.file, {**row.cells, "identifiant": local}))
    return rows
