//! One answer, three ways: for each of the five answers the server offers
//! (search, info, co-stars, path, neighbours), the library's JSON
//! (`serde_json::to_value` of `hallyu::query::answer`), the `hallyu`
//! command's `--json` and the server's API body are the same value. The
//! command's other answers (shared, works, cast, list, paths, bacon,
//! introduce, recommend, centre, rank, components, projection, stats, the
//! notes of files written) have no endpoint: the library's JSON and the
//! command's are the same value.
//!
//! Needs the binary and the server: `cargo test --features cli --test
//! contract` (CI runs `cargo test --all-features`, which includes it).
#![cfg(all(feature = "cli", feature = "serve"))]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Command;

use hallyu::html::{ServeOptions, serve};
use hallyu::model::{RecordKind, WorkKind};
use hallyu::query::answer::{
    Bacon, Cast, Centre, CentreRow, CoStars, Communities, Components, Cores, Graph, ImportCounts,
    Info, Introductions, List, Membership, Neighbours, Options, Path, Paths, Projection, Rank,
    RankOptions, Recommendations, Search, SharedWorks, Stats, Works, Written, Wrote,
};
use hallyu::query::{Avoid, CentreOptions, CommunityOptions, Measure};
use hallyu::{Explorer, Filter};
use serde_json::Value;

/// `hallyu ARGS --json`: its stdout.
fn command_out(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_hallyu"))
        .args(args)
        .arg("--json")
        .env_remove("HALLYU_DOT")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hallyu {args:?}: {stderr}");
    out.stdout
}

/// `hallyu ARGS --json`, parsed.
fn command(args: &[&str]) -> Value {
    let out = command_out(args);
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("hallyu {args:?}: {e}"))
}

/// `GET target` from the server: status 200, the body parsed.
fn api(addr: SocketAddr, target: &str) -> Value {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    s.write_all(format!("GET {target} HTTP/1.0\r\n\r\n").as_bytes())
        .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{target}: {answer}");
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{target}: {e}: {body}"))
}

/// The library's answer as JSON.
fn key_of(ex: &Explorer, e: hallyu::Entity) -> String {
    ex.key(e).into_owned()
}

fn library(answer: &impl serde::Serialize) -> Value {
    serde_json::to_value(answer).unwrap()
}

/// The three are equal (and, so that the test says something, not empty).
fn same(what: &str, lib: Value, cli: Value, server: Value) {
    assert!(
        lib.as_object().is_some_and(|o| !o.is_empty()),
        "{what}: {lib}"
    );
    assert_eq!(lib, cli, "{what}: the library and the command differ");
    assert_eq!(lib, server, "{what}: the library and the server differ");
}

#[test]
fn library_command_and_server_give_the_same_answers() {
    let ex = Explorer::bundled();
    let all = Filter::new();
    // Lists cut at 5 on one server, at the default (100) on the other.
    let five = serve(
        ex.clone(),
        "127.0.0.1:0",
        ServeOptions::new().max_results(5),
    )
    .unwrap();
    let wide = serve(ex.clone(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let (five_at, wide_at) = (five.addr(), wide.addr());
    let cut = Options::new().limit(5);
    let person = |name: &str| ex.person(name).unwrap();
    let key = |name: &str| ex.key(person(name).into()).into_owned();

    // Search: several matches, cut at 5, and one clear winner.
    let lib = Search::of(&ex, "park", &cut);
    assert!(lib.count > 5 && lib.matches.len() == 5, "{lib:?}");
    same(
        "search park",
        library(&lib),
        command(&["search", "park", "--limit", "5"]),
        api(five_at, "/api/search?q=park"),
    );
    let lib = Search::of(&ex, "bak seo-jun", &cut);
    assert_eq!(lib.clear_winner.as_deref(), Some("park-seo-joon"));
    same(
        "search bak seo-jun",
        library(&lib),
        command(&["search", "bak seo-jun", "--limit", "5"]),
        api(five_at, "/api/search?q=bak+seo-jun"),
    );

    // Info: the command shows every credit; the server up to 100.
    for name in ["Park Seo-joon", "IU"] {
        let lib = Info::of(&ex, person(name).into(), &Options::new().unlimited());
        assert!(lib.total <= 100 && lib.credits.len() == lib.total);
        same(
            &format!("info {name}"),
            library(&lib),
            command(&["info", name]),
            api(wide_at, &format!("/api/person/{}", key(name))),
        );
    }

    // Co-stars, the first five.
    for name in ["Park Seo-joon", "IU"] {
        let lib = CoStars::of(&ex, person(name), &all, &cut);
        assert!(lib.total > 5 && lib.costars.len() == 5, "{name}");
        same(
            &format!("costars {name}"),
            library(&lib),
            command(&["costars", name, "--top", "5"]),
            api(five_at, &format!("/api/costars?person={}", key(name))),
        );
    }

    // A path, and no path (Tamar Herman has no credit).
    for (a, b, connected) in [
        ("Park Seo-joon", "Choi Woo-shik", true),
        ("IU", "Choi Woo-shik", true),
        ("IU", "Tamar Herman", false),
    ] {
        let lib = Path::between(&ex, person(a), person(b), &all);
        assert_eq!(lib.connected, connected, "{a} to {b}");
        same(
            &format!("path {a} {b}"),
            library(&lib),
            command(&["path", a, b]),
            api(five_at, &format!("/api/path?from={}&to={}", key(a), key(b))),
        );
    }

    // Neighbours: the command shows everyone; the server up to 100.
    for (name, hops) in [("IU", 1), ("Choi Woo-shik", 2)] {
        let lib = Neighbours::of(
            &ex,
            person(name),
            &all,
            &Options::new().hops(hops).unlimited(),
        );
        assert!(lib.total_people <= 100 && lib.total_works <= 100);
        assert!(lib.people.len() > 1 && !lib.works.is_empty(), "{name}");
        same(
            &format!("neighbours {name} -k {hops}"),
            library(&lib),
            command(&["neighbours", name, "-k", &hops.to_string()]),
            api(
                wide_at,
                &format!("/api/neighbours?person={}&hops={hops}", key(name)),
            ),
        );
    }

    // Paths around people and works, through a person, the k shortest.
    let avoid = Avoid::new()
        .person(person("Park Seo-joon"))
        .work(ex.work("My Old Story").unwrap());
    same(
        "path avoiding",
        library(&Path::routed(
            &ex,
            person("IU"),
            person("Choi Woo-shik"),
            None,
            &avoid,
            &all,
        )),
        command(&[
            "path",
            "IU",
            "Choi Woo-shik",
            "--avoid",
            "Park Seo-joon",
            "--avoid-work",
            "My Old Story",
        ]),
        api(
            five_at,
            &format!(
                "/api/path?from=iu&to=choi-woo-shik&avoid=park-seo-joon&avoid_works={}",
                key_of(&ex, ex.lookup("My Old Story").unwrap())
            ),
        ),
    );
    same(
        "path via",
        library(&Path::routed(
            &ex,
            person("lee-min-ho"),
            person("Choi Woo-shik"),
            Some(person("IU")),
            &Avoid::new(),
            &all,
        )),
        command(&["path", "lee-min-ho", "Choi Woo-shik", "--via", "IU"]),
        api(five_at, "/api/path?from=lee-min-ho&to=choi-woo-shik&via=iu"),
    );
    same(
        "paths --k 4",
        library(&Paths::k_shortest(
            &ex,
            person("Park Seo-joon"),
            person("IU"),
            4,
            &Avoid::new(),
            &all,
        )),
        command(&["paths", "Park Seo-joon", "IU", "--k", "4"]),
        api(five_at, "/api/paths?from=park-seo-joon&to=iu&k=4"),
    );
    // As of a year (and an end not yet debuted), in time order.
    for year in [2010, 2014, 2015] {
        let then = Filter::new().as_of(year);
        same(
            &format!("path as of {year}"),
            library(&Path::between(
                &ex,
                person("Seo Yea-ji"),
                person("G-Dragon"),
                &then,
            )),
            command(&[
                "path",
                "Seo Yea-ji",
                "G-Dragon",
                "--as-of",
                &year.to_string(),
            ]),
            api(
                five_at,
                &format!("/api/path?from=seo-yea-ji&to=g-dragon&as_of={year}"),
            ),
        );
    }
    same(
        "path in order",
        library(&Path::in_order(
            &ex,
            person("Seo Yea-ji"),
            person("Park Min-young"),
            &Avoid::new(),
            &all,
        )),
        command(&["path", "Seo Yea-ji", "Park Min-young", "--in-order"]),
        api(
            five_at,
            "/api/path?from=seo-yea-ji&to=park-min-young&in_order=1",
        ),
    );

    // The page's pieces of the graph: around a person and a work, of
    // records, where a picture starts; the filter's years and kinds applied
    // by the server as by the library. No command prints them.
    let years = Filter::new()
        .years(2010..=2016)
        .kinds([WorkKind::Drama, WorkKind::MusicVideo]);
    for (what, lib, target) in [
        (
            "graph around IU",
            library(&Graph::around(&ex, person("IU").into(), &all, &cut)),
            "/api/graph?around=iu".to_string(),
        ),
        (
            "graph around Kiss",
            library(&Graph::around(&ex, ex.lookup("Kiss").unwrap(), &all, &cut)),
            format!(
                "/api/graph?around={}",
                key_of(&ex, ex.lookup("Kiss").unwrap())
            ),
        ),
        (
            "graph around IU, 2010 to 2016, dramas and videos",
            library(&Graph::around(&ex, person("IU").into(), &years, &cut)),
            "/api/graph?around=iu&years=2010-2016&kinds=drama,mv".to_string(),
        ),
        (
            "graph of records",
            library(&Graph::of(
                &ex,
                &[person("IU").into(), ex.lookup("Dream High").unwrap()],
                &all,
            )),
            format!(
                "/api/graph?records=iu,{}",
                key_of(&ex, ex.lookup("Dream High").unwrap())
            ),
        ),
        (
            "graph start",
            library(&Graph::start(&ex, &all, &Options::new().limit(5))),
            "/api/graph?limit=5".to_string(),
        ),
    ] {
        let server = api(five_at, &target);
        assert_eq!(lib, server, "{what}: the library and the server differ");
        assert!(!lib["nodes"].as_array().unwrap().is_empty(), "{what}");
    }

    // The communities the page colours people by: the server's
    // `/api/communities` is the library's Membership of the same records;
    // its names are those of `hallyu communities --json`; the offline
    // page embeds the same community for every person.
    let options = CommunityOptions::new();
    let found = ex.communities(&options, &all).unwrap();
    let named = Communities::of_partition(
        &ex,
        &found,
        &options,
        &all,
        &Options::new().limit(hallyu::export::CLUSTER_COLOURS),
    );
    let records = [
        person("G-Dragon").into(),
        person("Taeyang").into(),
        person("Park Seo-joon").into(),
        ex.lookup("Dream High").unwrap(),
        person("Tamar Herman").into(),
    ];
    let lib = library(&Membership::of(&ex, &found, &named, &records));
    let keys: Vec<String> = records.iter().map(|&e| key_of(&ex, e)).collect();
    let batches = [&keys[..3], &keys[3..]];
    for (at, asked) in [
        (wide_at, &keys[..]),
        (five_at, batches[0]),
        (five_at, batches[1]),
    ] {
        let server = api(at, &format!("/api/communities?records={}", asked.join(",")));
        let members = lib["members"].as_array().unwrap();
        let mine: Vec<&Value> = members
            .iter()
            .filter(|m| asked.iter().any(|k| m["id"] == k.as_str()))
            .collect();
        assert_eq!(
            server["members"]
                .as_array()
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            mine
        );
        for field in ["communities", "modularity", "resolution", "seed", "names"] {
            assert_eq!(lib[field], server[field], "/api/communities: {field}");
        }
    }
    let m = &lib["members"];
    assert_eq!(m[0]["community"], m[1]["community"], "BIGBANG: {lib}");
    assert_ne!(m[0]["community"], m[2]["community"], "{lib}");
    assert_eq!(m[3]["community"], Value::Null, "a work: {lib}");
    assert_eq!(m[4]["community"], Value::Null, "in no work: {lib}");
    let cli = command(&["communities", "--top", "11"]);
    let cli_names: Vec<Value> = cli["list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(lib["names"], Value::Array(cli_names), "the command's names");
    assert_eq!(lib["modularity"], cli["modularity"]);
    let page = hallyu::html::page(&ex, &hallyu::html::PageOptions::new()).unwrap();
    let open = r#"<script id="hallyu-data" type="application/json">"#;
    let json = &page[page.find(open).unwrap() + open.len()..];
    let data: Value = serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap();
    let embedded = data["communities"]["members"].as_array().unwrap();
    assert_eq!(embedded.len(), ex.people().len());
    for m in embedded {
        let p = person(m["id"].as_str().unwrap());
        assert_eq!(m["community"], library(&found.community(p)), "{m}");
    }
    assert_eq!(data["communities"]["names"], lib["names"]);

    for server in [five, wide] {
        server.shutdown();
        server.join();
    }
}

/// The library and the command agree (and, so that the test says
/// something, the answer is not empty).
fn agree(what: &str, lib: Value, cli: Value) {
    assert!(
        lib.as_object().is_some_and(|o| !o.is_empty()),
        "{what}: {lib}"
    );
    assert_eq!(lib, cli, "{what}: the library and the command differ");
}

#[test]
fn library_and_command_give_the_same_answers() {
    let ex = Explorer::bundled();
    let all = Filter::new();
    let every = Options::new().unlimited();
    let person = |name: &str| ex.person(name).unwrap();

    // Shared works, and none (then the distance, or no chain at all).
    for (a, b, distance) in [
        ("Park Seo-joon", "Choi Woo-shik", Some(1)),
        ("Song Joong-ki", "Seo Yea-ji", Some(3)),
        ("IU", "Tamar Herman", None),
    ] {
        let lib = SharedWorks::between(&ex, person(a), person(b), &all, &every);
        assert_eq!(lib.distance, distance, "{a} and {b}");
        agree(
            &format!("shared {a} {b}"),
            library(&lib),
            command(&["shared", a, b]),
        );
    }

    // Works, and none; a filter.
    for (name, kinds) in [("IU", None), ("Tamar Herman", None), ("IU", Some("film"))] {
        let filter = kinds.map_or_else(Filter::new, |k| Filter::new().kinds([k.parse().unwrap()]));
        let lib = Works::of(&ex, person(name), &filter, &every);
        assert_eq!(lib.total, lib.works.len());
        let mut args = vec!["works", name];
        args.extend(kinds.iter().flat_map(|k| ["--kinds", *k]));
        agree(&format!("works {args:?}"), library(&lib), command(&args));
    }

    // The cast of a work.
    for title in ["Kiss", "Itaewon Class"] {
        let lib = Cast::of(&ex, ex.work(title).unwrap(), &every);
        assert!(lib.total > 1 && lib.credits.len() == lib.total, "{title}");
        agree(
            &format!("cast {title}"),
            library(&lib),
            command(&["cast", title]),
        );
    }

    // Every kind of list.
    for (kind, what) in [
        (RecordKind::Person, "people"),
        (RecordKind::Work, "works"),
        (RecordKind::Group, "groups"),
        (RecordKind::Organisation, "organisations"),
    ] {
        let lib = List::of(&ex, kind, &all, &every);
        assert!(lib.total > 0 && lib.records.len() == lib.total, "{what}");
        agree(
            &format!("list {what}"),
            library(&lib),
            command(&["list", what]),
        );
    }

    // Several shortest paths, cut at 3; one; none.
    for (a, b, limit) in [
        ("Song Joong-ki", "Seo Yea-ji", 3),
        ("Park Seo-joon", "Choi Woo-shik", 100),
        ("IU", "Tamar Herman", 100),
    ] {
        let lib = Paths::between(
            &ex,
            person(a),
            person(b),
            &all,
            &Options::new().limit(limit),
        );
        assert_eq!(lib.paths.len() as u64, lib.count.min(limit as u64));
        agree(
            &format!("paths {a} {b}"),
            library(&lib),
            command(&["paths", a, b, "--limit", &limit.to_string()]),
        );
    }

    // Distances: the command names at most 50 farthest and unreachable
    // (through music videos only, the graph has several components).
    let mv = Filter::new().kinds([hallyu::model::WorkKind::MusicVideo]);
    for (name, filter, kinds) in [("IU", &mv, Some("mv")), ("Tamar Herman", &all, None)] {
        let lib = Bacon::of(&ex, person(name), filter, &Options::new().limit(50));
        assert!(lib.unreachable_count > 0, "{name}");
        let mut args = vec!["bacon", name];
        args.extend(kinds.iter().flat_map(|k| ["--kinds", *k]));
        agree(&format!("bacon {name}"), library(&lib), command(&args));
    }

    // Introductions, and nobody.
    for (a, b) in [("Song Joong-ki", "Park Seo-joon"), ("IU", "Tamar Herman")] {
        let lib = Introductions::between(&ex, person(a), person(b), &all, &every);
        agree(
            &format!("introduce {a} {b}"),
            library(&lib),
            command(&["introduce", a, b]),
        );
    }

    // Recommendations, the first five, and none.
    for name in ["IU", "Tamar Herman"] {
        let lib = Recommendations::of(&ex, person(name), &all, &Options::new().limit(5));
        assert!(lib.recommendations.len() <= 5, "{name}");
        agree(
            &format!("recommend {name}"),
            library(&lib),
            command(&["recommend", name, "--top", "5"]),
        );
    }
}

/// The library's answer as the command's JSON text parses: through the
/// same text, so that floats parse to the same (serde_json's default parser
/// may miss the nearest float by one unit in the last place).
fn library_parsed(answer: &impl serde::Serialize) -> Value {
    serde_json::from_str(&serde_json::to_string(answer).unwrap()).unwrap()
}

/// The library and the command agree, and the answer is not empty.
fn same_as_command(args: &[&str], answer: &impl serde::Serialize) {
    let lib = library_parsed(answer);
    assert!(
        lib.as_object().is_some_and(|o| !o.is_empty()),
        "{args:?}: {lib}"
    );
    assert_eq!(
        lib,
        command(args),
        "{args:?}: the library and the command differ"
    );
}

#[test]
fn library_and_command_give_the_same_rankings_and_data() {
    let ex = Explorer::bundled();
    let all = Filter::new();
    let mv = Filter::new().kinds([WorkKind::MusicVideo]);

    // The centre: found with a bound, and (more than the main component)
    // by one search per person.
    for top in [5, 500] {
        let lib = Centre::of(&ex, &all, &Options::new().limit(top));
        let args = ["centre", "--top", &top.to_string()];
        same_as_command(&args, &lib);
    }

    // Every row of `centre --all`, one JSON line each.
    let mut rows = Vec::new();
    ex.centre_all(CentreOptions::new(), &all, |row| {
        rows.push(library_parsed(&CentreRow::of(&ex, &row)));
        std::ops::ControlFlow::Continue(())
    });
    let out = command_out(&["centre", "--all"]);
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    assert_eq!(
        rows, lines,
        "centre --all: the library and the command differ"
    );

    // Rankings by each measure.
    for (by, top) in [
        (Measure::Betweenness, 20),
        (Measure::Degree, 3),
        (Measure::Closeness, 7),
        (Measure::SharedWorks, 20),
    ] {
        let lib = Rank::of(&ex, &all, by, &RankOptions::new().limit(top)).unwrap();
        let args = ["rank", "--by", by.name(), "--top", &top.to_string()];
        same_as_command(&args, &lib);
    }

    // Sampled betweenness, above the limit of the exact one.
    let sampled = RankOptions::new()
        .exact_up_to(0)
        .betweenness(hallyu::query::BetweennessOptions::new().epsilon(0.05));
    let lib = Rank::of(&ex, &all, Measure::Betweenness, &sampled).unwrap();
    assert_eq!(lib.method.kind, "sampled");
    same_as_command(
        &[
            "rank",
            "--by",
            "betweenness",
            "--exact-up-to",
            "0",
            "--epsilon",
            "0.05",
        ],
        &lib,
    );

    // Components, every one and the music videos' first three.
    let lib = Components::of(&ex, &all, &Options::new());
    same_as_command(&["components"], &lib);
    let lib = Components::of(&ex, &mv, &Options::new().limit(3));
    assert_eq!((lib.components, lib.list.len()), (7, 3));
    same_as_command(&["components", "--kinds", "mv", "--top", "3"], &lib);

    // Cores and communities.
    let lib = Cores::of(&ex, &all, &Options::new().limit(5));
    same_as_command(&["cores", "--top", "5"], &lib);
    let options = CommunityOptions::new().seed(3).resolution(1.5);
    let lib = Communities::of(&ex, &options, &all, &Options::new().limit(4)).unwrap();
    same_as_command(
        &[
            "communities",
            "--seed",
            "3",
            "--resolution",
            "1.5",
            "--top",
            "4",
        ],
        &lib,
    );

    // The projection, whole.
    for (filter, args) in [
        (&all, &["projection"][..]),
        (&mv, &["projection", "--kinds", "mv"]),
    ] {
        let lib = Projection::of(&ex, filter, &Options::new().unlimited()).unwrap();
        assert_eq!(lib.edges.len(), lib.total_edges);
        same_as_command(args, &lib);
    }

    // Stats of the bundled data, and of an IMDb import with its report.
    let lib = Stats::of(&ex, &all, "bundled", None, None);
    same_as_command(&["stats"], &lib);
    let dir = "tests/fixtures/imdb/good";
    let imported = hallyu::import::Imdb::new().from_dir(dir).unwrap();
    let report = Some(ImportCounts::from(&imported.report));
    let path = Some(std::path::Path::new(dir));
    let lib = Stats::of(&imported.explorer, &all, "imdb", path, report);
    same_as_command(&["--data", dir, "stats"], &lib);
}

#[test]
fn library_and_command_give_the_same_notes_of_files_written() {
    let dir = std::env::temp_dir().join(format!("hallyu-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let export = |format: &str, to: &std::path::Path| {
        command(&["export", "--format", format, "--out", to.to_str().unwrap()])
    };
    let file = dir.join("catalog.dot");
    let cli = export("dot", &file);
    let bytes = std::fs::metadata(&file).unwrap().len() as usize;
    assert_eq!(library(&Wrote::of(&file, bytes)), cli);
    let neo4j = dir.join("neo4j");
    let cli = export("neo4j", &neo4j);
    // Every file of the whole graph, nodes files first.
    let whole = hallyu::export::Network::new(
        &Explorer::bundled(),
        &Filter::new(),
        hallyu::export::Shape::Bipartite,
    );
    let files: Vec<_> = hallyu::export::neo4j::to_csv_files(&whole)
        .into_iter()
        .map(|(name, _)| neo4j.join(name))
        .collect();
    assert_eq!(library(&Written::of(files)), cli);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every measure's ranking, at every length, is the top of the full
/// computation ([`Explorer::centrality`]: one search per person, Brandes),
/// with each row's degree and shared works; only the measure asked for is
/// filled in, and the method says how it was computed.
#[test]
fn rank_computes_only_the_measure_asked_for_and_equals_the_full_computation() {
    let ex = Explorer::bundled();
    for filter in [Filter::new(), Filter::new().kinds([WorkKind::MusicVideo])] {
        let full = ex.centrality(&filter);
        let nodes = full.iter().filter(|s| full.is_node(s.person)).count();
        for by in Measure::ALL {
            let want = full.ranked(by);
            for top in [1, 3, 10, 81, 500] {
                let lib = Rank::of(&ex, &filter, by, &RankOptions::new().limit(top)).unwrap();
                assert_eq!(lib.total, nodes);
                assert_eq!(lib.ranking.len(), top.min(nodes), "{by} {top}");
                for (got, want) in lib.ranking.iter().zip(&want) {
                    assert_eq!(got.person.id, ex.key(want.person.into()), "{by} {top}");
                    assert_eq!(
                        (got.degree, got.shared_works),
                        (want.degree, want.shared_works)
                    );
                    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-12);
                    match by {
                        Measure::Closeness => {
                            assert!(close(got.closeness, want.closeness), "{by} {top}");
                            assert_eq!(got.betweenness, None);
                        }
                        Measure::Betweenness => {
                            assert!(close(got.betweenness, want.betweenness));
                            assert_eq!(got.closeness, None);
                        }
                        _ => assert_eq!((got.closeness, got.betweenness), (None, None)),
                    }
                }
                let kind = match by {
                    Measure::Degree | Measure::SharedWorks => "count",
                    _ => "exact",
                };
                assert_eq!(lib.method.kind, kind);
                assert!(lib.method.examined <= nodes);
                assert!(lib.to_string().contains(&lib.method.description));
            }
        }
    }
    // The top 3 by degree counts only the people who could be in it.
    let three = Rank::of(
        &ex,
        &Filter::new(),
        Measure::Degree,
        &RankOptions::new().limit(3),
    )
    .unwrap();
    assert!(
        three.method.examined < three.total / 2,
        "{:?}",
        three.method
    );
}

/// Sampled betweenness is within its stated bound of Brandes' exact
/// scores, and a bad ε or δ is refused with the allowed range, by the
/// library and by the command (status 2).
#[test]
fn rank_samples_betweenness_above_the_exact_limit_within_its_bound() {
    let ex = Explorer::bundled();
    let all = Filter::new();
    let full = ex.centrality(&all);
    let sampling = hallyu::query::BetweennessOptions::new()
        .epsilon(0.05)
        .seed(9);
    let options = RankOptions::new()
        .limit(500)
        .exact_up_to(100)
        .betweenness(sampling);
    let lib = Rank::of(&ex, &all, Measure::Betweenness, &options).unwrap();
    assert_eq!((lib.method.kind.as_str(), lib.total), ("sampled", 149));
    let bound = lib.method.error_bound.unwrap();
    assert!(lib.method.samples > 1000);
    for row in &lib.ranking {
        let p = ex.person(&row.person.id).unwrap();
        let exact = full.get(p).betweenness;
        assert!(
            (row.betweenness.unwrap() - exact).abs() <= bound,
            "{}",
            row.person.id
        );
    }
    assert!(lib.to_string().contains("sampled:"));
    for bad in [0.0, -1.0, f64::NAN, 1.0] {
        let options = options.betweenness(sampling.epsilon(bad));
        let err = Rank::of(&ex, &all, Measure::Betweenness, &options).unwrap_err();
        assert!(err.to_string().contains("between 0 and 1"), "{err}");
    }
    for bad in ["0", "-1", "NaN", "1", "x"] {
        let out = Command::new(env!("CARGO_BIN_EXE_hallyu"))
            .args(["rank", "--by", "betweenness", &format!("--epsilon={bad}")])
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("between 0 and 1"), "{stderr}");
    }
}

/// Approximate betweenness with a bound outside (0, 1) stops at once with
/// the allowed range, where `ε = 0` sampled without end.
#[test]
fn approximate_betweenness_refuses_a_bound_outside_its_range() {
    let ex = Explorer::bundled();
    for bad in [0.0, -1.0, f64::NAN] {
        let options = hallyu::query::BetweennessOptions::new().epsilon(bad);
        let run = std::panic::catch_unwind(|| ex.approximate_betweenness(options, &Filter::new()));
        let message = run
            .err()
            .and_then(|e| e.downcast_ref::<String>().cloned())
            .unwrap();
        assert!(message.contains("between 0 and 1"), "{message}");
    }
}
