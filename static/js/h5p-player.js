// Runs inside <iframe sandbox="allow-scripts"> (opaque origin): plays the H5P package with
// h5p-standalone (embedType 'div': the sandbox is the isolation) and reports xAPI results
// and the content height to the host page with postMessage.
(function () {
  'use strict';
  var el = document.getElementById('h5p-container');
  var data = el.dataset;
  var id = data.id;
  // location.origin is the URL's origin even though this document's origin is "null":
  // messages can only reach our own site.
  var parentOrigin = location.origin;

  function send(msg) {
    msg.activity = id;
    window.parent.postMessage(msg, parentOrigin);
  }

  // Merged by h5p-standalone: gives the anonymous xAPI actor a valid account.homePage.
  window.H5PIntegration = {siteUrl: parentOrigin};
  new H5PStandalone.H5P(el, {
    id: id,
    h5pJsonPath: data.h5pJsonPath,
    frameJs: data.frameJs,
    frameCss: data.frameCss,
    embedType: 'div',
    title: data.title,
    saveFreq: false,
    postUserStatistics: false,
    xAPIObjectIRI: data.objectIri,
    preventH5PInit: false // we call H5P.init() ourselves, see below
  }).then(function () {
    // h5p-standalone 3.8 drops a minor version of 0 from the library string
    // ("H5P.CapQuiz 1" -> xAPI category "H5P.CapQuiz-1.undefined"): restore it.
    var cid = H5PIntegration.contents['cid-' + id];
    if (cid && /^\S+ \d+$/.test(cid.library)) { cid.library += '.0'; }
    H5P.preventInit = false;
    H5P.init(document.body);

    H5P.externalDispatcher.on('xAPI', function (event) {
      var result = event.data.statement.result || {};
      send({
        type: 'h5p-xapi',
        verb: event.getVerb(),
        score: event.getScore(),
        maxScore: event.getMaxScore(),
        success: result.success === true
      });
    });
    var last = 0;
    function reportHeight() {
      var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) { last = h; send({type: 'h5p-resize', height: h}); }
    }
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
    send({type: 'h5p-ready'});
  }).catch(function (err) {
    send({type: 'h5p-error', message: String((err && err.message) || err)});
  });
})();
