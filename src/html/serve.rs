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
use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::model::WorkKind;
use crate::query::Avoid;
use crate::query::answer;

use super::http::{self, Reply};

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
    max_connections: usize,
    head_timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            max_results: 100,
            max_url: 2048,
            threads: 2,
            timeout: Duration::from_secs(2),
            filter: Filter::new(),
            max_connections: 512,
            head_timeout: HEAD_TIMEOUT,
        }
    }
}

impl ServeOptions {
    /// 100 results, URLs of at most 2 KiB, 2 query threads, 2 s a query,
    /// 512 connections, 5 s for a request head, the default filter.
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
    /// assert!(get(server.addr(), "/api/search?q=IU")?.starts_with("HTTP/1.1 200"));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> ServeOptions {
        ServeOptions::default()
    }

    /// The most items a list answer holds (the rest is cut; the answer keeps
    /// the total beside the list).
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
    /// let options = ServeOptions::new().max_results(1);
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", options)?;
    /// let answer = get(server.addr(), "/api/search?q=park")?;
    /// let body: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap())?;
    /// assert_eq!(body["matches"].as_array().unwrap().len(), 1);
    /// assert!(body["count"].as_u64().unwrap() > 1);
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_results(mut self, n: usize) -> ServeOptions {
        self.max_results = n.max(1);
        self
    }

    /// The longest request target accepted (longer ones get 414; the server
    /// stops reading a request line that is longer).
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
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new().max_url(16))?;
    /// assert!(get(server.addr(), "/api/search?q=a-name-far-too-long")?.starts_with("HTTP/1.1 414"));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_url(mut self, n: usize) -> ServeOptions {
        self.max_url = n;
        self
    }

    /// The number of query threads (each connection has a thread of its own
    /// that reads requests and writes answers; the queries run here).
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
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new().threads(1))?;
    /// assert!(get(server.addr(), "/api/costars?person=IU")?.starts_with("HTTP/1.1 200"));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn threads(mut self, n: usize) -> ServeOptions {
        self.threads = n.max(1);
        self
    }

    /// The time a request may take, from the end of its head to its answer.
    /// At the deadline the client gets a 503 JSON error; the query is
    /// abandoned (checked between its stages: name lookups, the search, the
    /// answer's JSON) and its result dropped. A search already under way
    /// runs to its end on its query thread: the library's queries touch
    /// only what they reach. Zero answers every request with the 503.
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
    /// use std::time::Duration;
    ///
    /// let options = ServeOptions::new().timeout(Duration::ZERO);
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", options)?;
    /// assert!(get(server.addr(), "/api/search?q=IU")?.starts_with("HTTP/1.1 503"));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeout(mut self, t: Duration) -> ServeOptions {
        self.timeout = t;
        self
    }

    /// The most connections served at once (at least 1; more get a 503 at
    /// once). Each has a thread with a small stack; an idle or slow one
    /// holds only its own.
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
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new().max_connections(1))?;
    /// let idle = std::net::TcpStream::connect(server.addr())?; // holds the one connection
    /// std::thread::sleep(std::time::Duration::from_millis(200));
    /// assert!(get(server.addr(), "/api/search?q=IU")?.starts_with("HTTP/1.1 503"));
    /// drop(idle);
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_connections(mut self, n: usize) -> ServeOptions {
        self.max_connections = n.max(1);
        self
    }

    /// The time a client has to send a whole request head, counted from
    /// when the server begins to wait for it (a head begun but not finished
    /// by then gets a 408; a kept-alive connection with nothing more to ask
    /// is closed then).
    ///
    /// # Example
    ///
    /// ```
    /// use std::io::{Read, Write};
    /// use std::time::Duration;
    /// use hallyu::Explorer;
    /// use hallyu::html::{serve, ServeOptions};
    ///
    /// let options = ServeOptions::new().head_timeout(Duration::from_millis(300));
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", options)?;
    /// let mut slow = std::net::TcpStream::connect(server.addr())?;
    /// slow.write_all(b"GET /api/sea")?; // and nothing more
    /// let mut answer = String::new();
    /// slow.read_to_string(&mut answer)?;
    /// assert!(answer.starts_with("HTTP/1.1 408"));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn head_timeout(mut self, t: Duration) -> ServeOptions {
        self.head_timeout = t;
        self
    }

    /// The filter of every query (default: [`Filter::new`]).
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
    /// use hallyu::Filter;
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let filter = Filter::new().years(2019..=2019);
    /// let total = explorer.co_appearances(me, &filter).len();
    /// let server = serve(explorer, "127.0.0.1:0", ServeOptions::new().filter(filter))?;
    /// let answer = get(server.addr(), "/api/costars?person=Park+Seo-joon")?;
    /// assert!(answer.contains(&format!("\"total\":{total}")));
    /// server.shutdown();
    /// server.join();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filter(mut self, filter: Filter) -> ServeOptions {
        self.filter = filter;
        self
    }
}

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
///   ([`answer::Neighbours`](crate::query::answer::Neighbours)).
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
    let listener = TcpListener::bind(addr)?;
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
            conn.close(true);
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
            return Answer::Html(Arc::clone(
                self.page
                    .get_or_init(|| super::served_page(&self.options.filter).into()),
            ));
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

    fn answer(&self, url: &str, deadline: Instant) -> Result<Answer, Answer> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let params = parse_query(query);
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let answer = match path {
            "/api/search" => match param("q") {
                Some(q) if !q.trim().is_empty() => self.search(q),
                _ => error(400, "missing ?q="),
            },
            "/api/costars" => {
                let filter = self.filter(&param)?;
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                ok(&answer::CoStars::of(
                    &self.explorer,
                    p,
                    &filter,
                    &self.options(),
                ))
            }
            "/api/neighbours" => {
                let filter = self.filter(&param)?;
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                self.neighbours(p, param("hops"), &filter)?
            }
            "/api/paths" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => {
                    let a = self.find_person(a)?;
                    let b = self.find_person(b)?;
                    let filter = self.filter(&param)?;
                    let avoid = self.avoid(&param)?;
                    let k: usize = param("k")
                        .unwrap_or("5")
                        .trim()
                        .parse()
                        .ok()
                        .filter(|k| (1..=MAX_K).contains(k))
                        .ok_or_else(|| error(400, format!("?k= is a number from 1 to {MAX_K}")))?;
                    self.in_time(deadline)?;
                    let paths = answer::Paths::k_shortest(&self.explorer, a, b, k, &avoid, &filter);
                    self.in_time(deadline)?;
                    ok(&paths)
                }
                _ => error(400, "missing ?from= or &to="),
            },
            "/api/graph" => {
                let filter = self.filter(&param)?;
                self.graph(&param, &filter, deadline)?
            }
            "/api/path" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => {
                    let a = self.find_person(a)?;
                    self.in_time(deadline)?;
                    let b = self.find_person(b)?;
                    self.in_time(deadline)?;
                    let filter = self.filter(&param)?;
                    let avoid = self.avoid(&param)?;
                    let via = match param("via").filter(|v| !v.trim().is_empty()) {
                        Some(v) => Some(self.find_person(v)?),
                        None => None,
                    };
                    let path = if matches!(param("strongest"), Some("1" | "true" | "yes")) {
                        answer::Path::strongest(&self.explorer, a, b, &filter)
                    } else {
                        answer::Path::routed(&self.explorer, a, b, via, &avoid, &filter)
                    };
                    self.in_time(deadline)?;
                    ok(&path)
                }
                _ => error(400, "missing ?from= or &to="),
            },
            _ => match path.strip_prefix("/api/person/") {
                Some(key) => {
                    let p = self.person_param(Some(&percent_decode(key)))?;
                    self.in_time(deadline)?;
                    self.person(p)
                }
                None => error(404, format!("no such endpoint: {path}")),
            },
        };
        Ok(answer)
    }

    fn find_person(&self, name: &str) -> Result<PersonId, Answer> {
        if let Some(Entity::Person(p)) = self.explorer.by_key(name) {
            return Ok(p);
        }
        self.explorer
            .person(name)
            .map_err(|e| error(404, e.to_string()))
    }

    fn person_param(&self, name: Option<&str>) -> Result<PersonId, Answer> {
        match name {
            Some(n) if !n.trim().is_empty() => self.find_person(n),
            _ => Err(error(400, "missing person")),
        }
    }

    fn options(&self) -> answer::Options {
        answer::Options::new().limit(self.options.max_results)
    }

    fn search(&self, q: &str) -> Answer {
        ok(&answer::Search::of(&self.explorer, q, &self.options()))
    }

    fn person(&self, p: PersonId) -> Answer {
        ok(&answer::Info::of(&self.explorer, p.into(), &self.options()))
    }

    /// The server's filter with the request's `years=FROM-TO`,
    /// `kinds=mv,drama` and `unverified=1` (each optional) applied.
    fn filter<'p>(&self, param: &impl Fn(&str) -> Option<&'p str>) -> Result<Filter, Answer> {
        let mut filter = self.options.filter.clone();
        if let Some(years) = param("years").filter(|y| !y.trim().is_empty() && y.trim() != "-") {
            let years = Filter::parse_years(years).map_err(|e| error(400, e.to_string()))?;
            filter = filter.years(years);
        }
        if let Some(kinds) = param("kinds") {
            let kinds = kinds
                .split(',')
                .filter(|k| !k.trim().is_empty())
                .map(|k| k.trim().parse::<WorkKind>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| error(400, e.to_string()))?;
            filter = filter.kinds(kinds);
        }
        if let Some(u) = param("unverified") {
            filter = filter.include_unverified(matches!(u, "1" | "true" | "yes"));
        }
        Ok(filter)
    }

    /// `/api/graph`: around a record (`?around=KEY`), of records
    /// (`?records=KEY,KEY`), or where the picture starts; `?limit=N` at
    /// most the server's limit.
    fn graph<'p>(
        &self,
        param: &impl Fn(&str) -> Option<&'p str>,
        filter: &Filter,
        deadline: Instant,
    ) -> Result<Answer, Answer> {
        let mut options = self.options();
        if let Some(n) = param("limit") {
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| error(400, "?limit= is not a number"))?;
            options = options.limit(n.clamp(1, self.options.max_results));
        }
        if let Some(key) = param("around") {
            let e = self.find_record(key)?;
            self.in_time(deadline)?;
            return Ok(ok(&answer::Graph::around(
                &self.explorer,
                e,
                filter,
                &options,
            )));
        }
        if let Some(keys) = param("records") {
            let keys: Vec<&str> = keys.split(',').filter(|k| !k.is_empty()).collect();
            if keys.len() > self.options.max_results {
                return Err(error(
                    400,
                    format!("more than {} records asked", self.options.max_results),
                ));
            }
            let records = keys
                .iter()
                .map(|k| self.find_record(k))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(ok(&answer::Graph::of(&self.explorer, &records, filter)));
        }
        Ok(ok(&answer::Graph::start(&self.explorer, filter, &options)))
    }

    /// A person or a work, by key or by a name the library finds
    /// unambiguously.
    fn find_record(&self, name: &str) -> Result<Entity, Answer> {
        if let Some(e) = self.explorer.by_key(name) {
            return Ok(e);
        }
        self.explorer
            .lookup(name)
            .map_err(|e| error(404, e.to_string()))
    }

    fn neighbours(
        &self,
        p: PersonId,
        hops: Option<&str>,
        filter: &Filter,
    ) -> Result<Answer, Answer> {
        let mut options = self.options();
        if let Some(k) = hops {
            let k = k
                .trim()
                .parse()
                .map_err(|_| error(400, "?hops= is not a number"))?;
            options = options.hops(k);
        }
        Ok(ok(&answer::Neighbours::of(
            &self.explorer,
            p,
            filter,
            &options,
        )))
    }

    /// The people and works (`avoid=KEY,KEY`, people or works;
    /// `avoid_works=KEY,KEY`, works only) a path must not pass through, by
    /// key or unambiguous name.
    fn avoid<'p>(&self, param: &impl Fn(&str) -> Option<&'p str>) -> Result<Avoid, Answer> {
        let list = |name: &str| -> Vec<&'p str> {
            param(name)
                .map(|v| {
                    v.split(',')
                        .map(str::trim)
                        .filter(|k| !k.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut avoid = Avoid::new();
        for p in list("avoid") {
            avoid = match self.find_record(p)? {
                Entity::Person(q) => avoid.person(q),
                Entity::Work(w) => avoid.work(w),
                _ => return Err(error(400, format!("{p:?} is neither a person nor a work"))),
            };
        }
        for w in list("avoid_works") {
            match self.find_record(w)? {
                Entity::Work(w) => avoid = avoid.work(w),
                _ => return Err(error(400, format!("{w:?} is not a work"))),
            }
        }
        if avoid.records().len() > self.options.max_results {
            return Err(error(400, "too many records to avoid"));
        }
        Ok(avoid)
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
