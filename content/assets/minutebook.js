// Progressive enhancement only: every page reads fully without JavaScript.
document.querySelectorAll(".mb-today").forEach(function (el) {
  el.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
});

// Material fetches a sitemap.xml beside every <link rel="alternate">, taking each for the site in
// another language; ours are Atom feeds for feed readers, so every page asked for /feeds/sitemap.xml,
// which does not exist (issue 17). Material looks once, when the page has loaded (its listener runs
// first: its script comes first); the feed links step aside for that moment and are put back at
// once, so the page as read and as served says rel="alternate" (tests/browser/test_pages.py).
(function () {
  var feeds = document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]');
  feeds.forEach(function (link) { link.rel = "mb-feed"; });
  document.addEventListener("DOMContentLoaded", function () {
    feeds.forEach(function (link) { link.rel = "alternate"; });
  }, { once: true });
})();

// Copy buttons (the addresses on follow pages, citations): the page as written has the text to
// select and the buttons hidden; here they show, copy the text, and say so to screen readers.
(function () {
  var buttons = document.querySelectorAll("button[data-mb-copy]");
  if (!buttons.length) return;
  var status = document.createElement("p");
  status.className = "mb-visually-hidden";
  status.setAttribute("role", "status");
  (document.querySelector("article") || document.body).appendChild(status);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  buttons.forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-mb-copy"));
    if (!source) return;
    var label = button.firstChild;
    var text = label.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
        label.textContent = "Copied";
        status.textContent = "Copied to the clipboard.";
      }, function () {
        select(source);
        status.textContent = "Selected: press Control and C (Command and C on a Mac) to copy.";
      });
      setTimeout(function () { label.textContent = text; }, 3000);
    });
  });
})();
