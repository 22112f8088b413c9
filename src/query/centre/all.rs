//! [`Explorer::centre_all`](crate::Explorer::centre_all) and [`Explorer::centre_of`](crate::Explorer::centre_of): every person's mean
//! distance and eccentricity, pass after pass.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use crate::algo::multi::{MultiBfs, touch_sweeps, with_searchers};
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::compact::{Compact, Start};
use crate::id::PersonId;

use super::*;

fn all_passes<const W: usize>(
    g: &Compact,
    sources: &[Start],
    threads: usize,
    stop: &AtomicBool,
    tx: mpsc::Sender<Batch>,
) {
    let lanes = MultiBfs::<W>::LANES;
    let chunks: Vec<&[Start]> = sources.chunks(lanes).collect();
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

/// The component without its leaves, the searches `sources` need (one for
/// each person who is not a leaf, one for all the leaves of a work: they
/// have the same distances), and `class[i]`, source i's search, numbered in
/// order of first need.
fn searches_of(g: &Compact, sources: &[u32]) -> (Compact, Vec<Start>, Vec<u32>) {
    let (core, starts) = g.without_leaves();
    let mut searches: Vec<Start> = Vec::new();
    let mut of_work = vec![u32::MAX; g.works()];
    let mut class = Vec::with_capacity(sources.len());
    for &s in sources {
        let start = starts[s as usize];
        let known = match start {
            Start::Work(w) => of_work[w as usize],
            Start::Person(_) => u32::MAX,
        };
        if known != u32::MAX {
            class.push(known);
            continue;
        }
        if let Start::Work(w) = start {
            of_work[w as usize] = searches.len() as u32;
        }
        class.push(searches.len() as u32);
        searches.push(start);
    }
    (core, searches, class)
}

/// Runs the passes `chunks` on `threads` threads; the links they read.
fn sample_passes<const W: usize>(g: &Compact, chunks: &[&[Start]], threads: usize) -> u64 {
    let next = AtomicUsize::new(0);
    let lanes = MultiBfs::<W>::LANES;
    let read = with_searchers::<W, u64>(g, threads.min(chunks.len()), |bfs| {
        let mut hist = vec![Vec::new(); lanes];
        while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
            bfs.run(chunk, &mut hist, None, false, |_| [0; W]);
        }
        bfs.links_read
    });
    read.iter().sum()
}

/// `sweeps` pull levels' memory traffic without their work on each of
/// `threads` threads at once; the links read.
fn floor_sweeps<const W: usize>(g: &Compact, threads: usize, sweeps: usize) -> u64 {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| touch_sweeps::<W>(g, sweeps)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a sweep thread panicked"))
            .sum()
    })
}

impl Explorer {
    /// Measures the floor of [`Explorer::centre_all`]'s passes on this
    /// machine: runs `passes` of its passes, spread over the search order,
    /// then as many sweeps over the component as read the same number of
    /// links, with the same memory traffic and none of the work (see
    /// [`CentreFloor`]). For the benchmarks: outside the semver promise.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::CentreOptions;
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let floor = explorer.centre_floor(CentreOptions::new().lanes(64), &Filter::new(), 2);
    /// assert_eq!((floor.passes, floor.of_passes), (2, 2));
    /// assert!(floor.links_read > 0 && floor.links_swept >= floor.links_read);
    /// ```
    #[doc(hidden)]
    pub fn centre_floor(
        &self,
        options: CentreOptions<'_>,
        filter: &Filter,
        passes: usize,
    ) -> CentreFloor {
        let g = Compact::largest(self.graph.index(), filter).in_search_order();
        let sources: Vec<u32> = (0..g.len() as u32).collect();
        let (core, searches, _) = searches_of(&g, &sources);
        let lanes = options.get_lanes();
        let threads = options.threads;
        let chunks: Vec<&[Start]> = searches.chunks(lanes).collect();
        let passes = passes.clamp(1, chunks.len().max(1));
        let picked: Vec<&[Start]> = (0..passes)
            .filter_map(|i| chunks.get(i * chunks.len() / passes).copied())
            .collect();
        let began = Instant::now();
        let links_read = by_width!(lanes, sample_passes(&core, &picked, threads));
        let passes_time = began.elapsed();
        let per_thread = links_read.div_ceil(threads as u64 * core.links().max(1) as u64);
        let began = Instant::now();
        let links_swept = by_width!(lanes, floor_sweeps(&core, threads, per_thread as usize));
        CentreFloor {
            passes: picked.len(),
            of_passes: chunks.len(),
            passes_time,
            links_read,
            sweeps_time: began.elapsed(),
            links_swept,
        }
    }

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
    /// 2014): each pass runs 64 to 512 searches at once as the bits of a
    /// word, on every thread of [`CentreOptions::threads`]. People with one
    /// work only (leaves; 44% of the large synthetic set) take no place in
    /// the passes: each is one hop beyond the work's other members, so they
    /// are counted when a search reaches their work, and all the leaves of
    /// one work share one search. The run stops
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

    /// [`Explorer::centre_all`](crate::Explorer::centre_all) for some people only: one [`PersonCentre`]
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
        // One search for each person who is not a leaf, and one for all the
        // leaves of a work (they have the same distances): `class[i]` is
        // source i's search, numbered in order of first need.
        let (core, searches, class) = searches_of(g, sources);
        // How many sources still need each search's histogram.
        let mut needed = vec![0u32; searches.len()];
        for &c in &class {
            needed[c as usize] += 1;
        }
        let stop = AtomicBool::new(false);
        let mut next = start;
        let mut done = 0usize;
        let mut stopped = false;
        let (tx, rx) = mpsc::channel::<Batch>();
        let threads = options.threads;
        std::thread::scope(|scope| {
            let stop = &stop;
            let (core, searches) = (&core, &searches);
            scope.spawn(move || by_width!(lanes, all_passes(core, searches, threads, stop, tx)));
            let mut pending = BTreeMap::new();
            let mut ready: BTreeMap<u32, Vec<u64>> = BTreeMap::new();
            let mut want = 0usize;
            for (b, hists) in rx {
                pending.insert(b, hists);
                while let Some(hists) = pending.remove(&want) {
                    let first = (want * lanes) as u32;
                    want += 1;
                    if stopped {
                        continue;
                    }
                    ready.extend((first..).zip(hists));
                    while let Some(&c) = class.get(done) {
                        let Some(h) = ready.get(&c) else {
                            break;
                        };
                        let row = PersonCentre {
                            person: self.graph.pid(g.people[sources[done] as usize]),
                            position: next,
                            histogram: h.iter().map(|&c| c as usize).collect(),
                        };
                        needed[c as usize] -= 1;
                        if needed[c as usize] == 0 {
                            ready.remove(&c);
                        }
                        next += 1;
                        done += 1;
                        if sink(row).is_break() {
                            stopped = true;
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
}
