//! The server's HTTP/1.1 wire: a request head read against one deadline
//! for the whole head, an answer written against one deadline for the
//! whole answer, keep-alive, and a stop that no client can delay.
//!
//! Every read and write waits at most [`SLICE`], then looks at the clock
//! and at the stop flag: a client that sends (or reads) one byte at a time
//! gains nothing, and a stopping server lets go of every idle connection
//! within [`SLICE`] (a request under way is still read and answered, within
//! a second).

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The longest a single read or write waits before the deadline and the
/// stop flag are looked at again.
pub(super) const SLICE: Duration = Duration::from_millis(100);
/// The headers of a request head, at most (more: 431).
pub(super) const MAX_HEADERS: usize = 64;
/// The bytes of header lines, at most (more: 431).
pub(super) const MAX_HEADER_BYTES: usize = 16 * 1024;

/// What a connection needs to know of the server: whether it is stopping
/// (and since when).
pub(super) trait Stopping {
    /// The instant the stop was asked, if it was.
    fn stopped_at(&self) -> Option<Instant>;
}

/// The time a stopping server still gives an answer under way.
const GRACE: Duration = Duration::from_secs(1);

/// A parsed request head: what the server looks at.
#[derive(Debug)]
pub(super) struct Request {
    pub(super) method: String,
    pub(super) target: String,
    /// HTTP/1.`minor`.
    pub(super) minor: u8,
    pub(super) host: Option<String>,
    pub(super) origin: Option<String>,
    /// The client asked to keep the connection (HTTP/1.1 unless `Connection:
    /// close`; HTTP/1.0 only with `Connection: keep-alive`).
    pub(super) keep_alive: bool,
    /// The head announces a body (which the server never reads).
    pub(super) has_body: bool,
}

/// What reading a request head gave.
pub(super) enum Head {
    /// A whole head.
    Request(Request),
    /// Nothing came before the deadline, the client closed, or the server
    /// is stopping: close without an answer.
    Closed,
    /// Answer this, then close.
    Bad(Reply),
}

/// An answer on the wire: status, content type, body, extra header lines.
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) kind: &'static str,
    pub(super) body: Arc<str>,
    pub(super) extra: String,
}

impl Reply {
    /// A JSON error answer `{"error": message}`.
    pub(super) fn error(status: u16, message: impl Into<String>) -> Reply {
        #[derive(serde::Serialize)]
        struct ErrorBody {
            error: String,
        }
        let body = ErrorBody {
            error: message.into(),
        };
        Reply {
            status,
            kind: "application/json; charset=utf-8",
            body: serde_json::to_string(&body)
                .expect("a string serialises")
                .into(),
            extra: String::new(),
        }
    }

    /// The status line and headers, then the body unless `head_only` (an
    /// answer to HEAD).
    pub(super) fn bytes(&self, keep_alive: bool, head_only: bool) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            414 => "URI Too Long",
            421 => "Misdirected Request",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "",
        };
        let connection = if keep_alive {
            "keep-alive\r\nKeep-Alive: timeout=5"
        } else {
            "close"
        };
        let mut bytes = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: {connection}\r\n{}\r\n",
            self.status,
            self.kind,
            self.body.len(),
            self.extra
        )
        .into_bytes();
        if !head_only {
            bytes.extend_from_slice(self.body.as_bytes());
        }
        bytes
    }
}

/// A client connection and the bytes read past the last request head.
pub(super) struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    pub(super) fn new(stream: TcpStream) -> Conn {
        let _ = stream.set_nodelay(true);
        Conn {
            stream,
            buf: Vec::new(),
        }
    }

    /// Reads the next request head by `deadline` (the whole head, however
    /// slowly it comes): the request line bounded by `max_line` bytes
    /// (414), the rest by [`MAX_HEADER_BYTES`] and [`MAX_HEADERS`] (431), a
    /// line that is not ASCII or a head httparse refuses a 400, a head
    /// begun but not finished by the deadline a 408.
    pub(super) fn read_head(
        &mut self,
        deadline: Instant,
        max_line: usize,
        server: &impl Stopping,
    ) -> Head {
        let mut chunk = [0u8; 4096];
        loop {
            if !self.buf.is_empty() {
                match parse(&self.buf, max_line) {
                    Parsed::Partial => {}
                    Parsed::Bad(reply) => return Head::Bad(reply),
                    Parsed::Done(request, end) => {
                        self.buf.drain(..end);
                        return Head::Request(request);
                    }
                }
            }
            // A stopping server drops a connection with nothing asked, and
            // gives a head under way a second.
            let deadline = match server.stopped_at() {
                Some(_) if self.buf.is_empty() => return Head::Closed,
                Some(t) => deadline.min(t + GRACE),
                None => deadline,
            };
            let now = Instant::now();
            if now >= deadline {
                return if self.buf.is_empty() {
                    Head::Closed
                } else {
                    Head::Bad(Reply::error(408, "the request head did not arrive in time"))
                };
            }
            let _ = self
                .stream
                .set_read_timeout(Some((deadline - now).min(SLICE)));
            match self.stream.read(&mut chunk) {
                Ok(0) if self.buf.is_empty() => return Head::Closed,
                Ok(0) => {
                    return Head::Bad(Reply::error(400, "incomplete request head"));
                }
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if waited(&e) => {}
                Err(_) => return Head::Closed,
            }
        }
    }

    /// Writes `bytes` whole by `deadline` (sooner once the server is
    /// stopping), however slowly the client reads.
    pub(super) fn write(
        &mut self,
        bytes: &[u8],
        deadline: Instant,
        server: &impl Stopping,
    ) -> io::Result<()> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let end = match server.stopped_at() {
                Some(t) => deadline.min(t + GRACE),
                None => deadline,
            };
            let now = Instant::now();
            if now >= end {
                return Err(io::ErrorKind::TimedOut.into());
            }
            let _ = self.stream.set_write_timeout(Some((end - now).min(SLICE)));
            let n = rest.len().min(64 * 1024);
            match self.stream.write(&rest[..n]) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(k) => rest = &rest[k..],
                Err(e) if waited(&e) => {}
                Err(e) => return Err(e),
            }
        }
        self.stream.flush()
    }

    /// Ends the connection. When the client sent, or may still send, bytes
    /// the server did not read, they are read first (a little while, a
    /// little of them), so that they do not turn the close into a reset
    /// that could destroy the answer before the client reads it.
    pub(super) fn close(mut self, unread: bool) {
        let _ = self.stream.shutdown(Shutdown::Write);
        if unread || !self.buf.is_empty() {
            // At most 300 ms and 1 MiB, however the client trickles.
            let end = Instant::now() + Duration::from_millis(300);
            let mut sink = [0u8; 4096];
            let mut drained = 0;
            while drained < 1 << 20 {
                let now = Instant::now();
                if now >= end {
                    break;
                }
                let _ = self.stream.set_read_timeout(Some(end - now));
                match self.stream.read(&mut sink) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => drained += n,
                }
            }
        }
    }
}

/// Whether a read or write error only says the slice of time ran out (or
/// a signal came): look at the clock and the stop flag, and go on.
fn waited(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
    )
}

enum Parsed {
    Partial,
    Bad(Reply),
    Done(Request, usize),
}

/// Parses the bytes read so far as a request head.
fn parse(head: &[u8], max_line: usize) -> Parsed {
    let line_end = head.iter().position(|&b| b == b'\n');
    let line = &head[..line_end.unwrap_or(head.len())];
    if line.len() > max_line {
        return Parsed::Bad(Reply::error(
            414,
            format!("request line longer than {max_line} bytes"),
        ));
    }
    if !line.is_ascii() {
        return Parsed::Bad(Reply::error(
            400,
            "the request line is not ASCII: percent-encode the request target",
        ));
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let end = match request.parse(head) {
        Ok(httparse::Status::Complete(end)) => end,
        Ok(httparse::Status::Partial) => {
            if head.len() - line.len() > MAX_HEADER_BYTES {
                return Parsed::Bad(Reply::error(
                    431,
                    format!("headers longer than {MAX_HEADER_BYTES} bytes"),
                ));
            }
            return Parsed::Partial;
        }
        Err(httparse::Error::TooManyHeaders) => {
            return Parsed::Bad(Reply::error(
                431,
                format!("more than {MAX_HEADERS} headers"),
            ));
        }
        Err(e) => {
            return Parsed::Bad(Reply::error(400, format!("not an HTTP request: {e}")));
        }
    };
    if end - line.len() > MAX_HEADER_BYTES {
        return Parsed::Bad(Reply::error(
            431,
            format!("headers longer than {MAX_HEADER_BYTES} bytes"),
        ));
    }
    let minor = request.version.unwrap_or(0);
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_owned())
    };
    let connection = header("connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let keep_alive = if minor >= 1 {
        !connection.split(',').any(|t| t.trim() == "close")
    } else {
        connection.split(',').any(|t| t.trim() == "keep-alive")
    };
    let has_body =
        header("transfer-encoding").is_some() || header("content-length").is_some_and(|v| v != "0");
    Parsed::Done(
        Request {
            method: request.method.unwrap_or("").to_owned(),
            target: request.path.unwrap_or("/").to_owned(),
            minor,
            host: header("host"),
            origin: header("origin"),
            keep_alive,
            has_body,
        },
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(head: &str) -> Request {
        match parse(head.as_bytes(), 100) {
            Parsed::Done(r, _) => r,
            _ => panic!("not a whole head: {head:?}"),
        }
    }

    #[test]
    fn keep_alive_by_version_and_header() {
        assert!(done("GET / HTTP/1.1\r\nHost: a\r\n\r\n").keep_alive);
        assert!(!done("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keep_alive);
        assert!(!done("GET / HTTP/1.0\r\n\r\n").keep_alive);
        assert!(done("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
    }

    #[test]
    fn heads_that_are_refused() {
        assert!(matches!(parse(b"GET / HTTP/1.1\r\n", 100), Parsed::Partial));
        let status = |p: Parsed| match p {
            Parsed::Bad(r) => r.status,
            _ => 0,
        };
        assert_eq!(status(parse(&[b'a'; 200], 100)), 414);
        assert_eq!(status(parse(b"GET /\xff HTTP/1.1\r\n\r\n", 100)), 400);
        let long = format!("GET / HTTP/1.1\r\nX: {}\r\n", "b".repeat(20_000));
        assert_eq!(status(parse(long.as_bytes(), 100)), 431);
    }

    #[test]
    fn head_only_answers_have_no_body() {
        let reply = Reply::error(404, "x");
        let full = reply.bytes(false, false);
        let head = reply.bytes(false, true);
        assert!(full.len() > head.len());
        assert!(String::from_utf8(head).unwrap().ends_with("\r\n\r\n"));
    }
}
