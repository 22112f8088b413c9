//! The Csv reader: see [`Csv`].

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::staged::{
    Loaded, Provenance, Slugs, Staged, article, at, billing_of_word, io_error, kind_of_word,
    parse_error, role_of_kind, role_of_word, utf8,
};
use crate::error::{ErrorKind, Location};
use crate::model::{Confidence, GroupKind, OrganisationKind, PartialDate, RecordKind};

/// The files of credits in the three-file layout (and the Neo4j import
/// directory): the file, and the kinds of records its `from` and `to`
/// (or `:START_ID` and `:END_ID`) name. Only `credits.csv` is required.
const LINK_FILES: [(&str, RecordKind, RecordKind); 7] = [
    ("credits.csv", RecordKind::Person, RecordKind::Work),
    ("group_credits.csv", RecordKind::Group, RecordKind::Work),
    ("memberships.csv", RecordKind::Person, RecordKind::Group),
    (
        "person_contracts.csv",
        RecordKind::Person,
        RecordKind::Organisation,
    ),
    (
        "group_contracts.csv",
        RecordKind::Group,
        RecordKind::Organisation,
    ),
    (
        "work_organisations.csv",
        RecordKind::Work,
        RecordKind::Organisation,
    ),
    ("work_links.csv", RecordKind::Work, RecordKind::Work),
];

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

/// The CSV reader: `Csv::new().delimiter(b';').from_path("credits.csv")`.
///
/// CSV: a one-file edge list, or a directory of three files.
///
/// # The edge list
///
/// One row per credit; a header names the columns, in any order:
///
/// | column | required | meaning |
/// |---|---|---|
/// | `person` | yes | the person's name |
/// | `work` | yes | the work's title |
/// | `role` | no | the role word (see below); absent: a generic on-screen appearance |
/// | `year` | no | the work's year; empty: unknown (not invented) |
/// | `billing` | no | `lead`, `supporting` or `cameo`; empty: not given (not invented) |
/// | `character` | no | the character played |
/// | `kind` | no | the work's kind (`mv`, `drama`, `film`, `movie`, `variety`, `commercial`; anything else is `other`) |
/// | `person_id`, `work_id` | no | ids; when absent, ids are derived from the names ([`slug`](super::slug)) and collisions reported |
///
/// Without ids, a person is known by name and a work by title and year.
/// Other columns are ignored (and listed in the report's skips).
///
/// # The whole graph in one table
///
/// A file whose header has a `record` column is the table
/// `export::csv::to_table` writes: a row per person, group, work and
/// organisation (`record`, `id`, `name`, `kind`, `hangul`, `aliases`,
/// `born`, `year`, `released`) and a row per credit (`record` is
/// `credit`; `from`, `from_kind`, `to`, `to_kind`, `role`, `role_kind`,
/// `billing`, `character`, `song`, `since`, `until`), each with
/// `confidence`, `sources` and `notes`.
///
/// # The three-file layout
///
/// A directory with `people.csv` (`id,name[,hangul,born,aliases]`),
/// `works.csv` (`id,title[,kind,year,released,hangul,aliases]`) and
/// `credits.csv` (`person,work[,role,role_kind,billing,character,song]`,
/// ids of the other two files), and optionally `groups.csv` and
/// `organisations.csv` (`id,name[,kind,hangul,aliases]`) and the credits
/// between other kinds of record (`from,to,…`): `group_credits.csv`,
/// `memberships.csv` (with `since` and `until`), `person_contracts.csv`,
/// `group_contracts.csv`, `work_organisations.csv`, `work_links.csv`.
/// Every file may have `confidence`, `sources` and `notes`; `aliases`
/// and `sources` are separated by `;`. The Neo4j import directory of
/// `export::neo4j` is this layout: its headers (`personId:ID(Person)`,
/// `born:int`, `:START_ID(Person)`, `:END_ID(Work)`, `:LABEL`, `:TYPE`)
/// are read as the plain names (`id`, `born`, `from`, `to`).
///
/// # Spreadsheet formula guard
///
/// A field that begins with a single quote followed by `=`, `+`, `-`,
/// `@`, a tab, a carriage return or another quote loses that quote: it is
/// the guard the CSV exports put before formulas. Files with a Neo4j
/// header are read as they are.
///
/// # Roles
///
/// Role words map to the model's roles; unknown words become
/// [`Role::Other`](crate::model::Role::Other) (on screen, or crew for
/// `writer`, `producer`, …) instead of being rejected: see the table in
/// [the module docs](crate::import#roles).
///
/// # Errors
///
/// Every error names the file, line and column: a missing column (at the
/// header), an unknown or duplicate id, a bad number or billing, invalid
/// UTF-8, a row with too many or too few fields, a quoted field that the
/// file ends in.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Csv};
///
/// let text = "person,work,role,year\nKeanu Reeves,The Matrix,acted in,1999\n\
///             Carrie-Anne Moss,The Matrix,acted in,1999\n";
/// let loaded = Csv::new().from_reader("movies.csv", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// let keanu = ex.person("keanu-reeves")?;
/// assert_eq!(ex.co_appearances(keanu, &Filter::new()).len(), 1);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Csv {
    delimiter: u8,
}

impl Default for Csv {
    fn default() -> Csv {
        Csv::new()
    }
}

/// One field and where it starts.
#[derive(Clone, Debug)]
struct Field {
    text: String,
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
struct Table<'t> {
    file: String,
    header: Vec<Field>,
    /// The parser where the header ends.
    body: Scanner<'t>,
    /// Whether the header is a Neo4j import header (no formula guard).
    neo4j: bool,
    columns: HashMap<String, usize>,
}

/// The rows of a [`Table`], parsed as they are read.
struct Rows<'a, 't> {
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
    fn rows(&self) -> Rows<'_, 't> {
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

    fn require(&self, name: &str) -> crate::error::Result<usize> {
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

    fn get<'r>(&self, row: &'r [Field], name: &str) -> Option<&'r Field> {
        self.columns
            .get(name)
            .and_then(|&i| row.get(i))
            .filter(|f| !f.text.trim().is_empty())
    }

    fn at(&self, f: &Field) -> Location {
        self.loc(f.line, f.column)
    }

    fn number(&self, row: &[Field], name: &'static str) -> crate::error::Result<Option<i32>> {
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

    fn billing(&self, row: &[Field]) -> crate::error::Result<Option<crate::model::Billing>> {
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

    fn list(&self, row: &[Field], name: &str) -> Vec<String> {
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

    fn text(&self, row: &[Field], name: &str) -> Option<String> {
        self.get(row, name).map(|f| f.text.clone())
    }

    /// Lists the columns no reader reads (the `:LABEL`, `:TYPE` and
    /// `key` columns of the Neo4j import files say nothing the reader
    /// needs, and are not listed).
    fn ignored(&self, known: &[&str], staged: &mut Staged) {
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
    /// A reader of comma-separated files.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Csv;
    ///
    /// let loaded = Csv::new().from_reader("mv.csv", "person,work\nIU,Palette\nG-Dragon,Palette\n".as_bytes())?;
    /// assert_eq!(loaded.report.credits, 2);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> Csv {
        Csv { delimiter: b',' }
    }

    /// Fields separated by `delimiter` (`b';'`, `b'\t'`, …).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Csv;
    ///
    /// let text = "person;work;year\nLee Min-ho;Kiss;2009\nSandara Park;Kiss;2009\n";
    /// let loaded = Csv::new().delimiter(b';').from_reader("kiss.csv", text.as_bytes())?;
    /// let ex = &loaded.explorer;
    /// assert_eq!(ex.get(ex.work("Kiss")?).year(), Some(2009));
    /// // Read with commas, the same text has no `person` column.
    /// assert!(Csv::new().from_reader("kiss.csv", text.as_bytes()).is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn delimiter(mut self, delimiter: u8) -> Csv {
        self.delimiter = delimiter;
        self
    }

    /// Reads an edge list file, or a directory in the three-file layout.
    ///
    /// # Errors
    ///
    /// See [`Csv`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, import::Csv};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-csv-path-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("credits.tsv");
    /// std::fs::write(&path, "person\twork\trole\nIU\tPalette\tperformer\nG-Dragon\tPalette\tfeatured\n")?;
    /// let loaded = Csv::new().delimiter(b'\t').from_path(&path)?;
    /// let ex = &loaded.explorer;
    /// let costars = ex.co_appearances(ex.person("IU")?, &Filter::new());
    /// assert_eq!(ex.get(costars.as_slice()[0].person).name(), "G-Dragon");
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(&self, path: impl AsRef<Path>) -> crate::error::Result<Loaded> {
        let path = path.as_ref();
        if path.is_dir() {
            return self.from_dir(path);
        }
        let (name, bytes) = super::staged::read_path(path)?;
        self.edge_list(&name, &bytes)
    }

    /// Reads an edge list; `name` is the file name errors print.
    ///
    /// # Errors
    ///
    /// See [`Csv`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Csv;
    ///
    /// let text = "person,work,role,billing\nKim Go-eun,Goblin,cast,lead\nGong Yoo,Goblin,cast,lead\n";
    /// let loaded = Csv::new().from_reader("goblin.csv", text.as_bytes())?;
    /// assert_eq!((loaded.report.people, loaded.report.works), (2, 1));
    /// // Errors name the file, line and column.
    /// let err = Csv::new().from_reader("bad.csv", "person,work,year\nIU,Palette,soon\n".as_bytes());
    /// assert_eq!(err.unwrap_err().location().unwrap().to_string(), "bad.csv:2:12");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from_reader(&self, name: &str, reader: impl Read) -> crate::error::Result<Loaded> {
        self.edge_list(name, &super::staged::read_all(name, reader)?)
    }

    /// Reads a directory with `people.csv`, `works.csv` and `credits.csv`.
    ///
    /// # Errors
    ///
    /// See [`Csv`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, import::Csv};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-csv-dir-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("people.csv"), "id,name,hangul\niu,IU,아이유\ngd,G-Dragon,지드래곤\n")?;
    /// std::fs::write(dir.join("works.csv"), "id,title,kind,year\npalette,Palette,mv,2017\n")?;
    /// std::fs::write(dir.join("credits.csv"), "person,work,role\niu,palette,performer\ngd,palette,featured\n")?;
    /// let loaded = Csv::new().from_dir(&dir)?;
    /// let ex = &loaded.explorer;
    /// let iu = ex.person("아이유")?;
    /// assert_eq!(ex.co_appearances(iu, &Filter::new()).len(), 1);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dir(&self, dir: impl AsRef<Path>) -> crate::error::Result<Loaded> {
        let dir = dir.as_ref();
        // The bytes of a file of the directory, `None` when it is absent.
        let bytes = |name: &str| -> crate::error::Result<Option<(String, Vec<u8>)>> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            let b = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            Ok(Some((path.display().to_string(), b)))
        };
        let must = |name: &str| -> crate::error::Result<(String, Vec<u8>)> {
            let path = dir.join(name);
            let b = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            Ok((path.display().to_string(), b))
        };
        let (people_file, works_file) = (must("people.csv")?, must("works.csv")?);
        let people = self.table(&people_file.0, &people_file.1)?;
        let works = self.table(&works_file.0, &works_file.1)?;
        let mut s = Staged::default();
        let provenance = |t: &Table, row: &[Field]| -> crate::error::Result<Provenance> {
            let confidence = match t.get(row, "confidence") {
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
                        t.at(f),
                    )
                })?,
            };
            Ok(Provenance {
                confidence,
                sources: t.list(row, "sources"),
                notes: t.text(row, "notes"),
            })
        };
        const PROVENANCE: [&str; 3] = ["confidence", "sources", "notes"];
        let (id, name) = (people.require("id")?, people.require("name")?);
        people.ignored(
            &[
                &["id", "name", "hangul", "born", "aliases"][..],
                &PROVENANCE,
            ]
            .concat(),
            &mut s,
        );
        for row in people.rows() {
            let row = &row?;
            let born = people.number(row, "born")?;
            let i = s.person(
                &row[id].text,
                &row[name].text,
                people.text(row, "hangul"),
                people.list(row, "aliases"),
                born,
                people.at(&row[id]),
            )?;
            s.provenance(RecordKind::Person, i, provenance(&people, row)?);
        }
        let groups_file = bytes("groups.csv")?;
        if let Some((file, b)) = &groups_file {
            let groups = self.table(file, b)?;
            let (id, name) = (groups.require("id")?, groups.require("name")?);
            groups.ignored(
                &[
                    &["id", "name", "hangul", "kind", "aliases"][..],
                    &PROVENANCE,
                ]
                .concat(),
                &mut s,
            );
            for row in groups.rows() {
                let row = &row?;
                let word = groups.text(row, "kind");
                let kind = word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let i = s.group(
                    &row[id].text,
                    &row[name].text,
                    kind.unwrap_or(GroupKind::Band),
                    groups.text(row, "hangul"),
                    groups.list(row, "aliases"),
                    groups.at(&row[id]),
                )?;
                s.provenance(RecordKind::Group, i, provenance(&groups, row)?);
            }
        }
        let (id, title) = (works.require("id")?, works.require("title")?);
        works.ignored(
            &[
                &[
                    "id", "title", "kind", "year", "released", "hangul", "aliases",
                ][..],
                &PROVENANCE,
            ]
            .concat(),
            &mut s,
        );
        for row in works.rows() {
            let row = &row?;
            let year = works.number(row, "year")?;
            let (kind, generic) = kind_of_word(works.get(row, "kind").map(|f| f.text.as_str()));
            s.report.generic_kinds += usize::from(generic);
            let i = s.work(
                &row[id].text,
                &row[title].text,
                kind,
                year,
                works.text(row, "hangul"),
                works.list(row, "aliases"),
                works.at(&row[id]),
            )?;
            if let Some(d) = works.text(row, "released")
                && let Ok(date) = d.trim().parse::<PartialDate>()
                && Some(date.year) == year
            {
                s.records.works[i].released = date;
            }
            s.provenance(RecordKind::Work, i, provenance(&works, row)?);
        }
        let orgs_file = bytes("organisations.csv")?;
        if let Some((file, b)) = &orgs_file {
            let orgs = self.table(file, b)?;
            let (id, name) = (orgs.require("id")?, orgs.require("name")?);
            orgs.ignored(
                &[
                    &["id", "name", "hangul", "kind", "aliases"][..],
                    &PROVENANCE,
                ]
                .concat(),
                &mut s,
            );
            for row in orgs.rows() {
                let row = &row?;
                let word = orgs.text(row, "kind");
                let kind = word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let i = s.organisation(
                    &row[id].text,
                    &row[name].text,
                    kind.unwrap_or(OrganisationKind::Label),
                    orgs.text(row, "hangul"),
                    orgs.list(row, "aliases"),
                    orgs.at(&row[id]),
                )?;
                s.provenance(RecordKind::Organisation, i, provenance(&orgs, row)?);
            }
        }
        for (file, from_kind, to_kind) in LINK_FILES {
            let (name, b) = if file == "credits.csv" {
                must(file)?
            } else {
                match bytes(file)? {
                    Some(x) => x,
                    None => continue,
                }
            };
            let credits = self.table(&name, &b)?;
            let column = |a: &str, b: &str| {
                credits
                    .require(a)
                    .or_else(|e| credits.columns.get(b).copied().ok_or(e))
            };
            let (f, t) = if from_kind == RecordKind::Person && to_kind == RecordKind::Work {
                (column("person", "from")?, column("work", "to")?)
            } else {
                (column("from", "from")?, column("to", "to")?)
            };
            credits.ignored(
                &[
                    &[
                        "person",
                        "work",
                        "from",
                        "to",
                        "role",
                        "role_kind",
                        "billing",
                        "character",
                        "song",
                        "since",
                        "until",
                        "unverified",
                    ][..],
                    &PROVENANCE,
                ]
                .concat(),
                &mut s,
            );
            for row in credits.rows() {
                let row = &row?;
                let find = |kind: RecordKind, f: &Field| {
                    let map = match kind {
                        RecordKind::Person => &s.people_by_key,
                        RecordKind::Group => &s.groups_by_key,
                        RecordKind::Work => &s.works_by_key,
                        RecordKind::Organisation => &s.organisations_by_key,
                    };
                    map.get(&f.text).map(|x| x.0).ok_or_else(|| {
                        let suggestion =
                            crate::search::closest(&f.text, map.keys().map(String::as_str))
                                .map(str::to_string);
                        at(
                            ErrorKind::UnknownReference {
                                id: f.text.clone(),
                                suggestion,
                            },
                            credits.at(f),
                        )
                    })
                };
                let from = find(from_kind, &row[f])?;
                let to = find(to_kind, &row[t])?;
                let billing = credits.billing(row)?;
                let word = credits.text(row, "role");
                let exact = role_of_kind(
                    credits.text(row, "role_kind").as_deref(),
                    word.as_deref(),
                    credits.text(row, "character"),
                    credits.text(row, "song"),
                    credits.number(row, "since")?,
                    credits.number(row, "until")?,
                );
                let (role, generic) = match exact {
                    Some(role) => (role, false),
                    None => role_of_word(word.as_deref(), billing, credits.text(row, "character")),
                };
                if !role.fits(from_kind, to_kind) {
                    s.skip(
                        credits.at(&row[f]),
                        format!(
                            "a {} role links {}, not {} to {}",
                            role.word(),
                            role.expected_ends(),
                            article(from_kind),
                            article(to_kind)
                        ),
                    );
                    continue;
                }
                let mut p = provenance(&credits, row)?;
                if credits.get(row, "confidence").is_none()
                    && credits.text(row, "unverified").as_deref() == Some("true")
                {
                    p.confidence = Confidence::Unverified;
                }
                s.link(
                    [(from_kind, from), (to_kind, to)],
                    role,
                    generic,
                    p,
                    credits.at(&row[f]),
                );
            }
        }
        Ok(s.finish())
    }

    fn edge_list(&self, file: &str, bytes: &[u8]) -> crate::error::Result<Loaded> {
        let t = self.table(file, bytes)?;
        if t.columns.contains_key("record") {
            return whole_table(&t);
        }
        let (p, w) = (t.require("person")?, t.require("work")?);
        let mut s = Staged::default();
        t.ignored(
            &[
                "person",
                "work",
                "role",
                "year",
                "billing",
                "character",
                "kind",
                "person_id",
                "work_id",
            ],
            &mut s,
        );
        let mut people = Slugs::default();
        let mut works = Slugs::default();
        for row in t.rows() {
            let row = &row?;
            let (pf, wf) = (&row[p], &row[w]);
            if pf.text.trim().is_empty() || wf.text.trim().is_empty() {
                s.skip(t.at(pf), "a row without a person or a work");
                continue;
            }
            let year = t.number(row, "year")?;
            let billing = t.billing(row)?;
            let person_key = match t.get(row, "person_id") {
                Some(f) => f.text.clone(),
                None => people.id(&pf.text, &pf.text, &mut s.report),
            };
            let person = match s.people_by_key.get(&person_key) {
                Some(&(i, _)) => i,
                None => s.person(&person_key, &pf.text, None, Vec::new(), None, t.at(pf))?,
            };
            let work_key = match t.get(row, "work_id") {
                Some(f) => f.text.clone(),
                None => {
                    let identity = format!("{}\u{0}{year:?}", wf.text);
                    works.id(&identity, &wf.text, &mut s.report)
                }
            };
            let work = match s.works_by_key.get(&work_key) {
                Some(&(i, _)) => i,
                None => {
                    let (kind, generic) = kind_of_word(t.get(row, "kind").map(|f| f.text.as_str()));
                    s.report.generic_kinds += usize::from(generic);
                    s.work(&work_key, &wf.text, kind, year, None, Vec::new(), t.at(wf))?
                }
            };
            let (role, generic) = role_of_word(
                t.get(row, "role").map(|f| f.text.as_str()),
                billing,
                t.text(row, "character"),
            );
            s.credit(person, work, role, generic, false, t.at(pf));
        }
        Ok(s.finish())
    }

    /// The header of a file and a parser of its rows.
    fn table<'t>(&self, file: &str, bytes: &'t [u8]) -> crate::error::Result<Table<'t>> {
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

/// The whole graph in one table, as `export::csv::to_table` writes it: a
/// row per record (`record` is `person`, `group`, `work` or
/// `organisation`) and a row per credit (`record` is `credit`, with
/// `from`, `from_kind`, `to`, `to_kind` and the role's columns).
fn whole_table(t: &Table<'_>) -> crate::error::Result<Loaded> {
    let mut s = Staged::default();
    let record = t.require("record")?;
    let id = t.require("id")?;
    t.ignored(
        &[
            "record",
            "id",
            "name",
            "kind",
            "hangul",
            "aliases",
            "born",
            "year",
            "released",
            "from",
            "from_kind",
            "to",
            "to_kind",
            "role",
            "role_kind",
            "billing",
            "character",
            "song",
            "since",
            "until",
            "confidence",
            "sources",
            "notes",
            "unverified",
        ],
        &mut s,
    );
    let provenance = |row: &[Field]| -> crate::error::Result<Provenance> {
        let confidence = match t.get(row, "confidence") {
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
                    t.at(f),
                )
            })?,
        };
        Ok(Provenance {
            confidence,
            sources: t.list(row, "sources"),
            notes: t.text(row, "notes"),
        })
    };
    // Records first, then the credits between them: two passes over the
    // rows.
    for row in t.rows() {
        let row = &row?;
        let what = row[record].text.trim().to_lowercase();
        let key = &row[id].text;
        let name = t.text(row, "name").unwrap_or_else(|| key.clone());
        let at_row = t.at(&row[record]);
        let kind_word = t.text(row, "kind");
        let (kind, i) = match what.as_str() {
            "person" => {
                let i = s.person(
                    key,
                    &name,
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    t.number(row, "born")?,
                    at_row,
                )?;
                (RecordKind::Person, i)
            }
            "group" => {
                let k = kind_word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(k.is_none());
                let i = s.group(
                    key,
                    &name,
                    k.unwrap_or(GroupKind::Band),
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                (RecordKind::Group, i)
            }
            "work" => {
                let year = t.number(row, "year")?;
                let (k, generic) = kind_of_word(kind_word.as_deref());
                s.report.generic_kinds += usize::from(generic);
                let i = s.work(
                    key,
                    &name,
                    k,
                    year,
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                if let Some(d) = t.text(row, "released")
                    && let Ok(date) = d.trim().parse::<PartialDate>()
                    && Some(date.year) == year
                {
                    s.records.works[i].released = date;
                }
                (RecordKind::Work, i)
            }
            "organisation" | "organization" => {
                let k = kind_word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(k.is_none());
                let i = s.organisation(
                    key,
                    &name,
                    k.unwrap_or(OrganisationKind::Label),
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                (RecordKind::Organisation, i)
            }
            "credit" => continue,
            _ => {
                s.skip(
                    at_row,
                    format!(
                        "a row of record \"{}\" (person, group, work, organisation or credit)",
                        row[record].text
                    ),
                );
                continue;
            }
        };
        s.provenance(kind, i, provenance(row)?);
    }
    let (from, to) = (t.require("from")?, t.require("to")?);
    for row in t.rows() {
        let row = &row?;
        if row[record].text.trim().to_lowercase() != "credit" {
            continue;
        }
        let end = |column: usize, kind_column: &str| -> crate::error::Result<(RecordKind, usize)> {
            let f = &row[column];
            let kinds: Vec<RecordKind> = match t.text(row, kind_column).as_deref().map(str::trim) {
                Some("person") => vec![RecordKind::Person],
                Some("group") => vec![RecordKind::Group],
                Some("work") => vec![RecordKind::Work],
                Some("organisation" | "organization") => vec![RecordKind::Organisation],
                _ => vec![
                    RecordKind::Person,
                    RecordKind::Group,
                    RecordKind::Work,
                    RecordKind::Organisation,
                ],
            };
            for k in kinds {
                let map = match k {
                    RecordKind::Person => &s.people_by_key,
                    RecordKind::Group => &s.groups_by_key,
                    RecordKind::Work => &s.works_by_key,
                    RecordKind::Organisation => &s.organisations_by_key,
                };
                if let Some((i, _)) = map.get(&f.text) {
                    return Ok((k, *i));
                }
            }
            Err(at(
                ErrorKind::UnknownReference {
                    id: f.text.clone(),
                    suggestion: None,
                },
                t.at(f),
            ))
        };
        let (a, b) = (end(from, "from_kind")?, end(to, "to_kind")?);
        let billing = t.billing(row)?;
        let word = t.text(row, "role");
        let exact = role_of_kind(
            t.text(row, "role_kind").as_deref(),
            word.as_deref(),
            t.text(row, "character"),
            t.text(row, "song"),
            t.number(row, "since")?,
            t.number(row, "until")?,
        );
        let (role, generic) = match exact {
            Some(role) => (role, false),
            None => role_of_word(word.as_deref(), billing, t.text(row, "character")),
        };
        if !role.fits(a.0, b.0) {
            s.skip(
                t.at(&row[from]),
                format!(
                    "a {} role links {}, not {} to {}",
                    role.word(),
                    role.expected_ends(),
                    article(a.0),
                    article(b.0)
                ),
            );
            continue;
        }
        let p = provenance(row)?;
        s.link([a, b], role, generic, p, t.at(&row[from]));
    }
    Ok(s.finish())
}
