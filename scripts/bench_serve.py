#!/usr/bin/env python3
"""Bounded load test of `hallyu::html::serve` on the large synthetic IMDb
set, and its page in headless Chromium; writes the section "## serve: load
test" of BENCHMARKS.md and keeps every other section verbatim.

    python3 scripts/bench_serve.py                     # large, 8 clients x 1,000, 4 slow
    python3 scripts/bench_serve.py --dir target/imdb/medium --size medium --each 200

It builds in release, writes the dataset with `examples/imdb_gen` when
DIR/name.basics.tsv is missing, and runs two ignored tests: `load_on_imdb`
of tests/serve.rs, which loads DIR, starts the server on 127.0.0.1 (port
0), sends a fixed number of requests from concurrent clients to /api/path,
/api/search and /api/graph (real keys and names of the data) while slow
clients send request heads a byte at a time, stops it, and prints a
`LOAD_JSON {...}` line; and `served_page_on_imdb` of tests/browser.rs,
which opens the served page in Chromium and times its first screen, the
search as one types, an expansion and a path (`BROWSER_JSON {...}`). The
script fails, and writes nothing, if any request got an error or the page
failed a check.
"""

import argparse
import json
import os
import platform
import subprocess
import sys

from benchmarks_md import replace_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLE = "serve: load test"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default=os.path.join(ROOT, "target", "imdb", "large"))
    ap.add_argument("--size", default="large", help="imdb_gen SIZE when DIR is missing")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--slow", type=int, default=4, help="slow clients beside the load")
    ap.add_argument("--each", type=int, default=1000, help="requests per client and endpoint")
    ap.add_argument("--threads", type=int, default=2, help="server query threads")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()

    features = ["--release", "--features", "serve"]
    subprocess.run(["cargo", "build", *features, "--example", "imdb_gen"], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(args.dir, "name.basics.tsv")):
        gen = os.path.join(ROOT, "target", "release", "examples", "imdb_gen")
        subprocess.run([gen, args.dir, args.size], cwd=ROOT, check=True)
    test = ["cargo", "test", *features, "--test", "serve"]
    subprocess.run([*test, "--no-run"], cwd=ROOT, check=True)

    env = dict(os.environ, HALLYU_IMDB_DIR=os.path.abspath(args.dir),
               HALLYU_LOAD_CLIENTS=str(args.clients), HALLYU_LOAD_EACH=str(args.each),
               HALLYU_LOAD_THREADS=str(args.threads), HALLYU_LOAD_SLOW=str(args.slow))
    load_before = os.getloadavg()
    run = subprocess.run([*test, "load_on_imdb", "--", "--ignored", "--nocapture", "--exact"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    load_after = os.getloadavg()
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    report = None
    for line in run.stdout.splitlines():
        if line.startswith("LOAD_JSON "):
            report = json.loads(line[len("LOAD_JSON "):])
    if run.returncode != 0 or report is None:
        sys.exit(f"load_on_imdb failed (status {run.returncode}); BENCHMARKS.md unchanged")
    errors = sum(e["errors"] for e in report["endpoints"])
    if errors:
        sys.exit(f"{errors} requests failed; BENCHMARKS.md unchanged")

    browser_test = ["cargo", "test", *features, "--test", "browser"]
    run = subprocess.run([*browser_test, "served_page_on_imdb", "--", "--ignored", "--nocapture",
                          "--exact"], cwd=ROOT, env=env, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    page = None
    for line in run.stdout.splitlines():
        if line.startswith("BROWSER_JSON "):
            page = json.loads(line[len("BROWSER_JSON "):])
    if run.returncode != 0 or page is None:
        sys.exit(f"served_page_on_imdb failed (status {run.returncode}); BENCHMARKS.md unchanged")

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    data = os.path.relpath(os.path.abspath(args.dir), ROOT)
    threads = report["threads"]
    lines = [
        f"## {TITLE}",
        "",
        "Written by `python3 scripts/bench_serve.py` (one run; do not edit by hand).",
        "",
        f"Machine: {os.cpu_count()} CPUs ({cpu_model()}), {mem:.1f} GiB memory, "
        f"{platform.system()} {platform.release()}; shared with other work: load average "
        f"{load_before[0]:.1f} before the run, {load_after[0]:.1f} after it (1 minute).",
        "",
        f"Data: `{data}` (`imdb_gen DIR {args.size}`), {report['people']} people, loaded in "
        f"{report['load_s']:.1f} s, name index built in {report['index_s']:.1f} s before the first request.",
        f"Server: `hallyu::html::serve` on 127.0.0.1 in the process of `load_on_imdb` (tests/serve.rs, "
        f"release build), a thread per connection and {threads} query threads, default limits "
        "(2 s a query, 100 results, 512 connections, 5 s for a request head).",
        f"Clients: {args.clients} threads in the same process, each sending {args.each} requests per "
        "endpoint one after another, one connection per request (HTTP/1.0), the endpoints one after "
        "the other; `/api/path` between 400 real keys (every 997th person, paired first with last), "
        "`/api/search` with 400 real names (every 1009th person), `/api/graph?around=` the 400 keys. "
        f"Beside them, {report['slow']} slow clients each send a request head a byte every 100 ms "
        "(and start again when the server answers 408). The run stops by itself after "
        f"{sum(e['requests'] for e in report['endpoints'])} requests; latency is measured by the "
        "client, from connect to the end of the answer.",
        "",
        "| endpoint | requests | clients | errors | requests/s | p50 | p99 | max |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in report["endpoints"]:
        lines.append(f"| `{e['endpoint']}` | {e['requests']} | {e['clients']} | {e['errors']} | "
                     f"{e['rps']:.0f} | {e['p50_ms']:.1f} ms | {e['p99_ms']:.1f} ms | {e['max_ms']:.1f} ms |")
    chains = [e for e in report["endpoints"] if e["endpoint"] == "/api/path"]
    if chains and chains[0]["no_chain"]:
        lines += ["", f"{chains[0]['no_chain']} of the path answers are \"no chain\" (404, two people "
                  "in different components): answers, not errors."]
    lines += [
        "",
        "The served page in headless Chromium (1400×900, `served_page_on_imdb` in tests/browser.rs, "
        "the same data and a fresh server, no load beside it):",
        "",
        "| what | measured |",
        "|---|---|",
        f"| the page (HTML, scripts and style, no data) | {page['page_bytes']:,} bytes |",
        f"| request to the first view drawn ({page['first_nodes']} records, from `/api/graph`) | "
        f"{page['ready_s']:.2f} s |",
        f"| search as one types (keystroke to the suggestions redrawn, {page['keystrokes']} keystrokes) | "
        f"median {page['search_p50_ms']:.0f} ms, max {page['search_max_ms']:.0f} ms |",
        f"| a pick: the person's neighbourhood fetched, drawn and laid out | {page['expand_ms']:.0f} ms |",
        f"| a path of {page['path_hops']} hops asked, its records fetched, drawn and explained | "
        f"{page['path_ms']:.0f} ms |",
    ]
    body = "\n".join(lines) + "\n"
    replace_section(args.out, TITLE, body)
    print(body)


if __name__ == "__main__":
    main()
