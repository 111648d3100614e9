// Runs first in the sandboxed H5P player (opaque origin): reading localStorage or
// sessionStorage there throws a SecurityError, and H5P core reads localStorage during
// H5P.init. Replace both by in-memory storage before frame.bundle.js loads.
(function () {
  'use strict';
  function MemoryStorage() { this._d = Object.create(null); }
  MemoryStorage.prototype = {
    get length() { return Object.keys(this._d).length; },
    key: function (i) { return Object.keys(this._d)[i] || null; },
    getItem: function (k) { return k in this._d ? this._d[k] : null; },
    setItem: function (k, v) { this._d[k] = String(v); },
    removeItem: function (k) { delete this._d[k]; },
    clear: function () { this._d = Object.create(null); }
  };
  ['localStorage', 'sessionStorage'].forEach(function (name) {
    try { window[name].getItem('x'); } catch (e) {
      Object.defineProperty(window, name, {value: new MemoryStorage(), configurable: true});
    }
  });
})();
