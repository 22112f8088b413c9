//! The IMDb importer on small fixtures in the IMDb layout
//! (`tests/fixtures/imdb/`, described in its README), and the same queries
//! on a synthetic dataset.

use hallyu::import::synthetic::Synthetic;
use hallyu::import::{Imdb, Imported};
use hallyu::model::{Role, WorkKind};
use hallyu::{Entity, ErrorKind, Filter, PersonId, RoleSet};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/imdb")
        .join(name)
}

fn good() -> Imported {
    Imdb::new()
        .from_dir(fixture("good"))
        .expect("the good fixture loads")
}

fn id(imported: &Imported, key: &str) -> PersonId {
    imported
        .explorer
        .person(key)
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

#[test]
fn report_counts_what_was_kept_and_left_out() {
    let r = good().report;
    assert_eq!((r.names, r.titles, r.principals), (7, 5, 13));
    // People without a kept credit (nm0000008, the writer nm0000009) are out.
    assert_eq!((r.people, r.works, r.credits), (5, 4, 8));
    assert_eq!(r.skipped_titles, 1, "the video game");
    assert_eq!(
        r.skipped_principals, 3,
        "the writer and the two credits on the video game"
    );
    assert_eq!(r.dangling, 1, "nm0009999 is not in name.basics");
    assert_eq!(r.duplicates, 1, "nm0000010 twice on tt0000010");
    assert_eq!(r.bad_rows, 0);
}

#[test]
fn records_keys_names_and_kinds() {
    let imported = good();
    let ex = &imported.explorer;
    assert!(
        ex.records().is_none(),
        "an import keeps columns, not records"
    );
    let bo_young = id(&imported, "박보영");
    assert_eq!(ex.get(bo_young).key(), "nm0000005");
    assert_eq!(
        ex.person("zoe muller").map(|p| ex.key(p.into())).ok(),
        None,
        "ë is not e"
    );
    let zoe = id(&imported, "Zoë Müller");
    assert_eq!(ex.key(zoe.into()), "nm0000007");
    let seo_joon = id(&imported, "nm0000001");
    assert_eq!(ex.get(seo_joon).born(), Some(1988));
    let Some(Entity::Work(itaewon)) = ex.by_key("tt0000010") else {
        panic!("a work")
    };
    assert_eq!(ex.get(itaewon).kind(), WorkKind::Drama);
    assert_eq!(ex.label(itaewon.into()), "Itaewon Class (2020)");
    let gyopo = ex.work("Gyopo Hairstyle").unwrap();
    assert_eq!(
        (ex.get(gyopo).kind(), ex.get(gyopo).year()),
        (WorkKind::Film, None),
        "a \\N year is unknown, not year 0"
    );
    assert!(ex.by_key("tt0000013").is_none(), "video games are left out");
    assert!(
        ex.person("nm0000008").unwrap_err().is_not_found(),
        "no credits, not in the graph"
    );
    assert_eq!(ex.people().len(), 5);
    assert_eq!(ex.to_records().credits.len(), 8);
}

#[test]
fn duplicate_credits_collapse_and_distinct_roles_stay() {
    let imported = good();
    let ex = &imported.explorer;
    let da_mi = id(&imported, "Kim Da-mi");
    let works = ex.works_of(da_mi, &Filter::new());
    assert_eq!(works.len(), 1);
    assert!(matches!(
        *ex.get(works[0].1.credit).role(),
        Role::Cast { .. }
    ));
    // Director and actor of one film: two credits, each its role.
    let zoe = id(&imported, "nm0000007");
    let roles: Vec<&str> = ex
        .credits_of(zoe.into())
        .map(|c| ex.get(c).role().name())
        .collect();
    assert_eq!(roles, ["cast", "director"]);
    assert_eq!(
        ex.works_of(zoe, &Filter::new().roles(RoleSet::ANY_WORK_ROLE))
            .len(),
        1
    );
}

#[test]
fn queries_work_as_on_the_bundled_data() {
    let imported = good();
    let ex = &imported.explorer;
    let f = Filter::new();
    let seo_joon = id(&imported, "nm0000001");
    let costars = ex.co_appearances(seo_joon, &f);
    let keys: Vec<String> = costars
        .iter()
        .map(|c| ex.key(c.person.into()).into_owned())
        .collect();
    assert_eq!(keys, ["nm0000002", "nm0000010"], "one work each, by name");
    let woo_shik = id(&imported, "nm0000002");
    let shared = ex.shared_works(seo_joon, woo_shik, &f);
    assert_eq!(ex.get(shared[0].work).title(), "Gyopo Hairstyle");
    assert_eq!(
        *ex.get(shared[0].left.credit).role(),
        Role::Performer,
        "`self` is a performer"
    );

    let da_mi = id(&imported, "nm0000010");
    let zoe = id(&imported, "nm0000007");
    let path = ex.shortest_path(da_mi, zoe, &f).expect("connected");
    assert_eq!(path.len(), 3);
    let people: Vec<String> = path
        .people()
        .iter()
        .map(|&p| ex.key(p.into()).into_owned())
        .collect();
    assert_eq!(people, ["nm0000010", "nm0000001", "nm0000002", "nm0000007"]);
    assert!(path.to_string().contains("Itaewon Class (2020)"));
    let bo_young = id(&imported, "nm0000005");
    assert!(ex.shortest_path(da_mi, bo_young, &f).is_none());

    assert_eq!(ex.distances(seo_joon, &f).histogram().to_vec(), [1, 2, 1]);
    assert_eq!(ex.components(&f).sizes(), [4, 1]);
    // Filters: only films from 2019 on leave Parasite alone.
    let films = Filter::new().kinds([WorkKind::Film]).years(2019..=2030);
    assert_eq!(ex.components(&films).sizes(), [2]);
    assert!(ex.shortest_path(seo_joon, woo_shik, &films).is_none());
}

/// The error of loading fixture `name`, with the fixture's path as printed
/// in positions.
fn error_of(name: &str) -> (hallyu::Error, String) {
    let err = Imdb::new().from_dir(fixture(name)).unwrap_err();
    (err, fixture(name).display().to_string())
}

#[test]
fn wrong_number_of_fields_is_located() {
    let (err, dir) = error_of("bad_row");
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
    let loc = err.location().expect("located");
    assert_eq!(loc.file, format!("{dir}/title.principals.tsv"));
    assert_eq!((loc.line, loc.column), (4, 1));
    assert_eq!(
        err.to_string(),
        format!("{dir}/title.principals.tsv:4:1: expected 6 tab-separated fields, found 5")
    );
}

#[test]
fn bad_utf8_in_a_tsv_is_located() {
    let (err, dir) = error_of("bad_utf8");
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
    let loc = err.location().expect("located");
    assert_eq!(loc.file, format!("{dir}/name.basics.tsv"));
    assert_eq!(
        (loc.line, loc.column),
        (8, 11),
        "the primaryName field of the Latin-1 row"
    );
    assert_eq!(
        err.to_string(),
        format!("{dir}/name.basics.tsv:8:11: invalid UTF-8 (byte 0xe9): the files must be UTF-8")
    );
    // Skipping drops the row, and says so.
    let imported = Imdb::new()
        .skip_bad_rows(true)
        .from_dir(fixture("bad_utf8"))
        .unwrap();
    assert_eq!(imported.report.bad_rows, 1);
    assert!(imported.explorer.person("nm0000010").is_err());
}

/// Malformed rows and headers written to a temporary directory: each is one
/// error at its exact position.
#[test]
fn malformed_rows_and_headers_are_located() {
    let good = fixture("bad_utf8");
    let principals = std::fs::read_to_string(good.join("title.principals.tsv")).unwrap();
    let header = principals.lines().next().unwrap().to_string();
    let cases: [(&str, String, &str); 5] = [
        (
            "bad id",
            format!("{header}\ntt0000010\t1\tnmX7\tactor\t\\N\t\\N\n"),
            "title.principals.tsv:2:13: invalid id \"nmX7\" (expected nm and digits, e.g. nm0000001)",
        ),
        (
            "bad ordering",
            format!("{header}\ntt0000010\tfirst\tnm0000001\tactor\t\\N\t\\N\n"),
            "title.principals.tsv:2:11: invalid ordering \"first\" (expected a number)",
        ),
        (
            "too many fields",
            format!("{header}\ntt0000010\t1\tnm0000001\tactor\t\\N\t\\N\textra\n"),
            "title.principals.tsv:2:1: expected 6 tab-separated fields, found 7",
        ),
        (
            "missing column",
            "tconst\tordering\tnconst\tjob\n".to_string(),
            "title.principals.tsv:1:1: header has no column \"category\" (found tconst, ordering, nconst, job)",
        ),
        (
            "empty file",
            String::new(),
            "title.principals.tsv:1:1: empty file: expected a header row",
        ),
    ];
    let dir = std::env::temp_dir().join(format!("hallyu-test-malformed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["name.basics.tsv", "title.basics.tsv"] {
        std::fs::copy(good.join(f), dir.join(f)).unwrap();
    }
    for (case, text, expected) in cases {
        std::fs::write(dir.join("title.principals.tsv"), text).unwrap();
        let err = Imdb::new().from_dir(&dir).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Parse { .. }), "{case}");
        assert_eq!(
            err.to_string(),
            format!("{}/{expected}", dir.display()),
            "{case}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_rows_can_be_skipped_and_counted() {
    let imported = Imdb::new()
        .skip_bad_rows(true)
        .from_dir(fixture("bad_row"))
        .expect("skipped");
    assert_eq!(imported.report.bad_rows, 2);
    assert_eq!(imported.report.principals, 13);
    assert!(imported.explorer.person("nm0000010").is_ok());
}

#[test]
fn bad_id_and_bad_year_name_their_column() {
    let err = Imdb::new().from_dir(fixture("bad_row")).unwrap_err();
    assert_eq!(err.location().map(|l| l.line), Some(4));
    // The second bad row of the same file, once the first is gone: only
    // visible with skipping off after line 4 is fixed, so check bad_year.
    let err = Imdb::new().from_dir(fixture("bad_year")).unwrap_err();
    let loc = err.location().expect("located");
    assert!(loc.file.ends_with("title.basics.tsv"));
    assert_eq!(
        (loc.line, loc.column),
        (3, 27),
        "columns count characters, not bytes"
    );
    assert!(err.to_string().contains("invalid year \"19x9\""), "{err}");
}

#[test]
fn truncated_gzip_is_a_clean_error() {
    let (err, dir) = error_of("truncated");
    let file = format!("{dir}/title.basics.tsv.gz");
    assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err:?}");
    let loc = err.location().expect("the line reached");
    assert_eq!(loc.file, file);
    assert_eq!(
        (loc.line, loc.column),
        (1473, 1),
        "1472 whole lines, then the cut"
    );
    assert_eq!(
        err.to_string(),
        format!("{file}:1473:1: cannot read {file}: incomplete deflate stream")
    );
    // A read error is not a bad row: skipping does not hide it.
    let again = Imdb::new()
        .skip_bad_rows(true)
        .from_dir(fixture("truncated"))
        .unwrap_err();
    assert_eq!(again, err);
}

#[test]
fn missing_file_is_an_io_error() {
    let err = Imdb::new().from_dir(fixture("nowhere")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    assert!(err.to_string().contains("name.basics.tsv"), "{err}");
}

/// On a synthetic set, the flat BFS agrees with the shortest paths and with
/// co-appearances, and components agree with reachability.
#[test]
fn synthetic_queries_agree() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-imdb-{}", std::process::id()));
    let written = Synthetic::new(3_000, 600).seed(5).write_to(&dir).unwrap();
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(imported.report.principals, written.principals);
    let ex = &imported.explorer;
    let f = Filter::new();
    let hub = ex
        .people()
        .max_by_key(|&p| (ex.works_of(p, &f).len(), std::cmp::Reverse(p)))
        .unwrap();
    let counts = ex.distances(hub, &f).histogram().to_vec();
    assert_eq!(counts[1], ex.co_appearances(hub, &f).len());
    let sizes = ex.components(&f).sizes();
    assert_eq!(
        counts.iter().sum::<usize>(),
        sizes[0],
        "the hub is in the giant component"
    );
    for other in ex.people().step_by(97).take(20) {
        let Some(path) = ex.shortest_path(hub, other, &f) else {
            continue;
        };
        assert!(path.len() < counts.len());
        assert!(counts[path.len()] > 0);
    }
    // Same seed, same bytes.
    let again = std::env::temp_dir().join(format!("hallyu-test-imdb-again-{}", std::process::id()));
    Synthetic::new(3_000, 600).seed(5).write_to(&again).unwrap();
    let dir2 = std::env::temp_dir().join(format!("hallyu-test-imdb-third-{}", std::process::id()));
    Synthetic::new(3_000, 600).seed(5).write_to(&dir2).unwrap();
    for f in [
        "name.basics.tsv",
        "title.basics.tsv",
        "title.principals.tsv",
    ] {
        assert_eq!(
            std::fs::read(again.join(f)).unwrap(),
            std::fs::read(dir2.join(f)).unwrap()
        );
    }
    std::fs::remove_dir_all(&again).ok();
    std::fs::remove_dir_all(&dir2).ok();
}

/// Distances from the direction-optimising search (top-down, pushed and
/// pulled bottom-up steps, chosen by frontier size) equal a plain
/// breadth-first search over co-appearances, under filters that test
/// roles, years and kinds.
#[test]
fn distances_equal_a_plain_search_under_filters() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-levels-{}", std::process::id()));
    Synthetic::new(3_000, 600).seed(11).write_to(&dir).unwrap();
    let imported = Imdb::new().from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let ex = &imported.explorer;
    let filters = [
        Filter::new(),
        Filter::new().years(1990..=2015),
        Filter::new().kinds([WorkKind::Film]),
        Filter::new().roles(RoleSet::ANY_WORK_ROLE),
    ];
    let people: Vec<PersonId> = ex.people().collect();
    for f in &filters {
        let index = |p: PersonId| people.binary_search(&p).unwrap();
        let adjacent: Vec<Vec<usize>> = people
            .iter()
            .map(|&p| {
                ex.co_appearances(p, f)
                    .iter()
                    .map(|c| index(c.person))
                    .collect()
            })
            .collect();
        let hub = (0..people.len())
            .max_by_key(|&p| adjacent[p].len())
            .unwrap();
        for source in std::iter::once(hub).chain((0..people.len()).step_by(331)) {
            let mut want = vec![None; people.len()];
            want[source] = Some(0);
            let mut queue = std::collections::VecDeque::from([source]);
            while let Some(p) = queue.pop_front() {
                for &q in &adjacent[p] {
                    if want[q].is_none() {
                        want[q] = Some(want[p].unwrap() + 1);
                        queue.push_back(q);
                    }
                }
            }
            let d = ex.distances(people[source], f);
            for (q, &want) in want.iter().enumerate() {
                assert_eq!(d.distance(people[q]), want, "{f:?}: from {source} to {q}");
            }
        }
    }
}

/// Co-stars come strongest first, then by the whole name (names longer
/// than the 24 bytes the sort keeps as integers included), then by id.
#[test]
fn co_stars_are_ordered_by_strength_then_whole_name_then_id() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("costar-order");
    std::fs::create_dir_all(&dir).unwrap();
    let names = [
        "Hub Person",
        "Alexandrina-Konstantinova Zed",
        "Alexandrina-Konstantinova Abe",
        "Alexandrina-Konstantinova Abe",
        "Alexandrina-Konstantinov",
        "Bo",
        "Alexandrina-Konstantinova Abel",
    ];
    let mut basics = String::from(
        "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n",
    );
    for (i, n) in names.iter().enumerate() {
        basics.push_str(&format!("nm{:07}\t{n}\t\\N\t\\N\tactor\t\\N\n", i + 1));
    }
    std::fs::write(dir.join("name.basics.tsv"), basics).unwrap();
    std::fs::write(
        dir.join("title.basics.tsv"),
        "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n\
         tt0000001\tmovie\tOne\tOne\t0\t2000\t\\N\t\\N\t\\N\n\
         tt0000002\tmovie\tTwo\tTwo\t0\t2001\t\\N\t\\N\t\\N\n",
    )
    .unwrap();
    // Everyone is in One; "Bo" (nm0000006) is in Two as well.
    let mut principals = String::from("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n");
    for i in 1..=names.len() {
        principals.push_str(&format!("tt0000001\t{i}\tnm{i:07}\tactor\t\\N\t\\N\n"));
    }
    principals.push_str("tt0000002\t1\tnm0000001\tactor\t\\N\t\\N\n");
    principals.push_str("tt0000002\t2\tnm0000006\tactor\t\\N\t\\N\n");
    std::fs::write(dir.join("title.principals.tsv"), principals).unwrap();

    let imported = Imdb::new().from_dir(&dir).expect("loads");
    let ex = &imported.explorer;
    let hub = ex.person("nm0000001").unwrap();
    let keys: Vec<String> = ex
        .co_appearances(hub, &Filter::new())
        .iter()
        .map(|c| ex.key(c.person.into()).into_owned())
        .collect();
    assert_eq!(
        keys,
        [
            "nm0000006", // Bo: two shared works
            "nm0000005", // Alexandrina-Konstantinov
            "nm0000003", // … Abe (the lower id first)
            "nm0000004", // … Abe
            "nm0000007", // … Abel
            "nm0000002", // … Zed
        ]
    );
}

/// A lookup by key, and the answers the command prints for it, never build
/// the name index (seconds and hundreds of megabytes on an IMDb import); a
/// name does.
#[test]
fn keys_never_build_the_name_index() {
    use hallyu::query::answer::{CoStars, Info, Neighbours, Options, Works};
    let imported = good();
    let ex = &imported.explorer;
    let f = Filter::new();
    let me = ex.person("nm0000001").unwrap();
    let other = ex.lookup("nm0000002").unwrap();
    assert_eq!(ex.by_key(" nm0000002 "), Some(other));
    let options = Options::new();
    let _ = Info::of(ex, me.into(), &options);
    let _ = CoStars::of(ex, me, &f, &options);
    let _ = Works::of(ex, me, &f, &options);
    let _ = Neighbours::of(ex, me, &f, &options);
    assert!(!ex.has_name_index());
    let by_name = ex.person(ex.get(me).name()).unwrap();
    assert_eq!(by_name, me);
    assert!(ex.has_name_index());
}

/// `title.principals` is read in blocks on several threads: errors far
/// into the file keep their exact line, skipped rows are counted, and the
/// credits are those of the rows in file order.
#[test]
fn principals_read_in_blocks_keep_positions_and_counts() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-blocks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut names = String::from("nconst\tprimaryName\tbirthYear\n");
    for p in 1..=2000 {
        names += &format!("nm{p:07}\tPerson {p}\t\\N\n");
    }
    let mut titles = String::from("tconst\ttitleType\tprimaryTitle\tstartYear\n");
    for t in 1..=50_000 {
        titles += &format!("tt{t:07}\tmovie\tTitle {t}\t2000\n");
    }
    std::fs::write(dir.join("name.basics.tsv"), names).unwrap();
    std::fs::write(dir.join("title.basics.tsv"), titles).unwrap();
    // 150,000 rows (about 6 MB, several blocks); the line of row i is i + 2.
    let rows = 150_000usize;
    let line_of = |row: usize| row + 2;
    let row_text = |i: usize| {
        let person = (i * 7919) % 2003 + 1; // 2001..=2003 are not in name.basics
        format!(
            "tt{:07}\t{}\tnm{person:07}\tactor\t\\N\t\\N\n",
            i / 3 + 1,
            i % 3 + 1
        )
    };
    let write = |bad: &[(usize, &str)]| {
        let mut text = String::from("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n");
        for i in 0..rows {
            match bad.iter().find(|b| b.0 == i) {
                Some((_, line)) => text += line,
                None => text += &row_text(i),
            }
        }
        std::fs::write(dir.join("title.principals.tsv"), text).unwrap();
    };
    let long = format!("tt0000001\t1\tnm0000001\tactor\t\\N\t{}\n", "x".repeat(300));
    let bad = [
        (100_001, "tt0000001\t1\tnm0000001\tactor\t\\N\n"),
        (120_000, long.as_str()),
        (140_000, "tt0000001\tfirst\tnm0000001\tactor\t\\N\t\\N\n"),
    ];
    write(&bad);
    let file = dir.join("title.principals.tsv").display().to_string();
    let err = Imdb::new().max_line(200).from_dir(&dir).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{file}:{}:1: expected 6 tab-separated fields, found 5",
            line_of(100_001)
        )
    );
    write(&bad[1..]);
    let err = Imdb::new().max_line(200).from_dir(&dir).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{file}:{}:1: line longer than 200 bytes", line_of(120_000))
    );
    write(&bad);
    let imported = Imdb::new()
        .max_line(200)
        .skip_bad_rows(true)
        .from_dir(&dir)
        .unwrap();
    let r = &imported.report;
    assert_eq!((r.principals, r.bad_rows), (rows, 3));
    // The credits, counted here from the good rows.
    let good: Vec<usize> = (0..rows)
        .filter(|i| !bad.iter().any(|b| b.0 == *i))
        .collect();
    let dangling = good
        .iter()
        .filter(|&&i| (i * 7919) % 2003 + 1 > 2000)
        .count();
    let pairs: std::collections::BTreeSet<(usize, usize)> = good
        .iter()
        .map(|&i| ((i * 7919) % 2003 + 1, i / 3 + 1))
        .filter(|&(p, _)| p <= 2000)
        .collect();
    assert_eq!(r.dangling, dangling);
    assert_eq!(r.credits, pairs.len());
    assert_eq!(r.duplicates, good.len() - dangling - pairs.len());
    let ex = &imported.explorer;
    let (p, t) = pairs.iter().next_back().unwrap();
    let person = ex.person(&format!("nm{p:07}")).unwrap();
    assert!(
        ex.works_of(person, &Filter::new())
            .iter()
            .any(|(w, _)| ex.key((*w).into()) == format!("tt{t:07}")),
        "nm{p:07} is credited on tt{t:07}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
