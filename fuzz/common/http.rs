//! The check behind the `http` fuzz target, shared with the seed replay in
//! `tests/fuzz_seeds.rs` (both include this file with `#[path]`). Needs the
//! `serve` feature.
//!
//! The input is sent as raw bytes, over a loopback TCP connection, to
//! `hallyu::html::serve` over the bundled data (one server for the whole
//! run, one worker thread); then the connection's write side is closed and
//! everything the server sends back is read. The server must answer within
//! ten seconds (or close the connection) without a panic, and what it
//! sends must be a sequence of whole HTTP/1.x responses, each with a valid
//! status line whose status is 2xx, 4xx or 5xx (or an interim
//! `100 Continue`), and whose JSON answers (`Content-Type:
//! application/json`) parse, with an `"error"` string when the status is
//! 4xx or 5xx. Any bytes at all get at least one answer: the server reads
//! the request head itself and answers every bad one (400, 405, 408, 414,
//! 421, 431), a head cut short by the client's close included.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

use hallyu::Explorer;
use hallyu::html::{ServeOptions, Server, serve};

static SERVER: OnceLock<Server> = OnceLock::new();

/// The address of the server, started on the first call.
pub fn server() -> SocketAddr {
    SERVER
        .get_or_init(|| {
            serve(
                Explorer::bundled(),
                "127.0.0.1:0",
                ServeOptions::new()
                    .threads(1)
                    .timeout(Duration::from_secs(5)),
            )
            .expect("the server starts")
        })
        .addr()
}

/// Sends `data` to the server and checks what comes back.
pub fn check(data: &[u8]) {
    let mut s = TcpStream::connect(server()).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer and close before reading everything: a failed
    // write is not a failure, what was answered is checked.
    let _ = s.write_all(data);
    let _ = s.shutdown(Shutdown::Write);
    let mut answer = Vec::new();
    if let Err(e) = s.read_to_end(&mut answer)
        && matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    {
        panic!("no answer, and the connection still open, after 10 s");
    }
    let statuses = responses(&answer);
    if !data.is_empty() {
        assert!(!statuses.is_empty(), "a request got no answer");
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Splits what the server sent into responses, checks each, and returns
/// their statuses.
fn responses(mut rest: &[u8]) -> Vec<u16> {
    let mut statuses = Vec::new();
    while !rest.is_empty() {
        let shown = String::from_utf8_lossy(&rest[..rest.len().min(300)]).into_owned();
        let end = find(rest, b"\r\n\r\n")
            .unwrap_or_else(|| panic!("a response whose headers never end: {shown:?}"));
        let head = std::str::from_utf8(&rest[..end])
            .unwrap_or_else(|_| panic!("response headers not UTF-8: {shown:?}"));
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = status_of(status_line)
            .unwrap_or_else(|| panic!("not a valid status line: {status_line:?}"));
        let mut length = None;
        let mut json = false;
        let mut chunked = false;
        for line in lines {
            let (name, value) = line
                .split_once(':')
                .unwrap_or_else(|| panic!("not a header line: {line:?} in {shown:?}"));
            let value = value.trim();
            match name.to_ascii_lowercase().as_str() {
                "content-length" => {
                    length =
                        Some(value.parse::<usize>().unwrap_or_else(|_| {
                            panic!("bad Content-Length {value:?} in {shown:?}")
                        }))
                }
                "content-type" => json = value.starts_with("application/json"),
                "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
                _ => {}
            }
        }
        rest = &rest[end + 4..];
        let body: Vec<u8> = if status == 100 || rest.is_empty() || rest.starts_with(b"HTTP/1.") {
            // An interim answer, or one without a body (an answer to HEAD
            // keeps its Content-Length but sends no body).
            Vec::new()
        } else if chunked {
            let (body, after) = dechunk(rest);
            rest = after;
            body
        } else {
            let n = length.unwrap_or(rest.len());
            assert!(
                n <= rest.len(),
                "a body of {} bytes where Content-Length says {n}: {shown:?}",
                rest.len()
            );
            let body = rest[..n].to_vec();
            rest = &rest[n..];
            body
        };
        if json && !body.is_empty() {
            let value: serde_json::Value = serde_json::from_slice(&body)
                .unwrap_or_else(|e| panic!("a JSON answer that does not parse ({e}): {shown:?}"));
            if status >= 400 {
                assert!(
                    value["error"].is_string(),
                    "a {status} JSON answer without an \"error\": {value}"
                );
            }
        }
        statuses.push(status);
    }
    statuses
}

/// `HTTP/1.x DDD reason` → DDD, when DDD is 100, 2xx, 4xx or 5xx.
fn status_of(line: &str) -> Option<u16> {
    let rest = line
        .strip_prefix("HTTP/1.1 ")
        .or_else(|| line.strip_prefix("HTTP/1.0 "))?;
    let code = rest.get(..3)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !(rest.len() == 3 || rest[3..].starts_with(' ')) {
        return None;
    }
    let code: u16 = code.parse().ok()?;
    matches!(code, 100 | 200..=299 | 400..=599).then_some(code)
}

/// A chunked body and what follows it.
fn dechunk(mut rest: &[u8]) -> (Vec<u8>, &[u8]) {
    let mut body = Vec::new();
    loop {
        let end = find(rest, b"\r\n").expect("a chunk size line");
        let size = std::str::from_utf8(&rest[..end]).expect("a chunk size");
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16)
            .unwrap_or_else(|_| panic!("bad chunk size {size:?}"));
        rest = &rest[end + 2..];
        if size == 0 {
            let end = find(rest, b"\r\n").map_or(rest.len(), |i| i + 2);
            return (body, &rest[end..]);
        }
        assert!(size + 2 <= rest.len(), "a truncated chunk");
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}
