// Cite lines: show each permalink as the absolute address the reader is on, and offer a
// button that copies the whole reference. Without JavaScript the line still reads, with
// the link's path within the site.
(function () {
  "use strict";
  function prepare() {
    document.querySelectorAll(".briefing-cite").forEach(function (cite) {
      var link = cite.querySelector("a.briefing-permalink");
      var text = cite.querySelector(".briefing-cite-text");
      if (!link || !text || cite.querySelector(".briefing-copy")) {
        return;
      }
      link.textContent = link.href;
      if (!navigator.clipboard) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "briefing-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this citation");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent.trim()).then(function () {
          button.textContent = "Copied";
        });
      });
      cite.appendChild(button);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepare);
  } else {
    prepare();
  }
})();

// Search, with the Pagefind index the build writes into pagefind/. Pagefind fetches only
// the parts of its index a query needs, so a first search stays light on a site of a
// hundred briefings. Each result names its briefing, and the results of the briefing the
// reader is in come first (a second search filtered to it). Everything shown is set as
// text: a page's words are data, never markup (Pagefind's excerpts hold them raw).
(function () {
  "use strict";
  var box = document.querySelector("[data-briefing-search]");
  var config = document.getElementById("__config");
  if (!box || !config) {
    return;
  }
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var root = new URL(JSON.parse(config.textContent).base + "/", location.href);
  var mine = document.querySelector("meta[data-pagefind-filter='briefing[content]']");
  var here = mine ? mine.getAttribute("content") : null;
  var PAGE = 10;
  var engine = null;
  var shown = [];
  var asked = 0;
  var timer = null;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // Options first, then fetch the index's entry files and engine while the reader
        // is still typing (load runs when the box gets focus). No web worker: a query
        // takes tens of milliseconds, and the worker cost 41 KB and its start-up on the
        // first search.
        return pagefind
          .options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true })
          .then(function () {
            return Promise.all([pagefind.init(), otherIndexes()]);
          })
          .then(function (loaded) {
            // The site's other indexes (render/search_index.py), searched with this one.
            return Promise.all(
              loaded[1].map(function (folder) {
                var path = new URL("pagefind/" + folder, root).pathname;
                return pagefind.mergeIndex(path, { baseUrl: root.pathname });
              })
            );
          })
          .then(function () {
            return pagefind;
          });
      });
    }
    return engine;
  }
  function otherIndexes() {
    return fetch(new URL("pagefind/more.json", root))
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .catch(function () {
        return [];
      });
  }
  function open() {
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }
  function close() {
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }
  function say(text) {
    meta.textContent = text;
  }
  function excerpt(html) {
    // Pagefind marks the matched words with <mark> around the page's raw text.
    var p = document.createElement("p");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>" || part === "</mark>") {
        return part === "<mark>";
      }
      if (part) {
        var node = document.createTextNode(part);
        if (marked) {
          var mark = document.createElement("mark");
          mark.appendChild(node);
          node = mark;
        }
        p.appendChild(node);
      }
      return marked;
    }, false);
    return p;
  }
  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (data.meta.briefing) {
      var label = document.createElement("span");
      label.className = "briefing-search-label";
      label.textContent = data.meta.briefing;
      article.appendChild(label);
    }
    var title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.appendChild(title);
    article.appendChild(excerpt(data.excerpt || ""));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }
  function more(from) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "briefing-search-more md-button";
    button.textContent = "Show " + Math.min(PAGE, shown.length - from) + " more";
    button.addEventListener("click", function () {
      button.parentNode.removeChild(button);
      draw(from, asked);
    });
    return button;
  }
  function plain(text) {
    return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function named(data, query) {
    // The page's listed names (actors and places), from the theme's main.html.
    try {
      return JSON.parse(data.meta.names || "[]").some(function (name) {
        return plain(name) === query;
      });
    } catch (error) {
      return false;
    }
  }
  function namedFirst(pages, query) {
    // Pagefind ranks by words, so "Graivoron" can rank Graivoron district above the town
    // (the district's page is shorter). A page one of whose listed names is exactly the
    // query comes first, within the reader's briefing's results and within the rest.
    var wanted = plain(query);
    var key = function (data, index) {
      var mine = here && data.filters.briefing && data.filters.briefing[0] === here;
      return [mine || !here ? 0 : 1, named(data, wanted) ? 0 : 1, index];
    };
    return pages
      .map(function (data, index) {
        return { data: data, key: key(data, index) };
      })
      .sort(function (a, b) {
        return a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2];
      })
      .map(function (entry) {
        return entry.data;
      });
  }
  function draw(from, ticket) {
    var batch = shown.slice(from, from + PAGE);
    return Promise.all(
      batch.map(function (result) {
        return result.data();
      })
    ).then(function (pages) {
      if (ticket !== asked) {
        return;
      }
      if (from === 0) {
        pages = namedFirst(pages, shown.query);
      }
      pages.forEach(function (data) {
        list.appendChild(item(data));
      });
      if (from + PAGE < shown.length) {
        var li = document.createElement("li");
        li.appendChild(more(from + PAGE));
        list.appendChild(li);
      }
    });
  }
  function search(query) {
    var ticket = ++asked;
    box.removeAttribute("data-answered");
    if (!query.trim()) {
      list.textContent = "";
      say("Type to start searching");
      return Promise.resolve();
    }
    return load()
      .then(function (pagefind) {
        var all = pagefind.search(query);
        var local = here ? pagefind.search(query, { filters: { briefing: here } }) : null;
        return Promise.all([local, all]);
      })
      .then(function (found) {
        if (ticket !== asked) {
          return;
        }
        var first = found[0] ? found[0].results : [];
        var seen = {};
        first.forEach(function (result) {
          seen[result.id] = true;
        });
        var rest = (found[1] ? found[1].results : []).filter(function (result) {
          return !seen[result.id];
        });
        shown = first.concat(rest);
        shown.query = query;
        list.textContent = "";
        if (!shown.length) {
          say("No matching pages");
          return;
        }
        say(shown.length === 1 ? "1 matching page" : shown.length + " matching pages");
        return draw(0, ticket);
      })
      .then(function () {
        if (ticket === asked) {
          // What the results now shown answer (tests and the benchmark wait for it).
          box.setAttribute("data-answered", query);
        }
      })
      .catch(function () {
        if (ticket === asked) {
          say("Search is not available on this copy of the site");
        }
      });
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }
  input.addEventListener("focus", function () {
    open();
    load();
  });
  // A pointer over the box or the search button is about to search: start loading then.
  [input, document.querySelector("label.md-header__button[for='__search']")].forEach(
    function (target) {
      if (target) {
        target.addEventListener("pointerenter", load, { once: true });
        target.addEventListener("touchstart", load, { once: true, passive: true });
      }
    }
  );
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    timer = setTimeout(function () {
      search(query);
    }, 60);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    // Enter opens the first result, once the search for what is typed has answered.
    search(input.value).then(function () {
      var first = links()[0];
      if (first) {
        location.href = first.href;
      }
    });
  });
  form.addEventListener("reset", function () {
    asked++;
    list.textContent = "";
    say("Type to start searching");
    input.focus();
  });
  box.addEventListener("keydown", function (event) {
    var items = links();
    var at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = at + step;
      if (next < 0) {
        input.focus();
      } else if (items[Math.min(next, items.length - 1)]) {
        items[Math.min(next, items.length - 1)].focus();
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      input.focus();
    }
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== input) {
        input.focus();
      }
    });
  }
})();
