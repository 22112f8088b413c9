#!/usr/bin/env python3
"""Writes tests/fixtures/scale/medium_centre.json: igraph's distance
histograms and mean distances for 50 random people of the main component of
the synthetic `medium` set, for tests/scale.rs to compare with
`Explorer::centre_of`.

    cargo run --release --example imdb_gen -- target/imdb/medium medium
    python3 scripts/centre_fixture.py [target/imdb/medium]

The graph is read as scripts/bench_imdb.py reads it (hallyu's default
filter) and is bipartite (person - title): distances are halved.
"""

import json
import os
import random
import sys

import igraph

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_imdb import read  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    dirpath = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "imdb", "medium")
    keys, _names, titles, links = read(dirpath)
    people = len(keys)
    g = igraph.Graph(n=people + titles, edges=[(p, people + w) for p, w in links])
    membership = g.connected_components().membership
    linked = sorted({p for p, _ in links})
    sizes = {}
    for p in linked:
        sizes[membership[p]] = sizes.get(membership[p], 0) + 1
    main = max(sizes, key=lambda m: (sizes[m], -min(p for p in linked if membership[p] == m)))
    members = [p for p in linked if membership[p] == main]
    sample = sorted(random.Random(17).sample(members, 50))
    rows = []
    for p, dist in zip(sample, g.distances(source=sample)):
        hist = {}
        for v in members:
            d = dist[v] // 2
            hist[d] = hist.get(d, 0) + 1
        hist = [hist[d] for d in range(len(hist))]
        farness = sum(k * n for k, n in enumerate(hist))
        rows.append({"key": keys[p], "histogram": hist, "mean": farness / (len(members) - 1)})
    out = os.path.join(ROOT, "tests", "fixtures", "scale", "medium_centre.json")
    with open(out, "w") as f:
        json.dump({"set": "Synthetic::medium()", "component": len(members), "igraph": igraph.__version__,
                   "people": rows}, f, indent=0)
        f.write("\n")
    print(f"wrote {out}: {len(rows)} people of {len(members)}")


if __name__ == "__main__":
    main()
