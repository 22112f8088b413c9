//! The Korean selection of the IMDb importer (`Imdb::korean`) on a
//! synthetic dataset with a `title.akas.tsv`: exactly the titles of the
//! documented rule are kept, the traps (foreign films with a Hangul title
//! for their Korean release) are left out, and Hangul titles become the
//! works' Hangul.

use std::collections::{BTreeMap, BTreeSet};

use hallyu::import::Imdb;
use hallyu::import::synthetic::Synthetic;
use hallyu::{Filter, RoleSet};

/// The rule, written again from its documentation, over the whole file:
/// title → (Korean?, Hangul, has a Hangul KR row).
fn oracle(akas: &str) -> BTreeMap<String, (bool, Option<String>, bool)> {
    let hangul = |s: &str| s.chars().any(|c| ('가'..='힣').contains(&c));
    let mut out: BTreeMap<String, (bool, Option<String>, Option<String>, bool)> = BTreeMap::new();
    for line in akas.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, title, region, original) = (f[0], f[2], f[3], f[7] == "1");
        let e = out.entry(id.to_string()).or_default();
        if original && (hangul(title) || region == "KR") {
            e.0 = true;
        }
        if original && hangul(title) && e.1.is_none() {
            e.1 = Some(title.to_string());
        } else if region == "KR" && hangul(title) && e.2.is_none() {
            e.2 = Some(title.to_string());
        }
        if region == "KR" && hangul(title) {
            e.3 = true;
        }
    }
    out.into_iter()
        .map(|(k, (korean, orig, kr, kr_row))| (k, (korean, orig.or(kr), kr_row)))
        .collect()
}

#[test]
fn exactly_the_rules_titles_are_kept_and_the_traps_left_out() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-korean-{}", std::process::id()));
    let written = Synthetic::new(3_000, 2_000)
        .seed(11)
        .akas(true)
        .write_to(&dir)
        .unwrap();
    let akas = std::fs::read_to_string(dir.join("title.akas.tsv")).unwrap();
    let basics = std::fs::read_to_string(dir.join("title.basics.tsv")).unwrap();
    let rule = oracle(&akas);
    let korean: BTreeSet<&str> = rule
        .iter()
        .filter(|(_, v)| v.0)
        .map(|(k, _)| k.as_str())
        .collect();
    let traps: BTreeSet<&str> = rule
        .iter()
        .filter(|(_, v)| !v.0 && v.2)
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(korean.len(), written.korean);
    assert_eq!(traps.len(), written.traps);

    let all = Imdb::new().from_dir(&dir).unwrap();
    let only = Imdb::new().korean(true).from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let (ex_all, ex) = (&all.explorer, &only.explorer);
    let keys = |ex: &hallyu::Explorer| -> BTreeSet<String> {
        ex.works().map(|w| ex.get(w).key().into_owned()).collect()
    };
    let (all_works, kept) = (keys(ex_all), keys(ex));
    // The kept works: the plain import's works that the rule selects.
    let expected: BTreeSet<String> = all_works
        .iter()
        .filter(|k| korean.contains(k.as_str()))
        .cloned()
        .collect();
    assert_eq!(kept, expected);
    assert!(kept.len() > 50, "a test of something: {}", kept.len());
    let trapped = all_works
        .iter()
        .filter(|k| traps.contains(k.as_str()))
        .count();
    assert!(trapped > 50, "traps in the plain import: {trapped}");
    assert!(kept.iter().all(|k| !traps.contains(k.as_str())));

    // Hangul titles become the works' Hangul.
    for w in ex.works() {
        let rec = ex.get(w);
        let want = &rule[rec.key().as_ref()].1;
        assert_eq!(rec.hangul(), want.as_deref(), "{}", rec.key());
    }
    assert!(ex.works().any(|w| ex.get(w).hangul().is_some()));

    // The people: exactly those credited on a kept work in the plain import.
    let people = |ex: &hallyu::Explorer, works: &BTreeSet<String>| -> BTreeSet<String> {
        ex.people()
            .filter(|&p| {
                ex.works_of(p, &Filter::new().roles(RoleSet::ANY_WORK_ROLE))
                    .iter()
                    .any(|(w, _)| works.contains(ex.get(*w).key().as_ref()))
            })
            .map(|p| ex.get(p).key().into_owned())
            .collect()
    };
    let kept_people: BTreeSet<String> = ex.people().map(|p| ex.get(p).key().into_owned()).collect();
    assert_eq!(kept_people, people(ex_all, &expected));

    // Every row is accounted for.
    let r = &only.report;
    assert_eq!(r.akas, written.akas);
    assert_eq!(r.korean_titles, written.korean);
    assert_eq!(r.titles, written.titles);
    let not_korean = basics
        .lines()
        .skip(1)
        .filter(|l| !korean.contains(l.split('\t').next().unwrap()))
        .count();
    assert_eq!(r.not_korean, not_korean);
    assert_eq!(r.principals, all.report.principals);
    assert!(r.not_korean_principals > 0);
}

#[test]
fn korean_needs_the_akas_file() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-korean-none-{}", std::process::id()));
    Synthetic::new(50, 20).write_to(&dir).unwrap();
    let err = Imdb::new().korean(true).from_dir(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    let message = err.to_string();
    assert!(message.contains("title.akas.tsv"), "{message}");
    assert!(message.contains("Korean"), "{message}");
}

#[test]
fn a_bad_is_original_flag_is_located() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-korean-bad-{}", std::process::id()));
    Synthetic::new(50, 20).akas(true).write_to(&dir).unwrap();
    std::fs::write(
        dir.join("title.akas.tsv"),
        "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n\
         tt0000001\t1\t봄날\t\\N\t\\N\toriginal\t\\N\tyes\n",
    )
    .unwrap();
    let err = Imdb::new().korean(true).from_dir(&dir).unwrap_err();
    let skipped = Imdb::new().korean(true).skip_bad_rows(true).from_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let at = err.location().expect("located");
    assert!(at.file.ends_with("title.akas.tsv"));
    assert_eq!(at.line, 2);
    assert!(err.to_string().contains("isOriginalTitle"), "{err}");
    let r = skipped.unwrap().report;
    assert_eq!((r.bad_akas_rows, r.korean_titles, r.works), (1, 0, 0));
}

/// `hallyu --data DIR --korean` reads the akas and says what it left out.
#[cfg(feature = "cli")]
#[test]
fn the_command_keeps_korean_titles_and_says_what_it_left_out() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-korean-cli-{}", std::process::id()));
    Synthetic::new(400, 300)
        .seed(3)
        .akas(true)
        .write_to(&dir)
        .unwrap();
    let report = Imdb::new().korean(true).from_dir(&dir).unwrap().report;
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hallyu"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let data = dir.to_str().unwrap();
    let out = run(&["--data", data, "--korean", "stats"]);
    let plain = run(&["--data", data, "stats"]);
    let json = run(&["--data", data, "--korean", "stats", "--json"]);
    let plain_json = run(&["--data", data, "stats", "--json"]);
    std::fs::remove_dir_all(&dir).unwrap();
    // stats shows the selection's counts (text and JSON), only with --korean.
    let text = String::from_utf8_lossy(&out.stdout);
    for (label, n) in [
        ("akas read", report.akas),
        ("Korean titles", report.korean_titles),
        ("titles not Korean", report.not_korean),
        ("principals not Korean", report.not_korean_principals),
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(label)
                && l.split_whitespace().last() == Some(n.to_string().as_str())),
            "{label} {n} in\n{text}"
        );
    }
    let stats: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let korean = &stats["import"]["korean"];
    assert_eq!(korean["akas_read"], report.akas);
    assert_eq!(korean["korean_titles"], report.korean_titles);
    assert_eq!(korean["titles_left_out"], report.not_korean);
    assert_eq!(korean["principals_left_out"], report.not_korean_principals);
    let plain_stats: serde_json::Value = serde_json::from_slice(&plain_json.stdout).unwrap();
    assert!(plain_stats["import"].get("korean").is_none());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let line = format!(
        "korean: {} titles selected from {} akas rows; {} title rows and {} principals \
         left out as not Korean; {} works, {} people kept",
        report.korean_titles,
        report.akas,
        report.not_korean,
        report.not_korean_principals,
        report.works,
        report.people
    );
    assert!(stderr.contains(&line), "{stderr}");
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("korean:"));
    assert_ne!(out.stdout, plain.stdout);
    // --korean without --data is a usage error.
    assert_eq!(run(&["--korean", "stats"]).status.code(), Some(2));
}

/// Titles without a credit are dropped: the Hangul titles of the others
/// stay with their works (the works after a dropped one are renumbered).
#[test]
fn hangul_titles_stay_with_their_works_when_uncredited_titles_are_dropped() {
    let dir = std::env::temp_dir().join(format!("hallyu-test-korean-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let basics = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n";
    let mut basics = basics.to_string();
    let mut akas =
        "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n"
            .to_string();
    let mut principals = "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n".to_string();
    // tt1..tt6, Korean with a Hangul title each; only tt2, tt5 and tt6 credited.
    let hangul = ["봄", "여름", "가을", "겨울", "바다", "하늘"];
    for (i, h) in hangul.iter().enumerate() {
        let key = format!("tt{:07}", i + 1);
        basics.push_str(&format!(
            "{key}\tmovie\tTitle {}\tTitle {}\t0\t2001\t\\N\t90\tDrama\n",
            i + 1,
            i + 1
        ));
        akas.push_str(&format!("{key}\t1\t{h}\tKR\tko\t\\N\t\\N\t1\n"));
        if [1, 4, 5].contains(&i) {
            principals.push_str(&format!("{key}\t1\tnm0000001\tactor\t\\N\t\\N\n"));
        }
    }
    let names = "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n\
                 nm0000001\tLee\t1980\t\\N\tactor\t\\N\n";
    for (file, text) in [
        ("name.basics.tsv", names),
        ("title.basics.tsv", &basics),
        ("title.akas.tsv", &akas),
        ("title.principals.tsv", &principals),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let imported = Imdb::new().korean(true).from_dir(&dir);
    let plain = Imdb::new().from_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    for imported in [imported.unwrap(), plain.unwrap()] {
        let ex = &imported.explorer;
        let works: Vec<(String, Option<String>)> = ex
            .works()
            .map(|w| {
                let rec = ex.get(w);
                (rec.key().into_owned(), rec.hangul().map(str::to_string))
            })
            .collect();
        let expected: Vec<(String, Option<String>)> = [(2, "여름"), (5, "바다"), (6, "하늘")]
            .iter()
            .map(|&(i, h)| {
                (
                    format!("tt{i:07}"),
                    imported.report.korean_titles.gt(&0).then(|| h.to_string()),
                )
            })
            .collect();
        assert_eq!(works, expected);
    }
}
