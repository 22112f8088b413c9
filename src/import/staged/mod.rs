//! What the CSV, node-link JSON and GraphML readers share: the records they
//! collect, the vocabulary they map (role and kind words), the report, and
//! the one step into the graph builder.
//!
//! The public types (the report, the result, [`slug`]) and the ids given to
//! names are here; the vocabulary of role and kind words is in `words.rs`,
//! reading files and errors at positions in `files.rs`, the records as a
//! reader collects them and the step into the graph builder in
//! `records.rs`, and the nodes and edges of graph files in `nodes.rs`.

mod files;
mod nodes;
mod records;
mod words;

use std::collections::HashMap;

use crate::error::Location;
use crate::explorer::Explorer;
use crate::search::hangul::to_nfc;
pub(crate) use files::{
    at, io_error, open_path, parse_error, read_all, read_path, streaming_reader, utf8,
};
pub(crate) use nodes::{Attr, GraphEdge, GraphNode, GraphReader, unescape_forbidden};
pub(crate) use records::{Provenance, Staged};
pub(crate) use words::{article, billing_of_word, kind_of_word, role_of_kind, role_of_word};

/// What a reader read, kept and left out: every skip is counted.
///
/// # Example
///
/// ```
/// use hallyu::import::Csv;
///
/// let text = "person,work,role,kind,notes\nIU,Palette,dancer,mv,x\nIU,Golden Hour,performer,concert,y\n";
/// let report = Csv::new().from_reader("iu.csv", text.as_bytes())?.report;
/// assert_eq!((report.people, report.works, report.credits), (1, 2, 2));
/// assert_eq!((report.generic_roles, report.generic_kinds), (1, 1)); // `dancer`, `concert`
/// assert_eq!(report.skipped[0].1, "column \"notes\" is not read");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadReport {
    /// People kept.
    pub people: usize,
    /// Works kept.
    pub works: usize,
    /// Credits kept (memberships, contracts and links between works
    /// among them).
    pub credits: usize,
    /// Groups kept.
    pub groups: usize,
    /// Organisations kept.
    pub organisations: usize,
    /// Rows, nodes or edges left out, each with where it is and why
    /// (an edge between two people, a repeated credit, a group node, …).
    pub skipped: Vec<(Location, String)>,
    /// Derived ids that two different names would have shared: the name,
    /// the id it got instead (with a `-2`, `-3`, … suffix), and the other
    /// name that had the plain id.
    pub collisions: Vec<SlugCollision>,
    /// Credits whose role word the model has no variant for, kept as
    /// [`Role::Other`](crate::model::Role::Other).
    pub generic_roles: usize,
    /// Works whose kind word the model does not know, kept as
    /// [`WorkKind::Other`](crate::model::WorkKind::Other).
    pub generic_kinds: usize,
}

/// Two names that derive the same id; see [`ReadReport::collisions`].
///
/// # Example
///
/// ```
/// use hallyu::import::{Csv, SlugCollision};
///
/// let text = "person,work\nKim Ji-won,Fight for My Way\nKim Ji Won,Doctor Stranger\n";
/// let report = Csv::new().from_reader("kim.csv", text.as_bytes())?.report;
/// assert_eq!(
///     report.collisions,
///     [SlugCollision {
///         slug: "kim-ji-won".to_string(),
///         first: "Kim Ji-won".to_string(),
///         second: "Kim Ji Won".to_string(),
///         given: "kim-ji-won-2".to_string(),
///     }]
/// );
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlugCollision {
    /// The id both names derive.
    pub slug: String,
    /// The name that kept it.
    pub first: String,
    /// The name that got [`SlugCollision::given`] instead.
    pub second: String,
    /// The id given to the second name.
    pub given: String,
}

/// A reader's result: the explorer and the report.
///
/// # Example
///
/// ```
/// use hallyu::{Filter, import::Csv};
///
/// let text = "person,work\nIU,Palette\nG-Dragon,Palette\n";
/// let loaded = Csv::new().from_reader("palette.csv", text.as_bytes())?;
/// let ex = &loaded.explorer;
/// assert_eq!(ex.co_appearances(ex.person("g-dragon")?, &Filter::new()).len(), 1);
/// assert_eq!(loaded.report.credits, 2);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Debug)]
pub struct Loaded {
    /// The explorer, ready for every query.
    pub explorer: Explorer,
    /// What was read, kept and left out.
    pub report: ReadReport,
}

/// The id derived from a name: lowercase letters and digits (Hangul kept)
/// in runs joined by single hyphens; `x` when nothing is left.
///
/// # Example
///
/// ```
/// assert_eq!(hallyu::import::slug("Park Seo-joon"), "park-seo-joon");
/// assert_eq!(hallyu::import::slug("Tom Hanks"), "tom-hanks");
/// assert_eq!(hallyu::import::slug("J.T. Walsh"), "j-t-walsh");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            gap = true;
        }
    }
    if out.is_empty() { "x".to_string() } else { out }
}

/// Gives names ids: the given id, or a slug of the name made unique, with
/// collisions reported.
#[derive(Debug, Default)]
pub(crate) struct Slugs {
    by_identity: HashMap<String, String>,
    taken: HashMap<String, String>,
}

impl Slugs {
    /// The id of the record named `name` (`identity` tells records apart:
    /// the name, or the title and year).
    /// Both are taken in NFC, as the names are kept.
    pub(crate) fn id(&mut self, identity: &str, name: &str, report: &mut ReadReport) -> String {
        let (identity, name) = (&*to_nfc(identity), &*to_nfc(name));
        if let Some(id) = self.by_identity.get(identity) {
            return id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        if n > 1 {
            report.collisions.push(SlugCollision {
                slug: base.clone(),
                first: self.taken[&base].clone(),
                second: name.to_string(),
                given: id.clone(),
            });
        }
        self.taken.insert(id.clone(), name.to_string());
        self.by_identity.insert(identity.to_string(), id.clone());
        id
    }
}
