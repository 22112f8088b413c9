#!/usr/bin/env python3
"""Expected values for the analytics tests, computed by NetworkX.

The Rust tests (tests/analytics.rs) compare hallyu's degree, closeness,
betweenness, components, distance histograms, shortest-path lengths and
shortest-path counts with the values this script writes, on:

* the person co-appearance graph of the bundled dataset (default filter),
  exported by the explore example as tests/fixtures/projection.json; its
  nodes are the people with a credit the filter counts (hallyu's node set:
  crew and records kept only as unverified are not nodes);
* a few seeded random graphs, written as RON catalogs under
  tests/fixtures/random/ (people p0..pN, one film per edge "w-i-j" with two
  lead cast credits, a second film "w-i-j-b" for some edges so that the
  shared-work weights are not all 1).

Regenerate (from the crate root):

    pip install networkx          # tested with networkx 3.6.1
    python3 scripts/networkx_fixtures.py

The script runs `cargo run --example explore -- projection --json` first to
refresh tests/fixtures/projection.json; pass --no-export to use the file as
it is. Outputs: tests/fixtures/networkx/*.json.
"""

import json
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RANDOM = FIXTURES / "random"
OUT = FIXTURES / "networkx"

# (name, nodes, edge probability, seed)
RANDOM_GRAPHS = [
    ("gnp-12-1", 12, 0.25, 1),
    ("gnp-20-2", 20, 0.12, 2),
    ("gnp-25-3", 25, 0.20, 3),
    ("gnp-30-4", 30, 0.07, 4),
    ("gnp-16-5", 16, 0.50, 5),
]
PAIRS_PER_GRAPH = 40


def export_projection():
    """Writes tests/fixtures/projection.json from the explore example."""
    out = subprocess.run(
        ["cargo", "run", "-q", "--example", "explore", "--", "projection", "--json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / "projection.json").write_text(dumps(data))


def bundled_graph():
    data = json.loads((FIXTURES / "projection.json").read_text())
    g = nx.Graph()
    g.add_nodes_from(data["nodes"])
    for a, b, works in data["edges"]:
        g.add_edge(a, b, weight=len(works))
    return g


def random_graph(n, p, seed):
    """A G(n, p) graph with keys p0..; some edges carry two works.

    Returns the graph of every person (written to the RON catalog) and the
    graph hallyu analyses: people without an edge have no credit in the
    catalog, so they are not nodes of the co-appearance graph (hallyu's node
    set is the people with a credit the filter counts)."""
    base = nx.gnp_random_graph(n, p, seed=seed)
    g = nx.Graph()
    g.add_nodes_from(f"p{i}" for i in range(n))
    for i, j in sorted(base.edges()):
        i, j = min(i, j), max(i, j)
        g.add_edge(f"p{i}", f"p{j}", weight=2 if (i + j) % 5 == 0 else 1)
    analysed = g.copy()
    analysed.remove_nodes_from(list(nx.isolates(g)))
    return g, analysed


def write_ron(name, g):
    """The random graph as a catalog: one film per edge (two for weight 2)."""
    lines = ["#![enable(implicit_some)]", f"// {name}: written by scripts/networkx_fixtures.py", "(", "    people: ["]
    for v in g.nodes():
        lines.append(f'        (id: "{v}", name: "Person {v[1:]}"),')
    lines += ["    ],", "    works: ["]
    credits = []
    for a, b, w in sorted(g.edges(data="weight"), key=lambda e: (int(e[0][1:]), int(e[1][1:]))):
        i, j = sorted((int(a[1:]), int(b[1:])))
        for suffix in ([""] if w == 1 else ["", "-b"]):
            wid = f"w-{i}-{j}{suffix}"
            lines.append(
                f'        (id: "{wid}", title: "Work {i}-{j}{suffix}", kind: Film, released: "2020"),'
            )
            for p in (i, j):
                credits.append(f'        (from: "p{p}", to: "{wid}", role: Cast(billing: Lead)),')
    lines += ["    ],", "    credits: ["] + credits + ["    ],", ")", ""]
    (RANDOM / f"{name}.ron").write_text("\n".join(lines))


def expected(g, seed):
    nodes = list(g.nodes())
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    histograms = {}
    for v in nodes:
        lengths = nx.single_source_shortest_path_length(g, v)
        h = [0] * (max(lengths.values()) + 1)
        for d in lengths.values():
            h[d] += 1
        histograms[v] = h
    rng = random.Random(seed)
    pairs = []
    for _ in range(PAIRS_PER_GRAPH):
        a, b = rng.choice(nodes), rng.choice(nodes)
        if nx.has_path(g, a, b):
            paths = list(nx.all_shortest_paths(g, a, b))
            pairs.append([a, b, len(paths[0]) - 1, len(paths)])
        else:
            pairs.append([a, b, None, 0])
    return {
        "generator": f"networkx {nx.__version__}",
        "nodes": nodes,
        "edges": g.number_of_edges(),
        "degree": dict(g.degree()),
        "shared_works": dict(g.degree(weight="weight")),
        "closeness": nx.closeness_centrality(g),
        "betweenness": nx.betweenness_centrality(g),
        "components": components,
        "histograms": histograms,
        "pairs": pairs,
    }


def dumps(value):
    """JSON with one line per entry of each top-level list or object: small
    and readable in diffs."""

    def compact(v):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key in sorted(value):
        v = value[key]
        if isinstance(v, dict) and v:
            inner = ",\n".join(f"  {compact(k)}:{compact(v[k])}" for k in sorted(v))
            parts.append(f" {compact(key)}:{{\n{inner}\n }}")
        elif isinstance(v, list) and v:
            inner = ",\n".join(f"  {compact(x)}" for x in v)
            parts.append(f" {compact(key)}:[\n{inner}\n ]")
        else:
            parts.append(f" {compact(key)}:{compact(v)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_json(name, value):
    (OUT / f"{name}.json").write_text(dumps(value))


def main():
    if "--no-export" not in sys.argv[1:]:
        export_projection()
    OUT.mkdir(parents=True, exist_ok=True)
    RANDOM.mkdir(parents=True, exist_ok=True)
    write_json("bundled", expected(bundled_graph(), seed=0))
    for name, n, p, seed in RANDOM_GRAPHS:
        g, analysed = random_graph(n, p, seed)
        write_ron(name, g)
        write_json(name, expected(analysed, seed))
    print(f"wrote {OUT.relative_to(ROOT)}/ and {RANDOM.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
