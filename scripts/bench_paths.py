#!/usr/bin/env python3
"""Path modes at scale (docs/paths.md): a plain shortest path, one around a
person, one through a person, the 5 shortest, one as of a year and a
time-respecting one, on a synthetic IMDb set; writes the section
"<size>: paths" of BENCHMARKS.md (every other section is kept as it is).

    python3 scripts/bench_paths.py                       # the large set
    python3 scripts/bench_paths.py --size medium --data target/imdb

Each mode runs in its own process (`target/release/examples/imdb DIR route
MODE A B [ARG] --json --repeat N`): the set is loaded, what the mode needs
is found (the plain path's second person, to go around), then the query is
repeated; the table gives the median and the best. People are taken at even
places of title.principals.tsv (on-screen credits); pairs are kept when a
plain path of at least two hops links them, and the person passed through
is one linked to both. The as-of year is the median release year of the
set's titles. The script checks that the k shortest start with the plain
length and never shrink, that going around or through is never shorter,
and that the time-respecting path is never shorter.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_imdb import ROOT, build_examples, dataset, fmt_ms, hallyu_command  # noqa: E402

ON_SCREEN = {"actor", "actress", "self"}
PAIRS = 3
REPEAT = 9
K = 5


def people(dirpath, n=40):
    """`n` people with an on-screen credit, at even places of the principals
    file."""
    path = os.path.join(dirpath, "title.principals.tsv")
    size = os.path.getsize(path)
    found = []
    with open(path, "rb") as f:
        for i in range(1, n + 1):
            f.seek(size * i // (n + 1))
            f.readline()
            for line in f:
                fields = line.decode("utf-8").split("\t")
                if fields[3] in ON_SCREEN:
                    if fields[2] not in found:
                        found.append(fields[2])
                    break
    return found


def median_year(dirpath):
    years = []
    with open(os.path.join(dirpath, "title.basics.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            y = line.split("\t", 6)[5]
            if y != "\\N":
                years.append(int(y))
    years.sort()
    return years[len(years) // 2]


def route(dirpath, mode, a, b, *rest, repeat=REPEAT):
    return hallyu_command(dirpath, "route", mode, a, b, *rest, repeat=repeat)


def pairs(dirpath, candidates):
    """Up to PAIRS (a, b, via, plain answer) of candidates."""
    chosen = []
    half = len(candidates) // 2
    for i in range(half):
        a, b = candidates[i], candidates[i + half]
        plain = route(dirpath, "plain", a, b, repeat=1)
        if plain["length"] is None or plain["length"] < 2:
            continue
        for c in candidates:
            if c in (a, b):
                continue
            via = route(dirpath, "via", a, b, c, repeat=1)
            if via["length"] is not None:
                chosen.append((a, b, c))
                break
        if len(chosen) == PAIRS:
            break
    return chosen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="large")
    ap.add_argument("--data", default=os.path.join(ROOT, "target", "imdb"))
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    build_examples()
    dirpath = dataset(args.data, args.size)
    year = median_year(dirpath)
    chosen = pairs(dirpath, people(dirpath))
    assert chosen, "no pair of people linked by a path of two hops or more"
    rows = []
    for a, b, c in chosen:
        runs = [
            ("plain", "a shortest path", route(dirpath, "plain", a, b)),
            ("avoid", "around its second person", route(dirpath, "avoid", a, b)),
            ("via", f"through {c}", route(dirpath, "via", a, b, c)),
            ("k", f"the {K} shortest", route(dirpath, "k", a, b, str(K), repeat=5)),
            ("as-of", f"as of {year}", route(dirpath, "as-of", a, b, str(year))),
            ("in-order", "in time order", route(dirpath, "in-order", a, b)),
        ]
        got = {mode: r for mode, _, r in runs}
        plain = got["plain"]["length"]
        ks = got["k"]["length"]
        assert ks and ks[0] == plain and ks == sorted(ks), (a, b, ks)
        for mode in ("avoid", "via", "in-order"):
            n = got[mode]["length"]
            if isinstance(n, dict):
                n = n.get("length")
            assert n is None or n >= plain, (mode, a, b, n, plain)
        for mode, what, r in runs:
            print(f"{a} -> {b}: {mode} {r['length']} in {fmt_ms(r['query_median_ms'])}", file=sys.stderr)
            rows.append((a, b, mode, what, r))
    write(args.out, args.size, rows, year)


def write(path, size, rows, year):
    title = f"{size}: paths"
    load = os.getloadavg()[0]
    lines = [
        f"## {title}",
        "",
        "Written by `python3 scripts/bench_paths.py` (do not edit by hand), on the synthetic "
        f"{size} set, in release, each mode in its own process after the load; the median of 9 runs "
        f"(5 for the k shortest) with the best beside it. The machine is shared: load average {load:.1f} "
        "at the end of the run, so the times are noisy. Modes are defined in docs/paths.md: around = "
        "avoiding the plain path's second person; through = via a person linked to both; as of = the "
        f"median release year of the set's titles ({year}); in time order = each hop's work no older than "
        "the previous hop's. Lengths are hops (null: no path).",
        "",
        "| from | to | mode | length | time (median) | best |",
        "|---|---|---|---|---|---|",
    ]
    for a, b, mode, what, r in rows:
        length = r["length"]
        if isinstance(length, dict):
            length = length.get("length")
        shown = "none" if length is None else ", ".join(map(str, length)) if isinstance(length, list) else length
        lines.append(f"| {a} | {b} | {what} | {shown} | {fmt_ms(r['query_median_ms'])} | {fmt_ms(r['query_ms'])} |")
    lines.append("")
    section = "\n".join(lines)
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        text = "# Benchmarks\n"
    parts = text.rstrip("\n").split("\n## ")
    head, sections = parts[0], ["## " + p for p in parts[1:]]
    titles = [s.split("\n", 1)[0][3:].strip() for s in sections]
    if title in titles:
        sections[titles.index(title)] = section
    elif "Picture quality" in titles:
        sections.insert(titles.index("Picture quality"), section)
    else:
        sections.append(section)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join([head.rstrip("\n")] + [s.rstrip("\n") for s in sections]) + "\n")
    print(section)


if __name__ == "__main__":
    main()
