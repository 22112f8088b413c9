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
