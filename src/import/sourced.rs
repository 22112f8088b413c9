//! The answers of a merged explorer that name their sources: a path whose
//! every hop says which sources state it ([`SourcedPath`]), and the
//! account of the merge ([`Provenance`]: what each source brought, the
//! conflicts).

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::merge::{Conflict, Merged, Origin, SourceCounts};
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::answer::Path;
use crate::query::{Align, Avoid, Credited, Table};

/// A path of a merged explorer with, for each hop, the sources that state
/// its two credits (`hallyu --data A --data B path …`).
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Origin};
/// use hallyu::query::Avoid;
/// use hallyu::Filter;
///
/// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
/// let ex = &merged.explorer;
/// let (a, b) = (ex.person("Park Seo-joon")?, ex.person("Choi Woo-shik")?);
/// let path = merged.path(a, b, None, &Avoid::new(), &Filter::new());
/// assert_eq!(path.sources[0].from, [Origin::Ron]);
/// assert!(path.to_string().lines().nth(1).unwrap().ends_with("[source: RON]"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SourcedPath {
    /// The path, as for one source (JSON: its fields, flattened).
    #[serde(flatten)]
    pub path: Path,
    /// One entry per step of [`Path::steps`].
    pub sources: Vec<HopSources>,
}

/// The sources of one hop of a [`SourcedPath`].
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Origin};
/// use hallyu::Filter;
///
/// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
/// let ex = &merged.explorer;
/// let (a, b) = (ex.person("IU")?, ex.person("Park Seo-joon")?);
/// let path = merged.strongest_path(a, b, &Filter::new());
/// assert!(path.sources.iter().all(|h| h.origins() == [Origin::Ron]));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HopSources {
    /// The shared work's id.
    pub work: String,
    /// The sources of the first person's credit on it (a group's credit
    /// when they count as its member).
    pub from: Vec<Origin>,
    /// The sources of the second person's credit.
    pub to: Vec<Origin>,
}

impl HopSources {
    /// The sources of either credit, each once, in the order RON,
    /// Wikidata, IMDb.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Merge, Origin};
    /// use hallyu::query::Avoid;
    /// use hallyu::Filter;
    ///
    /// let bundled = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// let ex = &bundled.explorer;
    /// let (a, b) = (ex.person("IU")?, ex.person("Park Seo-joon")?);
    /// let path = bundled.path(a, b, None, &Avoid::new(), &Filter::new());
    /// assert_eq!(path.sources[0].origins(), [Origin::Ron]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn origins(&self) -> Vec<Origin> {
        let mut all: Vec<Origin> = self.from.iter().chain(&self.to).copied().collect();
        all.sort();
        all.dedup();
        all
    }
}

impl Merged {
    /// A shortest path as [`Path::routed`] finds it (through `via`,
    /// avoiding `avoid`), with the sources of every hop.
    ///
    /// # Panics
    ///
    /// When a person or work is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Merge;
    /// use hallyu::query::Avoid;
    /// use hallyu::Filter;
    ///
    /// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// let ex = &merged.explorer;
    /// let (a, b) = (ex.person("IU")?, ex.person("Tamar Herman")?);
    /// let path = merged.path(a, b, None, &Avoid::new(), &Filter::new());
    /// assert!(!path.path.connected && path.sources.is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn path(
        &self,
        from: PersonId,
        to: PersonId,
        via: Option<PersonId>,
        avoid: &Avoid,
        filter: &Filter,
    ) -> SourcedPath {
        let ex = &self.explorer;
        let path = Path::routed(ex, from, to, via, avoid, filter);
        // The same search as the answer's, for the credits of each hop.
        let found = match via {
            Some(v) => ex.shortest_path_via(from, v, to, avoid, filter),
            None if avoid.is_empty() => ex.shortest_path(from, to, filter),
            None => ex.shortest_path_avoiding(from, to, avoid, filter),
        };
        self.sourced(path, found.as_ref().map(|p| p.steps()))
    }

    /// The strongest path as [`Path::strongest`] finds it, with the sources
    /// of every hop.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::Merge;
    /// use hallyu::Filter;
    ///
    /// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// let ex = &merged.explorer;
    /// let (a, b) = (ex.person("IU")?, ex.person("Choi Woo-shik")?);
    /// let path = merged.strongest_path(a, b, &Filter::new());
    /// assert_eq!(path.sources.len(), path.path.length.unwrap());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn strongest_path(&self, from: PersonId, to: PersonId, filter: &Filter) -> SourcedPath {
        let ex = &self.explorer;
        let path = Path::strongest(ex, from, to, filter);
        let found = ex.strongest_path(from, to, filter).map(|(p, _)| p);
        self.sourced(path, found.as_ref().map(|p| p.steps()))
    }

    fn sourced(&self, path: Path, steps: Option<&[crate::query::Step]>) -> SourcedPath {
        let ex = &self.explorer;
        let of = |c: &Credited| {
            ex.get(c.credit)
                .record()
                .map_or_else(Vec::new, |r| self.origins(r).to_vec())
        };
        let sources = steps
            .unwrap_or_default()
            .iter()
            .map(|s| HopSources {
                work: ex.key(s.work.into()).into_owned(),
                from: of(&s.from_credit),
                to: of(&s.to_credit),
            })
            .collect();
        SourcedPath { path, sources }
    }

    /// What each source brought, the credits each origin states, and the
    /// conflicts (`hallyu --data A --data B sources`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{Merge, Origin};
    ///
    /// let merged = Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
    /// let p = merged.provenance();
    /// assert_eq!(p.stated[0].origin, Origin::Ron);
    /// assert_eq!(p.stated[0].credits, p.credits);
    /// assert!(p.to_string().contains("No conflicts"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn provenance(&self) -> Provenance {
        let ex = &self.explorer;
        let mut stated: Vec<OriginCredits> = Vec::new();
        for c in ex.credits() {
            let Some(record) = ex.get(c).record() else {
                continue;
            };
            let origins = self.origins(record);
            for &o in origins {
                let i = match stated.iter().position(|s| s.origin == o) {
                    Some(i) => i,
                    None => {
                        stated.push(OriginCredits {
                            origin: o,
                            credits: 0,
                            alone: 0,
                        });
                        stated.len() - 1
                    }
                };
                stated[i].credits += 1;
                stated[i].alone += usize::from(origins.len() == 1);
            }
        }
        stated.sort_by_key(|s| s.origin);
        let r = &self.report;
        Provenance {
            sources: r.sources.clone(),
            people: ex.people().len(),
            groups: ex.groups().len(),
            works: ex.works().len(),
            credits: ex.credits().len(),
            stated,
            matched: r.matched,
            corroborated: r.corroborated,
            skipped_works: r.skipped_works,
            skipped_credits: r.skipped_credits,
            renamed: r.renamed,
            conflicts: self.conflicts.clone(),
        }
    }
}

impl fmt::Display for SourcedPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.path.to_string();
        // The header, then one line per hop.
        for (i, line) in text.lines().enumerate() {
            match i.checked_sub(1).and_then(|h| self.sources.get(h)) {
                Some(hop) => {
                    let origins: Vec<String> =
                        hop.origins().iter().map(Origin::to_string).collect();
                    let word = if origins.len() == 1 {
                        "source"
                    } else {
                        "sources"
                    };
                    writeln!(f, "{line}  [{word}: {}]", origins.join(", "))?;
                }
                None => writeln!(f, "{line}")?,
            }
        }
        Ok(())
    }
}

/// The credits of a merged explorer one origin states, part of
/// [`Provenance`].
///
/// # Example
///
/// ```
/// let merged = hallyu::import::Merge::new(hallyu::Catalog::bundled().into_records()).build()?;
/// let ron = &merged.provenance().stated[0];
/// assert_eq!(ron.alone, ron.credits); // no other source
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OriginCredits {
    /// The origin.
    pub origin: Origin,
    /// Credits it states.
    pub credits: usize,
    /// Credits no other origin states.
    pub alone: usize,
}

/// The account of a merge: what each source read, the merged totals, the
/// credits each origin states, what was matched and left out, and every
/// conflict (`hallyu sources`). Shape in `docs/json.md`.
///
/// # Example
///
/// ```
/// use hallyu::import::{Merge, Sparql};
///
/// let text = std::fs::read_to_string("tests/fixtures/wikidata/groups.json")?
///     .replace("2012-01-01T00:00:00Z", "2013-01-01T00:00:00Z"); // a test value
/// let merged = Merge::new(hallyu::Catalog::bundled().into_records())
///     .link("bang-yong-guk", hallyu::import::Scheme::Wikidata, "X-BANG-YONG-GUK")
///     .link("bap", hallyu::import::Scheme::Wikidata, "X-BAP")
///     .wikidata(Sparql::new().from_str("altered.json", &text)?)
///     .build()?;
/// let text = merged.provenance().to_string();
/// assert!(text.contains("bang-yong-guk → bap, membership years: RON 2012–; Wikidata 2013–"), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Provenance {
    /// Each source, in the order merged.
    pub sources: Vec<SourceCounts>,
    /// People in the merged explorer.
    pub people: usize,
    /// Groups in it.
    pub groups: usize,
    /// Works in it.
    pub works: usize,
    /// Credits in it.
    pub credits: usize,
    /// Per origin, the credits it states.
    pub stated: Vec<OriginCredits>,
    /// Records found to be records of an earlier source.
    pub matched: usize,
    /// Credits stated by more than one source.
    pub corroborated: usize,
    /// IMDb works without a year, left out.
    pub skipped_works: usize,
    /// Credits left out with one of their ends.
    pub skipped_credits: usize,
    /// Records renamed because an earlier source used their id.
    pub renamed: usize,
    /// Values two sources disagree on.
    pub conflicts: Vec<Conflict>,
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sources merged: {} people, {} groups, {} works, {} credits",
            self.sources.len(),
            self.people,
            self.groups,
            self.works,
            self.credits
        )?;
        let mut t = Table::new(&[Align::Left, Align::Left, Align::Right]).indent("  ");
        t.row(
            [
                "source", "origin", "people", "groups", "works", "credits", "matched", "agreed",
            ]
            .map(String::from)
            .to_vec(),
        );
        for s in &self.sources {
            let n = [
                s.people,
                s.groups,
                s.works,
                s.credits,
                s.matched,
                s.corroborated,
            ];
            let mut row = vec![s.label.clone(), s.origin.to_string()];
            row.extend(n.iter().map(usize::to_string));
            t.row(row);
        }
        write!(f, "{t}")?;
        writeln!(
            f,
            "(matched: records found to be an earlier source's by a cross-identifier; \
             agreed: credits an earlier source already states)"
        )?;
        let stated: Vec<String> = self
            .stated
            .iter()
            .map(|s| format!("{} {} ({} by it alone)", s.origin, s.credits, s.alone))
            .collect();
        writeln!(f, "Credits stated: {}", stated.join(", "))?;
        writeln!(
            f,
            "Left out: {} IMDb works without a year, {} credits with an end left out; \
             {} records renamed",
            self.skipped_works, self.skipped_credits, self.renamed
        )?;
        if self.conflicts.is_empty() {
            return writeln!(f, "No conflicts.");
        }
        let n = self.conflicts.len();
        writeln!(
            f,
            "{n} conflict{} (the first source's value kept, none resolved):",
            if n == 1 { "" } else { "s" }
        )?;
        for c in &self.conflicts {
            let values: Vec<String> = c.values.iter().map(|(o, v)| format!("{o} {v}")).collect();
            writeln!(f, "  {}, {}: {}", c.subject, c.field, values.join("; "))?;
        }
        Ok(())
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl Serialize for Conflict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Value<'a> {
            source: Origin,
            value: &'a str,
        }
        let values: Vec<Value<'_>> = self
            .values
            .iter()
            .map(|(source, value)| Value {
                source: *source,
                value,
            })
            .collect();
        let mut st = s.serialize_struct("Conflict", 3)?;
        st.serialize_field("subject", &self.subject)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("values", &values)?;
        st.end()
    }
}
