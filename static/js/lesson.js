/* "Écouter": reads the lesson aloud with the browser's speech synthesis, when it has one. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-speak]");
    var source = document.querySelector("[data-speak-source]");
    if (!button || !source || !window.speechSynthesis || typeof SpeechSynthesisUtterance === "undefined") return;
    var synth = window.speechSynthesis;
    // Labels come translated from the template.
    var startLabel = button.textContent, stopLabel = button.getAttribute("data-label-stop");
    button.hidden = false;
    function stop() { synth.cancel(); button.setAttribute("aria-pressed", "false"); button.textContent = startLabel; }
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") { stop(); return; }
      var title = document.querySelector("main h1");
      var utterance = new SpeechSynthesisUtterance((title ? title.textContent + ". " : "") + source.innerText);
      utterance.lang = document.documentElement.lang || "fr";
      utterance.onend = stop;
      button.setAttribute("aria-pressed", "true");
      button.textContent = stopLabel;
      synth.speak(utterance);
    });
    window.addEventListener("pagehide", stop);
  });
})();
