"""NetworkX's answers for the path modes of tests/routes.rs.

    networkx_routes.py CASES.json

CASES.json holds the person–work graph as `edges` ([person, work] keys)
and the questions; prints one JSON object with NetworkX's answers:
`avoid` (shortest path length with the avoided nodes removed, or null),
`k` (the lengths of the first k of `nx.shortest_simple_paths`), `via` (the
sum of the two legs' lengths, or null). Lengths count person–work links.
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


out = {"avoid": [], "k": [], "via": []}
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
print(json.dumps(out))
