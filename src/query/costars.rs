//! Co-appearances: who shares a work with whom.

use std::collections::HashMap;
use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::{Appearance, DIRECT};
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};

/// How a person is credited on a work: the credit, and the group it came
/// through when the credit is the group's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Credited {
    /// The credit (a person's own, or the group's).
    pub credit: CreditId,
    /// The group whose credit this is, when the person counts as its member.
    pub via: Option<GroupId>,
}

impl Credited {
    pub(crate) fn of(app: &Appearance) -> Credited {
        Credited {
            credit: CreditId(app.credit),
            via: (app.via != DIRECT).then_some(GroupId(app.via)),
        }
    }

    /// A short phrase for the role: `cast (lead) as Min-hyuk`, `performer via BIGBANG`.
    pub fn describe(&self, explorer: &Explorer) -> String {
        let mut s = explorer.get(self.credit).role().to_string();
        if let Some(g) = self.via {
            s.push_str(&format!(" via {}", explorer.get(g).name()));
        }
        s
    }
}

/// A work two people share, with how each of them is credited on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SharedWork {
    /// The work.
    pub work: WorkId,
    /// How the first person is credited.
    pub left: Credited,
    /// How the second person is credited.
    pub right: Credited,
}

/// A person who shares at least one work with another, and the works.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoStar {
    /// The co-star.
    pub person: PersonId,
    /// The shared works, oldest first; `left` is the asking person.
    pub works: Vec<SharedWork>,
}

/// The co-stars of one person, strongest first, created by
/// [`Explorer::co_appearances`].
///
/// Prints as one line per co-star: `Choi Woo-shik: 1 work (Gyopo Hairstyle (2021))`.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoAppearances<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    person: PersonId,
    costars: Vec<CoStar>,
}

impl<'e> CoAppearances<'e> {
    /// The person asked about.
    pub fn person(&self) -> PersonId {
        self.person
    }

    /// The entry of one co-star, if they share a work.
    pub fn get(&self, person: PersonId) -> Option<&CoStar> {
        self.costars.iter().find(|c| c.person == person)
    }
}

crate::query::list_result!(
    CoAppearances,
    CoStar,
    costars,
    "co-stars, strongest first, then by name"
);

impl fmt::Display for CoAppearances<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        for c in &self.costars {
            let n = c.works.len();
            let titles: Vec<String> = c
                .works
                .iter()
                .map(|s| e.label(Entity::Work(s.work)))
                .collect();
            writeln!(
                f,
                "{}: {n} work{} ({})",
                e.label(Entity::Person(c.person)),
                if n == 1 { "" } else { "s" },
                titles.join(", ")
            )?;
        }
        Ok(())
    }
}

impl Explorer {
    /// Everyone who shares a work with `person`, with the shared works,
    /// strongest first (most shared works, then name).
    ///
    /// Which credits count is set by the [`Filter`]: by default on-screen
    /// roles, no unverified claims, and group credits count for the group's
    /// members of the time (then [`Credited::via`] names the group). When a
    /// person is credited twice on one work, their own credit is shown.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let woo_shik = explorer.person("Choi Woo-shik")?;
    /// let costars = explorer.co_appearances(me, &Filter::new());
    /// let entry = costars.get(woo_shik).expect("they share works");
    /// assert!(entry.works.iter().any(|s| explorer.get(s.work).title() == "Gyopo Hairstyle"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn co_appearances(&self, person: PersonId, filter: &Filter) -> CoAppearances<'_> {
        // One flat list of (co-star, work, my credit, their credit), sorted
        // so that each (co-star, work) pair comes first with the credits of
        // their own rather than a group's: no per-co-star allocation.
        let mut pairs: Vec<(u32, u32, bool, Credited, Credited)> = Vec::new();
        for mine in self.graph.index.of_person(person.0, filter) {
            for theirs in self.graph.index.in_work(mine.work, filter) {
                if theirs.person != person.0 {
                    let via = mine.via != DIRECT || theirs.via != DIRECT;
                    pairs.push((
                        theirs.person,
                        mine.work,
                        via,
                        Credited::of(mine),
                        Credited::of(theirs),
                    ));
                }
            }
        }
        pairs.sort_unstable_by_key(|&(p, w, via, ..)| (p, w, via));
        pairs.dedup_by_key(|&mut (p, w, ..)| (p, w));
        let mut costars: Vec<CoStar> = Vec::new();
        for (p, w, _, left, right) in pairs {
            let shared = SharedWork {
                work: WorkId(w),
                left,
                right,
            };
            match costars.last_mut() {
                Some(last) if last.person.0 == p => last.works.push(shared),
                _ => costars.push(CoStar {
                    person: PersonId(p),
                    works: vec![shared],
                }),
            }
        }
        for c in &mut costars {
            if c.works.len() > 1 {
                self.sort_by_release(&mut c.works);
            }
        }
        // Strongest first, then by name; each name is looked up once.
        costars.sort_by_cached_key(|c| {
            let name = self.name(Entity::Person(c.person));
            (std::cmp::Reverse(c.works.len()), name, c.person)
        });
        CoAppearances {
            explorer: self,
            person,
            costars,
        }
    }

    /// The works `a` and `b` share, oldest first, with how each is credited
    /// (`left` is `a`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let min_ho = explorer.person("lee-min-ho")?;
    /// let dara = explorer.person("Dara")?;
    /// let shared = explorer.shared_works(min_ho, dara, &Filter::new());
    /// let titles: Vec<&str> = shared.iter().map(|s| explorer.get(s.work).title()).collect();
    /// assert_eq!(titles, ["Cass 2X CF", "Kiss"]); // the commercial and its song's video
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shared_works(&self, a: PersonId, b: PersonId, filter: &Filter) -> Vec<SharedWork> {
        let mut mine: HashMap<u32, Credited> = HashMap::new();
        for app in self.graph.index.of_person(a.0, filter) {
            let c = Credited::of(app);
            mine.entry(app.work)
                .and_modify(|old| prefer(old, c))
                .or_insert(c);
        }
        let mut out: HashMap<u32, SharedWork> = HashMap::new();
        for app in self.graph.index.of_person(b.0, filter) {
            if let Some(&left) = mine.get(&app.work) {
                let s = SharedWork {
                    work: WorkId(app.work),
                    left,
                    right: Credited::of(app),
                };
                out.entry(app.work)
                    .and_modify(|old| prefer_direct(old, &s))
                    .or_insert(s);
            }
        }
        let mut out: Vec<SharedWork> = if a == b {
            Vec::new()
        } else {
            out.into_values().collect()
        };
        self.sort_by_release(&mut out);
        out
    }

    pub(crate) fn sort_by_release(&self, works: &mut [SharedWork]) {
        works.sort_by(|x, y| self.release_order(x.work, y.work));
    }
}

/// Keeps a person's own credit over one that comes through a group.
fn prefer(old: &mut Credited, new: Credited) {
    if old.via.is_some() && new.via.is_none() {
        *old = new;
    }
}

fn prefer_direct(old: &mut SharedWork, new: &SharedWork) {
    prefer(&mut old.left, new.left);
    prefer(&mut old.right, new.right);
}
