/* Progress without an account, in this browser only. localStorage "capnum-progress-v1":
   {"v":1,"lessons":{"<page id>":{"done":true,"t":"ISO date"}},"quizzes":{"<key>":{"score":n,"max":n}},
    "activities":{"<H5P uuid>":{"completed":true,"score":n,"max":n}}}
   API: window.CapProgress (quizzes, H5P, progress-tools.js). Lesson pages load only this file
   (page weight): lists, codes, attestation and « Effacer » are in progress-tools.js. */
(function () {
  "use strict";
  var PREFIX = "capnum-"; // every key this site writes in localStorage starts with it
  var KEY = PREFIX + "progress-v1";
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

  function notify(data) { listeners.forEach(function (cb) { try { cb(data); } catch (e) { /* ignore */ } }); }

  function write(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode */ }
    notify(data);
  }

  function update(fn) { var data = read(); fn(data); write(data); return data; }

  function entries(obj, fn) { return Object.keys(obj).map(function (k) { return fn(k, obj[k]); }); }

  var api = {
    get: read,
    onChange: function (cb) { listeners.push(cb); },
    markLessonDone: function (lessonId) {
      return update(function (d) { d.lessons[String(lessonId)] = { done: true, t: new Date().toISOString() }; });
    },
    unmarkLesson: function (lessonId) {
      return update(function (d) { delete d.lessons[String(lessonId)]; });
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
        entries(restored.quizzes || {}, function (k, q) { d.quizzes[k] = { score: q[0], max: q[1] }; });
        entries(restored.activities || {}, function (k, a) {
          d.activities[k] = a[0] === null ? { completed: true } : { completed: true, score: a[0], max: a[1] };
        });
      });
    },
    compact: function () {
      var d = read(), quizzes = {}, activities = {};
      entries(d.quizzes, function (k, q) { quizzes[k] = [q.score, q.max]; });
      entries(d.activities, function (k, a) {
        if (a.completed) activities[k] = typeof a.score === "number" ? [a.score, a.max] : [null, null];
      });
      return {
        lessons: Object.keys(d.lessons).filter(function (k) { return d.lessons[k].done; }).map(Number),
        quizzes: quizzes,
        activities: activities
      };
    },
    // Shared computers: nothing of this site stays in the browser (progress, closed banners).
    clear: function () {
      var storage = window.localStorage;
      try {
        for (var i = storage.length - 1; i >= 0; i -= 1) {
          var key = storage.key(i);
          if (key && key.indexOf(PREFIX) === 0) storage.removeItem(key);
        }
      } catch (e) { /* private mode */ }
      notify(empty());
    },
    // UI strings come translated from the templates, with %(name)s placeholders.
    format: function (text, values) {
      return (text || "").replace(/%\((\w+)\)s/g, function (match, name) { return values[name]; });
    },
    all: function (selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  };
  window.CapProgress = api;

  function render() {
    var lesson = document.querySelector("article[data-lesson-id]");
    var box = document.querySelector("[data-lesson-done]");
    if (!lesson || !box) return;
    var done = api.isDone(lesson.getAttribute("data-lesson-id"));
    var button = box.querySelector("[data-mark-done]");
    var status = box.querySelector("[data-done-status]");
    var label = button.querySelector("span") || button; // the text beside the pictogram
    if (!button.hasAttribute("data-label-mark")) button.setAttribute("data-label-mark", label.textContent);
    label.textContent = button.getAttribute(done ? "data-label-undo" : "data-label-mark");
    // After an undo (the status said "done"), say it is to do again.
    if (done || status.textContent) status.textContent = status.getAttribute(done ? "data-label-done" : "data-label-undone");
    box.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var mark = document.querySelector("[data-mark-done]");
    if (mark) {
      mark.addEventListener("click", function () {
        var id = document.querySelector("article[data-lesson-id]").getAttribute("data-lesson-id");
        if (api.isDone(id)) api.unmarkLesson(id); else api.markLessonDone(id);
      });
    }
    api.all("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    api.onChange(render);
    render();
  });
})();
