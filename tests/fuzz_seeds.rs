//! Replays the fuzzers' seed inputs and every crash they found (kept under
//! `fuzz/seeds/`) through the same checks as the fuzz targets, so that
//! `cargo test` guards them without a nightly toolchain.

use std::path::Path;

use hallyu::export::{Diagram, NodeKind, dot};
use hallyu::model::{RoleKind, WorkKind};
use hallyu::{Catalog, Explorer};

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
    }
}

#[test]
fn dot_seeds() {
    for (name, data) in inputs("dot") {
        let text = String::from_utf8_lossy(&data);
        let mut parts = text.split('\u{1}');
        let mut diagram = Diagram::new(parts.next().unwrap_or_default());
        for (i, label) in parts.enumerate() {
            let kind = if i % 2 == 0 {
                NodeKind::Person
            } else {
                NodeKind::Work(WorkKind::Drama)
            };
            let n = diagram.add_node(&format!("n{i}-{label}"), kind, label);
            if i > 0 {
                diagram.add_edge(n - 1, n, RoleKind::Lead, label);
            }
        }
        let text = dot::to_dot(&diagram, &dot::DotOptions::new().legend(false));
        assert!(
            graphviz_rust::parse(&text).is_ok(),
            "{name}: DOT does not parse back:\n{text}"
        );
    }
}
