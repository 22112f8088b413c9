//! Writing answers: through one locked, buffered stdout (a closed pipe is
//! an `io::Error` to pass up, never a panic), as JSON or as text whose
//! columns are aligned by terminal width.

use std::io::{self, Write};

use serde_json::Value;

use crate::Failure;

/// Where answers go.
pub struct Out {
    json: bool,
    w: io::BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    pub fn new(json: bool) -> Out {
        Out {
            json,
            w: io::BufWriter::new(io::stdout().lock()),
        }
    }

    /// Prints `value` as pretty JSON with `--json`, else the text that
    /// `text` makes.
    pub fn answer(
        &mut self,
        value: impl FnOnce() -> Value,
        text: impl FnOnce() -> String,
    ) -> Result<(), Failure> {
        if self.json {
            let value = value();
            serde_json::to_writer_pretty(&mut self.w, &value).map_err(io::Error::from)?;
            self.w.write_all(b"\n")?;
        } else {
            self.w.write_all(escape_controls(&text()).as_bytes())?;
        }
        Ok(())
    }

    /// Writes raw bytes (a picture, a DOT file).
    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)
    }

    /// Whether answers are JSON (`--json`).
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// The buffered stdout, for answers written a row at a time.
    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.w
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

pub use hallyu::export::escape_controls;
