//! Writes a synthetic dataset in the IMDb layout, to load with
//! `hallyu --data DIR` or time with the `imdb` example.
//!
//! ```text
//! cargo run --release --example imdb_gen -- target/imdb/medium medium
//! cargo run --release --example imdb_gen -- /tmp/imdb 50000 10000 --seed 3
//! cargo run --release --example imdb_gen -- target/imdb/korean medium --akas
//! ```

use std::process::ExitCode;
use std::time::Instant;

use hallyu::import::synthetic::Synthetic;

#[macro_use]
mod common;

const HELP: &str = "\
Write a synthetic dataset in the IMDb layout.

Usage: imdb_gen DIR SIZE [--seed N] [--akas]

SIZE is small (10k names, 2k titles), medium (200k, 50k), large (2M, 500k),
xl (14M, 11M, about 90M principals: the real IMDb shape), xl-quarter (3.5M,
2.75M), or two numbers: NAMES TITLES.

Options:
  --seed N          the random seed [default: 0]
  --akas            also write title.akas.tsv (Korean titles and traps, for
                    hallyu --data DIR --korean)
  -h, --help        print this help";

fn parse_args() -> Result<(String, Synthetic), lexopt::Error> {
    use lexopt::prelude::*;
    let (mut seed, mut words, mut akas) = (0u64, Vec::new(), false);
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("seed") => {
                let value = parser.value()?.string()?;
                seed = value.parse().map_err(|_| {
                    format!(
                        "--seed must be a whole number from 0 to {}, not {value:?}",
                        u64::MAX
                    )
                })?;
            }
            Long("akas") => akas = true,
            Short('h') | Long("help") => {
                say!("{HELP}\n");
                std::process::exit(0);
            }
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let number = |s: &str| match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(lexopt::Error::from(format!(
            "the names and titles must be whole numbers of at least 1, not {s:?}"
        ))),
    };
    let spec = match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [_, "small"] => Synthetic::small(),
        [_, "medium"] => Synthetic::medium(),
        [_, "large"] => Synthetic::large(),
        [_, "xl"] => Synthetic::xl(),
        [_, "xl-quarter"] => Synthetic::xl_quarter(),
        [_, n, t] => Synthetic::new(number(n)?, number(t)?),
        _ => return Err("expected DIR and a SIZE".into()),
    };
    Ok((words.swap_remove(0), spec.seed(seed).akas(akas)))
}

fn main() -> ExitCode {
    let (dir, spec) = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match spec.write_to(&dir) {
        Ok(w) => {
            let (n, t, p) = (w.names, w.titles, w.principals);
            eprintln!(
                "wrote {n} names, {t} titles, {p} principals to {dir} in {:.2?}",
                start.elapsed()
            );
            if w.akas > 0 {
                let (a, k, x) = (w.akas, w.korean, w.traps);
                eprintln!(
                    "and {a} akas rows: {k} Korean titles, {x} foreign ones released in Korea"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
