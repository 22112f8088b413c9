//! Bit-sliced per-lane counters for the multi-source passes
//! ([`MultiBfs`](super::multi::MultiBfs)): one add counts a person for
//! every lane of a word at once, in a few word operations.

// The lane loops run over the W words of a lane set side by side, several
// arrays at once: indices read better than zipped iterators there.
#![allow(clippy::needless_range_loop)]

/// Bit-sliced counters: `c[i]` holds bit `i` of every lane's count.
///
/// A ripple-carry add into them runs until no lane carries, which with
/// hundreds of lanes means through nearly every bit of the largest count.
/// So ones are first gathered 16 at a time and summed by a carry-save adder
/// tree (Harley and Seal's population count, one lane per bit) into the
/// running partial sums `ones`, `twos`, `fours` and `eights`; only what
/// carries out of those (`sixteens`, once per 16 adds) ripples into `c`.
#[derive(Clone)]
pub(crate) struct Sliced<const W: usize> {
    c: [[u64; W]; 33],
    /// The partial sums, bits 0 to 3 of what is not yet in `c`.
    part: [[u64; W]; 4],
    held: [[u64; W]; 16],
    /// Adds waiting in `held`.
    waiting: usize,
}

/// A carry-save adder: the lanes' sums of three words as (carries, sums).
#[inline(always)]
fn csa<const W: usize>(a: &[u64; W], b: &[u64; W], c: &[u64; W]) -> ([u64; W], [u64; W]) {
    let mut high = [0u64; W];
    let mut low = [0u64; W];
    for j in 0..W {
        let u = a[j] ^ b[j];
        high[j] = (a[j] & b[j]) | (u & c[j]);
        low[j] = u ^ c[j];
    }
    (high, low)
}

impl<const W: usize> Sliced<W> {
    pub(crate) fn new() -> Self {
        Sliced {
            c: [[0; W]; 33],
            part: [[0; W]; 4],
            held: [[0; W]; 16],
            waiting: 0,
        }
    }

    /// Adds one to the count of every lane set in `x`.
    #[inline(always)]
    pub(crate) fn add(&mut self, x: &[u64; W]) {
        self.held[self.waiting] = *x;
        self.waiting += 1;
        if self.waiting == 16 {
            self.gather();
        }
    }

    /// Sums the 16 held words into the partial sums (15 carry-save adds),
    /// and what carries out of them into `c`.
    #[inline(always)]
    fn gather(&mut self) {
        let d = &self.held;
        let [mut ones, mut twos, mut fours, mut eights] = self.part;
        let half = |i: usize, ones: &mut [u64; W], twos: &mut [u64; W]| {
            let (twos_a, o) = csa(ones, &d[i], &d[i + 1]);
            let (twos_b, o) = csa(&o, &d[i + 2], &d[i + 3]);
            let (fours_a, t) = csa(twos, &twos_a, &twos_b);
            *ones = o;
            *twos = t;
            fours_a
        };
        let fours_a = half(0, &mut ones, &mut twos);
        let fours_b = half(4, &mut ones, &mut twos);
        let (eights_a, f) = csa(&fours, &fours_a, &fours_b);
        fours = f;
        let fours_a = half(8, &mut ones, &mut twos);
        let fours_b = half(12, &mut ones, &mut twos);
        let (eights_b, f) = csa(&fours, &fours_a, &fours_b);
        fours = f;
        let (sixteens, e) = csa(&eights, &eights_a, &eights_b);
        eights = e;
        self.part = [ones, twos, fours, eights];
        self.waiting = 0;
        self.add_at(&sixteens, 4);
    }

    /// Adds `2^at` to the count of every lane set in `x`: a ripple-carry
    /// add from bit `at` of all the lanes' counters at once, the `W` words
    /// side by side (vector instructions), until no lane carries.
    #[inline(always)]
    fn add_at(&mut self, x: &[u64; W], at: usize) {
        let mut carry = *x;
        let mut i = at;
        while !is_zero(&carry) {
            let c = &mut self.c[i];
            for j in 0..W {
                let t = c[j] & carry[j];
                c[j] ^= carry[j];
                carry[j] = t;
            }
            i += 1;
        }
    }

    /// Adds `k` to the count of every lane set in `x`: one add at a time
    /// while `k` is small, else a ripple at each bit of `k`.
    #[inline(always)]
    pub(crate) fn add_times(&mut self, x: &[u64; W], k: u32) {
        if k <= 4 {
            for _ in 0..k {
                self.add(x);
            }
            return;
        }
        let mut k = k;
        while k != 0 {
            self.add_at(x, k.trailing_zeros() as usize);
            k &= k - 1;
        }
    }

    /// Each lane's count, then zero.
    #[inline(always)]
    pub(crate) fn take(&mut self, out: &mut [u64]) {
        for i in 0..self.waiting {
            let x = self.held[i];
            self.add_at(&x, 0);
        }
        for i in 0..4 {
            let x = self.part[i];
            self.add_at(&x, i);
        }
        for (lane, o) in out.iter_mut().enumerate() {
            let (j, b) = (lane / 64, lane % 64);
            *o = (0..33).map(|i| ((self.c[i][j] >> b) & 1) << i).sum();
        }
        *self = Sliced::new();
    }
}

/// Whether no lane of `x` is set.
#[inline(always)]
pub(crate) fn is_zero<const W: usize>(x: &[u64; W]) -> bool {
    x.iter().all(|&v| v == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counters against plain per-lane counts, through every path: the
    /// 16-word gathering, what waits at the end, weighted adds small and
    /// large, for 1, 4 and 8 words of lanes.
    fn counts_like_plain<const W: usize>() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut sliced = Sliced::<W>::new();
        let mut plain = vec![0u64; 64 * W];
        for round in 0..2 {
            for i in 0..1000 + round * 7 {
                let mut x = [0u64; W];
                for word in &mut x {
                    // Sparse and dense words both.
                    *word = if i % 3 == 0 {
                        next()
                    } else {
                        next() & next() & next()
                    };
                }
                let k = match i % 10 {
                    0 => 3,
                    1 => 37,
                    _ => 1,
                };
                if k == 1 {
                    sliced.add(&x);
                } else {
                    sliced.add_times(&x, k);
                }
                for (lane, p) in plain.iter_mut().enumerate() {
                    if x[lane / 64] >> (lane % 64) & 1 == 1 {
                        *p += u64::from(k);
                    }
                }
            }
            let mut out = vec![0u64; 64 * W];
            sliced.take(&mut out);
            assert_eq!(out, plain, "round {round}");
            plain.fill(0);
        }
    }

    #[test]
    fn sliced_counters_count_like_plain_ones() {
        counts_like_plain::<1>();
        counts_like_plain::<4>();
        counts_like_plain::<8>();
    }
}
