// Relations dashboard: the little script the pages use. No framework, no build step.
"use strict";

// The page's texts in its language (the layout's #l10n, localized on the server); a key stands for itself if missing.
var strings = (function () {
  var element = document.getElementById("l10n");
  return element ? JSON.parse(element.textContent) : {};
})();
function t(key) { return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key; }

// A job's time left, as the server writes it (JobService.Left); nothing while it is not known.
function timeLeft(seconds) {
  if (seconds === null || seconds === undefined) { return ""; }
  if (seconds < 1) { return t("less than a second left"); }
  if (seconds < 120) { return t("about {0} s left").replace("{0}", Math.ceil(seconds)); }
  return t("about {0} min left").replace("{0}", Math.ceil(seconds / 60));
}

// Follow running runs and jobs: the server pushes their progress (server-sent events); reload when one has finished.
document.querySelectorAll("[data-poll]").forEach(function (element) {
  var source = new EventSource(element.getAttribute("data-poll") + "/events");
  source.addEventListener("message", function (message) {
    var run = JSON.parse(message.data);
    var bar = element.querySelector("progress");
    if (bar) { bar.value = run.progress; }
    var text = element.querySelector("[data-status]");
    if (text) { text.textContent = t(run.status) + " " + Math.round(run.progress * 100) + " %"; }
    var left = element.querySelector("[data-left]");
    if (left) { left.textContent = run.status === "running" ? timeLeft(run.timeLeftSeconds) : ""; }
    var waiting = element.querySelector("[data-waiting]");
    if (waiting) { waiting.textContent = run.waiting || ""; waiting.hidden = !run.waiting; }
    if (run.status !== "running") { source.close(); location.reload(); }
  });
});

// The border view's day slider: show the day while sliding; when let go, fetch that day's view and swap it in
// (no page reload, so the slider keeps focus and arrow keys go on working).
document.querySelectorAll("input[type=range][data-dates]").forEach(function (slider) {
  var labels = JSON.parse(slider.getAttribute("data-labels") || slider.getAttribute("data-dates"));
  var output = document.getElementById(slider.getAttribute("data-output"));
  var pending = null;
  slider.addEventListener("input", function () { if (output) { output.textContent = labels[slider.value]; } });
  slider.addEventListener("change", function () {
    var url = new URL(location.href);
    url.searchParams.set("at", slider.value);
    url.hash = "border";
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(url.pathname + url.search, { signal: pending.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["h2#border", ".border-view"].forEach(function (selector) {
          var old = document.querySelector(selector), now = fresh.querySelector(selector);
          if (old && now) { old.replaceWith(document.importNode(now, true)); }
        });
        history.replaceState(null, "", url.pathname + url.search + url.hash);
      })
      .catch(function (error) {
        // A newer request replaced this one: nothing to do. Anything else: load the day as a whole page.
        if (error.name !== "AbortError") { location.assign(url.pathname + url.search + url.hash); }
      });
  });
});

// Check or clear every box of a group (the what-if editor's event list).
document.querySelectorAll("button[data-check]").forEach(function (button) {
  button.addEventListener("click", function () {
    var on = button.getAttribute("data-value") === "on";
    document.querySelectorAll("input[type=checkbox][data-group='" + button.getAttribute("data-check") + "']")
      .forEach(function (box) { box.checked = on; });
  });
});

// The what-if editor: strike a row through as soon as its box is unticked.
document.querySelectorAll(".editor input[type=checkbox][name=keep]").forEach(function (box) {
  var row = box.closest("tr");
  var mark = function () { if (row) { row.classList.toggle("removed", !box.checked); } };
  box.addEventListener("change", mark);
  mark();
});
document.querySelectorAll("button[data-check]").forEach(function (button) {
  button.addEventListener("click", function () {
    document.querySelectorAll(".editor input[type=checkbox][name=keep]").forEach(function (box) {
      box.dispatchEvent(new Event("change"));
    });
  });
});

// Forms that undo work (delete) ask first.
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
});

// The class board follows its session: the session's grain pushes a new version (server-sent events) whenever a
// student joins, saves or a run ends; the board then fetches itself and swaps the new one in (no reload, no polling).
document.querySelectorAll("[data-class-events]").forEach(function (board) {
  var source = new EventSource(board.getAttribute("data-class-events"));
  var busy = false;
  source.addEventListener("message", function (message) {
    var change = JSON.parse(message.data);
    var current = document.getElementById("board");
    if (busy || !current || String(change.version) === current.getAttribute("data-version")) { return; }
    busy = true;
    fetch(location.pathname + location.search)
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("board");
        if (fresh) { current.replaceWith(fresh); }
      })
      .finally(function () { busy = false; });
  });
});

// "Print this report": the browser's print dialog (the print style sheet makes it an A4 portrait report).
document.querySelectorAll("button[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
