/* endorsetrack: highlight the evidence a link points at (#src-N) and bring it into view.
   Highlighted segments carry every span they belong to in data-spans, so a span cut
   into several segments by overlapping evidence lights up whole. */
(function () {
  "use strict";
  function showTarget() {
    var marks = document.querySelectorAll("mark[data-spans]");
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { id = ""; }
    var first = null;
    for (var i = 0; i < marks.length; i++) {
      var hit = id !== "" && marks[i].getAttribute("data-spans").split(" ").indexOf(id) >= 0;
      marks[i].classList.toggle("target", hit);
      if (hit && first === null) { first = marks[i]; }
    }
    if (first !== null) { first.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("DOMContentLoaded", showTarget);
})();
