//! The tables of keys: the keys and names of a file as read ([`Table`],
//! [`Section`]), thinned in place, and the map from keys to positions
//! ([`IdMap`]) with its two markers, [`NONE`] and [`SKIPPED`].

use std::collections::HashMap;

/// The keys and names of a section as read: key numbers with their digit
/// counts, and the names back to back.
#[derive(Default)]
pub(super) struct Table {
    pub(super) prefix: &'static str,
    pub(super) ids: Vec<u32>,
    pub(super) widths: Vec<u8>,
    text: String,
    ends: Vec<u32>,
}

impl Table {
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Keeps the rows flagged in `keep`, in place: no second copy of the
    /// names is made, and the memory of the others is given back.
    pub(super) fn retain(&mut self, keep: &[bool]) {
        let mut text = std::mem::take(&mut self.text).into_bytes();
        let (mut at, mut kept) = (0, 0);
        for (i, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            let end = self.ends[i] as usize;
            text.copy_within(from..end, at);
            at += end - from;
            self.ends[kept] = at as u32;
            kept += 1;
        }
        text.truncate(at);
        text.shrink_to_fit();
        // Whole names were moved: the text is still UTF-8.
        self.text = String::from_utf8(text).unwrap_or_default();
        self.ends.truncate(kept);
        self.ends.shrink_to_fit();
        retain_rows(&mut self.ids, keep);
        retain_rows(&mut self.widths, keep);
    }

    /// The table as the graph keeps it (the columns moved, not copied).
    pub(super) fn into_graph_table(self) -> crate::graph::Table {
        let p = self.prefix.as_bytes();
        crate::graph::Table::of_numeric_keys(
            [p[0], p[1]],
            self.ids,
            self.widths,
            self.text,
            self.ends,
        )
    }
}

/// Keeps the items of `rows` flagged in `keep`, in place, and gives the
/// memory of the others back.
pub(super) fn retain_rows<T>(rows: &mut Vec<T>, keep: &[bool]) {
    let mut i = 0;
    rows.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    rows.shrink_to_fit();
}

/// A section as read: keys, names and per-row attributes.
#[derive(Default)]
pub(super) struct Section {
    pub(super) table: Table,
    pub(super) rows: usize,
    pub(super) bad: usize,
}

impl Section {
    /// Adds a row, its name in NFC; fails when the names of the section
    /// outgrow the 4 GiB that `u32` offsets address (real IMDb names take
    /// about 0.2 GB).
    pub(super) fn push(
        &mut self,
        (id, width): (u32, u8),
        name: &str,
    ) -> std::result::Result<(), String> {
        // Names in NFC, as the RON loader keeps them: a decomposed spelling
        // and the precomposed one are one name.
        let name = crate::search::hangul::to_nfc(name);
        let end = u32::try_from(self.table.text.len() + name.len()).map_err(|_| {
            "the names of this file exceed 4 GiB, more than hallyu can hold".to_string()
        })?;
        self.table.ids.push(id);
        self.table.widths.push(width);
        self.table.text.push_str(&name);
        self.table.ends.push(end);
        Ok(())
    }
}

pub(super) const NONE: u32 = u32::MAX;
pub(super) const SKIPPED: u32 = u32::MAX - 1;

/// Keys → positions. A key is its number and its count of digits:
/// `nm01` and `nm0000001` are two keys. Keys written the way IMDb writes
/// them (at least 7 digits, no extra leading zeros) are looked up by number
/// in a direct table when the numbers are dense enough, else in a sorted
/// list; any other key in a hash map.
pub(super) struct IdMap {
    main: Main,
    odd: HashMap<(u32, u8), u32>,
}

enum Main {
    Direct(Vec<u32>),
    Sorted(Vec<(u32, u32)>),
}

/// Whether a key (number, digits) is written as IMDb writes keys: padded to
/// 7 digits, or longer without leading zeros.
fn canonical((n, width): (u32, u8)) -> bool {
    let digits = if n == 0 { 1 } else { n.ilog10() as u8 + 1 };
    width == digits.max(7)
}

impl IdMap {
    /// The map of `entries` (key, value), given in file order: on a
    /// repeated key the first wins, and `lost` is called with the value of
    /// each later one.
    pub(super) fn build<I: Iterator<Item = ((u32, u8), u32)>>(
        entries: impl Fn() -> I,
        mut lost: impl FnMut(u32),
    ) -> IdMap {
        let (mut count, mut max) = (0usize, 0u32);
        for (key, _) in entries().filter(|&(k, _)| canonical(k)) {
            count += 1;
            max = max.max(key.0);
        }
        let mut odd = HashMap::new();
        let main = if (max as usize) <= 8 * count + (1 << 20) {
            let mut table = vec![NONE; max as usize + 1];
            for (key, value) in entries() {
                let slot = if canonical(key) {
                    &mut table[key.0 as usize]
                } else {
                    odd.entry(key).or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = value;
                } else {
                    lost(value);
                }
            }
            Main::Direct(table)
        } else {
            let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(count);
            for (key, value) in entries() {
                if canonical(key) {
                    pairs.push((key.0, value));
                } else {
                    match odd.entry(key) {
                        std::collections::hash_map::Entry::Vacant(v) => {
                            v.insert(value);
                        }
                        std::collections::hash_map::Entry::Occupied(_) => lost(value),
                    }
                }
            }
            // Stable: the first of equal keys stays first.
            pairs.sort_by_key(|p| p.0);
            pairs.dedup_by(|later, first| {
                let same = later.0 == first.0;
                if same {
                    lost(later.1);
                }
                same
            });
            Main::Sorted(pairs)
        };
        IdMap { main, odd }
    }

    /// A map of no keys.
    pub(super) fn empty() -> IdMap {
        IdMap {
            main: Main::Sorted(Vec::new()),
            odd: HashMap::new(),
        }
    }

    /// The map of the keys of `table` (value: the row).
    pub(super) fn of_table(table: &Table, lost: impl FnMut(u32)) -> IdMap {
        IdMap::build(
            || (0..table.len()).map(|i| ((table.ids[i], table.widths[i]), i as u32)),
            lost,
        )
    }

    #[inline]
    pub(super) fn get(&self, key: (u32, u8)) -> u32 {
        if !canonical(key) {
            return self.odd.get(&key).copied().unwrap_or(NONE);
        }
        match &self.main {
            Main::Direct(t) => t.get(key.0 as usize).copied().unwrap_or(NONE),
            Main::Sorted(pairs) => pairs
                .binary_search_by_key(&key.0, |p| p.0)
                .map_or(NONE, |i| pairs[i].1),
        }
    }
}
