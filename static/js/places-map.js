// Optional map of the directory's list (only with PLACES_MAP_TILE_URL; docs/places.md « Map »).
// Built hidden, shown once every tile has loaded, removed if one fails: never a broken box.
(function () {
  "use strict";
  var T = 256, MARGIN = 32;
  function at(p, z) {
    var s = T * Math.pow(2, z), sin = Math.sin((p.lat * Math.PI) / 180);
    return { x: ((p.lon + 180) / 360) * s, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * s };
  }
  function box(points, z) {
    var xs = points.map(function (p) { return at(p, z).x; }), ys = points.map(function (p) { return at(p, z).y; });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    return { x: x0, y: y0, w: Math.max.apply(null, xs) - x0, h: Math.max.apply(null, ys) - y0 };
  }
  function el(tag, cls, parent) {
    var e = document.createElement(tag);
    e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function draw(list) {
    var d = list.dataset, groups = {}, points = [], approx = false;
    Array.prototype.forEach.call(list.children, function (card, i) {
      if (!card.dataset.lat) return;
      var key = card.dataset.lat + "," + card.dataset.lon, badge = document.createElement("span");
      approx = approx || card.hasAttribute("data-approx");
      if (!groups[key]) points.push((groups[key] = { lat: +card.dataset.lat, lon: +card.dataset.lon, n: [] }));
      groups[key].n.push(i + 1);
      badge.className = "place-card__number";
      badge.setAttribute("aria-hidden", "true");
      badge.textContent = i + 1;
      card.firstElementChild.prepend(badge);
    });
    if (!points.length) return;
    var fig = document.createElement("figure"), canvas = el("div", "places-map__canvas", fig);
    fig.className = "places-map";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", d.mapLabel);
    el("figcaption", "", fig).textContent = [d.mapAttribution, approx ? d.mapApprox : ""].join(" ").trim();
    list.after(fig);
    var w = canvas.clientWidth, h = canvas.clientHeight, z = 16, b;
    fig.hidden = true;
    for (; z > 8; z--) {
      b = box(points, z);
      if (b.w <= w - 2 * MARGIN && b.h <= h - 2 * MARGIN) break;
    }
    b = box(points, z);
    var left = b.x + b.w / 2 - w / 2, top = b.y + b.h / 2 - h / 2, last = Math.pow(2, z) - 1, pending = 0;
    for (var tx = Math.floor(left / T); tx <= Math.floor((left + w) / T); tx++) {
      for (var ty = Math.floor(top / T); ty <= Math.floor((top + h) / T); ty++) {
        if (tx < 0 || ty < 0 || tx > last || ty > last) continue;
        var img = el("img", "", canvas);
        img.alt = "";
        img.style.left = tx * T - left + "px";
        img.style.top = ty * T - top + "px";
        pending++;
        img.onload = function () { if (!--pending) fig.hidden = false; };
        img.onerror = function () { fig.remove(); };
        img.src = d.mapTiles.replace("{z}", z).replace("{x}", tx).replace("{y}", ty);
      }
    }
    points.forEach(function (p) {
      var mark = el("span", "places-map__mark", canvas), xy = at(p, z);
      mark.textContent = p.n.join(", ");
      mark.style.left = xy.x - left + "px";
      mark.style.top = xy.y - top + "px";
    });
  }
  document.querySelectorAll(".place-list[data-map-tiles]").forEach(draw);
})();
