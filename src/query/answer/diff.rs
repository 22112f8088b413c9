//! [`Diff`]: what changed between two versions of the data, by key
//! (`hallyu diff OLD NEW`), made by [`Explorer::diff`](crate::Explorer::diff).

use std::fmt;

use super::*;

/// What changed between two explorers, matched by key: records and
/// credits added, removed and changed; co-star pairs new and lost; the
/// people whose distance from a chosen person changed most; components
/// merged or split. Every list is cut at the options' limit and keeps its
/// total beside it. Made by [`Explorer::diff`](crate::Explorer::diff).
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let (old, new) = (Explorer::bundled(), Explorer::bundled());
/// let diff = old.diff(&new, &DiffOptions::new(), &Filter::new())?;
/// assert!(diff.is_empty());
/// assert_eq!(diff.old, diff.new);
/// assert!(diff.to_string().starts_with("no changes"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diff {
    /// How many records the old data holds.
    pub old: Totals,
    /// How many records the new data holds.
    pub new: Totals,
    /// People added, removed and changed.
    pub people: RecordChanges,
    /// Groups added, removed and changed.
    pub groups: RecordChanges,
    /// Works added, removed and changed.
    pub works: RecordChanges,
    /// Organisations added, removed and changed.
    pub organisations: RecordChanges,
    /// Credits added, removed and changed.
    pub credits: CreditChanges,
    /// Pairs of people who share a work (under the filter) in one version
    /// and not in the other.
    pub pairs: PairChanges,
    /// The people whose distance from the chosen person changed, when one
    /// was chosen ([`DiffOptions::from`](crate::query::DiffOptions::from)).
    pub distances: Option<DistanceChanges>,
    /// Components merged or split.
    pub components: ComponentChanges,
    /// The top of the centre ranking compared, when asked
    /// ([`DiffOptions::centre`](crate::query::DiffOptions::centre)).
    pub centre: Option<CentreChanges>,
}

/// How many records of each kind a version holds.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?;
/// assert_eq!(diff.new.people, explorer.people().len());
/// assert_eq!(diff.new.credits, explorer.credits().len());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Totals {
    /// People.
    pub people: usize,
    /// Groups.
    pub groups: usize,
    /// Works.
    pub works: usize,
    /// Organisations.
    pub organisations: usize,
    /// Credits.
    pub credits: usize,
}

/// The records of one kind added, removed and changed, in key order, each
/// list cut at the limit with its total beside it.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?;
/// assert_eq!(diff.works.total_added + diff.works.total_removed + diff.works.total_changed, 0);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RecordChanges {
    /// How many records only the new version holds.
    pub total_added: usize,
    /// The first of them, by key.
    pub added: Vec<Record>,
    /// How many records only the old version holds.
    pub total_removed: usize,
    /// The first of them, by key.
    pub removed: Vec<Record>,
    /// How many records both hold with some field changed.
    pub total_changed: usize,
    /// The first of them, by key.
    pub changed: Vec<ChangedRecord>,
}

/// A record both versions hold whose fields differ.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{ChangedRecord, FieldChange};
///
/// let changed = ChangedRecord {
///     id: "haru-haru".into(),
///     label: "Haru Haru (2008)".into(),
///     fields: vec![FieldChange::new("title", Some("Haru"), Some("Haru Haru"))],
/// };
/// assert_eq!(changed.fields[0].to_string(), "title: \"Haru\" → \"Haru Haru\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ChangedRecord {
    /// The key.
    pub id: String,
    /// The label in the new version.
    pub label: String,
    /// The fields that differ, in a fixed order.
    pub fields: Vec<FieldChange>,
}

/// One field of a record or credit, old → new (`None`: not set).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::FieldChange;
///
/// let year = FieldChange::new("released", Some("2008"), Some("2009"));
/// assert_eq!(year.to_string(), "released: \"2008\" → \"2009\"");
/// assert_eq!(FieldChange::new("hangul", None, Some("하루")).to_string(), "hangul: none → \"하루\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldChange {
    /// The field's name.
    pub field: String,
    /// Its value in the old version.
    pub old: Option<String>,
    /// Its value in the new version.
    pub new: Option<String>,
}

impl FieldChange {
    /// A change of `field` from `old` to `new`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::FieldChange;
    ///
    /// let c = FieldChange::new("born", Some("1989"), None);
    /// assert_eq!((c.field.as_str(), c.new), ("born", None));
    /// ```
    pub fn new(field: &str, old: Option<&str>, new: Option<&str>) -> FieldChange {
        FieldChange {
            field: field.to_string(),
            old: old.map(str::to_string),
            new: new.map(str::to_string),
        }
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<String>| v.as_ref().map_or("none".to_string(), |v| format!("{v:?}"));
        write!(
            f,
            "{}: {} → {}",
            self.field,
            show(&self.old),
            show(&self.new)
        )
    }
}

/// The credits added, removed and changed. A credit is keyed by its two
/// ends' keys and its role's word (`cast`, `member`, the source's own word
/// for other roles); a credit whose billing, character, years or
/// verification changed is changed, not removed and added.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?;
/// assert_eq!((diff.credits.total_added, diff.credits.total_removed), (0, 0));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CreditChanges {
    /// How many credits only the new version holds.
    pub total_added: usize,
    /// The first of them, by the keys of their ends.
    pub added: Vec<Credit>,
    /// How many credits only the old version holds.
    pub total_removed: usize,
    /// The first of them, by the keys of their ends.
    pub removed: Vec<Credit>,
    /// How many credits both hold with some field changed.
    pub total_changed: usize,
    /// The first of them, by the keys of their ends.
    pub changed: Vec<ChangedCredit>,
}

/// A credit both versions hold (same ends, same role word) whose details
/// differ.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{ChangedCredit, FieldChange};
///
/// let c = ChangedCredit {
///     from: "iu".into(),
///     to: "hotel-del-luna".into(),
///     role: "cast".into(),
///     from_label: "IU (아이유)".into(),
///     to_label: "Hotel del Luna (2019)".into(),
///     fields: vec![FieldChange::new("role", Some("cast (supporting)"), Some("cast (lead)"))],
/// };
/// assert_eq!(c.fields.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ChangedCredit {
    /// The key of the credited record.
    pub from: String,
    /// The key of the record credited on.
    pub to: String,
    /// The role's word: `cast`, `member`, `performer`, ….
    pub role: String,
    /// The label of `from` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub from_label: String,
    /// The label of `to` (not in JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub to_label: String,
    /// The fields that differ: `role` (in words), `unverified`, and with
    /// full records on both sides `confidence`, `sources`, `notes`.
    pub fields: Vec<FieldChange>,
}

/// Pairs of people who share a work under the filter in the new version
/// and not in the old (`new`), and the other way (`lost`). Each pair is
/// listed once, its two people in the key order of their version (IMDb
/// keys by number); the lists follow that order.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?;
/// assert_eq!((diff.pairs.total_new, diff.pairs.total_lost), (0, 0));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PairChanges {
    /// How many pairs are new.
    pub total_new: usize,
    /// The first of them.
    pub new: Vec<PersonPair>,
    /// How many pairs are lost.
    pub total_lost: usize,
    /// The first of them.
    pub lost: Vec<PersonPair>,
}

/// Two people (JSON `{"a": person, "b": person}`).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Person, PersonPair};
///
/// let explorer = hallyu::Explorer::bundled();
/// let a = Person::of(&explorer, explorer.person("IU")?);
/// let b = Person::of(&explorer, explorer.person("Park Seo-joon")?);
/// let pair = PersonPair { a, b };
/// assert_eq!(pair.b.id, "park-seo-joon");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PersonPair {
    /// The first person, by key.
    pub a: Person,
    /// The second.
    pub b: Person,
}

/// The people (in both versions) whose distance from the chosen person
/// changed, the largest changes first (a person reached in one version and
/// not the other counts as the largest), then by key.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let options = DiffOptions::new().from("IU");
/// let diff = explorer.diff(&explorer, &options, &Filter::new())?;
/// let d = diff.distances.unwrap();
/// assert_eq!((d.from.id.as_str(), d.total_changed), ("iu", 0));
/// assert_eq!(d.reached_old, d.reached_new);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistanceChanges {
    /// The chosen person (as the new version has them, else the old).
    pub from: Person,
    /// How many people the chosen person reaches in the old version
    /// (themselves included; 0 when they are not in it).
    pub reached_old: usize,
    /// How many in the new version.
    pub reached_new: usize,
    /// How many people of both versions changed distance.
    pub total_changed: usize,
    /// The first of them.
    pub changed: Vec<DistanceChange>,
}

/// One person's distance from the chosen person, old → new (`None`: not
/// reached).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{DistanceChange, Person};
///
/// let explorer = hallyu::Explorer::bundled();
/// let person = Person::of(&explorer, explorer.person("IU")?);
/// let change = DistanceChange { person, old: Some(3), new: None };
/// assert_eq!(change.old, Some(3));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistanceChange {
    /// The person (as the new version has them).
    pub person: Person,
    /// The distance in the old version.
    pub old: Option<u32>,
    /// The distance in the new version.
    pub new: Option<u32>,
}

/// Components merged or split. Components are matched by their members'
/// keys: a new component whose people (those in both versions) came from
/// two or more old components is a merge; an old component whose people
/// went to two or more new components is a split. Largest first.
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?;
/// assert_eq!((diff.components.old, diff.components.new), (1, 1));
/// assert_eq!(diff.components.total_merged + diff.components.total_split, 0);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ComponentChanges {
    /// How many components the old version has.
    pub old: usize,
    /// How many the new version has.
    pub new: usize,
    /// How many new components are merges of old ones.
    pub total_merged: usize,
    /// The largest of them: `component` is the new one, `parts` the old.
    pub merged: Vec<ComponentChange>,
    /// How many old components split.
    pub total_split: usize,
    /// The largest of them: `component` is the old one, `parts` the new.
    pub split: Vec<ComponentChange>,
}

/// A merge or a split: the component on one side and its parts on the
/// other, largest first (the parts cut at the limit, their total beside).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{ComponentChange, ComponentSummary};
///
/// let part = |people| ComponentSummary { people, sample: Vec::new() };
/// let merge = ComponentChange { component: part(5), total_parts: 2, parts: vec![part(3), part(2)] };
/// assert_eq!(merge.parts.iter().map(|p| p.people).sum::<usize>(), merge.component.people);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ComponentChange {
    /// The component merged into, or split.
    pub component: ComponentSummary,
    /// How many parts it has on the other side.
    pub total_parts: usize,
    /// The parts, largest first.
    pub parts: Vec<ComponentSummary>,
}

/// A component: its size and its first people, in data order.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::ComponentSummary;
///
/// let c = ComponentSummary { people: 149, sample: Vec::new() };
/// assert_eq!(c.people, 149);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ComponentSummary {
    /// How many people it holds.
    pub people: usize,
    /// Its first three people, in data order.
    pub sample: Vec<Person>,
}

/// The top `top` of the centre ranking (by mean distance within the main
/// component, ties by name) in both versions, compared by key: who entered
/// it, who left it, and who moved within it (largest moves first).
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let diff = explorer.diff(&explorer, &DiffOptions::new().centre(5), &Filter::new())?;
/// let centre = diff.centre.unwrap();
/// assert_eq!(centre.top, 5);
/// assert!(centre.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CentreChanges {
    /// How many places of the ranking are compared.
    pub top: usize,
    /// In the new top and not the old, by new rank.
    pub entered: Vec<CentreMove>,
    /// In the old top and not the new, by old rank.
    pub left: Vec<CentreMove>,
    /// In both, at another rank: the largest moves first, then by new
    /// rank.
    pub moved: Vec<CentreMove>,
}

impl CentreChanges {
    /// Whether the top is the same people in the same order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::CentreChanges;
    ///
    /// let same = CentreChanges { top: 3, entered: vec![], left: vec![], moved: vec![] };
    /// assert!(same.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entered.is_empty() && self.left.is_empty() && self.moved.is_empty()
    }
}

/// One person's place in the top of the centre ranking, old → new (rank 1
/// is the centre; `None`: not in that top), and their mean distance to
/// the rest of the main component in each version (`None`: not in it).
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{CentreMove, Person};
///
/// let explorer = hallyu::Explorer::bundled();
/// let person = Person::of(&explorer, explorer.person("IU")?);
/// let m = CentreMove { person, old_rank: Some(3), new_rank: Some(1), old_mean: Some(2.3), new_mean: Some(2.1) };
/// assert_eq!(m.to_string(), "IU: 3 → 1 (mean distance 2.300 → 2.100)");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CentreMove {
    /// The person (as the new version has them when they are in its top).
    pub person: Person,
    /// Their rank in the old top.
    pub old_rank: Option<usize>,
    /// Their rank in the new top.
    pub new_rank: Option<usize>,
    /// Their mean distance in the old version.
    pub old_mean: Option<f64>,
    /// Their mean distance in the new version.
    pub new_mean: Option<f64>,
}

impl fmt::Display for CentreMove {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rank = |r: Option<usize>| r.map_or("-".to_string(), |r| r.to_string());
        let mean = |m: Option<f64>| m.map_or("none".to_string(), |m| format!("{m:.3}"));
        write!(
            f,
            "{}: {} → {} (mean distance {} → {})",
            self.person.display_name,
            rank(self.old_rank),
            rank(self.new_rank),
            mean(self.old_mean),
            mean(self.new_mean)
        )
    }
}

impl Diff {
    /// Whether nothing changed: no record, credit, pair, distance or
    /// component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// assert!(explorer.diff(&explorer, &DiffOptions::new(), &Filter::new())?.is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        let records = [&self.people, &self.groups, &self.works, &self.organisations];
        records
            .iter()
            .all(|r| r.total_added + r.total_removed + r.total_changed == 0)
            && self.credits.total_added + self.credits.total_removed + self.credits.total_changed
                == 0
            && self.pairs.total_new + self.pairs.total_lost == 0
            && self.distances.as_ref().is_none_or(|d| d.total_changed == 0)
            && self.components.total_merged + self.components.total_split == 0
            && self.centre.as_ref().is_none_or(CentreChanges::is_empty)
    }
}

/// Writes `  … and N more` when a list shows fewer than its total.
fn more(f: &mut fmt::Formatter<'_>, shown: usize, total: usize) -> fmt::Result {
    if total > shown {
        writeln!(f, "    … and {} more (--top)", total - shown)?;
    }
    Ok(())
}

/// A label with the key after it in brackets, unless the label ends with
/// it already (a name two people share is labelled with the key).
fn with_key(label: &str, id: &str) -> String {
    let key = format!("[{id}]");
    if label.ends_with(&key) {
        label.to_string()
    } else {
        format!("{label} {key}")
    }
}

impl fmt::Display for RecordChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (sign, list, total) in [
            ("+", &self.added, self.total_added),
            ("-", &self.removed, self.total_removed),
        ] {
            for r in list {
                writeln!(f, "  {sign} {}", with_key(&r.label, &r.id))?;
            }
            more(f, list.len(), total)?;
        }
        for r in &self.changed {
            writeln!(f, "  ~ {}", with_key(&r.label, &r.id))?;
            for c in &r.fields {
                writeln!(f, "      {c}")?;
            }
        }
        more(f, self.changed.len(), self.total_changed)
    }
}

impl fmt::Display for CreditChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (sign, list, total) in [
            ("+", &self.added, self.total_added),
            ("-", &self.removed, self.total_removed),
        ] {
            for c in list {
                writeln!(f, "  {sign} {} — {}: {}", c.from_label, c.to_label, c.role)?;
            }
            more(f, list.len(), total)?;
        }
        for c in &self.changed {
            writeln!(f, "  ~ {} — {}: {}", c.from_label, c.to_label, c.role)?;
            for x in &c.fields {
                writeln!(f, "      {x}")?;
            }
        }
        more(f, self.changed.len(), self.total_changed)
    }
}

/// `+3 -1 ~2`: the counts of a section's heading.
fn counts(added: usize, removed: usize, changed: Option<usize>) -> String {
    let mut s = format!("+{added} -{removed}");
    if let Some(c) = changed {
        s.push_str(&format!(" ~{c}"));
    }
    s
}

/// A component as text: `12 people (A, B, C, …)`.
fn component(c: &ComponentSummary) -> String {
    let mut names: Vec<&str> = c.sample.iter().map(|p| p.display_name.as_str()).collect();
    if c.people > names.len() {
        names.push("…");
    }
    format!(
        "{} {} ({})",
        c.people,
        if c.people == 1 { "person" } else { "people" },
        names.join(", ")
    )
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (o, n) = (&self.old, &self.new);
        if self.is_empty() {
            writeln!(f, "no changes")?;
        }
        writeln!(
            f,
            "old: {} people, {} groups, {} works, {} organisations, {} credits",
            o.people, o.groups, o.works, o.organisations, o.credits
        )?;
        writeln!(
            f,
            "new: {} people, {} groups, {} works, {} organisations, {} credits",
            n.people, n.groups, n.works, n.organisations, n.credits
        )?;
        for (what, r) in [
            ("people", &self.people),
            ("groups", &self.groups),
            ("works", &self.works),
            ("organisations", &self.organisations),
        ] {
            if r.total_added + r.total_removed + r.total_changed > 0 {
                let c = counts(r.total_added, r.total_removed, Some(r.total_changed));
                writeln!(f, "{what} {c}")?;
                write!(f, "{r}")?;
            }
        }
        let c = &self.credits;
        if c.total_added + c.total_removed + c.total_changed > 0 {
            let n = counts(c.total_added, c.total_removed, Some(c.total_changed));
            writeln!(f, "credits {n}")?;
            write!(f, "{c}")?;
        }
        let p = &self.pairs;
        if p.total_new + p.total_lost > 0 {
            writeln!(
                f,
                "co-star pairs {}",
                counts(p.total_new, p.total_lost, None)
            )?;
            for (sign, list, total) in [("+", &p.new, p.total_new), ("-", &p.lost, p.total_lost)] {
                for pair in list {
                    let (a, b) = (&pair.a.display_name, &pair.b.display_name);
                    writeln!(f, "  {sign} {a} — {b}")?;
                }
                more(f, list.len(), total)?;
            }
        }
        if let Some(d) = &self.distances {
            writeln!(
                f,
                "distances from {}: {} changed (reached {} → {})",
                d.from.display_name, d.total_changed, d.reached_old, d.reached_new
            )?;
            let show = |x: Option<u32>| x.map_or("unreached".to_string(), |x| x.to_string());
            for c in &d.changed {
                let (old, new) = (show(c.old), show(c.new));
                writeln!(f, "  {}: {old} → {new}", c.person.display_name)?;
            }
            more(f, d.changed.len(), d.total_changed)?;
        }
        if let Some(c) = &self.centre {
            writeln!(
                f,
                "centre top {}: {} entered, {} left, {} moved",
                c.top,
                c.entered.len(),
                c.left.len(),
                c.moved.len()
            )?;
            for (sign, list) in [("+", &c.entered), ("-", &c.left), ("~", &c.moved)] {
                for m in list {
                    writeln!(f, "  {sign} {m}")?;
                }
            }
        }
        let c = &self.components;
        writeln!(
            f,
            "components {} → {}: {} merged, {} split",
            c.old, c.new, c.total_merged, c.total_split
        )?;
        for (verb, list, total) in [
            ("← merged from", &c.merged, c.total_merged),
            ("→ split into", &c.split, c.total_split),
        ] {
            for m in list {
                let parts: Vec<String> = m.parts.iter().map(component).collect();
                let rest = m.total_parts - m.parts.len();
                let rest = if rest > 0 {
                    format!(" and {rest} more")
                } else {
                    String::new()
                };
                let whole = component(&m.component);
                writeln!(
                    f,
                    "  {whole} {verb} {}: {}{rest}",
                    m.total_parts,
                    parts.join("; ")
                )?;
            }
            more(f, list.len(), total)?;
        }
        Ok(())
    }
}
