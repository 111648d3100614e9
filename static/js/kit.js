/* "Imprimer le kit": the browser's print dialog (the print styles do the layout). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-print]");
    if (!button || typeof window.print !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
