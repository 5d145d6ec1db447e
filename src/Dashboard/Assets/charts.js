// Relations dashboard: the interactive charts (Apache ECharts, vendored under /assets/vendor/echarts).
// Each <figure data-chart="ID"> names a <script type="application/json" id="ID"> the server wrote: the sample dates,
// the curves, the events, the interruptions and the standing ties. Without script the figure's image (the server's
// SVG) is what a reader sees; with it, the chart replaces the image. Everything a reader changes (zoom, hidden
// curves) is written into the page's address, so a link reproduces the view.
"use strict";

(function () {
  if (!window.echarts) { return; }
  var lang = document.documentElement.lang === "en" ? "en" : "vi";
  var strings = (function () {
    var element = document.getElementById("l10n");
    return element ? JSON.parse(element.textContent) : {};
  })();
  function t(key) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    for (var i = 1; i < arguments.length; i++) { text = text.split("{" + (i - 1) + "}").join(arguments[i]); }
    return text;
  }
  var encode = echarts.format.encodeHTML;
  var dayFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
  var monthFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "vi-VN", { month: "short", year: "numeric", timeZone: "UTC" });
  var numberFormat = new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  function time(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function day(isoDay) { return dayFormat.format(new Date(time(isoDay))); }

  // Curves: a palette without the reds and greys that interruptions and event marks use; each curve also gets its own
  // symbol in the legend and the tooltip, so colour never carries the meaning alone.
  var palette = ["#1f5fa8", "#e08a00", "#2ca02c", "#8e44ad", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939"];
  var symbols = ["circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow", "circle", "rect", "triangle"];
  var fullTint = "rgba(200, 30, 30, 0.16)";
  var partialTint = "rgba(230, 120, 20, 0.10)";
  var markInk = "#333333";
  // How light a stretch resting mostly on assumptions is drawn (as on the server's plots, src/Plots/StrengthPlot.cs).
  var assumedOpacity = 0.38;

  document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
    var source = document.getElementById(figure.getAttribute("data-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var host = document.createElement("div");
    host.className = "chart-host";
    host.setAttribute("role", "img");
    host.setAttribute("aria-label", figure.getAttribute("data-label") || "");
    figure.insertBefore(host, figure.firstChild);
    figure.classList.add("interactive");
    var chart = echarts.init(host, null, { renderer: "svg", locale: lang === "vi" ? "VI" : "EN" });
    window.relationsCharts = window.relationsCharts || {};
    window.relationsCharts[figure.id] = { chart: chart, data: data };
    var state = readState(data);
    chart.setOption(options(data, state));
    chart.on("datazoom", function () { writeZoom(chart, data); });
    chart.on("legendselectchanged", function (event) { writeHidden(event.selected, data); });
    chart.getZr().on("click", function (event) { explain(chart, data, [event.offsetX, event.offsetY]); });
    var resize = function () { chart.resize(); };
    if (window.ResizeObserver) { new ResizeObserver(resize).observe(host); } else { window.addEventListener("resize", resize); }
    // Printing: draw the chart at the printed width (A4 portrait), then back. Print emulation fires only the media query.
    var print = window.matchMedia("print");
    var toPrint = function (printing) { chart.resize(printing ? { width: 680, height: 400 } : undefined); };
    print.addEventListener("change", function (event) { toPrint(event.matches); });
    window.addEventListener("beforeprint", function () { toPrint(true); });
    window.addEventListener("afterprint", function () { toPrint(false); });
    figure.setAttribute("data-ready", "true");
  });

  // The view's state from the address: zoom (from, to) and the curves hidden in the legend (hide=KEY, repeatable).
  function readState(data) {
    var query = new URL(location.href).searchParams;
    var hidden = {};
    query.getAll("hide").forEach(function (key) { hidden[key] = true; });
    return { from: query.get("from"), to: query.get("to"), hidden: hidden };
  }

  function writeZoom(chart, data) {
    var zoom = chart.getOption().dataZoom[0];
    var first = time(data.dates[0]), last = time(data.dates[data.dates.length - 1]);
    var from = zoom.startValue, to = zoom.endValue;
    if (from === undefined || to === undefined) {
      from = first + (last - first) * zoom.start / 100;
      to = first + (last - first) * zoom.end / 100;
    }
    var whole = from <= first + 86400000 && to >= last - 86400000;
    replaceQuery(function (query) {
      if (whole) { query.delete("from"); query.delete("to"); } else { query.set("from", iso(from)); query.set("to", iso(to)); }
    });
  }

  function writeHidden(selected, data) {
    replaceQuery(function (query) {
      query.delete("hide");
      data.curves.forEach(function (curve) { if (selected[curve.name] === false) { query.append("hide", curve.key); } });
    });
  }

  // Changes the address without a reload, and the hidden fields of the page's forms that carry the view along.
  function replaceQuery(change) {
    var url = new URL(location.href);
    change(url.searchParams);
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    ["from", "to", "hide"].forEach(function (name) {
      document.querySelectorAll("form[method=get]").forEach(function (form) {
        form.querySelectorAll("input[type=hidden][name=" + name + "]").forEach(function (input) { input.remove(); });
        url.searchParams.getAll(name).forEach(function (value) {
          var input = document.createElement("input");
          input.type = "hidden"; input.name = name; input.value = value;
          form.appendChild(input);
        });
      });
    });
  }

  // A click anywhere on the plot explains the nearest visible curve on the nearest sample day (model.md rule 7).
  function explain(chart, data, pixel) {
    if (!data.explain || !chart.containPixel({ gridIndex: 0 }, pixel)) { return; }
    var value = chart.convertFromPixel({ gridIndex: 0 }, pixel);
    var i = nearestSample(data, value[0]);
    var selected = chart.getOption().legend[0].selected || {};
    var best = null;
    data.curves.forEach(function (curve) {
      if (!curve.explainable || selected[curve.name] === false) { return; }
      var distance = Math.abs(curve.values[i] - value[1]);
      if (best === null || distance < best.distance) { best = { distance: distance, curve: curve }; }
    });
    if (!best) { return; }
    var url = new URL(location.href);
    url.searchParams.set("explain", best.curve.key);
    url.searchParams.set("date", data.dates[i]);
    url.hash = "explanation";
    location.assign(url.pathname + url.search + url.hash);
  }

  function nearestSample(data, ms) {
    var best = 0;
    for (var i = 1; i < data.dates.length; i++) {
      if (Math.abs(time(data.dates[i]) - ms) < Math.abs(time(data.dates[best]) - ms)) { best = i; }
    }
    return best;
  }

  function options(data, state) {
    var first = time(data.dates[0]), last = time(data.dates[data.dates.length - 1]);
    var selected = {};
    data.curves.forEach(function (curve) { selected[curve.name] = !state.hidden[curve.key]; });
    var hasRail = data.events.length > 0 || data.ties.length > 0;
    var hasDelta = data.curves.some(function (c) { return c.axis === "delta"; });
    var grids = [{ left: 44, right: data.curves.some(function (c) { return c.axis === "score"; }) ? 48 : 16, top: 56, bottom: hasRail || hasDelta ? 150 : 70, containLabel: false }];
    var xAxes = [xAxis(0, first, last, true)];
    var yAxes = [{ type: "value", gridIndex: 0, min: data.min, max: data.max, name: t(data.axis || "Strength S"), nameTextStyle: { align: "left" }, splitNumber: 5 }];
    if (data.curves.some(function (c) { return c.axis === "score"; })) {
      yAxes.push({ type: "value", gridIndex: 0, position: "right", name: t("Score R"), splitLine: { show: false } });
    }
    if (hasRail || hasDelta) {
      grids.push({ left: 44, right: grids[0].right, height: hasDelta ? 70 : 54, bottom: 64 });
      xAxes.push(xAxis(1, first, last, false));
      yAxes.push(hasDelta
        ? { type: "value", gridIndex: 1, name: "ΔS", splitNumber: 2, nameLocation: "middle", nameRotate: 90, nameGap: 30 }
        : { type: "value", gridIndex: 1, min: -0.5, max: 2.5, name: t("Events"), nameLocation: "middle", nameRotate: 90, nameGap: 8,
          nameTextStyle: { fontSize: 11, color: "#5b6475" }, axisLine: { show: false }, axisTick: { show: false }, axisLabel: { show: false }, splitLine: { show: false } });
    }
    var series = [];
    data.curves.forEach(function (curve, i) { series = series.concat(curveSeries(data, curve, i, yAxes)); });
    series = series.concat(bandSeries(data));
    if (hasRail && !hasDelta) { series = series.concat(railSeries(data)); }
    series.push(interruptionSeries(data));
    return {
      animation: false,
      aria: { enabled: true, decal: { show: false } },
      textStyle: { fontFamily: "DejaVu Sans, system-ui, sans-serif" },
      color: palette,
      grid: grids,
      xAxis: xAxes,
      yAxis: yAxes,
      legend: {
        type: "scroll", top: 0, left: 0, right: 0, selected: selected,
        data: data.curves.map(function (c) { return { name: c.name, icon: symbols[c.color % symbols.length] }; }),
        textStyle: { fontSize: 12 }, pageIconSize: 12,
      },
      tooltip: {
        trigger: "axis", confine: true, className: "chart-tooltip",
        axisPointer: { type: "line", link: [{ xAxisIndex: "all" }] },
        formatter: function (params) { return tooltip(data, params); },
      },
      dataZoom: [
        { type: "inside", xAxisIndex: xAxes.map(function (a, i) { return i; }), startValue: state.from ? time(state.from) : first, endValue: state.to ? time(state.to) : last, filterMode: "none" },
        { type: "slider", xAxisIndex: xAxes.map(function (a, i) { return i; }), bottom: 8, height: 22, filterMode: "none",
          labelFormatter: function (value) { return monthFormat.format(new Date(value)); }, brushSelect: false },
      ],
      series: series,
    };
  }

  function xAxis(grid, first, last, labels) {
    return {
      type: "time", gridIndex: grid, min: first, max: last,
      axisLabel: { show: labels, hideOverlap: true, formatter: function (value) { return new Date(value).getUTCFullYear().toString(); } },
      axisTick: { show: labels }, splitLine: { show: labels, lineStyle: { color: "#eceff3" } },
    };
  }

  // A curve is drawn thick where most of its value rests on what the sources report or infer, and thin and light where
  // assumptions carry more than half of it (issue 20; the server's plots draw it the same way): two series of one name,
  // so the legend shows and hides both. The stretch between two samples takes the status of the sample it arrives at.
  function mostlyAssumed(curve, k) { return !!curve.assumed && curve.assumed[k] > 0.5; }
  function lighter(hex) {
    var rgb = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
    return "rgba(" + rgb.join(", ") + ", " + assumedOpacity + ")";
  }

  function curveSeries(data, curve, index, yAxes) {
    var n = curve.values.length;
    var split = curve.assumed && curve.values.some(function (v, k) { return mostlyAssumed(curve, k); });
    var inRun = function (k, assumed) {
      return mostlyAssumed(curve, k) === assumed || (k + 1 < n && mostlyAssumed(curve, k + 1) === assumed);
    };
    var points = curve.values.map(function (v, k) { return [time(data.dates[k]), !split || inRun(k, false) ? v : null]; });
    var main = {
      id: "curve" + index, name: curve.name, type: "line", showSymbol: false, symbol: symbols[curve.color % symbols.length],
      symbolSize: 7, xAxisIndex: curve.axis === "delta" ? 1 : 0,
      yAxisIndex: curve.axis === "score" ? 1 : curve.axis === "delta" ? yAxes.length - 1 : 0,
      lineStyle: { width: curve.axis === "score" ? 1.5 : 2.2, type: curve.dash || "solid", color: palette[curve.color % palette.length] },
      itemStyle: { color: palette[curve.color % palette.length] },
      emphasis: { focus: "series" }, data: points, z: 3,
      markPoint: data.mark && data.mark.key === curve.key && !curve.axis ? {
        symbol: "circle", symbolSize: 18, silent: true, label: { show: false },
        itemStyle: { color: "rgba(255,255,255,0)", borderColor: "#d62728", borderWidth: 3 },
        data: [{ name: "explained", coord: [time(data.mark.date), curve.values[data.dates.indexOf(data.mark.date)]] }],
      } : undefined,
    };
    if (!split) { return [main]; }
    var width = main.lineStyle.width;
    var light = {
      id: "curve" + index + "-assumed", name: curve.name, type: "line", showSymbol: false, symbol: main.symbol, symbolSize: 7,
      xAxisIndex: main.xAxisIndex, yAxisIndex: main.yAxisIndex,
      lineStyle: { width: Math.max(1.2, width * 0.45), type: main.lineStyle.type, color: lighter(main.lineStyle.color) },
      itemStyle: { color: lighter(main.itemStyle.color) }, emphasis: { focus: "series" }, z: 3,
      data: curve.values.map(function (v, k) { return [time(data.dates[k]), inRun(k, true) ? v : null]; }),
    };
    return [main, light];
  }

  // Ensembles: the 5–95 % band light, the 25–75 % band dark, as stacked areas under the deterministic curve.
  function bandSeries(data) {
    var out = [];
    (data.bands || []).forEach(function (band) {
      var color = palette[band.color % palette.length];
      [["p05", "p95", 0.16], ["p25", "p75", 0.30]].forEach(function (pair, j) {
        var stack = "band" + band.key + j;
        out.push({ name: band.name, type: "line", stack: stack, symbol: "none", silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false },
          data: band[pair[0]].map(function (v, k) { return [time(data.dates[k]), v]; }), z: 1 });
        out.push({ name: band.name, type: "line", stack: stack, symbol: "none", silent: true, lineStyle: { opacity: 0 },
          areaStyle: { color: color, opacity: pair[2] },
          data: band[pair[1]].map(function (v, k) { return [time(data.dates[k]), v - band[pair[0]][k]]; }), z: 1 });
      });
    });
    return out;
  }

  // Events in a rail under the curves: a mark per occurrence (diamonds hold a standing tie), hollow when cancelled;
  // standing ties as bars. Dark ink, so they never read as a curve.
  function railSeries(data) {
    var marks = [];
    data.events.forEach(function (event) {
      event.days.forEach(function (d, k) {
        var cancelled = event.cancelled[k];
        marks.push({
          value: [time(d), event.tie ? 1.6 : 0.8], event: event, day: d, cancelled: cancelled,
          symbol: event.tie ? "diamond" : "triangle", symbolSize: event.tie ? 13 : 10,
          itemStyle: cancelled >= 1 ? { color: "#ffffff", borderColor: "#888888", borderWidth: 1.5 }
            : cancelled > 0 ? { color: "#ffffff", borderColor: markInk, borderWidth: 2 } : { color: markInk },
        });
      });
    });
    // Standing ties as bars (line pieces broken by gaps), a row each, under the event marks.
    var bars = [];
    data.ties.forEach(function (tie, i) {
      var y = -0.1 - (i % 3) * 0.15;
      var end = tie.until ? time(tie.until) : time(data.dates[data.dates.length - 1]);
      bars.push([time(tie.from), y], [end, y], [end + 1, null]);
    });
    var railAxis = data.curves.some(function (c) { return c.axis === "score"; }) ? 2 : 1;
    return [
      { name: t("Events"), type: "scatter", xAxisIndex: 1, yAxisIndex: railAxis, data: marks, z: 4 },
      { name: t("Standing ties"), type: "line", xAxisIndex: 1, yAxisIndex: railAxis, data: bars, symbol: "none", connectNulls: false,
        lineStyle: { width: 4, color: "#6b7a90" }, silent: true, z: 3 },
    ];
  }

  // Interruptions as areas across the plot: a solid tint when in-person activity is cancelled in full, stripes when
  // only a share is (a restriction), each with its title, share and how much faster ties fade.
  function interruptionSeries(data) {
    return {
      name: "interruptions", type: "line", data: [], silent: false, xAxisIndex: 0, yAxisIndex: 0,
      markArea: {
        silent: false,
        label: { show: true, position: "insideTop", fontSize: 11, color: "#7a1f1f", overflow: "truncate" },
        data: data.interruptions.map(function (span, i) {
          var full = span.cancels >= 1;
          // Overlapping spans put their titles on rows of their own.
          var row = data.interruptions.slice(0, i).filter(function (o) { return o.from <= span.to && span.from <= o.to; }).length;
          return [{
            name: span.title, xAxis: time(span.from),
            itemStyle: full ? { color: fullTint } : { color: partialTint, borderColor: "rgba(200, 90, 0, 0.6)", borderType: "dashed", borderWidth: 1,
              decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: "rgba(200, 90, 0, 0.35)" } },
            label: { color: full ? "#7a1f1f" : "#8a4a00", offset: [0, row * 14] },
          }, { xAxis: time(span.to) + 86400000 }];
        }),
      },
    };
  }

  // The hover: the day, every shown curve's value, then what happened since the previous sample and any interruption.
  function tooltip(data, params) {
    if (!params.length) { return ""; }
    var i = nearestSample(data, params[0].axisValue);
    var d = data.dates[i];
    var lines = ['<div class="tip-date" data-date="' + d + '">' + encode(day(d)) + "</div>"];
    var shown = {};
    params.forEach(function (p) { shown[p.seriesName] = true; });
    data.curves.forEach(function (curve) {
      if (!shown[curve.name] || curve.values[i] === null) { return; }
      lines.push('<div class="tip-value" data-key="' + encode(curve.key) + '" data-axis="' + (curve.axis || "s") + '" data-value="' + curve.values[i] + '">'
        + '<span class="tip-swatch" style="background:' + palette[curve.color % palette.length] + '"></span>'
        + encode(curve.name) + ": <strong>" + numberFormat.format(curve.values[i]) + "</strong>"
        + (curve.assumed ? ' <span class="tip-assumed' + (mostlyAssumed(curve, i) ? " mostly-assumed" : "") + '" data-share="' + curve.assumed[i] + '">('
          + encode(t("{0} % assumed", Math.round(curve.assumed[i] * 100))) + ")</span>" : "") + "</div>");
    });
    var previous = i > 0 ? data.dates[i - 1] : "0000-00-00";
    var happened = [];
    data.events.forEach(function (event) {
      event.days.forEach(function (e, k) {
        if (e > previous && e <= d) {
          var note = event.cancelled[k] >= 1 ? " — " + t("cancelled") : event.cancelled[k] > 0 ? " — " + t("{0} % cancelled", Math.round(event.cancelled[k] * 100)) : "";
          happened.push('<div class="tip-event">▲ ' + encode(day(e)) + " " + encode(event.title) + " <em>(" + encode(event.kind) + ")</em>" + encode(note) + "</div>");
        }
      });
    });
    if (happened.length) { lines.push('<div class="tip-head">' + encode(t("Events since the previous sample")) + "</div>"); lines = lines.concat(happened.slice(0, 8)); }
    if (happened.length > 8) { lines.push("<div>" + encode(t("… and {0} more", happened.length - 8)) + "</div>"); }
    data.interruptions.forEach(function (span) {
      if (span.from <= d && d <= span.to) {
        lines.push('<div class="tip-interruption">' + encode(span.title) + ": " + encode(span.cancels >= 1 ? t("in-person events cancelled")
          : t("{0} % of in-person activity cancelled", Math.round(span.cancels * 100))) + ", " + encode(t("ties fade {0}× as fast", span.decay)) + "</div>");
      }
    });
    if (data.explain) { lines.push('<div class="tip-hint">' + encode(t("Click to see why")) + "</div>"); }
    return lines.join("");
  }
})();
