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

/// Typed queries with the first answer of `Explorer::search` and the
/// explanation it gives, which names the record found and how it matched,
/// in the order of trust: exact, prefix, substring, romanisation, initials,
/// keyboard, typo.
#[test]
fn first_answer_and_its_explanation() {
    let explorer = Explorer::bundled();
    let table: &[(&str, &str, &str)] = &[
        ("park", "park-bom", "Park Bom (name starts with 'park')"),
        (
            "Seo-joon",
            "park-seo-joon",
            "Park Seo-joon (name contains 'Seo-joon')",
        ),
        ("Park Seo-joon", "park-seo-joon", "Park Seo-joon (name)"),
        ("park seo joon", "park-seo-joon", "Park Seo-joon (name)"),
        ("박서준", "park-seo-joon", "Park Seo-joon (name 박서준)"),
        (
            "박서",
            "park-seo-joon",
            "Park Seo-joon (name 박서준 starts with '박서')",
        ),
        (
            "서준",
            "park-seo-joon",
            "Park Seo-joon (name 박서준 contains '서준')",
        ),
        (
            "Bak Seo-jun",
            "park-seo-joon",
            "Park Seo-joon (Revised Romanization of 박서준)",
        ),
        (
            "Pak Sŏjun",
            "park-seo-joon",
            "Park Seo-joon (McCune–Reischauer of 박서준)",
        ),
        (
            "paksecwun",
            "park-seo-joon",
            "Park Seo-joon (Yale romanisation of 박서준)",
        ),
        (
            "Seo-joon Park",
            "park-seo-joon",
            "Park Seo-joon (Western order)",
        ),
        (
            "ㅂㅅㅈ",
            "park-seo-joon",
            "Park Seo-joon (initial consonants of 박서준)",
        ),
        (
            "qkrtjwns",
            "park-seo-joon",
            "Park Seo-joon (Korean keyboard keys of 박서준)",
        ),
        ("park-seo-joon", "park-seo-joon", "Park Seo-joon (id)"),
        (
            "Park Seo-jon",
            "park-seo-joon",
            "Park Seo-joon (a typo (1 edit))",
        ),
        ("Taehyung", "v", "V (alias Taehyung)"),
        ("Dara", "sandara-park", "Sandara Park (alias Dara)"),
        ("Sandara Park", "sandara-park", "Sandara Park (name)"),
        ("IU", "iu", "IU (name)"),
        ("아이유", "iu", "IU (name 아이유)"),
        ("ㅇㅇㅇ", "iu", "IU (initial consonants of 아이유)"),
        (
            "Choe U-sik",
            "choi-woo-shik",
            "Choi Woo-shik (Revised Romanization of 최우식)",
        ),
        (
            "Choi Woo-sik",
            "choi-woo-shik",
            "Choi Woo-shik (alias Choi Woo-sik)",
        ),
        (
            "chldntlr",
            "choi-woo-shik",
            "Choi Woo-shik (Korean keyboard keys of 최우식)",
        ),
        (
            "Woo-shik Choi",
            "choi-woo-shik",
            "Choi Woo-shik (Western order)",
        ),
        (
            "Song Jung-gi",
            "song-joong-ki",
            "Song Joong-ki (Revised Romanization of 송중기)",
        ),
        (
            "Song Chunggi",
            "song-joong-ki",
            "Song Joong-ki (McCune–Reischauer of 송중기)",
        ),
        ("송중기", "song-joong-ki", "Song Joong-ki (name 송중기)"),
        (
            "Ji Chang-uk",
            "ji-chang-wook",
            "Ji Chang-wook (Revised Romanization of 지창욱)",
        ),
        ("지창욱", "ji-chang-wook", "Ji Chang-wook (name 지창욱)"),
        (
            "Ji Chang-wok",
            "ji-chang-wook",
            "Ji Chang-wook (a typo (1 edit))",
        ),
        ("Park Bo-young", "park-bo-young", "Park Bo-young (name)"),
        (
            "Bo-young",
            "park-bo-young",
            "Park Bo-young (name contains 'Bo-young')",
        ),
        ("Kim Jong-kook", "kim-jong-kook", "Kim Jong-kook (name)"),
        ("Jong-kook", "jongkook", "Jongkook (name)"),
        ("BIGBANG", "bigbang", "BIGBANG (name)"),
        ("bigbang", "bigbang", "BIGBANG (id)"),
        ("Big Bang", "bigbang", "BIGBANG (name)"),
        ("G-Dragon", "g-dragon", "G-Dragon (name)"),
        ("Kwon Ji-yong", "g-dragon", "G-Dragon (alias Kwon Ji-yong)"),
        (
            "Jiyong",
            "g-dragon",
            "G-Dragon (alias Kwon Ji-yong contains 'Jiyong')",
        ),
        ("Parasite", "parasite", "Parasite (name)"),
        (
            "parasit",
            "parasite",
            "Parasite (name starts with 'parasit')",
        ),
        ("기생충", "parasite", "Parasite (name 기생충)"),
    ];
    assert!(table.len() >= 40);
    let mut failures = Vec::new();
    for &(query, key, why) in table {
        let matches = explorer.search(query);
        let got = matches.as_slice().first().map(|m| {
            (
                explorer.key(m.value).into_owned(),
                m.explain(explorer.name(m.value), query),
            )
        });
        if got.as_ref().map(|(k, w)| (k.as_str(), w.as_str())) != Some((key, why)) {
            failures.push(format!("{query:?}: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `park` lists real Parks first, as prefixes (none a typo, none found
/// only through an alias ahead of them); `Seo-joon` answers Park Seo-joon.
#[test]
fn park_and_seo_joon() {
    let explorer = Explorer::bundled();
    let park = explorer.search("park");
    let all = park.as_slice();
    let own: Vec<_> = all.iter().take_while(|m| !m.via_alias).collect();
    assert!(own.len() >= 5, "{all:?}");
    for m in &own {
        assert_eq!(m.how, hallyu::search::MatchKind::Prefix, "{m}");
        assert!(explorer.name(m.value).starts_with("Park"), "{m}");
    }
    assert!(
        all.iter()
            .all(|m| !m.how.is_typo() || !explorer.name(m.value).starts_with("Park "))
    );
    let first = explorer.search("Seo-joon").as_slice()[0];
    assert_eq!(explorer.key(first.value), "park-seo-joon");
    assert_eq!(first.how, hallyu::search::MatchKind::Substring);
}
