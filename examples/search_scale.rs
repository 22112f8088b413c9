//! Builds a name index of synthetic names (1,000,000 by default) and times
//! the build and a few queries: a measure of the search at IMDb scale.
//!
//! ```text
//! cargo run --release --example search_scale -- 1000000
//! /usr/bin/time -v target/release/examples/search_scale 1000000
//! ```
//!
//! A third of the names are romanised Korean names (`Kim Min-jun`), a
//! third Western-looking names, a sixth Korean names in Western order and
//! a sixth Hangul names; their values are their numbers.

use std::time::Instant;

use hallyu::search::{NameIndex, Tier};

const SURNAMES: [&str; 12] = [
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin",
];
const HANGUL_SURNAMES: [char; 12] = [
    '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '신',
];
const GIVEN: [&str; 24] = [
    "min", "jun", "seo", "ji", "woo", "hyun", "soo", "young", "jin", "ho", "eun", "hee", "sung",
    "jae", "yeon", "ha", "yoon", "do", "joon", "bin", "kyung", "tae", "hye", "sang",
];
const HANGUL_GIVEN: [char; 24] = [
    '민', '준', '서', '지', '우', '현', '수', '영', '진', '호', '은', '희', '성', '재', '연', '하',
    '윤', '도', '준', '빈', '경', '태', '혜', '상',
];
const WESTERN: [&str; 16] = [
    "an", "el", "ric", "tor", "mar", "lin", "da", "son", "ber", "th", "ow", "ie", "gar", "vel",
    "kes", "ton",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

fn name(i: usize, rng: &mut Rng) -> String {
    let (a, b) = (rng.below(24), rng.below(24));
    let s = rng.below(12);
    match i % 6 {
        0 | 1 => format!("{} {}-{}", SURNAMES[s], capitalised(GIVEN[a]), GIVEN[b]),
        2 => format!("{}{} {}", capitalised(GIVEN[a]), GIVEN[b], SURNAMES[s]),
        3 => format!(
            "{}{}{}",
            HANGUL_SURNAMES[s], HANGUL_GIVEN[a], HANGUL_GIVEN[b]
        ),
        _ => {
            let mut first = String::new();
            let mut last = String::new();
            for _ in 0..2 {
                first.push_str(WESTERN[rng.below(16)]);
            }
            for _ in 0..3 {
                last.push_str(WESTERN[rng.below(16)]);
            }
            format!("{} {}", capitalised(&first), capitalised(&last))
        }
    }
}

fn main() {
    let n: usize = match std::env::args().nth(1) {
        None => 1_000_000,
        Some(a) => match a.parse() {
            Ok(n) if n >= 1 => n,
            _ => {
                eprintln!(
                    "error: the number of names must be a whole number of at least 1, not {a:?}"
                );
                std::process::exit(2);
            }
        },
    };
    let mut rng = Rng(12);
    let names: Vec<String> = (0..n).map(|i| name(i, &mut rng)).collect();
    let started = Instant::now();
    let mut index = NameIndex::new();
    for (i, name) in names.iter().enumerate() {
        index.insert(name, Tier::Name, i as u32);
    }
    index.shrink_to_fit();
    let inserted = started.elapsed();
    index.prepare();
    let built = started.elapsed();
    println!(
        "{n} names, {} keys: insert {:.2?}, sort and trigrams {:.2?}, total {:.2?}; index heap {:.1} MB",
        index.key_count(),
        inserted,
        built - inserted,
        built,
        index.heap_size() as f64 / 1e6
    );
    for query in [
        names[0].as_str(),
        "Bak Min-jun",
        "박민준",
        "ㄱㅁㅈ",
        "Kim Minjunn",
        "Minjun Kim",
        "Elric Tormarlin",
    ] {
        let started = Instant::now();
        let matches: Vec<_> = index.search(query, |_| true).collect();
        let best = matches.first().map(|m| format!("{} ({})", m.name, m.how));
        println!(
            "{query:?}: {} matches in {:.2?}; best {}",
            matches.len(),
            started.elapsed(),
            best.unwrap_or_default()
        );
    }
    let huge = "가".repeat(3_000_000);
    let started = Instant::now();
    let count = index.search(&huge, |_| true).count();
    println!("a 9 MB query: {count} matches in {:.2?}", started.elapsed());
}
