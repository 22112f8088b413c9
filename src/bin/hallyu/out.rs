//! Writing answers: through one locked, buffered stdout (a closed pipe is
//! an `io::Error` to pass up, never a panic), as JSON or as text whose
//! columns are aligned by terminal width.

use std::io::{self, Write};

use serde_json::Value;

use crate::Failure;
use unicode_width::UnicodeWidthStr;

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

/// How many terminal columns `s` takes (Hangul and other wide characters
/// take two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Which side of a column the padding goes on.
#[derive(Clone, Copy)]
pub enum Align {
    Left,
    Right,
}

/// A text table: cells padded to the widest cell of their column, in
/// terminal columns, two spaces between columns, no trailing spaces.
pub struct Table {
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    indent: &'static str,
}

impl Table {
    pub fn new(align: &[Align]) -> Table {
        Table {
            align: align.to_vec(),
            rows: Vec::new(),
            indent: "",
        }
    }

    pub fn indent(mut self, indent: &'static str) -> Table {
        self.indent = indent;
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| width(s))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            let mut line = String::from(self.indent);
            for (c, cell) in row.iter().enumerate() {
                let pad = widths[c] - width(cell);
                let last = c + 1 == row.len();
                if c > 0 {
                    line.push_str("  ");
                }
                match self.align.get(c).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        line.push_str(cell);
                        if !last {
                            line.push_str(&" ".repeat(pad));
                        }
                    }
                    Align::Right => {
                        line.push_str(&" ".repeat(pad));
                        line.push_str(cell);
                    }
                }
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_counts_two_columns() {
        let mut t = Table::new(&[Align::Left, Align::Left]);
        t.row(vec!["최우식".into(), "lead".into()]);
        t.row(vec!["Choi".into(), "cameo".into()]);
        assert_eq!(t.to_string(), "최우식  lead\nChoi    cameo\n");
    }
}
