//! `hallyu::html::serve` on 127.0.0.1:0, asked with plain TCP.
#![cfg(feature = "serve")]

use std::io::{Read, Write};
use std::net::TcpStream;

use hallyu::Explorer;
use hallyu::html::{ServeOptions, serve};

fn get(addr: std::net::SocketAddr, raw: &str) -> (u16, String) {
    get_bytes(addr, raw.as_bytes())
}

/// Sends `raw` as it is (a write error is ignored: the server may answer
/// and close before reading all of an overlong request), ends the stream,
/// and reads the answer to its end: status and body.
fn get_bytes(addr: std::net::SocketAddr, raw: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let _ = s.write_all(raw);
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut answer = Vec::new();
    s.read_to_end(&mut answer)
        .unwrap_or_else(|e| panic!("{e} after {} bytes", answer.len()));
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert!(answer.starts_with("HTTP/1.1 "), "no answer: {answer:?}");
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
    assert_eq!(v["matches"][0]["id"], "park-seo-joon");
    let (s, v) = ask(addr, "/api/search?q=%EC%B5%9C%EC%9A%B0%EC%8B%9D"); // 최우식
    assert_eq!(s, 200);
    assert_eq!(v["matches"][0]["id"], "choi-woo-shik");

    let (s, v) = ask(addr, "/api/person/park-seo-joon");
    assert_eq!(s, 200);
    assert_eq!(v["record"]["hangul"], "박서준");
    assert_eq!(v["credits"].as_array().unwrap().len(), 5);
    assert!(v["total"].as_u64().unwrap() > 5);

    let (s, v) = ask(addr, "/api/costars?person=park-seo-joon");
    assert_eq!(s, 200);
    assert_eq!(v["costars"].as_array().unwrap().len(), 5);
    assert!(v["total"].as_u64().unwrap() > 5);

    let (s, v) = ask(addr, "/api/neighbours?person=choi-woo-shik");
    assert_eq!(s, 200);
    assert!(!v["works"].as_array().unwrap().is_empty());

    let (s, v) = ask(addr, "/api/path?from=lee-min-ho&to=choi-woo-shik");
    assert_eq!(s, 200);
    assert_eq!(v["length"], 2);
    assert_eq!(v["connected"], true);
    assert!(!v["steps"][0]["from_role"].as_str().unwrap().is_empty());

    let (s, v) = ask(
        addr,
        "/api/communities?records=g-dragon,taeyang,park-seo-joon,kiss",
    );
    assert_eq!(s, 200);
    let m = &v["members"];
    assert_eq!(m[0]["community"], m[1]["community"], "{v}");
    assert_ne!(m[0]["community"], m[2]["community"], "{v}");
    assert_eq!(m[3]["community"], serde_json::Value::Null, "a work: {v}");
    assert_eq!(v["names"].as_array().unwrap().len(), 10);

    // Bad requests: 4xx JSON, never a panic.
    assert_eq!(ask(addr, "/api/communities").0, 400);
    assert_eq!(ask(addr, "/api/communities?records=a,b,c,d,e,f").0, 400); // over the limit
    assert_eq!(ask(addr, "/api/communities?records=nobody-at-all").0, 404);
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

/// Request lines the server cannot take (not ASCII, not UTF-8, not HTTP,
/// too long; too many or too long headers; a head cut short) get a 4xx
/// JSON answer, never a dropped connection, and the server goes on.
#[test]
fn bad_request_heads_get_answers() {
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let addr = server.addr();
    let many_headers: String = (0..100).map(|i| format!("X-H{i}: {i}\r\n")).collect();
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        (
            "UTF-8 Hangul in the target",
            "GET /api/search?q=박서준 HTTP/1.1\r\n\r\n".into(),
            400,
        ),
        (
            "invalid UTF-8 in the target",
            b"GET /api/search?q=\xff\xfe HTTP/1.1\r\n\r\n".to_vec(),
            400,
        ),
        ("bytes only", b"\xff\xfe\xfd\r\n\r\n".to_vec(), 400),
        ("not HTTP", b"HELLO\r\n\r\n".to_vec(), 400),
        ("no version", b"GET /\r\n\r\n".to_vec(), 400),
        (
            "a control byte",
            b"GET /a\x01b HTTP/1.1\r\n\r\n".to_vec(),
            400,
        ),
        (
            "a 200 KB request line",
            format!("GET /api/search?q={} HTTP/1.1\r\n\r\n", "a".repeat(200_000)).into(),
            414,
        ),
        (
            "a 200 KB line with no end",
            "GET /"
                .bytes()
                .chain(std::iter::repeat_n(b'a', 200_000))
                .collect(),
            414,
        ),
        (
            "a 3 KB target",
            format!("GET /api/search?q={} HTTP/1.1\r\n\r\n", "a".repeat(3000)).into(),
            414,
        ),
        (
            "100 headers",
            format!("GET / HTTP/1.1\r\n{many_headers}\r\n").into(),
            431,
        ),
        (
            "a 20 KB header",
            format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "b".repeat(20_000)).into(),
            431,
        ),
        (
            "a head cut short",
            b"GET /api/search?q=x HTTP/1.1\r\nHost: x\r\n".to_vec(),
            400,
        ),
    ];
    for (what, raw, want) in cases {
        let (status, body) = get_bytes(addr, &raw);
        assert_eq!(status, want, "{what}: {body}");
        let v: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{what}: {e}: {body}"));
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{what}: {v}"
        );
    }
    // Percent-encoded, the same Hangul is found; the server still answers.
    let (s, v) = ask(addr, "/api/search?q=%EB%B0%95%EC%84%9C%EC%A4%80");
    assert_eq!(s, 200);
    assert_eq!(v["matches"][0]["id"], "park-seo-joon");
    server.shutdown();
    assert_eq!(server.join(), 13);
}

/// A shutdown stops accepting, but a request already accepted is answered
/// (its head may still be arriving), and `join` counts it.
#[test]
fn shutdown_answers_the_request_at_hand() {
    use std::time::Duration;
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let addr = server.addr();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET /api/search?q=iu HTTP/1.1\r\n").unwrap();
    // Let the server accept it and start reading.
    std::thread::sleep(Duration::from_millis(300));
    let handle = server.shutdown_handle();
    handle.shutdown();
    assert!(handle.is_stopping());
    s.write_all(b"Host: localhost\r\n\r\n").unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"iu\""), "{answer}");
    assert_eq!(server.join(), 1);
    assert!(TcpStream::connect(addr).is_err(), "still listening");
}

/// A client that sends a header byte now and then.
fn slow_client(
    addr: std::net::SocketAddr,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<bool> {
    use std::sync::atomic::Ordering;
    std::thread::spawn(move || {
        let Ok(mut s) = TcpStream::connect(addr) else {
            return false;
        };
        let _ = s.write_all(b"GET /api/search?q=iu HTTP/1.1\r\nX-Slow: ");
        while !stop.load(Ordering::SeqCst) {
            if s.write_all(b"a").is_err() {
                return true; // the server let go
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    })
}

/// Idle connections and clients that send a head byte by byte hold only
/// their own threads: beside 2, then 20 of each, a normal request is
/// answered at once (before the fix, two such clients held both workers).
#[test]
fn slow_and_idle_clients_do_not_starve_the_others() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let addr = server.addr();
    for crowd in [2, 20] {
        let stop = Arc::new(AtomicBool::new(false));
        let idle: Vec<TcpStream> = (0..crowd)
            .map(|_| TcpStream::connect(addr).unwrap())
            .collect();
        let slow: Vec<_> = (0..crowd)
            .map(|_| slow_client(addr, Arc::clone(&stop)))
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        // The client's own bound: 3 s, under the slow clients' 5 s.
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
        s.write_all(b"GET /api/search?q=iu HTTP/1.0\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer)
            .unwrap_or_else(|e| panic!("beside {crowd} slow and {crowd} idle clients: {e}"));
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        stop.store(true, Ordering::SeqCst);
        for t in slow {
            t.join().unwrap();
        }
        drop(idle);
    }
    server.shutdown();
    server.join();
}

/// A head sent one byte at a time gets its 408 when the whole-head bound
/// is up, however steadily the bytes come.
#[test]
fn a_head_sent_byte_by_byte_gets_its_408() {
    use std::time::{Duration, Instant};
    let options = ServeOptions::new().head_timeout(Duration::from_millis(600));
    let server = serve(Explorer::bundled(), "127.0.0.1:0", options).unwrap();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    let head = b"GET /api/search?q=iu HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let start = Instant::now();
    let mut answer = Vec::new();
    for &b in head.iter().cycle().take(4000) {
        if s.write_all(&[b]).is_err() {
            break;
        }
        let mut buf = [0u8; 1024];
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
        if !answer.is_empty() && answer.ends_with(b"}") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no 408 after 20 s"
        );
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    server.shutdown();
    server.join();
}

/// A stop lets go of slow and idle clients at once: each sees its
/// connection closed, and `join` returns.
#[test]
fn a_stop_lets_go_of_slow_clients() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let addr = server.addr();
    let stop = Arc::new(AtomicBool::new(false));
    let slow: Vec<_> = (0..10)
        .map(|_| slow_client(addr, Arc::clone(&stop)))
        .collect();
    let mut idle: Vec<TcpStream> = (0..10).map(|_| TcpStream::connect(addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(300));
    server.shutdown();
    server.join();
    // Every idle client reads the end of its connection (not a timeout).
    for s in &mut idle {
        s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
        let mut buf = [0u8; 16];
        match s.read(&mut buf) {
            Ok(0) => {}
            Ok(_) => {}
            Err(e) => assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "an idle connection still open after the stop: {e}"
            ),
        }
    }
    // Every slow client finds its writes refused within a few of its bytes.
    std::thread::sleep(Duration::from_millis(1500));
    stop.store(true, Ordering::SeqCst);
    let let_go = slow
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|&b| b)
        .count();
    assert_eq!(let_go, 10, "slow clients the server did not let go of");
}

/// The server answers only requests addressed to it (DNS rebinding: a page
/// of another site resolving its name to 127.0.0.1), API calls only from
/// its own pages, HEAD without a body, and several requests on one
/// connection.
#[test]
fn host_origin_head_and_keep_alive() {
    use std::time::Duration;
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let addr = server.addr();
    let port = addr.port();
    let (s, body) = get(
        addr,
        &format!("GET /api/search?q=iu HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n"),
    );
    assert_eq!(s, 421, "{body}");
    let (s, _) = get(addr, "GET / HTTP/1.1\r\nHost: rebind.example\r\n\r\n");
    assert_eq!(s, 421);
    let (s, _) = get(addr, "GET /api/search?q=iu HTTP/1.1\r\n\r\n");
    assert_eq!(s, 400, "HTTP/1.1 without Host");
    let (s, _) = get(
        addr,
        &format!(
            "GET /api/search?q=iu HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: http://evil.example\r\n\r\n"
        ),
    );
    assert_eq!(s, 403);
    let (s, _) = get(
        addr,
        &format!(
            "GET /api/search?q=iu HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n"
        ),
    );
    assert_eq!(s, 200);

    // HEAD: the headers of GET, no body.
    let mut c = TcpStream::connect(addr).unwrap();
    c.write_all(
        format!("HEAD / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    let mut answer = String::new();
    c.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(length > 100_000, "the page's length: {length}");
    assert_eq!(body, "", "HEAD has no body");
    assert!(head.contains("Content-Security-Policy: default-src 'none'"));

    // Keep-alive: three answers on one connection, read by their lengths.
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut reader = std::io::BufReader::new(c.try_clone().unwrap());
    for q in ["iu", "dara", "park"] {
        c.write_all(
            format!("GET /api/search?q={q} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes(),
        )
        .unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.trim().parse().unwrap();
            }
            if line.starts_with("Connection: ") {
                assert_eq!(line.trim(), "Connection: keep-alive");
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["query"], q);
    }
    server.shutdown();
    server.join();
}

/// The time limit is kept while the query runs: on a synthetic import big
/// enough that a query takes a while, a tiny limit answers 503 with a JSON
/// error at once, and a normal limit answers the same request.
#[test]
fn time_limit_answers_at_the_deadline() {
    use std::time::{Duration, Instant};
    let dir = std::env::temp_dir().join(format!("hallyu-serve-limit-{}", std::process::id()));
    hallyu::import::synthetic::Synthetic::new(100_000, 25_000)
        .write_to(&dir)
        .unwrap();
    let explorer = hallyu::import::Imdb::new().from_dir(&dir).unwrap().explorer;
    std::fs::remove_dir_all(&dir).unwrap();
    let people: Vec<_> = explorer.people().collect();
    let key = |i: usize| explorer.get(people[i]).key().into_owned();
    let targets = [
        format!("/api/path?from={}&to={}", key(1), key(people.len() - 2)),
        "/api/search?q=kim+jxng+sok".to_string(),
    ];
    let normal = serve(
        explorer.clone(),
        "127.0.0.1:0",
        ServeOptions::new().timeout(Duration::from_secs(60)),
    )
    .unwrap();
    let tiny = serve(
        explorer,
        "127.0.0.1:0",
        ServeOptions::new().timeout(Duration::from_millis(1)),
    )
    .unwrap();
    let zero = serve(
        Explorer::bundled(),
        "127.0.0.1:0",
        ServeOptions::new().timeout(Duration::ZERO),
    )
    .unwrap();
    for (i, target) in targets.iter().enumerate() {
        let t = Instant::now();
        let (s, v) = ask(normal.addr(), target);
        let full = t.elapsed();
        assert!(s == 200 || s == 404, "{target}: {s} {v}");
        let t = Instant::now();
        let (s, v) = ask(tiny.addr(), target);
        let late = t.elapsed();
        eprintln!("{target}: {full:.2?} with 60 s, {late:.2?} with 1 ms ({s})");
        assert_eq!(s, 503, "{target}: {v}");
        assert!(v["error"].as_str().unwrap().contains("time limit"), "{v}");
        assert!(
            late < Duration::from_secs(1),
            "{target}: 503 after {late:.2?}"
        );
        if i == 0 {
            // The path search takes long (a long chain across the graph):
            // the 503 came before the search could have ended.
            assert!(
                late < full,
                "{target}: 503 after {late:.2?}, answer in {full:.2?}"
            );
        }
    }
    let (s, v) = ask(zero.addr(), "/api/search?q=iu");
    assert_eq!(s, 503, "{v}");
    for server in [normal, tiny, zero] {
        server.shutdown();
        server.join();
    }
}

#[test]
fn refuses_other_interfaces() {
    let err = serve(Explorer::bundled(), "0.0.0.0:0", ServeOptions::new()).unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
}

/// A bounded load test on an IMDb-layout directory (`HALLYU_IMDB_DIR`, for
/// example the large synthetic set of `examples/imdb_gen`): `HALLYU_LOAD_CLIENTS`
/// clients (4) send `HALLYU_LOAD_EACH` requests each (500) to `/api/path`
/// (pairs of real keys) and to `/api/search` (real names), one connection
/// per request, then it stops. Prints requests per second and p50/p99
/// latency per endpoint, and a `LOAD_JSON {…}` line that
/// `scripts/bench_serve.py` reads; fails on any error. Run with
/// `HALLYU_IMDB_DIR=target/imdb/large cargo test --release --features serve
/// --test serve -- --ignored --nocapture load_on_imdb`.
#[test]
#[ignore]
fn load_on_imdb() {
    use std::time::{Duration, Instant};
    let Some(dir) = std::env::var_os("HALLYU_IMDB_DIR") else {
        eprintln!("SKIPPED load_on_imdb: set HALLYU_IMDB_DIR");
        return;
    };
    let number = |var: &str, default: usize| {
        std::env::var(var)
            .ok()
            .map(|v| v.parse::<usize>().unwrap_or_else(|e| panic!("{var}: {e}")))
            .unwrap_or(default)
    };
    let clients = number("HALLYU_LOAD_CLIENTS", 8);
    let slow = number("HALLYU_LOAD_SLOW", 4);
    let each = number("HALLYU_LOAD_EACH", 500);
    let threads = number("HALLYU_LOAD_THREADS", 2);
    let t = Instant::now();
    let imported = hallyu::import::Imdb::new().from_dir(&dir).unwrap();
    let load = t.elapsed();
    eprintln!("loaded in {load:.2?}");
    let explorer = imported.explorer;
    let people = explorer.people().len();
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
    let t = Instant::now();
    let server = serve(
        explorer,
        "127.0.0.1:0",
        ServeOptions::new().threads(threads),
    )
    .unwrap();
    let index = t.elapsed();
    let addr = server.addr();
    // Slow clients beside the load: each sends a request head a byte every
    // 100 ms, and starts again when the server lets go of it.
    let stop_slow = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let slow_clients: Vec<_> = (0..slow)
        .map(|_| {
            let stop = std::sync::Arc::clone(&stop_slow);
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    slow_client(addr, std::sync::Arc::clone(&stop))
                        .join()
                        .unwrap();
                }
            })
        })
        .collect();
    let mut report = Vec::new();
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
        (
            "/api/graph",
            keys.iter()
                .map(|k| format!("/api/graph?around={k}"))
                .collect::<Vec<_>>(),
        ),
    ] {
        let targets = std::sync::Arc::new(targets);
        let start = Instant::now();
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let targets = std::sync::Arc::clone(&targets);
                std::thread::spawn(move || {
                    let (mut times, mut errors, mut no_chain) = (Vec::with_capacity(each), 0, 0);
                    for i in 0..each {
                        let target = &targets[(c * each + i) % targets.len()];
                        let t = Instant::now();
                        let (s, body) = get(addr, &format!("GET {target} HTTP/1.0\r\n\r\n"));
                        times.push(t.elapsed());
                        match s {
                            200 => {}
                            404 if body.contains("no chain") => no_chain += 1,
                            _ => {
                                eprintln!("{target}: {s} {body}");
                                errors += 1;
                            }
                        }
                    }
                    (times, errors, no_chain)
                })
            })
            .collect();
        let (mut times, mut errors, mut no_chain) = (Vec::<Duration>::new(), 0, 0);
        for h in handles {
            let (t, e, n) = h.join().unwrap();
            times.extend(t);
            errors += e;
            no_chain += n;
        }
        let wall = start.elapsed();
        times.sort();
        let n = times.len();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let rps = n as f64 / wall.as_secs_f64();
        println!(
            "{endpoint}: {n} requests, {clients} clients, {rps:.0} req/s, p50 {:.2?}, p99 {:.2?}, \
             {errors} errors",
            times[n / 2],
            times[n * 99 / 100]
        );
        report.push(serde_json::json!({
            "endpoint": endpoint, "requests": n, "clients": clients, "errors": errors,
            "no_chain": no_chain, "wall_s": wall.as_secs_f64(), "rps": rps,
            "p50_ms": ms(times[n / 2]), "p99_ms": ms(times[n * 99 / 100]),
            "max_ms": ms(times[n - 1]),
        }));
    }
    stop_slow.store(true, std::sync::atomic::Ordering::SeqCst);
    for t in slow_clients {
        t.join().unwrap();
    }
    server.shutdown();
    let served = server.join();
    let total: u64 = report.iter().map(|r| r["requests"].as_u64().unwrap()).sum();
    println!(
        "LOAD_JSON {}",
        serde_json::json!({
            "people": people, "load_s": load.as_secs_f64(), "index_s": index.as_secs_f64(),
            "threads": threads, "slow": slow, "served": served, "endpoints": report,
        })
    );
    // The slow clients' heads are answered too (408), so more are served.
    assert!(served >= total, "{served} answers for {total} requests");
    for r in &report {
        assert_eq!(r["errors"], 0, "{r}");
    }
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
