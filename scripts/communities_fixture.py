#!/usr/bin/env python3
"""Fixtures for tests/communities.rs: the modularity of igraph's Leiden and
NetworkX's Louvain on the person projections that hallyu's communities are
compared with (igraph is not installed where the tests run, so its numbers
are committed; NetworkX's are recorded too, for the sets too large to run
it live).

    python3 scripts/communities_fixture.py            # bundled, davis, medium
    python3 scripts/communities_fixture.py --cases bundled,davis

For each set, hallyu's release build exports the person–work edge list
(`hallyu [--data SET] export --format csv --projection`: one row a credit
of a person on a work, under the default filter); this script builds the
person projection from it on its own (an edge between two people for each
work they share, weighted by how many), runs
`igraph.Graph.community_leiden(objective_function="modularity",
weights="weight", resolution=γ, n_iterations=-1)` (igraph's random numbers
are Python's, seeded with the run's seed) and
`networkx.community.louvain_communities(weight="weight", resolution=γ,
seed=seed)`, and computes the modularity of both partitions with
`networkx.community.modularity` (same weights, same γ). It writes
tests/communities/SET.json: the projection's size (people in a work,
co-star pairs, co-appearances: the sum of the weights), so that the test
knows it reads the same graph, and for each run (seed, γ) the two
modularities and community counts. Numbers only: no partition is stored.
The medium set is `imdb_gen`'s (Synthetic::medium(), seed 0), written to
target/imdb/medium when it is not there.
"""

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (seed, resolution): the runs of tests/communities.rs.
RUNS = [(0, 1.0), (42, 1.0), (7, 2.0)]


def build():
    subprocess.run(["cargo", "build", "--release", "--features", "cli", "--bin", "hallyu",
                    "--example", "imdb_gen"], cwd=ROOT, check=True)


def source(case):
    """The --data arguments of a set."""
    if case == "bundled":
        return []
    if case == "davis":
        return ["--data", os.path.join(ROOT, "tests", "fixtures", "formats", "davis.graphml")]
    if case == "medium":
        dirpath = os.path.join(ROOT, "target", "imdb", "medium")
        if not os.path.isfile(os.path.join(dirpath, "title.principals.tsv")):
            subprocess.run([os.path.join(ROOT, "target", "release", "examples", "imdb_gen"),
                            dirpath, "medium"], check=True)
        return ["--data", dirpath]
    raise SystemExit(f"unknown set {case!r}: bundled, davis or medium")


def projection(case):
    exe = os.path.join(ROOT, "target", "release", "hallyu")
    out = subprocess.run([exe, *source(case), "export", "--format", "csv", "--projection"],
                         check=True, capture_output=True, text=True).stdout
    casts = {}
    for row in csv.DictReader(io.StringIO(out)):
        casts.setdefault(row["work_id"], set()).add(row["person_id"])
    g = nx.Graph()
    for cast in casts.values():
        g.add_nodes_from(cast)
        cast = sorted(cast)
        for i, a in enumerate(cast):
            for b in cast[i + 1:]:
                if g.has_edge(a, b):
                    g[a][b]["weight"] += 1
                else:
                    g.add_edge(a, b, weight=1)
    return g


def igraph_leiden(g, seed, resolution):
    names = list(g.nodes)
    index = {n: i for i, n in enumerate(names)}
    h = ig.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in g.edges])
    h.es["weight"] = [w for _, _, w in g.edges(data="weight")]
    random.seed(seed)
    found = h.community_leiden(objective_function="modularity", weights="weight",
                               resolution=resolution, n_iterations=-1)
    parts = {}
    for i, c in enumerate(found.membership):
        parts.setdefault(c, set()).add(names[i])
    return list(parts.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", default="bundled,davis,medium")
    args = ap.parse_args()
    build()
    for case in args.cases.split(","):
        g = projection(case)
        runs = []
        for seed, resolution in RUNS:
            louvain = nx.community.louvain_communities(g, weight="weight", resolution=resolution,
                                                       seed=seed)
            leiden = igraph_leiden(g, seed, resolution)
            run = {
                "seed": seed,
                "resolution": resolution,
                "networkx_louvain": nx.community.modularity(g, louvain, weight="weight",
                                                            resolution=resolution),
                "networkx_louvain_communities": len(louvain),
                "igraph_leiden": nx.community.modularity(g, leiden, weight="weight",
                                                         resolution=resolution),
                "igraph_leiden_communities": len(leiden),
            }
            print(case, run, file=sys.stderr)
            runs.append(run)
        fixture = {
            "set": case,
            "written_by": "python3 scripts/communities_fixture.py",
            "versions": {"igraph": ig.__version__, "networkx": nx.__version__},
            "people": g.number_of_nodes(),
            "pairs": g.number_of_edges(),
            "co_appearances": int(g.size(weight="weight")),
            "runs": runs,
        }
        path = os.path.join(ROOT, "tests", "communities", f"{case}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fixture, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
