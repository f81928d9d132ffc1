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

  /** Load Pagefind's module once; later calls share the same promise. */
  function loadPagefind() {
    if (!loading) {
      loading = import(BUNDLE).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () {
          return pagefind;
        });
      });
      loading.catch(function () {
        loading = null; // let a later keystroke try again
      });
    }
    return loading;
  }

  /** Run a debounced search (words, filters or both); resolve to null when a newer search replaced this one. */
  function find(words, filters) {
    return loadPagefind().then(function (pagefind) {
      return pagefind.debouncedSearch(words || null, { filters: filters || {} }, DEBOUNCE_MS);
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
    var kind = data.meta && data.meta.kind;
    if (kind) {
      // What kind of page this is (overrides/main.html): read before the title, as "Decision: ...".
      var label = document.createElement("span");
      var colon = document.createElement("span");
      label.className = "mb-search-hit__kind";
      label.textContent = kind;
      colon.className = "mb-visually-hidden";
      colon.textContent = ": ";
      title.appendChild(label);
      title.appendChild(colon);
    }
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
  function summary(count, words, filters) {
    var chosen = Object.keys(filters || {}).map(function (key) {
      return filters[key];
    });
    var what = words ? "for \u2018" + words + "\u2019" : "";
    var among = chosen.length ? "among pages marked " + chosen.join(", ") : "";
    var said = [what, among].filter(Boolean).join(" ");
    if (count === 0) {
      return "No results " + said + (chosen.length ? ". Try showing every kind, board or year." : ". Try fewer words, or other words.");
    }
    return (count === 1 ? "1 result" : count.toLocaleString("en-GB") + " results") + " " + said;
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

  /** Fill each filter's list from Pagefind's filters (kind, board, year), with counts; keep what the URL asked for. */
  function fillFilters(selects, available, wanted) {
    selects.forEach(function (select) {
      var key = select.getAttribute("data-mb-filter");
      var counts = available[key] || {};
      var values = Object.keys(counts).sort(function (a, b) {
        return key === "year" ? b.localeCompare(a) : a.localeCompare(b, "en-GB");
      });
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value + " (" + counts[value].toLocaleString("en-GB") + ")";
        select.appendChild(option);
      });
      select.value = values.indexOf(wanted.get(key)) >= 0 ? wanted.get(key) : "";
    });
  }

  /** The filters chosen on the search page, as Pagefind takes them ({kind: "Decision"}). */
  function chosenFilters(selects) {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) {
        filters[select.getAttribute("data-mb-filter")] = select.value;
      }
    });
    return filters;
  }

  /** The search page: every result for ?q= and the chosen filters, twenty at a time, updated as the reader types. */
  function pageSearch(page) {
    var form = page.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(page.querySelectorAll("[data-mb-filter]"));
    var status = page.querySelector("[data-mb-search-status]");
    var list = page.querySelector("[data-mb-search-results]");
    var more = page.querySelector("[data-mb-search-more]");
    var fallback = document.querySelector("[data-mb-search-nojs]");
    var results = [];
    var current = "";

    function showMore(focusFirst) {
      var next = results.slice(list.children.length, list.children.length + PAGE_RESULTS);
      var asked = current;
      return Promise.all(
        next.map(function (result) {
          return result.data();
        })
      ).then(function (data) {
        if (asked !== current) {
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
      var filters = chosenFilters(selects);
      var asked = JSON.stringify([words, filters]);
      current = asked;
      var url = new URL(window.location.href);
      url.searchParams.set("q", words);
      selects.forEach(function (select) {
        var key = select.getAttribute("data-mb-filter");
        if (select.value) {
          url.searchParams.set(key, select.value);
        } else {
          url.searchParams.delete(key);
        }
      });
      window.history.replaceState(null, "", url.href);
      if (!words && !Object.keys(filters).length) {
        results = [];
        list.replaceChildren();
        more.hidden = true;
        status.textContent = EMPTY;
        return;
      }
      find(words, filters)
        .then(function (search) {
          if (!search || asked !== current) {
            return null;
          }
          results = search.results;
          list.replaceChildren();
          status.textContent = summary(results.length, words, filters);
          return showMore(false);
        })
        .catch(function () {
          page.hidden = true;
          fallback.hidden = false;
        });
    }

    loadPagefind()
      .then(function (pagefind) {
        return pagefind.filters();
      })
      .then(
        function (available) {
          var wanted = new URLSearchParams(window.location.search);
          fillFilters(selects, available, wanted);
          page.hidden = false;
          fallback.hidden = true;
          input.value = wanted.get("q") || "";
          if (input.value.trim() || Object.keys(chosenFilters(selects)).length) {
            update();
          }
        },
        function () {
          fallback.hidden = false;
        }
      );
    input.addEventListener("input", update);
    selects.forEach(function (select) {
      select.addEventListener("change", update);
    });
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
