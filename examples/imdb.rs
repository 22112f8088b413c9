//! Times queries on an IMDb-layout dataset (the real IMDb files or a
//! synthetic set from `imdb_gen`), for `scripts/bench_imdb.py`. To explore
//! such a set, use the tool: `hallyu --data DIR costars nm0000102`.
//!
//! ```text
//! cargo run --release --example imdb -- DIR stats
//! cargo run --release --example imdb -- DIR costars nm0000102 --json --repeat 5
//! cargo run --release --example imdb -- DIR path nm0000102 nm0000138
//! cargo run --release --example imdb -- DIR bacon nm0000102
//! cargo run --release --example imdb -- DIR components
//! ```

use std::process::ExitCode;
use std::time::{Duration, Instant};

use hallyu::import::Imdb;
use hallyu::{Entity, Filter};
use serde_json::{Value, json};

/// Prints to stdout; a closed pipe (`| head`) or a full disk ends the
/// program quietly instead of panicking as `println!` does.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if write!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0)
        }
    }};
}

const HELP: &str = "\
Time queries on an IMDb-layout dataset.

Usage: imdb DIR COMMAND [--json] [--repeat N]

Commands:
  stats             counts of what was read, kept and skipped
  costars ID        the number of co-stars and the ten strongest
  path A B          the length of a shortest path, and the path
  bacon ID          the distance histogram
  components        the number of components and the ten largest sizes

Options:
  --json            one JSON object on stdout, with load_ms, query_ms,
                    query_median_ms and peak_kib (VmHWM)
  --repeat N        run the query N times; report the fastest and the median
  -h, --help        print this help";

fn main() -> ExitCode {
    let (words, json_out, repeat) = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(&words, json_out, repeat) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            let lookup = e
                .downcast_ref::<hallyu::Error>()
                .is_some_and(|e| e.is_not_found());
            ExitCode::from(if lookup || e.is::<lexopt::Error>() {
                2
            } else {
                1
            })
        }
    }
}

fn parse_args() -> Result<(Vec<String>, bool, usize), lexopt::Error> {
    use lexopt::prelude::*;
    let (mut words, mut json, mut repeat) = (Vec::new(), false, 1);
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("repeat") => repeat = parser.value()?.parse::<usize>()?.max(1),
            Short('h') | Long("help") => {
                say!("{HELP}\n");
                std::process::exit(0);
            }
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok((words, json, repeat))
}

fn run(words: &[String], json_out: bool, repeat: usize) -> Result<(), Box<dyn std::error::Error>> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let Some((dir, command)) = words.split_first() else {
        return Err(lexopt::Error::from("expected DIR and a COMMAND").into());
    };
    let start = Instant::now();
    let imported = Imdb::new().from_dir(dir)?;
    let load = start.elapsed();
    let (ex, filter) = (&imported.explorer, Filter::new());
    let key = |p: hallyu::PersonId| ex.key(Entity::Person(p)).to_string();

    let mut times = Vec::new();
    let mut timed = |f: &mut dyn FnMut() -> Value| {
        let mut out = Value::Null;
        for _ in 0..repeat {
            let t = Instant::now();
            out = f();
            times.push(t.elapsed());
        }
        out
    };
    let value = match command {
        ["stats"] => {
            let r = &imported.report;
            json!({ "people": ex.people().len(), "works": ex.works().len(), "credits": ex.credits().len(),
                    "names_read": r.names, "titles_read": r.titles, "principals_read": r.principals,
                    "skipped_titles": r.skipped_titles, "skipped_principals": r.skipped_principals,
                    "dangling": r.dangling, "duplicates": r.duplicates, "bad_rows": r.bad_rows })
        }
        ["costars", id] => {
            let p = ex.person(id)?;
            timed(&mut || {
                let c = ex.co_appearances(p, &filter);
                let top: Vec<Value> = c
                    .iter()
                    .take(10)
                    .map(|s| json!({ "key": key(s.person), "works": s.works.len() }))
                    .collect();
                json!({ "person": key(p), "costars": c.len(), "top": top })
            })
        }
        ["path", a, b] => {
            let (a, b) = (ex.person(a)?, ex.person(b)?);
            timed(&mut || match ex.shortest_path(a, b, &filter) {
                Some(path) => {
                    json!({ "length": path.len(), "people": path.people().into_iter().map(key).collect::<Vec<_>>(),
                                      "text": path.to_string() })
                }
                None => json!({ "length": null, "people": [] }),
            })
        }
        ["bacon", id] => {
            let p = ex.person(id)?;
            timed(
                &mut || json!({ "person": key(p), "histogram": ex.distances(p, &filter).histogram() }),
            )
        }
        ["components"] => timed(&mut || {
            let sizes = ex.components(&filter).sizes();
            json!({ "components": sizes.len(), "largest": &sizes[..sizes.len().min(10)] })
        }),
        _ => {
            return Err(
                lexopt::Error::from(format!("unknown command {:?}", command.join(" "))).into(),
            );
        }
    };
    times.sort();
    let peak = peak_memory_kib();
    if json_out {
        let mut value = value;
        if let Value::Object(map) = &mut value {
            map.remove("text");
        }
        value["load_ms"] = json!(ms(load));
        if let (Some(best), Some(median)) = (times.first(), times.get(times.len() / 2)) {
            value["query_ms"] = json!(ms(*best));
            value["query_median_ms"] = json!(ms(*median));
        }
        value["peak_kib"] = json!(peak);
        say!("{value}\n");
    } else {
        match (command.first(), value.get("text")) {
            (Some(&"path"), Some(text)) => say!(
                "length {}\n{}",
                value["length"],
                text.as_str().unwrap_or("")
            ),
            (Some(&"path"), None) => say!("no path\n"),
            _ => say!("{}\n", serde_json::to_string_pretty(&value)?),
        }
    }
    let query = match times.first() {
        Some(best) => format!("; query {best:.3?} (best of {})", times.len()),
        None => String::new(),
    };
    let mib = peak.unwrap_or(0) as f64 / 1024.0;
    eprintln!("loaded in {load:.2?}{query}; peak memory {mib:.1} MiB");
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The peak resident set size of this process (VmHWM), in KiB.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
