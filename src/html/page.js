// The hallyu page: search, expand, path, filters, deep links. Everything it
// needs is embedded in the page (see src/html/mod.rs); it makes no request.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("hallyu-data").textContent);
  var nodes = DATA.nodes, edges = DATA.edges;
  var byKey = {};
  var adj = nodes.map(function () { return []; });
  nodes.forEach(function (n, i) { byKey[n.key] = i; });
  edges.forEach(function (e, k) { adj[e.p].push(k); adj[e.w].push(k); });
  var FONT = '"Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
  var $ = function (id) { return document.getElementById(id); };

  // ---- filters ----
  var filter = {
    from: DATA.filter.from, to: DATA.filter.to,
    kinds: {}, unverified: DATA.filter.unverified
  };
  DATA.filter.kinds.forEach(function (k) { filter.kinds[k] = true; });
  function workActive(i) {
    var n = nodes[i];
    if (!filter.kinds[n.t]) return false;
    if (filter.from != null && (n.year == null || n.year < filter.from)) return false;
    if (filter.to != null && (n.year == null || n.year > filter.to)) return false;
    return true;
  }
  function edgeActive(k) {
    var e = edges[k];
    return (filter.unverified || !e.u) && workActive(e.w);
  }
  function other(k, i) { var e = edges[k]; return e.p === i ? e.w : e.p; }

  // ---- search, matching the library's normalised keys by prefix ----
  function normalize(s) {
    return s.normalize("NFC").toLowerCase()
      .replace(/[ŏ]/g, "o").replace(/[ŭ]/g, "u")
      // Compatibility forms folded (full-width Latin), Hangul jamo kept.
      .replace(/[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g, function (c) { return c.normalize("NFKC"); })
      .replace(/[^\p{L}\p{N}]/gu, "");
  }
  function search(query, peopleOnly) {
    var q = normalize(query);
    if (!q) return [];
    var out = [];
    nodes.forEach(function (n, i) {
      if (peopleOnly && n.t !== "person") return;
      var best = 9, via = "";
      n.keys.forEach(function (key) {
        var s = key === q ? 0 : key.indexOf(q) === 0 ? 1 : -1;
        if (s >= 0 && s < best) { best = s; via = key; }
      });
      if (best < 9) out.push({ i: i, score: best, via: via });
    });
    out.sort(function (a, b) {
      return a.score - b.score || (nodes[a.i].t === "person" ? 0 : 1) - (nodes[b.i].t === "person" ? 0 : 1) ||
        nodes[a.i].name.length - nodes[b.i].name.length || a.i - b.i;
    });
    return out.slice(0, 12);
  }
  function suggest(input, list, peopleOnly, pick) {
    function render() {
      list.innerHTML = "";
      search(input.value, peopleOnly).forEach(function (m) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.key = nodes[m.i].key;
        li.textContent = nodes[m.i].label;
        var why = document.createElement("span");
        why.className = "why";
        why.textContent = nodes[m.i].t === "person" ? "" : DATA.kinds[nodes[m.i].t];
        li.appendChild(why);
        li.addEventListener("mousedown", function (ev) {
          ev.preventDefault();
          list.innerHTML = "";
          input.value = nodes[m.i].name;
          input.dataset.key = nodes[m.i].key;
          pick(m.i);
        });
        list.appendChild(li);
      });
    }
    input.addEventListener("input", function () { delete input.dataset.key; render(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && list.firstChild) {
        var ev2 = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
        list.firstChild.dispatchEvent(ev2);
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(function () { if (document.activeElement !== input) list.innerHTML = ""; }, 150);
    });
  }

  // ---- the drawing ----
  var style = [
    { selector: "node", style: {
      "label": "data(label)", "font-family": FONT, "font-size": 11, "text-wrap": "wrap", "text-max-width": 120,
      "text-valign": "center", "text-halign": "center", "width": "label", "height": "label", "padding": 6,
      "shape": "rectangle", "background-color": "data(fill)", "border-color": "data(stroke)", "border-width": 1.2,
      "color": "#111827" } },
    { selector: "node.person", style: { "shape": "round-rectangle" } },
    { selector: "edge", style: { "width": 1.2, "line-color": "#374151", "curve-style": "bezier" } },
    { selector: ".faded", style: { "opacity": 0.25 } },
    { selector: "node.selected", style: { "border-color": "#DC2626", "border-width": 3 } },
    { selector: ".path", style: { "border-color": "#DC2626", "border-width": 2.8, "line-color": "#DC2626", "width": 3.5, "opacity": 1 } },
    { selector: "edge.unverified", style: { "line-style": "dotted", "line-color": "#9CA3AF" } }
  ];
  DATA.roles.forEach(function (r) {
    style.splice(3, 0, { selector: "edge." + r.cls, style: { "line-color": r.color, "width": r.width, "line-style": r.dashed ? "dashed" : "solid" } });
  });
  var look = {};
  DATA.legend.forEach(function (l) { look[l.cls] = l; });
  var cy = cytoscape({ container: $("cy"), style: style, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });

  function nodeId(i) { return "n" + i; }
  function addNode(i) {
    if (cy.getElementById(nodeId(i)).nonempty()) return false;
    var n = nodes[i], l = look[n.t];
    cy.add({ group: "nodes", data: { id: nodeId(i), i: i, label: n.label, fill: l.fill, stroke: l.stroke },
      classes: n.t === "person" ? "person" : "work " + n.t });
    return true;
  }
  function syncEdges() {
    // Draws every active credit between drawn nodes; removes the others.
    cy.edges().forEach(function (el) { if (!edgeActive(el.data("k"))) el.remove(); });
    edges.forEach(function (e, k) {
      if (!edgeActive(k)) return;
      if (cy.getElementById("e" + k).nonempty()) return;
      if (cy.getElementById(nodeId(e.p)).empty() || cy.getElementById(nodeId(e.w)).empty()) return;
      cy.add({ group: "edges", data: { id: "e" + k, k: k, source: nodeId(e.p), target: nodeId(e.w) },
        classes: e.cls + (e.u ? " unverified" : "") });
    });
    cy.nodes().forEach(function (el) {
      var i = el.data("i");
      el.style("display", nodes[i].t === "person" || workActive(i) ? "element" : "none");
    });
    counts();
  }
  function counts() {
    $("counts").textContent = cy.nodes().length + " nodes, " + cy.edges().length + " credits drawn";
  }
  function layout(fit, fresh) {
    cy.layout({ name: "cose", animate: false, randomize: !!fresh, fit: fit !== false, nodeRepulsion: 9000, idealEdgeLength: 60, numIter: 600 }).run();
  }
  function expand(i) {
    var added = 0;
    addNode(i);
    adj[i].forEach(function (k) { if (edgeActive(k) && addNode(other(k, i))) added++; });
    syncEdges();
    if (added) layout(false);
    return added;
  }
  function select(i) {
    addNode(i);
    syncEdges();
    cy.nodes().removeClass("selected");
    var el = cy.getElementById(nodeId(i));
    el.addClass("selected");
    cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
    showPanel(i);
    return el;
  }

  // ---- the record panel ----
  function el(tag, text) { var x = document.createElement(tag); if (text != null) x.textContent = text; return x; }
  function showPanel(i) {
    var n = nodes[i], p = $("panel");
    p.innerHTML = "";
    p.dataset.key = n.key;
    p.appendChild(el("h2", n.name));
    if (n.hangul) p.appendChild(el("p", n.hangul)).className = "hangul";
    p.appendChild(el("p", (n.t === "person" ? "person" : DATA.kinds[n.t]) + (n.year ? ", " + n.year : "") + (n.born ? ", born " + n.born : "") + " · id " + n.key));
    if (n.aliases.length) p.appendChild(el("p", "Also: " + n.aliases.join(", ")));
    var b = el("button", "Expand neighbours");
    b.id = "expand"; b.type = "button";
    b.addEventListener("click", function () { expand(i); });
    p.appendChild(b);
    var h = el("h3", n.t === "person" ? "Works" : "Credits");
    p.appendChild(h);
    var ul = el("ul");
    adj[i].filter(edgeActive).forEach(function (k) {
      var o = other(k, i), li = el("li");
      var a = el("a", nodes[o].label);
      a.href = "#person=" + encodeURIComponent(nodes[o].key);
      if (nodes[o].t !== "person") a.href = "#node=" + encodeURIComponent(nodes[o].key);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + edges[k].role));
      ul.appendChild(li);
    });
    p.appendChild(ul);
    if (n.sources.length) {
      p.appendChild(el("h3", "Sources"));
      var su = el("ul");
      n.sources.forEach(function (s) {
        var li = el("li"), a = el("a", s);
        a.href = s; a.rel = "noopener noreferrer"; a.target = "_blank";
        li.appendChild(a); su.appendChild(li);
      });
      p.appendChild(su);
    }
  }

  // ---- paths: breadth-first search over the active bipartite graph ----
  function shortestPath(a, b) {
    if (a === b) return [];
    var prev = {}; prev[a] = null;
    var frontier = [a];
    while (frontier.length) {
      var next = [];
      for (var f = 0; f < frontier.length; f++) {
        var p = frontier[f];
        var ks = adj[p];
        for (var x = 0; x < ks.length; x++) {
          var k1 = ks[x];
          if (!edgeActive(k1)) continue;
          var w = edges[k1].w, ws = adj[w];
          for (var y = 0; y < ws.length; y++) {
            var k2 = ws[y];
            if (k2 === k1 || !edgeActive(k2)) continue;
            var q = edges[k2].p;
            if (q in prev) continue;
            prev[q] = [p, k1, k2];
            if (q === b) {
              var steps = [], c = b;
              while (prev[c]) { steps.unshift({ from: prev[c][0], out: prev[c][1], into: prev[c][2], to: c }); c = prev[c][0]; }
              return steps;
            }
            next.push(q);
          }
        }
      }
      frontier = next;
    }
    return null;
  }
  function hopLine(s) {
    return nodes[s.from].name + " —" + edges[s.out].role + " in→ " + nodes[edges[s.out].w].label +
      " ←" + edges[s.into].role + " in— " + nodes[s.to].name;
  }
  function showPath(a, b) {
    $("path-from").value = nodes[a].name; $("path-to").value = nodes[b].name;
    $("path-from").dataset.key = nodes[a].key; $("path-to").dataset.key = nodes[b].key;
    var steps = shortestPath(a, b), out = $("path-result");
    out.innerHTML = "";
    cy.elements().removeClass("path faded");
    if (steps === null) {
      out.appendChild(el("p", "No chain links " + nodes[a].name + " and " + nodes[b].name + " under these filters."));
      return null;
    }
    out.appendChild(el("p", steps.length + (steps.length === 1 ? " hop" : " hops") + " from " + nodes[a].name + " to " + nodes[b].name + ":"));
    var ol = el("ol");
    ol.id = "hops";
    addNode(a);
    steps.forEach(function (s) { addNode(edges[s.out].w); addNode(s.to); ol.appendChild(el("li", hopLine(s))); });
    out.appendChild(ol);
    cy.resize();
    syncEdges();
    layout();
    cy.elements().addClass("faded");
    var on = cy.getElementById(nodeId(a));
    steps.forEach(function (s) {
      on = on.union(cy.getElementById(nodeId(edges[s.out].w))).union(cy.getElementById(nodeId(s.to)))
        .union(cy.getElementById("e" + s.out)).union(cy.getElementById("e" + s.into));
    });
    on.removeClass("faded").addClass("path");
    showPanel(b);
    cy.fit(on, 60);
    return steps;
  }

  // ---- deep links ----
  function openHash() {
    var h = new URLSearchParams(location.hash.replace(/^#/, ""));
    var person = h.get("person") || h.get("node"), from = h.get("from"), to = h.get("to");
    if (from != null && to != null && from in byKey && to in byKey) {
      showPath(byKey[from], byKey[to]);
    } else if (person != null && person in byKey) {
      select(byKey[person]);
      expand(byKey[person]);
      select(byKey[person]);
    }
  }

  // ---- wiring ----
  function legend() {
    var box = $("legend");
    DATA.legend.forEach(function (l) {
      var d = el("div"), s = el("span");
      s.className = "swatch " + l.cls;
      s.style.background = l.fill; s.style.borderColor = l.stroke;
      d.appendChild(s); d.appendChild(document.createTextNode(l.label));
      box.appendChild(d);
    });
    DATA.roles.forEach(function (r) {
      var d = el("div"), s = el("span");
      s.className = "line";
      s.style.borderTop = Math.max(1, Math.round(r.width)) + "px " + (r.dashed ? "dashed " : "solid ") + r.color;
      d.appendChild(s); d.appendChild(document.createTextNode(r.cls));
      box.appendChild(d);
    });
    var d = el("div"), s = el("span");
    s.className = "line"; s.style.borderTop = "3px solid #DC2626";
    d.appendChild(s); d.appendChild(document.createTextNode("path"));
    box.appendChild(d);
  }
  function filters() {
    var box = $("kinds");
    Object.keys(DATA.kinds).forEach(function (k) {
      var lab = el("label"), c = el("input");
      c.type = "checkbox"; c.checked = !!filter.kinds[k]; c.id = "kind-" + k;
      c.addEventListener("change", function () { filter.kinds[k] = c.checked; refilter(); });
      lab.appendChild(c); lab.appendChild(document.createTextNode(" " + DATA.kinds[k]));
      box.appendChild(lab); box.appendChild(el("br"));
    });
    if (filter.from != null) $("year-from").value = filter.from;
    if (filter.to != null) $("year-to").value = filter.to;
    $("unverified").checked = filter.unverified;
    function years() {
      var a = parseInt($("year-from").value, 10), b = parseInt($("year-to").value, 10);
      filter.from = isNaN(a) ? null : a; filter.to = isNaN(b) ? null : b;
      refilter();
    }
    $("year-from").addEventListener("input", years);
    $("year-to").addEventListener("input", years);
    $("unverified").addEventListener("change", function () { filter.unverified = this.checked; refilter(); });
  }
  function refilter() {
    syncEdges();
    var key = $("panel").dataset.key;
    if (key in byKey) showPanel(byKey[key]);
    if ($("hops") && $("path-from").dataset.key && $("path-to").dataset.key) {
      showPath(byKey[$("path-from").dataset.key], byKey[$("path-to").dataset.key]);
    }
  }
  function reset() {
    cy.elements().remove();
    var start = DATA.initial.length ? DATA.initial : nodes.map(function (n) { return n.key; });
    start.forEach(function (key) { if (key in byKey) addNode(byKey[key]); });
    syncEdges();
    layout(true, true);
    $("path-result").innerHTML = "";
  }

  legend();
  filters();
  suggest($("search"), $("suggestions"), false, function (i) { select(i); });
  suggest($("path-from"), $("suggest-from"), true, function () {});
  suggest($("path-to"), $("suggest-to"), true, function () {});
  $("path-go").addEventListener("click", function () {
    var a = $("path-from").dataset.key, b = $("path-to").dataset.key;
    if (!(a in byKey)) { var m = search($("path-from").value, true)[0]; if (m) a = nodes[m.i].key; }
    if (!(b in byKey)) { var n = search($("path-to").value, true)[0]; if (n) b = nodes[n.i].key; }
    if (a in byKey && b in byKey) location.hash = "from=" + encodeURIComponent(a) + "&to=" + encodeURIComponent(b);
  });
  $("reset").addEventListener("click", function () { location.hash = ""; reset(); });
  cy.on("tap", "node", function (ev) { var i = ev.target.data("i"); select(i); expand(i); });
  window.addEventListener("hashchange", openHash);
  reset();
  openHash();
  // For scripts and tests: the page's state, read only.
  window.hallyu = { cy: cy, search: search, expand: expand, select: select, path: showPath, byKey: byKey, nodes: nodes };
  document.body.dataset.ready = "true";
})();
