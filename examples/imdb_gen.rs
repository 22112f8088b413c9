//! Writes a synthetic dataset in the IMDb layout.
//!
//! ```text
//! cargo run --release --example imdb_gen -- target/imdb/medium medium
//! cargo run --release --example imdb_gen -- /tmp/imdb 50000 10000 --seed 3
//! ```
//!
//! Sizes: `small` (10k names, 2k titles), `medium` (200k, 50k), `large`
//! (2M, 500k), `xl` (14M, 11M, about 90M principals: the real IMDb shape),
//! `xl-quarter` (3.5M, 2.75M), or two numbers (names, titles).

use std::process::ExitCode;
use std::time::Instant;

use hallyu::import::synthetic::Synthetic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: imdb_gen DIR (small|medium|large|xl|xl-quarter|NAMES TITLES) [--seed N]";
    let mut seed = 0u64;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            match it.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => {
                    eprintln!("{usage}");
                    return ExitCode::from(2);
                }
            }
        } else {
            rest.push(a.as_str());
        }
    }
    let spec = match rest.as_slice() {
        [_, "small"] => Synthetic::small(),
        [_, "medium"] => Synthetic::medium(),
        [_, "large"] => Synthetic::large(),
        [_, "xl"] => Synthetic::xl(),
        [_, "xl-quarter"] => Synthetic::xl_quarter(),
        [_, n, t] => match (n.parse(), t.parse()) {
            (Ok(n), Ok(t)) => Synthetic::new(n, t),
            _ => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match spec.seed(seed).write_to(rest[0]) {
        Ok(w) => {
            eprintln!(
                "wrote {} names, {} titles, {} principals to {} in {:.2?}",
                w.names,
                w.titles,
                w.principals,
                rest[0],
                start.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
