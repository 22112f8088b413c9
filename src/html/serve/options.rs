//! The limits and threads of the server.

use std::time::Duration;

use crate::filter::Filter;

use super::HEAD_TIMEOUT;

/// The limits and threads of [`serve`](super::serve).
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
    pub(super) max_results: usize,
    pub(super) max_url: usize,
    pub(super) threads: usize,
    pub(super) timeout: Duration,
    pub(super) filter: Filter,
    pub(super) max_connections: usize,
    pub(super) head_timeout: Duration,
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
    /// use std::io::Read;
    ///
    /// let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new().max_connections(1))?;
    /// let idle = std::net::TcpStream::connect(server.addr())?; // holds the one connection
    /// std::thread::sleep(std::time::Duration::from_millis(200));
    /// // The next is answered at once, before it asks anything.
    /// let mut answer = String::new();
    /// std::net::TcpStream::connect(server.addr())?.read_to_string(&mut answer)?;
    /// assert!(answer.starts_with("HTTP/1.1 503"));
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
