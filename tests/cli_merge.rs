//! `hallyu` on several sources at once: RON records, Wikidata's SPARQL
//! results and an IMDb directory merged by cross-identifiers, as a user
//! runs it. The fixtures are those of `tests/fixtures/wikidata/` and
//! `tests/fixtures/merge/` (their placeholder ids are listed in their
//! READMEs); the RON records are the bundled ones, written to a scratch
//! directory with the placeholder IMDb ids of the fixtures.
//!
//! `cargo test --features cli --test cli_merge`.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hallyu::Catalog;
use hallyu::model::Role;
use serde_json::Value;

fn hallyu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallyu"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Stdout and stderr of a command that must answer.
fn ok(args: &[&str]) -> (String, String) {
    let out = hallyu(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "hallyu {args:?}: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8"), stderr)
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hallyu-cli-merge-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled people, groups and memberships with one work of the RON data
/// (I Am Sam) and its credits, the people of the path given the fixtures'
/// placeholder IMDb ids, written as RON to `dir/ron/records.ron`.
fn ron_records(dir: &Path) -> String {
    let mut r = Catalog::bundled().into_records();
    r.works.retain(|w| w.id == "i-am-sam");
    r.credits
        .retain(|c| c.to == "i-am-sam" || matches!(c.role, Role::Member { .. }));
    for (id, imdb) in [
        ("lee-min-ho", "nm9900001"),
        ("kim-woo-bin", "nm9900002"),
        ("seungri", "nm9900003"),
        ("park-min-young", "nm9900004"),
    ] {
        let p = r.people.iter_mut().find(|p| p.id == id).unwrap();
        p.ids.imdb = Some(imdb.to_string());
    }
    let text = Catalog::from_records("test", r).unwrap().to_ron();
    let ron = dir.join("ron");
    std::fs::create_dir_all(&ron).unwrap();
    std::fs::write(ron.join("records.ron"), text).unwrap();
    ron.display().to_string()
}

#[test]
fn a_path_through_all_three_sources_names_each_hop_s_source() {
    let dir = scratch("path");
    let ron = ron_records(&dir);
    let (groups, videos, imdb) = (
        fixture("wikidata/groups.json"),
        fixture("wikidata/music_videos.json"),
        fixture("merge/imdb"),
    );
    let data = [
        "--data", &ron, "--data", &groups, "--data", &videos, "--data", &imdb,
    ];
    let args = |rest: &[&'static str]| -> Vec<String> {
        data.iter()
            .chain(rest)
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    };
    let run = |rest: &[&'static str]| {
        let a = args(rest);
        ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (text, stderr) = run(&["path", "Seungri", "Kim Woo-bin"]);
    // Every record matched by its ids: one Seungri, one Kim Woo-bin (else
    // the names would be ambiguous), and no conflict.
    assert!(stderr.contains("0 conflicts"), "{stderr}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Seungri to Kim Woo-bin: 3 hops", "{text}");
    let hops = [
        ("Haru Haru", "[source: Wikidata]"),
        ("I Am Sam", "[source: RON]"),
        ("The Heirs", "[source: IMDb]"),
    ];
    for (line, (work, source)) in lines[1..].iter().zip(hops) {
        assert!(line.contains(work) && line.ends_with(source), "{text}");
    }
    assert_eq!(lines.len(), 4, "{text}");
    let (json, _) = run(&["path", "Seungri", "Kim Woo-bin", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["length"], 3);
    let sources: Vec<(&str, &str)> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["work"].as_str().unwrap(), h["to"][0].as_str().unwrap()))
        .collect();
    assert_eq!(
        sources,
        [
            ("x-haru-haru", "Wikidata"),
            ("i-am-sam", "RON"),
            ("tt9900001", "IMDb")
        ]
    );
    // The length, independently: NetworkX on the merged co-appearance graph
    // the command exports.
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_networkx {
        eprintln!("skipped the NetworkX check: pip install networkx");
        return;
    }
    let out = dir.join("projection.json").display().to_string();
    let a = args(&["export", "--projection", "--out"]);
    let mut a: Vec<&str> = a.iter().map(String::as_str).collect();
    a.push(&out);
    ok(&a);
    let script = "import json, sys\nimport networkx as nx\n\
        g = nx.node_link_graph(json.load(open(sys.argv[1])), edges='edges')\n\
        print(nx.shortest_path_length(g, 'seungri', 'kim-woo-bin'))";
    let py = Command::new("python3")
        .args(["-c", script, &out])
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&py.stdout).trim(), "3");
}

#[test]
fn sources_prints_what_each_brought_and_every_conflict() {
    let dir = scratch("conflicts");
    let ron = ron_records(&dir);
    // Seungri leaving BIGBANG in 2020: a test value, not a fact (the RON
    // data says 2019).
    let altered = dir.join("altered.json");
    let text = std::fs::read_to_string(fixture("wikidata/groups.json"))
        .unwrap()
        .replace("2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z");
    std::fs::write(&altered, text).unwrap();
    let altered = altered.display().to_string();
    let (text, stderr) = ok(&["--data", &ron, "--data", &altered, "sources"]);
    assert!(stderr.contains("1 conflict "), "{stderr}");
    assert!(
        text.contains("1 conflict (the first source's value kept, none resolved):"),
        "{text}"
    );
    assert!(
        text.contains("  seungri → bigbang, membership years: RON ?–2019; Wikidata ?–2020"),
        "{text}"
    );
    // BIGBANG (by its MusicBrainz id) and Seungri (by his IMDb id) matched.
    let (json, _) = ok(&["--data", &ron, "--data", &altered, "sources", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let wikidata = &v["sources"][1];
    assert_eq!(
        (&wikidata["origin"], &wikidata["label"]),
        (&"Wikidata".into(), &altered.clone().into())
    );
    assert_eq!(wikidata["matched"], 2);
    assert_eq!(v["conflicts"][0]["values"][0]["source"], "RON");
    assert_eq!(v["conflicts"][0]["values"][1]["value"], "?–2020");
}

#[test]
fn merge_adds_wikidata_to_the_bundled_data_and_a_wikidata_file_may_have_any_name() {
    let dir = scratch("bundled");
    let named = dir.join("results.txt");
    std::fs::copy(fixture("wikidata/groups.json"), &named).unwrap();
    let named = named.display().to_string();
    let (json, stderr) = ok(&["--merge", "--wikidata", &named, "sources", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["sources"][0]["label"], "bundled");
    // BIGBANG matched by the MusicBrainz id both hold; the fixture's people
    // carry placeholder ids the bundled data does not: kept apart.
    assert_eq!(v["sources"][1]["matched"], 1, "{stderr}");
    let (info, _) = ok(&["--merge", "--wikidata", &named, "info", "BIGBANG"]);
    assert!(info.contains("BIGBANG"), "{info}");
    // One Wikidata file alone is read too, every hop naming its source.
    let (text, _) = ok(&[
        "--data",
        &fixture("wikidata/music_videos.json"),
        "path",
        "G-Dragon",
        "Park Min-young",
    ]);
    assert!(
        text.lines().nth(1).unwrap().ends_with("[source: Wikidata]"),
        "{text}"
    );
}

#[test]
fn sources_that_do_not_merge_are_usage_errors() {
    let dir = scratch("errors");
    let csv = dir.join("edges.csv");
    std::fs::write(&csv, "person,work\nA,W\n").unwrap();
    let csv = csv.display().to_string();
    let groups = fixture("wikidata/groups.json");
    let out = hallyu(&["--data", &csv, "--data", &groups, "stats"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("csv data does not merge"), "{stderr}");
    let out = hallyu(&["--merge", "--data", "data", "stats"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("one RON source at a time"), "{stderr}");
    let out = hallyu(&["sources"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing merged"), "{stderr}");
}
