//! The pairs behind one person's co-appearances: every (my appearance,
//! their appearance) pair on a shared work, grouped by co-star in name
//! order, one pair per work (a credit of their own before one through a
//! group). [`Explorer::co_appearances`](crate::Explorer::co_appearances)
//! turns them into answers.

use crate::filter::Filter;
use crate::graph::csr::{Compiled, VIA_FLAG};
use crate::graph::{Appearance, DIRECT, TraversalIndex};

/// One (my appearance, their appearance) pair: the co-star, the position
/// of mine, the id of theirs, and whether either comes through a group.
#[derive(Clone, Copy)]
pub(crate) struct Pair {
    pub(crate) person: u32,
    pub(crate) mine: u32,
    pub(crate) theirs: u32,
    pub(crate) via: bool,
}

/// A person's co-star pairs, made by [`co_star_pairs`].
pub(crate) struct CoStarPairs<'a> {
    index: &'a TraversalIndex,
    /// The person's own appearances that the filter counts.
    pub(crate) mine: Vec<Appearance>,
    /// Every pair found (most of them dropped from `keys`).
    pub(crate) pairs: Vec<Pair>,
    /// The kept pairs, as keys (co-star's place in name order, position in
    /// `pairs`): co-star after co-star in name order, one per shared work.
    pub(crate) keys: Vec<u64>,
    /// Where each co-star's run of `keys` starts.
    pub(crate) runs: Vec<u32>,
}

impl CoStarPairs<'_> {
    /// The keys of co-star run `r`.
    pub(crate) fn run(&self, r: usize) -> &[u64] {
        let end = self
            .runs
            .get(r + 1)
            .map_or(self.keys.len(), |&e| e as usize);
        &self.keys[self.runs[r] as usize..end]
    }

    /// The pair of a key.
    pub(crate) fn pair(&self, key: u64) -> Pair {
        self.pairs[key as u32 as usize]
    }

    /// The credit of the co-star's side of a key's pair, and its group
    /// ([`DIRECT`] for none).
    pub(crate) fn their_credit(&self, key: u64) -> (u32, u32) {
        self.index.credited(self.pair(key).theirs as usize)
    }
}

/// Every (my appearance, their appearance) pair of `person` on a shared
/// work, with a packed integer key (co-star's place in `ranks`, position in
/// `pairs`): sorted, the keys hold each co-star's pairs together and the
/// co-stars in name order (equal names by id). Their side is read from the
/// work's flat columns (person, flags) with the compiled filter; their
/// appearance itself only for the pairs that are kept. Positions fit in 32
/// bits: `pairs` would need more than 32 GiB first.
pub(crate) fn co_star_pairs<'a>(
    index: &'a TraversalIndex,
    person: u32,
    filter: &Filter,
    ranks: &[u32],
) -> CoStarPairs<'a> {
    let compiled = Compiled::new(filter);
    let mine: Vec<Appearance> = index.of_person(person, filter).collect();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    for (m, app) in mine.iter().enumerate() {
        let ids = index.work_app_ids(app.work);
        for (theirs, (q, f)) in ids.zip(index.work_row(app.work)) {
            if q != person && compiled.admits[f as usize] {
                keys.push((u64::from(ranks[q as usize]) << 32) | pairs.len() as u64);
                pairs.push(Pair {
                    person: q,
                    mine: m as u32,
                    theirs,
                    via: app.via != DIRECT || f & VIA_FLAG != 0,
                });
            }
        }
    }
    // Sorting the keys (plain integers) is much faster than sorting
    // tuples. Each co-star's run then keeps one pair per work, a credit
    // of their own before one through a group; most runs hold one pair.
    keys.sort_unstable();
    let mut runs: Vec<u32> = Vec::new();
    let mut kept = 0;
    let mut start = 0;
    while start < keys.len() {
        let q = keys[start] >> 32;
        let len = keys[start..].iter().take_while(|&&k| k >> 32 == q).count();
        let run = &mut keys[start..start + len];
        if len > 1 {
            run.sort_unstable_by_key(|&k| {
                let p = pairs[k as u32 as usize];
                (mine[p.mine as usize].work, p.via, k)
            });
        }
        runs.push(kept as u32);
        let mut last_work = None;
        for i in start..start + len {
            let p = pairs[keys[i] as u32 as usize];
            let work = mine[p.mine as usize].work;
            if last_work != Some(work) {
                last_work = Some(work);
                keys[kept] = keys[i];
                kept += 1;
            }
        }
        start += len;
    }
    keys.truncate(kept);
    CoStarPairs {
        index,
        mine,
        pairs,
        keys,
        runs,
    }
}
