//! The parser of CSV text: rows read one at a time, each field with where
//! it starts and ends, quoted fields over several lines; the spreadsheet
//! formula guard; and a file's header with the typed values of its
//! columns ([`Table`]).

use std::collections::HashMap;

use super::Csv;
use crate::error::{ErrorKind, Location};
use crate::import::staged::{
    Provenance, Staged, at, billing_of_word, parse_error, role_of_kind, role_of_word, utf8,
};
use crate::model::{Confidence, Role};

/// Whether a character begins a spreadsheet formula: `=`, `+`, `-`, `@`,
/// a tab or a carriage return (OWASP's list).
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Whether a field needs the spreadsheet formula guard of the CSV exports
/// (a `'` before it): it begins with a formula character, or with a quote
/// before one or before another quote, so that [`guarded`] undoes the
/// guard and only the guard. The one definition the export
/// (`export::csv::field_with`) and this reader share.
pub(crate) fn needs_formula_guard(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if formula_start(c) => true,
        Some('\'') => chars.next().is_some_and(|c| formula_start(c) || c == '\''),
        _ => false,
    }
}

/// A blank line, which is not a row.
fn blank(row: &[Field]) -> bool {
    row.len() == 1 && row[0].text.is_empty()
}

/// Removes the spreadsheet formula guard of the exports (`'=…`) from each
/// field of a row: one leading quote before a formula character or another
/// quote.
fn unguard(row: &mut [Field]) {
    for f in row {
        if guarded(&f.text) {
            f.text.remove(0);
        }
    }
}

/// Whether a field carries the guard: a quote before a formula character
/// or another quote.
fn guarded(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('\'') && chars.next().is_some_and(|c| formula_start(c) || c == '\'')
}

/// A header field as a column name: trimmed, lowercase, and the Neo4j
/// import header read as the plain one (`personId:ID(Person)` is `id`,
/// `:START_ID(Person)` is `from`, `:END_ID(Work)` is `to`, `born:int` is
/// `born`, `aliases:string[]` is `aliases`, `:LABEL` and `:TYPE` are
/// `label` and `type`).
fn column_name(field: &str) -> String {
    let f = field.trim();
    let Some((name, ty)) = f.split_once(':') else {
        return f.to_lowercase();
    };
    let ty = ty.to_lowercase();
    if ty.starts_with("id") {
        "id".to_string()
    } else if ty.starts_with("start_id") {
        "from".to_string()
    } else if ty.starts_with("end_id") {
        "to".to_string()
    } else if name.is_empty() {
        ty
    } else {
        name.trim().to_lowercase()
    }
}

/// One field and where it starts.
#[derive(Clone, Debug)]
pub(super) struct Field {
    pub(super) text: String,
    line: usize,
    column: usize,
    /// Where the field ends (a quoted field may span lines, and `""`
    /// stands for one quote).
    end: (usize, usize),
}

impl Field {
    /// The field read so far (`text` is left empty for the next one),
    /// begun at `start` and ending at `end`.
    fn take(text: &mut String, start: (usize, usize), end: (usize, usize)) -> Field {
        Field {
            text: std::mem::take(text),
            line: start.0,
            column: start.1,
            end,
        }
    }
}

/// A file's header, and its rows read one at a time ([`Table::rows`]):
/// the reader holds the text and one row, not every field of the file.
pub(super) struct Table<'t> {
    file: String,
    header: Vec<Field>,
    /// The parser where the header ends.
    body: Scanner<'t>,
    /// Whether the header is a Neo4j import header (no formula guard).
    neo4j: bool,
    pub(super) columns: HashMap<String, usize>,
}

/// The rows of a [`Table`], parsed as they are read.
pub(super) struct Rows<'a, 't> {
    table: &'a Table<'t>,
    scanner: Scanner<'t>,
}

impl Iterator for Rows<'_, '_> {
    type Item = crate::error::Result<Vec<Field>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut row = match self.scanner.row(&self.table.file)? {
                Ok(row) => row,
                Err(e) => return Some(Err(e)),
            };
            if blank(&row) {
                continue;
            }
            // Neo4j import files are read as neo4j-admin reads them.
            if !self.table.neo4j {
                unguard(&mut row);
            }
            let n = self.table.header.len();
            if row.len() != n {
                let f = &row[row.len().min(n).saturating_sub(1).min(row.len() - 1)];
                let (line, column) = if row.len() > n {
                    (row[n].line, row[n].column)
                } else {
                    f.end
                };
                return Some(Err(parse_error(
                    format!(
                        "this row has {} field{}, the header {n}",
                        row.len(),
                        if row.len() == 1 { "" } else { "s" }
                    ),
                    self.table.loc(line, column),
                )));
            }
            return Some(Ok(row));
        }
    }
}

/// The CSV parser's place in a text: one row at a time.
#[derive(Clone)]
struct Scanner<'t> {
    text: &'t str,
    /// The byte offset of the next character.
    offset: usize,
    line: usize,
    column: usize,
    delimiter: char,
}

impl Scanner<'_> {
    /// The next row (a line, or several where a quoted field holds line
    /// breaks), `None` at the end of the text.
    fn row(&mut self, file: &str) -> Option<crate::error::Result<Vec<Field>>> {
        if self.offset >= self.text.len() {
            return None;
        }
        let d = self.delimiter;
        let loc = |line, column| Location {
            file: file.to_string(),
            line,
            column,
        };
        let mut row: Vec<Field> = Vec::new();
        let mut field = String::new();
        let mut field_start = (self.line, self.column);
        let mut at_field_start = true;
        let rest = &self.text[self.offset..];
        let mut chars = rest.char_indices().peekable();
        let (mut line, mut column) = (self.line, self.column);
        let mut consumed = rest.len();
        loop {
            let Some((_, c)) = chars.next() else {
                row.push(Field::take(&mut field, field_start, (line, column)));
                break;
            };
            if at_field_start {
                field_start = (line, column);
                at_field_start = false;
            }
            if c == '"' && field.is_empty() {
                // A quoted field: up to the closing quote ("" is a quote).
                let (ql, qc) = (line, column);
                column += 1;
                loop {
                    match chars.next() {
                        None => {
                            self.offset = self.text.len();
                            return Some(Err(parse_error(
                                "the file ends inside a quoted field",
                                loc(ql, qc),
                            )));
                        }
                        Some((_, '"')) if chars.peek().map(|x| x.1) == Some('"') => {
                            chars.next();
                            field.push('"');
                            column += 2;
                        }
                        Some((_, '"')) => {
                            column += 1;
                            break;
                        }
                        Some((_, '\n')) => {
                            field.push('\n');
                            line += 1;
                            column = 1;
                        }
                        Some((_, x)) => {
                            field.push(x);
                            column += 1;
                        }
                    }
                }
                match chars.peek().map(|x| x.1) {
                    None | Some('\n') | Some('\r') => {}
                    Some(x) if x == d => {}
                    Some(_) => {
                        self.offset = self.text.len();
                        return Some(Err(parse_error(
                            "a quoted field must end at a delimiter or a line break",
                            loc(line, column),
                        )));
                    }
                }
                continue;
            }
            if c == d {
                row.push(Field::take(&mut field, field_start, (line, column)));
                column += 1;
                at_field_start = true;
                continue;
            }
            if c == '\r' && chars.peek().map(|x| x.1) == Some('\n') {
                continue;
            }
            if c == '\n' {
                row.push(Field::take(&mut field, field_start, (line, column)));
                line += 1;
                column = 1;
                consumed = chars.peek().map_or(rest.len(), |x| x.0);
                break;
            }
            field.push(c);
            column += 1;
        }
        self.offset += consumed;
        self.line = line;
        self.column = column;
        Some(Ok(row))
    }
}

impl<'t> Table<'t> {
    /// The rows after the header, parsed as they are read.
    pub(super) fn rows(&self) -> Rows<'_, 't> {
        Rows {
            table: self,
            scanner: self.body.clone(),
        }
    }

    fn loc(&self, line: usize, column: usize) -> Location {
        Location {
            file: self.file.clone(),
            line,
            column,
        }
    }

    pub(super) fn require(&self, name: &str) -> crate::error::Result<usize> {
        self.columns.get(name).copied().ok_or_else(|| {
            let have: Vec<&str> = self.header.iter().map(|f| f.text.as_str()).collect();
            parse_error(
                format!(
                    "missing column \"{name}\" (the header has {})",
                    have.join(", ")
                ),
                self.loc(1, 1),
            )
        })
    }

    pub(super) fn get<'r>(&self, row: &'r [Field], name: &str) -> Option<&'r Field> {
        self.columns
            .get(name)
            .and_then(|&i| row.get(i))
            .filter(|f| !f.text.trim().is_empty())
    }

    pub(super) fn at(&self, f: &Field) -> Location {
        self.loc(f.line, f.column)
    }

    pub(super) fn number(
        &self,
        row: &[Field],
        name: &'static str,
    ) -> crate::error::Result<Option<i32>> {
        match self.get(row, name) {
            None => Ok(None),
            Some(f) => f.text.trim().parse::<i32>().map(Some).map_err(|_| {
                at(
                    ErrorKind::InvalidValue {
                        what: name,
                        value: f.text.clone(),
                        expected: vec!["a whole number".to_string(), "nothing".to_string()],
                    },
                    self.at(f),
                )
            }),
        }
    }

    pub(super) fn billing(
        &self,
        row: &[Field],
    ) -> crate::error::Result<Option<crate::model::Billing>> {
        match self.get(row, "billing") {
            None => Ok(None),
            Some(f) => billing_of_word(&f.text).ok_or_else(|| {
                at(
                    ErrorKind::InvalidValue {
                        what: "billing",
                        value: f.text.clone(),
                        expected: ["lead", "supporting", "cameo", "nothing"]
                            .map(String::from)
                            .to_vec(),
                    },
                    self.at(f),
                )
            }),
        }
    }

    pub(super) fn list(&self, row: &[Field], name: &str) -> Vec<String> {
        self.get(row, name)
            .map(|f| {
                f.text
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(super) fn text(&self, row: &[Field], name: &str) -> Option<String> {
        self.get(row, name).map(|f| f.text.clone())
    }

    /// A credit row's role, from its `role_kind` when that names one
    /// (with `role`, `character`, `song`, `since` and `until`), else from
    /// the `role` word and `billing`; and whether the role was guessed
    /// (see [`role_of_word`]).
    pub(super) fn role(&self, row: &[Field]) -> crate::error::Result<(Role, bool)> {
        let billing = self.billing(row)?;
        let word = self.text(row, "role");
        let exact = role_of_kind(
            self.text(row, "role_kind").as_deref(),
            word.as_deref(),
            self.text(row, "character"),
            self.text(row, "song"),
            self.number(row, "since")?,
            self.number(row, "until")?,
        );
        Ok(match exact {
            Some(role) => (role, false),
            None => role_of_word(word.as_deref(), billing, self.text(row, "character")),
        })
    }

    /// A row's `confidence`, `sources` and `notes` (confirmed when the
    /// row has no confidence).
    pub(super) fn provenance(&self, row: &[Field]) -> crate::error::Result<Provenance> {
        let confidence = match self.get(row, "confidence") {
            None => Confidence::Confirmed,
            Some(f) => Confidence::from_word(&f.text).ok_or_else(|| {
                at(
                    ErrorKind::InvalidValue {
                        what: "confidence",
                        value: f.text.clone(),
                        expected: ["confirmed", "secondary", "unverified"]
                            .map(String::from)
                            .to_vec(),
                    },
                    self.at(f),
                )
            })?,
        };
        Ok(Provenance {
            confidence,
            sources: self.list(row, "sources"),
            notes: self.text(row, "notes"),
        })
    }

    /// Lists the columns no reader reads (the `:LABEL`, `:TYPE` and
    /// `key` columns of the Neo4j import files say nothing the reader
    /// needs, and are not listed).
    pub(super) fn ignored(&self, known: &[&str], staged: &mut Staged) {
        // Columns without a name are one skip, however many.
        let mut unnamed: Option<(Location, usize)> = None;
        for f in &self.header {
            let name = column_name(&f.text);
            if name.is_empty() {
                unnamed.get_or_insert((self.at(f), 0)).1 += 1;
            } else if !known.contains(&name.as_str())
                && !["label", "type", "key", "year"].contains(&name.as_str())
            {
                staged.skip(self.at(f), format!("column \"{}\" is not read", f.text));
            }
        }
        if let Some((at, n)) = unnamed {
            let what = if n == 1 {
                "a column without a name is not read".to_string()
            } else {
                format!("{n} columns without a name are not read")
            };
            staged.skip(at, what);
        }
    }
}

impl Csv {
    /// The header of a file and a parser of its rows.
    pub(super) fn table<'t>(&self, file: &str, bytes: &'t [u8]) -> crate::error::Result<Table<'t>> {
        let text = utf8(file, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut scanner = Scanner {
            text,
            offset: 0,
            line: 1,
            column: 1,
            delimiter: self.delimiter as char,
        };
        // The first row that is not blank.
        let header = loop {
            match scanner.row(file) {
                None => {
                    return Err(parse_error(
                        "the file is empty (no header)",
                        Location {
                            file: file.to_string(),
                            line: 1,
                            column: 1,
                        },
                    ));
                }
                Some(Err(e)) => return Err(e),
                Some(Ok(row)) if blank(&row) => continue,
                Some(Ok(row)) => break row,
            }
        };
        let neo4j = header
            .iter()
            .any(|f| f.text.contains(":ID") || f.text.contains(":START_ID"));
        let mut header = header;
        if !neo4j {
            unguard(&mut header);
        }
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, f)| (column_name(&f.text), i))
            .collect();
        Ok(Table {
            file: file.to_string(),
            header,
            body: scanner,
            neo4j,
            columns,
        })
    }
}
