//! One kind of record (people, groups, works or organisations) as columns:
//! keys, names, Hangul and aliases as strings back to back, and a flag for
//! records kept only as unverified.
//!
//! Every source fills the same columns: the RON catalog with slugs, Hangul
//! and aliases; the IMDb importer with numeric keys (`nm0000102`) and names
//! only. Keys that all share a two-letter prefix and a decimal number are
//! stored as numbers (five bytes a record) without being asked.

/// Strings back to back: string `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Arena {
    text: String,
    ends: Vec<u32>,
}

impl Arena {
    /// Appends a string and returns its number.
    ///
    /// # Panics
    ///
    /// Past 4 GiB of text or 2³² strings, which no source reaches: the
    /// importers refuse such input with an error first.
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        let end = u32::try_from(self.text.len()).expect("string arena under 4 GiB");
        self.ends.push(end);
        u32::try_from(self.ends.len() - 1).expect("fewer than 2^32 strings")
    }

    /// String `i` (empty when out of range).
    pub(crate) fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start as usize..end as usize]
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Stable keys of one kind of record.
#[derive(Clone, Debug)]
enum Keys {
    /// `prefix` followed by a zero-padded number, as IMDb's `nm0000102`.
    Numeric {
        prefix: [u8; 2],
        numbers: Vec<u32>,
        widths: Vec<u8>,
    },
    /// Any other key, as a string of the table's extras.
    Text(Vec<u32>),
}

impl Default for Keys {
    fn default() -> Self {
        Keys::Numeric {
            prefix: [0, 0],
            numbers: Vec::new(),
            widths: Vec::new(),
        }
    }
}

/// Splits `nm0000102` into (`nm`, 102, 7) when it has that shape.
pub(crate) fn numeric(key: &str) -> Option<([u8; 2], u32, u8)> {
    let b = key.as_bytes();
    if b.len() < 3 || b.len() > 11 || !b[..2].iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let digits = &key[2..];
    if !digits.bytes().all(|d| d.is_ascii_digit()) {
        return None;
    }
    let n = digits.parse().ok()?;
    Some(([b[0], b[1]], n, digits.len() as u8))
}

/// A record's key as a source gives it: text (`park-seo-joon`), or the
/// parts of an IMDb-style key (`nm`, 102, 7 digits for `nm0000102`), which
/// importers pass without formatting it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Key<'a> {
    Text(&'a str),
    Numeric([u8; 2], u32, u8),
}

impl<'a> From<&'a str> for Key<'a> {
    fn from(s: &'a str) -> Key<'a> {
        Key::Text(s)
    }
}

impl<'a> From<&'a String> for Key<'a> {
    fn from(s: &'a String) -> Key<'a> {
        Key::Text(s)
    }
}

/// How many bytes of a name a [`RankKey`] holds.
const RANK_PREFIX: usize = 16;

/// A record's place in name order, as far as it can be told without the
/// whole name: the first [`RANK_PREFIX`] bytes (two big-endian words,
/// zero-padded), the length (up to `RANK_PREFIX + 1`: longer names tie)
/// and the position.
/// Two names of at most [`RANK_PREFIX`] bytes compare as their keys (with
/// equal prefixes, the shorter name begins the longer); so does a short name
/// with a long one. Long names with equal prefixes are compared whole.
type RankKey = (u64, u64, u32, u32);

/// Every record's position in key order ([`Table::in_key_order`]): the
/// table's sorted positions, or the positions themselves when the records
/// are in key order already.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyOrder<'a> {
    by_key: &'a [u32],
    len: usize,
}

impl<'a> KeyOrder<'a> {
    /// The number of records.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The record at place `at` of the key order.
    pub(crate) fn at(&self, at: usize) -> u32 {
        self.by_key.get(at).copied().unwrap_or(at as u32)
    }

    /// The records in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + Clone + 'a {
        let identity = if self.by_key.is_empty() { self.len } else { 0 };
        (0..identity as u32).chain(self.by_key.iter().copied())
    }
}

/// The columns of one kind of record.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    /// Record `i`'s name is string `i`.
    names: Arena,
    /// Text keys, Hangul names and aliases.
    extras: Arena,
    keys: Keys,
    /// (record, string of `extras`) for records with a Hangul name, sorted.
    hangul: Vec<(u32, u32)>,
    /// (record, string of `extras`) for each alias, sorted by record, in
    /// data order.
    aliases: Vec<(u32, u32)>,
    /// Records kept only as unverified claims, sorted.
    unverified: Vec<u32>,
    /// Record positions sorted by key, for [`Table::find_key`]; empty when
    /// the records are in key order already (as IMDb's files list them),
    /// which saves 4 bytes a record.
    by_key: Vec<u32>,
    len: u32,
}

impl Table {
    /// The number of records.
    pub(crate) fn len(&self) -> usize {
        self.len as usize
    }

    /// Adds a record with its key and name; returns its position. Hangul,
    /// aliases and the unverified mark of a record are added before the next
    /// record is pushed.
    pub(crate) fn push<'k>(&mut self, key: impl Into<Key<'k>>, name: &str) -> u32 {
        let i = self.len;
        self.names.push(name);
        match key.into() {
            Key::Text(k) => self.push_key_parts(numeric(k), &|| k.to_string()),
            Key::Numeric(prefix, number, width) => {
                self.push_key_parts(Some((prefix, number, width)), &|| {
                    format!(
                        "{}{}{number:0w$}",
                        char::from(prefix[0]),
                        char::from(prefix[1]),
                        w = usize::from(width)
                    )
                })
            }
        }
        self.len += 1;
        i
    }

    /// A table of records with IMDb-style keys, from its columns as an
    /// importer read them (moved in, not copied): record `i` has the key
    /// `prefix` + `numbers[i]` in `widths[i]` digits and the name
    /// `text[ends[i - 1]..ends[i]]`, as [`Table::push`] would store them.
    ///
    /// # Panics
    ///
    /// When the columns differ in length or past 2³² records, which an
    /// importer refuses first.
    pub(crate) fn of_numeric_keys(
        prefix: [u8; 2],
        numbers: Vec<u32>,
        widths: Vec<u8>,
        text: String,
        ends: Vec<u32>,
    ) -> Table {
        assert!(numbers.len() == widths.len() && numbers.len() == ends.len());
        Table {
            len: u32::try_from(numbers.len()).expect("fewer than 2^32 records"),
            names: Arena { text, ends },
            keys: Keys::Numeric {
                prefix,
                numbers,
                widths,
            },
            ..Table::default()
        }
    }

    /// Gives the last record pushed a Hangul name.
    pub(crate) fn set_hangul(&mut self, hangul: &str) {
        self.set_hangul_of(self.len - 1, hangul);
    }

    /// Gives record `i` a Hangul name (records are given theirs in order).
    pub(crate) fn set_hangul_of(&mut self, i: u32, hangul: &str) {
        let s = self.extras.push(hangul);
        self.hangul.push((i, s));
    }

    /// Gives the last record pushed one more alias.
    pub(crate) fn add_alias(&mut self, alias: &str) {
        let s = self.extras.push(alias);
        self.aliases.push((self.len - 1, s));
    }

    /// Marks the last record pushed as kept only as an unverified claim.
    pub(crate) fn mark_unverified(&mut self) {
        self.unverified.push(self.len - 1);
    }

    /// Adds a key given as its numeric parts, when it has them, and as text.
    fn push_key_parts(&mut self, parts: Option<([u8; 2], u32, u8)>, text: &dyn Fn() -> String) {
        if let Keys::Numeric {
            prefix,
            numbers,
            widths,
        } = &mut self.keys
        {
            match parts {
                Some((p, n, w)) if numbers.is_empty() || *prefix == p => {
                    *prefix = p;
                    numbers.push(n);
                    widths.push(w);
                    return;
                }
                _ => {
                    // Switch every key so far to text.
                    let old: Vec<String> = (0..self.len).map(|i| self.key(i)).collect();
                    let mut text = Vec::with_capacity(old.len() + 1);
                    for k in old {
                        text.push(self.extras.push(&k));
                    }
                    self.keys = Keys::Text(text);
                }
            }
        }
        let s = self.extras.push(&text());
        if let Keys::Text(v) = &mut self.keys {
            v.push(s);
        }
    }

    /// Sorts the key lookup table and trims the columns; called once by the
    /// builder when every record is in.
    pub(crate) fn seal(&mut self) {
        // The positions sorted by `cmp`, none when they are in order.
        let sorted = |cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering| {
            if (1..self.len).all(|i| cmp(i - 1, i).is_le()) {
                return Vec::new();
            }
            let mut by_key: Vec<u32> = (0..self.len).collect();
            by_key.sort_unstable_by(|&a, &b| cmp(a, b));
            by_key
        };
        self.by_key = match &self.keys {
            Keys::Numeric {
                numbers, widths, ..
            } => {
                let k = |i: u32| (numbers[i as usize], widths[i as usize]);
                sorted(&|a, b| k(a).cmp(&k(b)))
            }
            Keys::Text(v) => {
                let k = |i: u32| self.extras.get(v[i as usize]);
                sorted(&|a, b| k(a).cmp(k(b)))
            }
        };
        self.names.shrink_to_fit();
        self.extras.shrink_to_fit();
        for v in [&mut self.hangul, &mut self.aliases] {
            v.sort_by_key(|&(r, _)| r);
            v.shrink_to_fit();
        }
        self.unverified.sort_unstable();
    }

    /// Every record's position, in key order (numeric keys by number):
    /// the order of `hallyu diff`'s lists.
    pub(crate) fn in_key_order(&self) -> KeyOrder<'_> {
        KeyOrder {
            by_key: &self.by_key,
            len: self.len as usize,
        }
    }

    /// The name of record `i`.
    pub(crate) fn name(&self, i: u32) -> &str {
        self.names.get(i)
    }

    /// The rank of every record's name: `ranks[i] < ranks[j]` exactly when
    /// `(name(i), i) < (name(j), j)` (names in byte order, equal names by
    /// position).
    ///
    /// Each record is sorted by a [`RankKey`], on two threads (one half
    /// each, merged as the ranks are handed out); only names longer than
    /// [`RANK_PREFIX`] bytes that begin alike are compared whole.
    pub(crate) fn name_ranks(&self) -> Vec<u32> {
        let key = |i: u32| {
            let name = self.name(i).as_bytes();
            let n = name.len().min(RANK_PREFIX);
            let mut bytes = [0u8; RANK_PREFIX];
            bytes[..n].copy_from_slice(&name[..n]);
            let len = name.len().min(RANK_PREFIX + 1) as u32;
            let (high, low) = bytes.split_at(8);
            let word = |b: &[u8]| u64::from_be_bytes(b.try_into().expect("8 bytes"));
            (word(high), word(low), len, i)
        };
        let sorted = |from: u32, to: u32| {
            let mut keys: Vec<RankKey> = (from..to).map(key).collect();
            keys.sort_unstable();
            keys
        };
        let (n, half) = (self.len, self.len / 2);
        // A second thread pays from about 65 536 names on.
        let (first, second) = if n >= 1 << 16 {
            std::thread::scope(|scope| {
                let second = scope.spawn(move || sorted(half, n));
                (
                    sorted(0, half),
                    second.join().expect("a sort does not panic"),
                )
            })
        } else {
            (sorted(0, n), Vec::new())
        };
        let mut ranks = vec![0; n as usize];
        let mut next = 0;
        // Long names with the prefix of the last one seen, not yet ranked.
        let mut long: Vec<u32> = Vec::new();
        let rank_long = |long: &mut Vec<u32>, ranks: &mut [u32], next: &mut u32| {
            long.sort_unstable_by(|&a, &b| (self.name(a), a).cmp(&(self.name(b), b)));
            for i in long.drain(..) {
                ranks[i as usize] = *next;
                *next += 1;
            }
        };
        let (mut x, mut y) = (first.iter().peekable(), second.iter().peekable());
        let mut prefix = None;
        while let Some(&(a, b, len, i)) = match (x.peek(), y.peek()) {
            (Some(a), Some(b)) if b < a => y.next(),
            (Some(_), _) => x.next(),
            (None, _) => y.next(),
        } {
            if prefix != Some((a, b)) || len <= RANK_PREFIX as u32 {
                rank_long(&mut long, &mut ranks, &mut next);
            }
            prefix = Some((a, b));
            if len > RANK_PREFIX as u32 {
                long.push(i);
            } else {
                ranks[i as usize] = next;
                next += 1;
            }
        }
        rank_long(&mut long, &mut ranks, &mut next);
        ranks
    }

    /// The stable key of record `i`.
    pub(crate) fn key(&self, i: u32) -> String {
        match &self.keys {
            Keys::Numeric {
                prefix,
                numbers,
                widths,
            } => match (numbers.get(i as usize), widths.get(i as usize)) {
                (Some(n), Some(&w)) => format!(
                    "{}{}{n:0w$}",
                    char::from(prefix[0]),
                    char::from(prefix[1]),
                    w = usize::from(w)
                ),
                _ => String::new(),
            },
            Keys::Text(v) => v
                .get(i as usize)
                .map_or_else(String::new, |&s| self.extras.get(s).to_string()),
        }
    }

    /// The key of record `i` as its parts (no allocation): text, or the
    /// numeric parts of an IMDb-style key.
    pub(crate) fn key_of(&self, i: u32) -> Key<'_> {
        match &self.keys {
            Keys::Numeric {
                prefix,
                numbers,
                widths,
            } => Key::Numeric(*prefix, numbers[i as usize], widths[i as usize]),
            Keys::Text(v) => Key::Text(self.extras.get(v[i as usize])),
        }
    }

    /// The key of record `i` when it is stored as text (no allocation).
    pub(crate) fn text_key(&self, i: u32) -> Option<&str> {
        match &self.keys {
            Keys::Text(v) => v.get(i as usize).map(|&s| self.extras.get(s)),
            Keys::Numeric { .. } => None,
        }
    }

    /// The Hangul name of record `i`.
    pub(crate) fn hangul(&self, i: u32) -> Option<&str> {
        let at = self.hangul.partition_point(|&(r, _)| r < i);
        match self.hangul.get(at) {
            Some(&(r, s)) if r == i => Some(self.extras.get(s)),
            _ => None,
        }
    }

    /// The aliases of record `i`, in data order.
    pub(crate) fn aliases(&self, i: u32) -> impl ExactSizeIterator<Item = &str> + '_ {
        let from = self.aliases.partition_point(|&(r, _)| r < i);
        let to = self.aliases.partition_point(|&(r, _)| r <= i);
        self.aliases[from..to]
            .iter()
            .map(|&(_, s)| self.extras.get(s))
    }

    /// Whether record `i` is kept only as an unverified claim.
    pub(crate) fn is_unverified(&self, i: u32) -> bool {
        self.unverified.binary_search(&i).is_ok()
    }

    /// The record with this exact key.
    pub(crate) fn find_key(&self, key: &str) -> Option<u32> {
        // The first place of the key order whose key is not below `key`.
        let first = |below: &dyn Fn(u32) -> bool| {
            let (mut lo, mut hi) = (0, self.len as usize);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if below(self.in_key_order().at(mid)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        let at = match &self.keys {
            Keys::Numeric {
                prefix,
                numbers,
                widths,
            } => {
                let (p, n, w) = numeric(key)?;
                if p != *prefix {
                    return None;
                }
                let k = |i: u32| (numbers[i as usize], widths[i as usize]);
                let at = first(&|i| k(i) < (n, w));
                (at < self.len() && k(self.in_key_order().at(at)) == (n, w)).then_some(at)?
            }
            Keys::Text(v) => {
                let k = |i: u32| self.extras.get(v[i as usize]);
                let at = first(&|i| k(i) < key);
                (at < self.len() && k(self.in_key_order().at(at)) == key).then_some(at)?
            }
        };
        Some(self.in_key_order().at(at))
    }

    /// Every string of record `i` a name lookup should know: the name, the
    /// Hangul name and the aliases, with whether each is an alias.
    pub(crate) fn names_of(&self, i: u32) -> impl Iterator<Item = (&str, bool)> + '_ {
        std::iter::once(self.name(i))
            .chain(self.hangul(i))
            .map(|s| (s, false))
            .chain(self.aliases(i).map(|s| (s, true)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_keys_switch_to_text_when_one_does_not_fit() {
        let mut t = Table::default();
        t.push("nm0000102", "Kevin Bacon");
        t.push("nm01", "Short");
        t.seal();
        assert_eq!(t.key(0), "nm0000102");
        assert_eq!(t.find_key("nm0000102"), Some(0));
        // Same number, other width: another key.
        assert_eq!(t.find_key("nm1"), None);
        assert_eq!(t.find_key("nm01"), Some(1));

        t.push("iu", "IU");
        t.set_hangul("아이유");
        t.add_alias("Lee Ji-eun");
        t.seal();
        assert_eq!(t.key(0), "nm0000102");
        assert_eq!(t.find_key("iu"), Some(2));
        assert_eq!(t.hangul(2), Some("아이유"));
        assert_eq!(t.hangul(1), None);
        assert_eq!(t.aliases(2).collect::<Vec<_>>(), ["Lee Ji-eun"]);
        assert_eq!(t.find_key("nm0000102"), Some(0));
    }

    /// Ranks order as (name, position), around the 16-byte prefix: names
    /// equal in their first 16 bytes, a name that begins another, equal
    /// names, Hangul, the empty name.
    #[test]
    fn keys_are_found_in_key_order_and_out_of_it() {
        // In key order: no sorted positions are kept.
        let mut sorted = Table::default();
        for (k, n) in [("nm0000001", "A"), ("nm0000002", "B"), ("nm0000010", "C")] {
            sorted.push(k, n);
        }
        sorted.seal();
        assert!(sorted.by_key.is_empty());
        // Out of it, in text and numbers: the sorted positions.
        let mut text = Table::default();
        for (k, n) in [("iu", "IU"), ("bts", "BTS"), ("zico", "Zico")] {
            text.push(k, n);
        }
        text.seal();
        let mut numbers = Table::default();
        for (k, n) in [("nm0000010", "C"), ("nm0000001", "A"), ("nm0000002", "B")] {
            numbers.push(k, n);
        }
        numbers.seal();
        assert_eq!(numbers.by_key, [1, 2, 0]);
        for t in [&sorted, &text, &numbers] {
            for i in 0..t.len() as u32 {
                assert_eq!(t.find_key(&t.key(i)), Some(i), "{}", t.key(i));
            }
            assert_eq!(t.find_key("nm0000003"), None);
            assert_eq!(t.find_key("aaa"), None);
            assert_eq!(t.find_key("zzz"), None);
            let order: Vec<String> = t.in_key_order().iter().map(|i| t.key(i)).collect();
            assert!(order.is_sorted(), "{order:?}");
            assert_eq!(order.len(), t.in_key_order().len());
        }
    }

    #[test]
    fn name_ranks_order_as_name_then_position() {
        let names = [
            "ABCDEFGHIJKLMNOP",
            "ABCDEFGHIJKLMNOPQ",
            "ABCDEFGHIJKLMNOPA",
            "ABCDEFGHIJKLMNO",
            "ABCDEFGHIJKLMNOPQ",
            "윤재현",
            "윤재현 Jr",
            "",
            "B",
            "ABCDEFGHIJKLMNOPA",
            "윤재현",
            "ABCDEFGHIJKLMNOPQ R",
        ];
        assert_ranks_order_as_names(&names);
    }

    /// The same on a table large enough to be sorted on two threads, with
    /// many equal names and long names that begin alike.
    #[test]
    fn name_ranks_of_a_large_table_order_as_name_then_position() {
        let parts = ["Kim", "Seo-joon", "ABCDEFGHIJKLMNOP", "", "박", "Q"];
        let mut state = 7u64;
        let names: Vec<String> = (0..(1 << 16) + 77)
            .map(|_| {
                (0..3)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        parts[(state >> 33) as usize % parts.len()]
                    })
                    .collect()
            })
            .collect();
        assert_ranks_order_as_names(&names);
    }

    /// A table of these names ranks them as (name, position), each rank once.
    fn assert_ranks_order_as_names(names: &[impl AsRef<str>]) {
        let mut t = Table::default();
        for (i, name) in names.iter().enumerate() {
            t.push(format!("p{i}").as_str(), name.as_ref());
        }
        t.seal();
        let ranks = t.name_ranks();
        let mut expected: Vec<usize> = (0..names.len()).collect();
        expected.sort_by_key(|&i| (names[i].as_ref(), i));
        let mut got: Vec<usize> = (0..names.len()).collect();
        got.sort_by_key(|&i| ranks[i]);
        assert_eq!(got, expected);
        let mut distinct = ranks.clone();
        distinct.sort_unstable();
        assert_eq!(distinct, (0..names.len() as u32).collect::<Vec<_>>());
    }
}
