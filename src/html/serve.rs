//! A small HTTP server on the loopback interface: the page and a JSON API
//! over any explorer (feature `serve`).
//!
//! The server's own threads read each request head, bounded in size and in
//! time, and httparse parses it, so that every bad request gets an answer
//! (400, 405, 408, 414, 431) instead of a dropped connection. One request
//! per connection (`Connection: close`). Queries run on separate query
//! threads, so that a request past its time limit is answered (503) at the
//! deadline.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::query::answer;

use super::PageOptions;

/// The time a client has to send its request head.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// The same once the server is stopping: connections already accepted are
/// answered if their request arrives within this time.
const STOPPING_READ_TIMEOUT: Duration = Duration::from_secs(1);
/// The time an answer may take to write.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// The headers of a request head, at most (more: 431).
const MAX_HEADERS: usize = 64;
/// The bytes of header lines, at most (more: 431).
const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Connections accepted and waiting for a worker, per worker thread (more:
/// 503 at once).
const QUEUE_PER_THREAD: usize = 8;

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

    /// The number of worker threads, and of query threads.
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
    served: AtomicU64,
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
    /// Stops accepting connections. The connections already accepted are
    /// answered (a request that has not arrived within a second of the stop
    /// is dropped; a query is bounded by the time limit), then the workers
    /// return. Calling it again does nothing.
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

    /// Waits, after a shutdown, for the accepting thread and the workers to
    /// return; gives the number of answers sent. Query threads still busy
    /// with an abandoned query are not waited for: they return when it ends.
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
        self.control.served.load(Ordering::SeqCst)
    }
}

/// Serves the page and a JSON API over `explorer` on a loopback address.
///
/// * `GET /`: the page of [`page`](super::page) over the whole explorer
///   (made on the first request);
/// * `GET /api/search?q=NAME`: ranked matches, each with how it matched
///   ([`answer::Search`](crate::query::answer::Search));
/// * `GET /api/person/{key}`: the record, its credits and roles, its sources
///   ([`answer::Info`](crate::query::answer::Info));
/// * `GET /api/costars?person=KEY`: co-stars with the shared works
///   ([`answer::CoStars`](crate::query::answer::CoStars));
/// * `GET /api/path?from=KEY&to=KEY`: the shortest path, `"connected":
///   false` when there is none ([`answer::Path`](crate::query::answer::Path));
/// * `GET /api/neighbours?person=KEY&hops=K`: the people within `K` hops
///   (2 if not given, at most 6) and the works they share
///   ([`answer::Neighbours`](crate::query::answer::Neighbours)).
///
/// Each body is the `serde_json` text of the library's answer: the same
/// JSON as `hallyu … --json` (shapes in `docs/json.md`).
///
/// People are named by key or by any name the library finds unambiguously.
/// Bad requests get a 4xx answer `{"error": "…"}` — a request line that is
/// not ASCII or not HTTP a 400, one longer than [`ServeOptions::max_url`] a
/// 414, too many or too long headers a 431, a head not sent within 5 s a
/// 408; list answers hold at most [`ServeOptions::max_results`] items (and
/// say how many there are); an
/// answer past [`ServeOptions::timeout`] is a 503. A panic in a query is a
/// 500, and the server goes on.
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
        served: AtomicU64::new(0),
    });
    let threads = options.threads;
    let state = Arc::new(State {
        explorer,
        options,
        page: OnceLock::new(),
    });

    // Query threads: not joined; they return when every worker has.
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

    let (connections, queue) = mpsc::sync_channel::<TcpStream>(threads * QUEUE_PER_THREAD);
    let queue = Arc::new(Mutex::new(queue));
    let mut handles: Vec<thread::JoinHandle<()>> = (0..threads)
        .map(|_| {
            let (state, queue) = (Arc::clone(&state), Arc::clone(&queue));
            let (control, jobs) = (Arc::clone(&control), jobs.clone());
            thread::spawn(move || {
                while let Some(stream) = next(&queue) {
                    if state.connection(stream, &jobs, &control) {
                        control.served.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    drop(jobs);
    let accept_control = Arc::clone(&control);
    handles.push(thread::spawn(move || {
        accept(&listener, &connections, &accept_control);
    }));
    Ok(Server {
        control,
        threads: handles,
    })
}

/// The next item of a queue shared by several threads; `None` once every
/// sender is gone and the queue is empty.
fn next<T>(queue: &Mutex<Receiver<T>>) -> Option<T> {
    let queue = queue.lock().unwrap_or_else(|e| e.into_inner());
    queue.recv().ok()
}

/// Accepts connections until the stop flag is set, handing them to the
/// workers; when all of them are busy and the queue is full, answers 503.
fn accept(listener: &TcpListener, connections: &SyncSender<TcpStream>, control: &Control) {
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
        match connections.try_send(stream) {
            Ok(()) => {}
            Err(TrySendError::Full(mut stream)) => {
                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                let busy = Reply::error(503, "the server is busy: try again");
                if busy.write(&mut stream).is_ok() {
                    control.served.fetch_add(1, Ordering::SeqCst);
                }
            }
            Err(TrySendError::Disconnected(_)) => return,
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

/// The request head could not be read as one.
enum BadHead {
    /// Nothing was sent, or the connection failed: no answer.
    Silent,
    /// Answer this.
    Answer(Reply),
}

/// Reads a request head (up to and including its empty line), bounded:
/// the request line by `max_line` bytes (414), the rest by
/// [`MAX_HEADER_BYTES`] and [`MAX_HEADERS`] (431); a request line that is
/// not ASCII, or a head httparse refuses, is a 400. Gives the head and
/// whether bytes after it were read too.
fn read_head(stream: &mut TcpStream, max_line: usize) -> Result<(Vec<u8>, bool), BadHead> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) if head.is_empty() => return Err(BadHead::Silent),
            Ok(0) => {
                return Err(BadHead::Answer(Reply::error(
                    400,
                    "incomplete request head",
                )));
            }
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) && !head.is_empty() =>
            {
                return Err(BadHead::Answer(Reply::error(
                    408,
                    "the request head did not arrive in time",
                )));
            }
            Err(_) => return Err(BadHead::Silent),
        };
        head.extend_from_slice(&chunk[..n]);
        let line_end = head.iter().position(|&b| b == b'\n');
        let line = &head[..line_end.unwrap_or(head.len())];
        if line.len() > max_line {
            return Err(BadHead::Answer(Reply::error(
                414,
                format!("request line longer than {max_line} bytes"),
            )));
        }
        if !line.is_ascii() {
            return Err(BadHead::Answer(Reply::error(
                400,
                "the request line is not ASCII: percent-encode the request target",
            )));
        }
        if head.len() - line.len() > MAX_HEADER_BYTES {
            return Err(BadHead::Answer(Reply::error(
                431,
                format!("headers longer than {MAX_HEADER_BYTES} bytes"),
            )));
        }
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        match httparse::Request::new(&mut headers).parse(&head) {
            Ok(httparse::Status::Complete(end)) => {
                let more = head.len() > end;
                head.truncate(end);
                return Ok((head, more));
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => {
                return Err(BadHead::Answer(Reply::error(
                    431,
                    format!("more than {MAX_HEADERS} headers"),
                )));
            }
            Err(e) => {
                return Err(BadHead::Answer(Reply::error(
                    400,
                    format!("not an HTTP request: {e}"),
                )));
            }
        }
    }
}

/// Whether a request head announces a body (which the server never reads).
fn declares_body(head: &[u8]) -> bool {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    if request.parse(head).is_err() {
        return true;
    }
    request.headers.iter().any(|h| {
        h.name.eq_ignore_ascii_case("transfer-encoding")
            || (h.name.eq_ignore_ascii_case("content-length") && h.value.trim_ascii() != b"0")
    })
}

/// An answer on the wire: status, content type, body, extra header lines.
struct Reply {
    status: u16,
    kind: &'static str,
    body: Arc<str>,
    extra: &'static str,
}

impl Reply {
    fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::from(error(status, message))
    }

    fn write(&self, stream: &mut TcpStream) -> io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            414 => "URI Too Long",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "",
        };
        let mut bytes = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: close\r\n{}\r\n",
            self.status,
            self.kind,
            self.body.len(),
            self.extra
        )
        .into_bytes();
        bytes.extend_from_slice(self.body.as_bytes());
        stream.write_all(&bytes)?;
        stream.flush()
    }
}

impl From<Answer> for Reply {
    fn from(answer: Answer) -> Reply {
        let (status, body, kind) = match answer {
            Answer::Json(s, body) => (s, body.into(), "application/json; charset=utf-8"),
            Answer::Html(h) => (200, h, "text/html; charset=utf-8"),
        };
        let extra = if status == 405 { "Allow: GET\r\n" } else { "" };
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
    /// Answers one connection; whether an answer was sent.
    fn connection(&self, mut stream: TcpStream, jobs: &SyncSender<Job>, control: &Control) -> bool {
        let stopping = control.stop.load(Ordering::SeqCst);
        let read_timeout = if stopping {
            STOPPING_READ_TIMEOUT
        } else {
            READ_TIMEOUT
        };
        let _ = stream.set_read_timeout(Some(read_timeout));
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let _ = stream.set_nodelay(true);
        // "GET " + target + " HTTP/1.1\r": a method name longer than
        // OPTIONS is refused by httparse's method check anyway.
        let max_line = self.options.max_url + 24;
        let (reply, linger) = match read_head(&mut stream, max_line) {
            Err(BadHead::Silent) => return false,
            Err(BadHead::Answer(reply)) => (reply, true),
            Ok((head, more)) => {
                let linger = more || declares_body(&head);
                (Reply::from(self.request(&head, jobs)), linger)
            }
        };
        let sent = reply.write(&mut stream).is_ok();
        let _ = stream.shutdown(Shutdown::Write);
        if linger {
            // The client sent, or may still send, bytes the server did not
            // read: read them before closing, so that they do not make the
            // close a reset that could destroy the answer before the client
            // reads it. (A plain GET has nothing more to send: closing at
            // once frees the worker.)
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let mut sink = [0u8; 4096];
            let mut drained = 0;
            while drained < 1 << 20 {
                match stream.read(&mut sink) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => drained += n,
                }
            }
        }
        sent
    }

    /// The answer to a parsed request head: method and target checked
    /// here, the query on a query thread, waited for until the deadline.
    fn request(&self, head: &[u8], jobs: &SyncSender<Job>) -> Answer {
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        if !matches!(request.parse(head), Ok(httparse::Status::Complete(_))) {
            return error(400, "not an HTTP request");
        }
        if request.method != Some("GET") {
            return error(405, "only GET is served");
        }
        let url = request.path.unwrap_or("/");
        if url.len() > self.options.max_url {
            return error(
                414,
                format!("request target longer than {} bytes", self.options.max_url),
            );
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
            "/" | "/index.html" => Answer::Html(Arc::clone(self.page.get_or_init(|| {
                super::page(
                    &self.explorer,
                    &PageOptions::new().filter(self.options.filter.clone()),
                )
                .unwrap_or_else(|e| format!("<!DOCTYPE html><title>error</title><p>{e}"))
                .into()
            }))),
            "/api/search" => match param("q") {
                Some(q) if !q.trim().is_empty() => self.search(q),
                _ => error(400, "missing ?q="),
            },
            "/api/costars" => {
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                self.costars(p)
            }
            "/api/neighbours" => {
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                self.neighbours(p, param("hops"))?
            }
            "/api/path" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => {
                    let a = self.find_person(a)?;
                    self.in_time(deadline)?;
                    let b = self.find_person(b)?;
                    self.in_time(deadline)?;
                    self.path(a, b, deadline)?
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

    fn costars(&self, p: PersonId) -> Answer {
        let filter = &self.options.filter;
        ok(&answer::CoStars::of(
            &self.explorer,
            p,
            filter,
            &self.options(),
        ))
    }

    fn neighbours(&self, p: PersonId, hops: Option<&str>) -> Result<Answer, Answer> {
        let mut options = self.options();
        if let Some(k) = hops {
            let k = k
                .trim()
                .parse()
                .map_err(|_| error(400, "?hops= is not a number"))?;
            options = options.hops(k);
        }
        let filter = &self.options.filter;
        Ok(ok(&answer::Neighbours::of(
            &self.explorer,
            p,
            filter,
            &options,
        )))
    }

    fn path(&self, a: PersonId, b: PersonId, deadline: Instant) -> Result<Answer, Answer> {
        let path = answer::Path::between(&self.explorer, a, b, &self.options.filter);
        self.in_time(deadline)?;
        Ok(ok(&path))
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
