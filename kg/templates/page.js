// stancegraph page: draws the views with vis-network and keeps legend, filters, matrix and details in step.
// Article text is untrusted: it only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("sg-data").textContent);
  // The statements the page carries: every one, or on a large graph the most recent of each link
  // (DATA.quotesPerLink); every count on the page comes from DATA.cells, which counts them all.
  var ST = DATA.statements;
  var SOURCES = DATA.sources;
  var ACTORS = DATA.actors;
  var ISSUES = DATA.issues;
  var POLS = ["support", "oppose", "conditional"];
  // the share of a cell's statements one polarity needs to be its position (kg.network.MAJORITY)
  var MAJORITY = DATA.majority;
  var COLORS = DATA.colors;

  var GROUPS = DATA.groups;                // carried statement indices per link (actor, issue, polarity)
  var GROUP_KEYS = DATA.groupKeys;         // each link's [actor, issue, polarity]
  var DAYS = DATA.days;                    // every date of a statement, in order
  var CELLS = DATA.cells;                  // [link, day (-1: undated), statements, ...]
  var TOTAL = DATA.total;                  // every statement of the graph
  var QUOTES = DATA.quotesPerLink;         // statements carried per link at most (null: every one)
  var ACTOR_IDS = DATA.matrix.actors;      // every actor with a statement, busiest first
  var ISSUE_IDS = DATA.matrix.issues;      // every issue with a statement, busiest first
  var NA = ACTOR_IDS.length, NI = ISSUE_IDS.length, NS = ST.length, NG = GROUPS.length;
  var NC = CELLS.length / 3, ND = DAYS.length;

  var state = {
    view: DATA.view,
    issues: [],          // chosen issue ids; none chosen = every issue
    actors: [],          // chosen actor ids; none chosen = every actor
    from: "",
    to: "",
    undated: true,       // keep statements without a date
    pol: { support: true, oppose: true, conditional: true },
    pinned: false
  };

  // ---- indices computed once: every filter pass reads small integer arrays only ----
  function indexOf(ids) {
    var out = {};
    for (var j = 0; j < ids.length; j++) out[ids[j]] = j;
    return out;
  }
  var ACTOR_AT = indexOf(ACTOR_IDS), ISSUE_AT = indexOf(ISSUE_IDS);
  var sActor = new Int32Array(NS), sIssue = new Int32Array(NS), sPol = new Int8Array(NS), sGroup = new Int32Array(NS);
  var sDate = new Array(NS);
  for (var k0 = 0; k0 < NS; k0++) {
    var s0 = ST[k0];
    sActor[k0] = ACTOR_AT[s0.h];
    sIssue[k0] = ISSUE_AT[s0.i];
    sPol[k0] = POLS.indexOf(s0.p);
    sDate[k0] = s0.d || "";
  }
  var gActor = new Int32Array(NG), gIssue = new Int32Array(NG), gPol = new Int8Array(NG), gTotal = new Int32Array(NG);
  var cellGroups = new Int32Array(NA * NI * 3).fill(-1);   // (actor, issue, polarity) -> group
  GROUP_KEYS.forEach(function (key, g) {
    gActor[g] = ACTOR_AT[key[0]];
    gIssue[g] = ISSUE_AT[key[1]];
    gPol[g] = POLS.indexOf(key[2]);
    cellGroups[(gActor[g] * NI + gIssue[g]) * 3 + gPol[g]] = g;
    var members = GROUPS[g];
    for (var j = 0; j < members.length; j++) sGroup[members[j]] = g;
  });
  var cGroup = new Int32Array(NC), cDay = new Int32Array(NC), cCount = new Int32Array(NC);
  var UNDATED = 0;
  for (var c0 = 0; c0 < NC; c0++) {
    cGroup[c0] = CELLS[3 * c0];
    cDay[c0] = CELLS[3 * c0 + 1];
    cCount[c0] = CELLS[3 * c0 + 2];
    gTotal[cGroup[c0]] += cCount[c0];
    if (cDay[c0] < 0) UNDATED += cCount[c0];
  }

  var ok = new Uint8Array(NS);             // carried statement passes every filter
  var okIgnoringActor = new Uint8Array(NS);
  var groupLive = new Int32Array(NG);      // statements per group passing all but the actor filter
  var actorOn = new Uint8Array(NA), issueOn = new Uint8Array(NI), polOn = new Uint8Array(3), dayOn = new Uint8Array(ND);
  var SG = (window.__sg = {
    state: state,
    stabilized: false,
    stabilizedAt: null,
    network: null,
    nodes: null,
    edges: null,
    visibleEdges: 0,
    visibleNodes: 0,
    visibleStatements: 0,
    undated: UNDATED,
    lastApplyMs: 0,
    edgeUpdates: 0,
    nodeUpdates: 0,
    labelsOnDemand: false
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
  function choose(table, ids, at, chosen) {
    table.fill(chosen.length ? 0 : 1);
    for (var j = 0; j < chosen.length; j++) if (at[chosen[j]] !== undefined) table[at[chosen[j]]] = 1;
  }
  function computeOk() {
    choose(actorOn, ACTOR_IDS, ACTOR_AT, state.actors);
    choose(issueOn, ISSUE_IDS, ISSUE_AT, state.issues);
    for (var p = 0; p < 3; p++) polOn[p] = state.pol[POLS[p]] ? 1 : 0;
    var from = state.from, to = state.to, undated = state.undated;
    for (var d0 = 0; d0 < ND; d0++) dayOn[d0] = (from && DAYS[d0] < from) || (to && DAYS[d0] > to) ? 0 : 1;
    // Counts from the cells (every statement), one pass over links and days.
    groupLive.fill(0);
    for (var c = 0; c < NC; c++) {
      var g = cGroup[c];
      if (!issueOn[gIssue[g]] || !polOn[gPol[g]]) continue;
      if (cDay[c] < 0 ? !undated : !dayOn[cDay[c]]) continue;
      groupLive[g] += cCount[c];
    }
    var n = 0;
    for (var g2 = 0; g2 < NG; g2++) if (actorOn[gActor[g2]]) n += groupLive[g2];
    // The carried statements the lists show.
    for (var k = 0; k < NS; k++) {
      var base = issueOn[sIssue[k]] && polOn[sPol[k]];
      if (base) {
        var d = sDate[k];
        if (!d) base = undated;
        else if ((from && d < from) || (to && d > to)) base = 0;
      }
      okIgnoringActor[k] = base ? 1 : 0;
      ok[k] = base && actorOn[sActor[k]] ? 1 : 0;
    }
    SG.visibleStatements = n;
  }
  function actorChosen(id) { return actorOn[ACTOR_AT[id]] === 1; }
  // Statements behind an actor-issue edge under the filters.
  function stanceCount(e) { return actorOn[gActor[e.g]] ? groupLive[e.g] : 0; }
  // Issue-level agreements (or disagreements) of a tie still standing under the filters.
  function tieCount(e) {
    if (state.actors.length && !actorChosen(e.a) && !actorChosen(e.b)) return 0;
    var n = 0;
    // One per issue, however many polarity pairs make the tie there (as kg.network counts it).
    for (var j = 0; j < e.ev.length; j++) if (tieHolds(e.ev[j])) n++;
    return n;
  }

  // Above DATA.labelledLinksMax links on screen, edge labels are drawn transparent, and in full only
  // on the links vis-network "chooses": the hovered or selected link and the links of a hovered or
  // selected node.
  var LABEL_SHOWN = { color: "#343434", strokeColor: "#ffffff" };
  var LABEL_HIDDEN = { color: "rgba(0,0,0,0)", strokeColor: "rgba(255,255,255,0)" };
  function chosenLabel(values) {
    values.color = LABEL_SHOWN.color;
    values.strokeColor = LABEL_SHOWN.strokeColor;
  }
  function setLabelsOnDemand(onDemand) {
    if (SG.labelsOnDemand === onDemand) return;
    SG.labelsOnDemand = onDemand;
    network.setOptions({ edges: { font: onDemand ? LABEL_HIDDEN : LABEL_SHOWN } });
    labelHint();
  }
  function labelHint() {
    var hint = document.getElementById("sg-label-hint");
    if (hint) hint.hidden = !SG.labelsOnDemand;
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
  // The records of the view on screen, with what was last drawn of each: filtering compares and
  // sends vis-network only the edges and nodes whose count or visibility changed, in one batch each.
  var EDGES = [], NODES = [], eFrom = null, eTo = null, WIDTHS = [1, 1];
  var drawnCount = null, edgeHidden = null, nodeShown = null, nodeLive = null;

  // The width of an edge with n statements (or issues): the page's fixed scale, as kg/viz.py draws it.
  function edgeWidth(n) {
    var lo = WIDTHS[0], hi = WIDTHS[1];
    var share = hi === lo ? 0.5 : (n - lo) / (hi - lo);
    return Math.round(Math.max(1, Math.min(8, 1 + share * 7)) * 1000) / 1000;
  }
  // Apply several dataset updates with one redraw: each vis-network dataset update otherwise redraws
  // the whole canvas at once (physics being off), i.e. once for the edges and once more for the nodes.
  function batched(fn) {
    var emitter = network && network.body && network.body.emitter;
    if (emitter) emitter.emit("_blockRedraw");
    try {
      fn();
    } finally {
      if (emitter) emitter.emit("_allowRedraw");
    }
    if (network) network.redraw();
  }

  function onStabilized() {
    // Stop the simulation once laid out: the page stays still and cheap while the analyst reads it,
    // and filtering (which only hides and re-weights edges) never sets it moving again.
    network.setOptions({ physics: { enabled: false } });
    if (!SG.stabilized) {
      SG.stabilized = true;
      SG.stabilizedAt = performance.now();
    }
  }

  function draw(view) {
    state.view = view;
    var v = DATA.views[view];
    EDGES = v.edges;
    NODES = v.nodes;
    WIDTHS = v.widths;
    var at = indexOf(NODES.map(function (node) { return node.id; }));
    eFrom = new Int32Array(EDGES.length);
    eTo = new Int32Array(EDGES.length);
    drawnCount = new Int32Array(EDGES.length);   // count the edge's width and label were last drawn for
    edgeHidden = new Uint8Array(EDGES.length);   // the edge's own hidden flag as vis-network has it
    EDGES.forEach(function (e, j) { eFrom[j] = at[e.from]; eTo[j] = at[e.to]; drawnCount[j] = e.n; });
    nodeShown = new Uint8Array(NODES.length).fill(1);
    nodeLive = new Int32Array(NODES.length);
    var data = { nodes: new vis.DataSet(NODES), edges: new vis.DataSet(EDGES) };
    SG.nodes = data.nodes;
    SG.edges = data.edges;
    SG.stabilized = false;
    var options = v.options;
    options.edges.chosen = { edge: true, label: chosenLabel };
    SG.labelsOnDemand = false;   // the view's options draw every label
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

  // One filter pass. vis-network draws an edge only if it is not hidden and neither end is: so an edge
  // whose node goes is left as it is (hiding 300 actors takes 300 node updates, not 5,000 edge
  // updates), and an edge is only updated once both its ends are on screen and its state differs.
  function apply() {
    var t0 = performance.now();
    computeOk();
    var tie = state.view === "actor-actor";
    var counts = new Int32Array(EDGES.length);
    var visibleEdges = 0;
    nodeLive.fill(0);
    for (var j = 0; j < EDGES.length; j++) {
      var n = tie ? tieCount(EDGES[j]) : stanceCount(EDGES[j]);
      counts[j] = n;
      if (n > 0) {
        visibleEdges++;
        nodeLive[eFrom[j]]++;
        nodeLive[eTo[j]]++;
      }
    }
    var nodeUpdates = [];
    var nodeCount = 0;
    for (var m = 0; m < NODES.length; m++) {
      var shown = nodeLive[m] > 0 ? 1 : 0;
      nodeCount += shown;
      if (nodeShown[m] !== shown) {
        nodeShown[m] = shown;
        nodeUpdates.push({ id: NODES[m].id, hidden: !shown });
      }
    }
    var edgeUpdates = [];
    for (var q = 0; q < EDGES.length; q++) {
      var c = counts[q];
      if (c === 0 && !(nodeShown[eFrom[q]] && nodeShown[eTo[q]])) continue;   // not drawn either way
      var e = EDGES[q];
      if (c === 0) {
        if (!edgeHidden[q]) { edgeHidden[q] = 1; edgeUpdates.push({ id: e.id, hidden: true }); }
      } else if (drawnCount[q] !== c) {
        edgeHidden[q] = 0;
        drawnCount[q] = c;
        edgeUpdates.push({ id: e.id, hidden: false, width: edgeWidth(c), label: edgeLabel(e, c) });
      } else if (edgeHidden[q]) {
        edgeHidden[q] = 0;
        edgeUpdates.push({ id: e.id, hidden: false });
      }
    }
    if (edgeUpdates.length || nodeUpdates.length) {
      batched(function () {
        if (edgeUpdates.length) SG.edges.update(edgeUpdates);
        if (nodeUpdates.length) SG.nodes.update(nodeUpdates);
      });
    }
    setLabelsOnDemand(visibleEdges > DATA.labelledLinksMax);
    SG.edgeUpdates = edgeUpdates.length;
    SG.nodeUpdates = nodeUpdates.length;
    SG.visibleEdges = visibleEdges;
    SG.visibleNodes = nodeCount;
    document.getElementById("sg-status").textContent =
      "Showing " + SG.visibleStatements + " of " + TOTAL + " statements \u00b7 " +
      visibleEdges + " of " + EDGES.length + " links \u00b7 " + nodeCount + " of " + NODES.length + " nodes";
    updateMatrix();
    SG.lastApplyMs = performance.now() - t0;
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
    var hint = el("div", "sg-meta", "labels of more than " + DATA.labelledLinksMax +
                  " links: hover or click a node or a link");
    hint.id = "sg-label-hint";
    box.appendChild(hint);
    labelHint();
  }
  (function matrixLegend() {
    var box = document.getElementById("sg-matrix-legend");
    ["support", "oppose", "conditional", "mixed"].forEach(function (p) {
      var item = el("span");
      item.appendChild(el("span", "sg-key pos-" + p));
      item.appendChild(document.createTextNode(p));
      box.appendChild(item);
    });
    box.appendChild(el("span", "sg-meta", "colour: the polarity of at least " + MAJORITY[0] + " in " + MAJORITY[1] +
                                          " statements; number = statements"));
  })();

  // ---- position matrix ----
  // The table is built once with a row per actor and a column per issue; a filter pass then only
  // rewrites the cells whose count or net position changed and hides the rows and columns left empty.
  var matrixTable = document.getElementById("sg-matrix");
  var matrixHide = document.getElementById("sg-matrix-hide");
  var cellTd = new Array(NA * NI);
  var cellLast = new Int32Array(NA * NI * 4);   // support, oppose, conditional, total as last drawn
  var rowTr = new Array(NA), rowShown = new Uint8Array(NA).fill(1), colShown = new Uint8Array(NI).fill(1);
  var cellCounts = new Int32Array(NA * NI * 3);
  var matrixEmpty = document.getElementById("sg-matrix-empty");
  (function buildMatrix() {
    var thead = el("thead");
    var hr = el("tr");
    hr.appendChild(el("th", "sg-corner"));
    ISSUE_IDS.forEach(function (i, c) {
      var th = el("th", "sg-col");
      th.appendChild(el("div", null, issueLabel(i)));
      th.title = issueLabel(i);
      th.setAttribute("scope", "col");
      th.dataset.col = String(c);
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    matrixTable.appendChild(thead);
    var tbody = el("tbody");
    ACTOR_IDS.forEach(function (a, r) {
      var tr = el("tr");
      var th = el("th", null, actorLabel(a));
      th.title = actorLabel(a);
      th.setAttribute("scope", "row");
      tr.appendChild(th);
      for (var c = 0; c < NI; c++) {
        var td = el("td");
        td.dataset.col = String(c);
        td.dataset.actor = a;
        td.dataset.issue = ISSUE_IDS[c];
        tr.appendChild(td);
        cellTd[r * NI + c] = td;
      }
      rowTr[r] = tr;
      tbody.appendChild(tr);
    });
    matrixTable.appendChild(tbody);
  })();

  function updateMatrix() {
    cellCounts.fill(0);
    for (var g = 0; g < NG; g++) if (actorOn[gActor[g]]) cellCounts[(gActor[g] * NI + gIssue[g]) * 3 + gPol[g]] += groupLive[g];
    var rowTotal = new Int32Array(NA), colTotal = new Int32Array(NI);
    for (var r = 0; r < NA; r++) {
      for (var c = 0; c < NI; c++) {
        var x = r * NI + c, sup = cellCounts[x * 3], opp = cellCounts[x * 3 + 1], cnd = cellCounts[x * 3 + 2];
        var total = sup + opp + cnd;
        rowTotal[r] += total;
        colTotal[c] += total;
        if (cellLast[x * 4] === sup && cellLast[x * 4 + 1] === opp && cellLast[x * 4 + 2] === cnd && cellLast[x * 4 + 3] === total) continue;
        cellLast[x * 4] = sup; cellLast[x * 4 + 1] = opp; cellLast[x * 4 + 2] = cnd; cellLast[x * 4 + 3] = total;
        drawCell(cellTd[x], r, c, [sup, opp, cnd], total);
      }
    }
    var shownRows = 0, hiddenCols = [];
    for (var r2 = 0; r2 < NA; r2++) {
      var showRow = rowTotal[r2] > 0 ? 1 : 0;
      shownRows += showRow;
      if (rowShown[r2] !== showRow) { rowShown[r2] = showRow; rowTr[r2].hidden = !showRow; }
    }
    var colsChanged = false;
    for (var c2 = 0; c2 < NI; c2++) {
      var showCol = colTotal[c2] > 0 ? 1 : 0;
      if (colShown[c2] !== showCol) { colShown[c2] = showCol; colsChanged = true; }
      if (!showCol) hiddenCols.push(c2);
    }
    // Empty columns are hidden by one generated rule (column numbers only, no page text in it).
    if (colsChanged) {
      matrixHide.textContent = hiddenCols.length
        ? hiddenCols.map(function (c) { return '#sg-matrix [data-col="' + c + '"]'; }).join(",") + "{display:none}"
        : "";
    }
    matrixEmpty.hidden = shownRows > 0;
  }
  // A cell's tooltip is written when the pointer reaches it, not on every filter pass.
  function drawCell(td, r, c, counts, total) {
    if (!total) {
      td.className = "";
      td.textContent = "";
      td.removeAttribute("data-position");
      return;
    }
    var pos = "mixed";
    for (var q = 0; q < 3; q++) {
      if (counts[q] * MAJORITY[1] >= total * MAJORITY[0]) { pos = POLS[q]; break; }
    }
    td.className = "sg-cell pos-" + pos;
    td.textContent = String(total);
    td.dataset.position = pos;
  }
  matrixTable.addEventListener("mouseover", function (ev) {
    var td = ev.target.closest ? ev.target.closest("td.sg-cell") : null;
    if (!td) return;
    var x = ACTOR_AT[td.dataset.actor] * NI + ISSUE_AT[td.dataset.issue];
    td.title = actorLabel(td.dataset.actor) + " on " + issueLabel(td.dataset.issue) + ": " +
      POLS.filter(function (p, q) { return cellLast[x * 4 + q] > 0; })
        .map(function (p) { return p + " " + cellLast[x * 4 + POLS.indexOf(p)]; }).join(", ");
  });
  // The statements of one matrix cell under the filters, in reading order.
  function cellStatements(a, i) {
    var out = [];
    for (var p = 0; p < 3; p++) {
      var g = cellGroups[(ACTOR_AT[a] * NI + ISSUE_AT[i]) * 3 + p];
      if (g >= 0) GROUPS[g].forEach(function (k) { if (ok[k]) out.push(k); });
    }
    return out.sort(function (x, y) { return x - y; });
  }
  matrixTable.addEventListener("click", function (ev) {
    var td = ev.target.closest ? ev.target.closest("td.sg-cell") : null;
    if (!td) return;
    var idx = cellStatements(td.dataset.actor, td.dataset.issue);
    var total = cellLast[(ACTOR_AT[td.dataset.actor] * NI + ISSUE_AT[td.dataset.issue]) * 4 + 3];
    if (!total) return;
    matrixTable.querySelectorAll("td.sg-active").forEach(function (x) { x.classList.remove("sg-active"); });
    td.classList.add("sg-active");
    state.pinned = true;
    showStatements(actorLabel(td.dataset.actor) + " on " + issueLabel(td.dataset.issue) + " (" + td.dataset.position + ")", idx,
      total, { actor: [td.dataset.actor], issue: [td.dataset.issue] });
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

  // The command that lists every statement of a selection (the page may carry only some of them).
  function stancesCommand(select) {
    var words = ["kg stances"];
    (select.actor || []).forEach(function (a) { words.push("--actor " + a); });
    (select.issue || []).forEach(function (i) { words.push("--issue " + i); });
    if (select.polarity) words.push("--polarity " + select.polarity);
    if (state.from) words.push("--since " + state.from);
    if (state.to) words.push("--until " + state.to);
    return words.join(" ");
  }
  // What a list leaves out: the statements under the filters that the page does not carry.
  function moreNote(parent, shown, total, select) {
    if (total <= shown) return;
    var note = el("p", "sg-hint sg-more");
    note.appendChild(document.createTextNode("\u2026 and " + (total - shown) + " more (this page carries the " + QUOTES +
      " most recent statements of each link): "));
    note.appendChild(el("code", null, stancesCommand(select)));
    parent.appendChild(note);
  }
  function showStatements(title, indices, total, select) {
    detailsTitle.textContent = title + " \u2014 " + total + " statement" + (total === 1 ? "" : "s");
    clear(details);
    indices.forEach(function (k) { details.appendChild(statementCard(k)); });
    moreNote(details, indices.length, total, select);
  }

  function edgeStatements(e) {
    var out = [];
    if (e.kind === "tie") {
      var seen = {};
      e.ev.forEach(function (ev) {
        var pairs = ev[1];
        for (var q = 0; q < pairs.length; q += 2) {
          if (!groupLive[pairs[q]] || !groupLive[pairs[q + 1]]) continue;
          GROUPS[pairs[q]].concat(GROUPS[pairs[q + 1]]).forEach(function (k) {
            if (okIgnoringActor[k] && !seen[k]) { seen[k] = true; out.push(k); }
          });
        }
      });
      return out.sort(function (x, y) { return x - y; });
    }
    return GROUPS[e.g].filter(function (k) { return ok[k]; });
  }
  // How many statements stand behind an edge under the filters (carried or not).
  function edgeTotal(e) {
    if (e.kind !== "tie") return stanceCount(e);
    var seen = {}, n = 0;
    e.ev.forEach(function (ev) {
      var pairs = ev[1];
      for (var q = 0; q < pairs.length; q += 2) {
        if (!groupLive[pairs[q]] || !groupLive[pairs[q + 1]]) continue;
        [pairs[q], pairs[q + 1]].forEach(function (g) { if (!seen[g]) { seen[g] = true; n += groupLive[g]; } });
      }
    });
    return n;
  }
  function edgeSelection(e) {
    if (e.kind !== "tie") return { actor: [e.h], issue: [e.i], polarity: e.pol };
    return { actor: [e.a, e.b], issue: e.ev.filter(tieHolds).map(function (ev) { return ev[0]; }) };
  }
  function tieHolds(ev) {
    for (var q = 0; q < ev[1].length; q += 2) if (groupLive[ev[1][q]] && groupLive[ev[1][q + 1]]) return true;
    return false;
  }
  function edgeTitle(e) {
    if (e.kind === "tie") {
      var issues = e.ev.filter(tieHolds).map(function (ev) { return issueLabel(ev[0]); });
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
    var idx = edgeStatements(e), total = edgeTotal(e);
    var lines = [edgeTitle(e)];
    idx.slice(0, 2).forEach(function (k) { lines.push("\u201c" + ST[k].q + "\u201d"); });
    lines.push(total + " statement" + (total === 1 ? "" : "s") + (state.pinned ? " \u00b7 click to list them" : " listed at the right"));
    showTip(lines, pointer);
    if (!state.pinned) showStatements(edgeTitle(e), idx, total, edgeSelection(e));
  }

  function actorSummary(id) {
    var by = { support: {}, oppose: {}, conditional: {} };
    for (var g = 0; g < NG; g++) {
      if (GROUP_KEYS[g][0] !== id || !groupLive[g]) continue;
      by[GROUP_KEYS[g][2]][GROUP_KEYS[g][1]] = groupLive[g];
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
    for (var g = 0; g < NG; g++) {
      if (GROUP_KEYS[g][1] !== id || !groupLive[g] || !actorOn[gActor[g]]) continue;
      by[GROUP_KEYS[g][2]][GROUP_KEYS[g][0]] = groupLive[g];
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
    var idx = [], total = 0;
    for (var k = 0; k < NS; k++) {
      if (node.kind === "actor" ? (ST[k].h === node.ref && okIgnoringActor[k]) : (ST[k].i === node.ref && ok[k])) idx.push(k);
    }
    for (var g = 0; g < NG; g++) {
      if (node.kind === "actor" ? GROUP_KEYS[g][0] === node.ref : GROUP_KEYS[g][1] === node.ref && actorOn[gActor[g]]) total += groupLive[g];
    }
    idx.forEach(function (k) { details.appendChild(statementCard(k)); });
    moreNote(details, idx.length, total, node.kind === "actor" ? { actor: [node.ref] } : { issue: [node.ref] });
  }

  function onClick(p) {
    hideTip();
    if (p.nodes.length) {
      state.pinned = true;
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      var e = SG.edges.get(p.edges[0]);
      state.pinned = true;
      showStatements(edgeTitle(e), edgeStatements(e), edgeTotal(e), edgeSelection(e));
    } else {
      state.pinned = false;
    }
  }

  // ---- controls ----
  // Issue and actor filters: a drop-down list of checkboxes. Ticking some keeps only those; ticking
  // none (or "All") keeps every one. A search box narrows the list by name or alias.
  var pickers = {};
  function multiPicker(key, ids, label, aliases, noun) {
    var root = document.getElementById("sg-filter-" + key);
    var summary = root.querySelector(".sg-multi-sum");
    var list = root.querySelector(".sg-multi-list");
    var find = root.querySelector(".sg-multi-find");
    var counts = {};
    GROUP_KEYS.forEach(function (k, g) { var id = key === "issue" ? k[1] : k[0]; counts[id] = (counts[id] || 0) + gTotal[g]; });
    var boxes = [];
    ids.forEach(function (id) {
      var row = el("label", "sg-multi-item");
      var box = el("input");
      box.type = "checkbox";
      box.value = id;
      row.appendChild(box);
      row.appendChild(el("span", "sg-multi-name", label(id)));
      row.appendChild(el("span", "sg-multi-n", counts[id] || 0));
      row.dataset.find = [label(id)].concat(aliases(id)).join("\n").toLowerCase();
      list.appendChild(row);
      boxes.push(box);
    });
    function chosen() { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); }
    function sync() {
      var ids2 = chosen();
      state[key === "issue" ? "issues" : "actors"] = ids2;
      summary.textContent = !ids2.length ? "all " + noun + "s"
        : ids2.length === 1 ? label(ids2[0]) : ids2.length + " " + noun + "s";
      root.classList.toggle("sg-active", ids2.length > 0);
      summary.title = ids2.map(label).join(", ");
    }
    list.addEventListener("change", function () { sync(); apply(); });
    root.querySelector(".sg-multi-all").addEventListener("click", function () {
      if (!chosen().length) return;
      boxes.forEach(function (b) { b.checked = false; });
      sync();
      apply();
    });
    find.addEventListener("input", function () {
      var q = find.value.trim().toLowerCase();
      list.querySelectorAll(".sg-multi-item").forEach(function (row) {
        row.hidden = q !== "" && row.dataset.find.indexOf(q) < 0;
      });
    });
    sync();
    pickers[key] = {
      root: root,
      clear: function () { boxes.forEach(function (b) { b.checked = false; }); find.value = ""; find.dispatchEvent(new Event("input")); sync(); }
    };
  }
  function byLabel(label) { return function (x, y) { return label(x).localeCompare(label(y)); }; }
  multiPicker("issue", ISSUE_IDS.slice().sort(byLabel(issueLabel)), issueLabel,
    function (id) { return ISSUES[id] ? ISSUES[id].aliases : []; }, "issue");
  multiPicker("actor", ACTOR_IDS.slice().sort(byLabel(actorLabel)), actorLabel,
    function (id) { return ACTORS[id] ? ACTORS[id].aliases.concat(ACTORS[id].speakers) : []; }, "actor");
  // One open list at a time; a click elsewhere or Escape closes it.
  document.addEventListener("click", function (ev) {
    Object.keys(pickers).forEach(function (key) {
      var root = pickers[key].root;
      if (root.open && !root.contains(ev.target)) root.open = false;
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    Object.keys(pickers).forEach(function (key) { pickers[key].root.open = false; });
  });

  ["from", "to"].forEach(function (which) {
    var input = document.getElementById("sg-filter-" + which);
    if (DATA.dates.min) { input.min = DATA.dates.min; input.max = DATA.dates.max; }
    input.addEventListener("change", function () { state[which] = input.value; apply(); });
  });
  var undatedBox = document.getElementById("sg-filter-undated");
  document.getElementById("sg-undated-n").textContent = "(" + UNDATED + ")";
  undatedBox.addEventListener("change", function () { state.undated = undatedBox.checked; apply(); });
  POLS.forEach(function (p) {
    var box = document.getElementById("sg-pol-" + p);
    box.addEventListener("change", function () { state.pol[p] = box.checked; apply(); });
  });
  document.getElementById("sg-reset").addEventListener("click", function () {
    state.from = state.to = "";
    pickers.issue.clear();
    pickers.actor.clear();
    document.getElementById("sg-filter-from").value = "";
    document.getElementById("sg-filter-to").value = "";
    state.undated = undatedBox.checked = true;
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
