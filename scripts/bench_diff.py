#!/usr/bin/env python3
"""Time and peak memory of `hallyu diff` between two synthetic IMDb sets
that differ by known rows; writes the section "## SIZE: diff" of
BENCHMARKS.md (SIZE from --size) and keeps every other section verbatim.

    python3 scripts/bench_diff.py                       # ../imdb-data/large
    python3 scripts/bench_diff.py --old ../imdb-data/xl --size xl
    python3 scripts/bench_diff.py --old target/imdb/medium --size medium

It builds the command in release, writes OLD with `examples/imdb_gen` when
OLD/name.basics.tsv is missing, and writes NEW (default: OLD + "-diff")
from OLD, row by row, with these edits: every 10,000th principal removed;
1,000 new people (keys nm900000000 on, which no generated set uses), each
credited as an actor on two titles; every 20,000th person renamed; every
5,000th title with a year moved a year later. Then it runs
`hallyu --data OLD stats` (one load, for comparison) and
`hallyu diff OLD NEW --from nm0000020 --json` under `/usr/bin/time -v`, and
with --centre N (default 10; 0 for none) also `hallyu --data OLD centre
--top N` and `hallyu diff … --centre N`; it reports the wall time, the peak
resident set and the diff's counts. NEW is written once and kept (delete it by hand: on xl it is
about 5 GB); --keep-new reuses it when it is there.
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys

from benchmarks_md import replace_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEW_PEOPLE = 1000


def edit_tsv(src, dst, edit):
    """Copies the TSV file `src` to `dst`, header as it is, each data row
    (its fields) through `edit(i, fields)`, which returns the rows to
    write; returns `edit`'s counts."""
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        out.write(f.readline())
        for i, line in enumerate(f):
            for row in edit(i, line.rstrip("\n").split("\t")):
                out.write("\t".join(row) + "\n")


def make_new(old, new):
    """Writes NEW from OLD; returns what was edited."""
    os.makedirs(new, exist_ok=True)
    counts = {"principals removed": 0, "principals added": 0, "people added": NEW_PEOPLE,
              "people renamed": 0, "titles moved": 0}
    titles = []

    def principal(i, r):
        if len(titles) < 2 * NEW_PEOPLE and i % 1009 == 0 and r[0] not in titles:
            titles.append(r[0])
        if i % 10000 == 9999:
            counts["principals removed"] += 1
            return []
        return [r]

    edit_tsv(os.path.join(old, "title.principals.tsv"), os.path.join(new, "title.principals.tsv"),
             principal)
    with open(os.path.join(new, "title.principals.tsv"), "a", encoding="utf-8") as out:
        for k in range(NEW_PEOPLE):
            for j, t in enumerate(titles[2 * k:2 * k + 2]):
                out.write(f"{t}\t{90 + j}\tnm9{k:08d}\tactor\t\\N\t\\N\n")
                counts["principals added"] += 1

    def name(i, r):
        if i % 20000 == 19999:
            counts["people renamed"] += 1
            r[1] = r[1] + " II"
        return [r]

    edit_tsv(os.path.join(old, "name.basics.tsv"), os.path.join(new, "name.basics.tsv"), name)
    with open(os.path.join(new, "name.basics.tsv"), "a", encoding="utf-8") as out:
        for k in range(NEW_PEOPLE):
            out.write(f"nm9{k:08d}\tDiff Person {k}\t\\N\t\\N\tactor\t\\N\n")

    def title(i, r):
        if i % 5000 == 4999 and r[5] != "\\N":
            counts["titles moved"] += 1
            r[5] = str(int(r[5]) + 1)
        return [r]

    edit_tsv(os.path.join(old, "title.basics.tsv"), os.path.join(new, "title.basics.tsv"), title)
    return counts


def timed(args):
    """Runs `args` under /usr/bin/time -v: (stdout, wall seconds, CPU
    seconds (user and system), peak MiB)."""
    run = subprocess.run(["/usr/bin/time", "-v"] + args, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{' '.join(args)} failed (status {run.returncode}):\n{run.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", run.stderr).group(1))
              for kind in ("User", "System"))
    return run.stdout, seconds, cpu, peak / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", default=os.path.join(ROOT, "..", "imdb-data", "large"))
    ap.add_argument("--new", default=None)
    ap.add_argument("--size", default="large")
    ap.add_argument("--from", dest="source", default="nm0000020")
    ap.add_argument("--centre", type=int, default=10)
    ap.add_argument("--keep-new", action="store_true",
                    help="reuse NEW when it was written by an earlier run")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    a = ap.parse_args()
    title = f"{a.size}: diff"
    old = os.path.normpath(a.old)
    new = os.path.normpath(a.new or old + "-diff")
    subprocess.run(["cargo", "build", "--release", "--features", "cli", "--bin", "hallyu",
                    "--example", "imdb_gen"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "hallyu")
    if not os.path.exists(os.path.join(old, "name.basics.tsv")):
        gen = os.path.join(ROOT, "target", "release", "examples", "imdb_gen")
        subprocess.run([gen, old, a.size], check=True)
    marker = os.path.join(new, "edits.json")
    if a.keep_new and os.path.exists(marker):
        counts = json.load(open(marker, encoding="utf-8"))
    else:
        counts = make_new(old, new)
        with open(marker, "w", encoding="utf-8") as f:
            json.dump(counts, f)
    _, load_s, load_cpu, load_mib = timed([exe, "--data", old, "stats"])
    out, diff_s, diff_cpu, diff_mib = timed([exe, "diff", old, new, "--from", a.source,
                                             "--top", "5", "--json"])
    rows = [
        f"| one load (`stats`) | {load_s:.1f} s | {load_cpu:.1f} s | {load_mib:.0f} MiB |",
        f"| `diff` (three loads and the diff) | {diff_s:.1f} s | {diff_cpu:.1f} s | "
        f"{diff_mib:.0f} MiB ({diff_mib / load_mib:.2f}× one load) |",
    ]
    if a.centre > 0:
        _, c_s, c_cpu, c_mib = timed([exe, "--data", old, "centre", "--top", str(a.centre)])
        out, dc_s, dc_cpu, dc_mib = timed([exe, "diff", old, new, "--from", a.source, "--centre",
                                           str(a.centre), "--top", "5", "--json"])
        rows += [
            f"| one load and the exact top {a.centre} of the centre (`centre --top "
            f"{a.centre}`) | {c_s:.1f} s | {c_cpu:.1f} s | {c_mib:.0f} MiB |",
            f"| `diff --centre {a.centre}` | {dc_s:.1f} s | {dc_cpu:.1f} s | {dc_mib:.0f} MiB "
            f"({dc_mib / c_mib:.2f}× `centre --top {a.centre}`) |",
        ]
    d = json.loads(out)
    load = os.getloadavg()[0]
    edits = "; ".join(f"{v} {k}" for k, v in counts.items())

    def line(what, r):
        return (f"| {what} | {r['total_added']} | {r['total_removed']} | "
                f"{r.get('total_changed', '')} |")

    dist = d["distances"]
    comp = d["components"]
    centre = d["centre"]
    moves = centre["entered"] + centre["left"] + centre["moved"] if centre else []
    first_move = ""
    if moves:
        m = moves[0]
        show = lambda x, f: "-" if x is None else f(x)
        first_move = (f"{m['person']['id']} {show(m['old_rank'], str)} → "
                      f"{show(m['new_rank'], str)}, mean distance "
                      f"{show(m['old_mean'], lambda v: f'{v:.4f}')} → "
                      f"{show(m['new_mean'], lambda v: f'{v:.4f}')}")
    body = "\n".join([
        f"## {title}",
        "",
        f"Written by `python3 scripts/bench_diff.py` (one run; do not edit by hand), "
        f"release build, {platform.machine()}, 2 cores shared with other work (load average "
        f"{load:.1f} at the end of the run), so times are rough. OLD is "
        f"`{os.path.basename(old)}` (`imdb_gen DIR {a.size}`, {d['old']['people']} people, "
        f"{d['old']['works']} works, {d['old']['credits']} credits kept); NEW is written from "
        f"it by the script, row by row: {edits}. Wall time and peak resident set "
        f"(`/usr/bin/time -v`; the CPU time depends less on the other work) of one load (`hallyu --data OLD stats`) and of "
        f"`hallyu diff OLD NEW --from {a.source} --json`: NEW loaded and summarised (a key "
        f"and a hash of its fields and credits a record; a hash of the co-stars' keys, a "
        f"component label and a distance a person), dropped; OLD loaded and compared with "
        f"the summary (the records whose hashes differ kept in full), dropped; NEW loaded "
        f"again to finish those. Three loads, one held at a time; two breadth-first "
        f"searches, two union-finds."
        + (f" With `--centre {a.centre}` also the exact top {a.centre} of the centre in "
           f"each version, whose own working memory (a compact copy of the main component "
           f"and the searches' state) is the peak, as in `hallyu centre --top {a.centre}` "
           f"alone." if a.centre > 0 else " The centre's top is not compared here "
           f"(`--centre 0`)."),
        "",
        "| run | wall time | CPU time (user + system) | peak memory |",
        "|---|---|---|---|",
        *rows,
        "",
        "What the diff found:",
        "",
        "| records | added | removed | changed |",
        "|---|---|---|---|",
        line("people", d["people"]),
        line("works", d["works"]),
        line("credits", d["credits"]),
        "",
        f"Co-star pairs: {d['pairs']['total_new']} new, {d['pairs']['total_lost']} lost. "
        f"Distances from {a.source}: {dist['total_changed']} people changed (reached "
        f"{dist['reached_old']} → {dist['reached_new']}). Components {comp['old']} → "
        f"{comp['new']}: {comp['total_merged']} merged, {comp['total_split']} split."
        + (f" Top {a.centre} of the centre: {len(centre['entered'])} entered, "
           f"{len(centre['left'])} left, {len(centre['moved'])} moved"
           + (f" (the first: {first_move})" if first_move else "") + "."
           if centre else ""),
    ])
    replace_section(a.out, title, body)
    print(body)


if __name__ == "__main__":
    main()
