//! [`Communities`]: the communities of the co-appearance graph, each
//! explained by the works and the groups most of its members share.

use std::collections::HashMap;
use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::query::by_name;
use crate::query::{CommunityOptions, Partition};

use super::*;

/// How many shared works and groups explain a community.
const REASONS: usize = 3;

/// The communities of the co-appearance graph (`hallyu communities`),
/// largest first, with the modularity of the whole: Louvain with a
/// refinement, edges weighted by shared works (see
/// [`Explorer::communities`]). Each community is explained: its members,
/// the works most of them appear in, the groups and organisations most of
/// them belong to, and a name suggested from those.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Communities, Options};
/// use hallyu::query::CommunityOptions;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let c = Communities::of(&explorer, &CommunityOptions::new(), &Filter::new(), &Options::new())?;
/// assert!(c.modularity > 0.6);
/// assert_eq!(c.list.iter().map(|c| c.total_people).sum::<usize>(), c.people);
/// assert!(!c.list[0].name.is_empty());
/// assert!(c.to_string().contains("modularity"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Communities {
    /// How many communities there are (`list` holds at most the limit).
    pub communities: usize,
    /// How many people they hold.
    pub people: usize,
    /// The modularity of the partition (edges weighted by shared works).
    pub modularity: f64,
    /// The resolution it was found at.
    pub resolution: f64,
    /// The seed of the order people were visited in.
    pub seed: u64,
    /// The first communities, largest first.
    pub list: Vec<Community>,
}

/// One community of [`Communities`], explained.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Communities, Options};
/// use hallyu::query::CommunityOptions;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let c = Communities::of(&explorer, &CommunityOptions::new(), &Filter::new(), &Options::new())?;
/// let first = &c.list[0];
/// assert!(first.works.iter().all(|w| w.members >= 2 && w.members <= first.total_people));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Community {
    /// A name suggested from its first work and its first group or
    /// organisation ("Hwarang / Wooga Squad"), or its first member's name.
    pub name: String,
    /// How many people it holds.
    pub total_people: usize,
    /// Its first members, by name.
    pub people: Vec<Person>,
    /// The works most of its members appear in (at least two), most first.
    pub works: Vec<Shared>,
    /// The groups and organisations most of its members belong to (at
    /// least two), most first.
    pub groups: Vec<Shared>,
}

/// A work, group or organisation shared by members of a [`Community`].
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Communities, Options};
/// use hallyu::query::CommunityOptions;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let c = Communities::of(&explorer, &CommunityOptions::new(), &Filter::new(), &Options::new())?;
/// let w = &c.list[0].works[0];
/// assert!(w.members >= 2 && !w.name.is_empty());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Shared {
    /// The key.
    pub id: String,
    /// The title or name.
    pub name: String,
    /// How many members of the community it has.
    pub members: usize,
}

impl Communities {
    /// The communities of `filter`'s graph; the options' limit caps the
    /// communities listed and the members listed of each.
    ///
    /// # Errors
    ///
    /// As [`Explorer::communities`]: a resolution that is not a positive
    /// number.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Communities, Options};
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let options = CommunityOptions::new().seed(1);
    /// let c = Communities::of(&explorer, &options, &Filter::new(), &Options::new().limit(2))?;
    /// assert_eq!(c.list.len(), 2);
    /// assert!(c.list[0].people.len() <= 2);
    /// assert_eq!(c.seed, 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        options: &CommunityOptions,
        filter: &Filter,
        limit: &Options,
    ) -> crate::error::Result<Communities> {
        let found = explorer.communities(options, filter)?;
        Ok(Communities::of_partition(
            explorer, &found, options, filter, limit,
        ))
    }

    /// The communities of a partition already found with these options
    /// and filter (by [`Explorer::communities`]), explained as
    /// [`Communities::of`] explains them: for a caller that also needs the
    /// partition itself (every member, the community of each person).
    ///
    /// # Panics
    ///
    /// When the partition is of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Communities, Options};
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let options = CommunityOptions::new();
    /// let found = explorer.communities(&options, &Filter::new())?;
    /// let c = Communities::of_partition(&explorer, &found, &options, &Filter::new(), &Options::new());
    /// assert_eq!(c, Communities::of(&explorer, &options, &Filter::new(), &Options::new())?);
    /// assert_eq!(c.list[0].total_people, found.members(0).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of_partition(
        explorer: &Explorer,
        found: &Partition,
        options: &CommunityOptions,
        filter: &Filter,
        limit: &Options,
    ) -> Communities {
        let list = (0..found.len())
            .take(limit.get_limit())
            .map(|c| explain(explorer, found.members(c), filter, limit.get_limit()))
            .collect();
        Communities {
            communities: found.len(),
            people: (0..found.len()).map(|c| found.members(c).len()).sum(),
            modularity: found.modularity(),
            resolution: options.get_resolution(),
            seed: options.get_seed(),
            list,
        }
    }
}

/// The community of each of some records (`/api/communities`, and the
/// colours of the offline page): the communities of [`Communities`], by
/// their index (0 the largest), with the suggested names of those it lists.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Communities, Membership, Options};
/// use hallyu::query::CommunityOptions;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let options = CommunityOptions::new();
/// let found = explorer.communities(&options, &Filter::new())?;
/// let named = Communities::of_partition(&explorer, &found, &options, &Filter::new(), &Options::new().limit(3));
/// let records = [explorer.lookup("G-Dragon")?, explorer.lookup("Taeyang")?, explorer.lookup("Kiss")?];
/// let m = Membership::of(&explorer, &found, &named, &records);
/// assert_eq!(m.names.len(), 3);
/// assert_eq!(m.members[0].community, m.members[1].community); // BIGBANG
/// assert_eq!(m.members[2].community, None); // a work
/// assert!(m.to_string().starts_with("g-dragon\t1. ")); // the largest
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Membership {
    /// How many communities there are.
    pub communities: usize,
    /// The modularity of the partition.
    pub modularity: f64,
    /// The resolution it was found at.
    pub resolution: f64,
    /// The seed it was found with.
    pub seed: u64,
    /// The suggested names of the first communities, by index.
    pub names: Vec<String>,
    /// Each record asked, in the order asked.
    pub members: Vec<MemberOf>,
}

/// A record of a [`Membership`] and its community.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Communities, Membership, Options};
/// use hallyu::query::CommunityOptions;
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let options = CommunityOptions::new();
/// let found = explorer.communities(&options, &Filter::new())?;
/// let named = Communities::of_partition(&explorer, &found, &options, &Filter::new(), &Options::new());
/// let iu = explorer.person("IU")?;
/// let m = Membership::of(&explorer, &found, &named, &[iu.into()]);
/// assert_eq!(m.members[0].id, "iu");
/// assert_eq!(m.members[0].community, found.community(iu));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MemberOf {
    /// The record's key.
    pub id: String,
    /// The index of its community (0 the largest; as [`Partition::community`]),
    /// `None` for a work, or a person who is not a node of the filter's graph.
    pub community: Option<usize>,
}

impl Membership {
    /// The community of each of `records` in `found`, with the names of
    /// `named` (the same partition explained, [`Communities::of_partition`]).
    ///
    /// # Panics
    ///
    /// When a record is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Communities, Membership, Options};
    /// use hallyu::query::CommunityOptions;
    /// use hallyu::{Entity, Filter};
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let options = CommunityOptions::new();
    /// let found = explorer.communities(&options, &Filter::new())?;
    /// let named = Communities::of_partition(&explorer, &found, &options, &Filter::new(), &Options::new());
    /// let people: Vec<Entity> = explorer.people().map(Entity::from).collect();
    /// let m = Membership::of(&explorer, &found, &named, &people);
    /// let placed = m.members.iter().filter(|r| r.community.is_some()).count();
    /// assert_eq!(placed, named.people);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(
        explorer: &Explorer,
        found: &Partition,
        named: &Communities,
        records: &[Entity],
    ) -> Membership {
        let members = records
            .iter()
            .map(|&e| MemberOf {
                id: explorer.key(e).into_owned(),
                community: match e {
                    Entity::Person(p) => {
                        explorer.check(e);
                        found.community(p)
                    }
                    _ => None,
                },
            })
            .collect();
        Membership {
            communities: found.len(),
            modularity: found.modularity(),
            resolution: named.resolution,
            seed: named.seed,
            names: named.list.iter().map(|c| c.name.clone()).collect(),
            members,
        }
    }
}

impl fmt::Display for Membership {
    /// One line a record: its key and the number and name of its
    /// community (counted from 1, as `hallyu communities` lists them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.members {
            match m.community {
                Some(c) => match self.names.get(c) {
                    Some(name) => writeln!(f, "{}\t{}. {name}", m.id, c + 1)?,
                    None => writeln!(f, "{}\t{}.", m.id, c + 1)?,
                },
                None => writeln!(f, "{}\t-", m.id)?,
            }
        }
        Ok(())
    }
}

/// The most shared of `counts` (at least two members), most first, then
/// by name.
fn top(explorer: &Explorer, counts: HashMap<Entity, usize>) -> Vec<Shared> {
    let mut v: Vec<Shared> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(e, members)| Shared {
            id: explorer.key(e).into_owned(),
            name: explorer.name(e).to_string(),
            members,
        })
        .collect();
    v.sort_by(|a, b| {
        b.members
            .cmp(&a.members)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    v.truncate(REASONS);
    v
}

fn explain(explorer: &Explorer, members: &[PersonId], filter: &Filter, limit: usize) -> Community {
    let mut works: HashMap<Entity, usize> = HashMap::new();
    let mut groups: HashMap<Entity, usize> = HashMap::new();
    for &p in members {
        let mut mine: Vec<Entity> = explorer
            .works_of(p, filter)
            .into_iter()
            .map(|(w, _)| Entity::Work(w))
            .collect();
        mine.sort_unstable();
        mine.dedup();
        for w in mine {
            *works.entry(w).or_default() += 1;
        }
        let mut theirs: Vec<Entity> = explorer
            .credits_of(Entity::Person(p))
            .filter_map(|c| match explorer.ends(c) {
                (_, e @ (Entity::Group(_) | Entity::Organisation(_))) => Some(e),
                _ => None,
            })
            .collect();
        theirs.sort_unstable();
        theirs.dedup();
        for g in theirs {
            *groups.entry(g).or_default() += 1;
        }
    }
    let works = top(explorer, works);
    let groups = top(explorer, groups);
    let mut people = members.to_vec();
    people.sort_by(|a, b| by_name(explorer, a.0, b.0));
    let name = match (works.first(), groups.first()) {
        (Some(w), Some(g)) => format!("{} / {}", w.name, g.name),
        (Some(w), None) => w.name.clone(),
        (None, Some(g)) => g.name.clone(),
        (None, None) => people
            .first()
            .map(|&p| explorer.name(p.into()).to_string())
            .unwrap_or_default(),
    };
    Community {
        name,
        total_people: members.len(),
        people: people
            .into_iter()
            .take(limit)
            .map(|p| Person::of(explorer, p))
            .collect(),
        works,
        groups,
    }
}

impl fmt::Display for Communities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} communit{} over {} people, modularity {:.4} (resolution {}, seed {})",
            self.communities,
            if self.communities == 1 { "y" } else { "ies" },
            self.people,
            self.modularity,
            self.resolution,
            self.seed
        )?;
        for (i, c) in self.list.iter().enumerate() {
            writeln!(f, "{}. {} ({} people)", i + 1, c.name, c.total_people)?;
            let names: Vec<&str> = c.people.iter().map(|p| p.display_name.as_str()).collect();
            let more = if c.total_people > names.len() {
                ", …"
            } else {
                ""
            };
            writeln!(f, "   {}{more}", names.join(", "))?;
            let reasons = |list: &[Shared]| {
                list.iter()
                    .map(|s| format!("{} ({})", s.name, s.members))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if !c.works.is_empty() {
                writeln!(f, "   works: {}", reasons(&c.works))?;
            }
            if !c.groups.is_empty() {
                writeln!(f, "   groups: {}", reasons(&c.groups))?;
            }
        }
        if self.communities > self.list.len() {
            writeln!(
                f,
                "… and {} more (--top)",
                self.communities - self.list.len()
            )?;
        }
        Ok(())
    }
}
