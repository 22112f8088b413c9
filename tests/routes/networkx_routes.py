"""NetworkX's answers for the path modes of tests/routes.rs.

    networkx_routes.py CASES.json

CASES.json holds the person–work graph as `edges` ([person, work] keys)
and the questions; prints one JSON object with NetworkX's answers:
`avoid` (shortest path length with the avoided nodes removed, or null),
`k` (the lengths of the first k of `nx.shortest_simple_paths`), `via` (the
sum of the two legs' lengths, or null), `strongest` (Dijkstra's length on
the person projection weighted by 1 / works shared), `simple` (the number of
`nx.all_simple_paths` with `cutoff`), `as_of` (shortest path length on the
graph of the works released in the year or before, a known year), `in_order`
(the fewest hops of a chain whose works' years never decrease: a plain
breadth-first search over (person, year of the last work) states, works of
no known year left out, written here without the library's pruning). Lengths
count person–work links. `years` maps a work's key to its year (or null).
"""
import itertools
import json
import sys

import networkx as nx

cases = json.load(open(sys.argv[1], encoding="utf-8"))
g = nx.Graph()
for p, w in cases["edges"]:
    g.add_edge("p:" + p, "w:" + w)


def length(graph, a, b):
    try:
        return nx.shortest_path_length(graph, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None


out = {"avoid": [], "k": [], "via": [], "strongest": [], "simple": [], "as_of": [], "in_order": []}
years = cases.get("years", {})
# The person projection weighted by 1 / (works shared).
proj = nx.Graph()
people = [n for n in g if n.startswith("p:")]
for p in people:
    for w in g[p]:
        for q in g[w]:
            if q != p:
                proj.add_edge(p, q)
for p, q in proj.edges:
    proj[p][q]["weight"] = 1.0 / len(set(g[p]) & set(g[q]))
for q in cases["avoid"]:
    h = g.copy()
    h.remove_nodes_from(["p:" + p for p in q["people"]] + ["w:" + w for w in q["works"]])
    out["avoid"].append(length(h, "p:" + q["a"], "p:" + q["b"]))
for q in cases["k"]:
    try:
        paths = itertools.islice(nx.shortest_simple_paths(g, "p:" + q["a"], "p:" + q["b"]), q["k"])
        out["k"].append([len(p) - 1 for p in paths])
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        out["k"].append([])
for q in cases["via"]:
    first, second = length(g, "p:" + q["a"], "p:" + q["via"]), length(g, "p:" + q["via"], "p:" + q["b"])
    out["via"].append(None if first is None or second is None else first + second)
for q in cases.get("strongest", []):
    try:
        out["strongest"].append(round(nx.dijkstra_path_length(proj, "p:" + q["a"], "p:" + q["b"]), 9))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        out["strongest"].append(None)
for q in cases.get("simple", []):
    paths = nx.all_simple_paths(g, "p:" + q["a"], "p:" + q["b"], cutoff=2 * q["max_hops"])
    out["simple"].append(sum(1 for _ in paths))
for q in cases.get("as_of", []):
    h = g.copy()
    h.remove_nodes_from(
        ["w:" + w for w, y in years.items() if y is None or y > q["year"]]
    )
    out["as_of"].append(length(h, "p:" + q["a"], "p:" + q["b"]))


def in_order(a, b):
    """Fewest person-work links on a chain from a to b whose works' years
    never decrease; None when there is none."""
    start = ("p:" + a, None)
    seen = {start}
    level = [start]
    hops = 0
    while level:
        hops += 1
        nxt = []
        for p, since in level:
            for w in g[p]:
                y = years.get(w[2:])
                if y is None or (since is not None and y < since):
                    continue
                for q in g[w]:
                    if q == "p:" + b:
                        return 2 * hops
                    state = (q, y)
                    if state not in seen:
                        seen.add(state)
                        nxt.append(state)
        level = nxt
    return None


for q in cases.get("in_order", []):
    out["in_order"].append(0 if q["a"] == q["b"] else in_order(q["a"], q["b"]))
print(json.dumps(out))
