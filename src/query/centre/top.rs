//! [`Explorer::centre_top`](crate::Explorer::centre_top): the exact top-k centre, by sampling and
//! verification under a bound.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Instant;

use crate::algo::multi::{LevelEnd, MultiBfs, with_searchers};
use crate::algo::sampled::Rng;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::graph::compact::Compact;
use crate::query::by_name;
use crate::query::distance::CentreEntry;

use super::*;

/// The exact top of the centre ranking, created by
/// [`Explorer::centre_top`](crate::Explorer::centre_top).
///
/// # Example
///
/// ```
/// use hallyu::query::{CentreOptions, CentreTop};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let top: CentreTop<'_> = explorer.centre_top(2, CentreOptions::new(), &Filter::new());
/// assert!(top.to_string().starts_with("exact top 2 of 149 people"));
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
    /// The best centres, best first (as [`Explorer::centre_ranking`](crate::Explorer::centre_ranking) ranks
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
    /// assert_eq!(names, ["Park Seo-joon", "IU", "Yeo Jin-goo"]);
    /// assert_eq!(top.entries()[0].mean_distance, Some(2.114864864864865));
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
    /// // The top 149 of 149 people needs every search to its end.
    /// let all = explorer.centre_top(149, CentreOptions::new(), &Filter::new());
    /// assert_eq!(all.complete_searches(), 149);
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
    /// // Nobody can be ruled out of the top 149 of 149 people.
    /// let all = explorer.centre_top(149, CentreOptions::new(), &Filter::new());
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
    /// assert_eq!(top.samples(), 149); // 256 asked, at most the component's people
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
    /// assert_eq!(top.component_size(), 149);
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

impl Explorer {
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
    /// [`Explorer::centre_ranking`](crate::Explorer::centre_ranking).
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
        // Wider passes only carry searches that stopped further along.
        let lanes = options.get_lanes().min(256);
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
}
