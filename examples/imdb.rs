//! Queries an IMDb-layout dataset (the real IMDb files or a synthetic set
//! from `imdb_gen`).
//!
//! ```text
//! cargo run --release --example imdb -- DIR stats
//! cargo run --release --example imdb -- DIR costars nm0000102
//! cargo run --release --example imdb -- DIR path nm0000102 nm0000138
//! cargo run --release --example imdb -- DIR bacon nm0000102
//! cargo run --release --example imdb -- DIR components
//! cargo run --release --example imdb -- DIR centre-all [--out FILE.csv] [--start N] [--limit N]
//! cargo run --release --example imdb -- DIR top K
//! cargo run --release --example imdb -- DIR centre-floor PASSES
//! cargo run --release --example imdb -- DIR diameter
//! cargo run --release --example imdb -- DIR betweenness EPSILON
//! cargo run --release --example imdb -- DIR rank degree|shared-works|closeness|betweenness K
//! cargo run --release --example imdb -- DIR search "Jon Smiht"
//! cargo run --release --example imdb -- DIR route plain|avoid|in-order|strongest A B
//! cargo run --release --example imdb -- DIR route via|k|as-of A B C|K|YEAR
//! cargo run --release --example imdb -- DIR communities [--seed N] [--out FILE.tsv]
//! cargo run --release --example imdb -- DIR credits --out FILE.tsv
//! ```
//!
//! `centre-floor` runs PASSES of `centre-all`'s passes and then sweeps that
//! move the same memory without the work: the floor of the passes on this
//! machine (for `scripts/bench_imdb.py`).
//!
//! `route` times a path of `docs/paths.md` (for `scripts/bench_paths.py`):
//! `avoid` goes around the plain path's second person, `via` through person
//! `C`, `k` gives the `K` shortest, `as-of` the shortest as of `YEAR`; what
//! a mode needs is found before the timing.
//!
//! Options: `--json` prints one JSON object on stdout; `--repeat N` runs the
//! query N times and reports the fastest and median times. `centre-all`
//! writes one CSV line per person of the main component as passes complete
//! (`position,key,mean,eccentricity,histogram`; appended when `--start` is
//! given, to resume) and stops after `--limit` people. While loading, a
//! progress line is drawn on stderr when stderr is a terminal; at the end,
//! stderr gets the load time and the peak memory (VmHWM). With
//! `HALLYU_MEMORY=1` in the environment, the import also prints the resident
//! memory and the peak of each phase of the load; each phase resets the
//! peak, so the VmHWM printed at the end is then that of the last phase only.
//!
//! Numbers are checked: `--repeat`, `--limit`, `K` and `PASSES` at least 1, `--lanes`
//! 64, 128, 256 or 512, `EPSILON` strictly between 0 and 1; anything else is an
//! error naming the allowed range.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use hallyu::import::{Imdb, Progress};
use hallyu::{Entity, Explorer, Filter, PersonId};
use serde_json::{Value, json};

#[macro_use]
mod common;

fn main() -> ExitCode {
    if std::env::args().skip(1).any(|a| a == "--help" || a == "-h") {
        say!("Times queries on an IMDb-layout dataset, for scripts/bench_imdb.py.\n\n{USAGE}\n");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: imdb DIR (stats | costars ID | path A B | bacon ID | components | \
     centre-all [--out FILE] [--start N] [--limit N] [--lanes 64|128|256|512] | centre-floor PASSES [--lanes N] | top K [--lanes N] | diameter | betweenness EPSILON | \
     rank MEASURE K | search QUERY | route MODE A B [ARG] | communities [--seed N] [--out FILE] | \
     credits --out FILE) [--json] [--repeat N]";

/// `route MODE A B [ARG]`: one path of `docs/paths.md`, timed by `timed`;
/// its length (`lengths` for `k`), and what was avoided or passed through.
fn route(
    ex: &Explorer,
    mode: &str,
    (a, b): (PersonId, PersonId),
    rest: &[String],
    timed: &mut dyn FnMut(&mut dyn FnMut() -> Value) -> Value,
) -> Result<Value, Box<dyn std::error::Error>> {
    use hallyu::query::Avoid;
    let filter = Filter::new();
    let none = Avoid::new();
    let len = |p: Option<hallyu::query::Path<'_>>| json!(p.map(|p| p.len()));
    let mut value = match (mode, rest) {
        ("plain", []) => timed(&mut || len(ex.shortest_path(a, b, &filter))),
        ("avoid", []) => {
            let plain = ex
                .shortest_path(a, b, &filter)
                .ok_or("no path to go around")?;
            let middle = *plain
                .people()
                .get(1)
                .filter(|&&m| m != b)
                .ok_or("a one-hop path")?;
            let avoid = Avoid::new().person(middle);
            let length = timed(&mut || len(ex.shortest_path_avoiding(a, b, &avoid, &filter)));
            json!({"length": length, "avoided": ex.key(middle.into())})
        }
        ("via", [c]) => {
            let c = ex.person(c)?;
            timed(&mut || len(ex.shortest_path_via(a, c, b, &none, &filter)))
        }
        ("k", [k]) => {
            let k: usize = k.parse().map_err(|_| "K is a whole number")?;
            timed(&mut || {
                let paths = ex.k_shortest_paths(a, b, k, &none, &filter);
                json!(paths.iter().map(|p| p.len()).collect::<Vec<_>>())
            })
        }
        ("as-of", [year]) => {
            let then = Filter::new().as_of(year.parse().map_err(|_| "YEAR is a year")?);
            timed(&mut || len(ex.shortest_path(a, b, &then)))
        }
        ("in-order", []) => timed(&mut || len(ex.shortest_path_in_order(a, b, &none, &filter))),
        ("strongest", []) => {
            timed(&mut || json!(ex.strongest_path(a, b, &filter).map(|(p, _)| p.len())))
        }
        _ => return Err(USAGE.into()),
    };
    if !value.is_object() {
        value = json!({"length": value});
    }
    value["mode"] = json!(mode);
    Ok(value)
}

/// A whole number of at least `min`, or an error naming the option and
/// the range.
fn number(what: &str, value: Option<String>, min: usize) -> Result<usize, String> {
    let value = value.ok_or_else(|| format!("{what} needs a value; {USAGE}"))?;
    match value.parse::<usize>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!(
            "{what} must be a whole number of at least {min}, not {value:?}"
        )),
    }
}

/// The searches per pass of the multi-source runs: 64, 128, 256 or 512.
fn lanes_of(value: Option<String>) -> Result<usize, String> {
    match number("--lanes", value.clone(), 1)? {
        n @ (64 | 128 | 256 | 512) => Ok(n),
        _ => Err(format!(
            "--lanes must be 64, 128, 256 or 512, not {:?}",
            value.unwrap_or_default()
        )),
    }
}

/// An error bound strictly between 0 and 1.
fn epsilon_of(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(e) if e > 0.0 && e < 1.0 => Ok(e),
        _ => Err(format!(
            "EPSILON must be a number between 0 and 1 (both excluded), not {value:?}"
        )),
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut json_out = false;
    let mut repeat = 1usize;
    let mut args = Vec::new();
    let (mut out_path, mut start_at, mut limit) = (None::<String>, 0usize, usize::MAX);
    // The library's default unless asked (512; the top runs at most 256).
    let mut lanes = hallyu::query::CentreOptions::new().get_lanes();
    let mut seed = 0u64;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--repeat" => repeat = number("--repeat", it.next(), 1)?,
            "--out" => out_path = Some(it.next().ok_or(USAGE)?),
            "--start" => start_at = number("--start", it.next(), 0)?,
            "--limit" => limit = number("--limit", it.next(), 1)?,
            "--lanes" => lanes = lanes_of(it.next())?,
            "--seed" => seed = number("--seed", it.next(), 0)? as u64,
            _ => args.push(a),
        }
    }
    let (dir, command) = match args.as_slice() {
        [dir, command, ..] => (dir.clone(), command.clone()),
        _ => return Err(USAGE.into()),
    };
    let operands = &args[2..];

    let start = Instant::now();
    let tty = std::io::stderr().is_terminal();
    let mut options = Imdb::new();
    if tty {
        options = options.progress(|p: Progress| {
            let pct = if p.total == 0 {
                100.0
            } else {
                p.read as f64 * 100.0 / p.total as f64
            };
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\rloading… {pct:5.1}% of {} MB", p.total >> 20);
            let _ = err.flush();
        });
    }
    let imported = options.from_dir(&dir)?;
    let load = start.elapsed();
    if tty {
        eprintln!();
    }
    let ex = &imported.explorer;
    let filter = Filter::new();
    let person = |s: &str| -> Result<PersonId, hallyu::Error> { ex.person(s) };

    let mut times = Vec::new();
    let mut timed = |f: &mut dyn FnMut() -> Value| -> Value {
        let mut out = Value::Null;
        for _ in 0..repeat.max(1) {
            let t = Instant::now();
            out = f();
            times.push(t.elapsed());
        }
        out
    };
    let (text, value) = match (command.as_str(), operands) {
        ("stats", []) => {
            let r = &imported.report;
            let busiest = most_credited(ex, &filter);
            let value = json!({
                "people": ex.people().len(),
                "works": ex.works().len(),
                "credits": ex.credits().len(),
                "names_read": r.names,
                "titles_read": r.titles,
                "principals_read": r.principals,
                "skipped_titles": r.skipped_titles,
                "skipped_principals": r.skipped_principals,
                "dangling": r.dangling,
                "duplicates": r.duplicates,
                "bad_rows": r.bad_rows,
                "most_credited": busiest.map(|(p, n)| json!({"key": ex.key(p.into()), "name": ex.name(p.into()), "credits": n})),
            });
            (serde_json::to_string_pretty(&value)?, value)
        }
        ("costars", [id]) => {
            let p = person(id)?;
            let value = timed(&mut || {
                let c = ex.co_appearances(p, &filter);
                let top: Vec<Value> = c
                    .iter()
                    .take(10)
                    .map(|s| json!({"key": ex.key(s.person.into()), "name": ex.name(s.person.into()), "works": s.works.len()}))
                    .collect();
                json!({"person": ex.key(p.into()), "costars": c.len(), "top": top})
            });
            let mut text = format!(
                "{} has {} co-stars; strongest:\n",
                ex.label(p.into()),
                value["costars"]
            );
            for t in value["top"].as_array().into_iter().flatten() {
                text.push_str(&format!(
                    "  {} ({}): {} works\n",
                    t["name"], t["key"], t["works"]
                ));
            }
            (text, value)
        }
        ("path", [a, b]) => {
            let (a, b) = (person(a)?, person(b)?);
            let mut lines = String::new();
            let value = timed(&mut || match ex.shortest_path(a, b, &filter) {
                Some(path) => {
                    lines = path.to_string();
                    let people: Vec<std::borrow::Cow<str>> = path
                        .people()
                        .iter()
                        .map(|&p| ex.key(Entity::Person(p)))
                        .collect();
                    json!({"length": path.len(), "people": people})
                }
                None => {
                    lines = "no path\n".to_string();
                    json!({"length": null})
                }
            });
            (format!("length {}\n{lines}", value["length"]), value)
        }
        ("bacon", [id]) => {
            let p = person(id)?;
            let value = timed(&mut || {
                let counts = ex.distances(p, &filter).histogram().to_vec();
                json!({"person": ex.key(p.into()), "histogram": counts, "reached": counts.iter().sum::<usize>()})
            });
            let mut text = format!("distances from {}:\n", ex.label(p.into()));
            for (d, n) in value["histogram"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                text.push_str(&format!("  {d:>2}: {n}\n"));
            }
            (text, value)
        }
        ("components", []) => {
            let value = timed(&mut || {
                let sizes = ex.components(&filter).sizes();
                let people: usize = sizes.iter().sum();
                json!({"components": sizes.len(), "people": people, "largest": &sizes[..sizes.len().min(10)]})
            });
            let text = format!(
                "{} components over {} people; largest: {}\n",
                value["components"], value["people"], value["largest"]
            );
            (text, value)
        }
        ("centre-all", []) => {
            let mut file = match &out_path {
                Some(p) => Some(std::io::BufWriter::new(
                    std::fs::OpenOptions::new()
                        .create(true)
                        .append(start_at > 0)
                        .write(true)
                        .truncate(start_at == 0)
                        .open(p)?,
                )),
                None => None,
            };
            let value = timed(&mut || {
                let mut written = 0usize;
                let mut best: Option<(f64, PersonId)> = None;
                let options = hallyu::query::CentreOptions::new()
                    .lanes(lanes)
                    .start(start_at)
                    .progress(|p| {
                        if tty {
                            eprint!("\rcentre: {} of {} in {:.1?}", p.done, p.total, p.elapsed);
                        }
                        std::ops::ControlFlow::Continue(())
                    });
                let run = ex.centre_all(options, &filter, |row| {
                    let mean = row.mean_distance().unwrap_or(0.0);
                    if best.is_none_or(|(m, _)| mean < m) {
                        best = Some((mean, row.person));
                    }
                    if let Some(f) = file.as_mut() {
                        let hist: Vec<String> =
                            row.histogram.iter().map(|c| c.to_string()).collect();
                        let _ = writeln!(
                            f,
                            "{},{},{mean:.6},{},{}",
                            row.position,
                            ex.key(row.person.into()),
                            row.eccentricity(),
                            hist.join(" ")
                        );
                    }
                    written += 1;
                    if written >= limit {
                        std::ops::ControlFlow::Break(())
                    } else {
                        std::ops::ControlFlow::Continue(())
                    }
                });
                json!({"component": run.component_size, "start": run.start, "next": run.next,
                       "written": written, "stopped": run.stopped,
                       "best": best.map(|(m, p)| json!({"key": ex.key(p.into()), "mean": m}))})
            });
            if let Some(f) = file.as_mut() {
                f.flush()?;
            }
            let text = format!(
                "{} of {} people written (next {}); best mean {}\n",
                value["written"], value["component"], value["next"], value["best"]
            );
            (text, value)
        }
        ("top", [k]) => {
            let k = number("K", Some(k.clone()), 1)?;
            let mut text = String::new();
            let value = timed(&mut || {
                let top =
                    ex.centre_top(k, hallyu::query::CentreOptions::new().lanes(lanes), &filter);
                text = top.to_string();
                let entries: Vec<Value> = top
                    .entries()
                    .iter()
                    .map(|c| json!({"key": ex.key(c.person.into()), "mean": c.mean_distance, "eccentricity": c.eccentricity}))
                    .collect();
                json!({"exact": top.is_exact(), "top": entries, "complete": top.complete_searches(),
                       "pruned": top.pruned_searches(), "samples": top.samples(), "component": top.component_size()})
            });
            (text, value)
        }
        ("centre-floor", [passes]) => {
            let passes = number("PASSES", Some(passes.clone()), 1)?;
            let value = timed(&mut || {
                let options = hallyu::query::CentreOptions::new().lanes(lanes);
                let f = ex.centre_floor(options, &filter, passes);
                json!({"passes": f.passes, "of_passes": f.of_passes, "links_read": f.links_read,
                       "passes_ms": f.passes_time.as_secs_f64() * 1e3, "floor_ms": f.floor().as_secs_f64() * 1e3,
                       "sweeps_ms": f.sweeps_time.as_secs_f64() * 1e3, "links_swept": f.links_swept})
            });
            let text = format!(
                "{} of {} passes in {:.0} ms ({} links read); the same traffic without the work: {:.0} ms\n",
                value["passes"],
                value["of_passes"],
                value["passes_ms"].as_f64().unwrap_or(0.0),
                value["links_read"],
                value["floor_ms"].as_f64().unwrap_or(0.0)
            );
            (text, value)
        }
        ("diameter", []) => {
            let mut text = String::new();
            let value = timed(&mut || {
                let d = ex.diameter(&filter);
                text = d.to_string();
                let people: Vec<std::borrow::Cow<str>> = d
                    .path()
                    .map(|p| {
                        p.people()
                            .iter()
                            .map(|&q| ex.key(Entity::Person(q)))
                            .collect()
                    })
                    .unwrap_or_default();
                json!({"diameter": d.diameter(), "radius": d.radius(), "searches": d.searches(),
                       "path": people, "centre": d.centre().map(|c| ex.key(c.into())), "component": d.component_size()})
            });
            (text, value)
        }
        ("route", [mode, a, b, rest @ ..]) => {
            let (a, b) = (person(a)?, person(b)?);
            let value = route(ex, mode, (a, b), rest, &mut timed)?;
            (format!("{value}\n"), value)
        }
        ("search", [query]) => {
            // The first search builds the name index: timed (and its memory
            // measured) on its own, before the repeated queries.
            let (rss, peak) = (memory_kib("VmRSS:"), peak_memory_kib());
            let t = Instant::now();
            let first = ex.search(query).next().map(|m| m.value);
            let index_ms = ms(t.elapsed());
            let index_kib = memory_kib("VmRSS:")
                .zip(rss)
                .map(|(after, before)| after.saturating_sub(before));
            let index_peak_kib = peak_memory_kib()
                .zip(peak)
                .map(|(after, before)| after.saturating_sub(before));
            let value = timed(&mut || {
                let found: Vec<Value> = ex
                    .search(query)
                    .take(5)
                    .map(|m| json!({"key": ex.key(m.value), "name": ex.name(m.value), "how": m.how.to_string(), "score": m.score}))
                    .collect();
                json!({"query": query, "matches": found, "people": ex.people().len(), "works": ex.works().len()})
            });
            let mut value = value;
            value["index_ms"] = json!(index_ms);
            value["index_kib"] = json!(index_kib);
            value["index_peak_kib"] = json!(index_peak_kib);
            value["first"] = json!(first.map(|e| ex.key(e)));
            let mut text =
                format!("name index built in {index_ms:.0} ms; best matches for {query:?}:\n");
            for m in value["matches"].as_array().into_iter().flatten() {
                text.push_str(&format!("  {} ({}): {}\n", m["name"], m["key"], m["how"]));
            }
            (text, value)
        }
        ("betweenness", [eps]) => {
            let eps = epsilon_of(eps)?;
            let value = timed(&mut || {
                let b = ex.approximate_betweenness(
                    hallyu::query::BetweennessOptions::new().epsilon(eps),
                    &filter,
                );
                let top: Vec<Value> = b
                    .ranked()
                    .iter()
                    .take(10)
                    .map(|&(p, s)| json!({"key": ex.key(p.into()), "betweenness": s}))
                    .collect();
                json!({"samples": b.samples(), "error_bound": b.error_bound(), "top": top})
            });
            let text = format!(
                "{} samples, error bound {}; top: {}\n",
                value["samples"], value["error_bound"], value["top"]
            );
            (text, value)
        }
        ("rank", [by, k]) => {
            let by: hallyu::query::Measure = by.parse()?;
            let k = number("K", Some(k.clone()), 1)?;
            let options = hallyu::query::answer::RankOptions::new().limit(k);
            let mut text = String::new();
            let mut failed = None;
            let value = timed(&mut || match hallyu::query::answer::Rank::of(
                ex, &filter, by, &options,
            ) {
                Ok(rank) => {
                    text = rank.to_string();
                    serde_json::to_value(&rank).expect("an answer serialises")
                }
                Err(e) => {
                    failed = Some(e);
                    Value::Null
                }
            });
            if let Some(e) = failed {
                return Err(e.into());
            }
            (text, value)
        }
        ("credits", []) => {
            // The person–work edge list under the filter, one line a
            // credit (person key, work key), for scripts that build the
            // projection themselves (scripts/bench_communities.py).
            let path = out_path.as_ref().ok_or("credits needs --out FILE")?;
            let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
            let mut lines = 0usize;
            for p in ex.people() {
                for (work, _) in ex.works_of(p, &filter) {
                    writeln!(w, "{}\t{}", ex.key(p.into()), ex.key(work.into()))?;
                    lines += 1;
                }
            }
            w.flush()?;
            let value = json!({"credits": lines});
            (format!("{lines} credits\n"), value)
        }
        ("communities", []) => {
            // Memory: the resident set after the load, and the peak of the
            // communities alone (VmHWM reset first, where the kernel allows).
            let rss = memory_kib("VmRSS:");
            let _ = std::fs::write("/proc/self/clear_refs", "5");
            let options = hallyu::query::CommunityOptions::new().seed(seed);
            let mut found = None;
            let value = timed(&mut || {
                let p = ex
                    .communities(&options, &filter)
                    .expect("the default resolution is valid");
                let value = json!({"communities": p.len(), "modularity": p.modularity(),
                                   "largest": p.members(0).len(),
                                   "people": (0..p.len()).map(|c| p.members(c).len()).sum::<usize>()});
                found = Some(p);
                value
            });
            let mut value = value;
            value["graph_kib"] = json!(rss);
            value["communities_peak_kib"] = json!(peak_memory_kib());
            if let (Some(path), Some(p)) = (&out_path, &found) {
                // One line a person: key, community (largest first from 0).
                let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
                for c in 0..p.len() {
                    for &q in p.members(c) {
                        writeln!(w, "{}\t{c}", ex.key(q.into()))?;
                    }
                }
                w.flush()?;
            }
            let text = format!(
                "{} communities, modularity {:.4}, the largest {} people\n",
                value["communities"], value["modularity"], value["largest"]
            );
            (text, value)
        }
        _ => return Err(USAGE.into()),
    };
    let first = times.first().copied();
    times.sort();
    let peak = peak_memory_kib();
    if json_out {
        let mut value = value;
        if let Value::Object(map) = &mut value {
            map.insert("load_ms".into(), json!(ms(load)));
            if let (Some(best), Some(median)) = (times.first(), times.get(times.len() / 2)) {
                map.insert("query_ms".into(), json!(ms(*best)));
                map.insert("query_median_ms".into(), json!(ms(*median)));
            }
            if let Some(first) = first {
                // The first run pays for what an explorer builds once
                // (for co-stars, the rank of every name).
                map.insert("first_query_ms".into(), json!(ms(first)));
            }
            map.insert("peak_kib".into(), json!(peak));
        }
        say!("{value}\n");
    } else {
        say!("{text}");
    }
    eprint!("loaded in {:.2?}", load);
    if let Some(best) = times.first() {
        eprint!("; query {:.3?} (best of {})", best, times.len());
    }
    match peak {
        Some(kib) => eprintln!("; peak memory {:.1} MiB", kib as f64 / 1024.0),
        None => eprintln!(),
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The person with the most credits under the filter (the lowest id among
/// ties), and the count.
fn most_credited(ex: &Explorer, filter: &Filter) -> Option<(PersonId, usize)> {
    ex.people()
        .map(|p| (p, ex.work_count(p, filter)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// The peak resident set size of this process (VmHWM), in KiB.
fn peak_memory_kib() -> Option<u64> {
    memory_kib("VmHWM:")
}

/// One memory figure of /proc/self/status (`VmHWM:`, `VmRSS:`), in KiB.
fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
