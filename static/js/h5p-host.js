// Host side of H5P activities: puts each activity's player in a sandboxed iframe (opaque
// origin: its scripts cannot reach this page, its cookies or its storage), listens to the
// player's xAPI results, marks progress in this browser and sends anonymous counters.
(function () {
  'use strict';
  if (window.CapH5PHost) { return; } // the script is included once per activity block
  var STORAGE_KEY = 'capnum-progress-v1';
  var VERB = /^[a-z-]{1,40}$/;
  var frames = [];

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }

  // Fallback when static/js/progress.js (learning paths) is not on the page: same key, same
  // schema, so both scripts share one record.
  function markActivityLocally(id, result) {
    var data;
    try {
      data = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) { data = null; }
    if (!data || typeof data !== 'object' || data.v !== 1) {
      data = {v: 1, lessons: {}, quizzes: {}, activities: {}};
    }
    ['lessons', 'quizzes', 'activities'].forEach(function (k) {
      if (!data[k] || typeof data[k] !== 'object') { data[k] = {}; }
    });
    data.activities[id] = result;
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(data)); } catch (e) { /* private mode */ }
  }

  function markActivity(id, result) {
    if (window.CapProgress && typeof window.CapProgress.markActivity === 'function') {
      window.CapProgress.markActivity(id, result);
    } else {
      markActivityLocally(id, result);
    }
  }

  // Anonymous aggregate counters: no cookie, no identifier, only the event name.
  function count(item, kind) {
    if (item.sent[kind]) { return; }
    item.sent[kind] = true;
    var body = new URLSearchParams({event: kind});
    window.fetch(item.section.dataset.h5pEvents, {
      method: 'POST', body: body, credentials: 'omit', keepalive: true
    }).catch(function () { /* counting is best effort */ });
  }

  function onResult(item, msg) {
    count(item, 'started');
    if (msg.verb === 'completed' || msg.verb === 'passed') {
      var result = {completed: true, score: num(msg.score), max: num(msg.maxScore)};
      markActivity(item.id, result);
      count(item, 'completed');
      item.status.textContent = item.section.dataset.h5pDone || '';
    }
  }

  window.addEventListener('message', function (event) {
    // A sandboxed frame posts with origin "null": authenticate it by its window.
    if (event.origin !== 'null') { return; }
    var item = null;
    frames.forEach(function (f) { if (f.frame.contentWindow === event.source) { item = f; } });
    var msg = event.data;
    if (!item || !msg || typeof msg !== 'object' || msg.activity !== item.id) { return; }
    if (msg.type === 'h5p-resize') {
      var h = num(msg.height);
      if (h !== null) { item.frame.style.height = Math.min(Math.max(h, 80), 4000) + 'px'; }
    } else if (msg.type === 'h5p-xapi' && typeof msg.verb === 'string' && VERB.test(msg.verb)) {
      onResult(item, msg);
    } else if (msg.type === 'h5p-error') {
      item.status.textContent = item.section.dataset.h5pFailed || '';
    }
  });

  document.querySelectorAll('[data-h5p-activity]').forEach(function (section) {
    var stage = section.querySelector('[data-h5p-stage]');
    var nojs = section.querySelector('[data-h5p-nojs]');
    var frame = document.createElement('iframe');
    // Never add allow-same-origin: with allow-scripts it would undo the sandbox.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('title', section.dataset.h5pFrameTitle || section.dataset.h5pTitle);
    frame.className = 'h5p-activity__frame';
    frames.push({
      id: section.dataset.h5pActivity, section: section, frame: frame, sent: {},
      status: section.querySelector('[data-h5p-status]')
    });
    frame.src = section.dataset.h5pPlayer;
    if (nojs) { nojs.hidden = true; }
    stage.appendChild(frame);
  });
  window.CapH5PHost = {frames: frames};
})();
