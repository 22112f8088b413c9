#!/usr/bin/env python3
"""Name search at scale: the name index's build time and memory, and the
time of one query of each kind, on the synthetic IMDb sets; writes the
section "name search at scale" of BENCHMARKS.md (every other section is
kept as it is).

    python3 scripts/bench_search.py                 # medium and large
    python3 scripts/bench_search.py --sizes large

Each query runs in its own process (`target/release/examples/imdb DIR
search QUERY --json --repeat 5`): the set is loaded, the first search
builds the name index (timed with that first query; memory is the growth
of the resident set, VmRSS, and of the peak, VmHWM, across it), then the
query is repeated. The script checks that the best match is the person the
query stands for. No peer is timed: none of igraph, NetworkX or NetworKit
searches names.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_imdb import ROOT, build_examples, dataset, fmt_ms, hallyu_command, mib  # noqa: E402

TITLE = "name search at scale"
# (query, what it is, the name the best match must have). Every synthetic
# set holds these names (src/import/synthetic.rs, FIRST × LAST and HANGUL).
QUERIES = [
    ("Seo-joon Park", "exact name", "Seo-joon Park"),
    ("Seo-jon Parc", "typo (2 edits)", "Seo-joon Park"),
    ("Park Seo-joon", "Western order", "Seo-joon Park"),
    ("박지혼", "Hangul typo (1 jamo)", "박지훈"),
    ("Bak Ji-hun", "Revised Romanization of Hangul", "박지훈"),
    ("Pak Chihun", "McCune–Reischauer of Hangul", "박지훈"),
    ("ㅂㅈㅎ", "initial consonants", "박지훈"),
    ("qkrwlgns", "2-set keyboard keys", "박지훈"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="medium,large")
    ap.add_argument("--data", default=os.path.join(ROOT, "target", "imdb"))
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    build_examples()
    rows = []
    for size in args.sizes.split(","):
        dirpath = dataset(args.data, size)
        for query, kind, expected in QUERIES:
            r = hallyu_command(dirpath, "search", query)
            best = r["matches"][0] if r["matches"] else None
            assert best and best["name"] == expected, f"{size}: {query!r} found {best}, not {expected!r}"
            print(f"{size}: {query!r} -> {best['name']} ({best['how']}) in {fmt_ms(r['query_ms'])}; "
                  f"index {fmt_ms(r['index_ms'])}", file=sys.stderr)
            rows.append((size, query, kind, best, r))
    write(args.out, rows)


def write(path, rows):
    lines = [
        f"## {TITLE}",
        "",
        "Written by `python3 scripts/bench_search.py` (one run; do not edit by hand), on the synthetic sets "
        f"(load average {os.getloadavg()[0]:.1f} at the end of the run). The name index is built on the first "
        "search by name: every key, name and alias gets its folded, romanised, initial-consonant, keyboard and "
        "jamo keys (people and titles). Build time includes that first query; its memory is the growth of the resident set (VmRSS) "
        "and of the peak (VmHWM) across the build. Query times are the best of 5 (the median beside it). The "
        "synthetic names repeat (26 given names × 20 surnames, and 20 Hangul names), so every query has "
        "thousands of equally good candidates and returns the first of them by key: a harder case for ranking "
        "than real names. The criterion bench `imdb/<size>/search/typo` (`cargo bench --features bench --bench "
        "imdb`, `HALLYU_BENCH_LARGE=1` for large) times the typo query.",
        "",
        "| set | people | works | index build (median of the runs) | index memory: RSS / peak |",
        "|---|---|---|---|---|",
    ]
    sizes = list(dict.fromkeys(size for size, *_ in rows))
    for size in sizes:
        runs = [r for s, _, _, _, r in rows if s == size]
        builds = sorted(r["index_ms"] for r in runs)
        r = runs[0]
        lines.append(f"| {size} | {r['people']} | {r['works']} | {fmt_ms(builds[len(builds) // 2])} "
                     f"({len(runs)} runs, {fmt_ms(builds[0])} – {fmt_ms(builds[-1])}) | "
                     f"{mib(r['index_kib'])} / {mib(r['index_peak_kib'])} |")
    lines += [
        "",
        "| set | query | kind | best match | how it matched | time (median) |",
        "|---|---|---|---|---|---|",
    ]
    for size, query, kind, best, r in rows:
        lines.append(
            f"| {size} | `{query}` | {kind} | {best['name']} ({best['key']}) | {best['how']} | "
            f"{fmt_ms(r['query_ms'])} ({fmt_ms(r['query_median_ms'])}) |")
    lines.append("")
    section = "\n".join(lines)
    # Replace this section where it stands, or put it before "Picture
    # quality" (or at the end); bench_imdb.py keeps it where it is.
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
