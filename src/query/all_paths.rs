//! Every shortest path between two people, capped, with the count of all.

use std::fmt;

use crate::algo::{Bfs, UNREACHED};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::PersonId;
use crate::query::by_name;
use crate::query::path::{Path, Step};

/// Options of [`Explorer::all_shortest_paths`]: how many paths to return.
///
/// # Example
///
/// ```
/// use hallyu::query::AllPathsOptions;
///
/// assert_eq!(AllPathsOptions::new().get_limit(), AllPathsOptions::DEFAULT_LIMIT);
/// assert_eq!(AllPathsOptions::new().limit(5).get_limit(), 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllPathsOptions {
    limit: usize,
}

impl AllPathsOptions {
    /// The number of paths returned unless [`AllPathsOptions::limit`] says
    /// otherwise: 100.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    ///
    /// assert_eq!(AllPathsOptions::DEFAULT_LIMIT, 100);
    /// assert_eq!(AllPathsOptions::default().get_limit(), AllPathsOptions::DEFAULT_LIMIT);
    /// ```
    pub const DEFAULT_LIMIT: usize = 100;

    /// At most [`AllPathsOptions::DEFAULT_LIMIT`] paths.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    ///
    /// let options = AllPathsOptions::new();
    /// assert_eq!(options.get_limit(), 100);
    /// assert_eq!(options, AllPathsOptions::default());
    /// ```
    pub fn new() -> AllPathsOptions {
        AllPathsOptions {
            limit: AllPathsOptions::DEFAULT_LIMIT,
        }
    }

    /// Returns at most `limit` paths (the count of all of them is still
    /// exact).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let two = explorer.all_shortest_paths(a, b, &AllPathsOptions::new().limit(2), &f);
    /// assert_eq!((two.len(), two.count()), (2, 11));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn limit(mut self, limit: usize) -> AllPathsOptions {
        self.limit = limit;
        self
    }

    /// The most paths returned.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    ///
    /// assert_eq!(AllPathsOptions::new().limit(3).get_limit(), 3);
    /// assert_eq!(AllPathsOptions::new().limit(0).get_limit(), 0);
    /// ```
    pub fn get_limit(&self) -> usize {
        self.limit
    }
}

impl Default for AllPathsOptions {
    fn default() -> AllPathsOptions {
        AllPathsOptions::new()
    }
}

/// The shortest paths between two people, created by
/// [`Explorer::all_shortest_paths`].
///
/// Prints a header line (`2 shortest paths of 2 hops`), then each path as
/// [`Path`] prints it, separated by blank lines.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let a = explorer.person("Park Seo-joon")?;
/// let b = explorer.person("Choi Woo-shik")?;
/// let all = explorer.all_shortest_paths(a, b, &hallyu::query::AllPathsOptions::new(), &Filter::new());
/// assert_eq!((all.distance(), all.count()), (Some(1), 1));
/// assert!(all.to_string().starts_with("1 shortest path of 1 hop from Park Seo-joon to Choi Woo-shik"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AllShortestPaths<'e> {
    #[cfg_attr(feature = "serde", serde(skip))]
    explorer: &'e Explorer,
    from: PersonId,
    to: PersonId,
    distance: Option<usize>,
    count: u64,
    paths: Vec<Path<'e>>,
}

impl<'e> AllShortestPaths<'e> {
    /// The paths returned, at most the limit of the options, ordered by
    /// the names of the people along them.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// let first = &all.paths()[0];
    /// let names: Vec<&str> = first.people().iter().map(|&p| explorer.get(p).name()).collect();
    /// assert_eq!(names, ["Song Joong-ki", "Kim Jong-kook", "Kim Soo-hyun", "Seo Yea-ji"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn paths(&self) -> &[Path<'e>] {
        &self.paths
    }

    /// Iterates over the paths returned.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let min_young = explorer.person("Park Min-young")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// // Six of the eleven go through Park Min-young first.
    /// assert_eq!(all.iter().filter(|p| p.people()[1] == min_young).count(), 6);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Path<'e>> {
        self.paths.iter()
    }

    /// The number of paths returned.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &f);
    /// assert_eq!(all.len(), 11);
    /// let three = explorer.all_shortest_paths(a, b, &AllPathsOptions::new().limit(3), &f);
    /// assert_eq!(three.len(), 3);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no path was returned (no chain connects the two people, or
    /// the limit is 0).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Park Seo-joon")?;
    /// let b = explorer.person("Kim So-hyun")?;
    /// // Through music videos only, they are in different components.
    /// let videos = Filter::new().kinds([WorkKind::MusicVideo]);
    /// let none = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &videos);
    /// assert!(none.is_empty());
    /// assert_eq!((none.distance(), none.count()), (None, 0));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The number of all shortest paths, returned or not: 1 when both ends
    /// are one person, 0 when no chain connects them. Counted by dynamic
    /// programming over the breadth-first layers, not by enumeration. It
    /// saturates at `u64::MAX`: then [`AllShortestPaths::count_is_exact`]
    /// is false and the answer reads "at least".
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let one = explorer.all_shortest_paths(a, b, &AllPathsOptions::new().limit(1), &f);
    /// assert_eq!(one.count(), 11); // all of them, though one is returned
    /// let me = explorer.all_shortest_paths(a, a, &AllPathsOptions::new(), &f);
    /// assert_eq!((me.count(), me.distance()), (1, Some(0)));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether [`AllShortestPaths::count`] is the exact number (false when
    /// there are more than `u64::MAX` shortest paths).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert!(all.count_is_exact());
    /// assert!(all.to_string().starts_with("11 shortest paths of 3 hops"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn count_is_exact(&self) -> bool {
        self.count < u64::MAX
    }

    /// Whether some shortest paths were left out by the limit.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &f);
    /// assert!(!all.is_truncated());
    /// let five = explorer.all_shortest_paths(a, b, &AllPathsOptions::new().limit(5), &f);
    /// assert!(five.is_truncated());
    /// let header = "11 shortest paths of 3 hops from Song Joong-ki to Seo Yea-ji (showing 5)";
    /// assert!(five.to_string().starts_with(header));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_truncated(&self) -> bool {
        (self.paths.len() as u64) < self.count
    }

    /// The length of every shortest path (hops), or `None` when no chain
    /// connects the two people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert_eq!(all.distance(), Some(3));
    /// assert_eq!(all.distance(), explorer.distances(a, &Filter::new()).distance(b));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn distance(&self) -> Option<usize> {
        self.distance
    }

    /// The first person.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert_eq!(explorer.get(all.from()).name(), "Song Joong-ki");
    /// assert!(all.iter().all(|p| p.start() == all.from()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from(&self) -> PersonId {
        self.from
    }

    /// The last person.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert_eq!(explorer.get(all.to()).name(), "Seo Yea-ji");
    /// assert!(all.iter().all(|p| p.end() == all.to()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn to(&self) -> PersonId {
        self.to
    }

    /// The explorer the paths came from.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert!(std::ptr::eq(all.explorer(), &explorer));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl<'a, 'e> IntoIterator for &'a AllShortestPaths<'e> {
    type Item = &'a Path<'e>;
    type IntoIter = std::slice::Iter<'a, Path<'e>>;

    fn into_iter(self) -> Self::IntoIter {
        self.paths.iter()
    }
}

impl fmt::Display for AllShortestPaths<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explorer;
        let Some(d) = self.distance else {
            return writeln!(
                f,
                "No chain of shared works connects {} and {}.",
                e.display_name(self.from.into()),
                e.display_name(self.to.into())
            );
        };
        write!(
            f,
            "{}{} shortest path{} of {d} hop{} from {} to {}",
            if self.count_is_exact() {
                ""
            } else {
                "at least "
            },
            self.count,
            if self.count == 1 { "" } else { "s" },
            if d == 1 { "" } else { "s" },
            e.display_name(self.from.into()),
            e.display_name(self.to.into())
        )?;
        if self.is_truncated() {
            write!(f, " (showing {})", self.paths.len())?;
        }
        writeln!(f)?;
        for p in &self.paths {
            write!(f, "\n{p}")?;
        }
        Ok(())
    }
}

impl Explorer {
    /// Every shortest chain of shared works from `a` to `b` (up to the
    /// options' limit, 100 by default), with the number of all of them.
    ///
    /// Two paths differ when their sequences of people differ: this is the
    /// set of shortest paths of the person co-appearance graph (as
    /// NetworkX's `all_shortest_paths` on [`Explorer::projection`]). Each hop
    /// is explained by the earliest work the two people share (all of them
    /// are in [`Explorer::shared_works`]). Paths are ordered by the names of
    /// the people along them; the count is exact even when the paths are
    /// capped.
    ///
    /// Runs two breadth-first searches on the compact index (from `a`, and
    /// from `b` up to the distance found), then counts and lists paths on
    /// the layers between them. The count never enumerates paths, and the
    /// listing stops at the limit (every branch it follows ends at `b`), so
    /// the work and memory are bounded by the limit even when there are
    /// astronomically many shortest paths; a limit of `usize::MAX` lists
    /// them all.
    ///
    /// # Panics
    ///
    /// When `a` or `b` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::AllPathsOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Song Joong-ki")?;
    /// let b = explorer.person("Seo Yea-ji")?;
    /// let all = explorer.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    /// assert_eq!(all.distance(), Some(3));
    /// assert_eq!((all.len(), all.count()), (11, 11));
    /// assert!(all.iter().all(|p| p.len() == 3 && p.start() == a && p.end() == b));
    /// println!("{all}");
    ///
    /// let some = explorer.all_shortest_paths(a, b, &AllPathsOptions::new().limit(4), &Filter::new());
    /// assert_eq!((some.len(), some.count()), (4, 11)); // the count is of all of them
    /// assert!(some.is_truncated());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn all_shortest_paths(
        &self,
        a: PersonId,
        b: PersonId,
        options: &AllPathsOptions,
        filter: &Filter,
    ) -> AllShortestPaths<'_> {
        let mut out = AllShortestPaths {
            explorer: self,
            from: a,
            to: b,
            distance: None,
            count: 0,
            paths: Vec::new(),
        };
        self.check_all(&[a, b]);
        let people = self.people().len();
        let mut from_a = Bfs::new(self.graph.index(), filter);
        from_a.run_all(a.0);
        let d = from_a.dist[b.index()];
        if d == UNREACHED {
            return out;
        }
        out.distance = Some(d as usize);
        if a == b {
            out.count = 1;
            if options.limit > 0 {
                out.paths.push(Path::new(self, a, Vec::new()));
            }
            return out;
        }
        let mut from_b = Bfs::new(self.graph.index(), filter);
        from_b.run(b.0, d, usize::MAX);
        let (da, db) = (&from_a.dist, &from_b.dist);
        let on_path = |v: u32| {
            let (x, y) = (da[v as usize], db[v as usize]);
            x != UNREACHED && y != UNREACHED && x + y == d
        };

        // Path counts, layer by layer: sigma[v] = number of shortest paths a → v.
        let mut walk = Bfs::new(self.graph.index(), filter);
        let mut sigma = vec![0u64; people];
        sigma[a.index()] = 1;
        // `from_a.order` is in order of distance; the nodes on a path come in layers.
        for &v in from_a.order.iter().filter(|&&v| v != a.0 && on_path(v)) {
            let level = da[v as usize];
            let mut s = 0u64;
            walk.costars(v, |u| {
                if da[u as usize] + 1 == level && on_path(u) {
                    s = s.saturating_add(sigma[u as usize]);
                }
            });
            sigma[v as usize] = s;
        }
        out.count = sigma[b.index()];

        // The paths themselves, in name order, until the limit.
        let mut people_on: Vec<u32> = vec![a.0];
        let mut found: Vec<Vec<u32>> = Vec::new();
        let next = |u: u32, walk: &mut Bfs<'_>| -> Vec<u32> {
            let level = da[u as usize] + 1;
            let mut v: Vec<u32> = Vec::new();
            walk.costars(u, |q| {
                if da[q as usize] == level && on_path(q) {
                    v.push(q);
                }
            });
            v.sort_by(|&x, &y| by_name(self, x, y));
            v
        };
        let mut stack: Vec<(Vec<u32>, usize)> = vec![(next(a.0, &mut walk), 0)];
        while let Some((succ, i)) = stack.last_mut() {
            if found.len() >= options.limit {
                break;
            }
            let Some(&v) = succ.get(*i) else {
                stack.pop();
                people_on.pop();
                continue;
            };
            *i += 1;
            people_on.push(v);
            if v == b.0 {
                found.push(people_on.clone());
                people_on.pop();
            } else {
                let s = next(v, &mut walk);
                stack.push((s, 0));
            }
        }
        out.paths = found
            .into_iter()
            .map(|people| self.path_through(&people, filter))
            .collect();
        out
    }

    /// The path along these people (each consecutive pair shares a work),
    /// each hop explained by the earliest shared work.
    pub(crate) fn path_through(&self, people: &[u32], filter: &Filter) -> Path<'_> {
        let steps = people
            .windows(2)
            .map(|pair| {
                let (from, to) = (self.graph.pid(pair[0]), self.graph.pid(pair[1]));
                let shared = self.shared_works(from, to, filter);
                let s = shared
                    .first()
                    .expect("consecutive people on a path share a work");
                Step {
                    from,
                    from_credit: s.left,
                    work: self.graph.wid(s.work.0),
                    to_credit: s.right,
                    to,
                }
            })
            .collect();
        Path::new(self, self.graph.pid(people[0]), steps)
    }
}
