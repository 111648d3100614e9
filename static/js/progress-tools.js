/* Pages that show the progress (index, path, resume, attestation; progress.js, loaded
   before, keeps the data): lesson counts, H5P results, restoring from a code, making a code,
   the attestation from this browser, « Effacer ma progression » with an in-page confirmation. */
(function () {
  "use strict";
  var api = window.CapProgress;
  if (!api) return;
  var all = api.all;

  function renderAttestation() {
    var attestation = document.querySelector("[data-attestation]");
    if (!attestation) return;
    var count = 0;
    all("[data-attestation] [data-lesson-id]").forEach(function (li) {
      li.hidden = !api.isDone(li.getAttribute("data-lesson-id"));
      if (!li.hidden) count += 1;
    });
    all("[data-attestation-path]").forEach(function (p) { p.hidden = !p.querySelector("li:not([hidden])"); });
    attestation.querySelector("[data-attestation-empty]").hidden = count > 0;
    attestation.querySelector("[data-attestation-date]").textContent = new Date().toLocaleDateString(document.documentElement.lang || "fr");
    attestation.hidden = false;
    document.querySelector("[data-attestation-form]").hidden = false;
  }

  function render() {
    var data = api.get();
    all("[data-progress-lessons]").forEach(function (el) {
      var ids = el.getAttribute("data-progress-lessons").split(",").filter(Boolean);
      if (!ids.length) return;
      var done = ids.filter(api.isDone).length;
      el.textContent = api.format(el.getAttribute(done > 1 ? "data-label-many" : "data-label-one"), { done: done, total: ids.length });
      el.hidden = false;
    });
    all("[data-lesson-id] [data-done-label]").forEach(function (el) {
      el.hidden = !api.isDone(el.closest("[data-lesson-id]").getAttribute("data-lesson-id"));
    });
    // H5P results (path page, attestation): shown where the activity is done.
    all("[data-activity-id]").forEach(function (li) {
      var a = data.activities[li.getAttribute("data-activity-id")];
      var out = li.querySelector("[data-activity-score]");
      li.hidden = !(a && a.completed);
      out.textContent = typeof (a && a.score) === "number" ?
        api.format(out.getAttribute("data-label-score"), { score: a.score, max: a.max }) : out.getAttribute("data-label-done");
    });
    all("[data-activities]").forEach(function (box) { box.hidden = !box.querySelector("li:not([hidden])"); });
    renderAttestation();
  }

  function makeCode(maker, url) {
    var out = maker.querySelector("[data-code-output]");
    fetch(url + "?p=" + encodeURIComponent(JSON.stringify(api.compact())), { credentials: "omit" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        out.textContent = "";
        var label = document.createElement("span");
        label.textContent = maker.getAttribute("data-label-code");
        var code = document.createElement("code");
        code.className = "resume-code";
        code.setAttribute("data-resume-code", "");
        code.textContent = data.code;
        out.appendChild(label);
        out.appendChild(code);
      })
      .catch(function () { out.textContent = maker.getAttribute("data-label-error"); });
  }

  function setUpClear(section) {
    var ask = section.querySelector("[data-clear-ask]");
    var confirm = section.querySelector("[data-clear-confirm]");
    var status = section.querySelector("[data-clear-status]");
    function toggle(open) {
      confirm.hidden = !open;
      ask.setAttribute("aria-expanded", String(open));
      (open ? confirm.querySelector("[data-clear-yes]") : ask).focus();
    }
    section.hidden = false;
    ask.addEventListener("click", function () { status.textContent = ""; toggle(confirm.hidden); });
    section.querySelector("[data-clear-no]").addEventListener("click", function () { toggle(false); });
    section.querySelector("[data-clear-yes]").addEventListener("click", function () {
      api.clear();
      toggle(false);
      status.textContent = status.getAttribute("data-label-done");
      // Nothing of the previous person on screen or in the address either.
      all("[data-from-code], [data-restore-status]").forEach(function (el) { el.hidden = true; });
      all("[data-code-output]").forEach(function (el) { el.textContent = ""; });
      all("input[name=code]").forEach(function (el) { el.value = ""; });
      dropCode();
    });
  }

  // Reloading or going Back to a ?code= address must not restore it again (shared computers).
  function dropCode() {
    if (/[?&]code=/.test(window.location.search)) window.history.replaceState(null, "", window.location.pathname);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var restored = document.getElementById("restored-progress");
    if (restored) {
      api.merge(JSON.parse(restored.textContent));
      dropCode();
      var note = document.querySelector("[data-restored]");
      if (note) note.hidden = false;
    }
    var maker = document.querySelector("[data-code-maker]");
    var script = document.querySelector("script[data-code-url]");
    if (maker && script) {
      maker.hidden = false;
      maker.querySelector("[data-make-code]").addEventListener("click", function () {
        makeCode(maker, script.getAttribute("data-code-url"));
      });
    }
    var name = document.getElementById("nom");
    if (name) {
      name.addEventListener("input", function () {
        document.querySelector("[data-attestation-name]").textContent = name.value || "…";
      });
    }
    all("[data-clear]").forEach(setUpClear);
    api.onChange(render);
    render();
  });
})();
