//! [`List`]: the records of one kind.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, WorkId};
use crate::model::RecordKind;
use crate::query::table::{Align, Table};

use super::shared::more;
use super::*;

/// The records of one kind (`hallyu list`): people, groups and
/// organisations in id order, works under the filter by kind and then
/// release; the list is cut at the limit, with its total beside it.
///
/// # Example
///
/// ```
/// use hallyu::model::RecordKind;
/// use hallyu::query::answer::{List, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let answer = List::of(&explorer, RecordKind::Group, &Filter::new(), &Options::new());
/// assert!(answer.records.iter().any(|r| r.record.id == "bigbang"));
/// assert_eq!(answer.kind, "group");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct List {
    /// The kind listed: `person`, `group`, `work` or `organisation`.
    pub kind: String,
    /// How many records there are (`records` holds at most the limit).
    pub total: usize,
    /// The first records.
    pub records: Vec<Listed>,
}

/// A record of [`List`] (JSON: the [`Record`] fields).
///
/// # Example
///
/// ```
/// use hallyu::model::RecordKind;
/// use hallyu::query::answer::{List, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let answer = List::of(&explorer, RecordKind::Work, &Filter::new(), &Options::new());
/// assert_eq!(answer.records[0].record.kind, "work");
/// assert_eq!(answer.records[0].kind_label, "music video");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Listed {
    /// The record.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub record: Record,
    /// The kind in words: a work's kind (`music video`), else the
    /// record's (`person`) (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub kind_label: String,
}

impl List {
    /// The records of `kind`; `filter` keeps the works it admits (people,
    /// groups and organisations are all listed); the options' limit caps
    /// the records shown.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RecordKind;
    /// use hallyu::query::answer::{List, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let answer = List::of(&explorer, RecordKind::Person, &Filter::new(), &Options::new().limit(2));
    /// assert_eq!(answer.total, explorer.people().len());
    /// assert!(answer.to_string().contains("more people"));
    /// ```
    pub fn of(explorer: &Explorer, kind: RecordKind, filter: &Filter, options: &Options) -> List {
        let all: Vec<Entity> = match kind {
            RecordKind::Person => explorer.people().map(Entity::Person).collect(),
            RecordKind::Group => explorer.groups().map(Entity::Group).collect(),
            RecordKind::Organisation => {
                explorer.organisations().map(Entity::Organisation).collect()
            }
            RecordKind::Work => {
                let mut works: Vec<WorkId> = explorer
                    .works()
                    .filter(|&w| explorer.admits(w, filter))
                    .collect();
                works.sort_by_key(|&w| {
                    let r = explorer.get(w);
                    (r.kind(), r.released())
                });
                works.into_iter().map(Entity::Work).collect()
            }
        };
        List {
            kind: kind.to_string(),
            total: all.len(),
            records: all
                .iter()
                .take(options.limit)
                .map(|&e| Listed {
                    record: Record::of(explorer, e),
                    kind_label: match e {
                        Entity::Work(w) => explorer.get(w).kind().label().to_owned(),
                        other => other.kind().to_string(),
                    },
                })
                .collect(),
        }
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Table::new(&[Align::Left; 3]);
        for r in &self.records {
            t.row(vec![
                r.record.id.clone(),
                r.kind_label.clone(),
                r.record.label.clone(),
            ]);
        }
        write!(f, "{t}")?;
        let what = match self.kind.as_str() {
            "person" => "people".to_owned(),
            kind => format!("{kind}s"),
        };
        more(f, self.total, self.records.len(), &what)
    }
}
