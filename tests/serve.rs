//! `hallyu::html::serve` on 127.0.0.1:0, asked with plain TCP.
#![cfg(feature = "serve")]

use std::io::{Read, Write};
use std::net::TcpStream;

use hallyu::Explorer;
use hallyu::html::{ServeOptions, serve};

fn get(addr: std::net::SocketAddr, raw: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer[9..12].parse().unwrap();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn ask(addr: std::net::SocketAddr, target: &str) -> (u16, serde_json::Value) {
    let (status, body) = get(addr, &format!("GET {target} HTTP/1.0\r\n\r\n"));
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{target}: {e}: {body}"));
    (status, json)
}

#[test]
fn api_answers_and_errors() {
    let server = serve(
        Explorer::bundled(),
        "127.0.0.1:0",
        ServeOptions::new().max_results(5),
    )
    .unwrap();
    let addr = server.addr();
    assert!(addr.ip().is_loopback());

    let (s, v) = ask(addr, "/api/search?q=bak+seo-jun");
    assert_eq!(s, 200);
    assert_eq!(v["matches"][0]["key"], "park-seo-joon");
    let (s, v) = ask(addr, "/api/search?q=%EC%B5%9C%EC%9A%B0%EC%8B%9D"); // 최우식
    assert_eq!(s, 200);
    assert_eq!(v["matches"][0]["key"], "choi-woo-shik");

    let (s, v) = ask(addr, "/api/person/park-seo-joon");
    assert_eq!(s, 200);
    assert_eq!(v["hangul"], "박서준");
    assert!(v["works"].as_array().unwrap().len() <= 5);

    let (s, v) = ask(addr, "/api/costars?person=park-seo-joon");
    assert_eq!(s, 200);
    assert_eq!(v["costars"].as_array().unwrap().len(), 5);
    assert_eq!(v["truncated"], true);

    let (s, v) = ask(addr, "/api/neighbours?person=choi-woo-shik");
    assert_eq!(s, 200);
    assert!(!v["works"].as_array().unwrap().is_empty());

    let (s, v) = ask(addr, "/api/path?from=lee-min-ho&to=choi-woo-shik");
    assert_eq!(s, 200);
    assert_eq!(v["hops"], 2);
    assert!(v["lines"][0].as_str().unwrap().contains(" in→ "));

    // Bad requests: 4xx JSON, never a panic.
    assert_eq!(ask(addr, "/api/search").0, 400);
    assert_eq!(ask(addr, "/api/path?from=lee-min-ho").0, 400);
    assert_eq!(ask(addr, "/api/person/nobody-at-all").0, 404);
    assert_eq!(ask(addr, "/api/costars?person=Lee+Min-ho").0, 404); // ambiguous
    assert_eq!(ask(addr, "/api/nothing").0, 404);
    assert_eq!(ask(addr, "/api/search?q=%FF%FE%").0, 200);
    let long = format!("/api/search?q={}", "a".repeat(5000));
    assert_eq!(ask(addr, &long).0, 414);
    let (s, _) = get(
        addr,
        "POST /api/search?q=x HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
    );
    assert_eq!(s, 405);

    let (s, page) = get(addr, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(s, 200);
    assert!(page.contains("default-src 'none'"));

    server.shutdown();
    server.join();
}

#[test]
fn refuses_other_interfaces() {
    let err = serve(Explorer::bundled(), "0.0.0.0:0", ServeOptions::new()).unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
}

/// A bounded load test on an IMDb-layout directory (`HALLYU_IMDB_DIR`, for
/// example the large synthetic set of `examples/imdb_gen`): 4 clients, 500
/// requests each to `/api/path` and `/api/search`, then it stops. Prints
/// requests per second and p50/p99 latency; fails on any error. Run with
/// `HALLYU_IMDB_DIR=target/imdb/large cargo test --release --features serve
/// --test serve -- --ignored --nocapture`.
#[test]
#[ignore]
fn load_on_imdb() {
    use std::time::{Duration, Instant};
    let Some(dir) = std::env::var_os("HALLYU_IMDB_DIR") else {
        eprintln!("SKIPPED load_on_imdb: set HALLYU_IMDB_DIR");
        return;
    };
    let t = Instant::now();
    let imported = hallyu::import::Imdb::new().from_dir(&dir).unwrap();
    eprintln!("loaded in {:.2?}", t.elapsed());
    let explorer = imported.explorer;
    let keys: Vec<String> = explorer
        .people()
        .step_by(997)
        .take(400)
        .map(|p| explorer.get(p).key().into_owned())
        .collect();
    let names: Vec<String> = explorer
        .people()
        .step_by(1009)
        .take(400)
        .map(|p| explorer.get(p).name().to_string())
        .collect();
    let server = serve(explorer, "127.0.0.1:0", ServeOptions::new().threads(2)).unwrap();
    let addr = server.addr();
    const CLIENTS: usize = 4;
    const EACH: usize = 500;
    for (endpoint, targets) in [
        (
            "/api/path",
            keys.iter()
                .zip(keys.iter().rev())
                .map(|(a, b)| format!("/api/path?from={a}&to={b}"))
                .collect::<Vec<_>>(),
        ),
        (
            "/api/search",
            names
                .iter()
                .map(|n| format!("/api/search?q={}", encode(n)))
                .collect::<Vec<_>>(),
        ),
    ] {
        let targets = std::sync::Arc::new(targets);
        let start = Instant::now();
        let handles: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let targets = std::sync::Arc::clone(&targets);
                std::thread::spawn(move || {
                    let mut times = Vec::with_capacity(EACH);
                    for i in 0..EACH {
                        let target = &targets[(c * EACH + i) % targets.len()];
                        let t = Instant::now();
                        let (s, body) = get(addr, &format!("GET {} HTTP/1.0\r\n\r\n", target));
                        assert!(
                            s == 200 || (s == 404 && body.contains("no chain")),
                            "{target}: {s} {body}"
                        );
                        times.push(t.elapsed());
                    }
                    times
                })
            })
            .collect();
        let mut times: Vec<Duration> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        let wall = start.elapsed();
        times.sort();
        let n = times.len();
        println!(
            "{endpoint}: {n} requests, {CLIENTS} clients, {:.0} req/s, p50 {:.2?}, p99 {:.2?}, 0 errors",
            n as f64 / wall.as_secs_f64(),
            times[n / 2],
            times[n * 99 / 100]
        );
    }
    server.shutdown();
    server.join();
}

/// Percent-encodes a query value (UTF-8 bytes).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
