//! The check behind the `search` fuzz target, shared with the seed replay
//! in `tests/fuzz_seeds.rs` (both include this file with `#[path]`).
//!
//! The input, read as UTF-8 (lossily), is a query over the bundled data:
//!
//! * `Explorer::search` never panics and ranks sanely: at most
//!   `MAX_MATCHES` candidates, each value once, scores between 1 and 100,
//!   never above the base score of how the candidate matched nor more than
//!   11 below it (made from an alias: 8 less, from a Hangul reading: 3
//!   less), best first (scores never rise down the list); every
//!   candidate has a non-empty key, name and explanation, and the clear
//!   winner, when there is one, is the first;
//! * the strict lookups (`lookup`, `person`, `work`) answer, say "not
//!   found", or say "ambiguous" with at least two candidates; a record
//!   found by `lookup` is found by its id or among the search's candidates,
//!   and a person (work) found by `lookup` is what `person` (`work`) finds.

use std::collections::HashSet;

use hallyu::search::MAX_MATCHES;
use hallyu::search::MatchKind;
use hallyu::{Entity, ErrorKind, Explorer};

/// Searches and looks up the text of `data` in `ex` and checks the answers.
pub fn check(ex: &Explorer, data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let matches = ex.search(&query);
    let all = matches.as_slice();
    assert!(all.len() <= MAX_MATCHES, "{} candidates", all.len());
    let mut seen = HashSet::new();
    for (i, m) in all.iter().enumerate() {
        assert!(seen.insert(m.value), "{:?} listed twice", m.value);
        assert!((1..=100).contains(&m.score), "score {}: {m}", m.score);
        let b = MatchKind::score(m.how);
        assert!(
            m.score <= b && m.score + 11 >= b,
            "score {} for {} (base {b})",
            m.score,
            m.how
        );
        if i > 0 {
            assert!(
                all[i - 1].score >= m.score,
                "not best first: {} then {}",
                all[i - 1],
                m
            );
        }
        assert!(!ex.key(m.value).is_empty());
        assert!(!m.key.is_empty(), "empty matched key: {m}");
        assert!(!m.name.is_empty(), "empty matched name: {m}");
        assert!(!m.how.to_string().is_empty());
        assert!(m.to_string().contains(&format!("(score {})", m.score)));
    }
    if let Some(w) = matches.clear_winner() {
        assert_eq!(Some(w), all.first());
    }
    if let Some(first) = all.first() {
        let _ = matches.note(&query, first.value, |e| ex.name(e).to_owned());
        let _ = first.explain(ex.name(first.value), &query);
    }

    match ex.lookup(&query) {
        Ok(e) => {
            assert!(!ex.key(e).is_empty());
            assert!(
                ex.by_key(query.trim()) == Some(e) || all.iter().any(|m| m.value == e),
                "lookup found {} but the search did not list it",
                ex.key(e)
            );
            match e {
                Entity::Person(p) => assert_eq!(ex.person(&query).ok(), Some(p)),
                Entity::Work(w) => assert_eq!(ex.work(&query).ok(), Some(w)),
                _ => {}
            }
        }
        Err(e) => check_lookup_error(&e),
    }
    if let Err(e) = ex.person(&query) {
        check_lookup_error(&e);
    }
    if let Err(e) = ex.work(&query) {
        check_lookup_error(&e);
    }
}

fn check_lookup_error(e: &hallyu::Error) {
    match e.kind() {
        ErrorKind::NotFound { .. } => {}
        ErrorKind::Ambiguous { candidates, .. } => {
            assert!(candidates.len() >= 2, "ambiguous with one candidate: {e}")
        }
        _ => panic!("a lookup failed with neither not found nor ambiguous: {e}"),
    }
}
