// Cite lines: show each permalink as the absolute address the reader is on, and offer a
// button that copies the whole reference. Without JavaScript the line still reads, with
// the link's path within the site. "Copied" shows on the button and is announced through
// a live region (a button's new text alone is not read out).
(function () {
  "use strict";
  var live = null;
  function announce(text) {
    // Emptied first, so a second copy is announced again.
    live.textContent = "";
    setTimeout(function () {
      live.textContent = text;
    }, 100);
  }
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
      if (!live) {
        live = document.createElement("div");
        live.className = "briefing-live";
        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
        document.body.appendChild(live);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "briefing-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this citation");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent.trim()).then(function () {
          button.textContent = "Copied";
          button.setAttribute("aria-label", "Copied");
          announce("Copied");
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
  // The 404 page's base is "/" (others' is "." or ".."): one slash, never "//", which
  // would read as an address with no host.
  var base = JSON.parse(config.textContent).base.replace(/\/+$/, "");
  var root = new URL(base + "/", location.href);
  var mine = document.querySelector("meta[data-pagefind-filter='briefing[content]']");
  var here = mine ? mine.getAttribute("content") : null;
  var PAGE = 10;
  var engine = null;
  var shown = [];
  var asked = 0;
  var timer = null;

  function indexURL(index) {
    return new URL("pagefind/" + index.folder, root);
  }
  function load() {
    // The site's search indexes (render/search_index.py), from pagefind/indexes.json. The
    // index holding the reader's briefing is loaded first and answers alone (`own`); the
    // others are merged into it when the whole site is first searched (`all`).
    if (!engine) {
      engine = fetch(new URL("pagefind/indexes.json", root))
        .then(function (response) {
          return response.json();
        })
        .then(function (indexes) {
          var own = indexes.filter(function (index) {
            return here !== null && index.briefings.indexOf(here) >= 0;
          })[0] || indexes[0];
          var url = new URL("pagefind.js", indexURL(own)).href;
          return import(url).then(function (pagefind) {
            // No web worker: a query takes tens of milliseconds, and the worker cost 41 KB
            // and its start-up on the first search.
            var options = { baseUrl: root.pathname, excerptLength: 24, noWorker: true };
            var merged = null;
            var all = function () {
              merged =
                merged ||
                Promise.all(
                  indexes
                    .filter(function (index) {
                      return index !== own;
                    })
                    .map(function (index) {
                      return pagefind.mergeIndex(indexURL(index).pathname, options);
                    })
                );
              return merged.then(function () {
                return pagefind;
              });
            };
            return pagefind
              .options(options)
              .then(function () {
                return pagefind.init();
              })
              .then(function () {
                return { own: pagefind, all: all };
              });
          });
        });
    }
    return engine;
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
  // ---- Search that lands on the fact (issue 27, item 7) ----------------------------------
  // A result opens the fact it found, not the top of its page: the element with an id just
  // before the page's best-scoring matched word (an event's or a statement's heading, a
  // claim's row, a source's paragraph), found in Pagefind's `anchors`; its excerpt is the
  // words around that word, within the fact. The page's title (h1) is not a fact: a match
  // there opens the page, as does a match on an actor's or place's page, which is the fact.
  // The hidden list of the words an actor or place is found by (main.html) ranks the page
  // but is never shown or landed on.
  var NAMES_ID = "briefing-search-names";
  var WORDS = 24;
  function landing(data) {
    var words = (data.content || "").split(/\s+/);
    var anchors = (data.anchors || []).slice().sort(function (a, b) {
      return a.location - b.location;
    });
    var names = anchors.filter(function (a) {
      return a.id === NAMES_ID;
    })[0];
    var shown = names ? names.location : words.length;
    var hits = (data.weighted_locations || []).filter(function (hit) {
      return hit.location < shown;
    });
    var best = hits.reduce(function (top, hit) {
      return !top || hit.balanced_score > top.balanced_score ? hit : top;
    }, null);
    var at = best ? best.location : 0;
    var facts = anchors.filter(function (a) {
      return a.id !== NAMES_ID && a.element !== "h1" && /^(h[2-6]|p|span|li|td|tr|div|section)$/.test(a.element);
    });
    var before = facts.filter(function (a) {
      return a.location <= at;
    });
    var anchor = best && before.length ? before[before.length - 1] : null;
    // The result's title: the headings it stands under ("22 May 2023: The raid › Who was
    // responsible"), the page's own when it opens the page.
    var headings = [];
    before.forEach(function (a) {
      var level = /^h([2-6])$/.exec(a.element);
      if (level && a.text) {
        headings = headings.slice(0, Number(level[1]) - 2);
        headings[Number(level[1]) - 2] = a.text;
      }
    });
    var next = facts.filter(function (a) {
      return a.location > at;
    })[0];
    // The excerpt starts after the heading the result is titled by, so as not to repeat it.
    var start = anchor ? anchor.location + (/^h[2-6]$/.test(anchor.element) ? (anchor.text || "").split(/\s+/).length : 0) : 0;
    var end = Math.min(next ? next.location : shown, shown);
    var from = Math.max(start, Math.min(at - Math.floor(WORDS / 3), end - WORDS));
    var marked = {};
    hits.forEach(function (hit) {
      marked[hit.location] = true;
    });
    var parts = [];
    for (var i = Math.max(from, 0); i < Math.min(from + WORDS, end); i++) {
      parts.push(marked[i] ? "<mark>" + words[i] + "</mark>" : words[i]);
    }
    // A source's facts are its paragraphs; a heading of its page is analysis about it.
    var fact = anchor && data.meta.fact && !(data.meta.fact === "paragraph" && anchor.element !== "p");
    var kind = fact ? data.meta.fact : data.meta.kind;
    return {
      url: anchor ? data.url.split("#")[0] + "#" + encodeURIComponent(anchor.id) : data.url,
      fact: Boolean(fact),
      kind: kind,
      // A source's paragraph is titled as the pages cite it: "The Guardian ¶20".
      title: fact && data.meta.fact === "paragraph"
        ? data.meta.title + " ¶" + anchor.id.replace(/^\D+/, "")
        : anchor && headings.length ? headings.filter(Boolean).join(" › ") : data.meta.title || data.url,
      // The page a fact stands on, unless the label or the briefing already names it.
      page: anchor && data.meta.fact !== "paragraph" && [kind, data.meta.briefing].indexOf(data.meta.title) < 0 ? data.meta.title : "",
      excerpt: (from > start ? "… " : "") + parts.join(" ") + (from + WORDS < end ? " …" : "")
    };
  }
  function item(data, found) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = found.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (data.meta.briefing) {
      var label = document.createElement("span");
      label.className = "briefing-search-label";
      label.textContent = data.meta.briefing;
      article.appendChild(label);
    }
    if (found.kind) {
      // What the result is: "Event", "Claim", "Actor", "Changes", ...; and for a fact, the
      // page it stands on.
      var kind = document.createElement("span");
      kind.className = "briefing-search-kind";
      var words = found.kind.charAt(0).toUpperCase() + found.kind.slice(1);
      kind.textContent = found.page ? words + " · " + found.page : words;
      article.appendChild(kind);
    }
    var title = document.createElement("h1");
    title.textContent = found.title;
    article.appendChild(title);
    article.appendChild(excerpt(found.excerpt));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }
  // ---- End of search that lands on the fact ---------------------------------------------
  function more(from) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "briefing-search-more md-button";
    button.textContent = "Show " + Math.min(PAGE, shown.length - from) + " more";
    button.addEventListener("click", function () {
      list.removeChild(button.parentNode);
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
    // query comes first, within the reader's briefing's results and within the rest; then
    // the results that open a fact (an event, a claim, a statement, a source's paragraph),
    // then the rest, each in Pagefind's order.
    var wanted = plain(query);
    var key = function (page, index) {
      var data = page.data;
      var mine = here && data.filters.briefing && data.filters.briefing[0] === here;
      var byName = named(data, wanted);
      return [mine || !here ? 0 : 1, byName ? 0 : 1, byName || page.found.fact ? 0 : 1, index];
    };
    return pages
      .map(function (page, index) {
        return { data: page, key: key(page, index) };
      })
      .sort(function (a, b) {
        return a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.key[3] - b.key[3];
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
    ).then(function (fragments) {
      if (ticket !== asked) {
        return;
      }
      // Where each result lands, for this query (Pagefind keeps a page's data between
      // searches: nothing of one query's may be kept on it).
      var pages = fragments.map(function (data) {
        return { data: data, found: landing(data) };
      });
      if (from === 0) {
        pages = namedFirst(pages, shown.query);
      }
      pages.forEach(function (page) {
        list.appendChild(item(page.data, page.found));
      });
      if (from + PAGE < shown.length) {
        var li = document.createElement("li");
        li.appendChild(more(from + PAGE));
        list.appendChild(li);
      }
    });
  }
  function show(results, query, ticket) {
    // Draw the first page of `results` afresh.
    shown = results;
    shown.query = query;
    list.textContent = "";
    if (!shown.length) {
      say("No matching pages");
      return Promise.resolve();
    }
    say(shown.length === 1 ? "1 matching page" : shown.length + " matching pages");
    return draw(0, ticket);
  }
  function extend(results, ticket) {
    // The first page is already drawn from the start of `results`: count the rest and
    // offer them.
    var query = shown.query;
    shown = results;
    shown.query = query;
    say(shown.length + " matching pages");
    var button = list.querySelector("button.briefing-search-more");
    if (button) {
      list.removeChild(button.parentNode);
    }
    var drawn = list.querySelectorAll("li.md-search-result__item").length;
    if (drawn < shown.length) {
      var li = document.createElement("li");
      li.appendChild(more(drawn));
      list.appendChild(li);
    }
    return Promise.resolve(ticket);
  }
  function search(query) {
    // The reader's own briefing's results are searched and drawn first; the whole site's
    // follow. Tests and the benchmark wait for what the box is marked with: the query
    // its first results answer (data-first), then the query all its results answer.
    var ticket = ++asked;
    box.removeAttribute("data-answered");
    box.removeAttribute("data-first");
    if (!query.trim()) {
      list.textContent = "";
      say("Type to start searching");
      return Promise.resolve();
    }
    var mark = function (name) {
      if (ticket === asked) {
        box.setAttribute(name, query);
      }
    };
    var indexes = null;
    var first = [];
    return load()
      .then(function (loaded) {
        indexes = loaded;
        return here ? loaded.own.search(query, { filters: { briefing: here } }) : null;
      })
      .then(function (found) {
        if (ticket !== asked || !found) {
          return;
        }
        first = found.results;
        return show(first, query, ticket).then(function () {
          mark("data-first");
        });
      })
      .then(function () {
        return ticket === asked ? indexes.all() : null;
      })
      .then(function (pagefind) {
        return pagefind ? pagefind.search(query) : null;
      })
      .then(function (found) {
        if (ticket !== asked || !found) {
          return;
        }
        var seen = {};
        first.forEach(function (result) {
          seen[result.id] = true;
        });
        var all = first.concat(
          found.results.filter(function (result) {
            return !seen[result.id];
          })
        );
        var drawn = list.querySelectorAll("li.md-search-result__item").length;
        var firstPageDrawn = here && (drawn >= PAGE || drawn === all.length) && first.length;
        return firstPageDrawn ? extend(all, ticket) : show(all, query, ticket);
      })
      .then(function () {
        mark("data-first");
        mark("data-answered");
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

// ==== Wide tables (layout) ====
// A table too wide for its column scrolls inside its own box (Material's
// .md-typeset__scrollwrap). Say so above it: otherwise a reader sees a column cut off and
// no sign that there is more. The stylesheet fits tables to a desk's column and makes wide
// ones cards on a phone, so this is the exception; it is checked again when the width
// changes.
(function () {
  "use strict";
  var NOTE = "briefing-scroll-note";
  function overflows(box) {
    return box.scrollWidth > box.clientWidth + 1;
  }
  function label(table) {
    // Material makes the table scroll itself, inside a box that may scroll too.
    var box = table.closest(".md-typeset__scrollwrap") || table;
    var note = box.previousElementSibling;
    var noted = note !== null && note.classList.contains(NOTE);
    var scrolls = overflows(table) || overflows(box);
    if (scrolls && !noted) {
      note = document.createElement("p");
      note.className = NOTE;
      note.textContent = "Wider than the page: scroll the table sideways for more columns →";
      box.parentNode.insertBefore(note, box);
    } else if (!scrolls && noted) {
      note.remove();
    }
  }
  function check() {
    document.querySelectorAll("article table").forEach(label);
  }
  var pending = false;
  window.addEventListener("resize", function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        check();
      });
    }
  });
  // After Material has wrapped the tables (its scripts run on the same load).
  if (document.readyState === "complete") {
    check();
  } else {
    window.addEventListener("load", check);
  }
})();
