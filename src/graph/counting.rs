//! The counting sort that builds every CSR table of the crate: the
//! traversal index, the projection, the compact components and the
//! answers' own groupings.

/// The row offsets (`n + 1` of them) of a CSR table whose rows hold as many
/// items as `keys` names each row.
pub(crate) fn offsets(n: usize, keys: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut start = vec![0u32; n + 1];
    for k in keys {
        start[k + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    start
}

/// Groups `items` by `key(item)` in `0..n` (a stable counting sort): returns
/// the row offsets (`n + 1` of them) and the items in row order. Every CSR
/// table of the crate is made by this function.
pub(crate) fn group_by<T: Copy>(
    n: usize,
    items: &[T],
    key: impl Fn(&T) -> usize,
) -> (Vec<u32>, Vec<T>) {
    let start = offsets(n, items.iter().map(&key));
    let mut grouped: Vec<T> = Vec::with_capacity(items.len());
    if let Some(&first) = items.first() {
        grouped.resize(items.len(), first);
        let mut fill = start.clone();
        for &x in items {
            let slot = &mut fill[key(&x)];
            grouped[*slot as usize] = x;
            *slot += 1;
        }
    }
    (start, grouped)
}
