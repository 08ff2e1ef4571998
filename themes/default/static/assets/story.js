// A story page's two small helpers, one cached file for every story (loaded with
// `defer`, so it runs once the page is parsed). The access date of the citation is
// today's: filled in the citation shown and copied; the line that says how to cite
// without JavaScript is then no longer needed. The copy button copies the citation.
(function () {
  var d = new Date(), p = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = p(d.getDate()) + "/" + p(d.getMonth() + 1) + "/" + d.getFullYear();
  document.querySelectorAll(".materials #citation").forEach(function (c) {
    c.textContent = c.textContent.replace(/\u2026\/\u2026\/\u2026\.?/, today);
  });
  document.querySelectorAll(".materials #citation-how").forEach(function (h) { h.hidden = true; });
  document.querySelectorAll("button[data-copy]").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      // Looked up inside the materials box: the story's body can hold an element with
      // the same id (a heading, a footnote), and its text is not the citation.
      var text = b.closest(".materials").querySelector("#" + b.dataset.copy).textContent;
      var status = b.parentNode.querySelector(".copy-status");
      navigator.clipboard.writeText(text).then(function () {
        b.textContent = b.dataset.copied;
        if (status) status.textContent = b.dataset.copied;
      });
    });
  });
})();
