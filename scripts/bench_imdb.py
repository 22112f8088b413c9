#!/usr/bin/env python3
"""Side-by-side benchmark of hallyu, igraph, NetworkX and NetworKit on
synthetic IMDb datasets; writes its sections of BENCHMARKS.md (sections it
does not write, such as "Picture quality", are kept).

    pip install networkx igraph networkit
    python3 scripts/bench_imdb.py                  # medium and large
    python3 scripts/bench_imdb.py --sizes medium --no-networkx-large
    python3 scripts/bench_imdb.py --sizes medium,large --xl target/imdb/xl

Whole-graph analytics (centre of everyone, exact top-10 centre, exact
diameter, approximate betweenness) run on the person projection's largest
component for NetworKit, on hallyu's main component for hallyu; both must
agree on the top-10 mean distances and the diameter.

Every library reads the same TSV files with the same mapping as
`hallyu::import` under the default filter: titles of a kept type, principals
whose category is actor, actress or self, people present in name.basics, one
link per person and title. Graphs are bipartite (person - title); distances
are halved. Each library runs in its own process, so that peak memory
(ru_maxrss, VmHWM for hallyu) is its own. The answers (co-star count, path
length, distance histogram, component sizes) must agree, or the script
fails.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEPT_TYPES = {"movie", "tvMovie", "short", "tvShort", "video", "tvSeries", "tvMiniSeries",
              "tvEpisode", "tvPilot", "tvShow", "tvSpecial", "reality", "musicVideo"}
ON_SCREEN = {"actor", "actress", "self"}
REPEAT = 5
# Co-stars and paths take well under a millisecond to a few milliseconds:
# their best of 5 still holds the first runs' cold caches, so every library
# gets more runs of them.
FAST_REPEAT = 20


def read(dirpath):
    """People (name-file order) and titles that have an on-screen link, and
    the links as (person index, title index) pairs."""
    person_index = {}
    keys = []
    names = []
    with open(os.path.join(dirpath, "name.basics.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            k, name, _ = line.split("\t", 2)
            if k not in person_index:
                person_index[k] = len(keys)
                keys.append(k)
                names.append(name)
    title_index = {}
    with open(os.path.join(dirpath, "title.basics.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.split("\t", 2)
            if fields[1] in KEPT_TYPES and fields[0] not in title_index:
                title_index[fields[0]] = len(title_index)
    links = set()
    with open(os.path.join(dirpath, "title.principals.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            t, _, n, c, _ = line.split("\t", 4)
            if c in ON_SCREEN:
                w = title_index.get(t)
                p = person_index.get(n)
                if w is not None and p is not None:
                    links.add((p, w))
    return keys, names, len(title_index), sorted(links)


def choose(keys, links):
    """The most-credited person (lowest index among ties) and two ordinary
    people of the giant component (found later), as name-file indices."""
    count = {}
    for p, _ in links:
        count[p] = count.get(p, 0) + 1
    hub = min(count, key=lambda p: (-count[p], p))
    return hub, sorted(count)


def timed(f, repeat=1):
    best = None
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        d = (time.perf_counter() - t) * 1000
        best = d if best is None else min(best, d)
    return out, best


def worker_igraph(dirpath, hub_key, a_key, b_key):
    import igraph
    t0 = time.perf_counter()
    keys, names, titles, links = read(dirpath)
    people = len(keys)
    g = igraph.Graph(n=people + titles, edges=[(p, people + w) for p, w in links])
    load = (time.perf_counter() - t0) * 1000
    index = {k: i for i, k in enumerate(keys)}
    hub, a, b = index[hub_key], index[a_key], index[b_key]
    def costars():
        # As hallyu answers: each co-star with the number of shared works,
        # strongest first, then by name.
        shared = {}
        for w in g.neighbors(hub):
            for q in g.neighbors(w):
                if q != hub:
                    shared[q] = shared.get(q, 0) + 1
        return len(sorted(shared.items(), key=lambda x: (-x[1], names[x[0]], x[0])))
    costars, t_costars = timed(costars, FAST_REPEAT)
    path, t_path = timed(lambda: (len(g.get_shortest_path(a, b)) - 1) // 2, FAST_REPEAT)

    def histogram():
        vids, layers, _ = g.bfs(hub)
        out = []
        for level in range(0, len(layers) - 1, 2):
            out.append(sum(1 for v in vids[layers[level]:layers[level + 1]] if v < people))
        return out
    hist, t_hist = timed(histogram, REPEAT)

    def components():
        membership = g.connected_components().membership
        sizes = {}
        linked = [False] * people
        for p, _ in links:
            linked[p] = True
        for p in range(people):
            if linked[p]:
                m = membership[p]
                sizes[m] = sizes.get(m, 0) + 1
        return sorted(sizes.values(), reverse=True)
    comps, t_comps = timed(components, 3)
    return dict(load_ms=load, costars=costars, costars_ms=t_costars, path=path, path_ms=t_path,
                histogram=hist, histogram_ms=t_hist, components=comps, components_ms=t_comps)


def worker_networkx(dirpath, hub_key, a_key, b_key):
    import networkx as nx
    t0 = time.perf_counter()
    keys, names, titles, links = read(dirpath)
    people = len(keys)
    g = nx.Graph()
    g.add_edges_from((p, people + w) for p, w in links)
    load = (time.perf_counter() - t0) * 1000
    index = {k: i for i, k in enumerate(keys)}
    hub, a, b = index[hub_key], index[a_key], index[b_key]
    def costars():
        shared = {}
        for w in g[hub]:
            for q in g[w]:
                if q != hub:
                    shared[q] = shared.get(q, 0) + 1
        return len(sorted(shared.items(), key=lambda x: (-x[1], names[x[0]], x[0])))
    costars, t_costars = timed(costars, FAST_REPEAT)
    path, t_path = timed(lambda: (len(nx.bidirectional_shortest_path(g, a, b)) - 1) // 2, FAST_REPEAT)

    def histogram():
        out = {}
        for v, d in nx.single_source_shortest_path_length(g, hub).items():
            if v < people:
                out[d // 2] = out.get(d // 2, 0) + 1
        return [out[d] for d in range(len(out))]
    hist, t_hist = timed(histogram, 1)

    def components():
        return sorted((sum(1 for v in c if v < people) for c in nx.connected_components(g)), reverse=True)
    comps, t_comps = timed(components, 1)
    return dict(load_ms=load, costars=costars, costars_ms=t_costars, path=path, path_ms=t_path,
                histogram=hist, histogram_ms=t_hist, components=comps, components_ms=t_comps)


# Whole-graph analytics: the betweenness error bound, the people of the
# sampled centre-of-everyone run, NetworKit's time limit for top-k closeness.
EPSILON = 0.1
BETWEENNESS_SIZES = {"small", "medium"}
DELTA = 0.1
# With --centre-sample N, the centre of everyone is timed on N people and
# projected; by default it runs over the whole main component.
CENTRE_SAMPLE = None
TOPK = 10
NK_TIMEOUT = 300
# Passes of the centre of everyone sampled to find the floor of its memory
# traffic (`centre-floor`).
FLOOR_PASSES = 16


def worker_networkit_top(dirpath, hub_key, a_key, b_key):
    return worker_networkit(dirpath, hub_key, a_key, b_key, part="top")


def worker_networkit(dirpath, hub_key, a_key, b_key, part="rest"):
    """NetworKit: BFS histogram on the bipartite graph (as igraph), then on
    the largest component of the person projection: exact top-10
    closeness (Bergamini et al.), exact diameter, approximate betweenness
    (Riondato-Kornaropoulos, the same epsilon, delta and constant as
    hallyu)."""
    import networkit as nk
    nk.setNumberOfThreads(2)
    t0 = time.perf_counter()
    keys, names, titles, links = read(dirpath)
    people = len(keys)
    g = nk.Graph(people + titles)
    for p, w in links:
        g.addEdge(p, people + w)
    load = (time.perf_counter() - t0) * 1000
    index = {k: i for i, k in enumerate(keys)}
    hub = index[hub_key]

    def histogram():
        bfs = nk.distance.BFS(g, hub, storePaths=False)
        bfs.run()
        out = {}
        for v, d in enumerate(bfs.getDistances()):
            if v < people and d < 1e300:
                out[int(d) // 2] = out.get(int(d) // 2, 0) + 1
        return [out[d] for d in range(len(out))]
    result = dict(load_ms=load)
    if part == "rest":
        hist, t_hist = timed(histogram, REPEAT)
        result.update(histogram=hist, histogram_ms=t_hist)
    # The person projection, largest component.
    t0 = time.perf_counter()
    cast = {}
    for p, w in links:
        cast.setdefault(w, []).append(p)
    proj = nk.Graph(people)
    for members in cast.values():
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                if not proj.hasEdge(p, q):
                    proj.addEdge(p, q)
    del cast, g
    cc = nk.components.ConnectedComponents(proj)
    cc.run()
    sizes = cc.getComponentSizes()
    big = max(sizes, key=lambda c: (sizes[c], -c))
    keep = [v for v in range(people) if cc.componentOfNode(v) == big]
    lcc = nk.graphtools.subgraphFromNodes(proj, keep, compact=True)
    # compact=True numbers the kept nodes in increasing order of id.
    result["projection_ms"] = (time.perf_counter() - t0) * 1000
    n = lcc.numberOfNodes()
    result["component"] = n
    del proj

    def top():
        t = nk.centrality.TopCloseness(lcc, k=TOPK, first_heu=True, sec_heu=False)
        t.run()
        return t.topkScoresList()
    if part == "top":
        scores, t_top = timed(top, 1)
        # NetworKit's closeness is (n - 1) / farness: the mean distance is its inverse.
        result.update(top_means=[1.0 / c for c in scores], top_ms=t_top)
        return result

    def diameter():
        d = nk.distance.Diameter(lcc, nk.distance.DiameterAlgo.EXACT)
        d.run()
        return d.getDiameter()[0]
    diam, t_diam = timed(diameter, 1)
    result.update(diameter=diam, diameter_ms=t_diam)

    def betweenness():
        b = nk.centrality.ApproxBetweenness(lcc, epsilon=EPSILON, delta=DELTA, universalConstant=0.5)
        b.run()
        return b.numberOfSamples()
    if os.path.basename(dirpath.rstrip("/")) in BETWEENNESS_SIZES:
        samples, t_btw = timed(betweenness, 1)
        result.update(betweenness_samples=samples, betweenness_ms=t_btw)
    return result


def run_worker(lib, dirpath, hub, a, b, timeout=None):
    try:
        out = subprocess.run([sys.executable, __file__, "--worker", lib, dirpath, hub, a, b],
                             check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout)


def build_examples():
    """Builds the `imdb` and `imdb_gen` examples (release)."""
    subprocess.run(["cargo", "build", "--release", "--example", "imdb", "--example", "imdb_gen"],
                   cwd=ROOT, check=True)


def dataset(data, size):
    """The directory of the synthetic set `size` under `data`, written by
    `imdb_gen` if it is not there yet."""
    dirpath = os.path.join(data, size)
    if not os.path.isfile(os.path.join(dirpath, "title.principals.tsv")):
        subprocess.run([os.path.join(ROOT, "target", "release", "examples", "imdb_gen"), dirpath, size],
                       check=True)
    return dirpath


def hallyu_command(dirpath, *args, repeat=REPEAT):
    """Runs one command of hallyu's command-line example and returns its
    JSON answer (load_ms, query_ms, peak_kib and the command's fields).
    The one place that names the executable."""
    exe = os.path.join(ROOT, "target", "release", "examples", "imdb")
    out = subprocess.run([exe, dirpath, *args, "--json", "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def hallyu_analytics(dirpath):
    """Centre of everyone (the whole main component, or CENTRE_SAMPLE
    people of it projected to the whole), exact top-k centre, exact
    diameter, approximate betweenness. A whole run is checked against the
    others: its best mean distances are the top-k's, its greatest and least
    eccentricities the diameter and the radius."""
    q = hallyu_command
    rows = os.path.join(ROOT, "target", "centre-all.csv")
    limit = ["--limit", str(CENTRE_SAMPLE)] if CENTRE_SAMPLE else []
    c = q(dirpath, "centre-all", "--out", rows, *limit, repeat=1)
    t = q(dirpath, "top", str(TOPK), repeat=1)
    d = q(dirpath, "diameter", repeat=1)
    size = os.path.basename(dirpath.rstrip("/"))
    if not CENTRE_SAMPLE:
        means, eccs = [], []
        with open(rows) as f:
            for line in f:
                _, _, mean, ecc, _ = line.split(",")
                means.append(float(mean))
                eccs.append(int(ecc))
        os.remove(rows)
        assert c["written"] == c["component"] == len(means), f"{size}: centre-all rows"
        assert max(eccs) == d["diameter"] and min(eccs) == d["radius"], f"{size}: centre-all eccentricities"
        best = sorted(means)[:TOPK]
        assert all(abs(x - e["mean"]) < 1e-6 for x, e in zip(best, t["top"])), f"{size}: centre-all best means"
    b = q(dirpath, "betweenness", str(EPSILON), repeat=1) if size in BETWEENNESS_SIZES else None
    fl = q(dirpath, "centre-floor", str(FLOOR_PASSES), repeat=1)
    out = dict(component=c["component"], centre_sample=c["written"], centre_sample_ms=c["query_ms"],
                centre_all_ms=c["query_ms"] * c["component"] / c["written"],
                centre_projected=bool(CENTRE_SAMPLE),
                top_means=[e["mean"] for e in t["top"]], top_ms=t["query_ms"], top_complete=t["complete"],
                top_pruned=t["pruned"], top_exact=t["exact"], top_keys=[e["key"] for e in t["top"]],
                diameter=d["diameter"], radius=d["radius"], diameter_ms=d["query_ms"],
                diameter_searches=d["searches"], diameter_path=d["path"],
                analytics_peak_kib=max(x["peak_kib"] for x in (c, t, d, b) if x))
    # The floor of the passes: the sample's share of the sweeps' time,
    # scaled to the whole run.
    out.update(floor_passes=fl["passes"], floor_of=fl["of_passes"], floor_sample_ms=fl["passes_ms"],
               floor_sweeps_ms=fl["floor_ms"],
               floor_all_ms=out["centre_all_ms"] * fl["floor_ms"] / fl["passes_ms"])
    if b:
        out.update(betweenness_ms=b["query_ms"], betweenness_samples=b["samples"], betweenness_bound=b["error_bound"])
    return out


def hallyu(dirpath, hub, a, b):
    def q(*args, repeat=REPEAT):
        return hallyu_command(dirpath, *args, repeat=repeat)
    c = q("costars", hub, repeat=FAST_REPEAT)
    p = q("path", a, b, repeat=FAST_REPEAT)
    h = q("bacon", hub)
    k = q("components")
    loads = [x["load_ms"] for x in (c, p, h, k)]
    return dict(load_ms=min(loads), costars=c["costars"], costars_ms=c["query_ms"], costars_first_ms=c["first_query_ms"],
                path=p["length"], path_ms=p["query_ms"], histogram=h["histogram"],
                histogram_ms=h["query_ms"], components=None, components_count=k["components"],
                components_largest=k["largest"], components_ms=k["query_ms"],
                peak_kib=max(x["peak_kib"] for x in (c, p, h, k)), load_peak_kib=k["peak_kib"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker", nargs=5)
    ap.add_argument("--sizes", default="medium,large")
    ap.add_argument("--data", default=os.path.join(ROOT, "target", "imdb"))
    ap.add_argument("--no-networkx-large", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--xl", help="a directory of the xl set: hallyu's load time and peak memory")
    ap.add_argument("--xl-stats", action="store_true", help="also time `stats` on xl (a second load)")
    ap.add_argument("--centre-sample", type=int,
                    help="time the centre of everyone on this many people and project it (default: everyone)")
    args = ap.parse_args()
    global CENTRE_SAMPLE
    CENTRE_SAMPLE = args.centre_sample
    if args.worker:
        lib, dirpath, hub, a, b = args.worker
        result = {"igraph": worker_igraph, "networkx": worker_networkx,
                  "networkit": worker_networkit, "networkit-top": worker_networkit_top}[lib](dirpath, hub, a, b)
        result["peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(result))
        return

    build_examples()
    sections = []
    for size in args.sizes.split(","):
        dirpath = dataset(args.data, size)
        keys, names, titles, links = read(dirpath)
        hub, linked = choose(keys, links)
        # Two ordinary people: a third and two thirds through the linked
        # people, moved on until both are in the hub's component (checked
        # with igraph below; hallyu must agree).
        import igraph
        people = len(keys)
        g = igraph.Graph(n=people + titles, edges=[(p, people + w) for p, w in links])
        membership = g.connected_components().membership
        def pick(i):
            while membership[linked[i]] != membership[hub]:
                i += 1
            return linked[i]
        a, b = pick(len(linked) // 3), pick(2 * len(linked) // 3)
        del g, membership, links
        hub_k, a_k, b_k = keys[hub], keys[a], keys[b]
        print(f"{size}: hub {hub_k}, path {a_k} -> {b_k}", file=sys.stderr)
        results = {"hallyu": hallyu(dirpath, hub_k, a_k, b_k), "igraph": run_worker("igraph", dirpath, hub_k, a_k, b_k)}
        if not (size == "large" and args.no_networkx_large):
            results["networkx"] = run_worker("networkx", dirpath, hub_k, a_k, b_k)
        results["hallyu"].update(hallyu_analytics(dirpath))
        nk_result = run_worker("networkit", dirpath, hub_k, a_k, b_k)
        results["networkit"] = nk_result
        h = results["hallyu"]
        assert nk_result["histogram"] == results["igraph"]["histogram"], f"{size}: networkit histogram"
        assert nk_result["component"] == h["component"], f"{size}: component size"
        assert nk_result["diameter"] == h["diameter"], f"{size}: diameter {nk_result['diameter']} != {h['diameter']}"
        nk_top = run_worker("networkit-top", dirpath, hub_k, a_k, b_k, timeout=NK_TIMEOUT)
        if nk_top is not None:
            nk_result.update(top_means=nk_top["top_means"], top_ms=nk_top["top_ms"])
            for x, y in zip(nk_top["top_means"], h["top_means"]):
                assert abs(x - y) < 1e-9, f"{size}: top-{TOPK} means {nk_top['top_means']} != {h['top_means']}"
        # The answers must agree.
        ref = results["igraph"]
        for lib, r in results.items():
            if lib == "networkit":
                continue
            for field in ("costars", "path", "histogram"):
                assert r[field] == ref[field], f"{size}: {lib} {field} {r[field]} != igraph {ref[field]}"
            if lib == "hallyu":
                assert r["components_count"] == len(ref["components"]), f"{size}: component count"
                assert r["components_largest"] == ref["components"][:10], f"{size}: component sizes"
            else:
                assert r["components"] == ref["components"], f"{size}: {lib} components"
        sections.append((size, hub_k, a_k, b_k, ref, results))

    xl = None
    if args.xl:
        cmds = ("components", "stats") if args.xl_stats else ("components",)
        warm(args.xl)
        xl = {"plain": {cmd: hallyu_command(args.xl, cmd, repeat=1) for cmd in cmds}}
        if os.path.isdir(args.xl + "-gz"):
            warm(args.xl + "-gz")
            xl["gz"] = {"components": hallyu_command(args.xl + "-gz", "components", repeat=1)}
    write(args.out, sections, xl)


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def fmt_ms(ms):
    return f"{ms:.3f} ms" if ms < 1 else f"{ms:.1f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def opt_ms(ms, missing="–"):
    return missing if ms is None else fmt_ms(ms)


def ratio(peer, ours, at_least=None):
    if ours is None:
        return "–"
    if peer is None:
        return f"> {at_least / ours:.1f}×" if at_least else "–"
    return f"{peer / ours:.1f}×"


def kept_sections(path, own):
    """The sections of an existing BENCHMARKS.md that this script does not
    write (their `## ` title is not one of `own`), verbatim."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return []
    out, current = [], None
    for line in text.split("\n"):
        if line.startswith("## "):
            current = [] if line[3:].strip() not in own else None
            if current is not None:
                out.append(current)
        if current is not None:
            current.append(line)
    return ["\n".join(c).rstrip("\n") for c in out]


def warm(directory):
    """Reads every file of `directory` once, so that the timed loads find
    them in the page cache (as the smaller sets' repeated runs do) and time
    the load, not the disk: the first read of the 4.6 GB xl set after other
    work took 29.3 s where the next load took 23.5 s."""
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as f:
            while f.read(1 << 24):
                pass


def write(path, sections, xl=None):
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import igraph
    import networkx
    try:
        import networkit
        nk_version = networkit.__version__
    except ImportError:
        nk_version = "not installed"
    sizes = {"small", "medium", "large", "xl", "xl-quarter"}
    own = sizes | {f"{size}: whole-graph analytics" for size in sizes}
    own |= {"xl: load and memory", "Notes"}
    kept = kept_sections(path, own)
    lines = [
        "# Benchmarks: IMDb-scale queries",
        "",
        "Written by `python3 scripts/bench_imdb.py` (one run; do not edit by hand).",
        "",
        f"Machine: {os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB memory, {platform.system()} {platform.release()};",
        f"Python {platform.python_version()}, igraph {igraph.__version__}, NetworkX {networkx.__version__}, "
        f"NetworKit {nk_version}.",
        "The machine is shared with other work: times are noisy (load average "
        f"{os.getloadavg()[0]:.1f} at the end of the run); every library ran in the same run, one after another.",
        "",
        "Data: synthetic datasets in the IMDb layout (`cargo run --release --example imdb_gen -- DIR SIZE`),",
        "plain TSV. Every library reads the three files and builds its graph (load), then answers, under",
        "hallyu's default filter (actor, actress and self credits): the co-stars of the most-credited person,",
        "a shortest path between two ordinary people, the full distance histogram from the most-credited",
        "person, and the connected components. Co-stars are computed as hallyu returns them: each co-star with",
        "the number of shared works, sorted by strength then name. Query times are the best of "
        f"{FAST_REPEAT} runs for co-stars and paths, of {REPEAT} for histograms and components (components: 3 for "
        "igraph, 1 for NetworkX; NetworkX's histogram is one run).",
        "Peak memory is the process's peak RSS (hallyu: VmHWM after load and query; Python: ru_maxrss).",
        "The script checks that all answers agree.",
        "",
        f"hallyu commands: `target/release/examples/imdb DIR costars|path … --json --repeat {FAST_REPEAT}`, "
        f"`bacon|components … --repeat {REPEAT}`;",
        f"`centre-all --out FILE{f' --limit {CENTRE_SAMPLE}' if CENTRE_SAMPLE else ''}`, `top {TOPK}`, `diameter`, `betweenness {EPSILON}` (one run each).",
        "",
    ]
    for size, hub, a, b, ref, results in sections:
        lines += [
            f"## {size}",
            "",
            f"Most-credited person {hub} ({ref['costars']} co-stars); path {a} → {b} ({ref['path']} hops); "
            f"{len(ref['components'])} components, the largest of {ref['components'][0]} people; "
            f"histogram {ref['histogram']}. hallyu's first co-stars query of a run also ranks every "
            f"person's name, once: {fmt_ms(results['hallyu']['costars_first_ms'])} (the table gives the best run).",
            "",
            "| | load + build | peak memory | co-stars | path | distance histogram | components |",
            "|---|---|---|---|---|---|---|",
        ]
        for lib, r in results.items():
            if lib == "networkit":
                lines.append(f"| networkit | {fmt_ms(r['load_ms'])} | {mib(r['peak_kib'])} | | | "
                             f"{fmt_ms(r['histogram_ms'])} | |")
                continue
            lines.append(
                f"| {lib} | {fmt_ms(r['load_ms'])} | {mib(r['peak_kib'])} | {fmt_ms(r['costars_ms'])} | "
                f"{fmt_ms(r['path_ms'])} | {fmt_ms(r['histogram_ms'])} | {fmt_ms(r['components_ms'])} |")
        h, i = results["hallyu"], results["igraph"]
        lines.append(
            f"| hallyu vs igraph | {i['load_ms'] / h['load_ms']:.1f}× | {i['peak_kib'] / h['peak_kib']:.1f}× less | "
            f"{i['costars_ms'] / h['costars_ms']:.1f}× | {i['path_ms'] / h['path_ms']:.1f}× | "
            f"{i['histogram_ms'] / h['histogram_ms']:.1f}× | {i['components_ms'] / h['components_ms']:.1f}× |")
        if "networkit" in results:
            k = results["networkit"]
            lines.append(f"| hallyu vs networkit | | | | | {k['histogram_ms'] / h['histogram_ms']:.1f}× | |")
        lines.append("")
        # Whole-graph analytics.
        n = h["component"]
        lines += [
            f"## {size}: whole-graph analytics",
            "",
            f"On the main component ({n} people). "
            + (f"hallyu's centre of everyone is timed on its first "
               f"{h['centre_sample']} people ({fmt_ms(h['centre_sample_ms'])}) and projected to all {n}; "
               if h["centre_projected"] else
               f"hallyu's centre of everyone is one whole run over all {n} people, every row written to a CSV file "
               "(its best mean distances equal the top-10's, its eccentricities' extremes the diameter and radius); ")
            + "igraph's and NetworKit's are projected as one histogram search × people. "
            f"Top {TOPK}: exact (hallyu: {h['top_complete']} complete searches, {h['top_pruned']} stopped by the bound; "
            f"mean distances {', '.join(f'{m:.4f}' for m in h['top_means'][:3])}, …). "
            f"Diameter {h['diameter']}, radius {h['radius']} (hallyu: {h['diameter_searches']} searches; "
            f"farthest apart {h['diameter_path'][0]} and {h['diameter_path'][-1]}). "
            + (f"Approximate betweenness: ε = {EPSILON}, δ = {DELTA}, c = 0.5 "
               f"({h['betweenness_samples']} sampled paths for hallyu, "
               f"{results['networkit'].get('betweenness_samples')} for NetworKit; "
               f"hallyu's bound on NetworkX-normalised scores {h['betweenness_bound']:.4f}). "
               if "betweenness_ms" in h else f"Approximate betweenness: not run on {size} (medium only). ")
            + 
            "NetworKit works on the person projection (its build is not counted); "
            f"its top-k closeness is Bergamini et al.'s, its diameter exact.",
            "",
            "| | centre of everyone | top-10 centre, exact | diameter, exact | approximate betweenness |",
            "|---|---|---|---|---|",
            f"| hallyu | {fmt_ms(h['centre_all_ms'])}{' (projected)' if h['centre_projected'] else ''} | "
            f"{fmt_ms(h['top_ms'])} | {fmt_ms(h['diameter_ms'])} | "
            f"{opt_ms(h.get('betweenness_ms'))} |",
            f"| igraph | {fmt_ms(i['histogram_ms'] * n)} (projected) | | | |",
        ]
        k = results["networkit"]
        top_nk = opt_ms(k.get("top_ms"), f"did not finish in {NK_TIMEOUT} s")
        lines.append(f"| networkit | {fmt_ms(k['histogram_ms'] * n)} (projected) | {top_nk} | "
                     f"{fmt_ms(k['diameter_ms'])} | {opt_ms(k.get('betweenness_ms'))} |")
        lines.append(f"| hallyu vs networkit | {k['histogram_ms'] * n / h['centre_all_ms']:.1f}× | "
                     f"{ratio(k.get('top_ms'), h['top_ms'], NK_TIMEOUT * 1000)} | "
                     f"{k['diameter_ms'] / h['diameter_ms']:.1f}× | "
                     f"{ratio(k.get('betweenness_ms'), h.get('betweenness_ms'))} |")
        lines.append(f"| hallyu vs igraph | {i['histogram_ms'] * n / h['centre_all_ms']:.1f}× | | | |")
        lines.append("")
        lines.append(
            f"**The floor of the passes** (`centre-floor {FLOOR_PASSES}`): {h['floor_passes']} of the "
            f"{h['floor_of']} passes, spread over the search order, took {fmt_ms(h['floor_sample_ms'])}; sweeps that "
            f"read and write the same memory (every person's lanes and their works' words, as many links) without "
            f"the work took {fmt_ms(h['floor_sweeps_ms'])}. Scaled to the whole run, the passes cannot go below "
            f"about {fmt_ms(h['floor_all_ms'])} on this machine with this layout; the run took "
            f"{h['centre_all_ms'] / h['floor_all_ms']:.1f}× that.")
        lines.append("")
    if xl:
        lines += ["## xl: load and memory", "",
                  "hallyu only (the peers would not fit beside it): load time and peak memory (VmHWM) of "
                  "`components` (load, then one union-find) and `stats` (load, then statistics over every credit); "
                  "each directory's files are read once before, so that they are in the page cache.", "",
                  "| files | people | works | credits | load (components) | peak (components) | load (stats) | peak (stats) |",
                  "|---|---|---|---|---|---|---|---|"]
        for kind, r in xl.items():
            c, st = r["components"], r.get("stats")
            if st:
                lines.append(f"| {kind} | {st['people']} | {st['works']} | {st['credits']} | {fmt_ms(c['load_ms'])} | "
                             f"{mib(c['peak_kib'])} | {fmt_ms(st['load_ms'])} | {mib(st['peak_kib'])} |")
            else:
                lines.append(f"| {kind} | {c['people']} in components | | | {fmt_ms(c['load_ms'])} | "
                             f"{mib(c['peak_kib'])} | | |")
        lines.append("")
    for k in kept:
        lines += [k, ""]
    with open(path, "w") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
