/* kg graph page. Every string that came from a document is written with textContent or
   handed to vis-network as a plain string (drawn on the canvas): never innerHTML. */
(function () {
  "use strict";
  const T0 = performance.now();
  window.kgTimings = { script: T0 };
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const N = D.nodes, E = D.edges, nN = N.id.length, nE = E.from.length;
  const $ = (id) => document.getElementById(id);

  /** A new element holding `text` as text. */
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmt(w) { return Math.round(w * 1000) / 1000; }

  // ---- derived tables -------------------------------------------------------
  const degree = new Int32Array(nN);
  const incident = Array.from({ length: nN }, () => []);
  for (let i = 0; i < nE; i++) {
    degree[E.from[i]]++; degree[E.to[i]]++;
    incident[E.from[i]].push(i);
    if (E.to[i] !== E.from[i]) incident[E.to[i]].push(i);
  }
  const indexOf = new Map();
  for (let i = 0; i < nN; i++) indexOf.set(N.id[i], i);
  const typeName = (i) => D.types[N.type[i]][0];
  const typeColour = (i) => D.types[N.type[i]][1];
  const isPattern = (i) => E.kind[i] === 1;
  const documentRelation = D.relations.indexOf(D.documentRelation);
  const isDocumentLink = (i) => E.rel[i] === documentRelation;
  function relText(i) {
    const r = D.relations[E.rel[i]];
    const f = E.flag[i];
    return (f & 1 ? "not " : "") + r + (f & 2 ? "?" : "");
  }

  // ---- filters --------------------------------------------------------------
  const state = {
    typeOn: D.types.map(() => true), relOn: D.relations.map(() => true), cooc: true, codoc: false,
    minWeight: -Infinity, minCount: 0, minMentions: 0, hood: null, sizeBy: "mentions",
  };
  function nodeVisible(i) {
    return state.typeOn[N.type[i]] && N.mentions[i] >= state.minMentions && (!state.hood || state.hood.has(i));
  }
  function edgeVisible(i) {
    if (isPattern(i) ? !state.relOn[E.rel[i]] : !(isDocumentLink(i) ? state.codoc : state.cooc)) return false;
    return E.weight[i] >= state.minWeight && E.count[i] >= state.minCount;
  }

  // ---- vis data -------------------------------------------------------------
  function sizeValue(i) { return state.sizeBy === "degree" ? degree[i] : N.mentions[i]; }
  const visNodes = new Array(nN);
  for (let i = 0; i < nN; i++) {
    visNodes[i] = { id: i, label: N.label[i], x: N.x[i], y: N.y[i], value: sizeValue(i),
                    color: typeColour(i) };
  }
  const pairSeen = new Map();
  const visEdges = new Array(nE);
  for (let i = 0; i < nE; i++) {
    const e = { id: i, from: E.from[i], to: E.to[i] };
    if (isPattern(i)) {
      const key = Math.min(e.from, e.to) + "," + Math.max(e.from, e.to);
      const k = (pairSeen.get(key) || 0) + 1;
      pairSeen.set(key, k);
      e.label = relText(i);
      e.arrows = "to";
      e.width = 1.5 + 1.5 * Math.log2(Math.max(1, E.weight[i]));
      e.color = { color: D.edgeColours.pattern, highlight: "#000" };
      e.smooth = { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.12 + 0.1 * Math.floor(k / 2) };
    } else {
      e.width = 0.5 + 2.5 * Math.max(0, E.weight[i]);
      e.dashes = true;
      e.color = { color: D.edgeColours.cooccurrence, highlight: "#666", opacity: 0.7 };
    }
    visEdges[i] = e;
  }
  const nodeSet = new vis.DataSet(visNodes);
  const edgeSet = new vis.DataSet(visEdges);
  const nodeView = new vis.DataView(nodeSet, { filter: (n) => nodeVisible(n.id) });
  const edgeView = new vis.DataView(edgeSet, { filter: (e) => edgeVisible(e.id) });

  const big = nE > 5000 || nN > 3000;
  const options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { shape: "dot", borderWidth: 1, scaling: { min: 6, max: 36, label: { enabled: false } },
             font: { size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fff" } },
    edges: { smooth: false, selectionWidth: 2, font: { size: 11, align: "middle", color: "#333" },
             arrows: { to: { enabled: false, scaleFactor: 0.6 } } },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                   navigationButtons: false, keyboard: false, multiselect: false },
  };
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, options);
  window.network = network;
  network.fit({ animation: false });  // vis's own first fit guesses a zoom from the node count
  window.kg = { data: D, nodes: nodeSet, edges: edgeSet, state: state, indexOf: indexOf };

  // ---- counts & refresh -----------------------------------------------------
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }
  function updateCounts() {
    $("counts").textContent = nodeView.length + " / " + nN + " entities · " + edgeView.length + " / " + nE + " edges";
  }

  // ---- legend & filter controls --------------------------------------------
  function checkbox(text, colourOrNull, count, onChange) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", () => onChange(box.checked));
    label.appendChild(box);
    if (colourOrNull) { const s = el("span", null, "swatch"); s.style.background = colourOrNull; label.appendChild(s); }
    label.appendChild(el("span", text));
    label.appendChild(el("span", count, "count"));
    return label;
  }
  const typeCounts = D.types.map(() => 0);
  for (let i = 0; i < nN; i++) typeCounts[N.type[i]]++;
  D.types.forEach(([name, colour], t) => {
    if (!typeCounts[t]) return;
    const row = checkbox(name, colour, typeCounts[t], (on) => { state.typeOn[t] = on; refresh(); });
    row.dataset.type = name;
    $("types").appendChild(row);
  });
  const relCounts = D.relations.map(() => 0);
  for (let i = 0; i < nE; i++) if (isPattern(i)) relCounts[E.rel[i]]++;
  D.relations.forEach((name, r) => {
    if (!relCounts[r]) return;
    const row = checkbox(name, null, relCounts[r], (on) => { state.relOn[r] = on; refresh(); });
    row.dataset.relation = name;
    $("relations").appendChild(row);
  });
  if (!relCounts.some((c) => c)) $("relations").appendChild(el("div", "none found", "count"));
  $("show-cooc").addEventListener("change", (ev) => { state.cooc = ev.target.checked; refresh(); });
  $("show-codoc").addEventListener("change", (ev) => { state.codoc = ev.target.checked; refresh(); });
  function numberInput(id, key, fallback) {
    $(id).addEventListener("input", (ev) => {
      const v = parseFloat(ev.target.value);
      state[key] = Number.isFinite(v) ? v : fallback;
      refresh();
    });
  }
  numberInput("min-weight", "minWeight", -Infinity);
  numberInput("min-count", "minCount", 0);
  numberInput("min-mentions", "minMentions", 0);
  $("size-by").addEventListener("change", (ev) => {
    state.sizeBy = ev.target.value;
    const upd = new Array(nN);
    for (let i = 0; i < nN; i++) upd[i] = { id: i, value: sizeValue(i) };
    nodeSet.update(upd);
  });

  // ---- neighbourhood --------------------------------------------------------
  /** Nodes within `depth` hops of `start` along the edges the filters show. */
  function neighbourhood(start, depth) {
    const seen = new Set([start]);
    let frontier = [start];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next = [];
      for (const n of frontier) {
        for (const e of incident[n]) {
          if (!edgeVisible(e)) continue;
          const m = E.from[e] === n ? E.to[e] : E.from[e];
          if (!seen.has(m)) { seen.add(m); next.push(m); }
        }
      }
      frontier = next;
    }
    return seen;
  }
  function showNeighbourhood(i, depth) {
    state.hood = neighbourhood(i, depth);
    refresh();
    network.selectNodes([i]);
    network.fit({ nodes: Array.from(state.hood).filter(nodeVisible), animation: false });
  }
  $("hood").addEventListener("click", () => {
    const sel = network.getSelectedNodes();
    if (!sel.length) { $("status").textContent = "select a node first"; return; }
    showNeighbourhood(sel[0], Math.max(1, parseInt($("depth").value, 10) || 1));
  });
  $("show-all").addEventListener("click", () => { state.hood = null; refresh(); network.fit({ animation: false }); });

  // ---- side panel -----------------------------------------------------------
  const panel = $("panel"), body = $("panel-body");
  $("close").addEventListener("click", () => { panel.classList.remove("open"); network.unselectAll(); });
  function nodeButton(i) {
    const b = el("button", N.label[i], "link");
    b.type = "button";
    b.addEventListener("click", () => focusNode(i));
    return b;
  }
  function evidenceList(i, limit) {
    const ul = el("ul");
    const ev = E.ev[i];
    const n = ev.length / 2;
    for (let k = 0; k < Math.min(n, limit); k++) {
      const li = el("li", null, "ev");
      li.appendChild(el("div", D.sents[ev[2 * k + 1]], "sentence"));
      li.appendChild(el("div", D.docs[ev[2 * k]], "doc"));
      ul.appendChild(li);
    }
    if (n > limit) {
      const li = el("li");
      const more = el("button", "all " + n + " pieces of evidence", "link");
      more.type = "button";
      more.addEventListener("click", () => showEdge(i));
      li.appendChild(more);
      ul.appendChild(li);
    }
    return ul;
  }
  function edgeHeading(i, from) {
    const h = el("div");
    const other = E.from[i] === from ? E.to[i] : E.from[i];
    if (isPattern(i)) {
      const out = E.from[i] === from;
      h.appendChild(el("strong", (out ? "→ " : "← ") + relText(i) + " "));
    } else {
      h.appendChild(el("span", "co-occurs with "));
    }
    h.appendChild(nodeButton(other));
    h.appendChild(el("span", "  ×" + E.count[i] + " · weight " + fmt(E.weight[i]), "count"));
    return h;
  }
  function openPanel() { clear(body); panel.classList.add("open"); }
  function showNode(i) {
    openPanel();
    body.dataset.node = N.id[i];
    body.appendChild(el("h3", N.label[i]));
    const meta = el("div", null, "meta");
    const s = el("span", null, "swatch"); s.style.background = typeColour(i);
    meta.appendChild(s);
    meta.appendChild(el("span", " " + typeName(i) + " · " + N.mentions[i] + " mentions · " +
                        N.docs[i].length + " documents · degree " + degree[i]));
    body.appendChild(meta);
    if (N.aliases[i].length) {
      body.appendChild(el("h2", "Aliases"));
      body.appendChild(el("div", N.aliases[i].join(" | "), "aliases"));
    }
    if (N.docs[i].length) {
      body.appendChild(el("h2", "Documents"));
      const ul = el("ul");
      N.docs[i].forEach((d) => ul.appendChild(el("li", D.docs[d], "doc")));
      body.appendChild(ul);
    }
    const edges = incident[i].slice().sort((a, b) => (E.kind[b] - E.kind[a]) || (E.count[b] - E.count[a]) ||
                                                     (E.weight[b] - E.weight[a]));
    body.appendChild(el("h2", "Relations (" + edges.length + ")"));
    const limit = 200;
    edges.slice(0, limit).forEach((e) => {
      const box = el("div", null, "rel");
      box.dataset.edge = String(e);
      box.appendChild(edgeHeading(e, i));
      box.appendChild(evidenceList(e, 3));
      body.appendChild(box);
    });
    if (edges.length > limit) body.appendChild(el("div", (edges.length - limit) + " more, weaker edges not listed", "count"));
  }
  function showEdge(i) {
    openPanel();
    body.dataset.edge = String(i);
    const h = el("h3");
    h.appendChild(nodeButton(E.from[i]));
    h.appendChild(el("span", isPattern(i) ? " → " + relText(i) + " → " : " — co-occurs with — "));
    h.appendChild(nodeButton(E.to[i]));
    body.appendChild(h);
    body.appendChild(el("div", (isPattern(i) ? "relation" : "co-occurrence") + " · " + E.count[i] +
                        " pieces of evidence · weight " + fmt(E.weight[i]), "meta"));
    body.appendChild(el("h2", "Evidence"));
    body.appendChild(evidenceList(i, Infinity));
  }
  function focusNode(i) {
    if (!nodeVisible(i)) {
      state.hood = null; state.typeOn[N.type[i]] = true; state.minMentions = 0;
      const row = document.querySelector('#types label[data-type="' + CSS.escape(typeName(i)) + '"] input');
      if (row) row.checked = true;
      $("min-mentions").value = 0;
      refresh();
    }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(i);
  }
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ---- hover tooltip (text only) -------------------------------------------
  const tip = $("tip");
  let mouse = { x: 0, y: 0 };
  $("network").addEventListener("mousemove", (ev) => {
    mouse = { x: ev.clientX, y: ev.clientY };
    if (tip.style.display === "block") placeTip();
  });
  function placeTip() {
    tip.style.left = Math.min(mouse.x + 14, window.innerWidth - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(mouse.y + 14, window.innerHeight - tip.offsetHeight - 4) + "px";
  }
  function showTip(lines) { tip.textContent = lines.join("\n"); tip.style.display = "block"; placeTip(); }
  network.on("hoverNode", (p) => {
    const i = p.node;
    const lines = [N.label[i], typeName(i)];
    if (N.aliases[i].length) lines.push("aliases: " + N.aliases[i].join(" | "));
    lines.push(N.mentions[i] + " mentions · " + N.docs[i].length + " documents · degree " + degree[i]);
    showTip(lines);
  });
  network.on("hoverEdge", (p) => {
    const i = p.edge;
    showTip([N.label[E.from[i]] + (isPattern(i) ? " → " + relText(i) + " → " : " — ") + N.label[E.to[i]],
             E.count[i] + " pieces of evidence · weight " + fmt(E.weight[i])]);
  });
  const hideTip = () => { tip.style.display = "none"; };
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);

  // ---- search ---------------------------------------------------------------
  const names = [];
  for (let i = 0; i < nN; i++) {
    names.push([N.label[i].toLowerCase(), i, N.label[i]]);
    for (const a of N.aliases[i]) names.push([a.toLowerCase(), i, a]);
  }
  const matchList = $("matches");
  let matches = [];
  function findMatches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const exact = [], prefix = [], inner = [], seen = new Set();
    for (const [lower, i, shown] of names) {
      if (seen.has(i)) continue;
      const at = lower.indexOf(q);
      if (at < 0) continue;
      (lower === q ? exact : at === 0 ? prefix : inner).push([i, shown]);
      seen.add(i);
    }
    return exact.concat(prefix, inner).slice(0, 12);
  }
  function showMatches() {
    matches = findMatches($("search").value);
    clear(matchList);
    matches.forEach(([i, shown], k) => {
      const li = el("li", N.label[i]);
      li.setAttribute("role", "option");
      if (k === 0) li.className = "active";
      if (shown !== N.label[i]) li.appendChild(el("span", "(" + shown + ")", "alias"));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(i); });
      matchList.appendChild(li);
    });
    matchList.style.display = matches.length ? "block" : "none";
  }
  function pick(i) { matchList.style.display = "none"; focusNode(i); }
  $("search").addEventListener("input", showMatches);
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const m = findMatches(ev.target.value);
      if (m.length) pick(m[0][0]);
      else $("status").textContent = "no entity matches that name";
    } else if (ev.key === "Escape") {
      matchList.style.display = "none";
    }
  });
  $("search").addEventListener("blur", () => { matchList.style.display = "none"; });

  // ---- ready ----------------------------------------------------------------
  network.once("afterDrawing", () => {
    window.kgTimings.drawn = performance.now();
    updateCounts();
    $("status").textContent = "";
    requestAnimationFrame(() => {
      window.kgTimings.ready = performance.now();
      window.kgReady = true;
      document.dispatchEvent(new Event("kg-ready"));
    });
  });
})();
