// Relations dashboard: the little script the pages use. No framework, no build step.
"use strict";

// Follow running runs: update their progress bars, reload the page when one has finished.
document.querySelectorAll("[data-poll]").forEach(function (element) {
  var url = element.getAttribute("data-poll");
  var timer = setInterval(function () {
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        var bar = element.querySelector("progress");
        if (bar) { bar.value = run.progress; }
        var text = element.querySelector("[data-status]");
        if (text) { text.textContent = run.status + " " + Math.round(run.progress * 100) + " %"; }
        if (run.status !== "running") { clearInterval(timer); location.reload(); }
      })
      .catch(function () { /* the next tick tries again */ });
  }, 700);
});

// Click a point of a curve: explain that dyad on that sample day (model.md rule 7).
document.querySelectorAll("img[data-points]").forEach(function (image) {
  var map = JSON.parse(image.getAttribute("data-points"));
  var form = document.getElementById(image.getAttribute("data-explain-form"));
  if (!form || map.curves.length === 0) { return; }
  image.addEventListener("click", function (event) {
    var box = image.getBoundingClientRect();
    var x = (event.clientX - box.left) * map.width / box.width;
    var y = (event.clientY - box.top) * map.height / box.height;
    var best = null;
    map.curves.forEach(function (curve) {
      curve.y.forEach(function (py, i) {
        var d = Math.pow(map.x[i] - x, 2) + Math.pow(py - y, 2);
        if (best === null || d < best.d) { best = { d: d, curve: curve, i: i }; }
      });
    });
    if (best === null || best.d > 40 * 40) { return; }
    form.elements["explain"].value = best.curve.dyad;
    form.elements["date"].value = map.dates[best.i];
    form.submit();
  });
});

// The border view's day slider: show the day while sliding, redraw when let go.
document.querySelectorAll("input[type=range][data-dates]").forEach(function (slider) {
  var dates = JSON.parse(slider.getAttribute("data-dates"));
  var output = document.getElementById(slider.getAttribute("data-output"));
  slider.addEventListener("input", function () { if (output) { output.textContent = dates[slider.value]; } });
  slider.addEventListener("change", function () { slider.form.submit(); });
});

// Check or clear every box of a group (the what-if editor's event list).
document.querySelectorAll("button[data-check]").forEach(function (button) {
  button.addEventListener("click", function () {
    var on = button.getAttribute("data-value") === "on";
    document.querySelectorAll("input[type=checkbox][data-group='" + button.getAttribute("data-check") + "']")
      .forEach(function (box) { box.checked = on; });
  });
});
