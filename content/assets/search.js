// Site search with Pagefind (issue 9): results as you type in the header box, and every
// result on the search page (/search/?q=words). Progressive enhancement only: without this
// script the header box is a plain form that opens the search page, which explains that
// search needs JavaScript and links to the indexes. Pagefind's files are loaded from the
// site itself (data-mb-search holds a relative URL), and only once the reader starts a search.
(function () {
  "use strict";

  var root = document.querySelector("[data-mb-search]");
  if (!root || !window.URL || !window.Promise) {
    return;
  }
  var BUNDLE = new URL(root.getAttribute("data-mb-search"), document.baseURI).href;
  var SEARCH_PAGE = new URL(root.getAttribute("data-mb-search-page"), document.baseURI);
  var HEADER_RESULTS = 8;
  var PAGE_RESULTS = 20;
  var DEBOUNCE_MS = 200;
  var EMPTY = "Type to start searching";
  var FAILED = "Search could not be loaded here. The search page lists other ways to find a record.";
  var loading = null;
  var serial = 0;

  var hidden = {}; // pages of the main index that a newer index replaces (merge.json)

  /** The other indexes to search with the main one, and the main index's pages they replace.
   * A build that re-indexes only the pages changed since the main index was made lists them in
   * pagefind/merge.json (generator/publish/search.py); without the file there is only the main index. */
  function loadMerge(pagefind) {
    return fetch(new URL("merge.json", BUNDLE).href)
      .then(function (response) {
        return response.ok ? response.json() : { indexes: [], hidden: [] };
      })
      .then(function (merge) {
        (merge.hidden || []).forEach(function (id) {
          hidden[id] = true;
        });
        return Promise.all(
          (merge.indexes || []).map(function (path) {
            return pagefind.mergeIndex(new URL(path, BUNDLE).href);
          })
        );
      });
  }

  /** Load Pagefind's module once; later calls share the same promise. */
  function loadPagefind() {
    if (!loading) {
      loading = import(BUNDLE).then(function (pagefind) {
        return pagefind
          .options({ excerptLength: 24 })
          .then(function () {
            return loadMerge(pagefind);
          })
          .then(function () {
            return pagefind;
          });
      });
      loading.catch(function () {
        loading = null; // let a later keystroke try again
      });
    }
    return loading;
  }

  /** Run a debounced search; resolve to null when a newer search replaced this one. */
  function find(words) {
    return loadPagefind()
      .then(function (pagefind) {
        return pagefind.debouncedSearch(words, {}, DEBOUNCE_MS);
      })
      .then(function (search) {
        if (search) {
          search.results = search.results.filter(function (result) {
            return !hidden[result.id];
          });
        }
        return search;
      });
  }

  /** Turn Pagefind's excerpt (escaped text with <mark> tags) into text and <mark> nodes. */
  function excerptNodes(excerpt) {
    var fragment = document.createDocumentFragment();
    var decoder = document.createElement("textarea");
    var marked = false;
    (excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>";
        return;
      }
      decoder.innerHTML = part; // a textarea decodes entities but never makes elements
      var text = document.createTextNode(decoder.value);
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(text);
      }
    });
    return fragment;
  }

  /** One result: the page title as a link, described by its excerpt. */
  function resultItem(data, inHeader) {
    var id = "mb-hit-" + ++serial;
    var item = document.createElement("li");
    var hit = document.createElement("div");
    var title = document.createElement("p");
    var link = document.createElement("a");
    var excerpt = document.createElement("p");
    item.className = inHeader ? "md-search-result__item" : "mb-search-page__item";
    hit.className = inHeader ? "md-search-result__article md-typeset mb-search-hit" : "mb-search-hit";
    title.className = "mb-search-hit__title";
    link.className = "mb-search-hit__link";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    link.setAttribute("aria-describedby", id);
    excerpt.className = "mb-search-hit__excerpt";
    excerpt.id = id;
    excerpt.appendChild(excerptNodes(data.excerpt));
    title.appendChild(link);
    if (inHeader) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      icon.setAttribute("aria-hidden", "true");
      hit.appendChild(icon);
    }
    hit.appendChild(title);
    hit.appendChild(excerpt);
    item.appendChild(hit);
    return item;
  }

  /** What the status line says (and screen readers announce) for a finished search. */
  function summary(count, words) {
    var quoted = "\u2018" + words + "\u2019";
    if (count === 0) {
      return "No results for " + quoted + ". Try fewer words, or other words.";
    }
    return (count === 1 ? "1 result" : count.toLocaleString("en-GB") + " results") + " for " + quoted;
  }

  /** The search page URL for ``words``. */
  function pageUrl(words) {
    var url = new URL(SEARCH_PAGE.href);
    url.searchParams.set("q", words);
    return url.href;
  }

  /** Whether ``element`` is displayed (not display:none, not inside a hidden parent). */
  function shown(element) {
    return !!element && element.getClientRects().length > 0;
  }

  /** The header box: open on focus, list results as the reader types, arrows and Escape. */
  function headerSearch() {
    var toggle = document.getElementById("__search");
    var form = root.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var status = root.querySelector("[data-mb-search-status]");
    var list = root.querySelector("[data-mb-search-results]");
    var all = root.querySelector("[data-mb-search-all]");
    var button = document.querySelector(".mb-search-button");
    var current = "";

    function setOpen(open) {
      if (toggle && toggle.checked !== open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change")); // Material follows the toggle's state
      }
    }

    function close() {
      setOpen(false);
      if (shown(button)) {
        button.focus(); // the box is hidden on narrow screens once closed
      } else if (root.contains(document.activeElement)) {
        input.focus();
      }
    }

    function show(words, results, count) {
      list.replaceChildren.apply(
        list,
        results.map(function (data) {
          return resultItem(data, true);
        })
      );
      status.textContent = summary(count, words);
      all.href = pageUrl(words);
      all.textContent = "See all " + count.toLocaleString("en-GB") + " results";
      all.parentNode.hidden = count <= HEADER_RESULTS;
    }

    function update() {
      var words = input.value.trim();
      current = words;
      if (!words) {
        list.replaceChildren();
        all.parentNode.hidden = true;
        status.textContent = EMPTY;
        return;
      }
      setOpen(true);
      find(words)
        .then(function (search) {
          if (!search || words !== current) {
            return null;
          }
          var first = search.results.slice(0, HEADER_RESULTS).map(function (result) {
            return result.data();
          });
          return Promise.all(first).then(function (results) {
            if (words === current) {
              show(words, results, search.results.length);
            }
          });
        })
        .catch(function () {
          status.textContent = FAILED;
        });
    }

    function move(event) {
      var links = Array.prototype.slice.call(root.querySelectorAll(".md-search-result a[href]")).filter(shown);
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (event.target === input && event.key === "ArrowDown" && links.length) {
        next = 0;
      } else if (at < 0) {
        return;
      }
      event.preventDefault();
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    }

    input.addEventListener("focus", function () {
      setOpen(true);
      loadPagefind().catch(function () {});
    });
    input.addEventListener("click", function () {
      setOpen(true); // after Escape the box stays focused but closed
    });
    input.addEventListener("input", update);
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        update();
        input.focus();
      }, 0);
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        move(event);
      }
    });
    root.addEventListener("focusout", function (event) {
      // Tabbing out closes the box; a click outside lands on Material's overlay, which closes it.
      if (event.relatedTarget && !root.contains(event.relatedTarget)) {
        setOpen(false);
      }
    });
    if (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        setOpen(true);
        input.focus();
      });
    }
  }

  /** The search page: every result for ?q=, twenty at a time, updated as the reader types. */
  function pageSearch(page) {
    var form = page.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var status = page.querySelector("[data-mb-search-status]");
    var list = page.querySelector("[data-mb-search-results]");
    var more = page.querySelector("[data-mb-search-more]");
    var fallback = document.querySelector("[data-mb-search-nojs]");
    var results = [];
    var current = "";

    function showMore(focusFirst) {
      var next = results.slice(list.children.length, list.children.length + PAGE_RESULTS);
      var words = current;
      return Promise.all(
        next.map(function (result) {
          return result.data();
        })
      ).then(function (data) {
        if (words !== current) {
          return;
        }
        var items = data.map(function (one) {
          return resultItem(one, false);
        });
        items.forEach(function (item) {
          list.appendChild(item);
        });
        more.hidden = list.children.length >= results.length;
        if (focusFirst && items.length) {
          items[0].querySelector("a").focus();
        }
      });
    }

    function update() {
      var words = input.value.trim();
      current = words;
      var url = new URL(window.location.href);
      url.searchParams.set("q", words);
      window.history.replaceState(null, "", url.href);
      if (!words) {
        results = [];
        list.replaceChildren();
        more.hidden = true;
        status.textContent = EMPTY;
        return;
      }
      find(words)
        .then(function (search) {
          if (!search || words !== current) {
            return null;
          }
          results = search.results;
          list.replaceChildren();
          status.textContent = summary(results.length, words);
          return showMore(false);
        })
        .catch(function () {
          page.hidden = true;
          fallback.hidden = false;
        });
    }

    loadPagefind().then(
      function () {
        page.hidden = false;
        fallback.hidden = true;
        input.value = new URLSearchParams(window.location.search).get("q") || "";
        if (input.value.trim()) {
          update();
        }
      },
      function () {
        fallback.hidden = false;
      }
    );
    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    more.addEventListener("click", function () {
      showMore(true);
    });
  }

  headerSearch();
  var page = document.querySelector("[data-mb-search-full]");
  if (page) {
    pageSearch(page);
  }
})();
