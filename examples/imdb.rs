//! Queries an IMDb-layout dataset (the real IMDb files or a synthetic set
//! from `imdb_gen`).
//!
//! ```text
//! cargo run --release --example imdb -- DIR stats
//! cargo run --release --example imdb -- DIR costars nm0000102
//! cargo run --release --example imdb -- DIR path nm0000102 nm0000138
//! cargo run --release --example imdb -- DIR bacon nm0000102
//! cargo run --release --example imdb -- DIR components
//! ```
//!
//! Options: `--json` prints one JSON object on stdout; `--repeat N` runs the
//! query N times and reports the fastest and median times. While loading, a
//! progress line is drawn on stderr when stderr is a terminal; at the end,
//! stderr gets the load time and the peak memory (VmHWM).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use hallyu::import::{Imdb, Progress};
use hallyu::{Entity, Explorer, Filter, PersonId};
use serde_json::{Value, json};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str =
    "usage: imdb DIR (stats | costars ID | path A B | bacon ID | components) [--json] [--repeat N]";

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut json_out = false;
    let mut repeat = 1usize;
    let mut args = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--repeat" => repeat = it.next().and_then(|n| n.parse().ok()).ok_or(USAGE)?,
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
        _ => return Err(USAGE.into()),
    };
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
            map.insert("peak_kib".into(), json!(peak));
        }
        println!("{value}");
    } else {
        print!("{text}");
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
        .map(|p| (p, ex.works_of(p, filter).len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// The peak resident set size of this process (VmHWM), in KiB.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
