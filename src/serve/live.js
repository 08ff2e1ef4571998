// kheo serve: reload on rebuild; build errors in an overlay (file:line:col, the source
// line, a caret under the problem); the warnings on demand; a banner when a story's
// address moved. Labels come from the server (T), in the editor's language. Everything
// shown is set as text (textContent), never parsed as HTML: source lines are content.
(function (T) {
  var es = new EventSource("/__kheo/events");
  var box = null, bar = null;
  var BOX = "position:fixed;inset:0;z-index:2147483647;overflow:auto;-webkit-overflow-scrolling:touch;background:rgba(20,16,14,.96);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1rem;box-sizing:border-box";
  var MONO = "font:14px/1.45 ui-monospace,Menlo,Consolas,monospace";
  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function fill(s, n) { return String(s).replace("{n}", String(n)); }
  function clear() { if (box) { box.remove(); box = null; } }
  function repeat(c, n) { var s = ""; for (var i = 0; i < n; i++) s += c; return s; }
  function item(d) {
    var err = d.severity === "error";
    var sec = el("section", "margin:0 0 1rem;padding:.75rem;background:#2b2420;border-left:4px solid " + (err ? "#ff8a80" : "#ffd54f") + ";overflow-wrap:anywhere");
    sec.className = "kheo-problem";
    sec.appendChild(el("p", "margin:0 0 .4rem;font-weight:700", (err ? T.error : T.warning) + " [" + d.code + "]: " + d.message));
    var where = d.path + (d.line ? ":" + d.line + (d.col ? ":" + d.col : "") : "");
    sec.appendChild(el("p", "margin:0 0 .4rem;" + MONO, T.file + ": " + where)).className = "kheo-where";
    if (d.source_line != null && d.line) {
      var num = String(d.line) + " | ";
      var pre = el("pre", "margin:0 0 .4rem;padding:.5rem;overflow-x:auto;white-space:pre;background:#1a1512;color:#fff;" + MONO);
      pre.className = "kheo-source";
      pre.appendChild(document.createTextNode(num + d.source_line));
      if (d.col) {
        var caret = el("span", "color:#ff8a80;font-weight:700", "\n" + repeat(" ", num.length + d.col - 1) + repeat("^", d.span || 1) + (d.label ? " " + d.label : ""));
        caret.className = "kheo-caret";
        pre.appendChild(caret);
      }
      sec.appendChild(pre);
    }
    if (d.help) sec.appendChild(el("p", "margin:0", T.help + ": " + d.help)).className = "kheo-help";
    return sec;
  }
  function overlay(title, lead, items, role) {
    clear();
    box = el("div", BOX);
    box.id = "kheo-overlay";
    box.setAttribute("role", role);
    box.lang = T.lang;
    var inner = el("div", "max-width:56rem;margin:0 auto");
    var close = el("button", "float:right;margin:0 0 .5rem .5rem;padding:.4rem .9rem;font:inherit;color:#000;background:#fff;border:0;border-radius:.3rem", T.close);
    close.type = "button";
    close.onclick = clear;
    inner.appendChild(close);
    inner.appendChild(el("h2", "margin:0 0 .5rem;font-size:1.25rem;line-height:1.3", title));
    if (lead) inner.appendChild(el("p", "margin:0 0 1rem", lead));
    items.forEach(function (d) { inner.appendChild(item(d)); });
    box.appendChild(inner);
    document.body.appendChild(box);
  }
  function parse(data, fallback) { try { return JSON.parse(data); } catch (_) { return fallback; } }
  function here() { try { return decodeURI(location.pathname); } catch (_) { return location.pathname; } }
  es.addEventListener("reload", function (e) {
    var moved = (parse(e.data, {}) || {}).moved || {};
    clear();
    var to = moved[here()];
    if (to) location.replace(to); else location.reload();
  });
  es.addEventListener("errors", function (e) {
    var items = parse(e.data, []);
    overlay(fill(T.failed, items.length), T.kept, items, "alert");
  });
  es.addEventListener("warnings", function (e) {
    var items = parse(e.data, []);
    if (bar || !items.length) return;
    bar = el("button", "position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;padding:.5rem .9rem;font:15px/1.3 system-ui,sans-serif;color:#1d1b19;background:#ffd54f;border:2px solid #1d1b19;border-radius:2rem", "⚠ " + fill(T.warnings, items.length));
    bar.id = "kheo-warnings";
    bar.type = "button";
    bar.onclick = function () { overlay(T.warningsTitle, "", items, "dialog"); };
    document.body.appendChild(bar);
  });
  es.addEventListener("moved", function (e) {
    parse(e.data, []).forEach(function (m) {
      if (m.to !== here() || document.getElementById("kheo-moved")) return;
      var note = el("div", "position:sticky;top:0;z-index:2147483646;padding:.75rem 1rem;background:#fff4c2;color:#1d1b19;border-bottom:3px solid #b3261e;font:15px/1.5 system-ui,sans-serif;overflow-wrap:anywhere");
      note.id = "kheo-moved";
      note.setAttribute("role", "status");
      note.lang = T.lang;
      note.appendChild(el("strong", "", T.moved + ": "));
      note.appendChild(document.createTextNode(m.notice));
      document.body.insertBefore(note, document.body.firstChild);
    });
  });
})(__KHEO_TEXT__);
