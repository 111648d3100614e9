// Dismissible site banners: the choice is remembered in localStorage (never a cookie).
(function () {
  "use strict";
  var KEY = "capnum-bannieres-masquees";
  function dismissed() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function remember(id) {
    var ids = dismissed();
    if (ids.indexOf(id) === -1) ids.push(id);
    try { window.localStorage.setItem(KEY, JSON.stringify(ids.slice(-50))); } catch (e) { /* private mode */ }
  }
  document.querySelectorAll("[data-banner-id]").forEach(function (banner) {
    var id = banner.getAttribute("data-banner-id");
    if (dismissed().indexOf(id) !== -1) { banner.hidden = true; return; }
    var button = banner.querySelector(".site-banner__close");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      remember(id);
      banner.hidden = true;
      var main = document.getElementById("contenu");
      if (main) main.focus();
    });
  });
})();
