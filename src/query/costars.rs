//! Co-appearances: who shares a work with whom.

use std::collections::HashMap;
use std::fmt;

use crate::algo::{self, CoStarPairs};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::Graph;
use crate::graph::{Appearance, DIRECT};
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};

/// How a person is credited on a work: the credit, and the group it came
/// through when the credit is the group's.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let gd = explorer.person("G-Dragon")?;
/// let daesung = explorer.person("Daesung")?;
/// let bigbang = explorer.group("BIGBANG")?;
/// let shared = explorer.shared_works(gd, daesung, &Filter::new());
/// let video = shared.iter().find(|s| explorer.get(s.work).title() == "Let's Not Fall in Love");
/// let credited = video.unwrap().left; // G-Dragon's
/// assert_eq!(credited.via, Some(bigbang)); // the group's credit counts for him
/// assert_eq!(explorer.ends(credited.credit).0, bigbang.into());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Credited {
    /// The credit (a person's own, or the group's).
    pub credit: CreditId,
    /// The group whose credit this is, when the person counts as its member.
    pub via: Option<GroupId>,
}

impl Credited {
    pub(crate) fn of(g: &Graph, app: &Appearance) -> Credited {
        Credited::of_parts(g, app.credit, app.via)
    }

    /// A credit and its group ([`DIRECT`] for none).
    pub(crate) fn of_parts(g: &Graph, credit: u32, via: u32) -> Credited {
        Credited {
            credit: g.cid(credit),
            via: (via != DIRECT).then(|| g.gid(via)),
        }
    }

    /// A short phrase for the role: `cast (lead) as Min-hyuk`, `performer via BIGBANG`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let gd = explorer.person("G-Dragon")?;
    /// let daesung = explorer.person("Daesung")?;
    /// let shared = explorer.shared_works(gd, daesung, &Filter::new());
    /// let roles: Vec<String> = shared.iter().map(|s| s.left.describe(&explorer)).collect();
    /// assert!(roles.contains(&"cast (lead) as the boyfriend".to_string())); // Haru Haru
    /// assert!(roles.contains(&"performer via BIGBANG".to_string()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn describe(&self, explorer: &Explorer) -> String {
        let mut s = explorer.get(self.credit).role().to_string();
        if let Some(g) = self.via {
            s.push_str(&format!(" via {}", explorer.get(g).name()));
        }
        s
    }
}

/// A work two people share, with how each of them is credited on it.
///
/// # Example
///
/// ```
/// use hallyu::query::SharedWork;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let seo_joon = explorer.person("Park Seo-joon")?;
/// let woo_shik = explorer.person("Choi Woo-shik")?;
/// let shared: Vec<SharedWork> = explorer.shared_works(seo_joon, woo_shik, &Filter::new());
/// let parasite = &shared[0];
/// assert_eq!(explorer.get(parasite.work).title(), "Parasite");
/// assert_eq!(parasite.left.describe(&explorer), "cast (cameo) as Min-hyuk");
/// assert_eq!(parasite.right.describe(&explorer), "cast (lead)");
/// # Ok::<(), hallyu::Error>(())
/// ```
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
///
/// # Example
///
/// ```
/// use hallyu::query::CoStar;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let me = explorer.person("Park Seo-joon")?;
/// let costars = explorer.co_appearances(me, &Filter::new());
/// let strongest: &CoStar = costars.iter().next().unwrap();
/// assert_eq!(explorer.get(strongest.person).name(), "Choi Woo-shik");
/// assert_eq!(strongest.works.len(), 5);
/// assert!(strongest.works.iter().all(|s| explorer.ends(s.left.credit).0 == me.into()));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CoStar {
    /// The co-star.
    pub person: PersonId,
    /// The shared works, oldest first; `left` is the asking person.
    pub works: SharedWorks,
}

/// The works two people share, oldest first: a slice (through `Deref`),
/// held inline when there is only one, as for most co-stars, so that a
/// list of thousands of co-stars is not thousands of allocations.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let me = explorer.person("Park Seo-joon")?;
/// let costars = explorer.co_appearances(me, &Filter::new());
/// let strongest = costars.iter().next().unwrap();
/// let first: &hallyu::query::SharedWork = &strongest.works[0];
/// assert_eq!(explorer.get(first.left.credit).to(), first.work.into());
/// let released: Vec<_> = strongest.works.iter().map(|s| explorer.get(s.work).released()).collect();
/// assert!(released.is_sorted());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedWorks(Shared);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Shared {
    One(SharedWork),
    Many(Vec<SharedWork>),
}

impl std::ops::Deref for SharedWorks {
    type Target = [SharedWork];

    fn deref(&self) -> &[SharedWork] {
        match &self.0 {
            Shared::One(w) => std::slice::from_ref(w),
            Shared::Many(v) => v,
        }
    }
}

impl<'a> IntoIterator for &'a SharedWorks {
    type Item = &'a SharedWork;
    type IntoIter = std::slice::Iter<'a, SharedWork>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SharedWorks {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The co-stars of one person, strongest first, created by
/// [`Explorer::co_appearances`].
///
/// Prints as one line per co-star: `Choi Woo-shik: 1 work (Gyopo Hairstyle (2021))`.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let costars = explorer.co_appearances(explorer.person("Park Seo-joon")?, &Filter::new());
/// assert_eq!(costars.len(), 27);
/// let first = costars.to_string().lines().next().unwrap().to_string();
/// assert!(first.starts_with("Choi Woo-shik (최우식): 5 works (Parasite (2019), Youn's Stay (2021), "));
/// # Ok::<(), hallyu::Error>(())
/// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let costars = explorer.co_appearances(iu, &Filter::new());
    /// assert_eq!(costars.person(), iu);
    /// assert_eq!(explorer.get(costars.person()).name(), "IU");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn person(&self) -> PersonId {
        self.person
    }

    /// The entry of one co-star, if they share a work.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let costars = explorer.co_appearances(explorer.person("Park Seo-joon")?, &Filter::new());
    /// let v = costars.get(explorer.person("V")?).unwrap();
    /// assert_eq!(v.works.len(), 4); // Hwarang, Gyopo Hairstyle and two shows
    /// assert!(costars.get(explorer.person("Junsu")?).is_none()); // four hops away
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn get(&self, person: PersonId) -> Option<&CoStar> {
        self.explorer.check(person.into());
        self.costars.iter().find(|c| c.person == person)
    }
}

crate::query::list_result!(
    CoAppearances,
    CoStar,
    costars,
    "co-stars, strongest first, then by name",
    "explorer.co_appearances(explorer.person(\"IU\")?, &hallyu::Filter::new())",
    "19"
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
    /// The answer takes time in the number of shared credits, not in the
    /// size of the graph; the first call of an explorer also ranks every
    /// person's name once (4 bytes a person, about 0.2 s for 2 million names
    /// on two cores), so that co-stars are ordered by name without reading
    /// their names.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
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
        self.check(person.into());
        // Every (my appearance, their appearance) pair on a shared work,
        // with a packed integer key (co-star's place in name order,
        // position in `pairs`): sorted, the keys hold each co-star's pairs
        // together and the co-stars in name order (equal names by id).
        // Their side is read from the work's flat columns (person, flags)
        // with the compiled filter; their appearance itself only for the
        // pairs that are kept. Positions fit in 32 bits: `pairs` would need
        // more than 32 GiB first.
        let found = algo::co_star_pairs(
            self.graph.index(),
            person.0,
            filter,
            self.person_name_ranks(),
        );
        let CoStarPairs {
            mine, pairs, runs, ..
        } = &found;
        let run = |r: usize| found.run(r);
        // Strongest first; the runs are in name order already. One integer
        // per co-star: (weakness, run).
        let mut order: Vec<u64> = (0..runs.len())
            .map(|r| ((u64::from(u32::MAX) - run(r).len() as u64) << 32) | r as u64)
            .collect();
        order.sort_unstable();
        let shared = |&k: &u64| {
            let p = pairs[k as u32 as usize];
            let mine = &mine[p.mine as usize];
            let (credit, via) = found.their_credit(k);
            SharedWork {
                work: self.graph.wid(mine.work),
                left: Credited::of(&self.graph, mine),
                right: Credited::of_parts(&self.graph, credit, via),
            }
        };
        let costars = order
            .iter()
            .map(|&k| {
                let run = run(k as u32 as usize);
                let works = match run {
                    [one] => Shared::One(shared(one)),
                    _ => {
                        let mut works: Vec<SharedWork> = run.iter().map(shared).collect();
                        self.sort_by_release(&mut works);
                        Shared::Many(works)
                    }
                };
                CoStar {
                    person: self.graph.pid(pairs[run[0] as u32 as usize].person),
                    works: SharedWorks(works),
                }
            })
            .collect();
        CoAppearances {
            explorer: self,
            person,
            costars,
        }
    }

    /// The works `a` and `b` share, oldest first, with how each is credited
    /// (`left` is `a`).
    ///
    /// # Panics
    ///
    /// When `a` or `b` is an id of another explorer.
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
        self.check_all(&[a, b]);
        let mut mine: HashMap<u32, Credited> = HashMap::new();
        for app in self.graph.index().of_person(a.0, filter) {
            let c = Credited::of(&self.graph, &app);
            mine.entry(app.work)
                .and_modify(|old| prefer(old, c))
                .or_insert(c);
        }
        let mut out: HashMap<u32, SharedWork> = HashMap::new();
        for app in self.graph.index().of_person(b.0, filter) {
            if let Some(&left) = mine.get(&app.work) {
                let s = SharedWork {
                    work: self.graph.wid(app.work),
                    left,
                    right: Credited::of(&self.graph, &app),
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
