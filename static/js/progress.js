/* Progress without an account, kept in this browser only (localStorage "capnum-progress-v1").
   Schema: {"v":1,"lessons":{"<page id>":{"done":true,"t":"ISO date"}},
            "quizzes":{"<key>":{"score":n,"max":n}},
            "activities":{"<id>":{"completed":true,"score":n,"max":n}}}
   Public API (also used by the H5P activities): window.CapProgress. */
(function () {
  "use strict";
  var KEY = "capnum-progress-v1";
  var listeners = [];

  function empty() { return { v: 1, lessons: {}, quizzes: {}, activities: {} }; }

  function read() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (!data || data.v !== 1) return empty();
      data.lessons = data.lessons || {};
      data.quizzes = data.quizzes || {};
      data.activities = data.activities || {};
      return data;
    } catch (e) { return empty(); }
  }

  function write(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode */ }
    listeners.forEach(function (cb) { try { cb(data); } catch (e) { /* ignore */ } });
  }

  function update(fn) { var data = read(); fn(data); write(data); return data; }

  var api = {
    get: read,
    onChange: function (cb) { listeners.push(cb); },
    markLessonDone: function (lessonId) {
      return update(function (d) { d.lessons[String(lessonId)] = { done: true, t: new Date().toISOString() }; });
    },
    recordQuiz: function (key, score, max) {
      return update(function (d) { d.quizzes[String(key)] = { score: score, max: max }; });
    },
    markActivity: function (activityId, result) {
      result = result || {};
      return update(function (d) {
        var entry = { completed: !!result.completed };
        if (typeof result.score === "number") entry.score = result.score;
        if (typeof result.max === "number") entry.max = result.max;
        d.activities[String(activityId)] = entry;
      });
    },
    isDone: function (lessonId) { var l = read().lessons[String(lessonId)]; return !!(l && l.done); },
    merge: function (restored) {
      return update(function (d) {
        (restored.lessons || []).forEach(function (id) {
          if (!d.lessons[String(id)]) d.lessons[String(id)] = { done: true, t: new Date().toISOString() };
        });
        var q = restored.quizzes || {};
        Object.keys(q).forEach(function (key) { d.quizzes[key] = { score: q[key][0], max: q[key][1] }; });
      });
    },
    compact: function () {
      var d = read(), quizzes = {};
      Object.keys(d.quizzes).forEach(function (k) { quizzes[k] = [d.quizzes[k].score, d.quizzes[k].max]; });
      return {
        lessons: Object.keys(d.lessons).filter(function (k) { return d.lessons[k].done; }).map(Number),
        quizzes: quizzes
      };
    }
  };
  window.CapProgress = api;

  // UI strings come translated from the templates, with %(name)s placeholders.
  function format(text, values) {
    return (text || "").replace(/%\((\w+)\)s/g, function (match, name) { return values[name]; });
  }

  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  function render() {
    all("[data-progress-lessons]").forEach(function (el) {
      var ids = el.getAttribute("data-progress-lessons").split(",").filter(Boolean);
      if (!ids.length) return;
      var done = ids.filter(api.isDone).length;
      el.textContent = format(el.getAttribute(done > 1 ? "data-label-many" : "data-label-one"), { done: done, total: ids.length });
      el.hidden = false;
    });
    all("[data-lesson-id] [data-done-label]").forEach(function (el) {
      el.hidden = !api.isDone(el.closest("[data-lesson-id]").getAttribute("data-lesson-id"));
    });
    var lesson = document.querySelector("article[data-lesson-id]");
    var box = document.querySelector("[data-lesson-done]");
    if (lesson && box) {
      box.hidden = false;
      var status = box.querySelector("[data-done-status]");
      if (api.isDone(lesson.getAttribute("data-lesson-id"))) status.textContent = status.getAttribute("data-label-done");
    }
    var attestation = document.querySelector("[data-attestation]");
    if (attestation) {
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
  }

  document.addEventListener("DOMContentLoaded", function () {
    var restored = document.getElementById("restored-progress");
    if (restored) {
      api.merge(JSON.parse(restored.textContent));
      var note = document.querySelector("[data-restored]");
      if (note) note.hidden = false;
    }
    var mark = document.querySelector("[data-mark-done]");
    if (mark) {
      mark.addEventListener("click", function () {
        api.markLessonDone(document.querySelector("article[data-lesson-id]").getAttribute("data-lesson-id"));
      });
    }
    var maker = document.querySelector("[data-code-maker]");
    var script = document.querySelector("script[data-code-url]");
    if (maker && script) {
      maker.hidden = false;
      maker.querySelector("[data-make-code]").addEventListener("click", function () {
        var out = maker.querySelector("[data-code-output]");
        var url = script.getAttribute("data-code-url") + "?p=" + encodeURIComponent(JSON.stringify(api.compact()));
        fetch(url, { credentials: "omit" }).then(function (r) { return r.json(); }).then(function (data) {
          out.textContent = "";
          var label = document.createElement("span");
          label.textContent = maker.getAttribute("data-label-code");
          var code = document.createElement("code");
          code.className = "resume-code";
          code.setAttribute("data-resume-code", "");
          code.textContent = data.code;
          out.appendChild(label);
          out.appendChild(code);
        }).catch(function () { out.textContent = maker.getAttribute("data-label-error"); });
      });
    }
    var name = document.getElementById("nom");
    if (name) {
      name.addEventListener("input", function () {
        document.querySelector("[data-attestation-name]").textContent = name.value || "…";
      });
    }
    all("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    api.onChange(render);
    render();
  });
})();
