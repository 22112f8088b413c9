//! Huge casts: a title with a cast of 100,000 and a CSV of one large
//! clique. Everything whose size grows with the square of a cast (the
//! projection, its exports, recommendations, betweenness) answers within a
//! documented limit, saying where it was cut, or refuses before building
//! anything. No timing assertions: that each test returns (in seconds,
//! under a few GB) is the point.

use hallyu::import::Csv;
use hallyu::query::answer::{
    CoStars, Neighbours, Options, Projection, Rank, RankOptions, Recommendations,
};
use hallyu::query::{Measure, NeighbourhoodOptions, Recommendation};
use hallyu::{Explorer, Filter};

/// `cast` people on one title ("Big"), and three of them on small titles
/// with outsiders (so that there is someone to recommend).
fn big_cast(cast: usize) -> Explorer {
    let mut csv = String::from("person,work\n");
    for i in 0..cast {
        csv.push_str(&format!("P{i:06},Big\n"));
    }
    for (who, work, other) in [
        ("P000001", "Small A", "Outsider A"),
        ("P000002", "Small B", "Outsider B"),
        ("P000003", "Small A", "Outsider C"),
    ] {
        csv.push_str(&format!("{who},{work}\n{other},{work}\n"));
    }
    Csv::new()
        .from_reader("big.csv", csv.as_bytes())
        .expect("the CSV loads")
        .explorer
}

fn check_big_cast(ex: &Explorer, cast: usize) {
    let f = Filter::new();
    let n = cast as u64;
    // Big: n(n − 1)/2; Small A: four people, Small B: two.
    let pairs = n * (n - 1) / 2 + 6 + 1;
    assert_eq!(ex.co_appearance_count(&f), pairs);

    // The projection and betweenness refuse, before building anything.
    let err = Projection::of(ex, &f, &Options::new()).unwrap_err();
    assert!(
        err.to_string().contains(&format!("{pairs} co-appearances")),
        "{err}"
    );
    let err = Rank::of(ex, &f, Measure::Betweenness, &RankOptions::new()).unwrap_err();
    assert!(err.to_string().contains("at most 100000000"), "{err}");

    // Degree: P000001 and P000003 have two outsiders besides the cast,
    // P000002 one; then the rest of the cast by name. Only they are
    // counted.
    let rank = Rank::of(ex, &f, Measure::Degree, &RankOptions::new().limit(10)).unwrap();
    let top: Vec<(&str, usize)> = rank
        .ranking
        .iter()
        .map(|r| (r.person.id.as_str(), r.degree))
        .collect();
    assert_eq!(
        top[..4],
        [
            ("p000001", cast + 1),
            ("p000003", cast + 1),
            ("p000002", cast),
            ("p000000", cast - 1)
        ]
    );
    assert_eq!(top[9], ("p000009", cast - 1));
    assert_eq!(rank.method.examined, 10, "{:?}", rank.method);

    // Co-stars: everyone, once.
    let me = ex.person("p000000").unwrap();
    let costars = CoStars::of(ex, me, &f, &Options::new().limit(3));
    assert_eq!(costars.total, cast - 1);

    // Neighbours: stopped at the cap, and saying so.
    let near = Neighbours::of(ex, me, &f, &Options::new().hops(2).limit(3));
    let cap = NeighbourhoodOptions::DEFAULT_MAX_PEOPLE;
    assert_eq!((near.cut_at, near.total_people), (Some(cap), cap));

    // Recommendations: cut once the co-stars read reach the limit; the
    // outsiders are found through the co-stars followed first.
    let recs = Recommendations::of(ex, me, &f, &Options::new());
    let followed = recs.cut_at.expect("cut");
    assert!(followed * (cast - 1) + 3 >= Recommendation::MAX_READ);
    assert!(followed * (cast - 1) < Recommendation::MAX_READ + 2 * cast);
    let ids: Vec<&str> = recs
        .recommendations
        .iter()
        .map(|r| r.person.id.as_str())
        .collect();
    assert_eq!(ids, ["outsider-a", "outsider-c", "outsider-b"]);
    assert!(
        recs.to_string()
            .contains(&format!("cut at {followed} co-stars"))
    );
}

/// A title with a cast of 100,000 (five billion co-appearances): each
/// question answers, cut, or refuses. About a minute in a debug build.
#[test]
#[ignore = "slow in a debug build; run with --ignored (seconds in release)"]
fn a_cast_of_100000_answers_or_refuses() {
    check_big_cast(&big_cast(100_000), 100_000);
}

/// The same on a cast of 20,000 (200 million co-appearances), in the quick
/// run.
#[test]
fn a_cast_of_20000_answers_or_refuses() {
    check_big_cast(&big_cast(20_000), 20_000);
}

/// Below the limit the projection is built; one person over it, refused.
#[test]
fn the_projection_limit_is_exact() {
    // n(n − 1)/2 ≤ 1,000,000 for n up to 1,414.
    let f = Filter::new();
    let csv = |n: usize| {
        let mut s = String::from("person,work\n");
        for i in 0..n {
            s.push_str(&format!("P{i:05},Clique\n"));
        }
        Csv::new()
            .from_reader("clique.csv", s.as_bytes())
            .unwrap()
            .explorer
    };
    let over = csv(1_415);
    assert_eq!(over.co_appearance_count(&f), 1_415 * 1_414 / 2);
    assert!(Projection::check(&over, &f).is_err());
    let at = csv(1_414);
    assert_eq!(Projection::check(&at, &f).unwrap(), 1_414 * 1_413 / 2);
    let small = csv(300);
    let p = Projection::of(&small, &f, &Options::new().limit(5)).unwrap();
    assert_eq!(p.total_edges, 300 * 299 / 2);
    assert_eq!(Projection::check(&small, &f).unwrap(), 300 * 299 / 2);
}

/// The command: `projection` and `export --projection` refuse a clique
/// over the limit with the count and the limit (status 1); `recommend`
/// says where it was cut.
#[cfg(feature = "cli")]
#[test]
fn the_command_refuses_or_cuts_on_one_large_clique() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("hallyu-clique-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("clique.csv");
    let mut s = String::from("person,work\n");
    for i in 0..5_000 {
        s.push_str(&format!("Person {i:05},The Clique\n"));
    }
    std::fs::write(&file, s).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hallyu"))
            .arg("--data")
            .arg(&file)
            .args(args)
            .output()
            .expect("the binary runs")
    };
    for args in [
        &["projection"][..],
        &["export", "--format", "json", "--projection"],
        &["export", "--format", "graphml", "--projection"],
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("12497500 co-appearances"), "{stderr}");
        assert!(stderr.contains("at most 1000000 "), "{stderr}");
    }
    let out = run(&["recommend", "person-00000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("cut at 2001 co-stars"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
