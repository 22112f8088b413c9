//! CSV: the whole graph in one table ([`to_table`]), or the person view as
//! an edge list ([`to_edge_list`]).
//!
//! # The whole graph in one file
//!
//! [`to_table`] writes one row per record and one per stored credit,
//! told apart by the `record` column ([`TABLE_HEADER`]):
//!
//! ```text
//! record,id,name,kind,hangul,aliases,born,year,released,from,from_kind,to,to_kind,role,role_kind,billing,character,song,since,until,confidence,sources,notes
//! person,iu,IU,,아이유,Lee Ji-eun,1993,,,,,,,,,,,,,,,,
//! group,bigbang,BIGBANG,boy-group,빅뱅,,,,,,,,,,,,,,,,,,
//! credit,c3,,,,,,,,g-dragon,person,bigbang,group,member,member,,,,2006,,,https://…,
//! ```
//!
//! Every record kind (people, groups, works, organisations) and every
//! credit (parallel credits as rows of their own, memberships with
//! `since` and `until`, contracts, links between works) with its role,
//! billing, character, song, confidence, sources and notes: the reader
//! ([`import::Csv`](crate::import::Csv)) reads it back into the same
//! records and credits. Lists (`aliases`, `sources`) are joined with `;`.
//!
//! # Spreadsheet formulas
//!
//! A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is read as a formula by spreadsheets (CSV injection). With
//! [`CsvOptions::neutralise_formulas`] (on in `hallyu export`, off with
//! `--csv-formulas`) such a field is written with a single quote before
//! it, as OWASP recommends (`'=cmd`); so is a field that begins with a
//! quote followed by one of those characters or by another quote, so that
//! the guard is reversible: the CSV reader removes one leading quote
//! before such a character.
//!
//! # The edge list
//!
//! ```text
//! person_id,person,work_id,work,kind,role,billing,character,year
//! park-seo-joon,Park Seo-joon,gyopo-hairstyle,Gyopo Hairstyle,mv,cast,lead,,2021
//! ```
//!
//! Every admitted credit is a row, in credit order (a person with two
//! roles on a work has two rows; a group's credit is a row for each member
//! of the work's year): the person view of the credits, without groups,
//! organisations or memberships. `billing`, `character` and `year` are empty when
//! the data does not give them. [`import::Csv`](crate::import::Csv) reads
//! the file back into the same credits: CSV → hallyu → CSV is identical.
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{csv, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let text = csv::to_edge_list(&Network::new(&explorer, &Filter::new(), Shape::Bipartite), b',');
//! assert!(text.starts_with("person_id,person,work_id,work,kind,role,billing,character,year\n"));
//! assert!(text.lines().any(|l| l.starts_with("park-seo-joon,Park Seo-joon,")));
//! ```

use super::network::Network;
pub use crate::model::columns::TABLE_HEADER;

/// The header of the edge list.
///
/// # Example
///
/// ```
/// use hallyu::export::csv::HEADER;
///
/// assert_eq!(HEADER.len(), 9);
/// assert_eq!(HEADER.join(","), "person_id,person,work_id,work,kind,role,billing,character,year");
/// ```
pub const HEADER: [&str; 9] = [
    "person_id",
    "person",
    "work_id",
    "work",
    "kind",
    "role",
    "billing",
    "character",
    "year",
];

/// The edge list of a network's credits ([`Network::credits`]), with
/// fields separated by `delimiter`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{csv, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let text = csv::to_edge_list(&net, b'\t');
/// assert!(text.starts_with("person_id\tperson\twork_id\t"));
/// assert_eq!(text.lines().count(), 1 + net.credits().len());
/// assert!(text.lines().any(|l| l.starts_with("lee-min-ho\tLee Min-ho\tkiss\tKiss\tmv\t")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_edge_list(network: &Network, delimiter: u8) -> String {
    let d = (delimiter as char).to_string();
    let mut out = HEADER.join(&d);
    out.push('\n');
    let nodes = network.nodes();
    for (p, w, c) in network.credits() {
        let person = &nodes[*p];
        let work = &network.works()[*w];
        let kind = work.kind.name();
        let billing = c.billing.map(|b| b.to_string()).unwrap_or_default();
        let year = work.year.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            person.key.as_str(),
            person.label.as_str(),
            work.key.as_str(),
            work.title.as_str(),
            kind,
            c.role.as_str(),
            billing.as_str(),
            c.character.as_deref().unwrap_or(""),
            year.as_str(),
        ];
        let line: Vec<_> = fields.iter().map(|f| field(f, delimiter)).collect();
        out.push_str(&line.join(&d));
        out.push('\n');
    }
    out
}

/// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds the
/// delimiter, a quote or a line break, or starts or ends with a space;
/// else as it is.
///
/// # Example
///
/// ```
/// use hallyu::export::csv;
///
/// assert_eq!(csv::field("IU", b','), "IU");
/// assert_eq!(csv::field("Kim, \"Jennie\"", b','), "\"Kim, \"\"Jennie\"\"\"");
/// assert_eq!(csv::field("a\tb", b'\t'), "\"a\tb\"");
/// ```
pub fn field(s: &str, delimiter: u8) -> std::borrow::Cow<'_, str> {
    let d = delimiter as char;
    if s.contains([d, '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        std::borrow::Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// How [`to_table`] and [`to_edge_list_with`] write: the delimiter, and
/// whether fields that spreadsheets read as formulas are neutralised.
///
/// # Example
///
/// ```
/// use hallyu::export::csv::CsvOptions;
///
/// let options = CsvOptions::new().delimiter(b';').neutralise_formulas(true);
/// assert_eq!(options, CsvOptions::new().delimiter(b';').neutralise_formulas(true));
/// assert_ne!(options, CsvOptions::new());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    delimiter: u8,
    formulas: bool,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions::new()
    }
}

impl CsvOptions {
    /// Commas; fields written as they are (no formula guard).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::csv::{field_with, CsvOptions};
    ///
    /// assert_eq!(field_with("=1+1", &CsvOptions::new()), "=1+1");
    /// ```
    pub fn new() -> CsvOptions {
        CsvOptions {
            delimiter: b',',
            formulas: false,
        }
    }

    /// Fields separated by `delimiter`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::csv::{field_with, CsvOptions};
    ///
    /// assert_eq!(field_with("a;b", &CsvOptions::new().delimiter(b';')), "\"a;b\"");
    /// ```
    pub fn delimiter(mut self, delimiter: u8) -> CsvOptions {
        self.delimiter = delimiter;
        self
    }

    /// When `yes`, a field beginning with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is written with a single quote before it (see [the
    /// module docs](self#spreadsheet-formulas)).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::csv::{field_with, CsvOptions};
    ///
    /// let safe = CsvOptions::new().neutralise_formulas(true);
    /// assert_eq!(field_with("=HYPERLINK(\"x\")", &safe), "\"'=HYPERLINK(\"\"x\"\")\"");
    /// assert_eq!(field_with("@IU", &safe), "'@IU");
    /// assert_eq!(field_with("IU", &safe), "IU");
    /// ```
    pub fn neutralise_formulas(mut self, yes: bool) -> CsvOptions {
        self.formulas = yes;
        self
    }
}

/// One CSV field as [`field`] writes it, with the formula guard when the
/// options ask for it.
///
/// # Example
///
/// ```
/// use hallyu::export::csv::{field_with, CsvOptions};
///
/// let safe = CsvOptions::new().neutralise_formulas(true);
/// assert_eq!(field_with("-1", &safe), "'-1");
/// assert_eq!(field_with("'=x", &safe), "''=x"); // reversible
/// assert_eq!(field_with("-1", &CsvOptions::new()), "-1");
/// ```
pub fn field_with(s: &str, options: &CsvOptions) -> String {
    if options.formulas && crate::import::needs_formula_guard(s) {
        field(&format!("'{s}"), options.delimiter).into_owned()
    } else {
        field(s, options.delimiter).into_owned()
    }
}

/// The person view's edge list ([`to_edge_list`]) written with options.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{csv, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let options = csv::CsvOptions::new().neutralise_formulas(true);
/// assert_eq!(csv::to_edge_list_with(&net, &options), csv::to_edge_list(&net, b','));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_edge_list_with(network: &Network, options: &CsvOptions) -> String {
    let d = (options.delimiter as char).to_string();
    let mut out = HEADER.join(&d);
    out.push('\n');
    let nodes = network.nodes();
    for (p, w, c) in network.credits() {
        let person = &nodes[*p];
        let work = &network.works()[*w];
        let billing = c.billing.map(|b| b.to_string()).unwrap_or_default();
        let year = work.year.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            person.key.as_str(),
            person.label.as_str(),
            work.key.as_str(),
            work.title.as_str(),
            work.kind.name(),
            c.role.as_str(),
            billing.as_str(),
            c.character.as_deref().unwrap_or(""),
            year.as_str(),
        ];
        let line: Vec<_> = fields.iter().map(|f| field_with(f, options)).collect();
        out.push_str(&line.join(&d));
        out.push('\n');
    }
    out
}

/// The whole graph as one table: a row per record, then a row per stored
/// credit ([`Network::edges`] of a [`Shape::Bipartite`](super::Shape)
/// network), under [`TABLE_HEADER`]. A projection network gives its
/// people only.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{csv, Network, Shape};
///
/// let explorer = Explorer::bundled();
/// let net = Network::new(&explorer, &Filter::new(), Shape::Bipartite);
/// let text = csv::to_table(&net, &csv::CsvOptions::new());
/// let rows = text.lines().count() - 1;
/// let records = explorer.people().len() + explorer.groups().len()
///     + explorer.works().len() + explorer.organisations().len();
/// assert_eq!(rows, records + explorer.credits().len());
/// assert!(text.lines().any(|l| l.starts_with("group,bigbang,BIGBANG,boy-group,")));
/// ```
pub fn to_table(network: &Network, options: &CsvOptions) -> String {
    use super::network::{NetworkNodeKind, credit_values};
    let d = (options.delimiter as char).to_string();
    let mut out = TABLE_HEADER.join(&d);
    out.push('\n');
    let mut line = |values: [&str; 23]| {
        let fields: Vec<String> = values.iter().map(|f| field_with(f, options)).collect();
        out.push_str(&fields.join(&d));
        out.push('\n');
    };
    let nodes = network.nodes();
    for n in nodes {
        let kind = match n.kind {
            NetworkNodeKind::Work(k) => k.name(),
            _ => n.kind_word().unwrap_or(""),
        };
        let aliases = n.aliases.join(";");
        let sources = n.sources.join(";");
        let born = n.born.map(|y| y.to_string()).unwrap_or_default();
        let year = n.year.map(|y| y.to_string()).unwrap_or_default();
        let released = n.released.map(|d| d.to_string()).unwrap_or_default();
        let confidence = if n.confidence.is_confirmed() {
            ""
        } else {
            n.confidence.word()
        };
        line([
            n.kind_name(),
            &n.key,
            &n.label,
            kind,
            n.hangul.as_deref().unwrap_or(""),
            &aliases,
            &born,
            &year,
            &released,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            confidence,
            &sources,
            n.notes.as_deref().unwrap_or(""),
        ]);
    }
    for e in network.edges() {
        let Some(c) = &e.credit else { continue };
        let (a, b) = (&nodes[e.source], &nodes[e.target]);
        let v = credit_values(c);
        let text = |i: usize| v[i].as_deref().unwrap_or("");
        let sources = c.sources.join(";");
        line([
            "credit",
            &e.key,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &a.key,
            a.kind_name(),
            &b.key,
            b.kind_name(),
            text(0),
            text(1),
            text(2),
            text(3),
            text(4),
            text(5),
            text(6),
            text(8),
            &sources,
            text(10),
        ]);
    }
    out
}
