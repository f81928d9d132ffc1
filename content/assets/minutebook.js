// Progressive enhancement only: every page reads fully without JavaScript.
document.querySelectorAll(".mb-today").forEach(function (el) {
  el.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
});

// Sortable tables (table[data-sortable]): each column heading becomes a button; the table reads and works
// without JavaScript, grouped as generated. Cells sort by their data-sort value (numbers as numbers);
// cells with nothing on record ("Not recorded") sort last either way.
document.querySelectorAll("table[data-sortable]").forEach(function (table) {
  var heads = table.querySelectorAll("thead th");
  heads.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mb-sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[column];
        var value = cell ? (cell.getAttribute("data-sort") || "") : "";
        var number = value === "" ? NaN : Number(value);
        return { empty: value === "", number: number, text: value.toLowerCase() };
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x.empty || y.empty) { return x.empty - y.empty; }
        var order = !isNaN(x.number) && !isNaN(y.number) ? x.number - y.number : x.text.localeCompare(y.text);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
