// The hallyu page: search, expand, path, filters, deep links (see
// src/html/mod.rs). Offline ("offline" mode) it reads a piece of the graph
// embedded in the page and makes no request; served ("api" mode) it asks
// the server for every answer. Both modes draw the same shapes: the nodes
// and edges of hallyu::query::answer::Graph. Text from the data reaches the
// document only through textContent, never as markup.
(function () {
  "use strict";
  var CONF = JSON.parse(document.getElementById("hallyu-data").textContent);
  var API = CONF.mode === "api";
  var FONT = '"Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
  var $ = function (id) { return document.getElementById(id); };

  // ---- what the page knows: nodes by key, edges by person and work ----
  var nodes = Object.create(null);   // key -> GraphNode
  var edges = Object.create(null);   // edge id -> GraphEdge
  var adj = Object.create(null);     // key -> edge ids
  var ids = Object.create(null), next = 0; // key -> drawing id
  var leftOut = Object.create(null); // key -> neighbours the server left out
  var searchKeys = Object.create(null);
  function edgeId(e) { return e.person + "\u0000" + e.work; }
  function learn(g) {
    g.nodes.forEach(function (n) {
      if (!(n.id in nodes)) { adj[n.id] = []; ids[n.id] = "n" + (next++); }
      nodes[n.id] = n;
    });
    g.edges.forEach(function (e) {
      var id = edgeId(e);
      if (!(id in edges)) { adj[e.person].push(id); adj[e.work].push(id); }
      edges[id] = e;
    });
    if (g.centre != null) leftOut[g.centre] = g.left_out;
  }
  function other(id, key) { var e = edges[id]; return e.person === key ? e.work : e.person; }
  if (!API) {
    learn(CONF.graph);
    CONF.graph.nodes.forEach(function (n, i) { searchKeys[n.id] = CONF.keys[i]; });
  }

  // ---- filters ----
  // asOf: the world at the end of that year (docs/paths.md): works of that
  // year or before, a work with no known year never.
  var filter = { from: CONF.filter.from, to: CONF.filter.to, kinds: {}, unverified: CONF.filter.unverified,
    asOf: CONF.filter.as_of != null ? CONF.filter.as_of : null };
  CONF.filter.kinds.forEach(function (k) { filter.kinds[k] = true; });
  function workActive(key) {
    var n = nodes[key];
    if (!n || n.kind === "person") return true;
    if (!filter.kinds[n.kind]) return false;
    if (filter.from != null && (n.year == null || n.year < filter.from)) return false;
    if (filter.to != null && (n.year == null || n.year > filter.to)) return false;
    if (filter.asOf != null && (n.year == null || n.year > filter.asOf)) return false;
    return true;
  }
  function edgeActive(id) {
    var e = edges[id];
    return (filter.unverified || !e.unverified) && workActive(e.work);
  }
  function filterQuery() {
    var q = [];
    if (filter.from != null || filter.to != null) {
      q.push("years=" + (filter.from != null ? filter.from : "") + "-" + (filter.to != null ? filter.to : ""));
    }
    q.push("kinds=" + Object.keys(filter.kinds).filter(function (k) { return filter.kinds[k]; }).join(","));
    if (filter.unverified) q.push("unverified=1");
    if (filter.asOf != null) q.push("as_of=" + filter.asOf);
    return q.join("&");
  }

  // ---- the server ----
  var pending = 0;
  function get(url) {
    pending++;
    document.body.dataset.busy = "true";
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || r.statusText);
        return j;
      });
    }).finally(function () {
      if (--pending === 0) delete document.body.dataset.busy;
    });
  }
  function enc(s) { return encodeURIComponent(s); }
  function note(text) { $("note").textContent = text || ""; }
  function failed(err) { note("The server could not answer: " + err.message); }

  // ---- search: the server's, or the library's keys matched by prefix ----
  function normalize(s) {
    return s.normalize("NFC").toLowerCase()
      .replace(/[ŏ]/g, "o").replace(/[ŭ]/g, "u")
      // Compatibility forms folded (full-width Latin), Hangul jamo kept.
      .replace(/[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g, function (c) { return c.normalize("NFKC"); })
      .replace(/[^\p{L}\p{N}]/gu, "");
  }
  function kindWord(kind) { return kind === "person" ? "" : (CONF.kinds[kind] || kind); }
  function searchHere(query, peopleOnly) {
    var q = normalize(query);
    if (!q) return [];
    var out = [];
    Object.keys(searchKeys).forEach(function (key) {
      var n = nodes[key];
      if (peopleOnly && n.kind !== "person") return;
      var best = 9;
      searchKeys[key].forEach(function (k) {
        var s = k === q ? 0 : k.indexOf(q) === 0 ? 1 : -1;
        if (s >= 0 && s < best) best = s;
      });
      if (best < 9) out.push({ key: key, score: best, n: n });
    });
    out.sort(function (a, b) {
      return a.score - b.score || (a.n.kind === "person" ? 0 : 1) - (b.n.kind === "person" ? 0 : 1) ||
        a.n.name.length - b.n.name.length || (a.key < b.key ? -1 : 1);
    });
    return out.slice(0, 12).map(function (m) {
      return { key: m.key, name: m.n.name, label: m.n.label, why: kindWord(m.n.kind) };
    });
  }
  function search(query, peopleOnly) {
    if (!API) return Promise.resolve(searchHere(query, peopleOnly));
    if (!query.trim()) return Promise.resolve([]);
    return get("/api/search?q=" + enc(query)).then(function (a) {
      return a.matches.filter(function (m) {
        return m.kind === "person" || (!peopleOnly && m.kind === "work");
      }).slice(0, 12).map(function (m) {
        var how = m.how === "name" || m.how === "id" ? "" : m.how;
        var why = [m.kind === "person" ? "" : "work", how].filter(Boolean).join(", ");
        return { key: m.id, name: m.name, label: m.label, why: why };
      });
    });
  }
  function suggest(input, list, peopleOnly, pick) {
    var asked = 0;
    function render() {
      var mine = ++asked;
      search(input.value, peopleOnly).then(function (found) {
        if (mine !== asked) return; // a later keystroke asked since
        list.innerHTML = "";
        found.forEach(function (m) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.dataset.key = m.key;
          li.textContent = m.label;
          var why = document.createElement("span");
          why.className = "why";
          why.textContent = m.why;
          li.appendChild(why);
          li.addEventListener("mousedown", function (ev) {
            ev.preventDefault();
            list.innerHTML = "";
            input.value = m.name;
            input.dataset.key = m.key;
            pick(m.key);
          });
          list.appendChild(li);
        });
      }, failed);
    }
    input.addEventListener("input", function () { delete input.dataset.key; render(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && list.firstChild) {
        list.firstChild.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(function () { if (document.activeElement !== input) list.innerHTML = ""; }, 150);
    });
  }

  // ---- the drawing ----
  var style = [
    { selector: "node", style: {
      "label": "data(label)", "font-family": FONT, "font-size": 14, "text-wrap": "wrap", "text-max-width": 140,
      "text-valign": "center", "text-halign": "center", "width": "label", "height": "label", "padding": 7,
      "shape": "rectangle", "background-color": "data(fill)", "border-color": "data(stroke)", "border-width": 1.2,
      "color": "#111827", "z-index-compare": "manual", "z-index": 10 } },
    { selector: "node.person", style: { "shape": "round-rectangle" } },
    { selector: "edge", style: { "width": 1.2, "line-color": "#374151", "curve-style": "bezier", "z-index-compare": "manual", "z-index": 1 } },
    { selector: ".faded", style: { "opacity": 0.25 } },
    { selector: "node.path", style: { "border-color": "#DC2626", "border-width": 2.8, "opacity": 1, "z-index": 500 } },
    { selector: "edge.path", style: { "line-color": "#DC2626", "width": 3.5, "opacity": 1, "z-index": 400 } },
    { selector: "node.selected", style: { "border-color": "#DC2626", "border-width": 3, "z-index": 999 } },
    { selector: "edge.unverified", style: { "line-style": "dotted", "line-color": "#9CA3AF" } }
  ];
  CONF.roles.forEach(function (r) {
    style.splice(3, 0, { selector: "edge." + r.cls, style: { "line-color": r.color, "width": r.width, "line-style": r.dashed ? "dashed" : "solid" } });
  });
  var look = {};
  CONF.legend.forEach(function (l) { look[l.cls] = l; });

  // ---- communities: each person's community by index, coloured from the
  // library's palette by that index only (CONF.palette; past its end,
  // CONF.other); names reach the document only through textContent ----
  var community = Object.create(null); // person key -> index, or null
  var communityNames = [], byCommunity = false, askedCommunity = Object.create(null);
  function learnCommunities(m) {
    communityNames = m.names;
    m.members.forEach(function (r) { community[r.id] = r.community; });
  }
  if (!API && CONF.communities) learnCommunities(CONF.communities);
  // A page made without them has no switch.
  if (!API && !CONF.communities) $("by-community").parentNode.hidden = true;
  function colourOf(c) { return typeof c === "number" && c >= 0 && c < CONF.palette.length ? CONF.palette[c] : CONF.other; }
  function lookOf(key) {
    var n = nodes[key];
    if (byCommunity) return n.kind === "person" ? colourOf(community[key]) : CONF.neutral;
    return look[n.kind] || look.person;
  }
  var cy = cytoscape({ container: $("cy"), style: style, minZoom: 0.05, maxZoom: 4 });

  function drawn(key) { return key in ids && cy.getElementById(ids[key]).nonempty(); }
  function addNode(key) {
    if (!(key in nodes) || drawn(key)) return false;
    var n = nodes[key], l = lookOf(key);
    cy.add({ group: "nodes", data: { id: ids[key], key: key, label: n.label, fill: l.fill, stroke: l.stroke },
      classes: n.kind === "person" ? "person" : "work " + n.kind });
    return true;
  }
  function syncEdges() {
    // Draws every active credit the page knows between drawn nodes.
    cy.edges().forEach(function (el) { if (!edgeActive(el.data("k"))) el.remove(); });
    Object.keys(edges).forEach(function (id) {
      var e = edges[id];
      if (!edgeActive(id) || !drawn(e.person) || !drawn(e.work)) return;
      var eid = "e" + ids[e.person] + "-" + ids[e.work];
      if (cy.getElementById(eid).nonempty()) return;
      var cls = (CONF.roles.some(function (r) { return r.cls === e.role_kind; }) ? e.role_kind : "other") +
        (e.unverified ? " unverified" : "");
      cy.add({ group: "edges", data: { id: eid, k: id, source: ids[e.person], target: ids[e.work] }, classes: cls });
    });
    cy.nodes().forEach(function (el) {
      el.style("display", workActive(el.data("key")) ? "element" : "none");
    });
    $("counts").textContent = cy.nodes().length + " nodes, " + cy.edges().length + " credits drawn";
    if (byCommunity) knowCommunities().then(paint, failed);
  }
  // Served: asks the server for the communities of the people drawn that
  // the page does not know yet, CONF.batch at a time.
  function knowCommunities() {
    if (!API) return Promise.resolve();
    var keys = cy.nodes(".person").map(function (el) { return el.data("key"); })
      .filter(function (k) { return !(k in community) && !askedCommunity[k]; });
    var asks = [];
    for (var i = 0; i < keys.length; i += CONF.batch) {
      var part = keys.slice(i, i + CONF.batch);
      part.forEach(function (k) { askedCommunity[k] = true; });
      asks.push(get("/api/communities?records=" + part.map(enc).join(",")).then(learnCommunities, function (err) {
        part.forEach(function (k) { delete askedCommunity[k]; });
        throw err;
      }));
    }
    return Promise.all(asks);
  }
  // Every node in the colours of the moment, and the communities' legend.
  function paint() {
    cy.nodes().forEach(function (el) {
      var l = lookOf(el.data("key"));
      el.data({ fill: l.fill, stroke: l.stroke });
    });
    // The kinds' rows: people are shown by the communities' rows, works
    // in their neutral grey.
    CONF.legend.forEach(function (l) {
      var row = kindRows[l.cls];
      row.hidden = byCommunity && l.cls === "person";
      var c = byCommunity ? CONF.neutral : l;
      row.firstChild.style.background = c.fill; row.firstChild.style.borderColor = c.stroke;
    });
    var box = $("community-legend");
    box.innerHTML = "";
    if (!byCommunity) return;
    var shown = Object.create(null), other = false;
    cy.nodes(".person").forEach(function (el) {
      var c = community[el.data("key")];
      if (typeof c === "number" && c < CONF.palette.length) shown[c] = true; else other = true;
    });
    function row(colour, text) {
      var d = el("div"), s = el("span");
      s.className = "swatch person";
      s.style.background = colour.fill; s.style.borderColor = colour.stroke;
      d.appendChild(s); d.appendChild(document.createTextNode(text));
      box.appendChild(d);
    }
    communityNames.forEach(function (name, c) {
      if (shown[c] && c < CONF.palette.length) row(CONF.palette[c], (c + 1) + ". " + name);
    });
    if (other) row(CONF.other, "other communities, or none");
  }
  function setByCommunity(on) {
    byCommunity = !!on;
    $("by-community").checked = byCommunity;
    return (byCommunity ? knowCommunities() : Promise.resolve()).then(paint);
  }
  function layout(fit, fresh) {
    cy.layout({ name: "cose", animate: false, randomize: !!fresh, fit: fit !== false, padding: 30,
      nodeDimensionsIncludeLabels: true, nodeRepulsion: 400000, nodeOverlap: 20, idealEdgeLength: 60,
      gravity: 60, numIter: 1000 }).run();
  }
  // A first view around one record: rings by distance from it.
  function rings(key) {
    if (!key || !drawn(key)) return layout(true, true);
    cy.layout({ name: "breadthfirst", circle: true, roots: cy.getElementById(ids[key]), animate: false,
      fit: true, padding: 20, avoidOverlap: true, spacingFactor: 1.25, nodeDimensionsIncludeLabels: true }).run();
  }
  // Legible labels: never open smaller than this, centred on `key`.
  function legible(key) {
    if (cy.zoom() < 0.7) {
      cy.zoom(0.7);
      if (key && drawn(key)) cy.center(cy.getElementById(ids[key]));
    }
  }
  // Makes sure the page knows `key`'s neighbours (asks the server once).
  var asked = Object.create(null);
  function know(key) {
    if (!API || asked[key]) return Promise.resolve();
    return get("/api/graph?around=" + enc(key) + "&" + filterQuery()).then(function (g) {
      learn(g);
      asked[key] = true;
    });
  }
  function expand(key) {
    return know(key).then(function () {
      var added = 0;
      addNode(key);
      (adj[key] || []).forEach(function (id) { if (edgeActive(id) && addNode(other(id, key))) added++; });
      syncEdges();
      if (added) layout(false);
      return added;
    });
  }
  function select(key) {
    return know(key).then(function () {
      addNode(key);
      syncEdges();
      cy.nodes().removeClass("selected");
      var el = cy.getElementById(ids[key]);
      el.addClass("selected");
      cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
      showPanel(key);
      return el;
    });
  }

  // ---- the record panel ----
  function el(tag, text) { var x = document.createElement(tag); if (text != null) x.textContent = text; return x; }
  function showPanel(key) {
    var n = nodes[key], p = $("panel");
    p.innerHTML = "";
    p.dataset.key = key;
    p.appendChild(el("h2", n.name));
    if (n.hangul) p.appendChild(el("p", n.hangul)).className = "hangul";
    var what = n.kind === "person" ? "person" + (n.year ? ", born " + n.year : "") : kindWord(n.kind) + (n.year ? ", " + n.year : "");
    p.appendChild(el("p", what + " · id " + key));
    if (n.aliases.length) p.appendChild(el("p", "Also: " + n.aliases.join(", ")));
    var b = el("button", "Expand neighbours");
    b.id = "expand"; b.type = "button";
    b.addEventListener("click", function () { expand(key); });
    p.appendChild(b);
    p.appendChild(el("h3", n.kind === "person" ? "Works" : "Credits"));
    var ul = el("ul");
    (adj[key] || []).filter(edgeActive).forEach(function (id) {
      var o = other(id, key), li = el("li");
      var a = el("a", nodes[o].label);
      a.href = (nodes[o].kind === "person" ? "#person=" : "#node=") + enc(o);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + edges[id].role));
      ul.appendChild(li);
    });
    p.appendChild(ul);
    if (leftOut[key] > 0) p.appendChild(el("p", "… and " + leftOut[key] + " more the server left out.")).className = "hint";
    if (n.sources.length) {
      p.appendChild(el("h3", "Sources"));
      var su = el("ul");
      n.sources.forEach(function (s) {
        var li = el("li");
        if (/^https?:\/\//i.test(s)) {
          var a = el("a", s);
          a.href = s; a.rel = "noopener noreferrer"; a.target = "_blank";
          li.appendChild(a);
        } else {
          li.textContent = s;
        }
        su.appendChild(li);
      });
      p.appendChild(su);
    }
  }

  // ---- paths ----
  // Offline: breadth-first over the embedded, active person–work graph.
  function pathHere(a, b, avoid) {
    if (a === b) return [];
    var prev = Object.create(null); prev[a] = null;
    var frontier = [a];
    while (frontier.length) {
      var nextLevel = [];
      for (var f = 0; f < frontier.length; f++) {
        var p = frontier[f], ks = adj[p] || [];
        for (var x = 0; x < ks.length; x++) {
          var k1 = ks[x];
          if (!edgeActive(k1)) continue;
          var w = edges[k1].work, ws = adj[w];
          if (avoid[w]) continue;
          for (var y = 0; y < ws.length; y++) {
            var k2 = ws[y];
            if (k2 === k1 || !edgeActive(k2)) continue;
            var q = edges[k2].person;
            if (q in prev || (avoid[q] && q !== b)) continue;
            prev[q] = { from: p, work: w, to: q, fromRole: edges[k1].role, toRole: edges[k2].role };
            if (q === b) {
              var steps = [], c = b;
              while (prev[c]) { steps.unshift(prev[c]); c = prev[c].from; }
              return steps;
            }
            nextLevel.push(q);
          }
        }
      }
      frontier = nextLevel;
    }
    return null;
  }
  // Offline, in time order: breadth-first over states (person, year of the
  // work that reached them); a hop's work must be of that year or later. A
  // state is kept only when its year is older than every state of its
  // person met at as many hops or fewer (docs/paths.md).
  function pathInOrder(a, b, avoid) {
    if (a === b) return [];
    var best = Object.create(null); best[a] = -Infinity;
    var frontier = [{ person: a, year: -Infinity, back: null }];
    while (frontier.length) {
      var nextLevel = [];
      for (var f = 0; f < frontier.length; f++) {
        var st = frontier[f], ks = adj[st.person] || [];
        for (var x = 0; x < ks.length; x++) {
          var k1 = ks[x];
          if (!edgeActive(k1)) continue;
          var w = edges[k1].work, year = nodes[w].year, ws = adj[w];
          if (avoid[w] || year == null || year < st.year) continue;
          for (var y = 0; y < ws.length; y++) {
            var k2 = ws[y];
            if (k2 === k1 || !edgeActive(k2)) continue;
            var q = edges[k2].person;
            if ((q in best && best[q] <= year) || (avoid[q] && q !== b)) continue;
            best[q] = year;
            var to = { person: q, year: year, back: st,
              step: { from: st.person, work: w, to: q, fromRole: edges[k1].role, toRole: edges[k2].role } };
            if (q === b) {
              var steps = [];
              for (var c = to; c.back; c = c.back) steps.unshift(c.step);
              return steps;
            }
            nextLevel.push(to);
          }
        }
      }
      frontier = nextLevel;
    }
    return null;
  }
  // Offline, the strongest: Dijkstra over the people, a link weighing
  // 1 / (the active works its two people share); each hop names the oldest
  // of them. Gives the steps, each with its `shared` count.
  function pathStrongest(a, b) {
    var dist = Object.create(null), back = Object.create(null), done = Object.create(null), open = [a];
    dist[a] = 0;
    while (open.length) {
      var at = 0;
      for (var i = 1; i < open.length; i++) if (dist[open[i]] < dist[open[at]]) at = i;
      var p = open.splice(at, 1)[0];
      if (done[p]) continue;
      done[p] = true;
      if (p === b) break;
      var links = Object.create(null);
      (adj[p] || []).filter(edgeActive).forEach(function (k1) {
        var w = edges[k1].work, year = nodes[w].year;
        adj[w].filter(edgeActive).forEach(function (k2) {
          var q = edges[k2].person;
          if (q === p) return;
          var l = links[q] || (links[q] = { shared: 0, year: null, step: null });
          l.shared++;
          if (!l.step || (year != null && (l.year == null || year < l.year))) {
            l.year = year;
            l.step = { from: p, work: w, to: q, fromRole: edges[k1].role, toRole: edges[k2].role };
          }
        });
      });
      Object.keys(links).forEach(function (q) {
        var d = dist[p] + 1 / links[q].shared;
        if (!done[q] && !(q in dist && dist[q] <= d)) {
          dist[q] = d;
          back[q] = links[q];
          open.push(q);
        }
      });
    }
    if (!done[b]) return null;
    var steps = [];
    for (var c = b; c !== a; c = back[c].step.from) {
      var st = back[c].step;
      st.shared = back[c].shared;
      steps.unshift(st);
    }
    return steps;
  }
  // A path's conditions: through a person, around people and works (keys),
  // in time order, the strongest.
  var route = { via: null, avoid: [], nth: 0, inOrder: false, strongest: false };
  function routeQuery() {
    var q = [];
    if (route.via && !route.inOrder && !route.strongest) q.push("via=" + enc(route.via));
    if (route.avoid.length && !route.strongest) q.push("avoid=" + route.avoid.map(enc).join(","));
    if (route.inOrder) q.push("in_order=1");
    if (route.strongest) q.push("strongest=1");
    return q.length ? "&" + q.join("&") : "";
  }
  // Why the last path search found no chain, in words ("" when it did).
  var why = "";
  function notDebuted(names) {
    if (!names.length) return "";
    return " " + names.join(" and ") + (names.length === 1 ? " has" : " have") +
      " no credit in " + filter.asOf + " or before (not yet debuted).";
  }
  // The steps of a path answer's chain.
  function stepsOf(chain) {
    return chain.steps.map(function (s) {
      return { from: s.from.id, work: s.work.id, to: s.to.id, fromRole: s.from_role, toRole: s.to_role };
    });
  }
  // Makes sure the page knows the records on a path, then gives its steps.
  function withRecords(a, steps) {
    var keys = [a];
    steps.forEach(function (s) { keys.push(s.work, s.to); });
    return get("/api/graph?records=" + keys.map(enc).join(",") + "&" + filterQuery()).then(function (g) {
      learn(g);
      return steps;
    });
  }
  // Offline: the search over the embedded graph, through `via` in two legs.
  function routeHere(a, b) {
    var avoid = Object.create(null);
    route.avoid.forEach(function (k) { avoid[k] = true; });
    var found = routeHereBy(a, b, avoid);
    if (found === null && filter.asOf != null) {
      why = notDebuted([a, b].filter(function (k) { return !(adj[k] || []).some(edgeActive); }).map(nameOf));
    }
    return found;
  }
  function routeHereBy(a, b, avoid) {
    if (route.inOrder) return pathInOrder(a, b, avoid);
    if (route.strongest) return pathStrongest(a, b);
    if (!route.via) return pathHere(a, b, avoid);
    var first = pathHere(a, route.via, avoid), second = pathHere(route.via, b, avoid);
    return first && second ? first.concat(second) : null;
  }
  // Served: the library's path (the route.nth-th shortest with "next"),
  // then the records on it.
  function findPath(a, b) {
    why = "";
    if ((route.via || (route.avoid.length && route.strongest)) && (route.inOrder || route.strongest)) {
      note((route.inOrder ? "A path in time order" : "The strongest path") + " goes through no chosen person" +
        (route.strongest ? " and avoids nothing" : "") + ": those fields are left aside.");
    }
    if (!API) return Promise.resolve(routeHere(a, b));
    if (route.nth > 0 && !route.inOrder && !route.strongest) {
      var k = route.nth + 1;
      return get("/api/paths?from=" + enc(a) + "&to=" + enc(b) + "&k=" + k + routeQuery() + "&" + filterQuery()).then(function (p) {
        if (p.paths.length < k) { route.nth = p.paths.length - 1; note("No other path: these are all " + p.paths.length + "."); }
        var chain = p.paths[route.nth];
        return chain ? withRecords(a, stepsOf(chain)) : null;
      });
    }
    return get("/api/path?from=" + enc(a) + "&to=" + enc(b) + routeQuery() + "&" + filterQuery()).then(function (p) {
      if (!p.connected) {
        if (p.not_debuted) why = notDebuted(p.not_debuted.map(function (r) { return r.name; }));
        if (p.cut_by && p.cut_by.length) {
          note("Every chain passes through " + (p.cut_together ? "one of " : "") +
            p.cut_by.map(function (r) { return r.label; }).join(p.cut_together ? ", " : " and ") + ".");
        }
        return null;
      }
      var steps = stepsOf(p);
      if (p.shared) steps.forEach(function (s, i) { s.shared = p.shared[i]; });
      return withRecords(a, steps);
    });
  }
  function hopLine(s) {
    return nodes[s.from].name + " —" + s.fromRole + " in→ " + nodes[s.work].label +
      " ←" + s.toRole + " in— " + nodes[s.to].name;
  }
  function nameOf(key) { return key in nodes ? nodes[key].name : key; }
  // The path's mode in words: " (path 2) through X avoiding Y as of 2014 in time order".
  function modeWords() {
    var plain = !route.inOrder && !route.strongest;
    return (route.nth && plain && API ? " (path " + (route.nth + 1) + ")" : "") +
      (route.via && plain ? " through " + nameOf(route.via) : "") +
      (route.avoid.length && !route.strongest ? " avoiding " + route.avoid.map(nameOf).join(", ") : "") +
      (filter.asOf != null ? " as of " + filter.asOf : "") +
      (route.inOrder ? " in time order" : "") +
      (route.strongest ? " strongest" : "");
  }
  function showPath(a, b) {
    var out = $("path-result");
    return Promise.all([know(a), know(b)]).then(function () { return findPath(a, b); }).then(function (steps) {
      $("path-from").value = nameOf(a); $("path-to").value = nameOf(b);
      $("path-from").dataset.key = a; $("path-to").dataset.key = b;
      out.innerHTML = "";
      cy.elements().removeClass("path faded");
      window.hallyu.steps = steps;
      var how = modeWords();
      if (steps === null) {
        out.appendChild(el("p", "No chain links " + nameOf(a) + " and " + nameOf(b) + how + " under these filters" +
          (API || !CONF.left_out ? "." : " in the part of the graph this page holds.") +
          (route.inOrder && !why ? " A chain in time order never goes back to an earlier work; works with no year are on none." : "") +
          why));
        return null;
      }
      var shared = route.strongest ? " (works shared hop by hop: " + steps.map(function (s) { return s.shared; }).join(", ") + ")" : "";
      out.appendChild(el("p", steps.length + (steps.length === 1 ? " hop" : " hops") + " from " + nameOf(a) + " to " + nameOf(b) + how + shared + ":"));
      $("path-next").hidden = !API || route.inOrder || route.strongest;
      var ol = el("ol");
      ol.id = "hops";
      addNode(a);
      steps.forEach(function (s) { addNode(s.work); addNode(s.to); ol.appendChild(el("li", hopLine(s))); });
      out.appendChild(ol);
      cy.resize();
      syncEdges();
      layout();
      cy.elements().addClass("faded");
      var on = cy.getElementById(ids[a]), row = [a];
      steps.forEach(function (s) {
        row.push(s.work, s.to);
        on = on.union(cy.getElementById(ids[s.work])).union(cy.getElementById(ids[s.to]))
          .union(cy.getElementById("e" + ids[s.from] + "-" + ids[s.work]))
          .union(cy.getElementById("e" + ids[s.to] + "-" + ids[s.work]));
      });
      on.removeClass("faded").addClass("path");
      // The hops in one row above the rest, read left to right.
      var rest = cy.nodes().not(on.nodes()), box = rest.nonempty() ? rest.boundingBox() : { x1: 0, y1: 0 };
      row.forEach(function (key, i) {
        cy.getElementById(ids[key]).position({ x: box.x1 + i * 150, y: box.y1 - 140 + (i % 2) * 55 });
      });
      showPanel(b);
      cy.fit(on, 40);
      if (cy.zoom() > 1.3) cy.zoom({ level: 1.3, position: on.boundingBox() && on.nodes()[0].position() });
      return steps;
    }, function (err) { out.textContent = "No path: " + err.message; });
  }

  // ---- deep links ----
  function openHash() {
    var h = new URLSearchParams(location.hash.replace(/^#/, ""));
    var key = h.get("person") || h.get("node"), from = h.get("from"), to = h.get("to");
    route.via = h.get("via") || null;
    route.avoid = (h.get("avoid") || "").split(",").filter(Boolean);
    route.nth = Math.max(0, (parseInt(h.get("n"), 10) || 1) - 1);
    route.inOrder = h.get("inorder") === "1";
    route.strongest = h.get("strongest") === "1" && !route.inOrder;
    var y = parseInt(h.get("asof"), 10);
    if (!isNaN(y) || (from != null && to != null)) setAsOf(isNaN(y) ? null : y);
    $("path-inorder").checked = route.inOrder;
    $("path-strongest").checked = route.strongest;
    if (h.get("communities") === "1" && !byCommunity) setByCommunity(true).catch(failed);
    var known = function (k) { return API || k in nodes; };
    if (from != null && to != null && known(from) && known(to)) {
      return showPath(from, to);
    } else if (key != null && known(key)) {
      return expand(key).then(function () { return select(key); });
    }
    return Promise.resolve();
  }

  // ---- wiring ----
  var kindRows = {};
  function legend() {
    var box = $("legend");
    CONF.legend.forEach(function (l) {
      var d = el("div"), s = el("span");
      s.className = "swatch " + l.cls;
      s.style.background = l.fill; s.style.borderColor = l.stroke;
      d.appendChild(s); d.appendChild(document.createTextNode(l.label));
      box.appendChild(d);
      kindRows[l.cls] = d;
    });
    CONF.roles.forEach(function (r) {
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
    Object.keys(CONF.kinds).forEach(function (k) {
      var lab = el("label"), c = el("input");
      c.type = "checkbox"; c.checked = !!filter.kinds[k]; c.id = "kind-" + k;
      c.addEventListener("change", function () { filter.kinds[k] = c.checked; refilter(); });
      lab.appendChild(c); lab.appendChild(document.createTextNode(" " + CONF.kinds[k]));
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
    if (filter.asOf != null) $("as-of").value = filter.asOf;
    $("as-of").addEventListener("change", function () {
      var y = parseInt(this.value, 10);
      filter.asOf = isNaN(y) ? null : y;
      refilter();
    });
    $("year-from").addEventListener("change", years);
    $("year-to").addEventListener("change", years);
    $("unverified").addEventListener("change", function () { filter.unverified = this.checked; refilter(); });
  }
  // The as-of year of a deep link (null: none), in the field too.
  function setAsOf(y) {
    if (y !== filter.asOf && API) asked = Object.create(null);
    filter.asOf = y;
    $("as-of").value = y == null ? "" : y;
  }
  function refilter() {
    var key = $("panel").dataset.key;
    var a = $("path-from").dataset.key, b = $("path-to").dataset.key;
    if (API) {
      // The server applies the filters: forget its answers and ask again.
      asked = Object.create(null);
    }
    syncEdges();
    if (a && b && ($("hops") || $("path-result").textContent)) {
      // The path shown follows, and so does its deep link.
      history.replaceState(null, "", "#" + pathHash(a, b, route.via, route.avoid, route.nth + 1));
      return showPath(a, b);
    }
    if (key) return expand(key).then(function () { showPanel(key); });
  }
  function start() {
    if (!API) return Promise.resolve({ keys: CONF.initial, centre: CONF.initial[0] });
    return get("/api/graph?limit=40&" + filterQuery()).then(function (g) {
      learn(g);
      if (g.centre) asked[g.centre] = true;
      return { keys: g.nodes.map(function (n) { return n.id; }), centre: g.centre };
    });
  }
  function reset() {
    cy.elements().remove();
    $("path-result").innerHTML = "";
    return start().then(function (s) {
      s.keys.forEach(addNode);
      syncEdges();
      rings(s.centre);
      legible(s.centre);
      if (!API && CONF.left_out > 0) {
        note("This page holds " + Object.keys(nodes).length.toLocaleString("en") + " people and works; " +
          CONF.left_out.toLocaleString("en") + " more are left out. To explore them all, run `hallyu serve`; " +
          "for another part, `hallyu html person NAME`.");
      } else if (s.centre && s.keys.length && !location.hash) {
        note("Starting from " + nameOf(s.centre) + ", who appears in the most works. Search a name to go elsewhere.");
      }
    });
  }

  legend();
  filters();
  suggest($("search"), $("suggestions"), false, function (key) { expand(key).then(function () { return select(key); }); });
  suggest($("path-from"), $("suggest-from"), true, function () {});
  suggest($("path-to"), $("suggest-to"), true, function () {});
  function pickFirst(input) {
    if (input.dataset.key) return Promise.resolve(input.dataset.key);
    return search(input.value, true).then(function (m) { return m.length ? m[0].key : null; });
  }
  suggest($("path-via"), $("suggest-via"), true, function () {});
  // Each name or title of the avoid box, as the search finds it first.
  function avoidKeys() {
    var names = $("path-avoid").value.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
    return Promise.all(names.map(function (n) {
      return search(n, false).then(function (m) { return m.length ? m[0].key : null; });
    })).then(function (keys) { return keys.filter(Boolean); });
  }
  // A path's deep link: its ends, conditions and modes, the as-of year.
  function pathHash(a, b, via, avoid, n) {
    var h = "from=" + enc(a) + "&to=" + enc(b);
    if (via) h += "&via=" + enc(via);
    if (avoid.length) h += "&avoid=" + avoid.map(enc).join(",");
    if (n > 1) h += "&n=" + n;
    if (filter.asOf != null) h += "&asof=" + filter.asOf;
    if ($("path-inorder").checked) h += "&inorder=1";
    else if ($("path-strongest").checked) h += "&strongest=1";
    return h;
  }
  function askPath(n) {
    var via = $("path-via").value.trim() ? pickFirst($("path-via")) : Promise.resolve(null);
    Promise.all([pickFirst($("path-from")), pickFirst($("path-to")), via, avoidKeys()]).then(function (r) {
      if (!r[0] || !r[1]) return;
      location.hash = pathHash(r[0], r[1], r[2], r[3], n);
    }, failed);
  }
  // In time order and the strongest exclude each other.
  $("path-inorder").addEventListener("change", function () { if (this.checked) $("path-strongest").checked = false; });
  $("path-strongest").addEventListener("change", function () { if (this.checked) $("path-inorder").checked = false; });
  $("path-go").addEventListener("click", function () { askPath(1); });
  $("path-next").addEventListener("click", function () { askPath(route.nth + 2); });
  $("reset").addEventListener("click", function () { location.hash = ""; reset(); });
  $("by-community").addEventListener("change", function () { setByCommunity(this.checked).catch(failed); });
  cy.on("tap", "node", function (ev) { var key = ev.target.data("key"); select(key).then(function () { return expand(key); }); });
  window.addEventListener("hashchange", function () { openHash().catch(failed); });
  // For scripts and tests: the page's state, read only.
  window.hallyu = { cy: cy, search: search, expand: expand, select: select, path: showPath, nodes: nodes, mode: CONF.mode,
    community: community, byCommunity: setByCommunity };
  reset().then(function () { return CONF.coloured ? setByCommunity(true) : null; }).then(openHash).then(function () {
    document.body.dataset.ready = "true";
  }, function (err) {
    failed(err);
    document.body.dataset.ready = "true";
  });
})();
