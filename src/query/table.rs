//! Text tables for the answers' `Display`: cells padded by terminal width
//! (Hangul and other wide characters take two columns).

use std::fmt;

use unicode_width::UnicodeWidthStr;

/// Which side of a column the padding goes on.
///
/// # Example
///
/// ```
/// use hallyu::query::{Align, Table};
///
/// let mut t = Table::new(&[Align::Right, Align::Left]);
/// t.row(vec!["1".into(), "IU".into()]);
/// t.row(vec!["10".into(), "Park Seo-joon".into()]);
/// assert_eq!(t.to_string(), " 1  IU\n10  Park Seo-joon\n");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text first, padding after.
    Left,
    /// Padding first, text after.
    Right,
}

/// A text table: cells padded to the widest cell of their column, in
/// terminal columns, two spaces between columns, no trailing spaces.
///
/// # Example
///
/// ```
/// use hallyu::query::{Align, Table};
///
/// let mut t = Table::new(&[Align::Left, Align::Left]).indent("  ");
/// t.row(vec!["최우식".into(), "lead".into()]);
/// t.row(vec!["Choi".into(), "cameo".into()]);
/// assert_eq!(t.to_string(), "  최우식  lead\n  Choi    cameo\n");
/// ```
#[derive(Clone, Debug)]
pub struct Table {
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    indent: &'static str,
}

impl Table {
    /// An empty table whose columns are aligned as `align` says (left
    /// beyond its end).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::{Align, Table};
    ///
    /// assert!(Table::new(&[Align::Left]).is_empty());
    /// ```
    pub fn new(align: &[Align]) -> Table {
        Table {
            align: align.to_vec(),
            rows: Vec::new(),
            indent: "",
        }
    }

    /// Puts `indent` before every line.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::{Align, Table};
    ///
    /// let mut t = Table::new(&[Align::Left]).indent("> ");
    /// t.row(vec!["IU".into()]);
    /// assert_eq!(t.to_string(), "> IU\n");
    /// ```
    pub fn indent(mut self, indent: &'static str) -> Table {
        self.indent = indent;
        self
    }

    /// Adds a row of cells.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::{Align, Table};
    ///
    /// let mut t = Table::new(&[Align::Left, Align::Right]);
    /// t.row(vec!["a".into(), "1".into()]);
    /// assert!(!t.is_empty());
    /// ```
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether the table has no row.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::{Align, Table};
    ///
    /// assert_eq!(Table::new(&[Align::Left]).to_string(), "");
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// How many terminal columns `s` takes.
fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
