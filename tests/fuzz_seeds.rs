//! Replays the fuzzers' seed inputs and every crash they found (kept under
//! `fuzz/seeds/`) through the same checks as the fuzz targets, so that
//! `cargo test` guards them without a nightly toolchain.

use std::path::Path;

use hallyu::{Catalog, Explorer};

#[path = "../fuzz/common/csv.rs"]
mod csv;
#[path = "../fuzz/common/dot.rs"]
mod dot;
#[path = "../fuzz/common/gexf.rs"]
mod gexf;
#[path = "../fuzz/common/graphml.rs"]
mod graphml;
#[cfg(feature = "serve")]
#[path = "../fuzz/common/http.rs"]
mod http;
#[path = "../fuzz/common/imdb_row.rs"]
mod imdb_row;
#[cfg(feature = "serde")]
#[path = "../fuzz/common/json.rs"]
mod json;
#[path = "../fuzz/common/reader.rs"]
mod reader;
#[path = "../fuzz/common/search.rs"]
mod search;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    out
}

#[test]
fn catalog_seeds() {
    for (name, data) in inputs("catalog") {
        if let Ok(text) = std::str::from_utf8(&data)
            && let Err(err) = Catalog::from_str(&name, text)
        {
            for e in err.iter() {
                assert!(e.location().is_some(), "{name}: unlocated error: {e}");
            }
        }
    }
}

#[test]
fn lookup_seeds() {
    let explorer = Explorer::bundled();
    for (name, data) in inputs("lookup") {
        let text = String::from_utf8_lossy(&data);
        match explorer.lookup(&text) {
            Ok(entity) => assert!(!explorer.key(entity).is_empty()),
            Err(e) => assert!(e.is_not_found() || e.is_ambiguous(), "{name}: {e}"),
        }
        let _ = explorer.person(&text);
        let _ = explorer.work(&text);
    }
}

#[test]
fn dot_seeds() {
    for (_, data) in inputs("dot") {
        dot::check(&data);
    }
}

#[test]
fn imdb_row_seeds() {
    let dir = std::env::temp_dir().join(format!("hallyu-seeds-imdb-{}", std::process::id()));
    for (name, data) in inputs("imdb_row") {
        eprintln!("{name}");
        imdb_row::check(&dir, &data);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_seeds() {
    let dir = std::env::temp_dir().join(format!("hallyu-seeds-csv-{}", std::process::id()));
    for (name, data) in inputs("csv") {
        eprintln!("{name}");
        csv::check(&dir, &data);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(feature = "serde")]
#[test]
fn json_seeds() {
    for (name, data) in inputs("json") {
        eprintln!("{name}");
        json::check(&data);
    }
}

#[test]
fn graphml_seeds() {
    for (name, data) in inputs("graphml") {
        eprintln!("{name}");
        graphml::check(&data);
    }
}

#[test]
fn gexf_seeds() {
    for (name, data) in inputs("gexf") {
        eprintln!("{name}");
        gexf::check(&data);
    }
}

#[test]
fn search_seeds() {
    let explorer = Explorer::bundled();
    for (name, data) in inputs("search") {
        eprintln!("{name}");
        search::check(&explorer, &data);
    }
}

#[cfg(feature = "serve")]
#[test]
fn http_seeds() {
    for (name, data) in inputs("http") {
        eprintln!("{name}");
        http::check(&data);
    }
}
