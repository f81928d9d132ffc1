// Progressive enhancement only: every page reads fully without JavaScript.
document.querySelectorAll(".mb-today").forEach(function (el) {
  el.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
});
