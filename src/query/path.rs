//! Shortest paths between two people, person → work → person, that explain
//! every hop.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::{Appearance, IdMap, TraversalIndex};
use crate::id::{Entity, PersonId, WorkId};
use crate::query::costars::Credited;

/// One hop of a [`Path`]: two people and the work they share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    /// The person the hop starts from.
    pub from: PersonId,
    /// How `from` is credited on the work.
    pub from_credit: Credited,
    /// The shared work.
    pub work: WorkId,
    /// How `to` is credited on the work.
    pub to_credit: Credited,
    /// The person the hop arrives at.
    pub to: PersonId,
}

/// A shortest chain of co-appearances, created by
/// [`Explorer::shortest_path`].
///
/// It alternates person → work → person and never passes through a group
/// or an organisation. It prints one line per hop:
///
/// ```text
/// Park Seo-joon —cast (cameo) as director of a talk show in→ Gyopo Hairstyle (2021) ←cast (cameo) as photographer in— Choi Woo-shik
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Path<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    start: PersonId,
    steps: Vec<Step>,
}

impl<'e> Path<'e> {
    pub(crate) fn new(explorer: &'e Explorer, start: PersonId, steps: Vec<Step>) -> Path<'e> {
        Path {
            explorer,
            start,
            steps,
        }
    }

    /// The hops, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The number of hops (shared works); 0 when both ends are one person.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the path has no hop (it starts where it ends).
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The people along the path, both ends included.
    pub fn people(&self) -> Vec<PersonId> {
        std::iter::once(self.start)
            .chain(self.steps.iter().map(|s| s.to))
            .collect()
    }

    /// The works along the path.
    pub fn works(&self) -> Vec<WorkId> {
        self.steps.iter().map(|s| s.work).collect()
    }

    /// The first person.
    pub fn start(&self) -> PersonId {
        self.start
    }

    /// The last person.
    pub fn end(&self) -> PersonId {
        self.steps.last().map_or(self.start, |s| s.to)
    }

    /// The explorer the path came from.
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        if self.steps.is_empty() {
            return writeln!(f, "{}", e.display_name(self.start.into()));
        }
        for s in &self.steps {
            writeln!(
                f,
                "{} —{} in→ {} ←{} in— {}",
                e.display_name(s.from.into()),
                s.from_credit.describe(e),
                e.label(Entity::Work(s.work)),
                s.to_credit.describe(e),
                e.display_name(s.to.into())
            )?;
        }
        Ok(())
    }
}

/// What the search remembers of a reached person: how it was reached.
#[derive(Clone, Copy)]
struct Reached {
    depth: u32,
    /// (previous person, the appearance of the previous person, the
    /// appearance of this person), or `None` at the root.
    via: Option<(u32, Appearance, Appearance)>,
}

impl Explorer {
    /// The shortest chain of shared works from `a` to `b`, or `None` when
    /// no chain exists under the filter.
    ///
    /// Found by bidirectional breadth-first search on the compact index
    /// (the smaller frontier is expanded first), touching only the people
    /// and works it reaches. Ties are broken deterministically by data
    /// order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Park Seo-joon")?;
    /// let b = explorer.person("Choi Woo-shik")?;
    /// let path = explorer.shortest_path(a, b, &Filter::new()).expect("they share a work");
    /// assert_eq!(path.len(), 1);
    /// println!("{path}");
    ///
    /// let nobody = explorer.person("Tamar Herman")?; // named by the article, in no work
    /// assert!(explorer.shortest_path(a, nobody, &Filter::new()).is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn shortest_path(&self, a: PersonId, b: PersonId, filter: &Filter) -> Option<Path<'_>> {
        let steps = bidirectional(&self.graph.index, a.0, b.0, filter)?;
        Some(Path::new(self, a, steps))
    }
}

/// Bidirectional BFS over person → work → person hops. Returns the steps
/// from `a` to `b`.
pub(crate) fn bidirectional(
    index: &TraversalIndex,
    a: u32,
    b: u32,
    filter: &Filter,
) -> Option<Vec<Step>> {
    if a as usize >= index.people() || b as usize >= index.people() {
        return None;
    }
    if a == b {
        return Some(Vec::new());
    }
    let mut seen = [IdMap::default(), IdMap::default()];
    seen[0].insert(
        a,
        Reached {
            depth: 0,
            via: None,
        },
    );
    seen[1].insert(
        b,
        Reached {
            depth: 0,
            via: None,
        },
    );
    let mut frontier = [vec![a], vec![b]];
    let mut works_done = [IdMap::<()>::default(), IdMap::default()];
    loop {
        if frontier[0].is_empty() || frontier[1].is_empty() {
            return None;
        }
        // Expand the side whose frontier is smaller.
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let other = 1 - side;
        let mut next = Vec::new();
        let mut best: Option<(u32, u32)> = None; // (total length, meeting person)
        for &p in &frontier[side] {
            let depth = seen[side][&p].depth;
            for mine in index.of_person(p, filter) {
                if works_done[side].insert(mine.work, ()).is_some() {
                    continue;
                }
                for theirs in index.in_work(mine.work, filter) {
                    let q = theirs.person;
                    if seen[side].contains_key(&q) {
                        continue;
                    }
                    seen[side].insert(
                        q,
                        Reached {
                            depth: depth + 1,
                            via: Some((p, *mine, *theirs)),
                        },
                    );
                    next.push(q);
                    if let Some(r) = seen[other].get(&q) {
                        let total = depth + 1 + r.depth;
                        if best.is_none_or(|(t, _)| total < t) {
                            best = Some((total, q));
                        }
                    }
                }
            }
        }
        if let Some((_, meet)) = best {
            return Some(assemble(&seen, side, meet));
        }
        frontier[side] = next;
    }
}

/// Rebuilds the steps a → meet → b from both sides' parent links.
fn assemble(seen: &[IdMap<Reached>; 2], _side: usize, meet: u32) -> Vec<Step> {
    // Side 0 grew from a; its links point back towards a.
    let mut front = Vec::new();
    let mut cur = meet;
    while let Some((prev, prev_app, cur_app)) = seen[0][&cur].via {
        front.push(Step {
            from: PersonId(prev),
            from_credit: Credited::of(&prev_app),
            work: WorkId(prev_app.work),
            to_credit: Credited::of(&cur_app),
            to: PersonId(cur),
        });
        cur = prev;
    }
    front.reverse();
    // Side 1 grew from b; its links point back towards b.
    let mut cur = meet;
    while let Some((prev, prev_app, cur_app)) = seen[1][&cur].via {
        front.push(Step {
            from: PersonId(cur),
            from_credit: Credited::of(&cur_app),
            work: WorkId(prev_app.work),
            to_credit: Credited::of(&prev_app),
            to: PersonId(prev),
        });
        cur = prev;
    }
    front
}
