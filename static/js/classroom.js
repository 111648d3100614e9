/* Classroom mode: one slide at a time on the projector. Arrow keys, PageUp/PageDown (what
   presentation clickers send), Home/End and the buttons move between slides; every slide is
   already in the page, so nothing is fetched and the deck keeps working offline. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var deck = document.querySelector("[data-deck]");
    var controls = document.querySelector("[data-deck-controls]");
    if (!deck || !controls) return;
    var slides = Array.prototype.slice.call(deck.querySelectorAll("[data-slide]"));
    if (!slides.length) return;
    var status = controls.querySelector("[data-deck-status]");
    var prev = controls.querySelector("[data-deck-prev]");
    var next = controls.querySelector("[data-deck-next]");
    var hint = document.querySelector("[data-deck-hint]");
    var current = 0;

    document.body.classList.add("classroom--js");
    controls.hidden = false;
    if (hint) hint.hidden = false;
    slides.forEach(function (slide) { slide.setAttribute("tabindex", "-1"); });

    function show(index, moveFocus) {
      var last = slides.length - 1;
      // Past either end: stay, and say so. The buttons are never `disabled`, which would
      // drop the focus of a keyboard user to <body>; aria-disabled says the same thing.
      var edge = index < 0 ? "data-label-first" : index > last ? "data-label-last" : null;
      current = Math.max(0, Math.min(last, index));
      slides.forEach(function (slide, i) { slide.hidden = i !== current; });
      prev.setAttribute("aria-disabled", String(current === 0));
      next.setAttribute("aria-disabled", String(current === last));
      // The sentences come translated from the template.
      status.textContent = (status.getAttribute("data-label") || "{n} / {total}")
        .replace("{n}", String(current + 1)).replace("{total}", String(slides.length)) +
        (edge ? " " + status.getAttribute(edge) : "");
      if (moveFocus) slides[current].focus();
      if (window.location.hash !== "#diapo-" + (current + 1) && window.history.replaceState) {
        window.history.replaceState(null, "", "#diapo-" + (current + 1));
      }
    }

    function isTyping(target) {
      // Arrow keys choose quiz answers inside radio groups and move the caret in fields.
      return target && target.matches && target.matches("input, select, textarea, [contenteditable]");
    }

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      var key = event.key;
      if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown") {
        event.preventDefault(); show(current + 1, true);
      } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") {
        event.preventDefault(); show(current - 1, true);
      } else if (key === "Home") {
        event.preventDefault(); show(0, true);
      } else if (key === "End") {
        event.preventDefault(); show(slides.length - 1, true);
      }
    });
    prev.addEventListener("click", function () { show(current - 1, false); });
    next.addEventListener("click", function () { show(current + 1, false); });

    var match = /^#diapo-(\d+)$/.exec(window.location.hash);
    show(match ? parseInt(match[1], 10) - 1 : 0, false);
  });
})();
