"""NetworkX's answers for tests/communities.rs.

    networkx_communities.py CASES.json

CASES.json holds the person–work graph as `edges` ([person, work] keys),
the `people` who are nodes, and optionally `partition` (hallyu's
communities, lists of person keys), `seed` and `resolution`. Prints one
JSON object: `core` (`nx.core_number` of the person projection, by key),
`louvain` (the modularity of `nx.community.louvain_communities` with the
seed and resolution, weighted by works shared) and `ours` (the modularity
of `partition` by `nx.community.modularity`, same weights), when given.
"""
import json
import sys

import networkx as nx

cases = json.load(open(sys.argv[1], encoding="utf-8"))
works = {}
for p, w in cases["edges"]:
    works.setdefault(w, set()).add(p)
proj = nx.Graph()
proj.add_nodes_from(cases["people"])
for cast in works.values():
    cast = sorted(cast)
    for i, a in enumerate(cast):
        for b in cast[i + 1 :]:
            if proj.has_edge(a, b):
                proj[a][b]["weight"] += 1
            else:
                proj.add_edge(a, b, weight=1)

out = {"core": nx.core_number(proj)}
resolution = cases.get("resolution", 1.0)
if "seed" in cases:
    louvain = nx.community.louvain_communities(
        proj, weight="weight", resolution=resolution, seed=cases["seed"]
    )
    out["louvain"] = nx.community.modularity(
        proj, louvain, weight="weight", resolution=resolution
    )
if "partition" in cases:
    out["ours"] = nx.community.modularity(
        proj, [set(c) for c in cases["partition"]], weight="weight", resolution=resolution
    )
    out["connected"] = [
        nx.is_connected(proj.subgraph(c)) for c in cases["partition"]
    ]
print(json.dumps(out))
