//! Whole-graph distance measures at IMDb scale, on the main component of
//! the filter's graph: every person's mean distance and eccentricity by
//! multi-source bit-parallel search ([`Explorer::centre_all`](crate::Explorer::centre_all)), the exact
//! top-k centre without the whole run ([`Explorer::centre_top`](crate::Explorer::centre_top)), and the
//! exact diameter and radius ([`Explorer::diameter`](crate::Explorer::diameter)). `mod.rs` holds the
//! options and the rows; `all.rs` the run over everyone, `top.rs` the top-k,
//! `diameter.rs` the diameter.

use std::fmt;
use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::id::PersonId;

/// How [`Explorer::centre_all`](crate::Explorer::centre_all) and [`Explorer::centre_top`](crate::Explorer::centre_top) run: where to
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
    /// From the first person, on every core, 512 searches per pass, 256
    /// samples for [`Explorer::centre_top`](crate::Explorer::centre_top), no progress callback.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    ///
    /// let options = CentreOptions::new();
    /// assert_eq!(options.get_lanes(), 512);
    /// assert!(format!("{options:?}").starts_with("CentreOptions { start: 0,"));
    /// ```
    pub fn new() -> CentreOptions<'a> {
        CentreOptions {
            start: 0,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            lanes: 512,
            samples: 256,
            seed: 0,
            progress: None,
            cancel: None,
        }
    }

    /// Starts at this position of the component's search order (see
    /// [`Explorer::centre_all`](crate::Explorer::centre_all)), to resume an interrupted run from
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
    /// let run = explorer.centre_all(CentreOptions::new().start(148), &Filter::new(), |row| {
    ///     rows.push(row);
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!((run.start, run.next, run.component_size), (148, 149, 149));
    /// assert_eq!(rows.len(), 1); // the last of the search order
    /// assert_eq!((explorer.get(rows[0].person).name(), rows[0].position), ("Jung-in", 148));
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

    /// Runs this many searches per pass: 64, 128, 256 or 512 (rounded up
    /// to one of them, at most 512). Each thread keeps one bit vector of
    /// this width per person and two per work. The default, 512, is the
    /// fastest for [`Explorer::centre_all`](crate::Explorer::centre_all)
    /// on the large synthetic set (about 15% less time than 256; 1,024
    /// gained nothing more); [`Explorer::centre_top`](crate::Explorer::centre_top)
    /// runs at most 256, as its searches stop one by one. A pass gives a row for each of
    /// its searches and for the people who share one: all the people with
    /// one work only share that work's search.
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
    /// assert_eq!(run.component_size, 149);
    /// // 64 searches (96 people: some share their one work's search), then
    /// // the rest.
    /// assert_eq!(passes, 2);
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
    /// assert_eq!(CentreOptions::new().get_lanes(), 512);
    /// assert_eq!(CentreOptions::new().lanes(100).get_lanes(), 128);
    /// assert_eq!(CentreOptions::new().lanes(4096).get_lanes(), 512);
    /// ```
    pub fn get_lanes(&self) -> usize {
        match self.lanes {
            0..=64 => 64,
            65..=128 => 128,
            129..=256 => 256,
            _ => 512,
        }
    }

    /// How many random sources [`Explorer::centre_top`](crate::Explorer::centre_top) samples to order
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
    /// assert_eq!(run.next, 96); // 64 searches; resume with `start(96)`
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
    /// assert_eq!((rows, run.next), (96, 96)); // the pass under way was finished
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
/// assert_eq!(seen, [(96, 149), (149, 149)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct CentreProgress {
    /// People done (searches complete, or pruned by [`Explorer::centre_top`](crate::Explorer::centre_top)).
    pub done: usize,
    /// People to do in all.
    pub total: usize,
    /// Time since the run started.
    pub elapsed: Duration,
}

/// One person's distances to everyone else of the main component, given to
/// the sink of [`Explorer::centre_all`](crate::Explorer::centre_all).
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
/// assert_eq!(first.histogram, [1, 27, 85, 28, 8]);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PersonCentre {
    /// The person.
    pub person: PersonId,
    /// Their position in the component's search order (see
    /// [`Explorer::centre_all`](crate::Explorer::centre_all)): pass `position + 1` to
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
    /// assert_eq!(rows[0].mean_distance(), Some(2.2094594594594597)); // 327 / 148
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
    /// assert_eq!(rows[0].histogram, [1, 19, 86, 36, 7]);
    /// assert_eq!(rows[0].farness(), 19 + 2 * 86 + 3 * 36 + 4 * 7);
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

/// What a run of [`Explorer::centre_all`](crate::Explorer::centre_all) did.
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
/// assert_eq!((run.component_size, run.start, run.next, run.stopped), (149, 0, 149, false));
/// // 17 people without a counted credit; no other component.
/// assert_eq!((run.left_out, run.other_components), (17, 0));
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

/// What [`Explorer::centre_floor`](crate::Explorer::centre_floor) measured:
/// a sample of the centre's passes, and sweeps that move the same memory
/// without the work. For the benchmarks: outside the semver promise.
///
/// # Example
///
/// ```
/// use hallyu::query::CentreOptions;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let floor = explorer.centre_floor(CentreOptions::new(), &Filter::new(), 1);
/// assert!(floor.floor() <= floor.sweeps_time);
/// ```
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct CentreFloor {
    /// The passes run.
    pub passes: usize,
    /// The passes of a whole run.
    pub of_passes: usize,
    /// The time they took (on every thread of the options).
    pub passes_time: Duration,
    /// The links they read.
    pub links_read: u64,
    /// The time of the sweeps.
    pub sweeps_time: Duration,
    /// The links the sweeps read (a whole number of sweeps, at least
    /// `links_read`).
    pub links_swept: u64,
}

impl CentreFloor {
    /// The sweeps' time for the sample's links: what the sample's passes
    /// cannot go below on this machine with this layout.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let floor = explorer.centre_floor(CentreOptions::new(), &Filter::new(), 1);
    /// assert!(floor.floor() <= floor.sweeps_time);
    /// ```
    pub fn floor(&self) -> Duration {
        let share = self.links_read as f64 / self.links_swept.max(1) as f64;
        self.sweeps_time.mul_f64(share.min(1.0))
    }
}

/// Runs `$body` with `$w` bound to the searcher width for `$lanes`.
macro_rules! by_width {
    ($lanes:expr, $f:ident ( $($arg:expr),* )) => {
        match $lanes {
            64 => $f::<1>($($arg),*),
            128 => $f::<2>($($arg),*),
            256 => $f::<4>($($arg),*),
            _ => $f::<8>($($arg),*),
        }
    };
}

type Batch = (usize, Vec<Vec<u64>>);

fn farness(h: &[u64]) -> u64 {
    h.iter().enumerate().map(|(k, &c)| k as u64 * c).sum()
}

mod all;
mod diameter;
mod top;

pub use diameter::Diameter;
pub use top::CentreTop;
