//! Running the Graphviz `dot` program: DOT text on its standard input, the
//! picture on its standard output, its warnings from standard error.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::Format;
use crate::error::{Error, Result};
use crate::export::dot::Layout;

/// The environment variable that names the `dot` program to run
/// (`HALLYU_DOT=/opt/graphviz/bin/dot`); without it, `dot` is looked up on
/// `PATH`.
///
/// # Example
///
/// ```
/// use hallyu::render::{Graphviz, DOT_ENV};
///
/// assert_eq!(DOT_ENV, "HALLYU_DOT");
/// // Without the variable, `dot` is looked up on PATH (`HALLYU_DOT=/no/such/dot`
/// // makes `find` fail with a message that names the variable).
/// if std::env::var_os(DOT_ENV).is_none() {
///     match Graphviz::find() {
///         Ok(graphviz) => assert!(graphviz.program().ends_with("dot")),
///         Err(e) => assert!(e.to_string().contains(DOT_ENV), "{e}"),
///     }
/// }
/// ```
pub const DOT_ENV: &str = "HALLYU_DOT";

/// An installed Graphviz: the path of its `dot` program.
///
/// # Example
///
/// ```
/// use hallyu::render::Graphviz;
///
/// match Graphviz::find() {
///     Ok(graphviz) => assert!(graphviz.program().ends_with("dot") || graphviz.program().exists()),
///     Err(e) => assert!(e.to_string().contains("Graphviz")),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graphviz {
    program: PathBuf,
    timeout: std::time::Duration,
}

/// How long [`Graphviz::run`] waits for `dot` by default.
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use hallyu::render::{Graphviz, DEFAULT_TIMEOUT};
///
/// assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(60));
/// assert_eq!(Graphviz::at("dot"), Graphviz::at("dot").timeout(DEFAULT_TIMEOUT));
/// ```
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

impl Graphviz {
    /// Finds `dot`: the program named by the environment variable
    /// `HALLYU_DOT` when it is set, else `dot` on `PATH`.
    ///
    /// # Errors
    ///
    /// A render error that names Graphviz, how to install it and the
    /// built-in fallback, when no program is found.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Graphviz;
    ///
    /// match Graphviz::find() {
    ///     Ok(graphviz) => assert!(graphviz.program().is_file()),
    ///     // No Graphviz here: the error says how to install it, or to draw built-in.
    ///     Err(e) => assert!(e.to_string().contains("Engine::Builtin") || e.to_string().contains("HALLYU_DOT")),
    /// }
    /// ```
    pub fn find() -> Result<Graphviz> {
        if let Some(value) = std::env::var_os(DOT_ENV)
            && !value.is_empty()
        {
            let graphviz = Graphviz::at(PathBuf::from(value));
            if let Some(program) = graphviz.resolve() {
                return Ok(Graphviz::at(program));
            }
            return Err(Error::render(format!(
                "{DOT_ENV} is set to \"{}\", which is not a program: set it to the path of \
                 Graphviz's `dot`, or unset it to use `dot` from PATH",
                graphviz.program.display()
            )));
        }
        match on_path(Path::new(if cfg!(windows) { "dot.exe" } else { "dot" })) {
            Some(program) => Ok(Graphviz::at(program)),
            None => Err(not_installed()),
        }
    }

    /// Uses the given `dot` program, without checking it now.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Graphviz;
    ///
    /// let missing = Graphviz::at("/no/such/dot"); // not checked now
    /// let err = missing.version().unwrap_err();
    /// assert!(err.to_string().starts_with("Graphviz is not installed: the program /no/such/dot was not found"));
    /// ```
    pub fn at(program: impl Into<PathBuf>) -> Graphviz {
        Graphviz {
            program: program.into(),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Gives up on a `dot` that runs longer than this (default
    /// [`DEFAULT_TIMEOUT`]): it is killed and [`Graphviz::run`] fails.
    ///
    /// # Example
    ///
    /// ```
    /// use std::time::Duration;
    /// use hallyu::render::Graphviz;
    ///
    /// let patient = Graphviz::at("dot").timeout(Duration::from_secs(600));
    /// assert_ne!(patient, Graphviz::at("dot"));
    /// assert!(format!("{patient:?}").contains("timeout: 600s"));
    /// ```
    pub fn timeout(mut self, timeout: std::time::Duration) -> Graphviz {
        self.timeout = timeout;
        self
    }

    /// The path of the `dot` program.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Graphviz;
    ///
    /// let graphviz = Graphviz::at("/opt/graphviz/bin/dot");
    /// assert_eq!(graphviz.program(), std::path::Path::new("/opt/graphviz/bin/dot"));
    /// ```
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// The version line Graphviz prints for `dot -V`, e.g.
    /// `dot - graphviz version 2.43.0 (0)`.
    ///
    /// # Errors
    ///
    /// When the program cannot be run.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::render::Graphviz;
    ///
    /// // Only where Graphviz is installed.
    /// if let Ok(graphviz) = Graphviz::find() {
    ///     assert!(graphviz.version()?.starts_with("dot - graphviz version"));
    /// }
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn version(&self) -> Result<String> {
        let output = Command::new(&self.program)
            .arg("-V")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| self.spawn_error(&e))?;
        let text = String::from_utf8_lossy(&output.stderr);
        let text = if text.trim().is_empty() {
            String::from_utf8_lossy(&output.stdout)
        } else {
            text
        };
        Ok(text.trim().to_string())
    }

    /// Runs the layout program on DOT text and returns the picture and the
    /// program's warnings.
    ///
    /// # Errors
    ///
    /// When the program cannot be started, or exits with an error (the error
    /// carries its message).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::Layout;
    /// use hallyu::render::{Format, Graphviz};
    ///
    /// // Only where Graphviz is installed.
    /// if let Ok(graphviz) = Graphviz::find() {
    ///     let (svg, warnings) = graphviz.run("digraph { iu -> palette }", Layout::Dot, Format::Svg)?;
    ///     let svg = String::from_utf8(svg).unwrap();
    ///     assert!(svg.contains("<title>iu&#45;&gt;palette</title>"));
    ///     assert!(warnings.is_empty());
    /// }
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn run(&self, dot: &str, layout: Layout, format: Format) -> Result<(Vec<u8>, Vec<String>)> {
        use std::sync::mpsc;
        let mut child = Command::new(&self.program)
            .arg(format!("-K{}", layout.name()))
            .arg(format!("-T{}", format.graphviz_name()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| self.spawn_error(&e))?;
        let failed =
            |what: String| Error::render(format!("Graphviz ({}) {what}", self.program.display()));
        // Write and read on other threads, so that no full pipe blocks
        // another and the wait below can time out.
        let input = dot.as_bytes().to_vec();
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || -> std::io::Result<()> {
            if let Some(mut stdin) = stdin {
                stdin.write_all(&input)?;
            }
            Ok(())
        });
        let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut buf);
                }
                let _ = tx.send(buf);
            });
            rx
        };
        let out_rx = read(child.stdout.take().map(|p| Box::new(p) as _));
        let err_rx = read(child.stderr.take().map(|p| Box::new(p) as _));
        let deadline = std::time::Instant::now() + self.timeout;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if std::time::Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(failed(format!(
                        "did not finish in {:.0?} and was stopped: draw with the built-in renderer \
                         (--engine builtin) or give Graphviz more time",
                        self.timeout
                    )));
                }
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
                Err(e) => return Err(failed(format!("failed: {e}"))),
            }
        };
        // A program that exits but leaves a child holding its output open
        // would make the reads wait for ever: give them a moment, no more.
        let grace = std::time::Duration::from_secs(2);
        let stdout = out_rx.recv_timeout(grace).map_err(|_| {
            failed("exited, but its output stayed open (a child process holds it)".into())
        })?;
        let stderr = err_rx.recv_timeout(grace).unwrap_or_default();
        let written = writer.join();
        let stderr = String::from_utf8_lossy(&stderr);
        let warnings: Vec<String> = stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        if !status.success() {
            return Err(Error::render(format!(
                "Graphviz ({} -K{} -T{}) failed ({}): {}",
                self.program.display(),
                layout.name(),
                format.graphviz_name(),
                status,
                if warnings.is_empty() {
                    "no message".to_string()
                } else {
                    warnings.join("; ")
                }
            )));
        }
        if let Ok(Err(e)) = written {
            return Err(failed(format!("could not be sent the DOT text: {e}")));
        }
        if stdout.is_empty() {
            return Err(failed(format!(
                "produced no output: {}",
                warnings.join("; ")
            )));
        }
        if !format.looks_like(&stdout) {
            return Err(failed(format!(
                "produced output that is not {}: not written",
                format.graphviz_name()
            )));
        }
        Ok((stdout, warnings))
    }

    /// The program as an absolute path to run, when it is there: a bare
    /// name is looked up on `PATH` (as the system would run it), any other
    /// path is taken from the current directory.
    fn resolve(&self) -> Option<PathBuf> {
        if self.program.components().count() == 1 && !self.program.is_absolute() {
            return on_path(&self.program);
        }
        let path = std::path::absolute(&self.program).ok()?;
        path.is_file().then_some(path)
    }

    /// Whether the program is there (a file, or a bare name found on PATH).
    pub(crate) fn check(&self) -> Result<()> {
        if self.resolve().is_some() {
            Ok(())
        } else {
            Err(self.spawn_error(&std::io::Error::from(std::io::ErrorKind::NotFound)))
        }
    }

    fn spawn_error(&self, e: &std::io::Error) -> Error {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::render(format!(
                "Graphviz is not installed: the program {} was not found. Install Graphviz \
                 (`apt-get install graphviz`, `brew install graphviz`, graphviz.org), set \
                 {DOT_ENV} to the path of `dot`, or draw SVG with the built-in renderer \
                 (--engine builtin)",
                self.program.display()
            ))
        } else {
            Error::render(format!(
                "cannot run Graphviz ({}): {e}",
                self.program.display()
            ))
        }
    }
}

fn not_installed() -> Error {
    Error::render(format!(
        "Graphviz is not installed: no `dot` program on PATH. Install Graphviz \
         (`apt-get install graphviz`, `brew install graphviz`, graphviz.org), set {DOT_ENV} \
         to the path of `dot`, or draw SVG with the built-in renderer (--engine builtin)"
    ))
}

fn on_path(name: &Path) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Whether fontconfig knows a font with Korean glyphs; `None` when
/// `fc-list` cannot be run.
pub(crate) fn has_korean_font() -> Option<bool> {
    let output = Command::new("fc-list")
        .arg(":lang=ko")
        .arg("family")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(!output.stdout.iter().all(u8::is_ascii_whitespace))
}
