#!/usr/bin/env python3
"""Reads hallyu's exports back with NetworkX, and writes the format fixtures.

Check (run by tests/formats.rs, which writes the exports and expected.json):

    python3 scripts/check_formats.py check DIR

reads every export in DIR with the real consumer (read_graphml, read_gexf,
node_link_graph with edges="edges" and edges="links") and compares node and
edge counts and attributes with DIR/expected.json. Exit status 1 on a
mismatch, with one line per problem.

Fixtures (from the crate root; tested with networkx 3.6.1):

    python3 scripts/check_formats.py fixtures

writes tests/fixtures/formats/:
* davis.graphml, davis.json, davis.gexf: NetworkX's
  davis_southern_women_graph() as write_graphml, node_link_data and
  write_gexf write it (the GraphML and GEXF without the graph's
  `top`/`bottom` lists, which they cannot hold); davis-bare.gexf: the same
  nodes and edges without any attribute;
* davis_weights.json: bipartite.weighted_projected_graph's weights (shared
  events) and collaboration_weighted_projected_graph's (Newman) for every
  pair of women;
* movies_expected.json: the Neo4j movie guide's recommendations for Tom
  Hanks (`count(*)` of person–movie–person–movie paths over ACTED_IN) on the
  movie excerpt in tests/fixtures/formats/movies/, computed here without
  hallyu.
"""

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def fail(problems, message):
    problems.append(message)


def compare_graph(problems, name, g, want):
    if g.number_of_nodes() != want["nodes"]:
        fail(problems, f"{name}: {g.number_of_nodes()} nodes, expected {want['nodes']}")
    if g.number_of_edges() != want["edges"]:
        fail(problems, f"{name}: {g.number_of_edges()} edges, expected {want['edges']}")
    if want.get("multigraph") is not None and g.is_multigraph() != want["multigraph"]:
        fail(problems, f"{name}: multigraph={g.is_multigraph()}, expected {want['multigraph']}")
    kinds = want.get("kinds")
    if kinds is not None:
        got = defaultdict(int)
        for _, d in g.nodes(data=True):
            got[d.get("kind")] += 1
        if dict(got) != kinds:
            fail(problems, f"{name}: nodes by kind {dict(got)}, expected {kinds}")
    for node, attrs in want.get("node_attrs", {}).items():
        if node not in g:
            fail(problems, f"{name}: no node {node!r}")
            continue
        for k, v in attrs.items():
            got = g.nodes[node].get(k)
            if got != v:
                fail(problems, f"{name}: node {node!r} {k}={got!r}, expected {v!r}")
    for a, b, key, attrs in want.get("edge_attrs", []):
        if not g.has_edge(a, b):
            fail(problems, f"{name}: no edge {a!r} - {b!r}")
            continue
        data = g.get_edge_data(a, b)
        if g.is_multigraph():
            if key not in data:
                fail(problems, f"{name}: no edge {a!r} - {b!r} with key {key!r} (keys {list(data)})")
                continue
            data = data[key]
        for k, v in attrs.items():
            got = data.get(k)
            if isinstance(v, float) and isinstance(got, (int, float)):
                ok = abs(got - v) < 1e-9
            else:
                ok = got == v
            if not ok:
                fail(problems, f"{name}: edge {a!r} - {b!r} {k}={got!r}, expected {v!r}")
    if want.get("bipartite"):
        # The person-work part of the whole graph is bipartite.
        people = {n for n, d in g.nodes(data=True) if d.get("bipartite") == 0}
        works = {n for n, d in g.nodes(data=True) if d.get("bipartite") == 1}
        h = nx.Graph()
        h.add_nodes_from(people | works)
        h.add_edges_from((u, v) for u, v in g.edges() if (u in people and v in works) or (u in works and v in people))
        if not bipartite.is_bipartite_node_set(h, people):
            fail(problems, f"{name}: the bipartite attribute does not split the person-work graph")


def check_neo4j(problems, d, shape, want):
    """The admin-import files, read as neo4j-admin reads them: ids unique
    within their space, every relationship end an id of its space."""
    spaces = {}
    for f in sorted(d.glob("*.csv")):
        rows = list(csv.reader(open(f, newline="", encoding="utf-8")))
        header, body = rows[0], rows[1:]
        for r in body:
            if len(r) != len(header):
                fail(problems, f"{f.name}: a row of {len(r)} fields, the header has {len(header)}")
        id_col = [i for i, h in enumerate(header) if ":ID(" in h]
        if id_col:
            space = header[id_col[0]].split(":ID(")[1].rstrip(")")
            ids = [r[id_col[0]] for r in body]
            if len(set(ids)) != len(ids):
                fail(problems, f"{f.name}: duplicate ids in space {space}")
            spaces.setdefault(space, set()).update(ids)
    rel_files = [f for f in d.glob("*.csv") if open(f, encoding="utf-8").readline().startswith(":START_ID")]
    nodes = sum(len(v) for v in spaces.values())
    if nodes != want["nodes"]:
        fail(problems, f"{shape}-neo4j: {nodes} nodes, expected {want['nodes']}")
    total = 0
    for f in rel_files:
        rows = list(csv.reader(open(f, newline="", encoding="utf-8")))
        header, body = rows[0], rows[1:]
        start = header[0].split("(")[1].rstrip(")")
        end = header[1].split("(")[1].rstrip(")")
        for r in body:
            if r[0] not in spaces.get(start, ()) or r[1] not in spaces.get(end, ()):
                fail(problems, f"{f.name}: {r[0]!r} -> {r[1]!r} names a missing node")
                break
        total += len(body)
    if total != want["edges"]:
        fail(problems, f"{shape}-neo4j: {total} relationships, expected {want['edges']}")


def check(directory):
    d = Path(directory)
    expected = json.loads((d / "expected.json").read_text())
    problems = []
    for shape, want in expected.items():
        compare_graph(problems, f"{shape}.graphml", nx.read_graphml(d / f"{shape}.graphml"), want)
        gexf = nx.read_gexf(d / f"{shape}.gexf")
        compare_graph(problems, f"{shape}.gexf", gexf, {k: v for k, v in want.items() if k != "node_attrs"} | {
            "node_attrs": {n: {"label": a["label"]} for n, a in want.get("node_attrs", {}).items()}
        })
        if gexf.graph.get("mode") != "dynamic":
            fail(problems, f"{shape}.gexf: mode {gexf.graph.get('mode')!r}, expected 'dynamic'")
        for n, a in want.get("node_attrs", {}).items():
            if "year" in a and gexf.nodes[n].get("start") != a["year"]:
                fail(problems, f"{shape}.gexf: node {n!r} start={gexf.nodes[n].get('start')!r}")
            if "viz" not in gexf.nodes[n] or "color" not in gexf.nodes[n]["viz"]:
                fail(problems, f"{shape}.gexf: node {n!r} has no viz colour")
        data = json.loads((d / f"{shape}.json").read_text())
        compare_graph(problems, f"{shape}.json", nx.node_link_graph(data, edges="edges"), want)
        links = json.loads((d / f"{shape}-links.json").read_text())
        compare_graph(problems, f"{shape}-links.json", nx.node_link_graph(links, edges="links"), want)
        check_neo4j(problems, d / f"{shape}-neo4j", shape, want)
        rows = list(csv.DictReader(open(d / f"{shape}.csv", newline="", encoding="utf-8")))
        if len(rows) != want["csv_rows"]:
            fail(problems, f"{shape}.csv: {len(rows)} rows, expected {want['csv_rows']}")
    for p in problems:
        print(p)
    print(f"check_formats: networkx {nx.__version__}, {len(expected)} shapes, {len(problems)} problems")
    return 1 if problems else 0


def davis():
    g = nx.davis_southern_women_graph()
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / "davis.json").write_text(json.dumps(nx.node_link_data(g), ensure_ascii=False, indent=1) + "\n")
    plain = g.copy()
    plain.graph.clear()
    nx.write_graphml(plain, FIXTURES / "davis.graphml")
    nx.write_gexf(plain, FIXTURES / "davis.gexf")
    # Without attributes, as a graph drawn by hand: the reader tells the
    # women from the events by the edges alone.
    bare = nx.Graph()
    bare.add_nodes_from(g.nodes())
    bare.add_edges_from(g.edges())
    nx.write_gexf(bare, FIXTURES / "davis-bare.gexf")
    women = [n for n, d in g.nodes(data=True) if d["bipartite"] == 0]
    shared = bipartite.weighted_projected_graph(g, women)
    newman = bipartite.collaboration_weighted_projected_graph(g, women)
    weights = sorted(
        [a, b, shared[a][b]["weight"], newman[a][b]["weight"]]
        for a, b in ((min(a, b), max(a, b)) for a, b in shared.edges())
    )
    (FIXTURES / "davis_weights.json").write_text(
        json.dumps(
            {"generator": f"networkx {nx.__version__}", "women": len(women), "pairs": weights},
            ensure_ascii=False,
            indent=0,
        )
        + "\n"
    )


def movies():
    """The guide's recommendation query, run over the excerpt's CSV."""
    base = FIXTURES / "movies"
    names = {r["id"]: r["name"] for r in csv.DictReader(open(base / "people.csv"))}
    acted = defaultdict(set)  # person -> movies
    for r in csv.DictReader(open(base / "credits.csv")):
        if r["role"] == "ACTED_IN":
            acted[r["person"]].add(r["work"])
    cast = defaultdict(set)
    for p, ms in acted.items():
        for m in ms:
            cast[m].add(p)

    def recommend(me):
        costars = {c for m in acted[me] for c in cast[m]} - {me}
        strength = defaultdict(int)
        for m in acted[me]:
            for c in cast[m] - {me}:
                for m2 in acted[c] - {m}:
                    for other in cast[m2] - {c}:
                        if other != me and other not in costars:
                            strength[other] += 1
        return sorted(([names[o], n] for o, n in strength.items()), key=lambda x: (-x[1], x[0]))

    out = {"query": "Neo4j movie guide: recommend co-co-actors, count(*)", "tom-hanks": recommend("tom-hanks"),
           "keanu-reeves": recommend("keanu-reeves")}
    (FIXTURES / "movies_expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    if len(sys.argv) == 2 and sys.argv[1] == "fixtures":
        davis()
        movies()
        print(f"wrote {FIXTURES.relative_to(ROOT)}/")
        return
    print(__doc__)
    sys.exit(2)


if __name__ == "__main__":
    main()
