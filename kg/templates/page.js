// stancegraph page: draws the views with vis-network and keeps legend, filters, matrix and details in step.
// Article text is untrusted: it only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("sg-data").textContent);
  var ST = DATA.statements;
  var SOURCES = DATA.sources;
  var ACTORS = DATA.actors;
  var ISSUES = DATA.issues;
  var POLS = ["support", "oppose", "conditional"];
  var COLORS = DATA.colors;

  var state = {
    view: DATA.view,
    issue: "",
    actor: "",
    from: "",
    to: "",
    pol: { support: true, oppose: true, conditional: true },
    pinned: false
  };
  var ok = new Array(ST.length);          // statement passes every filter
  var okIgnoringActor = new Array(ST.length);
  var SG = (window.__sg = {
    state: state,
    stabilized: false,
    stabilizedAt: null,
    network: null,
    nodes: null,
    edges: null,
    visibleEdges: 0,
    visibleNodes: 0,
    visibleStatements: 0
  });

  // ---- small DOM helpers (text only) ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function actorLabel(id) { return ACTORS[id] ? ACTORS[id].label : id; }
  function issueLabel(id) { return ISSUES[id] ? ISSUES[id].label : id; }
  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  // ---- filters ----
  function passesBase(s) {
    if (state.issue && s.i !== state.issue) return false;
    if (!state.pol[s.p]) return false;
    if (state.from || state.to) {
      if (!s.d) return false;
      if (state.from && s.d < state.from) return false;
      if (state.to && s.d > state.to) return false;
    }
    return true;
  }
  function computeOk() {
    var n = 0;
    for (var k = 0; k < ST.length; k++) {
      var base = passesBase(ST[k]);
      okIgnoringActor[k] = base;
      ok[k] = base && (!state.actor || ST[k].h === state.actor);
      if (ok[k]) n++;
    }
    SG.visibleStatements = n;
  }
  function countOk(indices, table) {
    var n = 0;
    for (var j = 0; j < indices.length; j++) if (table[indices[j]]) n++;
    return n;
  }
  function anyOk(indices, table) {
    for (var j = 0; j < indices.length; j++) if (table[indices[j]]) return true;
    return false;
  }

  function edgeLabel(edge, n) {
    if (edge.kind === "tie") return n > 1 ? String(n) : "";
    var text = n > 1 ? "\u00d7" + n : "";
    if (edge.pol === "conditional" && edge.cond.length) {
      text += (text ? " " : "") + "after " + edge.cond.map(issueLabel).join(", ");
    }
    return text;
  }

  // ---- the network ----
  var container = document.getElementById("mynetwork");
  var network = null;
  var lastEdge = {};   // edge id -> statement count last drawn
  var lastNode = {};   // node id -> shown last time

  function viewData(view) {
    var v = DATA.views[view];
    return { nodes: new vis.DataSet(v.nodes), edges: new vis.DataSet(v.edges) };
  }

  function onStabilized() {
    // Stop the simulation once laid out: the page stays still and cheap while the analyst reads it.
    network.setOptions({ physics: { enabled: false } });
    if (!SG.stabilized) {
      SG.stabilized = true;
      SG.stabilizedAt = performance.now();
    }
  }

  function draw(view) {
    state.view = view;
    var data = viewData(view);
    SG.nodes = data.nodes;
    SG.edges = data.edges;
    lastEdge = {};
    lastNode = {};
    SG.stabilized = false;
    var options = DATA.views[view].options;
    if (network === null) {
      network = new vis.Network(container, data, options);
      SG.network = network;
      network.on("stabilizationIterationsDone", onStabilized);
      network.on("hoverEdge", function (p) { hoverEdge(p.edge, p.pointer.DOM); });
      network.on("blurEdge", hideTip);
      network.on("hoverNode", function (p) { hoverNode(p.node, p.pointer.DOM); });
      network.on("blurNode", hideTip);
      network.on("dragStart", hideTip);
      network.on("click", onClick);
    } else {
      network.setOptions(options);
      network.setData(data);
    }
    document.querySelectorAll(".sg-views button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === view ? "true" : "false");
    });
    drawLegend();
    apply();
    // vis-network never reports stabilisation for an empty graph.
    if (data.nodes.length === 0) onStabilized();
  }

  function apply() {
    computeOk();
    var edgeUpdates = [];
    var visibleNodes = {};
    var visibleEdges = 0;
    SG.edges.forEach(function (e) {
      var n;
      if (e.kind === "tie") {
        n = 0;
        if (!state.actor || e.a === state.actor || e.b === state.actor) {
          for (var j = 0; j < e.ev.length; j++) {
            if (anyOk(e.ev[j][1], okIgnoringActor) && anyOk(e.ev[j][2], okIgnoringActor)) n++;
          }
        }
      } else {
        n = countOk(e.st, ok);
      }
      var hidden = n === 0;
      if (!hidden) {
        visibleEdges++;
        visibleNodes[e.from] = true;
        visibleNodes[e.to] = true;
      }
      // Only changed edges go to vis-network: updating thousands of unchanged ones costs seconds.
      if (lastEdge[e.id] !== n) {
        lastEdge[e.id] = n;
        edgeUpdates.push({ id: e.id, hidden: hidden, value: Math.max(n, 1), label: edgeLabel(e, n) });
      }
    });
    if (edgeUpdates.length) SG.edges.update(edgeUpdates);
    var nodeUpdates = [];
    var nodeCount = 0;
    SG.nodes.forEach(function (node) {
      var shown = !!visibleNodes[node.id];
      if (shown) nodeCount++;
      if (lastNode[node.id] !== shown) {
        lastNode[node.id] = shown;
        nodeUpdates.push({ id: node.id, hidden: !shown });
      }
    });
    if (nodeUpdates.length) SG.nodes.update(nodeUpdates);
    SG.visibleEdges = visibleEdges;
    SG.visibleNodes = nodeCount;
    document.getElementById("sg-status").textContent =
      "Showing " + SG.visibleStatements + " of " + ST.length + " statements \u00b7 " +
      visibleEdges + " of " + SG.edges.length + " links \u00b7 " + nodeCount + " of " + SG.nodes.length + " nodes";
    drawMatrix();
  }

  // ---- legend ----
  function legendLine(parent, color, dashed, text) {
    var row = el("div", "sg-li");
    var sw = el("span", "sg-swatch-line" + (dashed ? " sg-dashed" : ""));
    sw.style.borderTopColor = color;
    row.appendChild(sw);
    row.appendChild(el("span", null, text));
    parent.appendChild(row);
  }
  function drawLegend() {
    var box = document.getElementById("sg-legend");
    clear(box);
    box.appendChild(el("strong", null, "Legend"));
    var row = el("div", "sg-li");
    row.appendChild(el("span", "sg-swatch-dot"));
    row.appendChild(el("span", null, "actor (size: number of stances)"));
    box.appendChild(row);
    if (state.view === "actor-issue") {
      row = el("div", "sg-li");
      row.appendChild(el("span", "sg-swatch-diamond"));
      row.appendChild(el("span", null, "issue"));
      box.appendChild(row);
      legendLine(box, COLORS.support, false, "supports");
      legendLine(box, COLORS.oppose, false, "opposes");
      legendLine(box, COLORS.conditional, true, "conditional (label: what must come first)");
      box.appendChild(el("div", "sg-meta", "width and \u00d7n: number of statements"));
    } else {
      legendLine(box, COLORS.congruence, false, "agree (congruence)");
      legendLine(box, COLORS.conflict, false, "disagree (conflict)");
      box.appendChild(el("div", "sg-meta", "label and width: issues shared or split on"));
    }
  }
  (function matrixLegend() {
    var box = document.getElementById("sg-matrix-legend");
    ["support", "oppose", "conditional", "mixed"].forEach(function (p) {
      var item = el("span");
      item.appendChild(el("span", "sg-key pos-" + p));
      item.appendChild(document.createTextNode(p));
      box.appendChild(item);
    });
    box.appendChild(el("span", "sg-meta", "number = statements"));
  })();

  // ---- position matrix ----
  function netPosition(c) {
    var present = POLS.filter(function (p) { return c[p] > 0; });
    if (!present.length) return null;
    return present.length === 1 ? present[0] : "mixed";
  }
  var cellIndex = {};
  function drawMatrix() {
    var cells = {};
    var rowTotals = {};
    var colTotals = {};
    for (var k = 0; k < ST.length; k++) {
      if (!ok[k]) continue;
      var s = ST[k];
      var key = s.h + "\u0000" + s.i;
      var c = cells[key] || (cells[key] = { support: 0, oppose: 0, conditional: 0, st: [] });
      c[s.p]++;
      c.st.push(k);
      rowTotals[s.h] = (rowTotals[s.h] || 0) + 1;
      colTotals[s.i] = (colTotals[s.i] || 0) + 1;
    }
    cellIndex = cells;
    var rows = DATA.matrix.actors.filter(function (a) { return rowTotals[a]; });
    var cols = DATA.matrix.issues.filter(function (i) { return colTotals[i]; });
    var table = document.getElementById("sg-matrix");
    clear(table);
    var thead = el("thead");
    var hr = el("tr");
    hr.appendChild(el("th"));
    cols.forEach(function (i) {
      var th = el("th", "sg-col");
      th.appendChild(el("div", null, issueLabel(i)));
      th.title = issueLabel(i);
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (a) {
      var tr = el("tr");
      var th = el("th", null, actorLabel(a));
      th.title = actorLabel(a);
      th.setAttribute("scope", "row");
      tr.appendChild(th);
      cols.forEach(function (i) {
        var c = cells[a + "\u0000" + i];
        var td = el("td");
        if (c) {
          var pos = netPosition(c);
          td.className = "sg-cell pos-" + pos;
          td.textContent = String(c.st.length);
          td.dataset.actor = a;
          td.dataset.issue = i;
          td.dataset.position = pos;
          td.title = actorLabel(a) + " on " + issueLabel(i) + ": " +
            POLS.filter(function (p) { return c[p]; }).map(function (p) { return p + " " + c[p]; }).join(", ");
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    if (!rows.length) {
      var empty = el("tr");
      empty.appendChild(el("td", "sg-hint", "No statement matches the filters."));
      tbody.appendChild(empty);
    }
  }
  document.getElementById("sg-matrix").addEventListener("click", function (ev) {
    var td = ev.target.closest ? ev.target.closest("td.sg-cell") : null;
    if (!td) return;
    var c = cellIndex[td.dataset.actor + "\u0000" + td.dataset.issue];
    if (!c) return;
    document.querySelectorAll("#sg-matrix td.sg-active").forEach(function (x) { x.classList.remove("sg-active"); });
    td.classList.add("sg-active");
    state.pinned = true;
    showStatements(actorLabel(td.dataset.actor) + " on " + issueLabel(td.dataset.issue) + " (" + td.dataset.position + ")", c.st);
  });

  // ---- details and tooltips ----
  var details = document.getElementById("sg-details");
  var detailsTitle = document.getElementById("sg-details-title");
  var tip = document.getElementById("sg-tip");

  function statementCard(k) {
    var s = ST[k];
    var src = SOURCES[s.s] || {};
    var card = el("div", "sg-stmt sg-" + s.p);
    card.dataset.stance = s.id;
    card.appendChild(el("p", "sg-quote", "\u201c" + s.q + "\u201d"));
    var what = actorLabel(s.h) + " \u2192 " + issueLabel(s.i) + ": " + s.p +
      (s.c ? " (only after " + issueLabel(s.c) + ")" : "");
    card.appendChild(el("div", "sg-meta", what));
    var meta = el("div", "sg-meta");
    meta.appendChild(el("span", "sg-source", src.t ? src.t : "source " + s.s));
    if (src.pub) meta.appendChild(document.createTextNode(" \u00b7 " + src.pub));
    meta.appendChild(document.createTextNode(" \u00b7 " + (s.d || "undated")));
    var url = safeUrl(src.u);
    if (url) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      var a = el("a", null, "link");
      a.href = url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      meta.appendChild(a);
    }
    card.appendChild(meta);
    var how = s.m === "CuratedAnnotation" ? "curated annotation" : "rule " + (s.r || "?");
    var prov = how + " \u00b7 confidence " + (s.cf || "?") + " \u00b7 " + s.s + " [" + s.cs + ":" + s.ce + "]";
    if (s.v) prov += " \u00b7 reported via " + s.v;
    card.appendChild(el("div", "sg-meta", prov));
    return card;
  }

  function showStatements(title, indices) {
    detailsTitle.textContent = title + " \u2014 " + indices.length + " statement" + (indices.length === 1 ? "" : "s");
    clear(details);
    indices.forEach(function (k) { details.appendChild(statementCard(k)); });
  }

  function edgeStatements(e) {
    if (e.kind === "tie") {
      var out = [];
      var seen = {};
      e.ev.forEach(function (ev) {
        ev[1].concat(ev[2]).forEach(function (k) {
          if (okIgnoringActor[k] && !seen[k]) { seen[k] = true; out.push(k); }
        });
      });
      return out.sort(function (x, y) { return x - y; });
    }
    return e.st.filter(function (k) { return ok[k]; });
  }
  function edgeTitle(e) {
    if (e.kind === "tie") {
      var issues = e.ev.filter(function (ev) {
        return anyOk(ev[1], okIgnoringActor) && anyOk(ev[2], okIgnoringActor);
      }).map(function (ev) { return issueLabel(ev[0]); });
      return actorLabel(e.a) + (e.tie === "conflict" ? " disagrees with " : " agrees with ") + actorLabel(e.b) +
        " on " + issues.join(", ");
    }
    return actorLabel(e.h) + " \u2192 " + issueLabel(e.i) + ": " + e.pol +
      (e.cond.length ? " (only after " + e.cond.map(issueLabel).join(", ") + ")" : "");
  }

  function showTip(lines, pointer) {
    clear(tip);
    tip.appendChild(el("div", "sg-tip-head", lines[0]));
    for (var j = 1; j < lines.length; j++) tip.appendChild(el("div", j === lines.length - 1 ? "sg-meta" : "sg-quote", lines[j]));
    tip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = Math.min(pointer.x + 14, box.width - 390);
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.min(pointer.y + 14, box.height - 80) + "px";
  }
  function hideTip() { tip.hidden = true; }

  function hoverEdge(id, pointer) {
    var e = SG.edges.get(id);
    if (!e) return;
    var idx = edgeStatements(e);
    var lines = [edgeTitle(e)];
    idx.slice(0, 2).forEach(function (k) { lines.push("\u201c" + ST[k].q + "\u201d"); });
    lines.push(idx.length + " statement" + (idx.length === 1 ? "" : "s") + (state.pinned ? " \u00b7 click to list them" : " listed at the right"));
    showTip(lines, pointer);
    if (!state.pinned) showStatements(edgeTitle(e), idx);
  }

  function actorSummary(id) {
    var by = { support: {}, oppose: {}, conditional: {} };
    for (var k = 0; k < ST.length; k++) {
      if (ST[k].h !== id || !okIgnoringActor[k]) continue;
      by[ST[k].p][ST[k].i] = (by[ST[k].p][ST[k].i] || 0) + 1;
    }
    var words = { support: "supports", oppose: "opposes", conditional: "conditional on" };
    return POLS.filter(function (p) { return Object.keys(by[p]).length; }).map(function (p) {
      return words[p] + ": " + Object.keys(by[p]).sort().map(function (i) {
        return issueLabel(i) + " (" + by[p][i] + ")";
      }).join(", ");
    });
  }
  function issueSummary(id) {
    var by = { support: {}, oppose: {}, conditional: {} };
    for (var k = 0; k < ST.length; k++) {
      if (ST[k].i !== id || !ok[k]) continue;
      by[ST[k].p][ST[k].h] = (by[ST[k].p][ST[k].h] || 0) + 1;
    }
    var words = { support: "supported by", oppose: "opposed by", conditional: "conditional for" };
    return POLS.filter(function (p) { return Object.keys(by[p]).length; }).map(function (p) {
      return words[p] + ": " + Object.keys(by[p]).sort().map(function (a) {
        return actorLabel(a) + " (" + by[p][a] + ")";
      }).join(", ");
    });
  }
  function facts(pairs) {
    var dl = el("dl", "sg-facts");
    pairs.forEach(function (pair) {
      if (!pair[1]) return;
      dl.appendChild(el("dt", null, pair[0]));
      dl.appendChild(el("dd", null, pair[1]));
    });
    return dl;
  }
  function nodeInfo(id) {
    var node = SG.nodes.get(id);
    if (!node) return null;
    if (node.kind === "actor") {
      var a = ACTORS[node.ref] || { label: node.ref, aliases: [], types: [], speakers: [] };
      return {
        title: a.label + " (actor)",
        lines: actorSummary(node.ref),
        facts: [["Kind", a.types.join(", ")], ["Aliases", a.aliases.join("; ")], ["Speaking for it", a.speakers.join("; ")]]
      };
    }
    var i = ISSUES[node.ref] || { label: node.ref, aliases: [] };
    return { title: i.label + " (issue)", lines: issueSummary(node.ref), facts: [["Aliases", i.aliases.join("; ")]] };
  }
  function hoverNode(id, pointer) {
    var info = nodeInfo(id);
    if (!info) return;
    var aliases = info.facts.filter(function (f) { return f[0] === "Aliases"; })[0];
    var lines = [info.title].concat(info.lines.length ? info.lines : ["no statement under the current filters"]);
    lines.push(aliases && aliases[1] ? "aliases: " + aliases[1] : "");
    showTip(lines, pointer);
    if (!state.pinned) showNode(id);
  }
  function showNode(id) {
    var info = nodeInfo(id);
    if (!info) return;
    var node = SG.nodes.get(id);
    detailsTitle.textContent = info.title;
    clear(details);
    details.appendChild(facts(info.facts));
    info.lines.forEach(function (line) { details.appendChild(el("p", null, line)); });
    var idx = [];
    for (var k = 0; k < ST.length; k++) {
      if (node.kind === "actor" ? (ST[k].h === node.ref && okIgnoringActor[k]) : (ST[k].i === node.ref && ok[k])) idx.push(k);
    }
    idx.forEach(function (k) { details.appendChild(statementCard(k)); });
  }

  function onClick(p) {
    hideTip();
    if (p.nodes.length) {
      state.pinned = true;
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      var e = SG.edges.get(p.edges[0]);
      state.pinned = true;
      showStatements(edgeTitle(e), edgeStatements(e));
    } else {
      state.pinned = false;
    }
  }

  // ---- controls ----
  function fillSelect(id, ids, label) {
    var select = document.getElementById(id);
    ids.forEach(function (x) {
      var opt = el("option", null, label(x));
      opt.value = x;
      select.appendChild(opt);
    });
    select.addEventListener("change", function () {
      state[id === "sg-filter-issue" ? "issue" : "actor"] = select.value;
      apply();
    });
  }
  fillSelect("sg-filter-issue", DATA.matrix.issues.slice().sort(function (x, y) {
    return issueLabel(x).localeCompare(issueLabel(y));
  }), issueLabel);
  fillSelect("sg-filter-actor", DATA.matrix.actors.slice().sort(function (x, y) {
    return actorLabel(x).localeCompare(actorLabel(y));
  }), actorLabel);
  ["from", "to"].forEach(function (which) {
    var input = document.getElementById("sg-filter-" + which);
    if (DATA.dates.min) { input.min = DATA.dates.min; input.max = DATA.dates.max; }
    input.addEventListener("change", function () { state[which] = input.value; apply(); });
  });
  POLS.forEach(function (p) {
    var box = document.getElementById("sg-pol-" + p);
    box.addEventListener("change", function () { state.pol[p] = box.checked; apply(); });
  });
  document.getElementById("sg-reset").addEventListener("click", function () {
    state.issue = state.actor = state.from = state.to = "";
    document.getElementById("sg-filter-issue").value = "";
    document.getElementById("sg-filter-actor").value = "";
    document.getElementById("sg-filter-from").value = "";
    document.getElementById("sg-filter-to").value = "";
    POLS.forEach(function (p) { state.pol[p] = true; document.getElementById("sg-pol-" + p).checked = true; });
    apply();
  });
  document.querySelectorAll(".sg-views button").forEach(function (b) {
    b.addEventListener("click", function () {
      var view = b.getAttribute("data-view");
      if (view !== state.view) { hideTip(); draw(view); }
    });
  });

  draw(state.view);
})();
