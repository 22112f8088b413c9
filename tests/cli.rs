//! Runs the built `hallyu` binary, as a user would: every command in text
//! and in JSON, `--help` everywhere, completions, exit codes, closed pipes,
//! and `--data` on a RON directory and on IMDb directories.
//!
//! The binary needs the `cli` feature: `cargo test --features cli --test cli`
//! (CI runs `cargo test --all-features`, which includes it).
#![cfg(feature = "cli")]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn hallyu() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hallyu"));
    cmd.env_remove("HALLYU_DOT").env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&str]) -> Output {
    hallyu().args(args).output().expect("the binary runs")
}

/// Runs a command that must answer: status 0, nothing on stderr that looks
/// like a panic; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "hallyu {args:?} failed with {}: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "hallyu {args:?}: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    let text = ok(&args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("hallyu {args:?}: {e}\n{text}"))
}

fn status(args: &[&str]) -> (i32, String) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "hallyu {args:?}: {stderr}");
    (out.status.code().expect("an exit code"), stderr)
}

/// One invocation of every command that answers on the bundled data.
const COMMANDS: &[&[&str]] = &[
    &["info", "Dara"],
    &["search", "park"],
    &["costars", "Park Seo-joon"],
    &["shared", "Kim So-hyun", "Han So-hee"],
    &["works", "V", "--roles", "any"],
    &["cast", "Haru Haru"],
    &["path", "Park Seo-joon", "Choi Woo-shik"],
    &["paths", "Song Joong-ki", "Seo Yea-ji", "--limit", "3"],
    &["bacon", "Park Seo-joon"],
    &["centre", "--top", "5"],
    &["rank", "--by", "betweenness", "--top", "5"],
    &["components"],
    &["cores", "--top", "5"],
    &["communities", "--seed", "3", "--top", "3"],
    &["neighbours", "IU", "-k", "1"],
    &["introduce", "Song Joong-ki", "Park Seo-joon"],
    &["recommend", "IU"],
    &["projection"],
    &["list", "works", "--kinds", "drama"],
    &["stats"],
];

#[test]
fn every_command_answers_in_text_and_json() {
    for args in COMMANDS {
        let text = ok(args);
        assert!(!text.trim().is_empty(), "hallyu {args:?} printed nothing");
        assert!(
            !text.starts_with('{'),
            "hallyu {args:?} printed JSON without --json"
        );
        json(args);
    }
}

#[test]
fn draw_and_export_write_dot_and_svg() {
    let dot = ok(&[
        "draw",
        "path",
        "Park Seo-joon",
        "Choi Woo-shik",
        "--format",
        "dot",
    ]);
    assert!(
        dot.starts_with("digraph") || dot.contains("digraph"),
        "{dot}"
    );
    let svg = ok(&["draw", "work", "Haru Haru", "--engine", "builtin"]);
    assert!(svg.contains("<svg"), "{svg}");
    let dir = scratch("draw");
    let file = dir.join("iu.svg");
    ok(&[
        "draw",
        "person",
        "IU",
        "-k",
        "1",
        "--engine",
        "builtin",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&file).unwrap().contains("아이유"));
    let dot_file = dir.join("haru.dot");
    let v = json(&[
        "draw",
        "work",
        "Haru Haru",
        "--out",
        dot_file.to_str().unwrap(),
    ]);
    assert_eq!(v["wrote"], dot_file.to_str().unwrap());
    assert!(
        std::fs::read_to_string(&dot_file)
            .unwrap()
            .contains("digraph")
    );
    for view in [
        &["catalog"][..],
        &["article"],
        &["pair", "Kim So-hyun", "Han So-hee"],
    ] {
        let mut args = vec!["draw"];
        args.extend_from_slice(view);
        args.extend(["--format", "dot"]);
        assert!(ok(&args).contains("digraph"), "{args:?}");
    }
    let all = ok(&["export", "--format", "dot", "--kinds", "mv"]);
    assert!(all.contains("Haru Haru"));
    assert!(!all.contains("Parasite"), "the filter applies to export");
}

/// `draw communities`: DOT, SVG from both engines, PNG from Graphviz,
/// with the options of `communities` and the filter flags; one colour a
/// community; what a bounded picture leaves out said on stderr.
#[test]
fn draw_communities_in_every_format() {
    let dot = ok(&["draw", "communities", "--format", "dot"]);
    let fill = |key: &str| {
        let line = dot
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{key}\"[")))
            .unwrap_or_else(|| panic!("{key} not drawn"));
        let at = line.find("fillcolor=\"").unwrap() + 11;
        line[at..at + 7].to_string()
    };
    assert_eq!(fill("g-dragon"), fill("taeyang"));
    assert_ne!(fill("g-dragon"), fill("park-seo-joon"));
    assert!(
        dot.contains("Gyopo Hairstyle / Wooga Squad"),
        "the legend names communities"
    );
    // The options and the filter reach the picture: the title counts the
    // communities `communities` finds with them.
    let args = ["--resolution", "2", "--seed", "3", "--kinds", "drama"];
    let listed = json(&[&["communities", "--top", "1"][..], &args].concat());
    let dot = ok(&[&["draw", "communities", "--format", "dot"][..], &args].concat());
    let title = format!(
        "{} communities of {} people",
        listed["communities"], listed["people"]
    );
    assert!(dot.contains(&title), "{title}");
    assert!(!dot.contains("class=\"work mv\""), "only dramas");
    let dir = scratch("draw-communities");
    let mut engines = vec![("builtin", "svg")];
    if std::process::Command::new("dot").arg("-V").output().is_ok() {
        engines.extend([("graphviz", "svg"), ("graphviz", "png")]);
    }
    for (engine, ext) in engines {
        let file = dir.join(format!("c-{engine}.{ext}"));
        let out = run(&[
            "draw",
            "communities",
            "--top",
            "3",
            "--max-people",
            "12",
            "--engine",
            engine,
            "--out",
            file.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{engine} {ext}: {stderr}");
        assert!(
            stderr.contains("12 of their") && stderr.contains("7 smaller communities left out"),
            "{engine}: {stderr}"
        );
        let bytes = std::fs::read(&file).unwrap();
        if ext == "png" {
            assert!(bytes.starts_with(b"\x89PNG"), "{engine}");
        } else {
            let svg = String::from_utf8(bytes).unwrap();
            // The legend's first entry (its apostrophe escaped each
            // engine's way).
            assert!(svg.contains("<svg"), "{engine}");
            assert!(svg.contains("s Not Fall in Love / BIGBANG"), "{engine}");
        }
    }
    // The page carries each person's community, unless asked not to.
    let page = ok(&["html"]);
    assert!(page.contains(r#""communities":{"communities":10,"#));
    let page = ok(&["html", "--no-communities"]);
    assert!(!page.contains(r#""communities":{"#));
    let (code, stderr) = status(&["draw", "communities", "--top", "12"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, stderr) = status(&["draw", "communities", "--resolution", "0"]);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("resolution"), "{stderr}");
}

#[test]
fn json_answers_carry_the_data() {
    let v = json(&["costars", "Park Seo-joon"]);
    assert_eq!(v["costars"][0]["person"]["name"], "Choi Woo-shik");
    let v = json(&["path", "Park Seo-joon", "Choi Woo-shik"]);
    assert_eq!(v["length"], 1);
    assert_eq!(v["connected"], true);
    let v = json(&["rank", "--by", "betweenness", "--top", "1"]);
    assert_eq!(v["ranking"][0]["person"]["id"], "park-seo-joon");
    let v = json(&["stats"]);
    assert_eq!(v["source"], "bundled");
    assert!(v["people"].as_u64().unwrap() > 50);
}

#[test]
fn a_path_with_no_answer_says_so() {
    let args = ["path", "IU", "Tamar Herman"]; // Tamar Herman has no credit
    let text = ok(&args);
    assert!(text.starts_with("No path"), "{text}");
    assert!(!text.contains("null"), "{text}");
    let v = json(&args);
    assert_eq!(v["connected"], false);
    assert_eq!(v["length"], Value::Null);
}

#[test]
fn hangul_rows_line_up_by_display_width() {
    let text = ok(&["cast", "Haru Haru"]);
    let column = |line: &str, word: &str| {
        let at = line.find(word)?;
        Some(unicode_width::UnicodeWidthStr::width(&line[..at]))
    };
    let columns: Vec<usize> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            ["performer", "cast", "music producer", "produced by"]
                .iter()
                .find_map(|w| column(l, w))
        })
        .collect();
    assert!(columns.len() >= 5, "{text}");
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "roles not aligned:\n{text}"
    );
}

#[test]
fn exit_codes_tell_answers_usage_lookup_and_data_apart() {
    let (code, err) = status(&["path", "Lee Min-ho", "IU"]);
    assert_eq!(code, 2, "an ambiguous name");
    assert!(err.contains("ambiguous"), "{err}");
    let (code, err) = status(&["costars", "Park Seo-jon"]);
    assert_eq!(code, 2, "an unknown name");
    assert!(err.contains("did you mean"), "{err}");
    assert_eq!(status(&["frobnicate"]).0, 2, "an unknown command");
    assert_eq!(status(&["rank", "--by", "fame"]).0, 2, "a bad value");
    assert_eq!(
        status(&["--data", "/nonexistent/hallyu", "stats"]).0,
        1,
        "a missing path"
    );
    assert_eq!(
        status(&["--data", "Cargo.toml", "stats"]).0,
        1,
        "a file that is not data"
    );
    let search = ok(&["search", "zzzzqqq"]);
    assert!(search.starts_with("Nothing matches"), "{search}");
}

#[test]
fn help_of_every_command_exits_zero() {
    let top = ok(&["--help"]);
    assert!(top.contains("Exit status"), "{top}");
    let commands = [
        "info",
        "search",
        "costars",
        "shared",
        "works",
        "cast",
        "path",
        "paths",
        "bacon",
        "centre",
        "rank",
        "components",
        "cores",
        "communities",
        "neighbours",
        "introduce",
        "recommend",
        "projection",
        "list",
        "draw",
        "export",
        "stats",
        "completions",
    ];
    for c in commands {
        let help = ok(&[c, "--help"]);
        assert!(
            help.contains("Example"),
            "hallyu {c} --help has no example:\n{help}"
        );
        assert!(
            help.contains("--years"),
            "hallyu {c} --help lacks the filter flags"
        );
    }
    for view in [
        "catalog",
        "article",
        "person",
        "path",
        "pair",
        "work",
        "communities",
    ] {
        assert!(
            ok(&["draw", view, "--help"]).contains("Example"),
            "draw {view}"
        );
    }
    assert!(ok(&["--version"]).starts_with("hallyu "));
}

#[test]
fn completions_generate_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(&["completions", shell]);
        assert!(script.contains("costars"), "{shell}: {script}");
    }
}

/// Spawns `args` with stdout on a pipe, reads one byte and closes the pipe,
/// like `hallyu … | head -c 1`; the tool must end quietly with status 0.
fn closed_early(args: &[&str]) {
    let mut child = hallyu()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().expect("piped");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("one byte");
    drop(stdout);
    let out = child.wait_with_output().expect("it ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "hallyu {args:?}: {stderr}");
    assert!(
        out.status.success(),
        "hallyu {args:?} | head -c 1: {}: {stderr}",
        out.status
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for _ in 0..50 {
        closed_early(&["costars", "IU", "--json"]);
    }
    // Answers larger than a pipe's buffer, so that the write really fails.
    for _ in 0..5 {
        closed_early(&["projection", "--json"]);
        closed_early(&["export", "--format", "dot"]);
        closed_early(&["completions", "zsh"]);
        closed_early(&["--help"]);
    }
    let imdb = imdb_dir();
    closed_early(&["--data", imdb.to_str().unwrap(), "list", "people", "--json"]);
}

#[test]
fn data_a_ron_directory() {
    let v = json(&["--data", "data", "stats"]);
    assert_eq!(v["source"], "ron");
    assert_eq!(v["people"], json(&["stats"])["people"]);
    ok(&["--data", "data/", "path", "Park Seo-joon", "Choi Woo-shik"]);
}

#[test]
fn data_a_single_ron_file() {
    let dir = scratch("ron-file");
    let file = dir.join("everything.ron");
    std::fs::write(&file, hallyu::Catalog::bundled().to_ron()).expect("written");
    let file = file.to_str().unwrap();
    let v = json(&["--data", file, "stats"]);
    assert_eq!(v["source"], "ron");
    assert_eq!(v["credits"], json(&["stats"])["credits"]);
    assert!(ok(&["--data", file, "cast", "Haru Haru"]).contains("G-Dragon"));
}

/// A scratch directory under the system's temporary one, made anew.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hallyu-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// A small synthetic IMDb directory, written once.
fn imdb_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch("imdb");
        hallyu::import::synthetic::Synthetic::new(3000, 600)
            .seed(7)
            .write_to(&dir)
            .expect("written");
        dir
    })
}

#[test]
fn data_an_imdb_directory() {
    let dir = imdb_dir().to_str().unwrap();
    let v = json(&["--data", dir, "stats"]);
    assert_eq!(v["source"], "imdb");
    assert!(v["import"]["names_read"].as_u64().unwrap() == 3000);
    let hub = v["most_credited"]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let costars = json(&["--data", dir, "costars", &hub]);
    let other = costars["costars"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = json(&["--data", dir, "path", &hub, &other]);
    assert_eq!(path["length"], 1);
    for args in [
        &["bacon", hub.as_str()][..],
        &["components"],
        &["works", hub.as_str()],
        &["info", hub.as_str()],
        &["search", "kim", "--limit", "3"],
    ] {
        let mut all = vec!["--data", dir];
        all.extend_from_slice(args);
        ok(&all);
        json(&all);
    }
}

#[test]
fn data_an_imdb_fixture_directory() {
    // tests/fixtures/imdb/good: the hand-written rows of the importer tests.
    let v = json(&["--data", "tests/fixtures/imdb/good", "stats"]);
    assert_eq!(v["source"], "imdb");
}

#[test]
fn export_writes_every_format_and_data_reads_them_back() {
    let dir = std::env::temp_dir().join(format!("hallyu-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).display().to_string();
    for (format, file) in [
        ("graphml", "g.graphml"),
        ("json", "g.json"),
        ("csv", "g.csv"),
        ("gexf", "g.gexf"),
        ("cypher", "g.cypher"),
    ] {
        ok(&["export", "--format", format, "--out", &path(file)]);
        assert!(
            std::fs::metadata(path(file)).unwrap().len() > 1000,
            "{format}"
        );
    }
    ok(&["export", "--format", "neo4j", "--out", &path("neo4j")]);
    assert!(dir.join("neo4j").read_dir().unwrap().count() >= 2);
    // What the tool writes, it reads: the same answer from each.
    let want = ok(&["path", "Park Seo-joon", "Choi Woo-shik"]);
    for file in ["g.graphml", "g.json", "g.csv"] {
        let got = ok(&[
            "--data",
            &path(file),
            "path",
            "park-seo-joon",
            "choi-woo-shik",
        ]);
        assert_eq!(got.lines().next(), want.lines().next(), "{file}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn html_writes_one_offline_page() {
    let page = ok(&["html"]);
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(page.contains("default-src 'none'"));
    let near = ok(&["html", "person", "IU"]);
    assert!(near.contains("아이유"));
}

#[test]
fn lookups_typed_another_way_say_how_they_matched() {
    let out = run(&["path", "Pak Sŏjun", "IU"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: matched 'Pak Sŏjun' as McCune–Reischauer of Park Seo-joon (박서준)"),
        "{stderr}"
    );
    // The note names the person found, not the alias typed.
    let out = run(&["path", "Taehyung", "IU"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: matched 'Taehyung' as alias of V"),
        "{stderr}"
    );
}

/// `hallyu serve` on a free port answers, and on SIGINT (Ctrl-C) and
/// SIGTERM stops: it says how many requests it answered and exits with
/// status 0.
#[test]
fn serve_stops_cleanly_on_ctrl_c_and_sigterm() {
    use std::io::{BufRead, BufReader, Write};
    use std::time::{Duration, Instant};
    for signal in ["-INT", "-TERM"] {
        let mut child = hallyu()
            .args(["serve", "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();

        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s.write_all(b"GET /api/search?q=iu HTTP/1.0\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"iu\""), "{answer}");

        let pid = child.id().to_string();
        let killed = Command::new("kill").args([signal, &pid]).status().unwrap();
        assert!(killed.success());
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(30) {
                child.kill().ok();
                panic!("hallyu serve still running 30 s after kill {signal}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut rest = String::new();
        stderr.read_to_string(&mut rest).unwrap();
        assert!(status.success(), "kill {signal}: {status}: {rest}");
        assert!(rest.contains("stopped: 1 request served"), "{rest}");
        assert!(!rest.contains("panicked"), "{rest}");
        // The port is free again: nothing listens on it any more.
        assert!(std::net::TcpStream::connect(&addr).is_err(), "{addr}");
    }
}

/// SIGTERM stops `hallyu serve` within 2 s although slow clients (a header
/// byte every 100 ms) and idle connections hold it: before, it waited for
/// each of them to time out.
#[test]
fn sigterm_stops_serve_under_slow_clients() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    let mut child = hallyu()
        .args(["serve", "--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let slow: Vec<_> = (0..10)
        .map(|_| {
            let (addr, stop) = (addr.clone(), Arc::clone(&stop));
            std::thread::spawn(move || {
                let Ok(mut s) = std::net::TcpStream::connect(&addr) else {
                    return;
                };
                let _ = s.write_all(b"GET /api/search?q=iu HTTP/1.1\r\nX-Slow: ");
                while !stop.load(Ordering::SeqCst) && s.write_all(b"a").is_ok() {
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        })
        .collect();
    let idle: Vec<_> = (0..10)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().ok();
            panic!("hallyu serve still running 30 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    stop.store(true, Ordering::SeqCst);
    for t in slow {
        t.join().unwrap();
    }
    drop(idle);
    assert!(status.success(), "{status}");
    assert!(
        took < Duration::from_secs(2),
        "stopped {took:?} after SIGTERM"
    );
}

/// `centre --top` says that its answer is exact, and is the top of the
/// whole ranking (the library's `centre_ranking`), also when N is more
/// than the main component holds.
#[test]
fn centre_top_is_exact_and_the_top_of_the_ranking() {
    let ex = hallyu::Explorer::bundled();
    let ranking = ex.centre_ranking(&hallyu::Filter::new());
    for n in [5, 100] {
        let v = json(&["centre", "--top", &n.to_string()]);
        assert_eq!(v["method"]["exact"], true, "{v}");
        let ids: Vec<&str> = v["centre"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["person"]["id"].as_str().unwrap())
            .collect();
        let want: Vec<String> = ranking
            .iter()
            .take(n)
            .map(|c| ex.key(c.person.into()).into_owned())
            .collect();
        assert_eq!(ids, want, "--top {n}");
    }
    let text = ok(&["centre", "--top", "3"]);
    assert!(text.contains("exact: "), "{text}");
    assert!(text.contains("Park Seo-joon"), "{text}");
}

/// `centre --all` writes one row per person of the main component, each
/// equal to `bacon` from that person; a run resumed with `--start` into the
/// same file gives the same file as one whole run.
#[test]
fn centre_all_writes_every_row_and_resumes() {
    let lines = ok(&["centre", "--all", "--json"]);
    let rows: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let main = json(&["centre", "--top", "1"])["centre"][0]["component_size"]
        .as_u64()
        .unwrap();
    assert_eq!(rows.len() as u64, main);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["position"], i as u64);
        if i % 10 == 0 {
            let b = json(&["bacon", row["id"].as_str().unwrap()]);
            assert_eq!(row["histogram"], b["histogram"], "{row}");
            assert_eq!(row["mean_distance"], b["mean"], "{row}");
            assert_eq!(row["eccentricity"], b["eccentricity"], "{row}");
        }
    }
    let best = rows
        .iter()
        .min_by(|a, b| {
            a["mean_distance"]
                .as_f64()
                .partial_cmp(&b["mean_distance"].as_f64())
                .unwrap()
        })
        .unwrap();
    assert_eq!(best["name"], "Park Seo-joon");

    let dir = scratch("centre-all");
    let whole = dir.join("whole.csv");
    let resumed = dir.join("resumed.csv");
    let err = String::from_utf8(run(&["centre", "--all", "--out", whole.to_str().unwrap()]).stderr)
        .unwrap();
    assert!(err.contains(&format!("centre: {main} rows")), "{err}");
    let text = std::fs::read_to_string(&whole).unwrap();
    assert!(text.starts_with("position,id,name,mean_distance,eccentricity,histogram\n"));
    assert_eq!(text.lines().count() as u64, main + 1);
    assert_eq!(text.lines().nth(1).unwrap().split(',').count(), 6);
    let first: String = text.lines().take(41).map(|l| format!("{l}\n")).collect();
    std::fs::write(&resumed, first).unwrap();
    ok(&[
        "centre",
        "--all",
        "--start",
        "40",
        "--out",
        resumed.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read_to_string(&resumed).unwrap(), text);
}

/// `centre --all --out FILE` killed half-way (SIGKILL) leaves the previous
/// file whole: the rows go to a temporary file renamed over it at the end.
#[test]
fn centre_all_killed_half_way_leaves_the_previous_file_whole() {
    use std::time::{Duration, Instant};
    let data = scratch("centre-kill-imdb");
    hallyu::import::synthetic::Synthetic::new(40_000, 10_000)
        .seed(3)
        .write_to(&data)
        .expect("written");
    let dir = scratch("centre-kill");
    let file = dir.join("rows.csv");
    std::fs::write(&file, "the previous rows\n").unwrap();
    let mut child = hallyu()
        .args(["--data", data.to_str().unwrap(), "centre", "--all", "--out"])
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    let temporary_rows = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p != &file)
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|t| t.lines().count())
            .max()
            .unwrap_or(0)
    };
    while temporary_rows() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no rows after 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "the previous rows\n"
    );
}

/// Ctrl-C stops `centre --all` at the end of the passes under way: status
/// 130, every row written kept, and the position to resume from, which
/// completes the file.
#[test]
fn centre_all_stops_on_ctrl_c_and_says_where_to_resume() {
    use std::time::{Duration, Instant};
    let data = scratch("centre-imdb");
    hallyu::import::synthetic::Synthetic::new(40_000, 10_000)
        .seed(3)
        .write_to(&data)
        .expect("written");
    let data = data.to_str().unwrap();
    let dir = scratch("centre-ctrl-c");
    let file = dir.join("rows.csv");
    let file_s = file.to_str().unwrap();
    let mut child = hallyu()
        .args(["--data", data, "centre", "--all", "--out", file_s])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Wait for the first rows (in the temporary file beside --out: the
    // file itself appears whole, when the run ends or stops), then
    // interrupt.
    let start = Instant::now();
    let rows_so_far = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .map(|t| t.lines().count())
            .max()
            .unwrap_or(0)
    };
    while rows_so_far() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no rows after 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let next: usize = err
        .split("resume with --start ")
        .nth(1)
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("no position to resume from in {err:?}"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), next + 1, "{err}");
    ok(&[
        "--data",
        data,
        "centre",
        "--all",
        "--start",
        &next.to_string(),
        "--out",
        file_s,
    ]);
    let whole = ok(&["--data", data, "centre", "--all"]);
    assert!(next < whole.lines().count() - 1, "stopped only at the end");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), whole);
}

/// Every numeric argument is checked, with a message naming the allowed
/// range (status 2, nothing on stdout).
#[test]
fn numeric_arguments_name_their_range() {
    let at_least_1 = "a whole number of at least 1";
    let zero_to_six = "a whole number from 0 to 6";
    let cases: &[(&[&str], &str)] = &[
        (&["costars", "IU", "--top", "0"], at_least_1),
        (&["rank", "--top=-3"], at_least_1),
        (&["centre", "--top", "NaN"], at_least_1),
        (&["search", "park", "--limit", "0"], at_least_1),
        (&["paths", "IU", "Dara", "--limit", "0"], at_least_1),
        (&["neighbours", "IU", "-k", "7"], zero_to_six),
        (&["draw", "person", "IU", "-k", "99"], zero_to_six),
        (
            &["draw", "path", "IU", "Dara", "--context", "7"],
            zero_to_six,
        ),
        (
            &["centre", "--all", "--start=-1"],
            "a whole number of at least 0",
        ),
        (
            &["rank", "--exact-up-to", "lots"],
            "a whole number of at least 0",
        ),
        (
            &["rank", "--by", "betweenness", "--delta", "1.5"],
            "between 0 and 1",
        ),
        (
            &["serve", "--time-limit", "0"],
            "a whole number from 1 to 3600000",
        ),
        (&["serve", "--port", "70000"], "0..=65535"),
    ];
    for (args, range) in cases {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(range), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// The counts of `stats --json`: people, groups, works, organisations,
/// credits.
fn counts(v: &Value) -> [u64; 5] {
    ["people", "groups", "works", "organisations", "credits"].map(|k| v[k].as_u64().unwrap())
}

#[test]
fn export_tells_the_format_from_the_extension() {
    let dir = scratch("extensions");
    let path = |name: &str| dir.join(name).display().to_string();
    for (file, starts) in [
        ("k.graphml", "<?xml"),
        ("k.gexf", "<?xml"),
        ("k.json", "{"),
        ("k.csv", "record,id,name"),
        ("k.cypher", "// Written by hallyu"),
        ("k.ron", "#![enable"),
        ("k.dot", "digraph"),
        ("k.svg", "<"),
    ] {
        ok(&["export", "--out", &path(file)]);
        let text = std::fs::read_to_string(path(file)).unwrap();
        assert!(
            text.trim_start().starts_with(starts),
            "{file}: {}",
            &text[..60.min(text.len())]
        );
    }
    assert!(
        std::fs::read_to_string(path("k.svg"))
            .unwrap()
            .contains("<svg")
    );
    let graphml = std::fs::read_to_string(path("k.graphml")).unwrap();
    assert!(
        graphml.contains("<graphml xmlns="),
        "--out k.graphml writes GraphML"
    );
    // An unknown extension, or none, is an error that lists the known ones.
    for name in ["k.xyz", "k"] {
        let (code, stderr) = status(&["export", "--out", &path(name)]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(".graphml, .gexf, .json, .csv, .cypher"),
            "{stderr}"
        );
        assert!(!dir.join(name).exists());
    }
    // --format wins over the extension.
    ok(&["export", "--format", "json", "--out", &path("k.txt")]);
    assert!(
        std::fs::read_to_string(path("k.txt"))
            .unwrap()
            .starts_with('{')
    );
    // Clear messages about --out.
    let (code, stderr) = status(&["export", "--out", &path("missing/k.graphml")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does not exist"), "{stderr}");
    let (code, stderr) = status(&["export", "--format", "graphml", "--out", &path("")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a directory"), "{stderr}");
    let (code, stderr) = status(&["export", "--format", "neo4j", "--out", &path("k.csv")]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("writes a directory") && stderr.contains("is a file"),
        "{stderr}"
    );
    // A symlink at --out is replaced, not followed.
    let target = dir.join("target.txt");
    std::fs::write(&target, "keep me").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&target, dir.join("link.json")).unwrap();
        ok(&["export", "--out", &path("link.json")]);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        let meta = std::fs::symlink_metadata(dir.join("link.json")).unwrap();
        assert!(meta.is_file(), "the link is replaced by the file");
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".hallyu-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn data_reads_back_the_whole_graph_of_every_export() {
    let dir = scratch("read-back");
    let path = |name: &str| dir.join(name).display().to_string();
    let want = json(&["stats"]);
    for file in ["g.graphml", "g.json", "g.csv", "g.ron", "neo4j/"] {
        ok(&["export", "--out", &path(file)]);
        let got = json(&["--data", &path(file), "stats"]);
        assert_eq!(counts(&got), counts(&want), "{file}");
        assert_eq!(got["works_by_kind"], want["works_by_kind"], "{file}");
        // The same answers.
        for args in [
            &["path", "park-seo-joon", "choi-woo-shik"][..],
            &["costars", "iu"],
            &["works", "g-dragon", "--roles", "any"],
        ] {
            let data = path(file);
            let mut with = vec!["--data", data.as_str()];
            with.extend_from_slice(args);
            let a = json(args);
            let b = json(&with);
            assert_eq!(a, b, "{file}: {args:?}");
        }
    }
}

#[test]
fn networkx_reads_the_exports_with_the_counts_of_stats() {
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_networkx {
        eprintln!("skipped: NetworkX is not installed (pip install networkx)");
        return;
    }
    let dir = scratch("networkx");
    let path = |name: &str| dir.join(name).display().to_string();
    for file in ["g.graphml", "g.gexf", "g.json"] {
        ok(&["export", "--out", &path(file)]);
    }
    let script = r#"
import json, sys, collections
import networkx as nx
d = sys.argv[1]
for name, g in [
    ("graphml", nx.read_graphml(d + "/g.graphml")),
    ("gexf", nx.read_gexf(d + "/g.gexf")),
    ("json", nx.node_link_graph(json.load(open(d + "/g.json")), edges="edges")),
]:
    kinds = collections.Counter(k for _, k in g.nodes(data="kind"))
    print(name, g.is_multigraph(), kinds["person"], kinds["group"], kinds["work"], kinds["organisation"], g.number_of_edges())
"#;
    let out = Command::new("python3")
        .args(["-c", script, dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let [p, g, w, o, c] = counts(&json(&["stats"]));
    for format in ["graphml", "gexf", "json"] {
        let want = format!("{format} True {p} {g} {w} {o} {c}");
        assert!(
            stdout.lines().any(|l| l == want),
            "want {want:?} in\n{stdout}"
        );
    }
}

#[test]
fn an_export_killed_half_way_leaves_the_previous_file_whole() {
    use std::time::{Duration, Instant};
    let data = imdb_dir().to_str().unwrap();
    let dir = scratch("killed");
    let target = dir.join("big.graphml");
    let before = "<?xml version=\"1.0\"?><graphml/>\n";
    std::fs::write(&target, before).unwrap();
    let mut child = hallyu()
        .args(["--data", data, "export", "--out", target.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The temporary file beside the target appears when the export starts
    // its work; kill the export then.
    let start = Instant::now();
    let temporary = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().starts_with(".hallyu-"))
    };
    while !temporary() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the export ended first"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), before);
    // Finished, the export replaces the file whole.
    ok(&["--data", data, "export", "--out", target.to_str().unwrap()]);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.ends_with("</graphml>\n") && text.len() > 100_000);
}

/// Numbers mean what their column says, counts agree in number, and a
/// path ends with one newline (`-k 7` is refused: see above).
#[test]
fn numbers_say_what_they_count() {
    let rank = ok(&["rank"]);
    assert!(
        rank.lines().next().unwrap().contains("shared works"),
        "{rank}"
    );
    let bacon = ok(&["bacon", "IU"]);
    assert!(!bacon.contains(" 1 people"), "{bacon}");
    let path = ok(&["path", "Park Seo-joon", "Choi Woo-shik"]);
    assert!(!path.ends_with("\n\n"), "{path:?}");
}

/// No message of the command names a Rust type or a Cargo feature as the
/// way out: the string literals of the sources (which the command's errors
/// are made of) are scanned, and the command is run where drawing fails.
#[test]
fn messages_speak_flags_not_rust() {
    let forbidden = [
        "Engine::",
        "Format::",
        "Options::",
        "Cargo feature",
        "--features",
        "feature `",
    ];
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut sources = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut found = Vec::new();
    for file in sources {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut continued = false;
        for (n, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.starts_with("//") || trimmed.starts_with("#[") {
                continued = false;
                continue;
            }
            // The quoted parts of the line, and all of a line that
            // continues a string (after a trailing backslash).
            let mut quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            if continued {
                quoted.push(line);
            }
            continued = trimmed.ends_with('\\');
            if let Some(bad) = forbidden
                .iter()
                .find(|bad| quoted.iter().any(|q| q.contains(*bad)))
            {
                found.push(format!("{}:{}: {bad}: {trimmed}", file.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));

    // Graphviz missing, PNG asked.
    let out = Command::new(env!("CARGO_BIN_EXE_hallyu"))
        .args([
            "draw", "path", "IU", "Dara", "--format", "png", "--engine", "graphviz",
        ])
        .env_remove("HALLYU_DOT")
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--engine builtin"), "{stderr}");
    for bad in forbidden {
        assert!(!stderr.contains(bad), "{stderr}");
    }
}

/// A group named where a person is expected says it is a group and offers
/// its members and its works.
#[test]
fn a_group_where_a_person_is_expected() {
    let out = run(&["costars", "BIGBANG"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("BIGBANG is a group, not a person"),
        "{stderr}"
    );
    assert!(
        stderr.contains("G-Dragon") && stderr.contains("hallyu info"),
        "{stderr}"
    );
}

/// A port in use is named; `--data`'s help lists every format it reads.
#[test]
fn busy_port_and_data_formats() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = run(&["serve", "--port", &port]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("port {port}")), "{stderr}");
    assert!(stderr.contains("--port"), "{stderr}");
    let help = ok(&["stats", "--help"]);
    for format in ["RON", "IMDb", "csv", "tsv", "json", "graphml"] {
        assert!(help.contains(format), "{format}: {help}");
    }
}
