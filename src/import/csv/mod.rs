//! The Csv reader: see [`Csv`].
//!
//! The options and the edge list are here; the parser of CSV text (rows,
//! fields with their positions, the formula guard, the header's columns)
//! is in `scan.rs`, the three-file layout ([`Csv::from_dir`]) in `dir.rs`,
//! and the whole graph in one table in `whole.rs`.

mod dir;
mod scan;
mod whole;

use std::io::Read;
use std::path::Path;

use super::staged::{Loaded, Slugs, Staged, kind_of_word, role_of_word};
pub(crate) use scan::needs_formula_guard;
use whole::whole_table;

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
}
