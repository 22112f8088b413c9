//! RON + Wikidata + IMDb in one explorer (`hallyu::import::Merge`), on the
//! fixtures of `tests/fixtures/wikidata/` and `tests/fixtures/merge/` (their
//! ids are placeholders, see their READMEs): records matched by
//! cross-identifiers, every credit with its sources, conflicts reported.
#![cfg(feature = "serde")]

use hallyu::import::{Imdb, Merge, Origin, Scheme, Sparql};
use hallyu::model::Records;
use hallyu::{Catalog, Filter};

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The bundled people, groups and memberships with one work of the RON
/// data (and its credits), so that a path through other works needs the
/// other sources.
fn ron_with_only(work: &str) -> Records {
    let mut r = Catalog::bundled().into_records();
    r.works.retain(|w| w.id == work);
    r.credits
        .retain(|c| c.to == work || matches!(c.role, hallyu::model::Role::Member { .. }));
    r
}

/// The fixtures' placeholder Wikidata ids, linked to the RON records they
/// stand for.
fn linked(merge: Merge) -> Merge {
    [
        ("g-dragon", "X-G-DRAGON"),
        ("top", "X-TOP"),
        ("taeyang", "X-TAEYANG"),
        ("daesung", "X-DAESUNG"),
        ("seungri", "X-SEUNGRI"),
        ("bigbang", "X-BIGBANG"),
        ("sandara-park", "X-SANDARA-PARK"),
        ("cl", "X-CL"),
        ("park-bom", "X-PARK-BOM"),
        ("gong-min-ji", "X-GONG-MIN-JI"),
        ("2ne1", "X-2NE1"),
        ("bang-yong-guk", "X-BANG-YONG-GUK"),
        ("bap", "X-BAP"),
        ("park-min-young", "X-PARK-MIN-YOUNG"),
    ]
    .iter()
    .fold(merge, |m, (ron, q)| m.link(ron, Scheme::Wikidata, q))
}

#[test]
fn a_path_needs_all_three_sources_and_each_hop_names_its_own() {
    let ron = ron_with_only("i-am-sam");
    let wikidata = Sparql::new()
        .from_paths(&[
            fixture("wikidata/groups.json"),
            fixture("wikidata/music_videos.json"),
        ])
        .unwrap();
    let imdb = Imdb::new().from_dir(fixture("merge/imdb")).unwrap();
    let merged = linked(Merge::new(ron))
        .link("lee-min-ho", Scheme::Imdb, "nm9900001")
        .link("kim-woo-bin", Scheme::Imdb, "nm9900002")
        .wikidata(wikidata)
        .imdb(&imdb.explorer)
        .build()
        .unwrap();
    let ex = &merged.explorer;
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    // Every Wikidata record matched a RON one: no second G-Dragon.
    assert_eq!(
        ex.people()
            .filter(|&p| ex.get(p).name() == "G-Dragon")
            .count(),
        1
    );
    let (seungri, woo_bin) = (
        ex.person("Seungri").unwrap(),
        ex.person("kim-woo-bin").unwrap(),
    );
    let path = ex.shortest_path(seungri, woo_bin, &Filter::new()).unwrap();
    let hops: Vec<(String, Vec<Origin>)> = path
        .steps()
        .iter()
        .map(|s| {
            let work = ex.get(s.work).title().to_string();
            let mut origins: Vec<Origin> = [s.from_credit.credit, s.to_credit.credit]
                .iter()
                .flat_map(|&c| merged.origins(ex.get(c).record().unwrap()).to_vec())
                .collect();
            origins.sort();
            origins.dedup();
            (work, origins)
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("Haru Haru".to_string(), vec![Origin::Wikidata]),
            ("I Am Sam".to_string(), vec![Origin::Ron]),
            ("The Heirs".to_string(), vec![Origin::Imdb]),
        ],
        "{path}"
    );
    // Seungri's hop is BIGBANG's credit: the membership is stated by RON
    // and Wikidata alike (until 2019).
    let member = ex
        .credits_of(seungri.into())
        .map(|c| ex.get(c).record().unwrap())
        .find(|c| c.to == "bigbang")
        .unwrap();
    assert_eq!(merged.origins(member), [Origin::Ron, Origin::Wikidata]);
    assert!(merged.report.corroborated >= 10, "{:?}", merged.report);
}

#[test]
fn imdb_records_match_wikidata_ones_by_their_imdb_id() {
    let wikidata = Sparql::new()
        .from_path(fixture("wikidata/casts.json"))
        .unwrap();
    let imdb = Imdb::new().from_dir(fixture("merge/imdb")).unwrap();
    let merged = Merge::default()
        .wikidata(wikidata)
        .imdb(&imdb.explorer)
        .build()
        .unwrap();
    let ex = &merged.explorer;
    // One The Heirs, one Lee Min-ho: matched through P345.
    assert_eq!(ex.works().len(), 1);
    assert_eq!(ex.people().len(), 2);
    assert_eq!(merged.report.matched, 3);
    let heirs = ex.work("The Heirs").unwrap();
    assert_eq!(ex.get(heirs).hangul(), Some("상속자들"));
    for c in ex.credits_of(heirs.into()) {
        assert_eq!(
            merged.origins(ex.get(c).record().unwrap()),
            [Origin::Wikidata, Origin::Imdb]
        );
    }
}

#[test]
fn disagreements_are_reported_not_resolved() {
    // Wikidata says B.A.P's Bang Yong-guk joined in 2013 (a test value, not
    // a fact): RON says 2012. The RON year stays, and both are reported.
    let text = std::fs::read_to_string(fixture("wikidata/groups.json"))
        .unwrap()
        .replace("2012-01-01T00:00:00Z", "2013-01-01T00:00:00Z");
    let wikidata = Sparql::new().from_str("altered.json", &text).unwrap();
    let merged = linked(Merge::new(Catalog::bundled().into_records()))
        .wikidata(wikidata)
        .build()
        .unwrap();
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.subject.as_str(), c.field.as_str()),
        ("bang-yong-guk → bap", "membership years")
    );
    assert_eq!(c.values[0].0, Origin::Ron);
    assert!(
        c.values[0].1.contains("2012") && c.values[1].1.contains("2013"),
        "{c:?}"
    );
    let ex = &merged.explorer;
    let yong_guk = ex.person("Bang Yong-guk").unwrap();
    let role = ex
        .credits_of(yong_guk.into())
        .map(|c| ex.get(c).record().unwrap().role.clone())
        .find(|r| matches!(r, hallyu::model::Role::Member { .. }))
        .unwrap();
    assert_eq!(
        role,
        hallyu::model::Role::Member {
            since: Some(2012),
            until: None
        }
    );
}
