//! One answer, three ways: for each of the five answers the server offers
//! (search, info, co-stars, path, neighbours), the library's JSON
//! (`serde_json::to_value` of `hallyu::query::answer`), the `hallyu`
//! command's `--json` and the server's API body are the same value. The
//! command's other answers (shared, works, cast, list, paths, bacon,
//! introduce, recommend) have no endpoint: the library's JSON and the
//! command's are the same value.
//!
//! Needs the binary and the server: `cargo test --features cli --test
//! contract` (CI runs `cargo test --all-features`, which includes it).
#![cfg(all(feature = "cli", feature = "serve"))]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Command;

use hallyu::html::{ServeOptions, serve};
use hallyu::model::RecordKind;
use hallyu::query::answer::{
    Bacon, Cast, CoStars, Info, Introductions, List, Neighbours, Options, Path, Paths,
    Recommendations, Search, SharedWorks, Works,
};
use hallyu::{Explorer, Filter};
use serde_json::Value;

/// `hallyu ARGS --json`, parsed.
fn command(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_hallyu"))
        .args(args)
        .arg("--json")
        .env_remove("HALLYU_DOT")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hallyu {args:?}: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("hallyu {args:?}: {e}"))
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

    // Distances: the command names at most 50 farthest and unreachable.
    for name in ["IU", "Tamar Herman"] {
        let lib = Bacon::of(&ex, person(name), &all, &Options::new().limit(50));
        assert!(lib.unreachable_count > 0, "{name}");
        agree(
            &format!("bacon {name}"),
            library(&lib),
            command(&["bacon", name]),
        );
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
