#!/usr/bin/env python3
"""Communities at scale: hallyu's Leiden beside igraph's
`community_multilevel` and `community_leiden` and NetworKit's `PLM` and
`ParallelLeiden`, one run each, on the synthetic sets; writes the sections
"large: communities" (and "medium: communities") of BENCHMARKS.md (every
other section is kept as it is).

    python3 scripts/bench_communities.py                  # large and medium
    python3 scripts/bench_communities.py --sizes medium
    python3 scripts/bench_communities.py --large /work/imdb-data/large

hallyu: `target/release/examples/imdb DIR communities --json --out FILE`
(seed 0, resolution 1): the time of the communities alone (the
co-appearance projection built, Leiden, the answer), the resident set after
the load (the graph) and the peak of the communities alone (VmHWM reset
before them). The peers read the same projection, built here from hallyu's
person–work edge list under the default filter (`imdb DIR credits --out
FILE`; an edge for each work two people share, weighted by how many), each in its own process: the time is that of the algorithm alone,
the memory that process's peak (the graph included). Every partition's
modularity, hallyu's too, is computed by igraph's `Graph.modularity` with
the same weights (NetworkX's formula; too slow for a million people).
igraph's Leiden runs with its default two iterations and objective
modularity; NetworKit runs on both cores.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_imdb import ROOT, dataset, fmt_ms, mib  # noqa: E402

PEERS = ["igraph multilevel", "igraph leiden", "networkit PLM", "networkit ParallelLeiden"]


def projection(dirpath, out):
    """Writes the weighted projection of `dirpath` to `out` (npz: keys,
    src, dst, weight) and returns the number of people and pairs."""
    exe = os.path.join(ROOT, "target", "release", "examples", "imdb")
    credits = out + ".tsv"
    subprocess.run([exe, dirpath, "credits", "--out", credits], check=True, capture_output=True)
    index, casts = {}, {}
    for line in open(credits, encoding="utf-8"):
        person, work = line.rstrip("\n").split("\t")
        p = index.setdefault(person, len(index))
        casts.setdefault(work, []).append(p)
    n = len(index)
    keys = []
    for cast in casts.values():
        cast = sorted(set(cast))
        for i, a in enumerate(cast):
            keys.extend(a * n + b for b in cast[i + 1:])
    pairs, weight = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
    names = np.array(list(index), dtype=object)
    np.savez(out, names=names, src=pairs // n, dst=pairs % n, weight=weight)
    return n, len(pairs)


def worker(peer, path):
    """One peer on the projection in `path`: prints its time, membership
    and peak memory as JSON."""
    data = np.load(path, allow_pickle=True)
    n, src, dst, w = len(data["names"]), data["src"], data["dst"], data["weight"].astype(float)
    if peer.startswith("igraph"):
        import igraph as ig
        import random
        random.seed(0)
        g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist())
        g.es["weight"] = w.tolist()
        t = time.perf_counter()
        if peer == "igraph multilevel":
            found = g.community_multilevel(weights="weight")
        else:
            found = g.community_leiden(objective_function="modularity", weights="weight")
        seconds = time.perf_counter() - t
        membership = found.membership
    else:
        import networkit as nk
        nk.setNumberOfThreads(2)
        g = nk.Graph(n, weighted=True)
        g.addEdges((w, (src, dst)))
        t = time.perf_counter()
        algo = nk.community.PLM(g) if peer == "networkit PLM" else nk.community.ParallelLeiden(g)
        algo.run()
        seconds = time.perf_counter() - t
        membership = algo.getPartition().getVector()
    # VmHWM, this process's own peak (ru_maxrss would count the parent's,
    # which Linux carries across fork and exec).
    status = open("/proc/self/status", encoding="utf-8").read()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
    print(json.dumps({"seconds": seconds, "membership": list(membership), "peak_kib": peak}))


def modularity(path, membership):
    import igraph as ig
    data = np.load(path, allow_pickle=True)
    g = ig.Graph(n=len(data["names"]), edges=np.column_stack([data["src"], data["dst"]]).tolist())
    return g.modularity(membership, weights=data["weight"].astype(float).tolist())


def run(size, dirpath):
    tmp = tempfile.mkdtemp(prefix="hallyu-communities-")
    part = os.path.join(tmp, "hallyu.tsv")
    exe = os.path.join(ROOT, "target", "release", "examples", "imdb")
    ours = json.loads(subprocess.run([exe, dirpath, "communities", "--json", "--out", part],
                                     check=True, capture_output=True, text=True).stdout)
    path = os.path.join(tmp, "projection.npz")
    people, pairs = projection(dirpath, path)
    names = {k: i for i, k in enumerate(np.load(path, allow_pickle=True)["names"])}
    membership = [0] * people
    for line in open(part, encoding="utf-8"):
        key, c = line.rstrip("\n").split("\t")
        if key in names:
            membership[names[key]] = int(c)
    rows = [("hallyu Leiden", ours["query_ms"] / 1000, ours["communities"], modularity(path, membership),
             f"{mib(ours['graph_kib'])} graph; {mib(ours['communities_peak_kib'])} peak")]
    print(size, rows[-1], file=sys.stderr)
    for peer in PEERS:
        try:
            out = subprocess.run([sys.executable, __file__, "--worker", peer, path], check=True,
                                 capture_output=True, text=True, timeout=1800)
            r = json.loads(out.stdout)
            rows.append((peer, r["seconds"], len(set(r["membership"])),
                         modularity(path, r["membership"]), f"{mib(r['peak_kib'])} peak (process)"))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, MemoryError) as e:
            rows.append((peer, None, None, None, f"failed: {type(e).__name__}"))
        print(size, rows[-1], file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    return {"size": size, "people": people, "pairs": pairs, "ours": ours, "rows": rows}


def section(r):
    lines = [
        f"## {r['size']}: communities",
        "",
        "Written by `python3 scripts/bench_communities.py` (one run; do not edit by hand; the machine is shared, "
        f"times are noisy: load average {os.getloadavg()[0]:.1f} at the end of the run). The person projection of "
        f"the synthetic set: {r['people']} people in a work, {r['pairs']} co-star pairs, weighted by shared works. "
        "hallyu: Leiden, seed 0, resolution 1 (one core), its time from the projection's build to the answer, "
        "its memory the resident set after the load and the peak of the communities alone; each peer in its own "
        "process, timed on the algorithm alone (its graph already built), memory the process's peak. Modularity "
        "of every partition by igraph's `Graph.modularity`, same weights. igraph's Leiden: objective "
        "modularity, its default two iterations; NetworKit on 2 threads.",
        "",
        "| library | time | communities | modularity | memory |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, count, q, memory in r["rows"]:
        t = "–" if seconds is None else fmt_ms(seconds * 1000)
        lines.append(f"| {name} | {t} | {count if count is not None else '–'} | "
                     f"{'–' if q is None else f'{q:.4f}'} | {memory} |")
    lines.append("")
    return "\n".join(lines)


def write(path, results):
    text = open(path, encoding="utf-8").read()
    parts = text.rstrip("\n").split("\n## ")
    head, sections = parts[0], ["## " + p for p in parts[1:]]
    for r in results:
        titles = [s.split("\n", 1)[0][3:].strip() for s in sections]
        title = f"{r['size']}: communities"
        new = section(r)
        if title in titles:
            sections[titles.index(title)] = new
        elif "name search at scale" in titles:
            sections.insert(titles.index("name search at scale"), new)
        else:
            sections.append(new)
        print(new)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join([head.rstrip("\n")] + [s.rstrip("\n") for s in sections]) + "\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="large,medium")
    ap.add_argument("--large", default="/work/imdb-data/large",
                    help="the large set's directory (written by imdb_gen when missing)")
    ap.add_argument("--data", default=os.path.join(ROOT, "target", "imdb"))
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--features", "cli", "--bin", "hallyu",
                    "--example", "imdb", "--example", "imdb_gen"], cwd=ROOT, check=True)
    results = []
    for size in args.sizes.split(","):
        if size == "large" and os.path.isfile(os.path.join(args.large, "title.principals.tsv")):
            dirpath = args.large
        else:
            dirpath = dataset(args.data, size)
        results.append(run(size, dirpath))
    write(args.out, results)


if __name__ == "__main__":
    main()
