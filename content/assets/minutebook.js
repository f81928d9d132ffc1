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
