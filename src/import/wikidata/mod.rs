//! Wikidata's answers to the queries of `data/wikidata/*.rq`, in the W3C
//! "SPARQL 1.1 Query Results JSON Format" (`application/sparql-results+json`),
//! → [`Records`] with their cross-identifiers.
//!
//! What a read gives ([`Wikidata`], [`CrossId`], [`Scheme`],
//! [`WikidataReport`]) is here; the reader of SPARQL results ([`Sparql`])
//! is in `sparql.rs`, the reader of the entity dump ([`Dump`]) in
//! `dump.rs`, and the mapping of one row of bindings into records that both
//! share in `rows.rs`.

mod dump;
mod rows;
mod sparql;

pub use dump::Dump;
pub use sparql::Sparql;

use crate::error::Location;
use crate::model::Records;

/// What [`Sparql`] read: the records, their cross-identifiers and the
/// report.
///
/// # Example
///
/// ```
/// use hallyu::import::Sparql;
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/groups.json")?;
/// assert!(read.records.groups.iter().any(|g| g.name == "BIGBANG"));
/// assert_eq!(read.report.rows, read.report.members + read.report.skipped.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wikidata {
    /// People, groups, works and credits, ids `q…`.
    pub records: Records,
    /// The identifiers each record has in other databases.
    pub ids: Vec<CrossId>,
    /// What was read and left out.
    pub report: WikidataReport,
}

/// An identifier of a record in another database.
///
/// # Example
///
/// ```
/// use hallyu::import::{Scheme, Sparql};
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
/// assert!(read.ids.iter().any(|c| c.scheme == Scheme::Imdb));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct CrossId {
    /// The record's id in the records read.
    pub record: String,
    /// Which database.
    pub scheme: Scheme,
    /// The id there (`nm0000001`, a MusicBrainz UUID, `Q…`).
    pub value: String,
}

/// The databases of [`CrossId`].
///
/// # Example
///
/// ```
/// use hallyu::import::Scheme;
///
/// assert_eq!(Scheme::Imdb.property(), Some("P345"));
/// assert_eq!(Scheme::MusicBrainz.property(), Some("P434"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scheme {
    /// Wikidata itself (the `Q…` id).
    Wikidata,
    /// IMDb (`nm…`, `tt…`), Wikidata's P345.
    Imdb,
    /// MusicBrainz artist ids, Wikidata's P434.
    MusicBrainz,
}

impl Scheme {
    /// The Wikidata property that holds this identifier.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::import::Scheme::Wikidata.property(), None);
    /// ```
    pub fn property(self) -> Option<&'static str> {
        match self {
            Scheme::Wikidata => None,
            Scheme::Imdb => Some("P345"),
            Scheme::MusicBrainz => Some("P434"),
        }
    }
}

/// What [`Sparql`] read and left out.
///
/// # Example
///
/// ```
/// use hallyu::import::Sparql;
///
/// let read = Sparql::new().from_path("tests/fixtures/wikidata/casts.json")?;
/// let r = &read.report;
/// assert_eq!(r.rows, r.members + r.credits + r.duplicates + r.skipped.len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WikidataReport {
    /// Rows (bindings) read.
    pub rows: usize,
    /// Memberships kept.
    pub members: usize,
    /// Credits on works kept.
    pub credits: usize,
    /// Rows that repeat a kept membership or credit.
    pub duplicates: usize,
    /// Groups whose kind the rows do not give, kept as `Band`.
    pub unknown_group_kinds: usize,
    /// Rows left out, each with where it is and why (no label, no release
    /// date, an unknown role or kind, a malformed value with
    /// [`Sparql::skip_bad_rows`]).
    pub skipped: Vec<(Location, String)>,
    /// Rows that disagree with an earlier row (membership years), each with
    /// where it is and what differs; the earlier row's value is kept.
    pub conflicts: Vec<(Location, String)>,
}
