//! Every class of malformed input gives one clear error with its exact file,
//! line and column — never a panic.

use hallyu::{Catalog, CatalogBuilder, ErrorKind};

/// A small valid document; each case below breaks one thing in it.
const GOOD: &str = r#"#![enable(implicit_some)]
(
    people: [
        (id: "park-seo-joon", name: "Park Seo-joon", hangul: "박서준", sources: ["https://example.org/a"]),
        (id: "choi-woo-shik", name: "Choi Woo-shik", sources: ["https://example.org/b"]),
    ],
    groups: [
        (id: "wooga-squad", name: "Wooga Squad", kind: FriendGroup),
    ],
    works: [
        (id: "gyopo-hairstyle", title: "Gyopo Hairstyle", kind: MusicVideo, released: "2021-07-25"),
    ],
    credits: [
        (from: "park-seo-joon", to: "gyopo-hairstyle", role: Cast(billing: Cameo)),
        (from: "choi-woo-shik", to: "gyopo-hairstyle", role: Cast(billing: Cameo)),
        (from: "park-seo-joon", to: "wooga-squad", role: Member()),
    ],
)
"#;

/// Loads `GOOD` with one replacement and returns the single error as text.
fn error_of(from: &str, to: &str) -> String {
    assert!(
        GOOD.contains(from),
        "the case must change the document: {from}"
    );
    let text = GOOD.replacen(from, to, 1);
    let err = Catalog::from_str("data/videos.ron", &text).expect_err("the change must be caught");
    assert_eq!(
        err.iter().count(),
        1,
        "exactly one problem expected, got:\n{err}"
    );
    assert!(
        err.location().is_some(),
        "data errors carry a location: {err}"
    );
    err.to_string()
}

#[test]
fn the_good_document_loads() {
    let catalog = Catalog::from_str("data/videos.ron", GOOD).unwrap();
    assert_eq!(catalog.records().credits.len(), 3);
}

#[test]
fn syntax_error() {
    assert_eq!(
        error_of(
            r#"name: "Choi Woo-shik","#,
            r#"name: "Choi Woo-shik" sources"#
        ),
        format!("data/videos.ron:5:53: {}", error_text_at_5_53()),
    );
}

/// ron's own wording for the syntax error above, checked separately so that
/// the position is pinned exactly.
fn error_text_at_5_53() -> String {
    let text = GOOD.replacen(
        r#"name: "Choi Woo-shik","#,
        r#"name: "Choi Woo-shik" sources"#,
        1,
    );
    let err = Catalog::from_str("data/videos.ron", &text).unwrap_err();
    let loc = err.location().unwrap();
    assert_eq!((loc.line, loc.column), (5, 53)); // at `sources`
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
    err.to_string()
        .trim_start_matches("data/videos.ron:5:53: ")
        .to_string()
}

#[test]
fn unknown_field() {
    assert_eq!(
        error_of(r#"hangul: "박서준""#, r#"hangeul: "박서준""#),
        "data/videos.ron:4:54: unexpected field named `hangeul` in `Person`, expected one of `id`, `name`, `hangul`, `aliases`, `disambiguation`, `professions`, `born`, `notes`, `sources`, `confidence`, `unverified`, or `ids` instead"
    );
}

#[test]
fn missing_field() {
    assert_eq!(
        error_of(r#"title: "Gyopo Hairstyle", "#, ""),
        "data/videos.ron:11:73: unexpected missing field named `title` in `Work`"
    );
}

#[test]
fn wrong_type() {
    assert_eq!(
        error_of(r#"released: "2021-07-25""#, "released: 2021"),
        "data/videos.ron:11:87: expected string"
    );
}

#[test]
fn invalid_date() {
    assert_eq!(
        error_of(r#"released: "2021-07-25""#, r#"released: "2021-13-25""#),
        "data/videos.ron:11:88: invalid date \"2021-13-25\": expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""
    );
}

#[test]
fn duplicate_id() {
    let text = GOOD.replacen(
        r#"(id: "choi-woo-shik", name"#,
        r#"(id: "park-seo-joon", name"#,
        1,
    );
    let err = Catalog::from_str("data/videos.ron", &text).unwrap_err();
    // The renamed record's credit now dangles: both problems are reported.
    assert_eq!(
        err.to_string(),
        "2 errors:\n\
         data/videos.ron:5:14: duplicate id \"park-seo-joon\" (first defined at data/videos.ron:4:14)\n\
         data/videos.ron:15:16: unknown id \"choi-woo-shik\""
    );
}

#[test]
fn duplicate_id_across_kinds_and_files() {
    let mut builder = CatalogBuilder::new();
    builder.add_str("a.ron", GOOD);
    builder.add_str(
        "b.ron",
        "(\n  works: [(id: \"wooga-squad\", title: \"W\", kind: Film, released: \"2020\")],\n)",
    );
    let err = builder.build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.ron:2:16: duplicate id \"wooga-squad\" (first defined at a.ron:8:14)"
    );
}

#[test]
fn dangling_reference_with_suggestion() {
    assert_eq!(
        error_of(
            r#"(from: "choi-woo-shik", to: "gyopo-hairstyle""#,
            r#"(from: "choi-wooshik", to: "gyopo-hairstyle""#
        ),
        "data/videos.ron:15:16: unknown id \"choi-wooshik\" (did you mean \"choi-woo-shik\"?)"
    );
}

#[test]
fn dangling_reference_without_suggestion() {
    assert_eq!(
        error_of(r#"to: "wooga-squad""#, r#"to: "bts""#),
        "data/videos.ron:16:37: unknown id \"bts\""
    );
}

#[test]
fn empty_name() {
    assert_eq!(
        error_of(r#"name: "Choi Woo-shik""#, r#"name: "  ""#),
        "data/videos.ron:5:37: \"choi-woo-shik\": empty name"
    );
}

#[test]
fn empty_title() {
    assert_eq!(
        error_of(r#"title: "Gyopo Hairstyle""#, r#"title: """#),
        "data/videos.ron:11:40: \"gyopo-hairstyle\": empty title"
    );
}

#[test]
fn implausible_year() {
    assert_eq!(
        error_of(r#"released: "2021-07-25""#, r#"released: "1021-07-25""#),
        "data/videos.ron:11:87: \"gyopo-hairstyle\": implausible year 1021 in released (expected 1900 to 2035)"
    );
}

#[test]
fn role_that_does_not_fit_its_ends() {
    assert_eq!(
        error_of(
            r#"(from: "park-seo-joon", to: "wooga-squad""#,
            r#"(from: "gyopo-hairstyle", to: "wooga-squad""#
        ),
        "data/videos.ron:16:60: \"gyopo-hairstyle → wooga-squad\": role member does not fit a work → group credit (it links a person to a group)"
    );
}

#[test]
fn invalid_slug() {
    assert_eq!(
        Catalog::from_str(
            "data/videos.ron",
            &GOOD.replacen(r#"(id: "wooga-squad""#, r#"(id: "Wooga Squad""#, 1)
        )
        .unwrap_err()
        .to_string(),
        "2 errors:\n\
         data/videos.ron:8:14: \"Wooga Squad\": invalid id: ids are lowercase slugs such as \"park-seo-joon\" (a-z, 0-9, single hyphens)\n\
         data/videos.ron:16:37: unknown id \"wooga-squad\" (did you mean \"Wooga Squad\"?)"
    );
}

#[test]
fn hangul_field_without_hangul() {
    assert_eq!(
        error_of(r#"hangul: "박서준""#, r#"hangul: "Park""#),
        "data/videos.ron:4:62: \"park-seo-joon\": hangul \"Park\" contains no Hangul"
    );
}

#[test]
fn unverified_mark_naming_no_field() {
    assert_eq!(
        error_of(
            r#"kind: FriendGroup"#,
            r#"kind: FriendGroup, unverified: ["members"]"#
        ),
        "data/videos.ron:8:81: \"wooga-squad\": unverified mark \"members\" names no field (expected one of name, hangul, aliases)"
    );
}

#[test]
fn duplicate_credit() {
    let text = GOOD.replacen(
        "    ],\n)",
        "        (from: \"park-seo-joon\", to: \"wooga-squad\", role: Member()),\n    ],\n)",
        1,
    );
    let err = Catalog::from_str("data/videos.ron", &text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "data/videos.ron:17:16: \"park-seo-joon → wooga-squad\": duplicate credit (member)"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = GOOD
        .replacen(r#"name: "Choi Woo-shik""#, r#"name: """#, 1)
        .replacen(r#"to: "wooga-squad""#, r#"to: "wooga""#, 1);
    let err = Catalog::from_str("data/videos.ron", &text).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Many(list) if list.len() == 2));
    let lines: Vec<String> = err.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        lines,
        [
            "data/videos.ron:5:37: \"choi-woo-shik\": empty name",
            "data/videos.ron:16:37: unknown id \"wooga\" (did you mean \"wooga-squad\"?)",
        ]
    );
}

#[test]
fn bad_utf8_is_located() {
    let dir = std::env::temp_dir().join(format!("hallyu-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.ron");
    let mut bytes = b"(\n  people: [(id: \"a\", name: \"X".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"\")],\n)");
    std::fs::write(&path, &bytes).unwrap();
    let err = Catalog::from_path(&path).unwrap_err();
    let loc = err.location().expect("located");
    assert_eq!((loc.line, loc.column), (2, 30));
    assert!(
        err.to_string()
            .ends_with("invalid UTF-8 (byte 0xff): data files must be UTF-8"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_path_is_an_io_error() {
    let err = Catalog::from_path("no/such/dir").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    assert!(
        err.to_string().starts_with("cannot read no/such/dir: "),
        "{err}"
    );
}

#[test]
fn hostile_inputs_never_panic() {
    let inputs = [
        "",
        "(",
        ")",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "(people: [(id: \"\u{0}\", name: \"\u{202e}\")])",
        "(credits: [(from: \"a\", to: \"a\", role: Performer)])",
        "(works: [(id: \"w\", title: \"t\", kind: Film, released: \"-1\")])",
        "(works: [(id: \"w\", title: \"t\", kind: Film, released: \"2020-02-30\")])",
        "/* unclosed",
        "r#\"raw",
    ];
    for input in inputs {
        let _ = Catalog::from_str("x.ron", input);
    }
    let deep = "(".repeat(100_000);
    assert!(Catalog::from_str("deep.ron", &deep).is_err());
}
