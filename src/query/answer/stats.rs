//! [`Stats`]: what a dataset holds.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::model::WorkKind;
use crate::query::table::{Align, Table};

use super::*;

/// What a dataset holds (`hallyu stats`): where it came from, how many
/// records of each kind, works by kind, the most credited person under the
/// filter, and the importer's counts when it was imported.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Stats;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let stats = Stats::of(&explorer, &Filter::new(), "bundled", None, None);
/// assert_eq!(stats.people, explorer.people().len());
/// assert!(stats.to_string().starts_with("the bundled dataset\n"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Stats {
    /// The kind of source: `bundled`, `ron`, `imdb`, `interchange`, ….
    pub source: String,
    /// Where it was read from (`None` for the bundled dataset).
    pub path: Option<String>,
    /// How many people.
    pub people: usize,
    /// How many groups.
    pub groups: usize,
    /// How many works.
    pub works: usize,
    /// How many organisations.
    pub organisations: usize,
    /// How many credits.
    pub credits: usize,
    /// The works of each kind that has some, in the kinds' order (JSON: an
    /// object, `{"drama": 31, …}`).
    #[cfg_attr(feature = "serde", serde(serialize_with = "kinds_as_map"))]
    pub works_by_kind: Vec<KindCount>,
    /// The person with the most works under the filter (the first among
    /// ties), if anyone has one.
    pub most_credited: Option<MostCredited>,
    /// The importer's counts, for imported data (not in JSON when absent).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub import: Option<ImportCounts>,
}

/// The number of works of one kind, part of [`Stats`].
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Stats;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let stats = Stats::of(&explorer, &Filter::new(), "bundled", None, None);
/// let mv = stats.works_by_kind.iter().find(|k| k.kind == "mv").unwrap();
/// assert_eq!((mv.label.as_str(), mv.works), ("music video", 55));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCount {
    /// The kind's word: `drama`, `mv`, ….
    pub kind: String,
    /// The kind in words: `music video`.
    pub label: String,
    /// How many works are of this kind.
    pub works: usize,
}

/// The most credited person of [`Stats`] and their number of works.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::Stats;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let stats = Stats::of(&explorer, &Filter::new(), "bundled", None, None);
/// let busiest = stats.most_credited.unwrap();
/// assert_eq!((busiest.person.name.as_str(), busiest.works), ("Park Seo-joon", 16));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MostCredited {
    /// The person.
    pub person: Person,
    /// How many works they have under the filter.
    pub works: usize,
}

/// The importer's account of the rows it read, part of [`Stats`]: the
/// counts of `hallyu::import::Report` (feature `serde`), which converts
/// into it with `From`.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::ImportCounts;
///
/// let counts = ImportCounts { names_read: 7, ..ImportCounts::default() };
/// assert_eq!(counts.bad_rows, 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ImportCounts {
    /// `Report::names`: rows of `name.basics`.
    pub names_read: usize,
    /// `Report::titles`: rows of `title.basics`.
    pub titles_read: usize,
    /// `Report::principals`: rows of `title.principals`.
    pub principals_read: usize,
    /// `Report::skipped_titles`.
    pub skipped_titles: usize,
    /// `Report::skipped_principals`.
    pub skipped_principals: usize,
    /// `Report::dangling`.
    pub dangling: usize,
    /// `Report::duplicates`: duplicate credits dropped.
    pub duplicates: usize,
    /// `Report::duplicate_keys`.
    pub duplicate_keys: usize,
    /// `Report::bad_rows`: malformed rows skipped.
    pub bad_rows: usize,
    /// The Korean selection's counts, when `title.akas` was read
    /// (`Imdb::korean`, `--korean`; not in JSON otherwise).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub korean: Option<KoreanCounts>,
}

/// The Korean selection's account, part of [`ImportCounts`]: the akas
/// counts of `hallyu::import::Report`.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{ImportCounts, KoreanCounts};
///
/// let korean = KoreanCounts { akas_read: 12, korean_titles: 3, ..KoreanCounts::default() };
/// let counts = ImportCounts { korean: Some(korean), ..ImportCounts::default() };
/// assert_eq!(counts.korean.map(|k| k.korean_titles), Some(3));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct KoreanCounts {
    /// `Report::akas`: rows of `title.akas`.
    pub akas_read: usize,
    /// `Report::korean_titles`: titles the Korean rule selects.
    pub korean_titles: usize,
    /// `Report::not_korean`: rows of `title.basics` left out.
    pub titles_left_out: usize,
    /// `Report::not_korean_principals`: principals left out.
    pub principals_left_out: usize,
    /// `Report::bad_akas_rows`: malformed akas rows skipped.
    pub bad_akas_rows: usize,
}

#[cfg(feature = "serde")]
fn kinds_as_map<S: serde::Serializer>(kinds: &[KindCount], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(kinds.iter().map(|k| (&k.kind, k.works)))
}

/// The person with the most works under the filter (the first among ties).
fn most_credited(explorer: &Explorer, filter: &Filter) -> Option<(PersonId, usize)> {
    explorer
        .people()
        .map(|p| (p, explorer.works_of(p, filter).len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

impl Stats {
    /// The counts of `explorer`, read from `source` (its kind) at `path`,
    /// with the importer's counts `import`; the most credited person is
    /// counted under `filter`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{ImportCounts, Stats};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let path = std::path::Path::new("data");
    /// let stats = Stats::of(&explorer, &Filter::new(), "ron", Some(path), Some(ImportCounts::default()));
    /// let text = stats.to_string();
    /// assert!(text.starts_with("data (ron)\n"));
    /// assert!(text.contains("names read"));
    /// ```
    pub fn of(
        explorer: &Explorer,
        filter: &Filter,
        source: &str,
        path: Option<&std::path::Path>,
        import: Option<ImportCounts>,
    ) -> Stats {
        let mut by_kind: Vec<(WorkKind, usize)> = Vec::new();
        for w in explorer.works() {
            let kind = explorer.get(w).kind();
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => by_kind.push((kind, 1)),
            }
        }
        by_kind.sort();
        Stats {
            source: source.to_string(),
            path: path.map(|p| p.display().to_string()),
            people: explorer.people().len(),
            groups: explorer.groups().len(),
            works: explorer.works().len(),
            organisations: explorer.organisations().len(),
            credits: explorer.credits().len(),
            works_by_kind: by_kind
                .into_iter()
                .map(|(k, works)| KindCount {
                    kind: k.name().to_string(),
                    label: k.label().to_string(),
                    works,
                })
                .collect(),
            most_credited: most_credited(explorer, filter).map(|(p, works)| MostCredited {
                person: Person::of(explorer, p),
                works,
            }),
            import,
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Table::new(&[Align::Left, Align::Right]);
        let mut row = |label: &str, n: usize| t.row(vec![label.to_string(), n.to_string()]);
        row("people", self.people);
        row("groups", self.groups);
        row("works", self.works);
        for k in &self.works_by_kind {
            row(&format!("  {}", k.label), k.works);
        }
        row("organisations", self.organisations);
        row("credits", self.credits);
        if let Some(r) = &self.import {
            for (label, n) in [
                ("names read", r.names_read),
                ("titles read", r.titles_read),
                ("principals read", r.principals_read),
                ("skipped titles", r.skipped_titles),
                ("skipped principals", r.skipped_principals),
                ("dangling", r.dangling),
                ("duplicate credits", r.duplicates),
                ("duplicate keys", r.duplicate_keys),
                ("bad rows", r.bad_rows),
            ] {
                row(label, n);
            }
            if let Some(k) = &r.korean {
                for (label, n) in [
                    ("akas read", k.akas_read),
                    ("Korean titles", k.korean_titles),
                    ("titles not Korean", k.titles_left_out),
                    ("principals not Korean", k.principals_left_out),
                    ("bad akas rows", k.bad_akas_rows),
                ] {
                    row(label, n);
                }
            }
        }
        match &self.path {
            Some(p) => writeln!(f, "{p} ({})", self.source)?,
            None => writeln!(f, "the bundled dataset")?,
        }
        write!(f, "{t}")?;
        if let Some(m) = &self.most_credited {
            let n = m.works;
            writeln!(
                f,
                "most credited: {} ({n} work{})",
                m.person.label,
                plural(n)
            )?;
        }
        Ok(())
    }
}
