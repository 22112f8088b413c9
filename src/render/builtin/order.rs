//! The order within columns: components kept together, barycenter sweeps
//! (keeping the order with the fewest crossings), then neighbour swaps
//! while they remove crossings.

use super::config::ROUNDS;
use super::layout::Layout;

/// Orders the columns: barycenter sweeps, keeping the best order seen.
pub(super) fn order(layout: &mut Layout) {
    // Connected components stay together in every column (no edge runs
    // between two, so interleaving them only adds crossings), in order of
    // their first item; the hops of a path come first, in one row at the top.
    let comp = components(layout);
    for l in 0..layout.layers.len() {
        let items = &layout.items;
        layout.layers[l].sort_by_key(|&v| (!items[v].pinned, comp[v]));
        for (p, &v) in layout.layers[l].iter().enumerate() {
            layout.pos[v] = p;
        }
    }
    let mut best = layout.layers.clone();
    let mut best_crossings = crossings(layout);
    for round in 0..ROUNDS {
        let downward = round % 2 == 0;
        let count = layout.layers.len();
        let sequence: Vec<usize> = if downward {
            (1..count).collect()
        } else {
            (0..count.saturating_sub(1)).rev().collect()
        };
        // A single column can still gather members around their group.
        let sequence = if count == 1 { vec![0] } else { sequence };
        for l in sequence {
            let mut keyed: Vec<(usize, f64, usize)> = layout.layers[l]
                .iter()
                .map(|&v| {
                    let neighbours = if downward {
                        &layout.up[v]
                    } else {
                        &layout.down[v]
                    };
                    if layout.items[v].pinned {
                        return (0, f64::NEG_INFINITY, v);
                    }
                    let key = mean_pos(layout, neighbours)
                        .or_else(|| mean_pos(layout, &layout.same[v]).map(|p| p + 0.5))
                        .unwrap_or(layout.pos[v] as f64);
                    (comp[v] + 1, key, v)
                })
                .collect();
            keyed.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(a.1.total_cmp(&b.1))
                    .then(layout.pos[a.2].cmp(&layout.pos[b.2]))
            });
            for (p, &(_, _, v)) in keyed.iter().enumerate() {
                layout.layers[l][p] = v;
                layout.pos[v] = p;
            }
        }
        let c = crossings(layout);
        if c < best_crossings {
            best_crossings = c;
            best = layout.layers.clone();
        }
    }
    layout.layers = best;
    for layer in &layout.layers {
        for (p, &v) in layer.iter().enumerate() {
            layout.pos[v] = p;
        }
    }
    transpose(layout, &comp);
}

/// The connected component of each item, numbered in order of first item.
fn components(layout: &Layout) -> Vec<usize> {
    let n = layout.items.len();
    let mut comp = vec![usize::MAX; n];
    let mut next = 0;
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        comp[s] = next;
        let mut stack = vec![s];
        while let Some(v) = stack.pop() {
            for &w in layout.up[v]
                .iter()
                .chain(&layout.down[v])
                .chain(&layout.same[v])
            {
                if comp[w] == usize::MAX {
                    comp[w] = next;
                    stack.push(w);
                }
            }
        }
        next += 1;
    }
    comp
}

/// Swaps neighbours within a column while that removes crossings (the
/// transposition heuristic), a few passes; each swap weighed by the
/// crossings between the two items' own edges only.
fn transpose(layout: &mut Layout, comp: &[usize]) {
    // Crossings between the edges of `u` and of `v` when `u` comes first.
    let pair = |layout: &Layout, u: usize, v: usize| {
        let mut c = 0usize;
        for side in [&layout.up, &layout.down] {
            for &a in &side[u] {
                for &b in &side[v] {
                    if layout.pos[a] > layout.pos[b] {
                        c += 1;
                    }
                }
            }
        }
        c
    };
    for _ in 0..4 {
        let mut improved = false;
        for l in 0..layout.layers.len() {
            for i in 0..layout.layers[l].len().saturating_sub(1) {
                let (u, v) = (layout.layers[l][i], layout.layers[l][i + 1]);
                if layout.items[u].pinned || layout.items[v].pinned || comp[u] != comp[v] {
                    continue;
                }
                if pair(layout, v, u) < pair(layout, u, v) {
                    layout.layers[l].swap(i, i + 1);
                    layout.pos[u] = i + 1;
                    layout.pos[v] = i;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// The mean position in their columns of `items`; `None` for none.
fn mean_pos(layout: &Layout, items: &[usize]) -> Option<f64> {
    if items.is_empty() {
        return None;
    }
    Some(items.iter().map(|&v| layout.pos[v] as f64).sum::<f64>() / items.len() as f64)
}

/// Crossings between adjacent columns (counted with a Fenwick tree).
fn crossings(layout: &Layout) -> u64 {
    let mut total = 0u64;
    for l in 0..layout.layers.len().saturating_sub(1) {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for &a in &layout.layers[l] {
            for &b in &layout.down[a] {
                pairs.push((layout.pos[a], layout.pos[b]));
            }
        }
        pairs.sort_unstable();
        let size = layout.layers[l + 1].len() + 1;
        let mut tree = vec![0u64; size + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Count earlier pairs whose lower end is right of b.
            let mut i = b + 1;
            let mut not_greater = 0;
            while i > 0 {
                not_greater += tree[i];
                i &= i - 1;
            }
            total += seen as u64 - not_greater;
            let mut i = b + 1;
            while i <= size {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}
