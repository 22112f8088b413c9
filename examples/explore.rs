//! A small tour of the query API: name lookup, co-appearances, paths, the
//! record lists and the co-appearance graph. The full command line is the
//! `hallyu` tool (`cargo run --features cli -- --help`); this example
//! shows how few library calls it takes.
//!
//! ```text
//! cargo run --example explore -- path "Park Seo-joon" "Choi Woo-shik"
//! cargo run --example explore -- costars IU
//! cargo run --example explore -- list people
//! cargo run --example explore -- --data my-data/ projection --json
//! ```

use std::process::ExitCode;

use hallyu::{Entity, Explorer, Filter};
use serde_json::json;

#[macro_use]
mod common;

const HELP: &str = "\
Ask the hallyu graph who appeared with whom.

Usage: explore [--data PATH] [--json] COMMAND

Commands:
  path A B          a shortest chain of shared works between two people
  costars NAME      everyone who shares a work with a person, strongest first
  list WHAT         people, groups, works or organisations
  projection        the person co-appearance graph (with --json: nodes and edges)

Options:
  --data PATH       a RON file or directory instead of the bundled dataset
  --json            print JSON (projection only)
  -h, --help        print this help

Exit status: 0 an answer, 1 a data error, 2 a usage error or an unknown name.";

fn main() -> ExitCode {
    let (data, json, words) = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let explorer = match data.map_or_else(|| Ok(Explorer::bundled()), Explorer::from_path) {
        Ok(explorer) => explorer,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match run(&explorer, &words, json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_args() -> Result<(Option<String>, bool, Vec<String>), lexopt::Error> {
    use lexopt::prelude::*;
    let (mut data, mut json, mut words) = (None, false, Vec::new());
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => data = Some(parser.value()?.string()?),
            Long("json") => json = true,
            Short('h') | Long("help") => {
                say!("{HELP}\n");
                std::process::exit(0);
            }
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok((data, json, words))
}

fn run(ex: &Explorer, words: &[&str], json: bool) -> Result<(), Box<dyn std::error::Error>> {
    let filter = Filter::new();
    match words {
        ["path", a, b] => {
            let (a, b) = (ex.person(a)?, ex.person(b)?);
            match ex.shortest_path(a, b, &filter) {
                Some(path) => say!("{} hop(s)\n{path}", path.len()),
                None => say!("No chain of shared works connects them.\n"),
            }
        }
        ["costars", name] => {
            let me = ex.person(name)?;
            say!("{}", ex.co_appearances(me, &filter));
        }
        ["list", what] => {
            let items: Vec<Entity> = match *what {
                "people" => ex.people().map(Entity::Person).collect(),
                "groups" => ex.groups().map(Entity::Group).collect(),
                "works" => ex.works().map(Entity::Work).collect(),
                "organisations" => ex.organisations().map(Entity::Organisation).collect(),
                _ => {
                    return Err(format!(
                        "cannot list {what:?}: people, groups, works or organisations"
                    )
                    .into());
                }
            };
            for e in items {
                say!("{}\t{}\n", ex.key(e), ex.label(e));
            }
        }
        ["projection"] => {
            let projection = ex.projection(&filter);
            let key = |p| ex.key(Entity::Person(p));
            let works =
                |ws: &[hallyu::WorkId]| ws.iter().map(|&w| ex.key(w.into())).collect::<Vec<_>>();
            if json {
                let edges: Vec<_> = projection
                    .edges()
                    .map(|(a, b, ws)| json!([key(a), key(b), works(ws)]))
                    .collect();
                // The projection's nodes: the people with a credit the filter counts.
                let nodes: Vec<_> = projection.graph().node_weights().map(|&p| key(p)).collect();
                say!("{}\n", json!({ "nodes": nodes, "edges": edges }));
            } else {
                for (a, b, ws) in projection.edges() {
                    say!("{}\t{}\t{}\n", key(a), key(b), works(ws).join(","));
                }
            }
        }
        _ => return Err(format!("unknown command {:?}; see --help", words.join(" ")).into()),
    }
    Ok(())
}
