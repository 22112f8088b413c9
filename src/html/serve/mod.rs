//! A small HTTP server on the loopback interface: the page and a JSON API
//! over any explorer (feature `serve`).
//!
//! Each connection has a thread of its own, with a small stack, up to
//! [`ServeOptions::max_connections`]; it reads request heads against one
//! deadline for the whole head and writes answers against one deadline for
//! the whole answer (`http.rs`), so that slow or idle clients hold only
//! their own thread, and a stop lets go of every one of them within a tenth
//! of a second. httparse parses each head, so that every bad request gets
//! an answer (400, 405, 408, 414, 421, 431). Queries run on a few query
//! threads, so that a request past its time limit is answered (503) at the
//! deadline.

use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::explorer::Explorer;

use super::http::{self, Reply};

mod api;
mod options;

pub use options::ServeOptions;

/// The time a client has, by default, to send a whole request head (and
/// to begin the next one on a kept-alive connection).
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// The time an answer may take to write, whole.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Queries waiting for a query thread, per thread (more: 503 at once).
const QUEUE_PER_THREAD: usize = 8;
/// The most paths `/api/paths` gives.
const MAX_K: usize = 20;
/// Requests answered on one connection before it is closed.
const MAX_REQUESTS_PER_CONNECTION: usize = 1_000;
/// The stack of a connection's thread: it parses heads and writes answers;
/// the queries run on the query threads.
const CONNECTION_STACK: usize = 256 * 1024;

/// What the server's threads and its shutdown handles share.
struct Control {
    addr: SocketAddr,
    stop: AtomicBool,
    stopped_at: OnceLock<Instant>,
    served: AtomicU64,
    /// The connections being served, and a signal when one ends.
    active: Mutex<usize>,
    ended: Condvar,
}

impl http::Stopping for Control {
    fn stopped_at(&self) -> Option<Instant> {
        self.stopped_at.get().copied()
    }
}

impl Control {
    /// Counts a connection in, unless the server holds as many as allowed.
    fn enter(&self, max: usize) -> bool {
        let mut active = self.active.lock().unwrap_or_else(|e| e.into_inner());
        if *active >= max {
            return false;
        }
        *active += 1;
        true
    }

    fn leave(&self) {
        let mut active = self.active.lock().unwrap_or_else(|e| e.into_inner());
        *active -= 1;
        self.ended.notify_all();
    }

    /// Waits until no connection is served, at most `limit`.
    fn wait_idle(&self, limit: Duration) {
        let end = Instant::now() + limit;
        let mut active = self.active.lock().unwrap_or_else(|e| e.into_inner());
        while *active > 0 {
            let now = Instant::now();
            if now >= end {
                return;
            }
            active = self
                .ended
                .wait_timeout(active, end - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// A running server, created by [`serve`]. Dropping it does not stop it:
/// call [`Server::shutdown`] (from a Ctrl-C handler, for example), then
/// [`Server::join`].
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{serve, ServeOptions};
///
/// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
/// #     use std::io::{Read, Write};
/// #     let mut s = std::net::TcpStream::connect(addr)?;
/// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
/// #     let mut answer = String::new();
/// #     s.read_to_string(&mut answer)?;
/// #     Ok(answer)
/// # }
/// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
/// get(server.addr(), "/api/search?q=IU")?;
/// server.shutdown();
/// assert_eq!(server.join(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Server {
    control: Arc<Control>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.control.addr)
            .finish()
    }
}

/// A handle that stops a [`Server`] from another thread.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{serve, ServeOptions};
///
/// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
/// #     use std::io::{Read, Write};
/// #     let mut s = std::net::TcpStream::connect(addr)?;
/// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
/// #     let mut answer = String::new();
/// #     s.read_to_string(&mut answer)?;
/// #     Ok(answer)
/// # }
/// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
/// let handle = server.shutdown_handle();
/// std::thread::spawn(move || handle.shutdown()).join().unwrap();
/// assert_eq!(server.join(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ShutdownHandle {
    control: Arc<Control>,
}

impl std::fmt::Debug for ShutdownHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShutdownHandle")
    }
}

impl ShutdownHandle {
    /// Stops accepting connections. A request already read is answered
    /// (its answer written within a second of the stop); every other
    /// connection, idle, slow or half-sent, is closed within a tenth of a
    /// second. Calling it again does nothing.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// let handle = server.shutdown_handle();
    /// handle.shutdown();
    /// handle.shutdown(); // nothing more
    /// assert_eq!(server.join(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown(&self) {
        let _ = self.control.stopped_at.set(Instant::now());
        if !self.control.stop.swap(true, Ordering::SeqCst) {
            // Wakes the accepting thread, which then sees the flag.
            let _ = TcpStream::connect_timeout(&self.control.addr, Duration::from_secs(1));
        }
    }

    /// Whether [`ShutdownHandle::shutdown`] has been called.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// let handle = server.shutdown_handle();
    /// assert!(!handle.is_stopping());
    /// server.shutdown();
    /// assert!(handle.is_stopping());
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_stopping(&self) -> bool {
        self.control.stop.load(Ordering::SeqCst)
    }
}

impl Server {
    /// The address the server listens on (useful after binding port 0).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// assert!(server.addr().ip().is_loopback());
    /// assert_ne!(server.addr().port(), 0);
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn addr(&self) -> SocketAddr {
        self.control.addr
    }

    /// A handle that stops the server from another thread or a signal
    /// handler.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// let handle = server.shutdown_handle();
    /// handle.shutdown();
    /// assert_eq!(server.join(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            control: Arc::clone(&self.control),
        }
    }

    /// Stops the server (see [`ShutdownHandle::shutdown`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// server.shutdown();
    /// assert_eq!(server.join(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shutdown(&self) {
        self.shutdown_handle().shutdown();
    }

    /// The number of answers sent so far (errors included).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// get(server.addr(), "/no-such-page")?; // a 404 counts too
    /// // The count goes up once the answer is sent; wait for it, at most 5 s.
    /// let start = std::time::Instant::now();
    /// while server.served() < 1 && start.elapsed().as_secs() < 5 {
    ///     std::thread::sleep(std::time::Duration::from_millis(10));
    /// }
    /// assert_eq!(server.served(), 1);
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn served(&self) -> u64 {
        self.control.served.load(Ordering::SeqCst)
    }

    /// Waits, after a shutdown, for the accepting thread and the
    /// connections to end (at most two seconds, whatever the clients do);
    /// gives the number of answers sent. Query threads still busy with an
    /// abandoned query are not waited for: they return when it ends.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// # fn get(addr: std::net::SocketAddr, target: &str) -> std::io::Result<String> {
    /// #     use std::io::{Read, Write};
    /// #     let mut s = std::net::TcpStream::connect(addr)?;
    /// #     write!(s, "GET {target} HTTP/1.0\r\n\r\n")?;
    /// #     let mut answer = String::new();
    /// #     s.read_to_string(&mut answer)?;
    /// #     Ok(answer)
    /// # }
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new())?;
    /// get(server.addr(), "/api/search?q=IU")?;
    /// get(server.addr(), "/api/search?q=Dara")?;
    /// server.shutdown();
    /// assert_eq!(server.join(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn join(self) -> u64 {
        for t in self.threads {
            let _ = t.join();
        }
        self.control.wait_idle(Duration::from_secs(2));
        self.control.served.load(Ordering::SeqCst)
    }
}

/// Serves the page and a JSON API over `explorer` on a loopback address.
///
/// * `GET /`: the page, which holds no data and asks the API below for
///   everything it shows (its size does not grow with the data);
/// * `GET /api/graph?around=KEY`: a person and their works, or a work and
///   its people; `?records=KEY,KEY,…` those records and the credits between
///   them; without either, where a picture starts (the person with the most
///   appearances, their works and co-stars); `&limit=N` at most the
///   server's limit ([`answer::Graph`](crate::query::answer::Graph));
/// * `GET /api/search?q=NAME`: ranked matches, each with how it matched
///   ([`answer::Search`](crate::query::answer::Search));
/// * `GET /api/person/{key}`: the record, its credits and roles, its sources
///   ([`answer::Info`](crate::query::answer::Info));
/// * `GET /api/costars?person=KEY`: co-stars with the shared works
///   ([`answer::CoStars`](crate::query::answer::CoStars));
/// * `GET /api/path?from=KEY&to=KEY`: the shortest path, `"connected":
///   false` when there is none ([`answer::Path`](crate::query::answer::Path));
///   `&via=KEY` through a person, `&avoid=KEY,KEY` around people and
///   works (`&avoid_works=KEY,KEY`: works only), `&strongest=1` the path
///   of the strongest links;
/// * `GET /api/paths?from=KEY&to=KEY&k=K`: the `K` shortest loopless paths
///   (5 if not given, at most 20), with `avoid` and `avoid_works` too
///   ([`answer::Paths::k_shortest`](crate::query::answer::Paths::k_shortest));
/// * `GET /api/neighbours?person=KEY&hops=K`: the people within `K` hops
///   (2 if not given, at most 6) and the works they share
///   ([`answer::Neighbours`](crate::query::answer::Neighbours));
/// * `GET /api/communities?records=KEY,KEY,…`: the community of each
///   record, by index (0 the largest), with the names of the first
///   communities ([`answer::Membership`](crate::query::answer::Membership)):
///   the communities of the whole graph under [`ServeOptions::filter`]
///   (resolution 1, seed 0, as `hallyu communities`; the request's years
///   and kinds do not change them), found on the first such request and
///   kept — on an IMDb-sized import that first answer can take longer
///   than [`ServeOptions::timeout`] (a 503: ask again).
///
/// Each body is the `serde_json` text of the library's answer: the same
/// JSON as `hallyu … --json` (shapes in `docs/json.md`). The graph, path,
/// co-star and neighbour queries take the filter's `years=FROM-TO`,
/// `kinds=mv,drama` and `unverified=1` on top of
/// [`ServeOptions::filter`].
///
/// People are named by key or by any name the library finds unambiguously.
/// GET and HEAD are served (HEAD without a body), HTTP/1.1 connections are
/// kept alive. Bad requests get a 4xx answer `{"error": "…"}` — a request
/// line that is not ASCII or not HTTP a 400, one longer than
/// [`ServeOptions::max_url`] a 414, too many or too long headers a 431, a
/// head not sent whole within [`ServeOptions::head_timeout`] a 408, a
/// `Host` that is not the server's address (DNS rebinding) a 421, an API
/// call with a foreign `Origin` a 403; list answers hold at most
/// [`ServeOptions::max_results`] items (and say how many there are); an
/// answer past [`ServeOptions::timeout`] is a 503, and so is a connection
/// beyond [`ServeOptions::max_connections`]. A panic in a query is a 500,
/// and the server goes on.
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
/// assert!(answer.starts_with("HTTP/1.1 200"));
/// assert!(answer.contains("park-seo-joon"));
/// server.shutdown();
/// assert_eq!(server.join(), 1);
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
) -> io::Result<Server> {
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
    let listener = TcpListener::bind(addr).map_err(|e| {
        if e.kind() == ErrorKind::AddrInUse {
            io::Error::new(
                e.kind(),
                format!(
                    "port {} on {} is already in use: choose another with --port, or stop \
                     the program that listens there",
                    addr.port(),
                    addr.ip()
                ),
            )
        } else {
            e
        }
    })?;
    let control = Arc::new(Control {
        addr: listener.local_addr()?,
        stop: AtomicBool::new(false),
        stopped_at: OnceLock::new(),
        served: AtomicU64::new(0),
        active: Mutex::new(0),
        ended: Condvar::new(),
    });
    let threads = options.threads;
    let state = Arc::new(State {
        explorer,
        options,
        page: OnceLock::new(),
        communities: OnceLock::new(),
    });

    // Query threads: not joined; they return when every connection has.
    let (jobs, job_queue) = mpsc::sync_channel::<Job>(threads * QUEUE_PER_THREAD);
    let job_queue = Arc::new(Mutex::new(job_queue));
    for _ in 0..threads {
        let state = Arc::clone(&state);
        let job_queue = Arc::clone(&job_queue);
        thread::spawn(move || {
            while let Some(job) = next(&job_queue) {
                state.run(job);
            }
        });
    }

    let accept_control = Arc::clone(&control);
    let accepting = thread::spawn(move || {
        accept(&listener, &state, &jobs, &accept_control);
    });
    Ok(Server {
        control,
        threads: vec![accepting],
    })
}

/// The next item of a queue shared by several threads; `None` once every
/// sender is gone and the queue is empty.
fn next<T>(queue: &Mutex<Receiver<T>>) -> Option<T> {
    let queue = queue.lock().unwrap_or_else(|e| e.into_inner());
    queue.recv().ok()
}

/// Accepts connections until the stop flag is set, each on a thread of its
/// own; beyond [`ServeOptions::max_connections`], answers 503 at once.
fn accept(
    listener: &TcpListener,
    state: &Arc<State>,
    jobs: &SyncSender<Job>,
    control: &Arc<Control>,
) {
    loop {
        let accepted = listener.accept();
        if control.stop.load(Ordering::SeqCst) {
            return;
        }
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it
                // was accepted: try again shortly.
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let busy = |stream: TcpStream| {
            let mut conn = http::Conn::new(stream);
            let reply = Reply::error(503, "the server is busy: try again");
            let deadline = Instant::now() + Duration::from_millis(200);
            if conn
                .write(&reply.bytes(false, false), deadline, control.as_ref())
                .is_ok()
            {
                control.served.fetch_add(1, Ordering::SeqCst);
            }
            conn.close(false);
        };
        if !control.enter(state.options.max_connections) {
            busy(stream);
            continue;
        }
        let (state, jobs, mine) = (Arc::clone(state), jobs.clone(), Arc::clone(control));
        let spawned = thread::Builder::new()
            .name("hallyu-connection".into())
            .stack_size(CONNECTION_STACK)
            .spawn(move || {
                state.connection(stream, &jobs, &mine);
                mine.leave();
            });
        if spawned.is_err() {
            control.leave();
        }
    }
}

/// A query for a query thread: the request target, its deadline, and where
/// the answer goes.
struct Job {
    target: String,
    deadline: Instant,
    reply: SyncSender<Answer>,
}

impl From<Answer> for Reply {
    fn from(answer: Answer) -> Reply {
        let (status, body, kind) = match answer {
            Answer::Json(s, body) => (s, body.into(), "application/json; charset=utf-8"),
            Answer::Html(h) => (200, h, "text/html; charset=utf-8"),
        };
        let extra = match (status, kind.starts_with("text/html")) {
            (405, _) => "Allow: GET, HEAD\r\n".to_owned(),
            (_, true) => format!(
                "Content-Security-Policy: {}; frame-ancestors 'none'\r\n\
                 X-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n",
                super::served_security_policy()
            ),
            _ => String::new(),
        };
        Reply {
            status,
            kind,
            body,
            extra,
        }
    }
}

struct State {
    explorer: Explorer,
    options: ServeOptions,
    page: OnceLock<Arc<str>>,
    /// The communities of `/api/communities`, found on the first request.
    communities: OnceLock<Result<super::PageCommunities, String>>,
}

/// An answer: status and JSON text (or the page).
enum Answer {
    Json(u16, String),
    Html(Arc<str>),
}

/// The body of an error: `{"error": message}`.
#[derive(serde::Serialize)]
struct ErrorBody {
    error: String,
}

fn error(status: u16, message: impl Into<String>) -> Answer {
    let body = ErrorBody {
        error: message.into(),
    };
    Answer::Json(
        status,
        serde_json::to_string(&body).expect("a string serialises"),
    )
}

/// A library answer as the body of a 200: its `serde_json` text, the
/// bytes `hallyu --json` prints (there pretty-printed).
fn ok(answer: &impl serde::Serialize) -> Answer {
    match serde_json::to_string(answer) {
        Ok(body) => Answer::Json(200, body),
        Err(e) => error(500, e.to_string()),
    }
}

impl State {
    /// Serves one connection: its requests one after another (kept alive
    /// while the client asks to and the server is not stopping), each head
    /// read by its deadline, each answer written by its own.
    fn connection(&self, stream: TcpStream, jobs: &SyncSender<Job>, control: &Control) {
        let mut conn = http::Conn::new(stream);
        // "GET " + target + " HTTP/1.1\r": a method name longer than
        // OPTIONS is refused by httparse's method check anyway.
        let max_line = self.options.max_url + 24;
        for n in 1..=MAX_REQUESTS_PER_CONNECTION {
            let deadline = Instant::now() + self.options.head_timeout;
            let (reply, keep, head_only, unread) = match conn.read_head(deadline, max_line, control)
            {
                http::Head::Closed => return conn.close(false),
                http::Head::Bad(reply) => (reply, false, false, true),
                http::Head::Request(request) => {
                    let keep = request.keep_alive
                        && !request.has_body
                        && n < MAX_REQUESTS_PER_CONNECTION
                        && !control.stop.load(Ordering::SeqCst);
                    let reply = Reply::from(self.request(&request, jobs, control));
                    (reply, keep, request.method == "HEAD", request.has_body)
                }
            };
            let bytes = reply.bytes(keep, head_only);
            let sent = conn
                .write(&bytes, Instant::now() + WRITE_TIMEOUT, control)
                .is_ok();
            if sent {
                control.served.fetch_add(1, Ordering::SeqCst);
            }
            if !(sent && keep) {
                return conn.close(unread);
            }
        }
        conn.close(false);
    }

    /// The answer to a request: method, `Host`, `Origin` and target checked
    /// here, the page from memory, a query on a query thread, waited for
    /// until the deadline.
    fn request(
        &self,
        request: &http::Request,
        jobs: &SyncSender<Job>,
        control: &Control,
    ) -> Answer {
        if request.method != "GET" && request.method != "HEAD" {
            return error(405, "only GET and HEAD are served");
        }
        match &request.host {
            Some(host) if !is_own_host(host, control.addr) => {
                return error(
                    421,
                    format!(
                        "Host {host:?} is not this server ({}): a page of another site cannot ask it",
                        control.addr
                    ),
                );
            }
            None if request.minor >= 1 => return error(400, "an HTTP/1.1 request needs a Host"),
            _ => {}
        }
        let url = request.target.as_str();
        if url.len() > self.options.max_url {
            return error(
                414,
                format!("request target longer than {} bytes", self.options.max_url),
            );
        }
        if let Some(origin) = &request.origin
            && url.starts_with("/api/")
            && !origin
                .strip_prefix("http://")
                .is_some_and(|host| is_own_host(host, control.addr))
        {
            return error(403, format!("requests from {origin:?} are not served"));
        }
        let path = url.split_once('?').map_or(url, |(p, _)| p);
        if path == "/" || path == "/index.html" {
            return Answer::Html(Arc::clone(self.page.get_or_init(|| {
                super::served_page(&self.options.filter, self.options.max_results).into()
            })));
        }
        let deadline = Instant::now() + self.options.timeout;
        let (reply, answer) = mpsc::sync_channel(1);
        let job = Job {
            target: url.to_owned(),
            deadline,
            reply,
        };
        match jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return error(503, "the server is busy: try again"),
            Err(TrySendError::Disconnected(_)) => return error(503, "the server is stopping"),
        }
        match answer.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(answer) => answer,
            Err(RecvTimeoutError::Timeout) => self.too_late(),
            // The query thread found the deadline passed and dropped the job.
            Err(RecvTimeoutError::Disconnected) if Instant::now() >= deadline => self.too_late(),
            Err(RecvTimeoutError::Disconnected) => error(500, "the query failed"),
        }
    }

    fn too_late(&self) -> Answer {
        error(
            503,
            format!(
                "the answer took longer than the server's time limit ({} ms)",
                self.options.timeout.as_millis()
            ),
        )
    }

    /// Runs a query for a worker, unless its deadline has passed; a panic
    /// is a 500 answer, and the thread goes on.
    fn run(&self, job: Job) {
        if Instant::now() >= job.deadline {
            return;
        }
        let answer = catch_unwind(AssertUnwindSafe(|| {
            self.answer(&job.target, job.deadline).unwrap_or_else(|a| a)
        }))
        .unwrap_or_else(|_| error(500, "the query failed"));
        let _ = job.reply.send(answer);
    }

    /// `Err(503)` once the deadline has passed: checked between a query's
    /// stages, so that an abandoned query stops at the next one.
    fn in_time(&self, deadline: Instant) -> Result<(), Answer> {
        if Instant::now() >= deadline {
            Err(self.too_late())
        } else {
            Ok(())
        }
    }
}

/// Whether a `Host` header (or the host of an `Origin`) names the server:
/// its address or `localhost`, with its port or without one.
fn is_own_host(host: &str, addr: SocketAddr) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let port = addr.port();
    let names = match addr.ip() {
        std::net::IpAddr::V4(ip) => [ip.to_string(), "localhost".to_owned()],
        std::net::IpAddr::V6(ip) => [format!("[{ip}]"), "localhost".to_owned()],
    };
    // A browser always names the port when it is not 80, so a name alone
    // cannot come from a page of another site.
    names
        .iter()
        .any(|name| host == format!("{name}:{port}") || host == *name)
}
