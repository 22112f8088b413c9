#!/usr/bin/env python3
"""The K-universe readers at scale: IMDb's Korean titles only (`--korean`,
which streams title.akas.tsv) beside the plain import of the same files, and
the Wikidata entity-dump reader on a generated dump; writes the section
"## xl: Korean titles and Wikidata" of BENCHMARKS.md (every other section is
kept as it is).

    cargo build --release --features cli --bin hallyu --example imdb_gen --example wikidata_dump
    python3 scripts/bench_kuniverse.py                       # xl, 1M entities
    python3 scripts/bench_kuniverse.py --size large --entities 200000 --runs 1

The synthetic set is written by `imdb_gen DIR SIZE --akas` when DIR holds
no title.akas.tsv yet (its time is reported). Each import is one run of
`hallyu --data DIR [--korean] stats --json` under `/usr/bin/time -v`: wall
time and peak memory (maximum resident set) of the whole command, load and
statistics. The dump is written by `examples/wikidata_dump DIR N` when it is
not there; the example then reads it with `hallyu::import::Dump` and prints
the reader's time and the process's peak memory (VmHWM); memory is also
measured for the dump at a quarter of its size, to show whether it grows
with the file. The script checks that `--korean` keeps exactly the Korean
titles the generator wrote (its count of Korean titles) and no more.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLE = "xl: Korean titles and Wikidata"
RELEASE = os.path.join(ROOT, "target", "release")


def timed(cmd):
    """Runs `cmd` under /usr/bin/time -v: (stdout, stderr, seconds, peak KiB)."""
    out = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", out.stderr).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    return out.stdout, out.stderr, seconds, peak


def generate(data, size):
    """The synthetic set with akas under `data`, written if missing;
    returns (dir, generation seconds or None, the generator's counts)."""
    counts_file = os.path.join(data, "generated.json")
    if not os.path.isfile(os.path.join(data, "title.akas.tsv")):
        start = time.time()
        out = subprocess.run([os.path.join(RELEASE, "examples", "imdb_gen"), data, size, "--akas"],
                             capture_output=True, text=True, check=True)
        took = time.time() - start
        m = re.search(r"wrote (\d+) names, (\d+) titles, (\d+) principals", out.stderr)
        k = re.search(r"and (\d+) akas rows: (\d+) Korean titles, (\d+) foreign", out.stderr)
        counts = {"names": int(m.group(1)), "titles": int(m.group(2)), "principals": int(m.group(3)),
                  "akas": int(k.group(1)), "korean": int(k.group(2)), "traps": int(k.group(3)),
                  "generation_s": took}
        with open(counts_file, "w") as f:
            json.dump(counts, f)
    with open(counts_file) as f:
        return json.load(f)


def import_run(data, korean):
    cmd = [os.path.join(RELEASE, "hallyu"), "--data", data]
    if korean:
        cmd.append("--korean")
    stdout, stderr, seconds, peak = timed([*cmd, "stats", "--json"])
    stats = json.loads(stdout)
    note = next((line for line in stderr.splitlines() if line.startswith("korean:")), None)
    return {"seconds": seconds, "peak_kib": peak, "people": stats["people"], "works": stats["works"],
            "credits": stats["credits"], "note": note}


def dump_run(directory, entities):
    exe = os.path.join(RELEASE, "examples", "wikidata_dump")
    path = os.path.join(directory, "latest-all.json")
    if not os.path.isfile(path):
        subprocess.run([exe, directory, str(entities)], check=True, capture_output=True)
    out = subprocess.run([exe, directory, str(entities)], check=True, capture_output=True, text=True).stdout
    m = re.search(r"(\d+) entities, (\d+) MB: ([\d.]+) s, (\d+) MB/s of dump.*VmHWM:\s+(\d+) kB", out)
    kept = re.search(r"kept (\d+) people, (\d+) groups, (\d+) works, (\d+) credits", out)
    return {"entities": int(m.group(1)), "mb": int(m.group(2)), "seconds": float(m.group(3)),
            "mb_s": int(m.group(4)), "peak_kib": int(m.group(5)),
            "kept": tuple(int(kept.group(i)) for i in range(1, 5))}


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="xl", help="imdb_gen's size (xl: 14M names, 11M titles, ~90M principals)")
    ap.add_argument("--data", default=None, help="the set's directory (default target/imdb/SIZE-akas)")
    ap.add_argument("--entities", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    data = args.data or os.path.join(ROOT, "target", "imdb", f"{args.size}-akas")
    counts = generate(data, args.size)
    sizes = {f: os.path.getsize(os.path.join(data, f)) for f in os.listdir(data) if f.endswith(".tsv")}
    runs = {"plain": [], "korean": []}
    for i in range(args.runs):
        for kind in ("plain", "korean"):
            r = import_run(data, kind == "korean")
            print(f"{kind} run {i + 1}: {r['seconds']:.1f} s, {mib(r['peak_kib'])}", file=sys.stderr)
            runs[kind].append(r)
    korean = runs["korean"][0]
    # The rule keeps the generator's Korean titles and no foreign film
    # released in Korea: the works kept are at most the Korean titles
    # (those without a kept credit are left out), and the note says the
    # generator's count.
    assert f"{counts['korean']} titles selected" in korean["note"], korean["note"]
    assert korean["works"] <= counts["korean"], (korean["works"], counts["korean"])
    dumps = {}
    for n in (args.entities // 4, args.entities):
        d = os.path.join(ROOT, "target", "wikidata", str(n))
        dumps[n] = dump_run(d, n)
        print(f"dump {n}: {dumps[n]}", file=sys.stderr)
    write(args.out, args, counts, sizes, runs, dumps)


def write(path, args, counts, sizes, runs, dumps):
    akas_mb = sizes.get("title.akas.tsv", 0) / 1e6
    total_mb = sum(sizes.values()) / 1e6
    gen = counts.get("generation_s")
    lines = [
        f"## {TITLE}",
        "",
        "Written by `python3 scripts/bench_kuniverse.py` (do not edit by hand); release build, "
        f"{os.cpu_count()} shared CPUs, load average {os.getloadavg()[0]:.1f} at the end of the run: other "
        "work ran beside it, so times are rough.",
        "",
        f"Data: `imdb_gen DIR {args.size} --akas`: {counts['names']} names, {counts['titles']} titles, "
        f"{counts['principals']} principals and {counts['akas']} akas rows ({counts['korean']} Korean titles, "
        f"{counts['traps']} foreign titles released in Korea as traps); {total_mb:.0f} MB of TSV, of which "
        f"title.akas.tsv is {akas_mb:.0f} MB (IMDb's real akas file is about 2.6 GB: this one has the real "
        "shape at about half its rows)"
        + (f"; written in {gen:.0f} s." if gen else "."),
        "",
        "Each row is one run of `hallyu --data DIR [--korean] stats --json` under `/usr/bin/time -v`: the "
        "whole command (load, then statistics over every credit), wall time and peak resident memory. "
        "`--korean` streams title.akas.tsv first and keeps only the Korean titles and the people credited "
        "on them; the plain import reads the same directory whole (it does not open the akas file).",
        "",
        "| import | run | people | works | credits | time | peak |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("plain", "korean"):
        for i, r in enumerate(runs[kind], 1):
            name = "plain" if kind == "plain" else "`--korean`"
            lines.append(f"| {name} | {i} | {r['people']} | {r['works']} | {r['credits']} | "
                         f"{r['seconds']:.1f} s | {mib(r['peak_kib'])} |")
    note = runs["korean"][0]["note"]
    lines += [
        "",
        f"The Korean import's account (stderr): `{note}`.",
        "",
        "Entity dump: `examples/wikidata_dump DIR N` writes a synthetic dump in the `latest-all.json` "
        "shape (one entity per line; about 2% Korean works with cast and performers, 0.5% Korean groups "
        "with parts and membership years, 30% people, the rest unrelated items) and reads it with "
        "`hallyu::import::Dump` (two streaming passes); the time is the reader's, the peak the process's "
        "VmHWM. The dump is never held: memory follows what is kept (the Korean works, groups and the "
        "people they name), which grows with the dump, not the dump's size itself.",
        "",
        "| entities | dump | kept: people, groups, works, credits | time | throughput (dump MB/s) | peak |",
        "|---|---|---|---|---|---|",
    ]
    for n, d in sorted(dumps.items()):
        p, g, w, c = d["kept"]
        lines.append(f"| {d['entities']} | {d['mb']} MB | {p}, {g}, {w}, {c} | {d['seconds']:.2f} s | "
                     f"{d['mb_s']} | {mib(d['peak_kib'])} |")
    lines.append("")
    section = "\n".join(lines)
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        text = "# Benchmarks\n"
    parts = text.rstrip("\n").split("\n## ")
    head, sections = parts[0], ["## " + p for p in parts[1:]]
    titles = [s.split("\n", 1)[0][3:].strip() for s in sections]
    if TITLE in titles:
        sections[titles.index(TITLE)] = section
    elif "Picture quality" in titles:
        sections.insert(titles.index("Picture quality"), section)
    else:
        sections.append(section)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join([head.rstrip("\n")] + [s.rstrip("\n") for s in sections]) + "\n")
    print(section)


if __name__ == "__main__":
    main()
