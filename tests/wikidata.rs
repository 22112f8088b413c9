//! The Wikidata SPARQL results reader on hand-written fixtures
//! (`tests/fixtures/wikidata/`, described in its README): the same members
//! and membership years as the bundled RON data for the groups both hold.
#![cfg(feature = "serde")]

use std::collections::BTreeMap;

use hallyu::import::{Scheme, Sparql};
use hallyu::model::{Confidence, Records, Role};
use hallyu::{Catalog, ErrorKind};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wikidata")
        .join(name)
}

/// Member name → (since, until).
type Members = BTreeMap<String, (Option<i32>, Option<i32>)>;

/// Group name → its members, from a set of records.
fn memberships(r: &Records) -> BTreeMap<String, Members> {
    let person = |id: &str| r.people.iter().find(|p| p.id == id).map(|p| p.name.clone());
    let group = |id: &str| r.groups.iter().find(|g| g.id == id).map(|g| g.name.clone());
    let mut out: BTreeMap<_, BTreeMap<_, _>> = BTreeMap::new();
    for c in &r.credits {
        if let Role::Member { since, until } = c.role
            && c.confidence != Confidence::Unverified
            && let (Some(p), Some(g)) = (person(&c.from), group(&c.to))
        {
            out.entry(g).or_default().insert(p, (since, until));
        }
    }
    out
}

#[test]
fn members_and_years_match_the_bundled_data_for_every_group_both_hold() {
    let read = Sparql::new().from_path(fixture("groups.json")).unwrap();
    let bundled = Catalog::bundled().into_records();
    let (ours, theirs) = (memberships(&read.records), memberships(&bundled));
    assert_eq!(ours.len(), 3, "{ours:?}");
    for (group, members) in &ours {
        assert_eq!(Some(members), theirs.get(group), "{group}");
    }
    assert_eq!(ours["BIGBANG"]["Seungri"], (None, Some(2019)));
    assert_eq!(ours["B.A.P"]["Bang Yong-guk"], (Some(2012), None));
    // Korean labels become Hangul; kinds come from the class labels.
    let bigbang = read
        .records
        .groups
        .iter()
        .find(|g| g.name == "BIGBANG")
        .unwrap();
    assert_eq!(bigbang.hangul.as_deref(), Some("빅뱅"));
    assert_eq!(read.report.unknown_group_kinds, 0);
    let gd = read
        .records
        .people
        .iter()
        .find(|p| p.name == "G-Dragon")
        .unwrap();
    assert_eq!(gd.hangul.as_deref(), Some("지드래곤"));
    // Everything read is secondary, and cites the entity.
    assert!(
        read.records
            .credits
            .iter()
            .all(|c| c.confidence == Confidence::Secondary)
    );
    assert!(gd.sources[0].ends_with("/X-G-DRAGON"));
    // Every row is accounted for.
    let r = &read.report;
    assert_eq!(
        (r.rows, r.members, r.duplicates, r.skipped.len()),
        (10, 10, 0, 0)
    );
    // The records make a valid catalog.
    Catalog::from_records("wikidata", read.records).unwrap();
}

#[test]
fn casts_and_music_videos_keep_roles_hangul_and_imdb_ids() {
    let read = Sparql::new()
        .from_paths(&[
            fixture("casts.json"),
            fixture("music_videos.json"),
            fixture("groups.json"),
        ])
        .unwrap();
    let r = &read.records;
    let heirs = r.works.iter().find(|w| w.title == "The Heirs").unwrap();
    assert_eq!(heirs.hangul.as_deref(), Some("상속자들"));
    assert_eq!(heirs.released.to_string(), "2013-10-09");
    let imdb: Vec<(&str, &str)> = read
        .ids
        .iter()
        .filter(|c| c.scheme == Scheme::Imdb)
        .map(|c| (c.record.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        imdb,
        [
            ("x-kim-woo-bin", "nm9900002"),
            ("x-lee-min-ho", "nm9900001"),
            ("x-park-min-young", "nm9900004"),
            ("x-seungri", "nm9900003"),
            ("x-the-heirs", "tt9900001")
        ]
    );
    // Each record carries its ids of the databases' forms; a placeholder
    // entity id (`X-…`) is no Wikidata id, so it stays a cross-identifier.
    let lee = r.people.iter().find(|p| p.name == "Lee Min-ho").unwrap();
    assert_eq!(
        (lee.ids.imdb.as_deref(), lee.ids.wikidata.as_deref()),
        (Some("nm9900001"), None)
    );
    // BIGBANG's real MusicBrainz id (P434), as the bundled data holds it.
    let bigbang = r.groups.iter().find(|g| g.name == "BIGBANG").unwrap();
    let bundled = Catalog::bundled();
    let ron = bundled
        .records()
        .groups
        .iter()
        .find(|g| g.id == "bigbang")
        .unwrap();
    assert!(bigbang.ids.musicbrainz.is_some());
    assert_eq!(bigbang.ids.musicbrainz, ron.ids.musicbrainz);
    let haru = r.works.iter().find(|w| w.title == "Haru Haru").unwrap();
    let on_haru: Vec<(&str, &Role)> = r
        .credits
        .iter()
        .filter(|c| c.to == haru.id)
        .map(|c| (c.from.as_str(), &c.role))
        .collect();
    assert_eq!(on_haru[0], ("x-bigbang", &Role::Performer));
    assert_eq!(on_haru.len(), 5);
    // No billing is invented for a cast member.
    assert!(
        matches!(on_haru[1].1, Role::Other { name, on_screen: true, .. } if name == "cast member")
    );
    // One G-Dragon across the files.
    assert_eq!(r.people.iter().filter(|p| p.name == "G-Dragon").count(), 1);
    let catalog = Catalog::from_records("wikidata", read.records).unwrap();
    let ex = hallyu::Explorer::new(catalog);
    // Seungri reaches Park Min-young through BIGBANG's credit on Haru Haru.
    let (seungri, pmy) = (
        ex.person("Seungri").unwrap(),
        ex.person("Park Min-young").unwrap(),
    );
    assert_eq!(
        ex.shortest_path(seungri, pmy, &hallyu::Filter::new())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn bad_values_are_located_and_skips_counted() {
    let text = r#"{"head": {"vars": ["person", "personLabel", "group", "groupLabel"]},
  "results": {"bindings": [
    {"person": {"type": "literal", "value": "G-Dragon"},
     "group": {"type": "uri", "value": "https://placeholder.invalid/entity/X-BIGBANG"},
     "groupLabel": {"type": "literal", "value": "BIGBANG"}},
    {"person": {"type": "uri", "value": "https://placeholder.invalid/entity/X-CL"},
     "group": {"type": "uri", "value": "https://placeholder.invalid/entity/X-2NE1"},
     "groupLabel": {"type": "literal", "value": "2NE1"}}
  ]}}"#;
    let err = Sparql::new().from_str("bad.json", text).unwrap_err();
    let at = err.location().unwrap();
    assert_eq!((at.file.as_str(), at.line, at.column), ("bad.json", 3, 45));
    assert!(err.to_string().contains("expected an entity IRI"), "{err}");
    let read = Sparql::new()
        .skip_bad_rows(true)
        .from_str("bad.json", text)
        .unwrap();
    let skipped: Vec<String> = read
        .report
        .skipped
        .iter()
        .map(|(l, why)| format!("{}: {why}", l.line))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[1].starts_with("6: ") && skipped[1].contains("no personLabel"),
        "{skipped:?}"
    );
    // Not SPARQL results at all.
    let err = Sparql::new()
        .from_str("x.json", "{\"head\": {}, \"results\": 3}")
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
    assert_eq!(err.location().unwrap().line, 1);
}

#[test]
fn the_dump_reader_keeps_what_the_queries_would_and_agrees_with_the_bundled_data() {
    let read = hallyu::import::Dump::new()
        .from_path(fixture("dump.json"))
        .unwrap();
    let ours = memberships(&read.records);
    let theirs = memberships(&Catalog::bundled().into_records());
    assert_eq!(ours.keys().collect::<Vec<_>>(), ["BIGBANG"]);
    assert_eq!(Some(&ours["BIGBANG"]), theirs.get("BIGBANG"));
    // The traps are left out: only BIGBANG's five members are people.
    let mut people: Vec<&str> = read
        .records
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    people.sort();
    assert_eq!(
        people,
        ["Daesung", "G-Dragon", "Seungri", "T.O.P", "Taeyang"]
    );
    let seungri = read
        .records
        .people
        .iter()
        .find(|p| p.name == "Seungri")
        .unwrap();
    assert_eq!(seungri.hangul.as_deref(), Some("승리"));
    assert_eq!(read.report.rows, 9);
    // The dump's class ids do not tell a boy band: counted (kept as Band, with a note).
    assert_eq!(read.report.unknown_group_kinds, 1);
}

#[test]
fn every_entity_the_dump_reader_leaves_out_is_reported_with_its_file_and_line() {
    // A Korean film naming a cast member the dump lacks and one without a
    // label; the film is line 3 (after the `[` and an unrelated item).
    let item = |q: &str| {
        format!(r#"{{"value":{{"entity-type":"item","id":"{q}"}},"type":"wikibase-entityid"}}"#)
    };
    let claim = |p: &str, value: String| {
        format!(
            r#""{p}":[{{"mainsnak":{{"snaktype":"value","property":"{p}","datavalue":{value}}},"type":"statement","rank":"normal"}}]"#
        )
    };
    let time = r#"{"value":{"time":"+2013-01-01T00:00:00Z","precision":11},"type":"time"}"#;
    let cast = |q: &str| {
        format!(
            r#"{{"mainsnak":{{"snaktype":"value","property":"P161","datavalue":{}}},"type":"statement","rank":"normal"}}"#,
            item(q)
        )
    };
    let (nobody, unlabelled) = (cast("X-NOBODY"), cast("X-NOLABEL"));
    let (p31, p495) = (claim("P31", item("Q11424")), claim("P495", item("Q884")));
    let p577 = claim("P577", time.to_string());
    let film = format!(
        r#"{{"type":"item","id":"X-FILM","labels":{{"en":{{"language":"en","value":"A Film"}}}},"claims":{{{p31},{p495},{p577},"P161":[{nobody},{unlabelled}]}}}},"#
    );
    let text = format!(
        "[\n{{\"type\":\"item\",\"id\":\"X-OTHER\",\"claims\":{{}}}},\n{film}\n{{\"type\":\"item\",\"id\":\"X-NOLABEL\",\"claims\":{{}}}}\n]\n"
    );
    let dir = std::env::temp_dir().join(format!("hallyu-dump-lines-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latest-all.json");
    std::fs::write(&path, text).unwrap();
    let read = hallyu::import::Dump::new().from_path(&path).unwrap();
    let skipped: Vec<(String, usize, &str)> = read
        .report
        .skipped
        .iter()
        .map(|(at, why)| (at.file.clone(), at.line, why.as_str()))
        .collect();
    let file = path.display().to_string();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    for (f, line, _) in &skipped {
        assert_eq!((f.as_str(), *line), (file.as_str(), 3), "{skipped:?}");
    }
    assert!(
        skipped
            .iter()
            .any(|s| s.2.contains("X-NOBODY is not in the dump")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|s| s.2.contains("no personLabel")),
        "{skipped:?}"
    );
    // Said with the file and line, as every location.
    assert!(
        read.report.skipped[0]
            .0
            .to_string()
            .starts_with(&format!("{file}:3:"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
