//! Property tests of the loader: nothing is lost in a RON round trip, and any
//! catalog either loads or fails with located errors — never a panic.

use hallyu::model::{
    Billing, Confidence, Credit, GroupKind, PartialDate, Person, Records, Role, Work, WorkKind,
};
use hallyu::{Catalog, ErrorKind};
use proptest::prelude::*;

/// Text that stresses the RON writer: quotes, backslashes, newlines,
/// Hangul, emoji, RON punctuation.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z .'-]{0,12}",
        "[가-힣 ]{1,6}",
        prop::collection::vec(
            prop_oneof![
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("\n".to_string()),
                Just("(".to_string()),
                Just("]".to_string()),
                Just("//".to_string()),
                Just("/*".to_string()),
                Just("r#\"".to_string()),
                Just("🎤".to_string()),
                Just("\u{0}".to_string()),
                "[a-z가-힣]{1,3}",
            ],
            0..6
        )
        .prop_map(|v| v.concat()),
    ]
}

/// Ids: mostly valid slugs from a small pool (so references often resolve
/// and sometimes collide), sometimes not slugs at all.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "(ab|cd|ef|gh|ij)(-[0-9])?",
        1 => text(),
    ]
}

fn date() -> impl Strategy<Value = PartialDate> {
    (
        1850i32..2100,
        prop::option::of(1u8..=12),
        prop::option::of(1u8..=28),
    )
        .prop_map(|(year, month, day)| PartialDate {
            year,
            month,
            day: month.and(day),
        })
}

fn confidence() -> impl Strategy<Value = Confidence> {
    prop_oneof![
        Just(Confidence::Confirmed),
        Just(Confidence::Secondary),
        Just(Confidence::Unverified)
    ]
}

fn person() -> impl Strategy<Value = Person> {
    (
        id(),
        text(),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        confidence(),
        prop::option::of(date()),
        ids("nm"),
    )
        .prop_map(
            |(id, name, hangul, aliases, confidence, born, ids)| Person {
                id,
                name,
                hangul,
                aliases,
                disambiguation: None,
                professions: Vec::new(),
                born,
                notes: None,
                sources: vec!["https://example.org".into()],
                confidence,
                unverified: Vec::new(),
                ids,
            },
        )
}

/// Ids in other databases, of their forms: an IMDb id with `prefix`, a
/// Wikidata id, either or both or none (the RON and JSON forms leave out
/// what is absent).
fn ids(prefix: &'static str) -> impl Strategy<Value = hallyu::model::Ids> {
    (
        prop::option::of(0u32..100_000_000),
        prop::option::of(1u32..200_000_000),
    )
        .prop_map(move |(imdb, q)| hallyu::model::Ids {
            imdb: imdb.map(|n| format!("{prefix}{n:07}")),
            wikidata: q.map(|n| format!("Q{n}")),
            ..Default::default()
        })
}

fn work() -> impl Strategy<Value = Work> {
    (
        id(),
        text(),
        date(),
        prop::option::of(text()),
        confidence(),
        ids("tt"),
    )
        .prop_map(|(id, title, released, album, confidence, ids)| Work {
            id,
            title,
            hangul: None,
            aliases: Vec::new(),
            kind: WorkKind::Film,
            released,
            ended: None,
            album,
            network: None,
            notes: None,
            sources: Vec::new(),
            confidence,
            unverified: Vec::new(),
            collections: Vec::new(),
            ids,
        })
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Performer),
        Just(Role::Featured),
        (prop::option::of(text())).prop_map(|character| Role::Cast {
            billing: Billing::Cameo,
            character
        }),
        (
            prop::option::of(1990i32..2030),
            prop::option::of(1990i32..2030)
        )
            .prop_map(|(since, until)| Role::Member { since, until }),
        Just(Role::SequelOf),
    ]
}

fn credit() -> impl Strategy<Value = Credit> {
    (id(), id(), role(), confidence(), prop::option::of(text())).prop_map(
        |(from, to, role, confidence, notes)| Credit {
            from,
            to,
            role,
            notes,
            sources: Vec::new(),
            confidence,
        },
    )
}

fn records() -> impl Strategy<Value = Records> {
    (
        prop::collection::vec(person(), 0..5),
        prop::collection::vec(work(), 0..5),
        prop::collection::vec(credit(), 0..8),
        prop::collection::vec((id(), text()), 0..2),
    )
        .prop_map(|(people, works, credits, groups)| Records {
            people,
            works,
            credits,
            groups: groups
                .into_iter()
                .map(|(id, name)| hallyu::model::Group {
                    id,
                    name,
                    hangul: None,
                    aliases: Vec::new(),
                    kind: GroupKind::BoyGroup,
                    notes: None,
                    sources: Vec::new(),
                    confidence: Confidence::Confirmed,
                    unverified: Vec::new(),
                    ids: hallyu::model::Ids {
                        musicbrainz: Some("ec2bcb77-b9a1-49e2-bfe7-419586bbef48".into()),
                        ..Default::default()
                    },
                })
                .collect(),
            organisations: Vec::new(),
        })
}

/// Records that are valid by construction: unique slugs, plausible years,
/// non-empty names, credits between existing records with fitting roles.
fn valid_records() -> impl Strategy<Value = Records> {
    (
        records(),
        prop::collection::vec((0usize..5, 0usize..5, 0u8..3), 0..10),
    )
        .prop_map(|(mut r, links)| {
            for (i, p) in r.people.iter_mut().enumerate() {
                p.id = format!("person-{i}");
                // Names hold no control characters (a load error since
                // issue 11); other text fields still may.
                p.name = format!("P{i} {}", p.name.replace(char::is_control, ""));
                for a in &mut p.aliases {
                    *a = a.replace(char::is_control, "");
                }
                p.hangul = None;
                p.born = p.born.map(|d| PartialDate {
                    year: 1950 + d.year.rem_euclid(60),
                    ..d
                });
            }
            for (i, w) in r.works.iter_mut().enumerate() {
                w.id = format!("work-{i}");
                w.title = format!("W{i} {}", w.title.replace(char::is_control, ""));
                w.released.year = 1990 + w.released.year.rem_euclid(40);
            }
            r.groups.clear();
            r.credits.clear();
            let mut seen = std::collections::HashSet::new();
            for (p, w, billing) in links {
                if p < r.people.len() && w < r.works.len() && seen.insert((p, w)) {
                    let billing =
                        [Billing::Lead, Billing::Supporting, Billing::Cameo][billing as usize];
                    r.credits.push(Credit {
                        from: format!("person-{p}"),
                        to: format!("work-{w}"),
                        role: Role::Cast {
                            billing,
                            character: Some(r.people[p].name.clone()),
                        },
                        notes: None,
                        sources: vec![],
                        confidence: Confidence::Confirmed,
                    });
                }
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Valid records always load, and survive RON and back unchanged.
    #[test]
    fn valid_catalogs_round_trip(records in valid_records()) {
        let catalog = Catalog::from_records("valid.ron", records.clone());
        prop_assert!(catalog.is_ok(), "{:?}", catalog.err().map(|e| e.to_string()));
        let text = catalog.unwrap().to_ron();
        let again = Catalog::from_str("again.ron", &text);
        prop_assert!(again.is_ok(), "{text}\n{:?}", again.err().map(|e| e.to_string()));
        let again = again.unwrap();
        prop_assert_eq!(again.records(), &records);
    }

    /// Records made in code either validate or fail with errors that each
    /// name a position; those that validate survive RON and back unchanged.
    #[test]
    fn catalogs_load_or_fail_with_located_errors(records in records()) {
        match Catalog::from_records("generated.ron", records.clone()) {
            Ok(catalog) => {
                let text = catalog.to_ron();
                let again = Catalog::from_str("again.ron", &text);
                prop_assert!(again.is_ok(), "the RON written does not load:\n{text}\n{:?}", again.err());
                let again = again.unwrap();
                prop_assert_eq!(again.records(), &records);
            }
            Err(err) => {
                for e in err.iter() {
                    prop_assert!(e.location().is_some(), "unlocated error: {e}");
                    prop_assert!(!matches!(e.kind(), ErrorKind::Many(_)));
                }
            }
        }
    }

    /// The same records written as RON text by hand give the same verdict
    /// as records made in code, and RON errors are always located.
    #[test]
    fn written_catalogs_give_the_same_verdict(records in records()) {
        let text = ron::ser::to_string_pretty(&records, ron::ser::PrettyConfig::new()).unwrap();
        let from_text = Catalog::from_str("written.ron", &text);
        let from_code = Catalog::from_records("code.ron", records.clone());
        prop_assert_eq!(from_text.is_ok(), from_code.is_ok());
        if let Err(err) = from_text {
            prop_assert_eq!(err.iter().count(), from_code.unwrap_err().iter().count());
            for e in err.iter() {
                let loc = e.location().expect("located");
                prop_assert!(loc.line >= 1 && loc.column >= 1);
                prop_assert!(loc.line <= text.lines().count().max(1), "{e}");
            }
        }
    }

    /// Arbitrary text never panics the loader.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = Catalog::from_str("any.ron", &text);
    }
}

#[test]
fn the_bundled_catalog_round_trips() {
    let catalog = Catalog::bundled();
    let again = Catalog::from_str("again.ron", &catalog.to_ron()).unwrap();
    assert_eq!(again.records(), catalog.records());
}
