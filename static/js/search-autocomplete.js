/* Title suggestions for the search page (progressive enhancement: the form works without
   it). ARIA 1.2 combobox with a listbox popup; Enter on a suggestion opens the page. */
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  if (!input || !window.fetch) return;
  var url = input.getAttribute("data-autocomplete-url");
  var list = document.createElement("ul");
  list.id = "search-q-suggestions";
  list.className = "search-autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label"));
  list.hidden = true;
  input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  var items = [], active = -1, timer = null, lastQuery = "";

  function close() {
    list.hidden = true; list.textContent = ""; items = []; active = -1; lastQuery = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlight(index) {
    var nodes = list.children;
    for (var i = 0; i < nodes.length; i++) nodes[i].setAttribute("aria-selected", i === index ? "true" : "false");
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", nodes[index].id);
    else input.removeAttribute("aria-activedescendant");
  }
  function render(results) {
    list.textContent = ""; items = results; active = -1;
    if (!results.length) { list.hidden = true; input.setAttribute("aria-expanded", "false"); return; }
    results.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "search-q-suggestion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.title;
      li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = item.url; });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }
  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    if (q === lastQuery) return;
    lastQuery = q;
    fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === q) render(data.results || []); })
      .catch(close);
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 200); });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].url; }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
