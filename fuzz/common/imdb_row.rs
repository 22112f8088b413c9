//! The check behind the `imdb_row` fuzz target, shared with the seed replay
//! in `tests/fuzz_seeds.rs` (both include this file with `#[path]`).
//!
//! The input is up to three files separated by NUL bytes, in the order of
//! [`FILES`] (`name.basics`, `title.basics`, `title.principals`); a file not
//! given is a small valid default. A file starting with the gzip magic bytes
//! is written as `.tsv.gz`. The three are imported from `dir`, and:
//!
//! * no panic;
//! * every error has a location in one of the three files, with a 1-based
//!   line and a column no further than one past the end of that line;
//! * skipping bad rows either loads, or fails on a header or a read error,
//!   never on a data row; on input that loads strictly it changes nothing;
//! * every principal row is accounted for in the report (nothing dropped
//!   silently; bad rows are counted per file, and add up), and every kept
//!   person and work looks up by its key;
//! * with a line limit of 100 bytes (longer lines are bad rows), the same
//!   holds: the bounded reader never fails on a data row when skipping.

use std::path::Path;

use hallyu::import::{FILES, Imdb, Imported, Report};
use hallyu::{Entity, ErrorKind, Filter};

/// The files used when the input gives fewer than three.
pub const DEFAULTS: [&[u8]; 3] = [
    b"nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n\
      nm0000001\tPark Seo-joon\t1988\t\\N\tactor\t\\N\n\
      nm0000002\tChoi Woo-shik\t1990\t\\N\tactor\t\\N\n",
    b"tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n\
      tt0000001\tmovie\tParasite\tParasite\t0\t2019\t\\N\t132\tDrama\n",
    b"tconst\tordering\tnconst\tcategory\tjob\tcharacters\n\
      tt0000001\t1\tnm0000001\tactor\t\\N\t\\N\n\
      tt0000001\t2\tnm0000002\tactor\t\\N\t\\N\n",
];

/// Writes the files of `data` into `dir` (created if needed) and checks the
/// import.
pub fn check(dir: &Path, data: &[u8]) {
    std::fs::create_dir_all(dir).expect("temporary directory");
    let mut parts = data.splitn(3, |&b| b == 0);
    let files: Vec<&[u8]> = DEFAULTS
        .iter()
        .map(|default| parts.next().unwrap_or(default))
        .collect();
    for (base, bytes) in FILES.iter().zip(&files) {
        let plain = dir.join(format!("{base}.tsv"));
        let gz = dir.join(format!("{base}.tsv.gz"));
        let (write, other) = if bytes.starts_with(&[0x1f, 0x8b]) {
            (gz, plain)
        } else {
            (plain, gz)
        };
        let _ = std::fs::remove_file(other);
        std::fs::write(write, bytes).expect("write the input");
    }

    let bounded = Imdb::new().max_line(100).skip_bad_rows(true).from_dir(dir);
    match &bounded {
        Ok(imported) => check_loaded(imported, true),
        Err(e) => {
            check_error(e, &files);
            let header = matches!(e.kind(), ErrorKind::Parse { .. })
                && e.location().is_some_and(|l| l.line == 1);
            assert!(
                header || matches!(e.kind(), ErrorKind::Io { .. }),
                "skipping bad rows (100-byte lines) failed on a data row: {e}"
            );
        }
    }

    let strict = Imdb::new().from_dir(dir);
    let lenient = Imdb::new().skip_bad_rows(true).from_dir(dir);
    match (&strict, &lenient) {
        (Ok(strict), Ok(lenient)) => {
            assert_eq!(
                strict.report, lenient.report,
                "skipping changed a good load"
            );
            assert_eq!(strict.report.bad_rows, 0);
            check_loaded(strict, false);
        }
        (Ok(_), Err(e)) => panic!("loads strictly but not when skipping: {e}"),
        (Err(e), lenient) => {
            check_error(e, &files);
            match lenient {
                Ok(imported) => check_loaded(imported, true),
                Err(e) => {
                    check_error(e, &files);
                    let header = matches!(e.kind(), ErrorKind::Parse { .. })
                        && e.location().is_some_and(|l| l.line == 1);
                    assert!(
                        header || matches!(e.kind(), ErrorKind::Io { .. }),
                        "skipping bad rows failed on a data row: {e}"
                    );
                }
            }
        }
    }
}

fn check_error(e: &hallyu::Error, files: &[&[u8]]) {
    let loc = e
        .location()
        .unwrap_or_else(|| panic!("unlocated error: {e}"));
    assert!(loc.line >= 1 && loc.column >= 1, "{e}");
    let i = FILES
        .iter()
        .position(|base| {
            loc.file.ends_with(&format!("{base}.tsv"))
                || loc.file.ends_with(&format!("{base}.tsv.gz"))
        })
        .unwrap_or_else(|| panic!("error in no input file: {e}"));
    if files[i].starts_with(&[0x1f, 0x8b]) {
        return;
    }
    // The column counts characters of the line the error names.
    let line = files[i]
        .split(|&b| b == b'\n')
        .nth(loc.line - 1)
        .unwrap_or(b"");
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let chars = String::from_utf8_lossy(line).chars().count();
    assert!(
        loc.column <= chars + 1,
        "column past the end of line ({chars} characters): {e}"
    );
}

fn check_loaded(imported: &Imported, skipping: bool) {
    let r: &Report = &imported.report;
    let ex = &imported.explorer;
    // Every principal row is a credit, a duplicate, skipped, dangling, or
    // (when skipping) a bad row.
    let accounted = r.credits + r.duplicates + r.skipped_principals + r.dangling;
    assert_eq!(
        r.bad_rows,
        r.bad_rows_per_file.iter().sum::<usize>(),
        "{r:?}"
    );
    if !skipping {
        assert_eq!(r.bad_rows, 0, "{r:?}");
    }
    assert_eq!(accounted + r.bad_rows_per_file[2], r.principals, "{r:?}");
    assert!(
        r.people <= r.names && r.works + r.skipped_titles <= r.titles,
        "{r:?}"
    );
    assert_eq!(ex.people().len(), r.people);
    assert_eq!(ex.works().len(), r.works);
    assert_eq!(ex.credits().len(), r.credits);
    for p in ex.people() {
        let key = ex.key(p.into());
        assert_eq!(ex.by_key(&key), Some(Entity::Person(p)), "{key}");
        let _ = ex.name(p.into());
    }
    for w in ex.works() {
        let key = ex.key(w.into());
        assert_eq!(ex.by_key(&key), Some(Entity::Work(w)), "{key}");
    }
    let f = Filter::new();
    if let Some(p) = ex.people().next() {
        let _ = ex.co_appearances(p, &f);
        let _ = ex.distances(p, &f);
    }
    let sizes = ex.components(&f).sizes();
    assert!(sizes.iter().sum::<usize>() <= r.people);
}
