"use strict";
// Sorts the communes table by the clicked column: rows are moved, never rewritten.
(function () {
  const table = document.getElementById("table-communes");
  if (!table) { return; }
  const body = table.tBodies[0];
  const headers = Array.from(table.tHead.rows[0].cells);
  const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
  function key(row, index) { return row.cells[index].dataset.cle || ""; }
  function compare(index, numeric) {
    return function (a, b) {
      const x = key(a, index);
      const y = key(b, index);
      if (numeric) {
        if (x === "" || y === "") { return (x === "") - (y === ""); }
        return Number(x) - Number(y);
      }
      return collator.compare(x, y);
    };
  }
  function sortBy(header, index) {
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    const rows = Array.from(body.rows);
    rows.sort(compare(index, header.dataset.numerique === "oui"));
    if (!ascending) { rows.reverse(); }
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  headers.forEach(function (header, index) {
    header.addEventListener("click", function () { sortBy(header, index); });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(header, index); }
    });
  });
}());
