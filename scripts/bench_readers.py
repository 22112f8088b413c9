#!/usr/bin/env python3
"""Peak memory of hallyu's readers: `hallyu --data FILE stats` on the
whole-graph exports of the medium synthetic IMDb set and on hostile shapes;
writes the section "## Readers: peak memory of `hallyu --data FILE stats`"
of BENCHMARKS.md and keeps every other section verbatim.

    python3 scripts/bench_readers.py               # builds in release first
    python3 scripts/bench_readers.py --no-build

It writes the medium set with `examples/imdb_gen` when
target/imdb/medium/name.basics.tsv is missing, exports it with `hallyu
export` (GraphML, GEXF, node-link JSON, one CSV table, the Neo4j
directory), writes the hostile files (a CSV of a million empty columns; one
work with 300,000 people in GraphML, GEXF and JSON, in the fewest bytes each
format allows),
and runs each through `/usr/bin/time -v hallyu --data FILE stats` with
`HALLYU_MEMORY=1`, which prints the resident memory and its peak at each
phase of a load: the peak while the file is read and its records staged,
the resident memory when they are, and the peak while the graph is built.
The "before" column is the peak this section held before the run (so that
a change shows what it did), or at a git revision (`--before-from REV`);
`--rebase` drops it.
"""

import argparse
import os
import re
import subprocess
import sys

from benchmarks_md import replace_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLE = "Readers: peak memory of `hallyu --data FILE stats`"
WORK = os.path.join(ROOT, "target", "readers-bench")
BIN = os.path.join(ROOT, "target", "release", "hallyu")


def previous_peaks(path, rev=None):
    """The `before` cell of each row of the section as it is now (or as it
    was at git revision `rev`), by label: carried as it is when the table
    has a `before` column, else made from its peak and ratio (the ratio of
    the file measured then)."""
    try:
        if rev:
            text = subprocess.run(["git", "show", f"{rev}:BENCHMARKS.md"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout
        else:
            text = open(path, encoding="utf-8").read()
    except (OSError, subprocess.CalledProcessError):
        return {}
    start = text.find(f"## {TITLE}\n")
    if start < 0:
        return {}
    end = text.find("\n## ", start + 1)
    section = text[start:end if end >= 0 else len(text)]
    header = None
    out = {}
    for line in section.splitlines():
        if not line.startswith("| ") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        if "before" in row:
            out[cells[0]] = row["before"]
            continue
        peak = re.match(r"([\d.,]+ MiB)", row.get("peak", ""))
        ratio = re.match(r"([\d.]+×)", row.get("ratio", ""))
        if peak and ratio:
            out[cells[0]] = f"{peak.group(1)} ({ratio.group(1)} of {row.get('size', '?')})"
    return out


def run(cmd, **kw):
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    return os.path.getsize(path)


def measure(path):
    """Peak RSS (MiB), seconds, and the phases HALLYU_MEMORY prints."""
    env = dict(os.environ, HALLYU_MEMORY="1")
    p = subprocess.run(["/usr/bin/time", "-v", BIN, "--data", path, "stats"],
                       env=env, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"hallyu --data {path} stats failed:\n{p.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    phases = {}
    for m in re.finditer(r"memory: (.+?)\s+[\d.]+ s,(?: cpu\s+[\d.]+ s,)? rss\s+(\d+) MiB, peak since last\s+(\d+) MiB",
                         p.stderr):
        phases[m.group(1).strip()] = (int(m.group(2)), int(m.group(3)))
    return peak, secs, phases


def hostile_files():
    """A CSV of a million empty columns; one work with 300,000 people, in
    the fewest bytes each format allows (a node's id and kind, an edge's
    ends): the most records per byte, so the most memory per byte."""
    os.makedirs(WORK, exist_ok=True)
    out = {}
    path = os.path.join(WORK, "empty-columns.csv")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write("person,work,role" + "," * 999_997 + "\n")
            for i in range(30):
                f.write(f"Person {i},Work {i},cast" + "," * 999_997 + "\n")
    out["empty"] = path
    n = 300_000
    path = os.path.join(WORK, "one-work.graphml")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                    '<key id="k" for="node" attr.name="kind" attr.type="string"/>\n'
                    '<graph edgedefault="undirected">\n<node id="w"><data key="k">film</data></node>\n')
            for i in range(n):
                f.write(f'<node id="p{i}"><data key="k">person</data></node>\n')
            for i in range(n):
                f.write(f'<edge source="p{i}" target="w"/>\n')
            f.write("</graph>\n</graphml>\n")
    out["graphml"] = path
    path = os.path.join(WORK, "one-work.gexf")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>\n'
                    '<attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>\n'
                    '<nodes>\n<node id="w"><attvalues><attvalue for="k" value="film"/></attvalues></node>\n')
            for i in range(n):
                f.write(f'<node id="p{i}"><attvalues><attvalue for="k" value="person"/></attvalues></node>\n')
            f.write("</nodes>\n<edges>\n")
            for i in range(n):
                f.write(f'<edge source="p{i}" target="w"/>\n')
            f.write("</edges>\n</graph></gexf>\n")
    out["gexf"] = path
    path = os.path.join(WORK, "one-work.json")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"nodes":[{"id":"w","kind":"film"}')
            for i in range(n):
                f.write(f',{{"id":"p{i}","kind":"person"}}')
            f.write('],"edges":[')
            f.write(",".join(f'{{"source":"p{i}","target":"w"}}' for i in range(n)))
            f.write("]}\n")
    out["json"] = path
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--rebase", action="store_true", help="no `before` column")
    ap.add_argument("--before-from", metavar="REV",
                    help="take `before` from BENCHMARKS.md at this git revision")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    if not args.no_build:
        run(["cargo", "build", "--release", "--features", "cli", "--bin", "hallyu",
             "--example", "imdb_gen"])
    medium = os.path.join(ROOT, "target", "imdb", "medium")
    if not os.path.exists(os.path.join(medium, "name.basics.tsv")):
        run([os.path.join(ROOT, "target", "release", "examples", "imdb_gen"), medium, "medium"])
    os.makedirs(WORK, exist_ok=True)
    exports = {}
    for ext in ("graphml", "gexf", "json", "csv"):
        path = os.path.join(WORK, f"medium.{ext}")
        run([BIN, "--data", medium, "export", "--out", path])
        exports[ext] = path
    neo = os.path.join(WORK, "medium-neo4j")
    run([BIN, "--data", medium, "export", "--format", "neo4j", "--out", neo])
    hostile = hostile_files()
    rows = [
        ("medium: IMDb TSV directory (the importer, for comparison)", medium),
        ("medium: GraphML (`.graphml`)", exports["graphml"]),
        ("medium: GEXF (`.gexf`)", exports["gexf"]),
        ("medium: node-link JSON (`.json`, pretty)", exports["json"]),
        ("medium: one CSV table (`.csv`)", exports["csv"]),
        ("medium: Neo4j directory (11 CSV files)", neo),
        ("hostile: CSV, 31 rows of a million empty columns", hostile["empty"]),
        ("hostile: GraphML, 300000 people on one work", hostile["graphml"]),
        ("hostile: GEXF, 300000 people on one work", hostile["gexf"]),
        ("hostile: JSON, 300000 people on one work", hostile["json"]),
    ]
    before = {} if args.rebase else previous_peaks(args.out, args.before_from)
    source = (f"at commit {args.before_from}, before the readers streamed" if args.before_from
              else "before this run")
    lines = []
    results = {}
    for label, path in rows:
        peak, secs, phases = measure(path)
        size = size_of(path)
        ratio = peak * 2**20 / size
        was_cell = before.get(label, "–")
        staged = phases.get("records staged")
        built = phases.get("explorer ready")
        reading = f"{staged[1]:,} MiB" if staged else "–"
        kept = f"{staged[0]:,} MiB" if staged else "–"
        graph = f"{built[1]:,} MiB / {built[0]:,} MiB" if built else "–"
        lines.append(f"| {label} | {size / 1e6:.1f} MB | {peak:,.0f} MiB | {ratio:.1f}× | {was_cell} "
                     f"| {reading} | {kept} | {graph} | {secs:.1f} s |")
        print(lines[-1], flush=True)
        results[label] = (size, peak, staged, built)
    load = os.getloadavg()
    floor = ""
    json_row = results.get("medium: node-link JSON (`.json`, pretty)")
    csv_row = results.get("medium: one CSV table (`.csv`)")
    star = results.get("hostile: JSON, 300000 people on one work")
    if json_row and csv_row and star and json_row[3] and csv_row[2] and star[2]:
        model = json_row[3][0]
        floor = (f"**The floor is the model, not the reader.** A load from node-link JSON, "
                 f"GraphML or GEXF ends at {model:,} MiB resident for the medium set: the full "
                 f"records (kept as the graph's details, with a position for each credit) and "
                 f"the graph; the readers add nothing measurable above it (*reading* equals "
                 f"*staged*). That is {model * 2**20 / csv_row[0]:.1f}× the one CSV table, so no "
                 f"CSV reader can meet 4× while the model keeps full records; the CSV reader "
                 f"also holds the file's text ({csv_row[2][0] - json_row[2][0]:,} MiB more when "
                 f"staged), parsed one row at a time. The IMDb importer builds the columnar "
                 f"graph without full records, hence its {results[rows[0][0]][1]:,.0f} MiB. "
                 f"On the hostile files (300,000 people and credits, one work) the records "
                 f"take about {star[2][0] * 2**20 / 600_000:,.0f} bytes for each person and "
                 f"each credit whatever the markup: a file that spends fewer than "
                 f"{star[2][0] * 2**20 / 600_000 / 4:,.0f} bytes on each is read at more than "
                 f"4× its size. ")
    body = f"""## {TITLE}

Written by `python3 scripts/bench_readers.py` (one run; do not edit by hand). Release build, `/usr/bin/time -v` (maximum resident set size) of `hallyu --data FILE stats`, on the whole-graph exports of the medium synthetic set (`imdb_gen target/imdb/medium medium`) and on hostile shapes (files in target/readers-bench/). 2 shared cores (load average {load[0]:.1f} at the end of the run), so times are rough. The ratio is peak ÷ file size, both in bytes (the aim: ≤ 4×); *before* is the peak this table held {source} (with the ratio to the file measured then). With `HALLYU_MEMORY=1` the load prints its phases: *reading* is the peak while the file is read and its records staged (the reader and the records it has made so far), *staged* the resident memory when they are, *graph* the peak while the graph is built / the resident memory when the explorer is ready.

| file | size | peak | ratio | before | reading: peak | staged | graph: peak / end | time |
|---|---|---|---|---|---|---|---|---|
""" + "\n".join(lines) + f"""

{floor}The JSON, GraphML and GEXF readers stream (serde_json with a visitor per node and edge; quick-xml event by event from a buffered reader): they never hold the file or a parsed tree of it, and each node and edge becomes records when it is read. Resident memory freed by a reader is not given back to the system, so *staged* includes it.
"""
    replace_section(args.out, TITLE, body)
    print(f"wrote the section to {args.out}")


if __name__ == "__main__":
    main()
