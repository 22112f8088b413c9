//! Whole-graph distance measures at IMDb scale, on the main component of
//! the filter's graph: every person's mean distance and eccentricity by
//! multi-source bit-parallel search ([`Explorer::centre_all`]), the exact
//! top-k centre without the whole run ([`Explorer::centre_top`]), and the
//! exact diameter and radius ([`Explorer::diameter`]).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::algo::multi::{LevelEnd, MultiBfs, with_searchers};
use crate::algo::sampled::Rng;
use crate::algo::{Levels, levels, ones, shared_works};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::compact::Compact;
use crate::id::PersonId;
use crate::query::by_name;
use crate::query::distance::CentreEntry;
use crate::query::path::Path;

/// How [`Explorer::centre_all`] and [`Explorer::centre_top`] run: where to
/// start, how many threads and searches per pass, a progress callback and
/// a cancellation flag.
///
/// # Example
///
/// ```
/// use hallyu::query::CentreOptions;
///
/// let options = CentreOptions::new().start(128).threads(2).lanes(64);
/// assert_eq!(options.get_lanes(), 64);
/// ```
pub struct CentreOptions<'a> {
    start: usize,
    threads: usize,
    lanes: usize,
    samples: usize,
    seed: u64,
    progress: Option<Box<dyn FnMut(CentreProgress) -> ControlFlow<()> + 'a>>,
    cancel: Option<&'a AtomicBool>,
}

impl fmt::Debug for CentreOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CentreOptions")
            .field("start", &self.start)
            .field("threads", &self.threads)
            .field("lanes", &self.lanes)
            .field("samples", &self.samples)
            .field("seed", &self.seed)
            .finish_non_exhaustive()
    }
}

impl Default for CentreOptions<'_> {
    fn default() -> Self {
        CentreOptions::new()
    }
}

impl<'a> CentreOptions<'a> {
    /// From the first person, on every core, 256 searches per pass, 256
    /// samples for [`Explorer::centre_top`], no progress callback.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    ///
    /// let options = CentreOptions::new();
    /// assert_eq!(options.get_lanes(), 256);
    /// assert!(format!("{options:?}").starts_with("CentreOptions { start: 0,"));
    /// ```
    pub fn new() -> CentreOptions<'a> {
        CentreOptions {
            start: 0,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            lanes: 256,
            samples: 256,
            seed: 0,
            progress: None,
            cancel: None,
        }
    }

    /// Starts at this position of the component's search order (see
    /// [`Explorer::centre_all`]), to resume an interrupted run from
    /// [`CentreRun::next`].
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let mut rows = Vec::new();
    /// let run = explorer.centre_all(CentreOptions::new().start(80), &Filter::new(), |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!((run.start, run.next, run.component_size), (80, 81, 81));
    /// assert_eq!(rows.len(), 1); // the last of the search order
    /// assert_eq!((explorer.get(rows[0].person).name(), rows[0].position), ("Lee Jong-suk", 80));
    /// ```
    pub fn start(mut self, position: usize) -> Self {
        self.start = position;
        self
    }

    /// Runs on this many threads (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let one = explorer.centre_top(3, CentreOptions::new().threads(1), &f);
    /// let two = explorer.centre_top(3, CentreOptions::new().threads(2), &f);
    /// assert_eq!(one.entries(), two.entries());
    /// ```
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// Runs this many searches per pass: 64, 128 or 256 (rounded up to one
    /// of them, at most 256). Each thread keeps two bit vectors of this
    /// width per person and one per work.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let mut passes = 0;
    /// let options = CentreOptions::new().lanes(64).progress(|_| {
    ///     passes += 1;
    ///     ControlFlow::Continue(())
    /// });
    /// let run = explorer.centre_all(options, &Filter::new(), |_| ControlFlow::Continue(()));
    /// assert_eq!(run.component_size, 81);
    /// assert_eq!(passes, 2); // 64 searches, then 17
    /// ```
    pub fn lanes(mut self, lanes: usize) -> Self {
        self.lanes = lanes;
        self
    }

    /// The searches per pass, as [`CentreOptions::lanes`] rounds them.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    ///
    /// assert_eq!(CentreOptions::new().get_lanes(), 256);
    /// assert_eq!(CentreOptions::new().lanes(100).get_lanes(), 128);
    /// ```
    pub fn get_lanes(&self) -> usize {
        match self.lanes {
            0..=64 => 64,
            65..=128 => 128,
            _ => 256,
        }
    }

    /// How many random sources [`Explorer::centre_top`] samples to order
    /// its candidates (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let few = explorer.centre_top(3, CentreOptions::new().samples(10), &f);
    /// assert_eq!(few.samples(), 10);
    /// // The samples only order the work: the answer is the same.
    /// assert_eq!(few.entries(), explorer.centre_top(3, CentreOptions::new(), &f).entries());
    /// ```
    pub fn samples(mut self, samples: usize) -> Self {
        self.samples = samples.max(1);
        self
    }

    /// The seed of the sampling.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let a = explorer.centre_top(3, CentreOptions::new().samples(8).seed(1), &f);
    /// let b = explorer.centre_top(3, CentreOptions::new().samples(8).seed(2), &f);
    /// assert_eq!(a.entries(), b.entries()); // exact whatever the sample
    /// ```
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Calls `f` after every pass; the run stops when it breaks.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// // Stop after the first pass.
    /// let options = CentreOptions::new().lanes(64).progress(|_| ControlFlow::Break(()));
    /// let run = explorer.centre_all(options, &Filter::new(), |_| ControlFlow::Continue(()));
    /// assert!(run.stopped);
    /// assert_eq!(run.next, 64); // resume from there with `start(64)`
    /// ```
    pub fn progress(mut self, f: impl FnMut(CentreProgress) -> ControlFlow<()> + 'a) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// Stops the run, after the passes under way, once `flag` is set (from
    /// another thread, or a signal handler).
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use std::sync::atomic::AtomicBool;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let cancelled = AtomicBool::new(true); // set by another thread, say
    /// let options = CentreOptions::new().lanes(64).cancel(&cancelled);
    /// let mut rows = 0;
    /// let run = explorer.centre_all(options, &Filter::new(), |_| {
    ///     rows += 1;
    ///     ControlFlow::Continue(())
    /// });
    /// assert!(run.stopped);
    /// assert_eq!((rows, run.next), (64, 64)); // the pass under way was finished
    /// ```
    pub fn cancel(mut self, flag: &'a AtomicBool) -> Self {
        self.cancel = Some(flag);
        self
    }
}

/// How far a run has got, given to [`CentreOptions::progress`].
///
/// # Example
///
/// ```
/// use std::ops::ControlFlow;
/// use hallyu::query::CentreOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let mut seen = Vec::new();
/// let options = CentreOptions::new().lanes(64).progress(|p| {
///     seen.push((p.done, p.total));
///     ControlFlow::Continue(())
/// });
/// explorer.centre_all(options, &Filter::new(), |_| ControlFlow::Continue(()));
/// assert_eq!(seen, [(64, 81), (81, 81)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct CentreProgress {
    /// People done (searches complete, or pruned by [`Explorer::centre_top`]).
    pub done: usize,
    /// People to do in all.
    pub total: usize,
    /// Time since the run started.
    pub elapsed: Duration,
}

/// One person's distances to everyone else of the main component, given to
/// the sink of [`Explorer::centre_all`].
///
/// # Example
///
/// ```
/// use std::ops::ControlFlow;
/// use hallyu::query::{CentreOptions, PersonCentre};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let mut rows: Vec<PersonCentre> = Vec::new();
/// explorer.centre_all(CentreOptions::new(), &Filter::new(), |row| {
///     rows.push(row);
///     ControlFlow::Continue(())
/// });
/// let first = &rows[0]; // the person with the most works
/// assert_eq!(explorer.get(first.person).name(), "Park Seo-joon");
/// assert_eq!(first.position, 0);
/// assert_eq!(first.histogram, [1, 21, 41, 16, 2]);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PersonCentre {
    /// The person.
    pub person: PersonId,
    /// Their position in the component's search order (see
    /// [`Explorer::centre_all`]): pass `position + 1` to
    /// [`CentreOptions::start`] to resume after them.
    pub position: usize,
    /// `histogram[k]` people at distance `k` (entry 0 is the person).
    pub histogram: Vec<usize>,
}

impl PersonCentre {
    /// The mean distance to the rest of the component (`None` when alone).
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let mut rows = Vec::new();
    /// explorer.centre_of(&[iu], CentreOptions::new(), &Filter::new(), |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(rows[0].mean_distance(), Some(2.25)); // 180 / 80
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn mean_distance(&self) -> Option<f64> {
        let others: usize = self.histogram.iter().sum::<usize>() - 1;
        (others > 0).then(|| self.farness() as f64 / others as f64)
    }

    /// The sum of the distances to the rest of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let mut rows = Vec::new();
    /// explorer.centre_of(&[iu], CentreOptions::new(), &Filter::new(), |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(rows[0].histogram, [1, 11, 39, 29, 1]);
    /// assert_eq!(rows[0].farness(), 11 + 2 * 39 + 3 * 29 + 4);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn farness(&self) -> u64 {
        self.histogram
            .iter()
            .enumerate()
            .map(|(k, &n)| k as u64 * n as u64)
            .sum()
    }

    /// The greatest distance to anyone of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let iu = explorer.person("IU")?;
    /// let mut rows = Vec::new();
    /// explorer.centre_of(&[iu], CentreOptions::new(), &f, |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(rows[0].eccentricity(), 4);
    /// assert_eq!(rows[0].eccentricity(), explorer.distances(iu, &f).eccentricity());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn eccentricity(&self) -> usize {
        self.histogram.len() - 1
    }
}

/// What a run of [`Explorer::centre_all`] did.
///
/// # Example
///
/// ```
/// use std::ops::ControlFlow;
/// use hallyu::query::{CentreOptions, CentreRun};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let run: CentreRun =
///     explorer.centre_all(CentreOptions::new(), &Filter::new(), |_| ControlFlow::Continue(()));
/// assert_eq!((run.component_size, run.start, run.next, run.stopped), (81, 0, 81, false));
/// // 16 people without a counted credit, and Yoon Eun-hye alone on her work.
/// assert_eq!((run.left_out, run.other_components), (16, 1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CentreRun {
    /// The number of people of the main component.
    pub component_size: usize,
    /// The position the run started from.
    pub start: usize,
    /// The first position not written: where to resume.
    pub next: usize,
    /// Whether it stopped early (cancelled, or the sink or the progress
    /// callback broke).
    pub stopped: bool,
    /// People who are not nodes of the filter's graph.
    pub left_out: usize,
    /// Nodes outside the main component (not measured).
    pub other_components: usize,
}

/// The exact top of the centre ranking, created by
/// [`Explorer::centre_top`].
///
/// # Example
///
/// ```
/// use hallyu::query::{CentreOptions, CentreTop};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let top: CentreTop<'_> = explorer.centre_top(2, CentreOptions::new(), &Filter::new());
/// assert!(top.to_string().starts_with("exact top 2 of 81 people"));
/// assert_eq!(explorer.get(top.entries()[0].person).name(), "Park Seo-joon");
/// ```
#[derive(Clone, Debug)]
pub struct CentreTop<'e> {
    explorer: &'e Explorer,
    entries: Vec<CentreEntry>,
    complete: usize,
    pruned: usize,
    samples: usize,
    component_size: usize,
}

impl<'e> CentreTop<'e> {
    /// The best centres, best first (as [`Explorer::centre_ranking`] ranks
    /// them: mean distance, then name).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let top = explorer.centre_top(3, CentreOptions::new(), &Filter::new());
    /// let names: Vec<&str> =
    ///     top.entries().iter().map(|c| explorer.get(c.person).name()).collect();
    /// assert_eq!(names, ["Park Seo-joon", "Park Hyung-sik", "Park Bo-young"]);
    /// assert_eq!(top.entries()[0].mean_distance, Some(1.9875));
    /// ```
    pub fn entries(&self) -> &[CentreEntry] {
        &self.entries
    }

    /// Always true: every other person of the component was ruled out by
    /// a proven lower bound on their mean distance, none by the estimate.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let top = explorer.centre_top(5, CentreOptions::new().samples(1), &f);
    /// assert!(top.is_exact());
    /// assert_eq!(top.entries(), &explorer.centre_ranking(&f).as_slice()[..5]);
    /// ```
    pub fn is_exact(&self) -> bool {
        true
    }

    /// Searches run to the end.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// // The top 81 of 81 people needs every search to its end.
    /// let all = explorer.centre_top(81, CentreOptions::new(), &Filter::new());
    /// assert_eq!(all.complete_searches(), 81);
    /// // Fewer may do for the top 1 (how many depends on the order the threads
    /// // finish in), but every person is searched, completely or not.
    /// let one = explorer.centre_top(1, CentreOptions::new(), &Filter::new());
    /// assert_eq!(one.complete_searches() + one.pruned_searches(), one.component_size());
    /// ```
    pub fn complete_searches(&self) -> usize {
        self.complete
    }

    /// Searches stopped early by the bound.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// // Nobody can be ruled out of the top 81 of 81 people.
    /// let all = explorer.centre_top(81, CentreOptions::new(), &Filter::new());
    /// assert_eq!(all.pruned_searches(), 0);
    /// let one = explorer.centre_top(1, CentreOptions::new(), &Filter::new());
    /// assert_eq!(one.pruned_searches(), one.component_size() - one.complete_searches());
    /// ```
    pub fn pruned_searches(&self) -> usize {
        self.pruned
    }

    /// Sources sampled to order the candidates.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let top = explorer.centre_top(1, CentreOptions::new(), &Filter::new());
    /// assert_eq!(top.samples(), 81); // 256 asked, at most the component's people
    /// ```
    pub fn samples(&self) -> usize {
        self.samples
    }

    /// The number of people of the main component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let top = explorer.centre_top(1, CentreOptions::new(), &f);
    /// assert_eq!(top.component_size(), 81);
    /// assert_eq!(top.component_size(), explorer.components(&f).largest().unwrap().people.len());
    /// ```
    pub fn component_size(&self) -> usize {
        self.component_size
    }

    /// The explorer the answer came from.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let top = explorer.centre_top(1, CentreOptions::new(), &Filter::new());
    /// assert!(std::ptr::eq(top.explorer(), &explorer));
    /// ```
    pub fn explorer(&self) -> &'e Explorer {
        self.explorer
    }
}

impl fmt::Display for CentreTop<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "exact top {} of {} people ({} complete searches, {} pruned):",
            self.entries.len(),
            self.component_size,
            self.complete,
            self.pruned
        )?;
        for (i, c) in self.entries.iter().enumerate() {
            writeln!(
                f,
                "{:>3}. {:<28} mean {:.4}  eccentricity {}",
                i + 1,
                self.explorer.display_name(c.person.into()),
                c.mean_distance.unwrap_or(0.0),
                c.eccentricity
            )?;
        }
        Ok(())
    }
}

/// The exact diameter and radius of the main component, created by
/// [`Explorer::diameter`].
///
/// # Example
///
/// ```
/// use hallyu::query::Diameter;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let d: Diameter<'_> = explorer.diameter(&Filter::new());
/// assert_eq!((d.diameter(), d.radius()), (6, 3));
/// assert!(d.to_string().starts_with("diameter 6, radius 3 (7 searches over 81 people)"));
/// ```
#[derive(Clone, Debug)]
pub struct Diameter<'e> {
    diameter: usize,
    radius: usize,
    path: Option<Path<'e>>,
    centre: Option<PersonId>,
    searches: usize,
    component_size: usize,
}

impl<'e> Diameter<'e> {
    /// The greatest distance between two people of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// assert_eq!(d.diameter(), 6);
    /// let ranking = explorer.centre_ranking(&f);
    /// assert_eq!(d.diameter(), ranking.iter().map(|c| c.eccentricity).max().unwrap());
    /// ```
    pub fn diameter(&self) -> usize {
        self.diameter
    }

    /// The smallest eccentricity of a person of the component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// assert_eq!(d.radius(), 3);
    /// assert_eq!(explorer.distances(d.centre().unwrap(), &f).eccentricity(), d.radius());
    /// ```
    pub fn radius(&self) -> usize {
        self.radius
    }

    /// A shortest path between two people farthest apart (`None` when the
    /// graph has no people).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// let path = d.path().unwrap();
    /// assert_eq!(path.len(), 6);
    /// let ends = (explorer.get(path.start()).name(), explorer.get(path.end()).name());
    /// assert_eq!(ends, ("Lee Jong-suk", "Yoon Doo-joon"));
    /// ```
    pub fn path(&self) -> Option<&Path<'e>> {
        self.path.as_ref()
    }

    /// A person whose eccentricity is the radius.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(explorer.get(d.centre().unwrap()).name(), "Park Min-young");
    /// ```
    pub fn centre(&self) -> Option<PersonId> {
        self.centre
    }

    /// The breadth-first searches it took.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(d.searches(), 7); // not one per person: 81
    /// ```
    pub fn searches(&self) -> usize {
        self.searches
    }

    /// The number of people of the main component.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let d = explorer.diameter(&Filter::new());
    /// assert_eq!(d.component_size(), 81); // Yoon Eun-hye, alone, is not measured
    /// ```
    pub fn component_size(&self) -> usize {
        self.component_size
    }
}

impl fmt::Display for Diameter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "diameter {}, radius {} ({} searches over {} people)",
            self.diameter, self.radius, self.searches, self.component_size
        )?;
        if let Some(p) = &self.path {
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// Runs `$body` with `$w` bound to the searcher width for `$lanes`.
macro_rules! by_width {
    ($lanes:expr, $f:ident ( $($arg:expr),* )) => {
        match $lanes {
            64 => $f::<1>($($arg),*),
            128 => $f::<2>($($arg),*),
            _ => $f::<4>($($arg),*),
        }
    };
}

type Batch = (usize, Vec<Vec<u64>>);

fn all_passes<const W: usize>(
    g: &Compact,
    sources: &[u32],
    threads: usize,
    stop: &AtomicBool,
    tx: mpsc::Sender<Batch>,
) {
    let lanes = MultiBfs::<W>::LANES;
    let chunks: Vec<&[u32]> = sources.chunks(lanes).collect();
    let next = AtomicUsize::new(0);
    with_searchers::<W, ()>(g, threads.min(chunks.len()), |bfs| {
        let tx = tx.clone();
        let mut hist = vec![Vec::new(); lanes];
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            if b >= chunks.len() || stop.load(Ordering::Relaxed) {
                return;
            }
            bfs.run(chunks[b], &mut hist, None, false, |_| [0; W]);
            let out = hist[..chunks[b].len()].to_vec();
            if tx.send((b, out)).is_err() {
                return;
            }
        }
    });
}

fn sample_pass<const W: usize>(g: &Compact, sources: &[u32], threads: usize) -> Vec<u64> {
    let lanes = MultiBfs::<W>::LANES;
    let chunks: Vec<&[u32]> = sources.chunks(lanes).collect();
    let next = AtomicUsize::new(0);
    let parts = with_searchers::<W, Vec<u64>>(g, threads.min(chunks.len()), |bfs| {
        let mut sums = vec![0u64; g.len()];
        let mut hist = vec![Vec::new(); lanes];
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(b) else {
                return sums;
            };
            bfs.run(chunk, &mut hist, Some(&mut sums), false, |_| [0; W]);
        }
    });
    let mut total = vec![0u64; g.len()];
    for part in parts {
        for (t, p) in total.iter_mut().zip(part) {
            *t += p;
        }
    }
    total
}

/// The result of one candidate search: local id, and the histogram when
/// the search ran to the end.
type Verdict = (u32, Option<Vec<u64>>);

fn verify_passes<const W: usize>(
    g: &Compact,
    order: &[u32],
    bounds: &[u64],
    threads: usize,
    threshold: &AtomicU64,
    stop: &AtomicBool,
    tx: mpsc::Sender<Vec<Verdict>>,
) {
    let lanes = MultiBfs::<W>::LANES;
    let n = g.len() as u64;
    let cursor = Mutex::new(0usize);
    with_searchers::<W, ()>(g, threads, |bfs| {
        let tx = tx.clone();
        let mut hist = vec![Vec::new(); lanes];
        let mut reached = vec![0u64; lanes];
        let mut sum = vec![0u64; lanes];
        let mut sources = Vec::with_capacity(lanes);
        loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            // The next candidates whose bound does not rule them out yet.
            let mut out: Vec<Verdict> = Vec::new();
            sources.clear();
            {
                let mut at = cursor.lock().expect("the cursor");
                let limit = threshold.load(Ordering::Relaxed);
                while *at < order.len() && sources.len() < lanes {
                    let p = order[*at];
                    *at += 1;
                    if bounds[p as usize] > limit {
                        out.push((p, None));
                    } else {
                        sources.push(p);
                    }
                }
            }
            if sources.is_empty() {
                if !out.is_empty() {
                    let _ = tx.send(out);
                    continue;
                }
                return;
            }
            reached.fill(1);
            sum.fill(0);
            bfs.run(&sources, &mut hist, None, true, |end: &LevelEnd<'_>| {
                let limit = threshold.load(Ordering::Relaxed);
                let d = u64::from(end.depth);
                let mut stop = [0u64; W];
                for i in 0..sources.len() {
                    reached[i] += end.count[i];
                    sum[i] += d * end.count[i];
                    let rest = n - reached[i];
                    let near = rest.min(end.next_bound[i]);
                    let bound = sum[i] + (d + 1) * near + (d + 2) * (rest - near);
                    if rest > 0 && bound > limit {
                        stop[i / 64] |= 1 << (i % 64);
                    }
                }
                stop
            });
            out.extend(sources.iter().zip(&hist).map(|(&s, h)| {
                let complete = h.iter().sum::<u64>() == n;
                (s, complete.then(|| h.clone()))
            }));
            if tx.send(out).is_err() {
                return;
            }
        }
    });
}

fn farness(h: &[u64]) -> u64 {
    h.iter().enumerate().map(|(k, &c)| k as u64 * c).sum()
}

impl Explorer {
    /// The distances from every person of the main component to everyone
    /// else of it, as the Oracle of Bacon's "Center of the Hollywood
    /// Universe" page lists them: one [`PersonCentre`] per person (mean
    /// distance, eccentricity, histogram), given to `sink` in the
    /// component's search order as passes complete.
    ///
    /// The search order is the order in which a breadth-first search from
    /// the person with the most works (the lowest id among equals) reaches
    /// the people: the same for the same graph and filter, so that a run
    /// resumes where it stopped. Each pass takes people that are next to
    /// each other in it, whose searches share most of their reads and end
    /// together; in id order, the same run takes about four times as long on
    /// the large synthetic set.
    ///
    /// Multi-source bit-parallel breadth-first search (Then et al., PVLDB
    /// 2014): each pass runs 64 to 256 searches at once as the bits of a
    /// word, on every thread of [`CentreOptions::threads`]. The run stops
    /// when the sink or [`CentreOptions::progress`] breaks, or when the flag
    /// of [`CentreOptions::cancel`] is set; [`CentreRun::next`] says where to
    /// resume ([`CentreOptions::start`]).
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let mut rows = Vec::new();
    /// let run = explorer.centre_all(CentreOptions::new(), &f, |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(rows.len(), run.component_size);
    /// let me = explorer.person("Park Seo-joon")?;
    /// let mine = rows.iter().find(|r| r.person == me).unwrap();
    /// assert_eq!(mine.histogram, explorer.distances(me, &f).histogram());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn centre_all(
        &self,
        options: CentreOptions<'_>,
        filter: &Filter,
        sink: impl FnMut(PersonCentre) -> ControlFlow<()>,
    ) -> CentreRun {
        let g = Compact::largest(self.graph.index(), filter).in_search_order();
        let start = options.start.min(g.len());
        let sources: Vec<u32> = (start as u32..g.len() as u32).collect();
        self.centre_rows(&g, &sources, start, options, sink)
    }

    /// [`Explorer::centre_all`] for some people only: one [`PersonCentre`]
    /// for each of `people` who is in the main component, in the order
    /// given (positions count from [`CentreOptions::start`] in that list);
    /// the others are skipped.
    ///
    /// # Panics
    ///
    /// When one of `people` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let mut rows = Vec::new();
    /// explorer.centre_of(&[me], CentreOptions::new(), &f, |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(rows[0].mean_distance(), explorer.distances(me, &f).mean());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn centre_of(
        &self,
        people: &[PersonId],
        options: CentreOptions<'_>,
        filter: &Filter,
        sink: impl FnMut(PersonCentre) -> ControlFlow<()>,
    ) -> CentreRun {
        self.check_all(people);
        let g = Compact::largest(self.graph.index(), filter).in_search_order();
        let sources: Vec<u32> = people.iter().filter_map(|p| g.local(p.0)).collect();
        let start = options.start.min(sources.len());
        let mut run = self.centre_rows(&g, &sources[start..], start, options, sink);
        run.stopped = run.next < sources.len();
        run
    }

    fn centre_rows(
        &self,
        g: &Compact,
        sources: &[u32],
        start: usize,
        mut options: CentreOptions<'_>,
        mut sink: impl FnMut(PersonCentre) -> ControlFlow<()>,
    ) -> CentreRun {
        let began = Instant::now();
        let n = g.len();
        let total = sources.len();
        let lanes = options.get_lanes();
        let stop = AtomicBool::new(false);
        let mut next = start;
        let mut done = 0usize;
        let mut stopped = false;
        let (tx, rx) = mpsc::channel::<Batch>();
        let threads = options.threads;
        std::thread::scope(|scope| {
            let stop = &stop;
            scope.spawn(move || by_width!(lanes, all_passes(g, sources, threads, stop, tx)));
            let mut pending = BTreeMap::new();
            let mut want = 0usize;
            for (b, hists) in rx {
                pending.insert(b, hists);
                while let Some(hists) = pending.remove(&want) {
                    want += 1;
                    if stopped {
                        continue;
                    }
                    for h in hists {
                        let row = PersonCentre {
                            person: self.graph.pid(g.people[sources[done] as usize]),
                            position: next,
                            histogram: h.iter().map(|&c| c as usize).collect(),
                        };
                        if sink(row).is_break() {
                            stopped = true;
                        }
                        next += 1;
                        done += 1;
                        if stopped {
                            break;
                        }
                    }
                    let progress = options.progress.as_mut().map(|f| {
                        f(CentreProgress {
                            done,
                            total,
                            elapsed: began.elapsed(),
                        })
                    });
                    let cancelled = options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
                    if cancelled || progress.is_some_and(|p| p.is_break()) {
                        stopped = true;
                    }
                    if stopped {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
        });
        CentreRun {
            component_size: n,
            start,
            next,
            stopped: stopped || done < total,
            left_out: self.people().len() - g.node_count,
            other_components: g.node_count - n,
        }
    }

    /// The `k` best centres of the main component, exactly, without a
    /// search from everyone.
    ///
    /// First a pass from [`CentreOptions::samples`] random people estimates
    /// everyone's sum of distances; then the people are searched in order
    /// of that estimate, 64 to 256 at a time (bit-parallel), and each
    /// search stops as soon as a proven lower bound on the person's sum of
    /// distances exceeds the `k`-th best complete sum so far (Bergamini et
    /// al., "Computing top-k closeness centrality faster in unweighted
    /// graphs", ALENEX 2016: after level `d`, the people not reached are at
    /// least `d + 1` away, and at most Σ (degree − 1) over level `d` of them
    /// at `d + 1`). The estimate only orders the work: the answer is exact
    /// ([`CentreTop::is_exact`]), ties broken by name as in
    /// [`Explorer::centre_ranking`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let top = explorer.centre_top(3, CentreOptions::new(), &f);
    /// assert!(top.is_exact());
    /// let ranking = explorer.centre_ranking(&f);
    /// assert_eq!(top.entries(), &ranking.as_slice()[..3]);
    /// ```
    pub fn centre_top(
        &self,
        k: usize,
        mut options: CentreOptions<'_>,
        filter: &Filter,
    ) -> CentreTop<'_> {
        let began = Instant::now();
        let g = Compact::largest(self.graph.index(), filter).in_search_order();
        let n = g.len();
        let lanes = options.get_lanes();
        let threads = options.threads;
        let mut top = CentreTop {
            explorer: self,
            entries: Vec::new(),
            complete: 0,
            pruned: 0,
            samples: 0,
            component_size: n,
        };
        if n == 0 || k == 0 {
            return top;
        }
        // Estimate: sums of distances from a sample of sources.
        let mut rng = Rng(options.seed ^ 0x6365_6e74_7265);
        let samples: Vec<u32> = (0..options.samples.min(n))
            .map(|_| g.by_id[rng.below(n)])
            .collect();
        top.samples = samples.len();
        let estimate = by_width!(lanes, sample_pass(&g, &samples, threads));
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&p| (estimate[p as usize], g.people[p as usize]));
        let bounds = g.farness_bounds(4);
        // Verify, best estimates first.
        let threshold = AtomicU64::new(u64::MAX);
        let stop = AtomicBool::new(false);
        // The k best complete searches: (farness, by name), kept sorted.
        let mut best: Vec<(u64, u32, usize)> = Vec::new();
        let (tx, rx) = mpsc::channel::<Vec<Verdict>>();
        let mut done = 0usize;
        std::thread::scope(|scope| {
            let (g, order, bounds, threshold, stop) = (&g, &order, &bounds, &threshold, &stop);
            scope.spawn(move || {
                by_width!(
                    lanes,
                    verify_passes(g, order, bounds, threads, threshold, stop, tx)
                )
            });
            for verdicts in rx {
                for (p, h) in verdicts {
                    done += 1;
                    let Some(h) = h else {
                        top.pruned += 1;
                        continue;
                    };
                    top.complete += 1;
                    let entry = (farness(&h), g.people[p as usize], h.len() - 1);
                    let pos = best.partition_point(|x| {
                        x.0 < entry.0 || x.0 == entry.0 && by_name(self, x.1, entry.1).is_lt()
                    });
                    if pos < k {
                        best.insert(pos, entry);
                        best.truncate(k);
                        if best.len() == k {
                            threshold.store(best[k - 1].0, Ordering::Relaxed);
                        }
                    }
                }
                let progress = options.progress.as_mut().map(|f| {
                    f(CentreProgress {
                        done,
                        total: n,
                        elapsed: began.elapsed(),
                    })
                });
                let cancelled = options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
                if cancelled || progress.is_some_and(|p| p.is_break()) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        });
        top.entries = best
            .into_iter()
            .map(|(far, p, ecc)| CentreEntry {
                person: self.graph.pid(p),
                component_size: n,
                mean_distance: (n > 1).then(|| far as f64 / (n - 1) as f64),
                eccentricity: ecc,
            })
            .collect();
        top
    }

    /// The exact diameter and radius of the main component of the filter's
    /// graph, with a shortest path between two people farthest apart and a
    /// person at the centre.
    ///
    /// The bounding algorithm of Takes and Kosters ("Determining the
    /// diameter of small world networks", CIKM 2011; the family of iFUB):
    /// every search from a person tightens bounds on everyone's
    /// eccentricity, alternating between the person with the highest upper
    /// bound and the one with the lowest lower bound, until the bounds meet.
    /// Tens of searches on small-world graphs, not one per person
    /// ([`Diameter::searches`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let f = Filter::new();
    /// let d = explorer.diameter(&f);
    /// let ranking = explorer.centre_ranking(&f);
    /// let eccentricities = ranking.iter().filter(|c| c.component_size == d.component_size());
    /// assert_eq!(d.diameter(), eccentricities.clone().map(|c| c.eccentricity).max().unwrap());
    /// assert_eq!(d.radius(), eccentricities.map(|c| c.eccentricity).min().unwrap());
    /// assert_eq!(d.path().unwrap().len(), d.diameter());
    /// ```
    pub fn diameter(&self, filter: &Filter) -> Diameter<'_> {
        let index = self.graph.index();
        let (shared, nodes) = shared_works(index, filter);
        let busiest = |people: &mut dyn Iterator<Item = u32>| {
            people.max_by_key(|&p| (shared[p as usize], std::cmp::Reverse(p)))
        };
        let mut out = Diameter {
            diameter: 0,
            radius: 0,
            path: None,
            centre: None,
            searches: 0,
            component_size: 0,
        };
        // Start from the person with the most shared works. Their component
        // is the main one when it holds more than half of the nodes (on
        // every set measured here); otherwise, or when no work is shared,
        // the components are labelled to find it.
        let Some(mut v) = busiest(&mut (0..index.people() as u32)) else {
            return out;
        };
        if nodes == 0 {
            return out;
        }
        let mut found = levels(index, v, filter);
        out.searches += 1;
        let mut open: Vec<u32> = ones(&found.reached).collect();
        if shared[v as usize] == 0 || 2 * open.len() <= nodes {
            let main = Compact::largest(index, filter).people;
            if main != open {
                v = busiest(&mut main.iter().copied()).expect("people");
                found = levels(index, v, filter);
                out.searches += 1;
                open = main;
            }
        }
        out.component_size = open.len();
        let mut lower = vec![0u32; index.people()];
        let mut upper = vec![u32::MAX; index.people()];
        let (mut dl, mut du) = (0u32, u32::MAX);
        let (mut rl, mut ru) = (0u32, u32::MAX);
        let mut ends = (v, v);
        let mut centre = v;
        let mut high = true;
        loop {
            let (ecc, far) = eccentricity(&found);
            let dist = &found.level;
            if ecc > dl {
                dl = ecc;
                ends = (v, far);
            }
            if ecc < ru {
                ru = ecc;
                centre = v;
            }
            for &w in &open {
                let (w, d) = (w as usize, dist[w as usize]);
                lower[w] = lower[w].max(d.max(ecc - d));
                upper[w] = upper[w].min(ecc + d);
            }
            open.retain(|&w| !(upper[w as usize] <= dl && lower[w as usize] >= ru));
            du = du.min(
                open.iter()
                    .map(|&w| upper[w as usize])
                    .max()
                    .unwrap_or(dl)
                    .max(dl),
            );
            rl = rl.max(
                open.iter()
                    .map(|&w| lower[w as usize])
                    .min()
                    .unwrap_or(ru)
                    .min(ru),
            );
            if (du <= dl && rl >= ru) || open.is_empty() {
                break;
            }
            // Alternate between the highest upper bound and the lowest
            // lower bound (ties: more shared works first, then by id).
            v = if high && du > dl || rl >= ru {
                *open
                    .iter()
                    .max_by_key(|&&w| {
                        let w = w as usize;
                        (upper[w], shared[w], w)
                    })
                    .expect("open")
            } else {
                *open
                    .iter()
                    .min_by_key(|&&w| {
                        let w = w as usize;
                        (lower[w], std::cmp::Reverse(shared[w]), w)
                    })
                    .expect("open")
            };
            high = !high;
            found = levels(index, v, filter);
            out.searches += 1;
        }
        out.diameter = dl as usize;
        out.radius = ru as usize;
        out.centre = Some(self.graph.pid(centre));
        let (a, b) = (self.graph.pid(ends.0), self.graph.pid(ends.1));
        out.path = self.shortest_path(a, b, filter);
        out
    }
}

/// The eccentricity of the source of a search (the largest distance it
/// reached) and a person that far away (the one with the highest id).
fn eccentricity(found: &Levels) -> (u32, u32) {
    let far = *found.last.last().expect("the source is reached");
    (found.counts.len() as u32 - 1, far)
}
