//! The Csv reader: see [`Csv`].

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::staged::{
    Loaded, Slugs, Staged, at, billing_of_word, io_error, kind_of_word, parse_error, role_of_word,
    utf8,
};
use crate::error::{ErrorKind, Location};

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
/// # The three-file layout
///
/// A directory with `people.csv` (`id,name[,hangul,born,aliases]`),
/// `works.csv` (`id,title[,kind,year,hangul,aliases]`) and `credits.csv`
/// (`person,work[,role,billing,character]`, ids of the other two files).
/// `aliases` are separated by `;`.
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

/// The rows of a file.
struct Table {
    file: String,
    header: Vec<Field>,
    rows: Vec<Vec<Field>>,
    /// Where the file ends (for a missing last field).
    columns: HashMap<String, usize>,
}

impl Table {
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

    /// Lists the columns no reader reads.
    fn ignored(&self, known: &[&str], staged: &mut Staged) {
        for f in &self.header {
            if !known.contains(&f.text.as_str()) {
                staged.skip(self.at(f), format!("column \"{}\" is not read", f.text));
            }
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
        let read = |name: &str| -> crate::error::Result<Table> {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            self.table(&path.display().to_string(), &bytes)
        };
        let (people, works, credits) = (
            read("people.csv")?,
            read("works.csv")?,
            read("credits.csv")?,
        );
        let mut s = Staged::default();
        let (id, name) = (people.require("id")?, people.require("name")?);
        people.ignored(&["id", "name", "hangul", "born", "aliases"], &mut s);
        for row in &people.rows {
            let born = people.number(row, "born")?;
            s.person(
                &row[id].text,
                &row[name].text,
                people.text(row, "hangul"),
                people.list(row, "aliases"),
                born,
                people.at(&row[id]),
            )?;
        }
        let (id, title) = (works.require("id")?, works.require("title")?);
        works.ignored(
            &["id", "title", "kind", "year", "hangul", "aliases"],
            &mut s,
        );
        for row in &works.rows {
            let year = works.number(row, "year")?;
            let (kind, generic) = kind_of_word(works.get(row, "kind").map(|f| f.text.as_str()));
            s.report.generic_kinds += usize::from(generic);
            s.work(
                &row[id].text,
                &row[title].text,
                kind,
                year,
                works.text(row, "hangul"),
                works.list(row, "aliases"),
                works.at(&row[id]),
            )?;
        }
        let (p, w) = (credits.require("person")?, credits.require("work")?);
        credits.ignored(&["person", "work", "role", "billing", "character"], &mut s);
        for row in &credits.rows {
            let find = |map: &HashMap<String, (usize, Location)>, f: &Field| {
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
            let person = find(&s.people_by_key, &row[p])?;
            let work = find(&s.works_by_key, &row[w])?;
            let billing = credits.billing(row)?;
            let (role, generic) = role_of_word(
                credits.get(row, "role").map(|f| f.text.as_str()),
                billing,
                credits.text(row, "character"),
            );
            s.credit(person, work, role, generic, false, credits.at(&row[p]));
        }
        Ok(s.finish())
    }

    fn edge_list(&self, file: &str, bytes: &[u8]) -> crate::error::Result<Loaded> {
        let t = self.table(file, bytes)?;
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
        for row in &t.rows {
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

    /// Splits a file into a header and rows of fields with positions.
    fn table(&self, file: &str, bytes: &[u8]) -> crate::error::Result<Table> {
        let text = utf8(file, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let d = self.delimiter as char;
        let loc = |line, column| Location {
            file: file.to_string(),
            line,
            column,
        };
        let mut rows: Vec<Vec<Field>> = Vec::new();
        let mut row: Vec<Field> = Vec::new();
        let mut chars = text.chars().peekable();
        let (mut line, mut column) = (1usize, 1usize);
        let mut field_start = (1usize, 1usize);
        let mut field = String::new();
        let mut at_field_start = true;
        let mut any = false;
        loop {
            let Some(c) = chars.next() else {
                if any || !row.is_empty() {
                    row.push(Field::take(&mut field, field_start, (line, column)));
                    rows.push(std::mem::take(&mut row));
                }
                break;
            };
            if at_field_start {
                field_start = (line, column);
                at_field_start = false;
            }
            any = true;
            if c == '"' && field.is_empty() {
                // A quoted field: up to the closing quote ("" is a quote).
                let (ql, qc) = (line, column);
                column += 1;
                loop {
                    match chars.next() {
                        None => {
                            return Err(parse_error(
                                "the file ends inside a quoted field",
                                loc(ql, qc),
                            ));
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                            column += 2;
                        }
                        Some('"') => {
                            column += 1;
                            break;
                        }
                        Some('\n') => {
                            field.push('\n');
                            line += 1;
                            column = 1;
                        }
                        Some(x) => {
                            field.push(x);
                            column += 1;
                        }
                    }
                }
                match chars.peek() {
                    None | Some('\n') | Some('\r') => {}
                    Some(&x) if x == d => {}
                    Some(_) => {
                        return Err(parse_error(
                            "a quoted field must end at a delimiter or a line break",
                            loc(line, column),
                        ));
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
            if c == '\r' && chars.peek() == Some(&'\n') {
                continue;
            }
            if c == '\n' {
                row.push(Field::take(&mut field, field_start, (line, column)));
                rows.push(std::mem::take(&mut row));
                line += 1;
                column = 1;
                at_field_start = true;
                any = false;
                continue;
            }
            field.push(c);
            column += 1;
        }
        // Blank lines are not rows.
        rows.retain(|r| !(r.len() == 1 && r[0].text.is_empty()));
        if rows.is_empty() {
            return Err(parse_error("the file is empty (no header)", loc(1, 1)));
        }
        let header = rows.remove(0);
        let n = header.len();
        for r in &rows {
            if r.len() != n {
                let f = &r[r.len().min(n).saturating_sub(1).min(r.len() - 1)];
                let (line, column) = if r.len() > n {
                    (r[n].line, r[n].column)
                } else {
                    f.end
                };
                return Err(parse_error(
                    format!(
                        "this row has {} field{}, the header {n}",
                        r.len(),
                        if r.len() == 1 { "" } else { "s" }
                    ),
                    loc(line, column),
                ));
            }
        }
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, f)| (f.text.trim().to_lowercase(), i))
            .collect();
        Ok(Table {
            file: file.to_string(),
            header,
            rows,
            columns,
        })
    }
}
