/* Instant quiz feedback in the browser. Without JavaScript the form is checked by the server.
   Parts found by class and order: no data-* copies in the markup (docs/page-weight.md). */
(function () {
  "use strict";
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function check(section) {
    var form = section.querySelector("form");
    var summary = form.querySelector("[data-quiz-errors]");
    var missing = [], score = 0, questions = all(form, ".quiz__question");
    var summaryItems = all(summary, "li");
    questions.forEach(function (fieldset, index) {
      var answers = all(fieldset, ".quiz__answers > li");
      var chosen = answers.filter(function (li) { return li.querySelector("input").checked; });
      var error = fieldset.querySelector(".quiz__error");
      var answered = chosen.length > 0;
      error.hidden = answered;
      fieldset.classList.toggle("quiz__question--error", !answered);
      if (answered) { fieldset.removeAttribute("aria-invalid"); } else { fieldset.setAttribute("aria-invalid", "true"); missing.push(index); }
      summaryItems[index].hidden = answered;
      var right = answered && answers.every(function (li) {
        return li.querySelector("input").checked === (li.querySelector(".quiz__feedback--right") !== null);
      });
      if (right) score += 1;
      answers.forEach(function (li) { li.querySelector(".quiz__feedback").hidden = !li.querySelector("input").checked; });
      var verdict = fieldset.querySelector(".quiz__verdict");
      verdict.hidden = !answered;
      verdict.textContent = section.getAttribute(right ? "data-label-right" : "data-label-wrong");
      var explanation = fieldset.querySelector(".quiz__explanation");
      if (explanation) explanation.hidden = !answered;
    });
    var scoreEl = form.querySelector("[data-quiz-score]");
    var verdicts = form.querySelector("[data-quiz-verdicts]");
    summary.hidden = missing.length === 0;
    if (missing.length) {
      scoreEl.hidden = true;
      verdicts.textContent = "";
      summary.focus();
      return;
    }
    scoreEl.textContent = section.getAttribute("data-label-score")
      .replace("%(score)s", score).replace("%(max)s", questions.length);
    scoreEl.hidden = false;
    // Read out by the quiz's live region (role=status): "Question 1 sur 3 : Bravo… <the
    // comment of each answer chosen>", as the server writes it after a no-JS check.
    verdicts.textContent = questions.map(function (fieldset) {
      var said = [fieldset.querySelector(".quiz__number").textContent + " :",
        fieldset.querySelector(".quiz__verdict").textContent];
      all(fieldset, ".quiz__answers > li").forEach(function (li) {
        if (!li.querySelector("input").checked) return;
        var feedback = li.querySelector(".quiz__feedback");
        var comment = feedback.textContent.replace(feedback.querySelector("strong").textContent, "").trim();
        if (comment) said.push(comment);
      });
      return said.join(" ");
    }).join(" ");
    var key = section.getAttribute("data-quiz-key");
    if (key && window.CapProgress) window.CapProgress.recordQuiz(key, score, questions.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    all(document, "[data-quiz]").forEach(function (section) {
      section.querySelector("form").addEventListener("submit", function (event) {
        event.preventDefault();
        check(section);
      });
    });
  });
})();
