//! Name search over the bundled data, driven by `tests/search_cases.ron`:
//! each query with the person it must find and how, or the candidates it
//! must stay ambiguous between, or the suggestions of a query that finds
//! nobody. Also: the Revised Romanization tables against an independent
//! romaniser (`tests/fixtures/romanization.tsv`, written by
//! `scripts/romanizer_fixture.py`), and no panic on any input.

use hallyu::search::hangul::nfd;
use hallyu::search::romanize::syllable_rr;
use hallyu::{Entity, ErrorKind, Explorer};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    query: String,
    /// Type the query in decomposed form (NFD).
    #[serde(default)]
    nfd: bool,
    /// The key of the person the query finds.
    person: Option<String>,
    /// The key of the record of any kind (work, group, …) the query finds.
    record: Option<String>,
    /// How the best match matched (`MatchKind` as `Debug` prints it).
    how: Option<String>,
    /// The keys the query stays ambiguous between.
    ambiguous: Option<Vec<String>>,
    /// The query finds nobody; these names are suggested.
    not_found: Option<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/search_cases.ron"
    ))
    .expect("tests/search_cases.ron");
    ron::from_str::<Cases>(&text).expect("valid cases").cases
}

#[test]
fn table_of_queries() {
    let explorer = Explorer::bundled();
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let query = if case.nfd {
            nfd(&case.query)
        } else {
            case.query.clone()
        };
        let found = explorer.person(&query);
        let matches = explorer.search(&query);
        let people: Vec<_> = matches
            .as_slice()
            .iter()
            .filter(|m| matches!(m.value, Entity::Person(_)))
            .collect();
        let summary = format!(
            "person: {:?}; search: {:?}",
            found
                .as_ref()
                .map(|&p| explorer.key(p.into()))
                .map_err(|e| e.to_string()),
            people
                .iter()
                .take(4)
                .map(|m| format!("{} {:?} {}", explorer.key(m.value), m.how, m.key))
                .collect::<Vec<_>>()
        );
        let ok = if let Some(key) = &case.person {
            let right = found
                .as_ref()
                .is_ok_and(|&p| explorer.key(p.into()) == key.as_str());
            let how = people.first().map(|m| format!("{:?}", m.how));
            let winner = matches.clear_winner().map(|m| explorer.key(m.value));
            right
                && people
                    .first()
                    .is_some_and(|m| explorer.key(m.value) == key.as_str())
                && winner.as_deref() == Some(key.as_str())
                && case.how.as_ref().is_none_or(|h| how.as_ref() == Some(h))
        } else if let Some(key) = &case.record {
            let right = explorer
                .lookup(&query)
                .is_ok_and(|e| explorer.key(e) == key.as_str());
            let best = matches.as_slice().first();
            right
                && matches
                    .clear_winner()
                    .map(|m| explorer.key(m.value))
                    .as_deref()
                    == Some(key.as_str())
                && case
                    .how
                    .as_ref()
                    .is_none_or(|h| best.map(|m| format!("{:?}", m.how)).as_ref() == Some(h))
        } else if let Some(keys) = &case.ambiguous {
            let listed = match found.as_ref().map_err(|e| e.kind()) {
                Err(ErrorKind::Ambiguous { candidates, .. }) => keys
                    .iter()
                    .all(|k| candidates.iter().any(|c| c.starts_with(&format!("{k} ")))),
                _ => false,
            };
            listed && matches.clear_winner().is_none()
        } else if let Some(names) = &case.not_found {
            match found.as_ref().map_err(|e| e.kind()) {
                Err(ErrorKind::NotFound { suggestions, .. }) => {
                    names.iter().all(|n| suggestions.contains(n))
                        && (!names.is_empty() || suggestions.is_empty())
                }
                _ => false,
            }
        } else {
            false
        };
        let ordered = matches
            .as_slice()
            .windows(2)
            .all(|w| w[0].score >= w[1].score);
        if !ok || !ordered {
            failures.push(format!("{:?} (nfd: {}): {summary}", case.query, case.nfd));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every syllable of the bundled Hangul names, romanised by the python
/// package `korean-romanizer`, against our table, syllable by syllable.
///
/// One deliberate difference: a final ㅎ alone is "t" in our table (its
/// pronunciation [ㄷ] at the end of a syllable, as in 히읗 hieut), where that
/// package writes nothing (렇 "reo").
#[test]
fn revised_romanization_matches_an_independent_romaniser() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/romanization.tsv"
    ))
    .expect("tests/fixtures/romanization.tsv");
    let mut checked = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (syllable, rr) = line.split_once('\t').expect("two columns");
        let c = syllable.chars().next().expect("a syllable");
        let final_h = hallyu::search::hangul::decompose(c).is_some_and(|(_, _, t)| t == 27);
        let expected = if final_h {
            format!("{rr}t")
        } else {
            rr.to_string()
        };
        assert_eq!(syllable_rr(c), Some(expected), "{syllable}");
        checked += 1;
    }
    assert!(checked >= 80, "{checked} syllables");
}

/// Long and hostile queries answer in bounded time.
#[test]
fn ten_megabyte_query() {
    let explorer = Explorer::bundled();
    for unit in ["a", "박", "ㅂ", "\u{1107}", "Park Seo-joon ", "-"] {
        let query = unit.repeat(10 * 1024 * 1024 / unit.len());
        let started = std::time::Instant::now();
        let _ = explorer.search(&query).count();
        let _ = explorer.person(&query);
        assert!(
            started.elapsed().as_secs() < 5,
            "{unit:?}: {:?}",
            started.elapsed()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// No input panics: any string, Hangul-heavy strings, repeated ones.
    #[test]
    fn search_never_panics(s in any::<String>(), h in "[가-힣ㄱ-ㅣ\u{1100}-\u{11ff} a-zA-Z'-]{0,40}", n in 0usize..2000) {
        static EXPLORER: std::sync::LazyLock<Explorer> = std::sync::LazyLock::new(Explorer::bundled);
        let explorer = &*EXPLORER;
        for q in [s.as_str(), h.as_str(), &h.repeat(n), &s.repeat(n.min(300))] {
            let matches: Vec<_> = explorer.search(q).collect();
            // Each record once, best first.
            for (i, m) in matches.iter().enumerate() {
                prop_assert!(matches[..i].iter().all(|o| o.value != m.value));
                prop_assert!(i == 0 || matches[i - 1].score >= m.score);
            }
            // What the strict lookup answers is among the candidates, not as a typo.
            if let Ok(p) = explorer.person(q) {
                prop_assert!(matches.iter().any(|m| m.value == p.into() && !m.how.is_typo()));
            }
            let _ = hallyu::search::romanize::to_hangul(q);
            let _ = hallyu::search::hangul::from_keyboard(q);
            let _ = hallyu::search::normalise(q);
        }
    }
}
