// kheo serve: reload on rebuild, show build errors in an overlay.
(function () {
  var es = new EventSource("/__kheo/events");
  var box = null;
  function clear() { if (box) { box.remove(); box = null; } }
  es.addEventListener("reload", function () { clear(); location.reload(); });
  es.addEventListener("errors", function (e) {
    var items = [];
    try { items = JSON.parse(e.data); } catch (_) {}
    clear();
    box = document.createElement("div");
    box.id = "kheo-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,16,14,.94);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem";
    var h = document.createElement("h2");
    h.textContent = "kheo: build failed (" + items.length + ") — the last good page is still served";
    box.appendChild(h);
    items.forEach(function (d) {
      var p = document.createElement("pre");
      p.style.cssText = "white-space:pre-wrap;background:#2b2420;padding:1rem;border-left:4px solid #e0675e";
      var where = d.path + (d.line ? ":" + d.line + (d.col ? ":" + d.col : "") : "");
      p.textContent = "error[" + d.code + "]: " + d.message + "\n  --> " + where + (d.help ? "\n  = help: " + d.help : "");
      box.appendChild(p);
    });
    document.body.appendChild(box);
  });
})();
