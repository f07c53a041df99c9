// The review page: a queue of machine stances, decided by keyboard. Article text and every
// string from the server is data: it reaches the page through textContent only.
(function () {
  "use strict";
  const TOKEN = document.querySelector('meta[name="sg-review-token"]').content;
  const $ = (id) => document.getElementById(id);
  const MARKS = { accepted: "\u2713", rejected: "\u2717", corrected: "\u270e", added: "+" };

  const state = {
    items: [], articles: {}, actors: {}, issues: {}, actorList: [], issueList: [],
    progress: { reviewed: 0, total: 0, added: 0, suggested: 0, suggested_reviewed: 0 }, order: "confidence",
    visible: [], currentId: null, undo: [], form: null, pending: 0, ready: false, file: "",
  };
  let chain = Promise.resolve();

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function status(text, isError) {
    const box = $("sg-status");
    box.textContent = text || "";
    box.classList.toggle("rv-error", !!isError);
  }
  function actorLabel(id) { return (state.actors[id] || id || "?"); }
  function issueLabel(id) { return (state.issues[id] || id || "?"); }
  function view(item) {
    // What the item says now: the analyst's decision where there is one (except a rejection), else the rule's.
    const d = item.decision;
    return d && d.decision !== "rejected" ? d : item;
  }
  // Python counts code points, the browser UTF-16 units: convert before anything goes to the server.
  function codePoints(text, u16) {
    let n = 0;
    for (let i = 0; i < u16; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  async function api(method, path, body) {
    const headers = { "X-Review-Token": TOKEN };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, {
      method, headers, cache: "no-store", credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok || !data) throw new Error((data && data.error) || ("server answered " + res.status));
    return data;
  }

  // ------------------------------------------------------------------ loading

  async function load(keepId) {
    const data = await api("GET", "/api/queue?order=" + encodeURIComponent(state.order));
    state.items = data.items;
    state.articles = data.articles;
    state.file = data.file;
    state.actorList = data.actors;
    state.issueList = data.issues;
    state.actors = {}; data.actors.forEach((a) => { state.actors[a.id] = a.label; });
    state.issues = {}; data.issues.forEach((i) => { state.issues[i.id] = i.label; });
    state.progress = data.progress;
    fillFilters();
    fillFormChoices();
    applyFilters(keepId);
    if (!keepId || !state.visible.some((i) => i.id === keepId)) {
      // Resume: the first stance nobody has decided on yet.
      const next = state.visible.find((i) => !i.decision) || state.visible[0];
      state.currentId = next ? next.id : null;
    }
    renderList();
    renderCurrent();
    renderProgress();
    state.ready = true;
  }

  function fillSelect(select, options, keepFirst) {
    const old = select.value;
    while (select.options.length > (keepFirst ? 1 : 0)) select.remove(select.options.length - 1);
    options.forEach(([value, label]) => { const o = el("option", null, label); o.value = value; select.appendChild(o); });
    if ([...select.options].some((o) => o.value === old)) select.value = old;
  }

  function fillFilters() {
    const uniq = (f) => [...new Set(state.items.map(f).filter((x) => x))];
    fillSelect($("rv-f-article"), uniq((i) => i.article).sort().map((id) => {
      const a = state.articles[id] || {};
      return [id, (a.title ? a.title + " " : "") + "(" + id + ")"];
    }), true);
    fillSelect($("rv-f-actor"), uniq((i) => view(i).holder).map((id) => [id, actorLabel(id)]).sort((a, b) => a[1].localeCompare(b[1])), true);
    fillSelect($("rv-f-issue"), uniq((i) => view(i).issue).map((id) => [id, issueLabel(id)]).sort((a, b) => a[1].localeCompare(b[1])), true);
    fillSelect($("rv-f-rule"), uniq((i) => i.rule).sort().map((r) => [r, r]), true);
  }

  function fillFormChoices() {
    fillSelect($("rv-e-holder"), state.actorList.map((a) => [a.id, a.label]), false);
    fillSelect($("rv-e-issue"), state.issueList.map((i) => [i.id, i.label]), false);
    fillSelect($("rv-e-condition"), [["", "(none)"]].concat(state.issueList.map((i) => [i.id, i.label])), false);
  }

  function applyFilters(keepId) {
    const f = {
      article: $("rv-f-article").value, actor: $("rv-f-actor").value, issue: $("rv-f-issue").value,
      rule: $("rv-f-rule").value, status: $("rv-f-status").value,
    };
    state.visible = state.items.filter((i) => {
      const v = view(i);
      if (f.article && i.article !== f.article) return false;
      if (f.actor && v.holder !== f.actor) return false;
      if (f.issue && v.issue !== f.issue) return false;
      if (f.rule && i.rule !== f.rule) return false;
      if (f.status === "pending" && i.decision) return false;
      if (f.status === "decided" && !i.decision) return false;
      if (f.status === "kept" && i.suggested) return false;
      if (f.status === "suggested" && !i.suggested) return false;
      return true;
    });
    const want = keepId || state.currentId;
    if (!state.visible.some((i) => i.id === want)) state.currentId = state.visible.length ? state.visible[0].id : null;
    else state.currentId = want;
  }

  // ------------------------------------------------------------------ drawing

  function rowFor(item) {
    const v = view(item);
    const row = el("div", "rv-row sg-" + v.polarity + (item.decision ? " rv-" + item.decision.decision : "") +
      (item.suggested ? " rv-suggested" : ""));
    row.dataset.id = item.id;
    row.setAttribute("role", "option");
    row.appendChild(el("span", "rv-mark", item.decision ? MARKS[item.decision.decision] : ""));
    row.appendChild(el("span", "rv-what", actorLabel(v.holder) + " \u2192 " + issueLabel(v.issue) + ": " + v.polarity +
      (v.condition ? " after " + issueLabel(v.condition) : "")));
    if (item.suggested) row.appendChild(el("span", "rv-tag", "dropped"));
    row.appendChild(el("span", "rv-conf", item.confidence === null || item.confidence === undefined ? "analyst" : item.confidence.toFixed(2)));
    row.title = v.quote;
    if (item.id === state.currentId) { row.classList.add("rv-current"); row.setAttribute("aria-selected", "true"); }
    return row;
  }

  function renderList() {
    const list = $("rv-list");
    list.textContent = "";
    if (!state.visible.length) { list.appendChild(el("p", "rv-empty", "No stance matches the filters.")); return; }
    const frag = document.createDocumentFragment();
    state.visible.forEach((item) => frag.appendChild(rowFor(item)));
    list.appendChild(frag);
    const cur = list.querySelector(".rv-current");
    if (cur) cur.scrollIntoView({ block: "nearest" });
  }

  function updateRow(item) {
    const old = $("rv-list").querySelector('.rv-row[data-id="' + item.id + '"]');
    if (old) old.replaceWith(rowFor(item));
  }

  function fact(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }

  function current() { return state.items.find((i) => i.id === state.currentId) || null; }

  function renderCurrent() {
    const item = current();
    const head = $("rv-head"), facts = $("rv-facts"), text = $("rv-text");
    head.textContent = ""; facts.textContent = ""; text.textContent = "";
    if (!item) {
      head.textContent = state.items.length ? "Nothing to show with these filters." : "No machine stances in this folder.";
      return;
    }
    const v = view(item);
    head.appendChild(el("span", null, actorLabel(v.holder) + " \u2192 " + issueLabel(v.issue) + " "));
    head.appendChild(el("span", "rv-pol sg-" + v.polarity, v.polarity + (v.condition ? " after " + issueLabel(v.condition) : "")));
    const art = state.articles[item.article] || {};
    fact(facts, "Rule", item.rule || "(added by an analyst)");
    fact(facts, "Confidence", item.confidence === null || item.confidence === undefined ? null : item.confidence.toFixed(2));
    if (item.suggested) {
      fact(facts, "Suggested", "the stance model rated it " + item.suggested.rating.toFixed(2) + " and keeps from " +
        item.suggested.needed.toFixed(2) + ": it is not in the build unless you accept or correct it.");
    }
    fact(facts, "Reported via", item.via);
    fact(facts, "Article", [art.title || "(untitled)", art.publisher, art.date].filter((x) => x).join(" \u00b7 ") + "  [" + item.article + "]");
    if (item.covered) fact(facts, "Already curated", item.covered + " has an analyst's stance on this passage; the build uses that one.");
    const d = item.decision;
    if (d) {
      let said = d.decision + " by " + (d.reviewer || "?") + (d.time ? " at " + d.time : "");
      if (d.decision === "corrected") said += " (the rule said " + actorLabel(item.holder) + " \u2192 " + issueLabel(item.issue) + ": " + item.polarity + ")";
      fact(facts, "Decision", said);
      fact(facts, "Note", d.note);
    } else {
      fact(facts, "Decision", "not reviewed yet");
    }
    // The article, with the span in question marked: three text nodes, no markup from the article.
    const body = art.text || "";
    const s = d && d.s16 !== undefined && d.decision !== "rejected" ? d.s16 : item.s16;
    const e = d && d.e16 !== undefined && d.decision !== "rejected" ? d.e16 : item.e16;
    text.appendChild(document.createTextNode(body.slice(0, s)));
    const mark = el("mark", null, body.slice(s, e));
    mark.id = "rv-mark";
    text.appendChild(mark);
    text.appendChild(document.createTextNode(body.slice(e)));
    mark.scrollIntoView({ block: "center" });
  }

  function renderProgress() {
    const p = state.progress;
    $("rv-bar").max = Math.max(1, p.total);
    $("rv-bar").value = p.reviewed;
    $("rv-count").textContent = p.reviewed + " / " + p.total + " reviewed" + (p.added ? " \u00b7 " + p.added + " added" : "") +
      (p.suggested ? " \u00b7 suggestions " + p.suggested_reviewed + " / " + p.suggested : "");
  }

  function select(id) {
    if (!id) return;
    state.currentId = id;
    $("rv-list").querySelectorAll(".rv-current").forEach((r) => { r.classList.remove("rv-current"); r.removeAttribute("aria-selected"); });
    const row = $("rv-list").querySelector('.rv-row[data-id="' + id + '"]');
    if (row) { row.classList.add("rv-current"); row.setAttribute("aria-selected", "true"); row.scrollIntoView({ block: "nearest" }); }
    renderCurrent();
  }

  function move(step) {
    const at = state.visible.findIndex((i) => i.id === state.currentId);
    const next = state.visible[Math.min(state.visible.length - 1, Math.max(0, at + step))];
    if (next) select(next.id);
  }

  function advance(fromId) {
    // After a decision: the next stance below that nobody has decided on (or simply the next one).
    const at = state.visible.findIndex((i) => i.id === fromId);
    const after = state.visible.slice(at + 1);
    const next = after.find((i) => !i.decision) || after[0];
    if (next) select(next.id); else renderCurrent();
  }

  // ------------------------------------------------------------------ decisions

  function send(body, onDone, onFail) {
    state.pending++;
    chain = chain.then(() => api("POST", "/api/decisions", body)).then((res) => {
      state.progress = res.progress;
      onDone(res);
      renderProgress();
    }).catch((err) => {
      status(String(err.message || err), true);
      if (onFail) onFail();
    }).finally(() => { state.pending--; });
  }

  function replaceItem(id, fresh) {
    const at = state.items.findIndex((i) => i.id === id);
    if (fresh && at >= 0) state.items[at] = fresh;
    else if (fresh) state.items.push(fresh);
    else if (at >= 0) state.items.splice(at, 1);
    const vis = state.visible.findIndex((i) => i.id === id);
    if (fresh && vis >= 0) state.visible[vis] = fresh;
    else if (!fresh && vis >= 0) state.visible.splice(vis, 1);
    if (fresh) updateRow(fresh);
    else { const row = $("rv-list").querySelector('.rv-row[data-id="' + id + '"]'); if (row) row.remove(); }
    if (id === state.currentId) renderCurrent();
  }

  function decide(action, extra) {
    const item = current();
    if (!item) return;
    if (!item.machine && action !== "correct") { status("only machine stances can be accepted or rejected; undo an added stance with u", true); return; }
    const before = item.decision;
    // Shown at once; the server's answer replaces it (or the error puts the old state back).
    const local = Object.assign({}, view(item), extra || {}, { decision: { accept: "accepted", reject: "rejected", correct: "corrected" }[action] });
    item.decision = local;
    updateRow(item);
    state.undo.push(item.id);
    advance(item.id);
    status(local.decision + ": " + actorLabel(item.holder) + " \u2192 " + issueLabel(item.issue));
    send(Object.assign({ stance: item.id, action }, extra || {}),
      (res) => replaceItem(item.id, res.item),
      () => { item.decision = before; state.undo.pop(); updateRow(item); if (item.id === state.currentId) renderCurrent(); });
  }

  function undo() {
    const id = state.undo.pop();
    if (!id) { status("nothing to undo in this tab"); return; }
    send({ stance: id, action: "undo" }, (res) => {
      replaceItem(id, res.item);
      if (res.item) {
        if (!state.visible.some((i) => i.id === id)) { applyFilters(id); renderList(); }
        select(id);
      }
      status("undone");
    });
  }

  // ------------------------------------------------------------------ the form (correct / add)

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0), box = $("rv-text");
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const text = (state.articles[current().article] || {}).text || "";
    let s = before.toString().length, e = s + range.toString().length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (s >= e) return null;
    return { s16: s, e16: e, start: codePoints(text, s), end: codePoints(text, e), quote: text.slice(s, e) };
  }

  function syncCondition() {
    const conditional = $("rv-e-polarity").value === "conditional";
    $("rv-e-condition").disabled = !conditional;
    if (!conditional) $("rv-e-condition").value = "";
  }

  function openForm(mode) {
    const item = current();
    if (!item) return;
    const span = selectionSpan();
    if (mode === "add" && !span) { status("select the words of the missing stance in the article first, then press n", true); return; }
    if (mode === "correct" && !item.machine) { status("an added stance cannot be corrected: undo it and add it again", true); return; }
    const v = view(item);
    state.form = { mode, id: item.id, article: item.article, span: span || { start: v.start, end: v.end, quote: v.quote } };
    $("rv-form-title").textContent = mode === "add" ? "Add a stance the rules missed" : "Correct";
    // A correction starts from what the stance says; an addition from the holder and issue at hand, as support.
    $("rv-e-polarity").value = mode === "add" ? "support" : v.polarity;
    $("rv-e-holder").value = v.holder;
    $("rv-e-issue").value = v.issue;
    $("rv-e-condition").value = mode === "add" ? "" : v.condition || "";
    $("rv-e-note").value = "";
    syncCondition();
    $("rv-e-quote").textContent = state.form.span.quote;
    $("rv-form").hidden = false;
    (mode === "add" ? $("rv-e-holder") : $("rv-e-polarity")).focus();
  }

  function closeForm() {
    state.form = null;
    $("rv-form").hidden = true;
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  }

  function saveForm() {
    const form = state.form;
    if (!form) return;
    const values = {
      holder: $("rv-e-holder").value, issue: $("rv-e-issue").value, polarity: $("rv-e-polarity").value,
      condition: $("rv-e-condition").value || null, start: form.span.start, end: form.span.end,
    };
    if (values.polarity === "conditional" && !values.condition) { status("a conditional stance needs the issue that must come first", true); return; }
    const note = $("rv-e-note").value.trim();
    if (note) values.note = note;
    closeForm();
    if (form.mode === "correct") { decide("correct", values); return; }
    const item = current();
    send(Object.assign({ action: "add", article: form.article }, values), (res) => {
      if (res.item) {
        replaceItem(res.stance, res.item);
        if (!state.visible.some((i) => i.id === res.stance)) { applyFilters(state.currentId); renderList(); }
        state.undo.push(res.stance);
      }
      status("added: " + actorLabel(values.holder) + " \u2192 " + issueLabel(values.issue));
      if (item) select(item.id);
    });
  }

  $("rv-text").addEventListener("mouseup", () => {
    if (!state.form) return;
    const span = selectionSpan();
    if (span) { state.form.span = span; $("rv-e-quote").textContent = span.quote; }
  });
  $("rv-e-polarity").addEventListener("change", syncCondition);
  $("rv-form").addEventListener("submit", (ev) => { ev.preventDefault(); saveForm(); });
  $("rv-cancel").addEventListener("click", closeForm);

  // ------------------------------------------------------------------ keys and controls

  document.addEventListener("keydown", (ev) => {
    if (!state.ready) return;
    if (state.form) {
      if (ev.key === "Escape") { ev.preventDefault(); closeForm(); }
      else if (ev.key === "Enter" && ev.target.tagName !== "BUTTON") { ev.preventDefault(); saveForm(); }
      return;
    }
    const tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (ev.altKey || ev.metaKey || (ev.ctrlKey && ev.key !== "z")) return;
    const keys = {
      a: () => decide("accept"), r: () => decide("reject"), e: () => openForm("correct"), n: () => openForm("add"),
      u: undo, z: () => { if (ev.ctrlKey) undo(); },
      ArrowDown: () => move(1), ArrowRight: () => move(1), j: () => move(1),
      ArrowUp: () => move(-1), ArrowLeft: () => move(-1), k: () => move(-1),
    };
    const action = keys[ev.key];
    if (action) { ev.preventDefault(); action(); }
  });

  $("rv-list").addEventListener("click", (ev) => {
    const row = ev.target.closest(".rv-row");
    if (row) select(row.dataset.id);
  });
  $("rv-accept").addEventListener("click", () => decide("accept"));
  $("rv-reject").addEventListener("click", () => decide("reject"));
  $("rv-correct").addEventListener("click", () => openForm("correct"));
  // mousedown would collapse the selection the add button is about to use.
  $("rv-add").addEventListener("mousedown", (ev) => ev.preventDefault());
  $("rv-add").addEventListener("click", () => openForm("add"));
  $("rv-undo").addEventListener("click", undo);
  $("rv-prev").addEventListener("click", () => move(-1));
  $("rv-next").addEventListener("click", () => move(1));
  ["rv-f-article", "rv-f-actor", "rv-f-issue", "rv-f-rule", "rv-f-status"].forEach((id) =>
    $(id).addEventListener("change", () => { applyFilters(); renderList(); renderCurrent(); $(id).blur(); }));
  $("rv-order").addEventListener("change", () => {
    state.order = $("rv-order").value;
    $("rv-order").blur();
    load(state.currentId).catch((err) => status(String(err.message || err), true));
  });
  // Another tab may have decided meanwhile: take the file's state when this tab comes back.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.ready && !state.pending) load(state.currentId).catch(() => {});
  });

  window.__rv = { state, idle: () => state.pending === 0, current: () => state.currentId };
  load().catch((err) => { status("cannot load the queue: " + (err.message || err), true); });
})();
