//! Resource limits on hostile input: deep nesting and very long lines fail
//! or load, without overflowing the stack and without hanging. No timing
//! assertions: that each test returns is the point.

use hallyu::import::Imdb;
use hallyu::{Catalog, ErrorKind, Explorer};

const MB: usize = 1 << 20;

/// A document with one person, one work and one credit; `{name}`, `{from}`
/// are filled in by the cases.
fn document(name: &str, from: &str) -> String {
    format!(
        r#"(
    people: [(id: "park-seo-joon", name: "{name}", sources: ["https://example.org/a"])],
    works: [(id: "gyopo-hairstyle", title: "Gyopo Hairstyle", kind: MusicVideo, released: "2021-07-25")],
    credits: [(from: "{from}", to: "gyopo-hairstyle", role: Cast(billing: Cameo))],
)
"#
    )
}

#[test]
fn deeply_nested_ron_is_an_error_not_a_stack_overflow() {
    let deep = 100_000;
    let cases = [
        "[".repeat(deep),
        "(".repeat(deep),
        "{".repeat(deep),
        format!("(people: {}", "[".repeat(deep)),
        format!(
            "(people: [(id: \"a\", name: \"a\", aliases: {}",
            "[".repeat(deep)
        ),
        format!(
            "(people: [(id: \"a\", name: \"a\", born: {}",
            "Some(".repeat(deep)
        ),
        "[".repeat(deep) + &"]".repeat(deep),
    ];
    // The schema is at most a few levels deep: the first bracket that does
    // not fit is the error (ron's recursion limit, 128, backs this up).
    let columns: Vec<usize> = cases
        .iter()
        .map(|text| {
            let err = Catalog::from_str("deep.ron", text).unwrap_err();
            assert!(matches!(err.kind(), ErrorKind::Parse { .. }), "{err}");
            let loc = err.location().expect("located");
            assert_eq!((loc.file.as_str(), loc.line), ("deep.ron", 1));
            loc.column
        })
        .collect();
    assert_eq!(columns, [1, 2, 1, 11, 42, 43, 1]);
}

#[test]
fn nested_comments_do_not_overflow() {
    let text = "/*".repeat(100_000) + "()";
    assert!(Catalog::from_str("comments.ron", &text).is_err());
}

#[test]
fn a_ten_megabyte_name_loads() {
    let name = "박".repeat(10 * MB / 3);
    let catalog = Catalog::from_str("long.ron", &document(&name, "park-seo-joon")).unwrap();
    assert_eq!(catalog.records().people[0].name, name);
}

#[test]
fn a_ten_megabyte_unterminated_string_is_located() {
    let text = format!("(people: [(id: \"a\", name: \"{}", "x".repeat(10 * MB));
    let err = Catalog::from_str("long.ron", &text).unwrap_err();
    assert_eq!(err.location().map(|l| l.line), Some(1), "{err}");
}

#[test]
fn a_ten_megabyte_line_of_garbage_is_located() {
    let text = "x".repeat(10 * MB);
    let err = Catalog::from_str("garbage.ron", &text).unwrap_err();
    assert!(err.location().is_some());
}

/// An unknown id gets a "did you mean" suggestion: computing it must not be
/// quadratic in the length of a hostile id.
#[test]
fn a_ten_megabyte_dangling_id_is_located() {
    let id = "a".repeat(10 * MB);
    let err = Catalog::from_str("long.ron", &document("Park Seo-joon", &id)).unwrap_err();
    let loc = err.location().expect("located");
    assert_eq!((loc.line, loc.column), (4, 22));
    assert!(matches!(err.kind(), ErrorKind::UnknownReference { .. }));
}

/// Name lookup suggests near names: a long query must not make that
/// quadratic.
#[test]
fn a_ten_megabyte_lookup_is_not_found() {
    let explorer = Explorer::bundled();
    for query in ["x".repeat(10 * MB), "Park Seo-joon ".repeat(MB / 16)] {
        let err = explorer.lookup(&query).unwrap_err();
        assert!(err.is_not_found(), "{err}");
    }
}

/// The three IMDb files in a temporary directory, with `principals` given.
fn imdb_dir(tag: &str, names: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hallyu-limits-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("name.basics.tsv"), names).unwrap();
    std::fs::write(
        dir.join("title.basics.tsv"),
        "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n\
         tt0000001\tmovie\tParasite\tParasite\t0\t2019\t\\N\t132\tDrama\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("title.principals.tsv"),
        "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n\
         tt0000001\t1\tnm0000001\tactor\t\\N\t\\N\n\
         tt0000001\t2\tnm0000002\tactor\t\\N\t\\N\n",
    )
    .unwrap();
    dir
}

const NAMES_HEADER: &str =
    "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n";

#[test]
fn a_ten_megabyte_tsv_field_loads() {
    let long = "박".repeat(10 * MB / 3);
    let names = format!(
        "{NAMES_HEADER}nm0000001\t{long}\t1988\t\\N\tactor\t\\N\nnm0000002\tChoi Woo-shik\t1990\t\\N\tactor\t\\N\n"
    );
    let dir = imdb_dir("field", names.as_bytes());
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = &imported.explorer;
    let p = ex.person("nm0000001").unwrap();
    assert_eq!(ex.name(p.into()), long);
}

#[test]
fn a_ten_megabyte_tsv_line_without_tabs_is_located() {
    let mut names = NAMES_HEADER.as_bytes().to_vec();
    names.extend(std::iter::repeat_n(b'x', 10 * MB));
    names.push(b'\n');
    let dir = imdb_dir("line", &names);
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    let loc = err.location().expect("located").clone();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((loc.line, loc.column), (2, 1));
    assert!(
        err.to_string()
            .ends_with("expected 6 tab-separated fields, found 1")
    );
}

#[test]
fn a_bad_field_after_ten_megabytes_is_located() {
    // The column counts the characters before the field: 10 MB of them.
    let mut names = NAMES_HEADER.as_bytes().to_vec();
    names.extend(b"nm0000001\t");
    names.extend(std::iter::repeat_n(b'x', 10 * MB));
    names.extend(b"\t19x8\t\\N\tactor\t\\N\n");
    let dir = imdb_dir("late", &names);
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    let loc = err.location().expect("located").clone();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((loc.line, loc.column), (2, 10 + 10 * MB + 2), "{err}");
    assert!(
        err.to_string()
            .ends_with("invalid year \"19x8\" (expected digits or \\N)")
    );
}
