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
