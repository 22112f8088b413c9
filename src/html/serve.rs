//! A small HTTP server on the loopback interface: the page and a JSON API
//! over any explorer (feature `serve`, with tiny_http).

use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tiny_http::{Header, Method, Request, Response};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};

use super::PageOptions;

/// The limits and threads of [`serve`].
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use hallyu::html::ServeOptions;
///
/// let options = ServeOptions::new().max_results(50).threads(4).timeout(Duration::from_secs(1));
/// # let _ = options;
/// ```
#[derive(Clone, Debug)]
pub struct ServeOptions {
    max_results: usize,
    max_url: usize,
    threads: usize,
    timeout: Duration,
    filter: Filter,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            max_results: 100,
            max_url: 2048,
            threads: 2,
            timeout: Duration::from_secs(2),
            filter: Filter::new(),
        }
    }
}

impl ServeOptions {
    /// 100 results, URLs of at most 2 KiB, 2 threads, 2 s a request, the
    /// default filter.
    pub fn new() -> ServeOptions {
        ServeOptions::default()
    }

    /// The most items a list answer holds (the rest is cut, and the answer
    /// says `"truncated": true`).
    pub fn max_results(mut self, n: usize) -> ServeOptions {
        self.max_results = n.max(1);
        self
    }

    /// The longest request target accepted (longer ones get 414).
    pub fn max_url(mut self, n: usize) -> ServeOptions {
        self.max_url = n;
        self
    }

    /// The number of worker threads.
    pub fn threads(mut self, n: usize) -> ServeOptions {
        self.threads = n.max(1);
        self
    }

    /// The time a request may take; a slower answer is replaced by a 503
    /// JSON error (the query itself runs to its end: the library's queries
    /// are linear in what they visit).
    pub fn timeout(mut self, t: Duration) -> ServeOptions {
        self.timeout = t;
        self
    }

    /// The filter of every query (default: [`Filter::new`]).
    pub fn filter(mut self, filter: Filter) -> ServeOptions {
        self.filter = filter;
        self
    }
}

/// A running server, created by [`serve`]. Dropping it does not stop it:
/// call [`Server::shutdown`] (from a Ctrl-C handler, for example), then
/// [`Server::join`].
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    workers: Vec<thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

/// A handle that stops a [`Server`] from another thread.
#[derive(Clone)]
pub struct ShutdownHandle {
    http: Arc<tiny_http::Server>,
}

impl std::fmt::Debug for ShutdownHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShutdownHandle")
    }
}

impl ShutdownHandle {
    /// Stops accepting requests; the workers finish the request at hand
    /// and return.
    pub fn shutdown(&self) {
        for _ in 0..64 {
            self.http.unblock();
        }
    }
}

impl Server {
    /// The address the server listens on (useful after binding port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle that stops the server from another thread or a signal
    /// handler.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            http: Arc::clone(&self.http),
        }
    }

    /// Stops the server (see [`ShutdownHandle::shutdown`]).
    pub fn shutdown(&self) {
        self.shutdown_handle().shutdown();
    }

    /// Waits for the workers to return, after a shutdown.
    pub fn join(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }
}

/// Serves the page and a JSON API over `explorer` on a loopback address.
///
/// * `GET /`: the page of [`page`](super::page) over the whole explorer
///   (made on the first request);
/// * `GET /api/search?q=NAME`: ranked matches, each with how it matched;
/// * `GET /api/person/{key}`: the record, its works and roles, its sources;
/// * `GET /api/costars?person=KEY`: co-stars with the shared works;
/// * `GET /api/path?from=KEY&to=KEY`: the shortest path, one line per hop
///   as the command line prints it;
/// * `GET /api/neighbours?person=KEY`: the works of a person and the people
///   on them.
///
/// People are named by key or by any name the library finds unambiguously.
/// Bad requests get a 4xx answer `{"error": "…"}`; list answers hold at most
/// [`ServeOptions::max_results`] items.
///
/// # Example
///
/// ```
/// use std::io::{Read, Write};
/// use hallyu::Explorer;
/// use hallyu::html::{serve, ServeOptions};
///
/// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
/// let mut s = std::net::TcpStream::connect(server.addr())?;
/// s.write_all(b"GET /api/search?q=bak+seo-jun HTTP/1.0\r\n\r\n")?;
/// let mut answer = String::new();
/// s.read_to_string(&mut answer)?;
/// assert!(answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200"));
/// assert!(answer.contains("park-seo-joon"));
/// server.shutdown();
/// server.join();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// When the address is not a loopback address, or cannot be bound.
pub fn serve(
    explorer: Explorer,
    addr: impl ToSocketAddrs,
    options: ServeOptions,
) -> std::io::Result<Server> {
    use std::io::{Error, ErrorKind};
    let addr = addr
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| Error::new(ErrorKind::InvalidInput, "no address"))?;
    if !addr.ip().is_loopback() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "{addr} is not a loopback address: the server listens on 127.0.0.1 or ::1 only"
            ),
        ));
    }
    // The name index is built on the first search: build it now, so that no
    // request waits for it (seconds on an IMDb-sized import).
    let _ = explorer.search("hallyu");
    let http = tiny_http::Server::http(addr).map_err(|e| Error::other(e.to_string()))?;
    let addr = http
        .server_addr()
        .to_ip()
        .ok_or_else(|| Error::other("not an IP listener"))?;
    let http = Arc::new(http);
    let state = Arc::new(State {
        explorer,
        options,
        page: OnceLock::new(),
    });
    let workers = (0..state.options.threads)
        .map(|_| {
            let http = Arc::clone(&http);
            let state = Arc::clone(&state);
            thread::spawn(move || {
                while let Ok(request) = http.recv() {
                    state.handle(request);
                }
            })
        })
        .collect();
    Ok(Server {
        http,
        addr,
        workers,
    })
}

struct State {
    explorer: Explorer,
    options: ServeOptions,
    page: OnceLock<String>,
}

/// An answer: status and JSON (or the page).
enum Answer {
    Json(u16, Value),
    Html(String),
}

fn error(status: u16, message: impl Into<String>) -> Answer {
    Answer::Json(status, json!({ "error": message.into() }))
}

impl State {
    fn handle(&self, request: Request) {
        let started = Instant::now();
        let answer = self.answer(&request);
        let answer = if started.elapsed() > self.options.timeout {
            error(503, "the answer took longer than the server's time limit")
        } else {
            answer
        };
        let (status, body, kind) = match answer {
            Answer::Json(s, v) => (s, v.to_string(), "application/json; charset=utf-8"),
            Answer::Html(h) => (200, h, "text/html; charset=utf-8"),
        };
        let header = Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()).expect("header");
        let response = Response::from_string(body)
            .with_status_code(status)
            .with_header(header);
        let _ = request.respond(response);
    }

    fn answer(&self, request: &Request) -> Answer {
        if request.method() != &Method::Get {
            return error(405, "only GET is served");
        }
        let url = request.url();
        if url.len() > self.options.max_url {
            return error(
                414,
                format!("request target longer than {} bytes", self.options.max_url),
            );
        }
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let params = parse_query(query);
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        match path {
            "/" | "/index.html" => Answer::Html(
                self.page
                    .get_or_init(|| {
                        super::page(
                            &self.explorer,
                            &PageOptions::new().filter(self.options.filter.clone()),
                        )
                        .unwrap_or_else(|e| format!("<!DOCTYPE html><title>error</title><p>{e}"))
                    })
                    .clone(),
            ),
            "/api/search" => match param("q") {
                Some(q) if !q.trim().is_empty() => self.search(q),
                _ => error(400, "missing ?q="),
            },
            "/api/costars" => self.with_person(param("person"), |p| self.costars(p)),
            "/api/neighbours" => self.with_person(param("person"), |p| self.neighbours(p)),
            "/api/path" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => match (self.find_person(a), self.find_person(b)) {
                    (Ok(a), Ok(b)) => self.path(a, b),
                    (Err(e), _) | (_, Err(e)) => e,
                },
                _ => error(400, "missing ?from= or &to="),
            },
            _ => match path.strip_prefix("/api/person/") {
                Some(key) => {
                    let key = percent_decode(key);
                    self.with_person(Some(&key), |p| self.person(p))
                }
                None => error(404, format!("no such endpoint: {path}")),
            },
        }
    }

    fn find_person(&self, name: &str) -> Result<PersonId, Answer> {
        if let Some(Entity::Person(p)) = self.explorer.by_key(name) {
            return Ok(p);
        }
        self.explorer
            .person(name)
            .map_err(|e| error(404, e.to_string()))
    }

    fn with_person(&self, name: Option<&str>, f: impl FnOnce(PersonId) -> Answer) -> Answer {
        match name {
            Some(n) if !n.trim().is_empty() => match self.find_person(n) {
                Ok(p) => f(p),
                Err(e) => e,
            },
            _ => error(400, "missing person"),
        }
    }

    fn brief(&self, e: Entity) -> Value {
        json!({ "key": self.explorer.key(e), "label": self.explorer.label(e) })
    }

    fn search(&self, q: &str) -> Answer {
        let matches = self.explorer.search(q);
        let total = matches.len();
        let items: Vec<Value> = matches
            .take(self.options.max_results)
            .map(|m| {
                json!({
                    "key": self.explorer.key(m.value),
                    "label": self.explorer.label(m.value),
                    "how": m.how.to_string(),
                    "score": m.score,
                })
            })
            .collect();
        Answer::Json(
            200,
            json!({ "matches": items, "truncated": total > self.options.max_results }),
        )
    }

    fn person(&self, p: PersonId) -> Answer {
        let e = &self.explorer;
        let r = e.get(p);
        let mut works = Vec::new();
        for c in e.credits_of(p.into()) {
            let (_, to) = e.ends(c);
            if let Entity::Work(_) = to {
                works.push(json!({
                    "key": e.key(to), "label": e.label(to), "role": e.get(c).role().to_string(),
                }));
            }
        }
        let truncated = works.len() > self.options.max_results;
        works.truncate(self.options.max_results);
        Answer::Json(
            200,
            json!({
                "key": r.key(), "name": r.name(), "hangul": r.hangul(),
                "aliases": r.aliases().collect::<Vec<_>>(), "born": r.born(),
                "sources": e.sources(p.into()), "works": works, "truncated": truncated,
            }),
        )
    }

    fn costars(&self, p: PersonId) -> Answer {
        let e = &self.explorer;
        let costars = e.co_appearances(p, &self.options.filter);
        let items: Vec<Value> = costars
            .iter()
            .take(self.options.max_results)
            .map(|c| {
                let mut v = self.brief(c.person.into());
                v["works"] = c
                    .works
                    .iter()
                    .take(self.options.max_results)
                    .map(|s| {
                        let mut w = self.brief(s.work.into());
                        w["left"] = json!(s.left.describe(e));
                        w["right"] = json!(s.right.describe(e));
                        w
                    })
                    .collect();
                v
            })
            .collect();
        Answer::Json(
            200,
            json!({ "person": self.brief(p.into()), "costars": items,
                    "truncated": costars.len() > self.options.max_results }),
        )
    }

    fn neighbours(&self, p: PersonId) -> Answer {
        let e = &self.explorer;
        let mut works = Vec::new();
        let costars = e.co_appearances(p, &self.options.filter);
        let mut seen = std::collections::HashSet::new();
        for c in costars.iter() {
            for s in &c.works {
                if seen.insert(s.work) && works.len() < self.options.max_results {
                    let mut w = self.brief(s.work.into());
                    w["role"] = json!(s.left.describe(e));
                    works.push(w);
                }
            }
        }
        let people: Vec<Value> = costars
            .iter()
            .take(self.options.max_results)
            .map(|c| self.brief(c.person.into()))
            .collect();
        Answer::Json(
            200,
            json!({ "person": self.brief(p.into()), "works": works, "people": people,
                    "truncated": costars.len() > self.options.max_results || seen.len() > works.len() }),
        )
    }

    fn path(&self, a: PersonId, b: PersonId) -> Answer {
        let e = &self.explorer;
        match e.shortest_path(a, b, &self.options.filter) {
            None => error(
                404,
                format!(
                    "no chain links {} and {}",
                    e.display_name(a.into()),
                    e.display_name(b.into())
                ),
            ),
            Some(path) => {
                let text = path.to_string();
                let steps: Vec<Value> = path
                    .steps()
                    .iter()
                    .map(|s| {
                        json!({
                            "from": e.key(s.from.into()), "work": e.key(s.work.into()),
                            "to": e.key(s.to.into()),
                        })
                    })
                    .collect();
                Answer::Json(
                    200,
                    json!({ "hops": path.len(), "lines": text.lines().collect::<Vec<_>>(), "steps": steps }),
                )
            }
        }
    }
}

/// `a=1&b=x+y` → pairs, `+` and `%XX` decoded (invalid escapes are kept).
fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|s| !s.is_empty())
        .take(16)
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        assert_eq!(percent_decode("bak+seo-jun"), "bak seo-jun");
        assert_eq!(percent_decode("%EB%B0%95"), "박");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
