/*
 * A stand-in for ResizeObserver in browsers that have none (Safari before 13.1, Chrome
 * before 64, Firefox before 69), so that Material's layout still follows the window there.
 *
 * Without it, Material's bundle loads https://unpkg.com/resize-observer-polyfill: a script
 * from another origin, unpinned, that would see every such reader and run on our origin.
 * The site's Content-Security-Policy blocks that request; this file keeps the layout
 * working instead. It is ours rather than that npm package because the package is
 * unmaintained (its last release, 1.5.1, is from 2018) and is about a thousand lines that
 * watch every change to the document (a MutationObserver on all of it) to report sizes
 * exactly, where Material needs only to hear that an element may have changed size: it
 * reads `entry.target` and measures the element itself.
 * So this measures the observed elements when the page loads and when the window resizes
 * or turns, and reports those whose size changed (and each one once when it is observed).
 *
 * Loaded before Material's bundle (theme main.html, block libs); it defines nothing in a
 * browser that has its own ResizeObserver.
 */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") {
    return;
  }
  var observers = [];
  var scheduled = false;

  // The element's content box, as ResizeObserver reports it.
  function contentRect(element) {
    var style = window.getComputedStyle(element);
    var left = parseFloat(style.paddingLeft) || 0;
    var top = parseFloat(style.paddingTop) || 0;
    var width = Math.max(0, element.clientWidth - left - (parseFloat(style.paddingRight) || 0));
    var height = Math.max(0, element.clientHeight - top - (parseFloat(style.paddingBottom) || 0));
    return { x: left, y: top, left: left, top: top, width: width, height: height,
      right: left + width, bottom: top + height };
  }

  function checkAll() {
    scheduled = false;
    observers.slice().forEach(function (observer) { observer._check(); });
  }

  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(checkAll);
    }
  }

  function ResizeObserver(callback) {
    if (typeof callback !== "function") {
      throw new TypeError("ResizeObserver: the callback must be a function");
    }
    this._callback = callback;
    this._watched = []; // {target, width, height}: the size last reported
    observers.push(this);
  }

  ResizeObserver.prototype.observe = function (target) {
    for (var i = 0; i < this._watched.length; i++) {
      if (this._watched[i].target === target) {
        return;
      }
    }
    this._watched.push({ target: target, width: -1, height: -1 });
    schedule();
  };

  ResizeObserver.prototype.unobserve = function (target) {
    this._watched = this._watched.filter(function (w) { return w.target !== target; });
  };

  ResizeObserver.prototype.disconnect = function () {
    this._watched = [];
  };

  ResizeObserver.prototype._check = function () {
    var entries = [];
    this._watched.forEach(function (w) {
      var rect = contentRect(w.target);
      if (rect.width !== w.width || rect.height !== w.height) {
        w.width = rect.width;
        w.height = rect.height;
        entries.push({ target: w.target, contentRect: rect });
      }
    });
    if (entries.length) {
      this._callback.call(this, entries, this);
    }
  };

  window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
  window.addEventListener("orientationchange", schedule);
  window.ResizeObserver = ResizeObserver;
})();
