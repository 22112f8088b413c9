#!/usr/bin/env python3
"""Writes tests/fixtures/scale/medium_betweenness.json: igraph's exact
betweenness of the person projection of the synthetic `medium` set, for the
busiest 50 people and 200 random ones, for tests/scale.rs to compare with
`Explorer::approximate_betweenness`.

Exact betweenness there is one search per person (about 100,000), too long
for one sitting on two cores, so it runs in chunks of sources that are saved
as they finish and can be split over processes and resumed:

    cargo run --release --example imdb_gen -- target/imdb/medium medium
    python3 scripts/betweenness_fixture.py calibrate
    python3 scripts/betweenness_fixture.py run 0/2 [DIR] &   # one per core
    python3 scripts/betweenness_fixture.py run 1/2 [DIR] &
    python3 scripts/betweenness_fixture.py write [DIR]

`calibrate` checks, on small random graphs, that the chunk sums of igraph's
`betweenness(sources=…)` add up to its whole betweenness and, normalised as
below, to NetworkX's `betweenness_centrality(normalized=True)`.

The graph is read as scripts/bench_imdb.py reads it (hallyu's default
filter). Its nodes are the people with at least one on-screen credit (as
hallyu's), edges join people who share a title. Scores are NetworkX's
normalisation, which hallyu uses: pairs counted in both directions over
(n - 1)(n - 2), n the number of nodes.
"""

import json
import os
import random
import sys
import time

import igraph

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_imdb import read  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHUNK = 256
TOP = 50
RANDOM = 200


def projection(dirpath):
    """The person keys, the node flags and the igraph projection."""
    keys, _names, _titles, links = read(dirpath)
    cast = {}
    for p, w in links:
        cast.setdefault(w, []).append(p)
    edges = set()
    for members in cast.values():
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                edges.add((p, q) if p < q else (q, p))
    nodes = sorted({p for p, _ in links})
    return keys, nodes, igraph.Graph(n=len(keys), edges=sorted(edges))


def chunks(nodes):
    return [nodes[i:i + CHUNK] for i in range(0, len(nodes), CHUNK)]


def normalise(raw, n):
    """igraph's undirected betweenness counts each pair once; NetworkX's
    normalised score counts both directions over (n - 1)(n - 2)."""
    return [2.0 * b / ((n - 1) * (n - 2)) for b in raw]


def calibrate():
    import networkx as nx
    for seed in range(5):
        rng = random.Random(seed)
        n = 300
        g = igraph.Graph.Erdos_Renyi(n=n, m=rng.randint(400, 900))
        g.add_vertices(3)  # isolated vertices are not sources of anything
        nodes = list(range(n))
        whole = g.betweenness(directed=False)
        summed = [0.0] * g.vcount()
        for part in [nodes[i:i + 37] for i in range(0, n, 37)]:
            for v, b in enumerate(g.betweenness(directed=False, sources=part)):
                summed[v] += b
        worst = max(abs(a - b) for a, b in zip(whole, summed))
        assert worst < 1e-6 * max(1.0, max(whole)), (seed, worst)
        h = nx.Graph()
        h.add_nodes_from(nodes)
        h.add_edges_from(e.tuple for e in g.es)
        want = nx.betweenness_centrality(h, normalized=True)
        got = normalise(summed[:n], n)
        worst = max(abs(got[v] - want[v]) for v in nodes)
        assert worst < 1e-12, (seed, worst)
    print("calibrated: chunk sums equal igraph's whole betweenness, normalised they equal NetworkX's")


def state_dir(dirpath):
    out = os.path.join(ROOT, "target", "betweenness", os.path.basename(dirpath.rstrip("/")))
    os.makedirs(out, exist_ok=True)
    return out


def run(part, dirpath):
    i, k = (int(x) for x in part.split("/"))
    keys, nodes, g = projection(dirpath)
    state = state_dir(dirpath)
    todo = [c for c in range(len(chunks(nodes))) if c % k == i]
    print(f"{len(nodes)} nodes, {g.ecount()} edges; part {i}/{k}: {len(todo)} chunks of {CHUNK}",
          flush=True)
    t0 = time.perf_counter()
    done = 0
    for c in todo:
        path = os.path.join(state, f"chunk-{c:05}.json")
        if os.path.exists(path):
            continue
        raw = g.betweenness(directed=False, sources=chunks(nodes)[c])
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(raw, f)
        os.replace(tmp, path)
        done += 1
        el = time.perf_counter() - t0
        print(f"chunk {c}: {done} done this run, {el / done:.1f} s a chunk", flush=True)


def write(dirpath):
    keys, nodes, g = projection(dirpath)
    state = state_dir(dirpath)
    total = [0.0] * len(keys)
    for c in range(len(chunks(nodes))):
        with open(os.path.join(state, f"chunk-{c:05}.json")) as f:
            for v, b in enumerate(json.load(f)):
                total[v] += b
    n = len(nodes)
    score = normalise(total, n)
    ranked = sorted(nodes, key=lambda p: (-score[p], p))
    rest = sorted(set(nodes) - set(ranked[:TOP]))
    chosen = ranked[:TOP] + sorted(random.Random(23).sample(rest, RANDOM))
    rows = [{"key": keys[p], "betweenness": score[p]} for p in chosen]
    out = os.path.join(ROOT, "tests", "fixtures", "scale", "medium_betweenness.json")
    with open(out, "w") as f:
        json.dump({"set": "Synthetic::medium()", "nodes": n, "edges": g.ecount(),
                   "igraph": igraph.__version__, "busiest": TOP, "people": rows}, f, indent=0)
        f.write("\n")
    print(f"wrote {out}: {len(rows)} people of {n}; busiest {keys[ranked[0]]} at {score[ranked[0]]:.6f}")


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    default = os.path.join(ROOT, "target", "imdb", "medium")
    if what == "calibrate":
        calibrate()
    elif what == "run" and len(sys.argv) > 2:
        run(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else default)
    elif what == "write":
        write(sys.argv[2] if len(sys.argv) > 2 else default)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
