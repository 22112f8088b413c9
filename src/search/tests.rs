//! The index's own tests (the public behaviour is in tests/search.rs).

use super::*;

/// The full Levenshtein table, to check the banded one against.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn index(names: &[(&str, Tier, u32)]) -> NameIndex<u32> {
    let mut index = NameIndex::new();
    for &(name, tier, value) in names {
        index.insert(name, tier, value);
    }
    index
}

#[test]
fn normalisation() {
    assert_eq!(normalise("ＩＵ"), "iu");
    assert_eq!(normalise("Ｐａｒｋ　Ｓｅｏ－ｊｏｏｎ"), "parkseojoon");
    assert_eq!(normalise(&hangul::nfd("박서준")), "박서준");
    assert_eq!(normalise("ㅂ ㅅ ㅈ"), "ㅂㅅㅈ");
    // Lone conjoining jamo become compatibility jamo.
    assert_eq!(normalise("\u{1107}\u{1109}\u{110c}"), "ㅂㅅㅈ");
    assert_eq!(normalise("Beyoncé"), "beyoncé");
    assert_eq!(normalise("Beyonce\u{301}"), "beyoncé");
    assert_ne!(normalise("Zoë"), normalise("Zoe"));
    assert_eq!(normalise("So\u{306}jun"), "sojun");
    assert_eq!(normalise("Sŏ Ŭn-sŏk"), "sounsok");
    assert_eq!(normalise("ガ"), "ガ");
    assert_eq!(normalise("-'-"), "");
}

/// A Latin-only name, as IMDb has them (Western order), is found by
/// other romanisations and by Hangul through its guessed reading.
#[test]
fn latin_only_names() {
    let index = index(&[
        ("Seo-joon Park", Tier::Name, 1),
        ("Joon Park", Tier::Name, 2),
    ]);
    for q in ["Park Seo-joon", "Bak Seo-jun", "박서준", "Pak Sojun"] {
        assert_eq!(index.find(q, |_| true), [1], "{q}");
    }
    let m = index.search("박서준", |_| true).next().unwrap();
    assert_eq!((m.how, m.key), (MatchKind::Transliteration, "박서준"));
}

#[test]
fn ids_only_as_typed_and_classes() {
    let index = index(&[
        ("lee-min-ho", Tier::Key, 1),
        ("Lee Min-ho", Tier::Name, 1),
        ("lee-min-ho-1993", Tier::Key, 2),
        ("Lee Min-ho", Tier::Name, 2),
    ]);
    assert_eq!(index.find("Lee Min-ho", |_| true), [1, 2]);
    assert_eq!(index.find(" lee-min-ho ", |_| true), [1]);
    assert_eq!(index.find("leeminho1993", |_| true), Vec::<u32>::new());
    assert!(
        index
            .search("Lee Min-ho", |_| true)
            .clear_winner()
            .is_none()
    );
    assert_eq!(index.find("Lee Min-ho", |v| v == 2), [2]);
    // An exact name beats a typo.
    let index = self::index(&[("Kim Bo-ra", Tier::Name, 1), ("Kim Bo-ram", Tier::Name, 2)]);
    let matches = index.search("Kim Bo-ra", |_| true);
    assert_eq!(matches.len(), 2);
    assert_eq!(matches.clear_winner().map(|m| m.value), Some(1));
    assert_eq!(index.nearest("Kim Boa", 5, |_| true), [1, 2]);
}

#[test]
fn bounded_on_hostile_input() {
    let index = index(&[("박서준", Tier::Name, 1), ("Park Seo-joon", Tier::Name, 1)]);
    for q in [
        "a".repeat(1 << 20),
        "박".repeat(1 << 18),
        "ㅂ".repeat(1 << 18),
        "bak".repeat(1 << 16),
    ] {
        let started = std::time::Instant::now();
        let _ = index.search(&q, |_| true).count();
        assert!(started.elapsed().as_secs() < 2);
    }
    // A name longer than a key is cut, not refused.
    let mut index = NameIndex::new();
    index.insert(&"가".repeat(10_000), Tier::Name, 1);
    assert_eq!(index.find(&"가".repeat(10_000), |_| true), [1]);
    assert!(
        NameIndex::<u32>::new()
            .search("x", |_| true)
            .next()
            .is_none()
    );
}

#[test]
fn distances() {
    assert_eq!(edit_distance_within("kitten", "sitting", 4), Some(3));
    assert_eq!(edit_distance_within("kitten", "sitting", 2), None);
    assert_eq!(edit_distance_within("", "abc", 3), Some(3));
    assert_eq!(edit_distance_within("박서준", "박서준", 1), Some(0));
    assert_eq!(edit_distance_within(&"a".repeat(1 << 20), "a", 4), None);
    assert_eq!(
        closest("park-seojoon", ["park-seo-joon", "iu"].into_iter()),
        Some("park-seo-joon")
    );
}

/// The banded distance agrees with the full table on every pair of
/// short strings over a small alphabet, for every bound.
#[test]
fn banded_agrees_with_full() {
    let words: Vec<String> = (0..3u32.pow(5))
        .flat_map(|n| {
            (0..=5).map(move |len| {
                (0..len)
                    .map(|i| ['a', 'b', '박'][(n / 3u32.pow(i)) as usize % 3])
                    .collect()
            })
        })
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .step_by(3)
        .collect();
    for a in &words {
        for b in &words {
            let d = edit_distance(a, b);
            for k in 0..=5 {
                assert_eq!(
                    edit_distance_within(a, b, k),
                    (d <= k).then_some(d),
                    "{a:?} {b:?} {k}"
                );
            }
        }
    }
}
