//! What the `csv`, `json`, `graphml` and `gexf` fuzz targets check on every input,
//! shared with the seed replay in `tests/fuzz_seeds.rs` (both include this
//! file with `#[path]`, next to the target's own check).
//!
//! * An error is one located error: a file among the inputs, a 1-based line
//!   within the input (at most one past its last line), a 1-based column no
//!   further than one past the end of that line (in characters), and a
//!   `Display` that is one line starting with `file:line:column`.
//! * A load is consistent: the report counts what the explorer holds,
//!   every person and work whose key has no white space around it is
//!   found again by that key (or a record of another kind has that key), and the usual
//!   questions (co-appearances, distances, a neighbourhood, components,
//!   a search by name) answer without a panic.

#![allow(dead_code)]

use hallyu::import::Loaded;
use hallyu::query::NeighbourhoodOptions;
use hallyu::{Entity, ErrorKind, Filter};

/// Checks an error of a reader given `inputs` (each a file name as the
/// reader prints it and the bytes it read).
pub fn check_error(e: &hallyu::Error, inputs: &[(&str, &[u8])]) {
    assert!(
        !matches!(e.kind(), ErrorKind::Many(_)),
        "a reader of this format reports one error: {e}"
    );
    let loc = e
        .location()
        .unwrap_or_else(|| panic!("unlocated error: {e}"));
    let text = e.to_string();
    assert!(
        text.starts_with(&format!("{loc}: ")),
        "the message does not start with its location: {text:?}"
    );
    assert!(
        !text.contains(['\n', '\r']),
        "a message of more than one line: {text:?}"
    );
    assert!(loc.line >= 1 && loc.column >= 1, "{e}");
    let (_, bytes) = inputs
        .iter()
        .find(|(name, _)| loc.file == *name)
        .unwrap_or_else(|| panic!("error in no input file: {e}"));
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    assert!(
        loc.line <= lines.len(),
        "line past the end of the input ({} lines): {e}",
        lines.len()
    );
    let chars = String::from_utf8_lossy(lines[loc.line - 1]).chars().count();
    assert!(
        loc.column <= chars + 1,
        "column past the end of line {} ({chars} characters): {e}",
        loc.line
    );
}

/// Checks a reader's result on a load.
pub fn check_loaded(loaded: &Loaded) {
    let r = &loaded.report;
    let ex = &loaded.explorer;
    assert_eq!(ex.people().len(), r.people, "{r:?}");
    assert_eq!(ex.works().len(), r.works, "{r:?}");
    assert_eq!(ex.credits().len(), r.credits, "{r:?}");
    assert!(r.generic_roles <= r.credits, "{r:?}");
    assert!(r.generic_kinds <= r.works, "{r:?}");
    // `by_key` trims what it is given, so a key with white space around it
    // (which these readers keep as written) is not looked up; and a CSV
    // edge list may give a person and a work one key (their ids are derived
    // apart), where `by_key` answers the person.
    for p in ex.people() {
        let key = ex.key(p.into());
        if key.trim() == key {
            found(ex, &key, Entity::Person(p));
        }
        let _ = ex.name(p.into());
    }
    for w in ex.works() {
        let key = ex.key(w.into());
        if key.trim() == key {
            found(ex, &key, Entity::Work(w));
        }
    }
    let f = Filter::new();
    if let Some(p) = ex.people().next() {
        let _ = ex.co_appearances(p, &f);
        let _ = ex.distances(p, &f);
        let _ = ex.neighbourhood(p, &NeighbourhoodOptions::new(), &f);
        let name = ex.name(p.into()).to_string();
        let _ = ex.search(&name).count();
        let _ = ex.person(&name);
    }
    let sizes = ex.components(&f).sizes();
    assert!(sizes.iter().sum::<usize>() <= r.people);
}

/// `by_key(key)` is `e`, or another record of the same key and another kind.
fn found(ex: &hallyu::Explorer, key: &str, e: Entity) {
    match ex.by_key(key) {
        Some(got) if got == e => {}
        Some(got) if got.kind() != e.kind() && ex.key(got) == key => {}
        got => panic!("{e:?} with key {key:?} looked up as {got:?}"),
    }
}
