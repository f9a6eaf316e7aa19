/* endorsetrack: small SVG charts, no dependencies.
   Each <figure class="chart" data-chart="timeline|polls" data-source="ID"> reads its series
   from <script type="application/json" id="ID">: [{name, points: [{date, value, group, label}]}].
   timeline: steps (endorsers backing a candidate over time); polls: share per candidate,
   a line through whole-sample polls, subgroup polls as hollow dots. All text goes in
   through textContent, never as markup. The data stays on the page as a table. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = ["#1f6feb", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#0a7ea4", "#6e7781"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var DAY = 86400000;
  var W = 640, H = 280, M = {left: 44, right: 150, top: 14, bottom: 34};

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function toTime(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
  }
  function label(t, withYear) {
    var d = new Date(t);
    return MONTHS[d.getUTCMonth()] + " " + d.getUTCDate() + (withYear ? " " + d.getUTCFullYear() : "");
  }
  function niceMax(v, percent) {
    if (percent) { return Math.min(100, Math.max(10, Math.ceil(v / 10) * 10)); }
    return Math.max(1, Math.ceil(v));
  }

  // A chart's series from its <script type="application/json">, or null when it has none.
  function seriesOf(fig) {
    var src = document.getElementById(fig.getAttribute("data-source"));
    if (!src) { return null; }
    try { return JSON.parse(src.textContent); } catch (e) { return null; }
  }

  // One colour per candidate on the whole page, whichever chart draws them (names sorted, then the palette).
  function colorsByName(allSeries) {
    var names = [];
    allSeries.forEach(function (series) {
      (series || []).forEach(function (s) { if (names.indexOf(s.name) < 0) { names.push(s.name); } });
    });
    names.sort();
    var colors = {};
    names.forEach(function (n, k) { colors[n] = COLORS[k % COLORS.length]; });
    return colors;
  }

  function draw(fig, series, colors) {
    var canvas = fig.querySelector(".chart-canvas");
    if (!series || !canvas) { return; }
    var kind = fig.getAttribute("data-chart");
    var pts = [];
    series.forEach(function (s) {
      s.points = s.points.filter(function (p) { p.t = toTime(p.date); return p.t !== null; });
      pts = pts.concat(s.points);
    });
    if (pts.length === 0) { canvas.textContent = "Nothing dated to chart."; return; }
    var t0 = Math.min.apply(null, pts.map(function (p) { return p.t; }));
    var t1 = Math.max.apply(null, pts.map(function (p) { return p.t; }));
    if (t1 - t0 < 6 * DAY) { t0 -= 3 * DAY; t1 += 3 * DAY; }
    var pad = (t1 - t0) * 0.04; t0 -= pad; t1 += pad;
    var percent = kind === "polls";
    var ymax = niceMax(Math.max.apply(null, pts.map(function (p) { return p.value; })), percent);
    var step = percent ? 10 : Math.max(1, Math.ceil(ymax / 5));  // whole endorsers, tens of percent
    ymax = Math.ceil(ymax / step) * step;
    var iw = W - M.left - M.right, ih = H - M.top - M.bottom;
    function x(t) { return M.left + (t - t0) / (t1 - t0) * iw; }
    function y(v) { return M.top + ih - v / ymax * ih; }

    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "class": "chart-svg",
                         "aria-label": fig.querySelector("figcaption").textContent});
    var ySteps = ymax / step;
    for (var i = 0; i <= ySteps; i++) {
      var v = ymax * i / ySteps;
      el("line", {x1: M.left, x2: M.left + iw, y1: y(v), y2: y(v), "class": "grid"}, svg);
      el("text", {x: M.left - 6, y: y(v) + 4, "text-anchor": "end", "class": "tick"}, svg,
         Math.round(v) + (percent ? "%" : ""));
    }
    var years = new Date(t0).getUTCFullYear() !== new Date(t1).getUTCFullYear();
    for (var j = 0; j <= 4; j++) {
      var t = t0 + (t1 - t0) * j / 4;
      el("text", {x: x(t), y: H - M.bottom + 18, "text-anchor": "middle", "class": "tick"}, svg, label(t, years));
    }
    el("line", {x1: M.left, x2: M.left + iw, y1: y(0), y2: y(0), "class": "axis"}, svg);

    series.forEach(function (s, k) {
      var color = colors[s.name] || COLORS[k % COLORS.length];
      var ps = s.points.slice().sort(function (a, b) { return a.t - b.t; });
      if (ps.length === 0) { return; }
      var d = "";
      if (kind === "timeline") {
        d = "M" + x(ps[0].t) + "," + y(0);
        ps.forEach(function (p) { d += " H" + x(p.t) + " V" + y(p.value); });
        d += " H" + x(t1);
      } else {
        ps.filter(function (p) { return !p.group; }).forEach(function (p, n) {
          d += (n === 0 ? "M" : " L") + x(p.t) + "," + y(p.value);
        });
      }
      if (d) { el("path", {d: d, stroke: color, "class": "series series-" + kind}, svg); }
      ps.forEach(function (p) {
        var c = el("circle", {cx: x(p.t), cy: y(p.value), r: p.group ? 4 : 3.5, stroke: color,
                              fill: p.group ? "#fff" : color, "class": "point"}, svg);
        el("title", {}, c, (p.label ? p.label + " · " : "") + p.date + ": " + p.value + (percent ? "%" : ""));
      });
      var ly = M.top + 8 + k * 18;
      el("rect", {x: W - M.right + 14, y: ly - 8, width: 12, height: 12, fill: color}, svg);
      el("text", {x: W - M.right + 32, y: ly + 2, "class": "legend"}, svg, s.name);
    });
    canvas.textContent = "";
    canvas.appendChild(svg);
    canvas.removeAttribute("aria-hidden");
    var details = fig.parentNode.querySelector("details.chart-data");
    if (details) { details.open = false; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figs = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    var allSeries = figs.map(seriesOf);  // each chart's data parsed once
    var colors = colorsByName(allSeries);
    figs.forEach(function (fig, i) { draw(fig, allSeries[i], colors); });
  });
})();
