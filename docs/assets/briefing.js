// Cite lines: show each permalink as the absolute address the reader is on, and offer a
// button that copies the whole reference. Without JavaScript the line still reads, with
// the link's path within the site.
(function () {
  "use strict";
  function nameSearchDialog() {
    // Material's search panel has role="dialog" but no name; screen readers announce an
    // unnamed dialog. The panel only works with JavaScript, so naming it here is enough.
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Search this site");
    }
  }
  function prepare() {
    nameSearchDialog();
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

// Search results across briefings: each result names the briefing it belongs to, and the
// results of the briefing the reader is in come first, the rest keeping Material's order.
// The titles come from the build (assets/briefings.json: {slug: title}). Material renders
// results into its list in batches; this only labels and moves the items it has rendered,
// and gives the moved ones the top score, which Material's Enter key goes by.
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var list = document.querySelector(".md-search-result__list");
  if (!config || !list || !window.fetch || !window.MutationObserver) {
    return;
  }
  var root = new URL(JSON.parse(config.textContent).base + "/", location.href);
  var titles = null;
  function briefingOf(url) {
    var path = new URL(url, location.href).pathname;
    if (path.indexOf(root.pathname) !== 0) {
      return null;
    }
    var slug = path.slice(root.pathname.length).split("/")[0];
    return Object.prototype.hasOwnProperty.call(titles, slug) ? slug : null;
  }
  function arrange() {
    var here = briefingOf(location.href);
    var items = list.querySelectorAll(":scope > li.md-search-result__item");
    var firstOther = null;
    items.forEach(function (item) {
      var link = item.querySelector("a.md-search-result__link");
      var slug = link ? briefingOf(link.href) : null;
      if (slug !== null && !item.querySelector(".briefing-search-label")) {
        var label = document.createElement("span");
        label.className = "briefing-search-label";
        label.textContent = titles[slug];
        label.style.display = "block";
        label.style.fontSize = ".64rem";
        label.style.opacity = ".75";
        var article = link.querySelector("article");
        var heading = article && article.querySelector("h1, h2");
        (heading || link).insertAdjacentElement(heading ? "beforebegin" : "afterbegin", label);
      }
      if (here === null) {
        return;
      }
      if (slug !== here) {
        firstOther = firstOther || item;
        return;
      }
      if (!item.dataset.briefingPlaced) {
        item.dataset.briefingPlaced = "1";
        item.querySelectorAll("[data-md-score]").forEach(function (article) {
          article.setAttribute("data-md-score", String(1e12 + Number(article.dataset.mdScore)));
        });
      }
      if (firstOther) {
        list.insertBefore(item, firstOther);
      }
    });
  }
  fetch(new URL("assets/briefings.json", root))
    .then(function (response) {
      return response.ok ? response.json() : {};
    })
    .then(function (data) {
      titles = data;
      new MutationObserver(arrange).observe(list, { childList: true });
      arrange();
    })
    .catch(function () {});
})();
