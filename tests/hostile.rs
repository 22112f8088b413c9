//! Hostile input, class by class (issue 11): every case asserts the exact
//! outcome — the error, its file, line and column, or what was loaded and
//! counted. Cases are small generators or committed files under
//! `tests/fixtures/hostile/`. The long stress cases (40,000 dangling ids, a
//! multi-gigabyte sparse file, a gzip bomb) are `#[ignore]`d, with generous
//! time budgets and peak-memory checks: `cargo test --test hostile --
//! --ignored`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hallyu::import::Imdb;

const MAX_LINE: usize = Imdb::MAX_LINE;
use hallyu::{Catalog, Error, ErrorKind, Filter};

// ---------------------------------------------------------------- helpers

const NAMES: &str =
    "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n";
const TITLES: &str = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n";
const PRINCIPALS: &str = "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n";

/// A fresh temporary directory for one case.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hallyu-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn title_row(key: &str, kind: &str, title: &str) -> String {
    format!("{key}\t{kind}\t{title}\t{title}\t0\t2019\t\\N\t100\tDrama\n")
}

fn name_row(key: &str, name: &str) -> String {
    format!("{key}\t{name}\t1988\t\\N\tactor\t\\N\n")
}

fn principal_row(title: &str, ordering: u32, person: &str) -> String {
    format!("{title}\t{ordering}\t{person}\tactor\t\\N\t\\N\n")
}

/// The three IMDb files (as bytes, plain) in a fresh directory.
fn imdb(tag: &str, names: &[u8], titles: &[u8], principals: &[u8]) -> PathBuf {
    let dir = scratch(tag);
    std::fs::write(dir.join("name.basics.tsv"), names).unwrap();
    std::fs::write(dir.join("title.basics.tsv"), titles).unwrap();
    std::fs::write(dir.join("title.principals.tsv"), principals).unwrap();
    dir
}

/// A small valid set: two people on one film.
fn default_files() -> (String, String, String) {
    (
        format!(
            "{NAMES}{}{}",
            name_row("nm0000001", "Park Seo-joon"),
            name_row("nm0000002", "Choi Woo-shik")
        ),
        format!("{TITLES}{}", title_row("tt0000001", "movie", "Parasite")),
        format!(
            "{PRINCIPALS}{}{}",
            principal_row("tt0000001", 1, "nm0000001"),
            principal_row("tt0000001", 2, "nm0000002")
        ),
    )
}

/// The error's location as (file name without directory, line, column) and
/// its message without the location.
fn located(err: &Error) -> (String, usize, usize, String) {
    let loc = err.location().unwrap_or_else(|| panic!("unlocated: {err}"));
    let file = Path::new(&loc.file)
        .file_name()
        .map_or_else(|| loc.file.clone(), |f| f.to_string_lossy().into_owned());
    let text = err.to_string();
    let message = text
        .strip_prefix(&format!("{loc}: "))
        .unwrap_or(&text)
        .to_string();
    (file, loc.line, loc.column, message)
}

/// The message of an I/O error (kind `Io`, no location).
fn io_message(err: &Error) -> String {
    match err.kind() {
        ErrorKind::Io { message, .. } => message.clone(),
        other => panic!("not an I/O error: {other:?} ({err})"),
    }
}

/// Peak resident memory of this process so far (`VmHWM`), in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

// ------------------------------------------------- TSV: long lines, BOM, CR

/// A line longer than the limit is an error located at its start, with
/// the limit in the message; with bad rows skipped, it is one bad row of
/// its file and the next line loads.
#[test]
fn tsv_line_longer_than_the_limit_is_located() {
    let (_, titles, principals) = default_files();
    let names = format!(
        "{NAMES}{}nm0000003\t{}\t1990\t\\N\tactor\t\\N\n{}",
        name_row("nm0000001", "Park Seo-joon"),
        "x".repeat(5000),
        name_row("nm0000002", "Choi Woo-shik")
    );
    let dir = imdb(
        "long-line",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let err = Imdb::new().max_line(1000).from_dir(&dir).unwrap_err();
    assert_eq!(
        located(&err),
        (
            "name.basics.tsv".to_string(),
            3,
            1,
            "line longer than 1000 bytes".to_string()
        )
    );
    let imported = Imdb::new()
        .max_line(1000)
        .skip_bad_rows(true)
        .from_dir(&dir)
        .unwrap();
    let r = &imported.report;
    assert_eq!(r.bad_rows_per_file, [1, 0, 0]);
    assert_eq!((r.names, r.people, r.credits), (3, 2, 2));
    // A line of exactly the limit loads.
    let names = format!("{NAMES}{}", name_row("nm0000001", &"y".repeat(100)));
    std::fs::write(dir.join("name.basics.tsv"), &names).unwrap();
    let limit = names.lines().nth(1).unwrap().len();
    assert!(Imdb::new().max_line(limit).from_dir(&dir).is_ok());
    let err = Imdb::new().max_line(limit - 1).from_dir(&dir).unwrap_err();
    assert_eq!(located(&err).1, 2);
    std::fs::remove_dir_all(&dir).ok();
}

/// A header longer than the limit (a file without any newline): the same
/// error, on line 1.
#[test]
fn tsv_file_without_newline_is_a_long_line() {
    let (_, titles, principals) = default_files();
    let dir = imdb(
        "no-newline",
        &vec![b'n'; 10_000],
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let err = Imdb::new().max_line(4096).from_dir(&dir).unwrap_err();
    assert_eq!(
        located(&err),
        (
            "name.basics.tsv".to_string(),
            1,
            1,
            "line longer than 4096 bytes".to_string()
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The default limit is 64 MiB.
#[test]
fn tsv_default_line_limit() {
    assert_eq!(MAX_LINE, 64 << 20);
}

/// A UTF-8 byte-order mark at the start of a file is skipped (committed
/// fixture: `tests/fixtures/hostile/bom/`, every file starts with one).
#[test]
fn tsv_byte_order_mark_is_skipped() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/bom");
    let imported = Imdb::new().from_dir(&dir).unwrap();
    assert_eq!(imported.report.credits, 2);
    let ex = &imported.explorer;
    let p = ex.person("nm0000001").unwrap();
    assert_eq!(ex.name(p.into()), "Park Seo-joon");
}

/// CR-only line ends (old Mac): the header holds a bare carriage return,
/// which the error names at its column.
#[test]
fn tsv_cr_only_line_ends_are_an_error_that_says_so() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/cr_only");
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    assert_eq!(
        located(&err),
        (
            "name.basics.tsv".to_string(),
            1,
            72,
            "carriage return inside the header: CR-only line ends are not supported \
             (lines must end in \\n or \\r\\n)"
                .to_string()
        )
    );
    // A big CR-only file never ends a line: the long-line error says why.
    let (_, titles, principals) = default_files();
    let mut names = NAMES.replace('\n', "\r");
    while names.len() < 5000 {
        names.push_str(&name_row("nm0000001", "Park Seo-joon").replace('\n', "\r"));
    }
    let dir = imdb(
        "cr-big",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let err = Imdb::new().max_line(1000).from_dir(&dir).unwrap_err();
    assert_eq!(
        located(&err).3,
        "line longer than 1000 bytes (it holds carriage returns: CR-only line ends are not supported)"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A sparse file of 8 GiB without a newline: the reader stops at the
/// limit, in bounded time and memory (before the fix: "memory allocation
/// of 4295008256 bytes failed", an abort).
#[test]
#[ignore = "stress: an 8 GiB sparse file"]
fn tsv_sparse_file_is_bounded() {
    let (_, titles, principals) = default_files();
    let dir = imdb("sparse", b"", titles.as_bytes(), principals.as_bytes());
    let file = std::fs::File::create(dir.join("name.basics.tsv")).unwrap();
    file.set_len(8 << 30).unwrap();
    drop(file);
    let before = peak_kib();
    let start = Instant::now();
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    let took = start.elapsed();
    let grew = peak_kib().saturating_sub(before);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        located(&err),
        (
            "name.basics.tsv".to_string(),
            1,
            1,
            format!("line longer than {MAX_LINE} bytes")
        )
    );
    eprintln!("sparse 8 GiB: {took:?}, peak grew by {grew} KiB");
    assert!(took < Duration::from_secs(30), "{took:?}");
    assert!(grew < 200 * 1024, "peak memory grew by {grew} KiB");
}

/// A gzip bomb: 1 GiB of zeros without a newline, compressed to about
/// 1 MB (by the system's `gzip`).
#[test]
#[ignore = "stress: a 1 GiB gzip bomb"]
fn tsv_gzip_bomb_is_bounded() {
    let (_, titles, principals) = default_files();
    let dir = imdb("bomb", b"", titles.as_bytes(), principals.as_bytes());
    std::fs::remove_file(dir.join("name.basics.tsv")).unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "head -c 1073741824 /dev/zero | gzip -1 > {}",
            dir.join("name.basics.tsv.gz").display()
        ))
        .status()
        .unwrap();
    assert!(out.success());
    let before = peak_kib();
    let start = Instant::now();
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    let took = start.elapsed();
    let grew = peak_kib().saturating_sub(before);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        located(&err),
        (
            "name.basics.tsv.gz".to_string(),
            1,
            1,
            format!("line longer than {MAX_LINE} bytes")
        )
    );
    eprintln!("gzip bomb: {took:?}, peak grew by {grew} KiB");
    assert!(took < Duration::from_secs(60), "{took:?}");
    assert!(grew < 200 * 1024, "peak memory grew by {grew} KiB");
}

// ------------------------------------------------ IMDb: special files

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

/// A FIFO, `/dev/zero` or a directory in place of a TSV file is refused by
/// its type, before it is opened (a FIFO would block the open forever).
#[cfg(unix)]
#[test]
fn imdb_special_files_are_refused_by_type() {
    let (names, titles, principals) = default_files();
    let dir = imdb(
        "special",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let target = dir.join("name.basics.tsv");
    let cases: [(&str, &dyn Fn()); 3] = [
        ("a FIFO (named pipe)", &|| mkfifo(&target)),
        ("a character device", &|| {
            std::os::unix::fs::symlink("/dev/zero", &target).unwrap()
        }),
        ("a directory", &|| std::fs::create_dir(&target).unwrap()),
    ];
    for (what, make) in cases {
        let _ = std::fs::remove_file(&target);
        let _ = std::fs::remove_dir(&target);
        make();
        let err = Imdb::new().from_dir(&dir).unwrap_err();
        assert_eq!(
            io_message(&err),
            format!("{what}, not a regular file: refused without reading")
        );
        assert!(err.to_string().contains("name.basics.tsv"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `x.tsv` and `x.tsv.gz` both present: an error naming both, not a
/// silent choice of the plain one.
#[test]
fn imdb_plain_and_gzip_both_present_is_an_error() {
    let (names, titles, principals) = default_files();
    let dir = imdb(
        "both",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    std::fs::write(dir.join("title.basics.tsv.gz"), b"").unwrap();
    let err = Imdb::new().from_dir(&dir).unwrap_err();
    assert_eq!(
        io_message(&err),
        "both title.basics.tsv and title.basics.tsv.gz are in this directory: remove one \
         (hallyu does not choose)"
    );
    std::fs::remove_dir_all(&dir).ok();
}

// ------------------------------------------------ IMDb: keys and accounting

/// "First row wins" holds when the first row of a key has a skipped title
/// type: the later `movie` row of the same key is a duplicate, not the
/// title (before: the movie won, and its credit was kept).
#[test]
fn imdb_first_row_wins_even_when_it_is_skipped() {
    let (names, _, principals) = default_files();
    let titles = format!(
        "{TITLES}{}{}",
        title_row("tt0000001", "videoGame", "Parasite: The Game"),
        title_row("tt0000001", "movie", "Parasite")
    );
    let dir = imdb(
        "first-skipped",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let r = Imdb::new().from_dir(&dir).unwrap().report;
    assert_eq!((r.titles, r.skipped_titles, r.duplicate_keys), (2, 1, 1));
    assert_eq!((r.works, r.credits, r.skipped_principals), (0, 0, 2));
    // The other way round: the movie is first and wins.
    let titles = format!(
        "{TITLES}{}{}",
        title_row("tt0000001", "movie", "Parasite"),
        title_row("tt0000001", "videoGame", "Parasite: The Game")
    );
    std::fs::write(dir.join("title.basics.tsv"), titles).unwrap();
    let imported = Imdb::new().from_dir(&dir).unwrap();
    let r = &imported.report;
    assert_eq!((r.titles, r.skipped_titles, r.duplicate_keys), (2, 0, 1));
    assert_eq!((r.works, r.credits, r.skipped_principals), (1, 2, 0));
    let w = imported.explorer.work("tt0000001").unwrap();
    assert_eq!(imported.explorer.name(w.into()), "Parasite");
    std::fs::remove_dir_all(&dir).ok();
}

/// `nm01` and `nm0000001` (and `tt01`, `tt0000001`) are distinct keys: a
/// credit goes to the person its key names (before: both were key number
/// 1, and the credit went to the first).
#[test]
fn imdb_keys_of_different_widths_are_distinct() {
    let names = format!(
        "{NAMES}{}{}{}",
        name_row("nm0000001", "Park Seo-joon"),
        name_row("nm01", "Someone Else"),
        name_row("nm0000002", "Choi Woo-shik")
    );
    let titles = format!(
        "{TITLES}{}{}",
        title_row("tt0000001", "movie", "Parasite"),
        title_row("tt01", "movie", "Another Film")
    );
    let principals = format!(
        "{PRINCIPALS}{}{}{}",
        principal_row("tt0000001", 1, "nm0000002"),
        principal_row("tt0000001", 2, "nm01"),
        principal_row("tt01", 1, "nm0000001"),
    );
    let dir = imdb(
        "widths",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let r = &imported.report;
    assert_eq!(
        (r.people, r.works, r.credits, r.duplicate_keys),
        (3, 2, 3, 0)
    );
    let ex = &imported.explorer;
    let f = Filter::new();
    let other = ex.person("nm01").unwrap();
    assert_eq!(ex.name(other.into()), "Someone Else");
    let works: Vec<String> = ex
        .works_of(other, &f)
        .iter()
        .map(|(w, _)| ex.key((*w).into()).into_owned())
        .collect();
    assert_eq!(works, ["tt0000001"]);
    let park = ex.person("nm0000001").unwrap();
    let works: Vec<String> = ex
        .works_of(park, &f)
        .iter()
        .map(|(w, _)| ex.key((*w).into()).into_owned())
        .collect();
    assert_eq!(works, ["tt01"]);
}

/// Bad rows are counted per file, so that each file's rows add up.
#[test]
fn imdb_bad_rows_are_counted_per_file() {
    let (names, titles, principals) = default_files();
    let names = format!("{names}nmX\tBad\t1\t\\N\tactor\t\\N\n");
    let titles = format!("{titles}tt0000002\tmovie\tShort row\n");
    let principals =
        format!("{principals}tt0000001\tone\tnm0000001\tactor\t\\N\t\\N\ntt0000001\t9\n");
    let dir = imdb(
        "bad-per-file",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let imported = Imdb::new().skip_bad_rows(true).from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let r: &hallyu::import::Report = &imported.report;
    assert_eq!(r.bad_rows_per_file, [1, 1, 2]);
    assert_eq!(r.bad_rows, 4);
    assert_eq!((r.names, r.titles, r.principals), (3, 2, 4));
    assert_eq!(
        r.credits + r.duplicates + r.skipped_principals + r.dangling + r.bad_rows_per_file[2],
        r.principals
    );
}

// ------------------------------------------------ RON: many errors, fast

/// A catalog of `people` people and one credit per entry of `refs` (from
/// that id to the first work).
fn catalog_text(people: usize, refs: impl Iterator<Item = String>) -> String {
    let mut text = String::from("(\n    people: [\n");
    for i in 0..people {
        text.push_str(&format!(
            "        (id: \"person-{i:05}\", name: \"Person {i}\"),\n"
        ));
    }
    text.push_str("    ],\n    works: [(id: \"the-work\", title: \"The Work\", kind: Film, released: \"2020\")],\n    credits: [\n");
    for r in refs {
        text.push_str(&format!(
            "        (from: \"{r}\", to: \"the-work\", role: Cast(billing: Lead)),\n"
        ));
    }
    text.push_str("    ],\n)\n");
    text
}

/// More problems than `Catalog::MAX_ERRORS`: the first 100 are listed, in
/// order, with their suggestions, and a last entry counts the rest, located
/// at the first one left out.
#[test]
fn ron_errors_are_capped_at_one_hundred() {
    let refs = (0..150).map(|i| format!("persn-{i:05}"));
    let text = catalog_text(150, refs);
    let err = Catalog::from_str("many.ron", &text).unwrap_err();
    let all: Vec<&Error> = err.iter().collect();
    assert_eq!(all.len(), Catalog::MAX_ERRORS + 1);
    assert_eq!(
        all[0].to_string(),
        "many.ron:156:16: unknown id \"persn-00000\" (did you mean \"person-00000\"?)"
    );
    assert_eq!(
        all[99].to_string(),
        "many.ron:255:16: unknown id \"persn-00099\" (did you mean \"person-00099\"?)"
    );
    assert_eq!(
        all[100].to_string(),
        "many.ron:256:16: …and 50 more errors, not listed"
    );
    assert_eq!(all[100].kind(), &ErrorKind::Omitted { count: 50 });
    assert!(err.to_string().starts_with("150 errors:\n"));
    assert_eq!(err.to_string().lines().count(), 102);
}

/// 40,000 dangling references in a 5 MB file, each one a typo of one of
/// 40,000 ids: before, every unknown id was compared with every id (5,000
/// of them took 305 s in a debug build; the issue measured 521 s for 40,000);
/// now at most 100 are listed, each suggestion comes from a bigram index.
#[test]
#[ignore = "stress: 40,000 dangling references"]
fn ron_forty_thousand_dangling_references_fail_fast() {
    let n = 40_000;
    let text = catalog_text(n, (0..n).map(|i| format!("persn-{i:05}")));
    assert!(text.len() > 3_000_000, "{}", text.len());
    let start = Instant::now();
    let err = Catalog::from_str("dangling.ron", &text).unwrap_err();
    let took = start.elapsed();
    eprintln!("40,000 dangling references: {took:?}");
    assert!(err.to_string().starts_with("40000 errors:\n"));
    let all: Vec<&Error> = err.iter().collect();
    assert_eq!(all.len(), 101);
    assert_eq!(all[100].kind(), &ErrorKind::Omitted { count: 39_900 });
    assert_eq!(
        all[7].to_string(),
        format!(
            "dangling.ron:{}:16: unknown id \"persn-00007\" (did you mean \"person-00007\"?)",
            n + 6 + 7
        )
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}

/// Ids that all share their bigrams with the query (the worst case of the
/// index): still bounded, by the cap on listed errors.
#[test]
#[ignore = "stress: 20,000 near-identical ids"]
fn ron_near_identical_ids_fail_fast() {
    let n = 20_000;
    let refs = (0..n).map(|i| format!("person-{:05}", (i * 7919 + 1) % 100_000 + 100_000));
    let text = catalog_text(n, refs);
    let start = Instant::now();
    let err = Catalog::from_str("near.ron", &text).unwrap_err();
    let took = start.elapsed();
    eprintln!("20,000 near-identical ids: {took:?}");
    assert_eq!(err.iter().count(), 101);
    assert!(took < Duration::from_secs(30), "{took:?}");
}

// ------------------------------------------------ RON: locations

fn hostile_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// A raw identifier (`r#id`, `r#name`) is a key like any other: the error
/// after it is located at its field (before: at 1:1, the locator took
/// `r#` for a raw string and lost its place).
#[test]
fn ron_raw_identifier_keeps_locations() {
    let err = Catalog::from_path(hostile_fixture("raw_ident.ron")).unwrap_err();
    let (file, line, column, message) = located(&err);
    assert_eq!(
        (file.as_str(), line, column, message.as_str()),
        (
            "raw_ident.ron",
            4,
            62,
            "\"choi-woo-shik\": implausible year 1890 in born (expected 1900 to 2035)"
        )
    );
}

/// One syntax error in a catalog of three files: the syntax error, and the
/// one genuine dangling reference of `c.ron`, not an "unknown id" for every
/// reference into the broken `b.ron` (before: 4 errors, 3 of them bogus).
#[test]
fn ron_syntax_error_in_one_file_hides_no_genuine_error() {
    let err = Catalog::from_path(hostile_fixture("multi")).unwrap_err();
    let lines: Vec<String> = err
        .iter()
        .map(|e| {
            let (file, line, column, message) = located(e);
            format!("{file}:{line}:{column}: {message}")
        })
        .collect();
    assert_eq!(
        lines,
        [
            "b.ron:4:53: expected comma".to_string(),
            "c.ron:3:37: unknown id \"gyopo-hairstyel\" (did you mean \"gyopo-hairstyle\"?)"
                .to_string(),
        ]
    );
}

// ------------------------------------------------ RON: names

/// NFD and NFC spellings are one name: names load in NFC.
#[test]
fn ron_names_are_nfc_on_load() {
    let nfd_hangul = "\u{110c}\u{1165}\u{11ab}\u{110c}\u{1169}\u{11bc}\u{1109}\u{1165}"; // 전종서
    let nfd_latin = "Zoe\u{308}"; // Zoë
    let text = format!(
        r#"(people: [(id: "jeon-jong-seo", name: "{nfd_latin}", hangul: "{nfd_hangul}", aliases: ["{nfd_latin} J"], unverified: ["aliases:{nfd_latin} J"])])"#
    );
    let catalog = Catalog::from_str("nfd.ron", &text).unwrap();
    let p = &catalog.records().people[0];
    assert_eq!(p.name, "Zo\u{eb}");
    assert_eq!(p.hangul.as_deref(), Some("전종서"));
    assert_eq!(p.aliases, ["Zo\u{eb} J"]);
    let ex = hallyu::Explorer::new(catalog);
    assert!(ex.person("전종서").is_ok());
    assert!(ex.person("Zo\u{eb}").is_ok());
}

/// Invisible and control characters in names are errors located at the
/// field, naming the character and its position.
#[test]
fn ron_invisible_and_control_characters_in_names_are_located() {
    let cases = [
        ("name: \"Park\u{200b}Seo-joon\"", 1, 39, "name", "U+200B", 5),
        (
            "name: \"Park\\u{1b}[31mSeo-joon\"",
            1,
            39,
            "name",
            "U+001B",
            5,
        ),
        (
            "name: \"Park Seo-joon\", aliases: [\"\u{202e}nooj\"]",
            1,
            65,
            "aliases",
            "U+202E",
            1,
        ),
        (
            "name: \"Park Seo-joon\", hangul: \"박서준\u{feff}\"",
            1,
            64,
            "hangul",
            "U+FEFF",
            4,
        ),
    ];
    for (fields, line, column, field, code, at) in cases {
        let text = format!("(people: [(id: \"park-seo-joon\", {fields})])");
        let err = Catalog::from_str("names.ron", &text).unwrap_err();
        assert_eq!(
            located(&err),
            (
                "names.ron".to_string(),
                line,
                column,
                format!(
                    "\"park-seo-joon\": {field} holds an invisible or control character, \
                     {code}, at character {at}: names must be visible text"
                )
            ),
            "{fields}"
        );
    }
}

// ------------------------------------------------ RON: files and directories

/// `from_path` on a FIFO, `/dev/zero` or a file over the size cap: refused
/// before reading (before: a FIFO blocked forever, `/dev/zero` read until
/// memory ran out).
#[cfg(unix)]
#[test]
fn ron_special_files_and_huge_files_are_refused() {
    let dir = scratch("ron-special");
    let fifo = dir.join("pipe.ron");
    mkfifo(&fifo);
    let err = Catalog::from_path(&fifo).unwrap_err();
    assert_eq!(
        io_message(&err),
        "a FIFO (named pipe), not a regular file: refused without reading"
    );
    let err = Catalog::from_path("/dev/zero").unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot read /dev/zero: a character device, not a regular file: refused without reading"
    );
    let huge = dir.join("huge.ron");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(Catalog::MAX_FILE_SIZE + 1).unwrap();
    drop(file);
    let err = Catalog::from_path(&huge).unwrap_err();
    assert_eq!(
        io_message(&err),
        "the file has 67108865 bytes, more than the 67108864 a RON file may have \
         (Catalog::MAX_FILE_SIZE)"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// In a data directory, every `*.ron` entry that is not a readable regular
/// file is an error naming it (before: each was skipped without a word).
#[cfg(unix)]
#[test]
fn ron_directory_entries_are_never_skipped_silently() {
    use std::os::unix::fs::symlink;
    let dir = scratch("ron-dir");
    std::fs::write(dir.join("a.ron"), "(people: [(id: \"iu\", name: \"IU\")])").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a catalog").unwrap();
    symlink(dir.join("nowhere"), dir.join("b-broken.ron")).unwrap();
    symlink(dir.join("c-loop.ron"), dir.join("c-loop.ron")).unwrap();
    mkfifo(&dir.join("d-fifo.ron"));
    std::fs::create_dir(dir.join("e-dir.ron")).unwrap();
    symlink("/proc/self/mem", dir.join("f-unreadable.ron")).unwrap();
    let err = Catalog::from_path(&dir).unwrap_err();
    let messages: Vec<(String, String)> = err
        .iter()
        .map(|e| match e.kind() {
            ErrorKind::Io { path, message } => (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                message.clone(),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    let expected = [
        (
            "b-broken.ron",
            "a broken or looping symbolic link: No such file or directory (os error 2)",
        ),
        (
            "c-loop.ron",
            "a broken or looping symbolic link: Too many levels of symbolic links (os error 40)",
        ),
        (
            "d-fifo.ron",
            "a FIFO (named pipe), not a regular file: refused without reading",
        ),
        ("e-dir.ron", "a directory named *.ron: only files are read"),
        ("f-unreadable.ron", "Input/output error (os error 5)"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(messages, expected);
    std::fs::remove_dir_all(&dir).ok();
}

/// The same 3 MB file with every reference valid: the cost of loading it,
/// to compare with the failing one above.
#[test]
#[ignore = "stress: baseline of the 40,000-reference file"]
fn ron_forty_thousand_valid_references_baseline() {
    let n = 40_000;
    let text = catalog_text(n, (0..n).map(|i| format!("person-{i:05}")));
    let start = Instant::now();
    let catalog = Catalog::from_str("valid.ron", &text).unwrap();
    eprintln!("40,000 valid references: {:?}", start.elapsed());
    assert_eq!(catalog.records().credits.len(), n);
}

/// IMDb names and titles are put in NFC too: a decomposed name and the
/// precomposed one are one spelling.
#[test]
fn imdb_names_are_nfc_on_load() {
    let (_, _, principals) = default_files();
    let names = format!(
        "{NAMES}{}{}",
        name_row("nm0000001", "Zoe\u{308} Mu\u{308}ller"),
        name_row(
            "nm0000002",
            "\u{1107}\u{1161}\u{11a8}\u{1107}\u{1169}\u{110b}\u{1167}\u{11bc}"
        )
    );
    let titles = format!("{TITLES}{}", title_row("tt0000001", "movie", "Cafe\u{301}"));
    let dir = imdb(
        "nfc",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = &imported.explorer;
    let zoe = ex.person("nm0000001").unwrap();
    assert_eq!(ex.name(zoe.into()), "Zo\u{eb} M\u{fc}ller");
    let bo_young = ex.person("nm0000002").unwrap();
    assert_eq!(ex.name(bo_young.into()), "박보영");
    assert!(ex.person("박보영").is_ok());
    let w = ex.work("tt0000001").unwrap();
    assert_eq!(ex.name(w.into()), "Caf\u{e9}");
}

/// A huge dangling id is printed shortened (the error keeps it whole): 100
/// listed errors stay 100 short lines.
#[test]
fn ron_huge_ids_are_shortened_in_messages() {
    let id = "a".repeat(1 << 20);
    let text = format!(
        "(works: [(id: \"w\", title: \"W\", kind: Film, released: \"2020\")], credits: [(from: \"{id}\", to: \"w\", role: Performer)])"
    );
    let err = Catalog::from_str("huge.ron", &text).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "huge.ron:1:81: unknown id \"{}… (1048576 characters)\"",
            "a".repeat(80)
        )
    );
    assert!(
        matches!(err.kind(), ErrorKind::UnknownReference { id: whole, .. } if whole.len() == 1 << 20)
    );
}

// ---------------------------------------------------------------------------
// A `dot` that misbehaves: it hangs, leaves a child holding its output, or
// prints something that is not a picture. Each is a clear error, in bounded
// time, and nothing is written as if it were the picture.

#[cfg(unix)]
mod graphviz {
    use hallyu::export::dot::Layout;
    use hallyu::render::{Format, Graphviz};
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    fn fake_dot(name: &str, script: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("hallyu-fake-dot-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("dot");
        std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    const DOT: &str = "graph { a -- b }";

    #[test]
    fn a_hanging_dot_is_stopped_at_the_timeout() {
        let dot = fake_dot("hang", "cat > /dev/null; sleep 30");
        let start = Instant::now();
        let err = Graphviz::at(&dot)
            .timeout(Duration::from_millis(500))
            .run(DOT, Layout::Dot, Format::Svg)
            .unwrap_err();
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
        assert!(err.to_string().contains("did not finish in 500ms"), "{err}");
    }

    #[test]
    fn a_dot_whose_child_holds_the_output_is_an_error_not_a_hang() {
        let dot = fake_dot(
            "child",
            "cat > /dev/null; (sleep 30 &) ; echo '<svg></svg>'",
        );
        let start = Instant::now();
        let err = Graphviz::at(&dot)
            .run(DOT, Layout::Dot, Format::Svg)
            .unwrap_err();
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
        assert!(err.to_string().contains("output stayed open"), "{err}");
    }

    /// `HALLYU_DOT` set to a relative path: a path with a directory part
    /// (`bin/dot`, `./bin/dot`) is resolved against the current directory,
    /// and the program found there is the one spawned; a bare name is
    /// looked up on `PATH` only, never in the current directory. The
    /// variable is set in a child process (this test run again), not in
    /// this one, where other tests read the environment.
    #[test]
    fn a_relative_hallyu_dot_is_the_program_spawned() {
        const CHILD: &str = "HALLYU_TEST_RELATIVE_DOT";
        if std::env::var_os(CHILD).is_some() {
            match hallyu::render::Graphviz::find() {
                Ok(g) => {
                    let (svg, _) = g.run(DOT, Layout::Dot, Format::Svg).unwrap();
                    println!(
                        "program {} output {}",
                        g.program().display(),
                        String::from_utf8_lossy(&svg).trim()
                    );
                }
                Err(e) => println!("error {e}"),
            }
            return;
        }
        let dot = fake_dot(
            "relative",
            "cat > /dev/null; echo '<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- the relative one --></svg>'",
        );
        let dir = dot.parent().unwrap();
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        std::fs::copy(&dot, dir.join("bin/dot")).unwrap();
        std::fs::copy(&dot, dir.join("hallyu-no-such-dot")).unwrap();
        let ask = |value: &str| {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "graphviz::a_relative_hallyu_dot_is_the_program_spawned",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD, "1")
                .env("HALLYU_DOT", value)
                .current_dir(dir)
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            // The child's line follows libtest's "test … ... " on the same line.
            stdout
                .lines()
                .find_map(|l| {
                    l.find("program /")
                        .or_else(|| l.find("error "))
                        .map(|i| l[i..].to_string())
                })
                .unwrap_or_else(|| panic!("no answer from the child: {stdout}"))
        };
        let dir = std::fs::canonicalize(dir).unwrap();
        for value in ["bin/dot", "./bin/dot"] {
            let line = ask(value);
            let want = format!(
                "program {} output <svg",
                std::path::absolute(dir.join(value)).unwrap().display()
            );
            assert!(line.starts_with(&want), "{value}: {line}");
            assert!(line.contains("the relative one"), "{value}: {line}");
        }
        let line = ask("hallyu-no-such-dot");
        assert!(
            line.starts_with(
                "error HALLYU_DOT is set to \"hallyu-no-such-dot\", which is not a program"
            ),
            "{line}"
        );
    }

    #[test]
    fn garbage_from_dot_is_not_taken_for_a_picture() {
        let dot = fake_dot("garbage", "cat > /dev/null; echo 'this is not svg'");
        let err = Graphviz::at(&dot)
            .run(DOT, Layout::Dot, Format::Svg)
            .unwrap_err();
        assert!(err.to_string().contains("not svg"), "{err}");
        let err = Graphviz::at(&dot)
            .run(DOT, Layout::Dot, Format::Png)
            .unwrap_err();
        assert!(err.to_string().contains("not png"), "{err}");
    }
}

/// 100,000 `unverified` marks on one record, each naming an alias: one set
/// lookup each (the check was a scan of the aliases per mark: 8.9 s).
#[test]
#[ignore = "stress: 100,000 unverified marks"]
fn ron_many_unverified_marks_load_in_bounded_time() {
    let n = 100_000;
    let aliases: Vec<String> = (0..n).map(|i| format!("\"Alias {i}\"")).collect();
    let marks: Vec<String> = (0..n).map(|i| format!("\"aliases:Alias {i}\"")).collect();
    let text = format!(
        "(people: [(id: \"someone\", name: \"Someone\", aliases: [{}], unverified: [{}])])",
        aliases.join(","),
        marks.join(",")
    );
    let start = std::time::Instant::now();
    let catalog = hallyu::Catalog::from_str("marks.ron", &text).unwrap();
    assert_eq!(catalog.records().people[0].unverified.len(), n);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

/// 1,000 people who all share 1,000 works: the projection has a million
/// edges but the analytics never hold the half-billion (person, person,
/// work) triples (before: `centre` took 48 s and 6.3 GB).
#[test]
#[ignore = "stress: 1,000 people in 1,000 works each"]
fn dense_casts_do_not_materialise_triples() {
    use std::fmt::Write as _;
    let dir = std::env::temp_dir().join(format!("hallyu-dense-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (n, works) = (1000, 1000);
    let mut names = String::from(
        "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n",
    );
    for p in 0..n {
        writeln!(names, "nm{p:07}\tPerson {p}\t\\N\t\\N\tactor\t\\N").unwrap();
    }
    let mut titles = String::from(
        "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n",
    );
    let mut principals = String::from("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n");
    for w in 0..works {
        writeln!(
            titles,
            "tt{w:07}\tmovie\tWork {w}\tWork {w}\t0\t2000\t\\N\t90\tDrama"
        )
        .unwrap();
        for p in 0..n {
            writeln!(principals, "tt{w:07}\t{}\tnm{p:07}\tactor\t\\N\t\\N", p + 1).unwrap();
        }
    }
    std::fs::write(dir.join("name.basics.tsv"), names).unwrap();
    std::fs::write(dir.join("title.basics.tsv"), titles).unwrap();
    std::fs::write(dir.join("title.principals.tsv"), principals).unwrap();
    let ex = hallyu::import::Imdb::new().from_dir(&dir).unwrap().explorer;
    std::fs::remove_dir_all(&dir).ok();
    let before = peak_kib();
    let start = std::time::Instant::now();
    let ranking = ex.centre_ranking(&hallyu::Filter::new());
    let took = start.elapsed();
    let grew = peak_kib().saturating_sub(before);
    eprintln!(
        "centre of 1,000 × 1,000: {took:?}, peak memory +{} MiB",
        grew / 1024
    );
    assert_eq!(ranking.len(), n);
    assert_eq!(ranking.iter().next().unwrap().mean_distance, Some(1.0));
    assert!(grew < 400 * 1024, "peak memory grew by {} MiB", grew / 1024);
    assert!(took < std::time::Duration::from_secs(120), "{took:?}");
}

/// A chain of diamonds: hub i shares one work with each of a_i and b_i, and
/// those share one with hub i+1, so there are 2^k shortest paths from the
/// first hub to the last. Past 1,024 diamonds the counts leave f64's range;
/// betweenness must stay finite and exact in its ranking (before: 3,299 of
/// 3,301 values were NaN and the two endpoints ranked first), and the path
/// count says "at least" once it passes 2^64 − 1.
#[test]
fn betweenness_survives_more_paths_than_f64_can_count() {
    use hallyu::query::{AllPathsOptions, Measure};
    use hallyu::{Explorer, Filter};
    use std::fmt::Write as _;
    let k = 1100;
    let mut people = String::new();
    let mut works = String::new();
    let mut credits = String::new();
    let person = |s: &mut String, id: &str| writeln!(s, "(id: \"{id}\", name: \"{id}\"),").unwrap();
    for i in 0..=k {
        person(&mut people, &format!("h{i}"));
        if i < k {
            person(&mut people, &format!("a{i}"));
            person(&mut people, &format!("b{i}"));
        }
    }
    let mut link = |x: String, y: String| {
        let w = format!("w-{x}-{y}");
        writeln!(
            works,
            "(id: \"{w}\", title: \"{w}\", kind: Film, released: \"2020\"),"
        )
        .unwrap();
        for p in [x, y] {
            writeln!(
                credits,
                "(from: \"{p}\", to: \"{w}\", role: Cast(billing: Lead)),"
            )
            .unwrap();
        }
    };
    for i in 0..k {
        for side in ["a", "b"] {
            link(format!("h{i}"), format!("{side}{i}"));
            link(format!("{side}{i}"), format!("h{}", i + 1));
        }
    }
    let text = format!("(people: [{people}], works: [{works}], credits: [{credits}])");
    let ex = Explorer::new(hallyu::Catalog::from_str("diamonds.ron", &text).unwrap());
    let c = ex.centrality(&Filter::new());
    assert!(
        c.iter().all(|s| s.betweenness.is_finite()),
        "a NaN or infinite betweenness"
    );
    let ranked = c.ranked(Measure::Betweenness);
    let key = |p| ex.key(hallyu::Entity::Person(p)).into_owned();
    assert_eq!(
        key(ranked[0].person),
        format!("h{}", k / 2),
        "the middle hub ranks first"
    );
    let first = ex.person("h0").unwrap();
    let last = ex.person(&format!("h{k}")).unwrap();
    // An end hub lies only on the two shortest paths between its own
    // diamond's a and b (one of the two ways round): 1 ordered pair's worth,
    // normalised by (n − 1)(n − 2).
    let n = (3 * k + 1) as f64;
    let want = 1.0 / ((n - 1.0) * (n - 2.0));
    for end in [first, last] {
        let got = c.get(end).betweenness;
        assert!((got - want).abs() <= 1e-9 * want, "{got} against {want}");
    }
    let all = ex.all_shortest_paths(
        first,
        last,
        &AllPathsOptions::new().limit(1),
        &Filter::new(),
    );
    assert!(!all.count_is_exact());
    assert!(
        all.to_string()
            .starts_with("at least 18446744073709551615 shortest paths"),
        "{all}"
    );
}

/// A graph without a single credit (a RON catalog of people and works only,
/// or a node-link file whose edges are under another key): every record
/// answers with nothing, without a panic (before: the neighbourhood of a
/// person, the credits of a work, indexed an empty credit table; found by
/// the `json` fuzz target).
#[test]
fn a_graph_without_credits_answers_every_query() {
    use hallyu::query::NeighbourhoodOptions;
    use hallyu::{Explorer, Filter};
    let text = "(people: [(id: \"a\", name: \"A\")], works: [(id: \"w\", title: \"W\", kind: Film, released: \"2020\")])";
    let ex = Explorer::new(Catalog::from_str("bare.ron", text).unwrap());
    let f = Filter::new();
    let a = ex.person("a").unwrap();
    let w = ex.work("w").unwrap();
    assert_eq!(ex.credits_of(a.into()).count(), 0);
    assert_eq!(ex.credits_of(w.into()).count(), 0);
    assert!(ex.co_appearances(a, &f).is_empty());
    let n = ex.neighbourhood(a, &NeighbourhoodOptions::new(), &f);
    assert_eq!(n.people().len(), 1);
    assert!(ex.components(&f).sizes().iter().sum::<usize>() <= 1);
}

/// Input text inside a message (a quoted CSV header field holding a
/// newline, a value with an escape character) is escaped, so that one
/// error is one line (before: the message went on over two lines; found by
/// the `csv` fuzz target).
#[test]
fn messages_holding_input_text_stay_on_one_line() {
    let err = hallyu::import::Csv::new()
        .from_reader("e.csv", &b"person,,\"Cele\nbrity\",20x1\n"[..])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "e.csv:1:1: missing column \"work\" (the header has person, , Cele\\nbrity, 20x1)"
    );
    let err = hallyu::import::Csv::new()
        .from_reader("e.csv", &b"person,work,year\nIU,Dream,\"20\x1b[31m\"\n"[..])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "e.csv:2:10: invalid year \"20\\u{1b}[31m\" (expected a whole number, nothing)"
    );
}

/// A short CSV row whose last field is quoted over several lines, or holds
/// `""`: the error is at the field's end, inside the line it ends on
/// (before: the field's start column plus its length, past the end of the
/// line; found by the `csv` fuzz target).
#[test]
fn csv_short_row_ending_in_a_multi_line_field_is_located_at_its_end() {
    let err = hallyu::import::Csv::new()
        .from_reader(
            "e.csv",
            &b"person,work,year\nIU,\"Dream\nof \"\"Seoul\"\"\"\n"[..],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "e.csv:3:14: this row has 2 fields, the header 3"
    );
}

/// A JSON syntax error after Hangul is at its column in characters, as
/// every other error (before: serde_json's column in bytes, past the end of
/// the line; found by the `json` fuzz target).
#[cfg(feature = "serde")]
#[test]
fn json_syntax_error_columns_count_characters() {
    let err = hallyu::import::NodeLink::new()
        .from_reader("e.json", "{\"nodes\": [\"은은은\"".as_bytes())
        .unwrap_err();
    assert_eq!(err.to_string(), "e.json:1:16: EOF while parsing a list");
}

/// The `hallyu` command escapes control characters of imported names when
/// it prints them as text, in answers and in errors: an escape sequence in
/// a CSV name reaches the terminal as `\u{1b}`, not as ESC.
#[cfg(feature = "cli")]
#[test]
fn the_command_escapes_control_characters_for_the_terminal() {
    let dir = scratch("terminal");
    let csv = dir.join("credits.csv");
    std::fs::write(
        &csv,
        "person,work,year\n\"Kim\x1b[31m Red\",Dream,2023\nIU,Dream,2023\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hallyu"))
            .arg("--data")
            .arg(&csv)
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run(&["costars", "IU"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("Kim\\u{1b}[31m Red"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    let out = run(&["costars", "Kim\x1b[31m Redd"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}

/// Defect 1 of issue 11: an import with a title from before 1900 (the real
/// IMDb starts in 1894), a year `\N` and a name `\N` answers every query,
/// a neighbourhood included (it built a catalog and panicked).
#[test]
fn imdb_titles_before_1900_and_unnamed_people_answer_every_query() {
    let names = format!(
        "{NAMES}{}{}{}",
        name_row("nm0000001", "Louis Le Prince"),
        name_row("nm0000002", "\\N"),
        name_row("nm0000003", "Adolphe Le Prince")
    );
    let titles = format!(
        "{TITLES}tt0000001\tshort\tRoundhay Garden Scene\tRoundhay Garden Scene\t0\t1888\t\\N\t1\tShort\n\
         tt0000002\tshort\tUndated\tUndated\t0\t\\N\t\\N\t1\tShort\n"
    );
    let principals = format!(
        "{PRINCIPALS}{}{}{}",
        principal_row("tt0000001", 1, "nm0000001"),
        principal_row("tt0000001", 2, "nm0000002"),
        principal_row("tt0000002", 1, "nm0000003"),
    );
    let dir = imdb(
        "before-1900",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = imported.explorer;
    let f = Filter::new();
    let louis = ex.person("nm0000001").unwrap();
    let nameless = ex.person("nm0000002").unwrap();
    let garden = ex.work("tt0000001").unwrap();
    assert_eq!(ex.get(garden).year(), Some(1888));
    assert_eq!(ex.get(nameless).name(), "", "IMDb's \\N is no name");
    let near = ex.neighbourhood(louis, &hallyu::query::NeighbourhoodOptions::new(), &f);
    assert_eq!((near.people().len(), near.works().len()), (2, 1));
    let there = near.person("nm0000002").unwrap();
    assert_eq!(near.get(there).name(), "");
    assert_eq!(ex.co_appearances(louis, &f).len(), 1);
    assert_eq!(ex.shortest_path(louis, nameless, &f).unwrap().len(), 1);
    // The undated work keeps its unknown year, also through the records.
    let undated = ex.work("tt0000002").unwrap();
    assert_eq!(ex.get(undated).year(), None);
    let records = ex.to_records();
    let w = records.works.iter().find(|w| w.id == "tt0000002").unwrap();
    assert_eq!(
        (w.released.year, &w.unverified[..]),
        (0, &["released".to_string()][..])
    );
    // As a catalog these records break its rules for curated data, and say
    // which, each naming its record: no panic, nothing dropped.
    let err = Catalog::from_records("imported", records)
        .map(|_| ())
        .unwrap_err();
    let mut all: Vec<String> = err.iter().map(|e| e.to_string()).collect();
    all.sort();
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(
        all[0].contains("nm0000002") && all[0].contains("empty name"),
        "{all:#?}"
    );
    assert!(
        all[1].contains("tt0000001") && all[1].contains("implausible year 1888"),
        "{all:#?}"
    );
    assert!(
        all[2].contains("tt0000002") && all[2].contains("implausible year 0"),
        "{all:#?}"
    );
}

/// Defect 4 of issue 11: `works_of` was a linear search per appearance,
/// quadratic in one person's works (1M titles: 167 s). One person in a
/// million titles now answers in well under the budget.
#[test]
#[ignore = "stress: one person in 1,000,000 titles"]
fn works_of_one_person_in_a_million_titles_is_fast() {
    use std::fmt::Write as _;
    const N: usize = 1_000_000;
    let names = format!("{NAMES}{}", name_row("nm0000001", "Everywhere"));
    let mut titles = String::from(TITLES);
    let mut principals = String::from(PRINCIPALS);
    for t in 1..=N {
        writeln!(
            titles,
            "tt{t:07}\tmovie\tT{t}\tT{t}\t0\t2000\t\\N\t90\tDrama"
        )
        .unwrap();
        writeln!(principals, "tt{t:07}\t1\tnm0000001\tactor\t\\N\t\\N").unwrap();
    }
    let dir = imdb(
        "works-of",
        names.as_bytes(),
        titles.as_bytes(),
        principals.as_bytes(),
    );
    let ex = Imdb::new().from_dir(&dir).unwrap().explorer;
    std::fs::remove_dir_all(&dir).ok();
    let p = ex.person("nm0000001").unwrap();
    let began = Instant::now();
    let works = ex.works_of(p, &Filter::new());
    let took = began.elapsed();
    eprintln!("works_of of one person in {N} titles: {took:?}");
    assert_eq!(works.len(), N);
    assert!(took < Duration::from_secs(30), "works_of took {took:?}");
}

/// Defect 5 of issue 11, for the readers that came after it: a FIFO or a
/// link to `/dev/zero` named like a CSV, JSON or GraphML file is refused
/// by type before it is opened (a FIFO blocked the read, `/dev/zero` read
/// until memory ran out), by `import::open` and by each reader.
#[cfg(unix)]
#[test]
fn interchange_readers_refuse_special_files_by_type() {
    let dir = scratch("special-interchange");
    for ext in ["csv", "tsv", "json", "graphml"] {
        let fifo = dir.join(format!("fifo.{ext}"));
        mkfifo(&fifo);
        let zero = dir.join(format!("zero.{ext}"));
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (path, kind) in [(&fifo, "a FIFO"), (&zero, "a character device")] {
            let began = Instant::now();
            let err = hallyu::import::open(path).map(|_| ()).unwrap_err();
            let msg = io_message(&err);
            assert!(
                msg.contains(kind) && msg.contains("refused without reading"),
                "{ext}: {msg}"
            );
            assert!(began.elapsed() < Duration::from_secs(5));
        }
        std::fs::remove_file(&fifo).unwrap();
        std::fs::remove_file(&zero).unwrap();
    }
    let fifo = dir.join("edges.csv");
    mkfifo(&fifo);
    let err = hallyu::import::Csv::new()
        .from_path(&fifo)
        .map(|_| ())
        .unwrap_err();
    assert!(io_message(&err).contains("a FIFO"), "{err}");
    let err = hallyu::import::Graphml::new()
        .from_path(&fifo)
        .map(|_| ())
        .unwrap_err();
    assert!(io_message(&err).contains("a FIFO"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 11's NFC rule holds in every reader: in a CSV edge list, a name
/// typed with combining marks (NFD, as macOS keeps file names) and the
/// same name precomposed are one person, kept in NFC.
#[test]
fn interchange_names_are_nfc_on_load() {
    let dir = scratch("nfc-csv");
    let csv = dir.join("credits.csv");
    let nfd = "\u{1107}\u{1161}\u{11a8}\u{1109}\u{1165}\u{110c}\u{116e}\u{11ab}"; // 박서준
    std::fs::write(
        &csv,
        format!("person,work,year\n{nfd},Parasite,2019\n박서준,Itaewon Class,2020\n"),
    )
    .unwrap();
    let loaded = hallyu::import::Csv::new().from_path(&csv).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = loaded.explorer;
    assert_eq!(ex.people().len(), 1, "one person, not two");
    let p = ex.people().next().unwrap();
    assert_eq!(ex.get(p).name(), "박서준");
    assert_eq!(ex.works_of(p, &Filter::new()).len(), 2);
}

/// The examples, run as a user runs them (issue 11, defect 12 and 10's
/// garbage output end to end). `cargo test` builds them beside the tests.
#[cfg(unix)]
mod examples {
    use std::path::PathBuf;
    use std::process::{Command, Stdio};

    fn example(name: &str) -> PathBuf {
        let exe = std::env::current_exe().unwrap();
        let dir = exe.parent().and_then(|d| d.parent()).unwrap();
        let path = dir.join("examples").join(name);
        assert!(
            path.is_file(),
            "{} is missing: `cargo test` builds the examples (alone: `cargo build --examples`)",
            path.display()
        );
        path
    }

    /// The imdb example checks its numbers, naming the allowed range:
    /// `betweenness -1`, `0` or `NaN` sampled forever or nothing, `--lanes
    /// 7` was taken as 256.
    #[test]
    fn the_imdb_example_checks_its_numbers() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/imdb/good");
        let cases: &[(&[&str], &str)] = &[
            (&["betweenness", "-1"], "between 0 and 1"),
            (&["betweenness", "0"], "between 0 and 1"),
            (&["betweenness", "NaN"], "between 0 and 1"),
            (&["betweenness", "1"], "between 0 and 1"),
            (&["top", "0"], "at least 1"),
            (&["top", "3", "--lanes", "7"], "64, 128, 256 or 512"),
            (&["stats", "--repeat", "0"], "at least 1"),
            (&["centre-all", "--limit", "0"], "at least 1"),
            (&["rank", "closeness", "0"], "at least 1"),
            (&["rank", "fame", "3"], "centrality measure"),
        ];
        for (args, range) in cases {
            let out = Command::new(example("imdb"))
                .arg(dir)
                .args(*args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}");
            assert!(stderr.contains(range), "{args:?}: {stderr}");
        }
        // In range, it answers.
        let out = Command::new(example("imdb"))
            .arg(dir)
            .args(["rank", "degree", "2", "--lanes", "64"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("2 of "));
    }

    #[test]
    fn examples_end_quietly_on_a_closed_pipe_and_fail_on_a_full_stdout() {
        use std::io::Read;
        // A closed pipe: read a byte, then close it.
        let mut child = Command::new(example("explore"))
            .args(["projection"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut one = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut one).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        // A full disk: an error on stderr and status 1, not a panic.
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = Command::new(example("explore"))
            .args(["projection"])
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("cannot write the answer"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }

    #[test]
    fn export_dot_out_naming_a_file_says_so() {
        let dir = super::scratch("out-is-a-file");
        let file = dir.join("pictures");
        std::fs::write(&file, "not a directory").unwrap();
        let out = Command::new(example("export_dot"))
            .arg("--out")
            .arg(&file)
            .arg("--engine")
            .arg("builtin")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(stderr.contains("is a file"), "{stderr}");
        assert!(!stderr.contains("File exists"), "{stderr}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn export_dot_with_a_dot_that_prints_garbage_writes_no_svg() {
        use std::os::unix::fs::PermissionsExt;
        let dir = super::scratch("garbage-dot");
        let dot = dir.join("dot");
        std::fs::write(&dot, "#!/bin/sh\ncat > /dev/null; echo 'this is not svg'\n").unwrap();
        std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).unwrap();
        let pictures = dir.join("pictures");
        let out = Command::new(example("export_dot"))
            .arg("--out")
            .arg(&pictures)
            .args(["--engine", "graphviz"])
            .env("HALLYU_DOT", &dot)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(stderr.contains("not svg"), "{stderr}");
        let svgs: Vec<_> = std::fs::read_dir(&pictures)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "svg"))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        assert!(svgs.is_empty(), "{svgs:?}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_imdb_example_escapes_control_characters_for_the_terminal() {
        use super::{NAMES, PRINCIPALS, TITLES, name_row, principal_row, title_row};
        let names = format!(
            "{NAMES}{}{}",
            name_row("nm0000001", "Kim\x1b[31m Red"),
            name_row("nm0000002", "IU")
        );
        let titles = format!("{TITLES}{}", title_row("tt0000001", "movie", "Dream"));
        let principals = format!(
            "{PRINCIPALS}{}{}",
            principal_row("tt0000001", 1, "nm0000001"),
            principal_row("tt0000001", 2, "nm0000002")
        );
        let dir = super::imdb(
            "terminal-example",
            names.as_bytes(),
            titles.as_bytes(),
            principals.as_bytes(),
        );
        let out = Command::new(example("imdb"))
            .arg(&dir)
            .args(["costars", "nm0000002"])
            .output()
            .unwrap();
        std::fs::remove_dir_all(&dir).ok();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}");
        // Names are printed quoted, escaped as JSON strings are.
        assert!(stdout.contains(r#""Kim\u001b[31m Red""#), "{stdout}");
        assert!(!stdout.contains('\x1b'), "{stdout:?}");
    }
}

/// Defect 5 of issue 11 for the `hallyu` command: `--data` naming a FIFO
/// (no extension, so the command looks at its first bytes to guess what it
/// is) is refused by type, at once, instead of blocking in that read.
#[cfg(all(unix, feature = "cli"))]
#[test]
fn the_command_refuses_a_fifo_as_data() {
    let dir = scratch("cli-fifo");
    let fifo = dir.join("data");
    mkfifo(&fifo);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hallyu"))
        .arg("--data")
        .arg(&fifo)
        .args(["costars", "IU"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let began = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if began.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            panic!("hallyu --data FIFO still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("a FIFO (named pipe), not a regular file"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Names of communities made of hostile titles (markup, quotes, DOT and
/// HTML-like label syntax, control characters): the legend of a
/// communities picture holds them as text in the DOT of both Graphviz
/// layouts (a cluster of samples for `dot`, an HTML-like table for
/// `neato`) and in the built-in renderer's SVG, which stays well-formed;
/// Graphviz reads the DOT and draws the names.
#[test]
fn hostile_community_names_stay_text_in_the_legend() {
    use hallyu::export::{View, dot};
    use hallyu::query::CommunityOptions;
    use hallyu::render::{Engine, RenderOptions, Renderer};
    let titles = [
        "</script><script>alert(1)</script>",
        "\"quoted\" ]; node [label=<b>x</b>",
        "<TABLE><TR><TD>cell</TD></TR></TABLE> & &amp;",
        "Line\nbreak\u{1}\u{7f} {{DATA}}",
    ];
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv = String::from("person_id,person,work_id,work,kind,role,billing,character,year\n");
    for (w, title) in titles.iter().enumerate() {
        for p in 0..3 {
            csv.push_str(&format!(
                "p{w}-{p},Person {w}-{p},w{w},{},film,cast,lead,,2020\n",
                quote(title)
            ));
        }
    }
    let dir = scratch("hostile-communities");
    let data = dir.join("hostile.csv");
    std::fs::write(&data, csv).unwrap();
    let explorer = hallyu::import::open(&data).unwrap();
    let d = View::communities(CommunityOptions::new())
        .diagram(&explorer)
        .unwrap();
    let mut names = d.clusters.clone();
    names.sort();
    let mut expected: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    expected.sort();
    assert_eq!(names, expected, "each community named by its film");

    for layout in [dot::Layout::Dot, dot::Layout::Neato] {
        let text = dot::to_dot(&d, &dot::DotOptions::new().layout(layout));
        if layout == dot::Layout::Neato {
            // The legend is an HTML-like label: markup of a name would be
            // markup there.
            let table = &text[text.find("label=<<TABLE").expect("the legend's table")..];
            let table = &table[..table.find("</TABLE>>").unwrap()];
            for bad in ["<script>", "<b>x</b>", "<TABLE><TR><TD>cell", "& &amp;"] {
                assert!(!table.contains(bad), "raw {bad:?} in\n{table}");
            }
            assert!(
                table.contains("&lt;TABLE&gt;&lt;TR&gt;&lt;TD&gt;cell&lt;/TD&gt;"),
                "{table}"
            );
            assert!(table.contains("&amp; &amp;amp;"), "{table}");
        } else {
            // Quoted strings: a quote of a name cannot end its string.
            assert!(
                text.contains(r#"label="\"quoted\" ]; node [label=<b>x</b>""#),
                "{text}"
            );
        }
        if let Ok(graphviz) = hallyu::render::Graphviz::find() {
            let (svg, _) = graphviz
                .run(&text, layout, hallyu::render::Format::Svg)
                .unwrap_or_else(|e| panic!("{layout:?}: {e}\n{text}"));
            let svg = String::from_utf8(svg).unwrap();
            assert!(!svg.contains("<script>"), "{layout:?}");
            assert!(
                svg.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{layout:?}: the name drawn as text"
            );
        }
    }
    let svg = Renderer::new(RenderOptions::new().engine(Engine::Builtin))
        .render(&d)
        .unwrap();
    let svg = svg.as_str().unwrap();
    assert!(!svg.contains("<script>") && !svg.contains("<TABLE>"));
    assert!(svg.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    let legend = &svg[svg.find("<g class=\"legend\">").unwrap()..];
    assert!(
        legend.contains("&lt;TABLE&gt;&lt;TR&gt;&lt;TD&gt;cell"),
        "{legend}"
    );
    // Well-formed: every element closed.
    assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
}
