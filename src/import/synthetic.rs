//! Deterministic synthetic datasets in the IMDb layout, for tests and
//! benchmarks.
//!
//! A [`Synthetic`] writes `name.basics.tsv`, `title.basics.tsv` and
//! `title.principals.tsv` with the same columns as IMDb's files. The same
//! seed and sizes always give the same bytes. The data has what real data
//! has: credit counts that follow a power law (so one giant component forms
//! around a few very busy people), people credited twice on one title, names
//! with non-ASCII letters (accents, Hangul), gaps between ids, `\N` years,
//! title types and categories that the importer leaves out, and a few
//! principals naming people absent from `name.basics`.
//!
//! # Example
//!
//! ```
//! use hallyu::import::synthetic::Synthetic;
//!
//! let dir = std::env::temp_dir().join("hallyu-doc-synthetic");
//! let stats = Synthetic::new(1_000, 200).seed(42).write_to(&dir)?;
//! assert_eq!(stats.names, 1_000);
//! assert!(dir.join("title.principals.tsv").is_file());
//! # Ok::<(), std::io::Error>(())
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// The sizes and seed of a synthetic dataset; see the [module docs](self).
///
/// # Example
///
/// ```
/// use hallyu::import::{synthetic::Synthetic, Imdb};
///
/// let dir = std::env::temp_dir().join(format!("hallyu-doc-synthetic-struct-{}", std::process::id()));
/// let written = Synthetic::new(200, 50).seed(3).write_to(&dir)?;
/// let imported = Imdb::new().from_dir(&dir)?;
/// assert_eq!(imported.report.names, written.names);
/// assert_eq!(imported.report.principals, written.principals);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Synthetic {
    names: usize,
    titles: usize,
    seed: u64,
    /// Principals per title: 2 to `cast`.
    cast: usize,
    /// Whether to write `title.akas.tsv` too.
    akas: bool,
}

/// What [`Synthetic::write_to`] wrote.
///
/// # Example
///
/// ```
/// use hallyu::import::synthetic::Synthetic;
///
/// let dir = std::env::temp_dir().join(format!("hallyu-doc-written-{}", std::process::id()));
/// let written = Synthetic::new(100, 30).write_to(&dir)?;
/// assert_eq!((written.names, written.titles), (100, 30));
/// let lines = std::fs::read_to_string(dir.join("title.principals.tsv"))?.lines().count();
/// assert_eq!(written.principals, lines - 1); // the header aside
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Written {
    /// Rows of `name.basics.tsv`.
    pub names: usize,
    /// Rows of `title.basics.tsv`.
    pub titles: usize,
    /// Rows of `title.principals.tsv`.
    pub principals: usize,
    /// Rows of `title.akas.tsv` (0 unless [`Synthetic::akas`]).
    pub akas: usize,
    /// Titles that are Korean by the rule of
    /// [`Imdb::korean`](crate::import::Imdb::korean): an original title in
    /// Hangul, or a `KR` row that is the original.
    pub korean: usize,
    /// Foreign titles with a Hangul `KR` release title that is not the
    /// original: the traps the rule must leave out.
    pub traps: usize,
}

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// The ids skipped before the next one: none, or one time in `one_in`
    /// fewer than `most`.
    fn gap(&mut self, one_in: usize, most: usize) -> u32 {
        if self.below(one_in) == 0 {
            self.below(most) as u32
        } else {
            0
        }
    }
}

const FIRST: &[&str] = &[
    "Min-ho", "Seo-joon", "Ji-eun", "Hye-jin", "Anna", "José", "Zoë", "Björn", "Chloé", "Mateus",
    "Søren", "Łucja", "Ángel", "Iñaki", "Noah", "Olivia", "Kenji", "Yuki", "Priya", "Omar",
    "Fatma", "Jürgen", "Élodie", "Dara", "Woo-shik", "Sun-hee",
];
const LAST: &[&str] = &[
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Müller",
    "García",
    "Novák",
    "Ødegaard",
    "Dubois",
    "Rossi",
    "Tanaka",
    "Nakamura",
    "Silva",
    "Öztürk",
    "Smith",
    "Jones",
    "Nguyễn",
    "Kowalski",
];
const HANGUL: &[&str] = &[
    "김민준",
    "이서연",
    "박지훈",
    "최유나",
    "정하늘",
    "강다은",
    "윤재현",
    "한소희",
];
const WORDS: &[&str] = &[
    "Spring", "Night", "Seoul", "River", "Garden", "Signal", "Moon", "Winter", "Sonata", "Crash",
    "Café", "Déjà", "Vu", "Heart", "Love", "Mirror", "Station", "Secret", "Blue", "하루", "봄날",
    "Über", "Alley",
];
const TYPES: &[(&str, u32)] = &[
    ("movie", 40),
    ("tvEpisode", 20),
    ("short", 10),
    ("tvSeries", 8),
    ("tvMovie", 6),
    ("video", 4),
    ("tvSpecial", 3),
    ("musicVideo", 3),
    ("tvMiniSeries", 2),
    ("videoGame", 2),
    ("tvShort", 2),
];
const PROFESSIONS: &[&str] = &[
    "actor", "actress", "director", "writer", "producer", "composer", "\\N",
];

impl Synthetic {
    /// A dataset of `names` people and `titles` titles, seed 0.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-synthetic-new-{}", std::process::id()));
    /// let written = Synthetic::new(50, 10).write_to(&dir)?;
    /// assert_eq!(written.names, 50);
    /// let first = std::fs::read_to_string(dir.join("name.basics.tsv"))?;
    /// assert_eq!(Synthetic::new(50, 10).seed(0).write_to(&dir)?, written); // seed 0 by default
    /// assert_eq!(std::fs::read_to_string(dir.join("name.basics.tsv"))?, first);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(names: usize, titles: usize) -> Synthetic {
        Synthetic {
            names,
            titles,
            seed: 0,
            cast: 11,
            akas: false,
        }
    }

    /// 10,000 names and 2,000 titles (about 13,000 principals).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// assert_eq!(Synthetic::small(), Synthetic::new(10_000, 2_000));
    /// ```
    pub fn small() -> Synthetic {
        Synthetic::new(10_000, 2_000)
    }

    /// 200,000 names and 50,000 titles (about 330,000 principals).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// assert_eq!(Synthetic::medium(), Synthetic::new(200_000, 50_000));
    /// ```
    pub fn medium() -> Synthetic {
        Synthetic::new(200_000, 50_000)
    }

    /// 2,000,000 names and 500,000 titles (about 3.3 million principals,
    /// 1.2 million credited people).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// assert_eq!(Synthetic::large(), Synthetic::new(2_000_000, 500_000));
    /// ```
    pub fn large() -> Synthetic {
        Synthetic::new(2_000_000, 500_000)
    }

    /// The shape of the real IMDb files: 14,000,000 names, 11,000,000
    /// titles and 2 to 14 principals per title (about 90 million
    /// principals, 4 GB of TSV).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// // Writing it fills 4 GB of disk: compare the sizes only.
    /// assert_eq!(Synthetic::xl(), Synthetic::new(14_000_000, 11_000_000).cast(14));
    /// assert_ne!(Synthetic::xl(), Synthetic::new(14_000_000, 11_000_000));
    /// ```
    pub fn xl() -> Synthetic {
        Synthetic::new(14_000_000, 11_000_000).cast(14)
    }

    /// A quarter of [`Synthetic::xl`] (3,500,000 names, 2,750,000 titles,
    /// about 22 million principals), for machines that cannot hold the
    /// whole.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// assert_eq!(Synthetic::xl_quarter(), Synthetic::new(3_500_000, 2_750_000).cast(14));
    /// ```
    pub fn xl_quarter() -> Synthetic {
        Synthetic::new(3_500_000, 2_750_000).cast(14)
    }

    /// Credits 2 to `max` principals per title (11 unless set; at least 2).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-cast-{}", std::process::id()));
    /// let pairs = Synthetic::new(100, 40).cast(2).write_to(&dir)?;
    /// let crowds = Synthetic::new(100, 40).cast(20).write_to(&dir)?;
    /// assert!(crowds.principals > pairs.principals);
    /// assert_eq!(Synthetic::new(1, 1).cast(0), Synthetic::new(1, 1).cast(2)); // at least 2
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn cast(mut self, max: usize) -> Synthetic {
        self.cast = max.max(2);
        self
    }

    /// Also writes `title.akas.tsv` (off unless set): about one title in
    /// eight is Korean (an original title in Hangul with a `KR` row, or a
    /// `KR` row marked original), one in six is a trap (a foreign original
    /// with a Hangul `KR` release title, or a Japanese original with one),
    /// the others have akas of other regions or none. About three rows per
    /// title, as in IMDb's file (2.6 GB for 11 million titles). The other
    /// three files are the same bytes with or without it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::{synthetic::Synthetic, Imdb};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-akas-{}", std::process::id()));
    /// let written = Synthetic::new(300, 200).seed(5).akas(true).write_to(&dir)?;
    /// assert!(written.korean > 0 && written.traps > 0);
    /// let report = Imdb::new().korean(true).from_dir(&dir)?.report;
    /// assert_eq!(report.akas, written.akas);
    /// assert_eq!(report.korean_titles, written.korean);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn akas(mut self, yes: bool) -> Synthetic {
        self.akas = yes;
        self
    }

    /// The same sizes with another seed.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-seed-{}", std::process::id()));
    /// Synthetic::new(50, 10).seed(1).write_to(&dir)?;
    /// let one = std::fs::read_to_string(dir.join("name.basics.tsv"))?;
    /// Synthetic::new(50, 10).seed(2).write_to(&dir)?;
    /// assert_ne!(std::fs::read_to_string(dir.join("name.basics.tsv"))?, one);
    /// Synthetic::new(50, 10).seed(1).write_to(&dir)?;
    /// assert_eq!(std::fs::read_to_string(dir.join("name.basics.tsv"))?, one); // the same bytes
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn seed(mut self, seed: u64) -> Synthetic {
        self.seed = seed;
        self
    }

    /// Writes the three files into `dir` (created if needed).
    ///
    /// # Errors
    ///
    /// Any I/O error.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::import::synthetic::Synthetic;
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-write-to-{}", std::process::id()));
    /// let written = Synthetic::new(20, 5).seed(9).write_to(dir.join("nested"))?; // created
    /// let header = std::fs::read_to_string(dir.join("nested/title.basics.tsv"))?;
    /// assert!(header.starts_with("tconst\ttitleType\tprimaryTitle\t"));
    /// assert_eq!(written.titles, 5);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_to(&self, dir: impl AsRef<Path>) -> std::io::Result<Written> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir)?;
        let mut rng = Rng(self.seed ^ 0x6861_6c6c_7975);
        // A file with its header line.
        let open = |name: &str, header: &str| {
            let mut out = BufWriter::with_capacity(1 << 20, File::create(dir.join(name))?);
            writeln!(out, "{header}")?;
            Ok::<_, std::io::Error>(out)
        };

        // Names, with gaps between ids.
        let mut out = open(
            "name.basics.tsv",
            "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles",
        )?;
        let mut name_ids = Vec::with_capacity(self.names);
        let mut id = 0u32;
        for _ in 0..self.names {
            id += 1 + rng.gap(4, 3);
            name_ids.push(id);
            let name = if rng.below(12) == 0 {
                rng.pick(HANGUL).to_string()
            } else {
                format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
            };
            let born = if rng.below(10) < 7 {
                "\\N".to_string()
            } else {
                (1920 + rng.below(86)).to_string()
            };
            let (p1, p2) = (rng.pick(PROFESSIONS), rng.pick(PROFESSIONS));
            let professions = if p1 == "\\N" {
                p1.to_string()
            } else {
                format!("{p1},{p2}")
            };
            writeln!(out, "nm{id:07}\t{name}\t{born}\t\\N\t{professions}\t\\N")?;
        }
        out.flush()?;

        // Titles.
        let mut out = open(
            "title.basics.tsv",
            "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres",
        )?;
        let weights: u32 = TYPES.iter().map(|t| t.1).sum();
        let mut title_ids = Vec::with_capacity(self.titles);
        let mut id = 0u32;
        for _ in 0..self.titles {
            id += 1 + rng.gap(3, 4);
            title_ids.push(id);
            let mut roll = rng.below(weights as usize) as u32;
            let kind = TYPES
                .iter()
                .find(|t| {
                    if roll < t.1 {
                        true
                    } else {
                        roll -= t.1;
                        false
                    }
                })
                .map_or("movie", |t| t.0);
            let words = 1 + rng.below(3);
            let title: Vec<&str> = (0..words).map(|_| rng.pick(WORDS)).collect();
            let title = title.join(" ");
            let year = if rng.below(20) == 0 {
                "\\N".to_string()
            } else {
                (1900 + rng.below(126)).to_string()
            };
            writeln!(
                out,
                "tt{id:07}\t{kind}\t{title}\t{title}\t0\t{year}\t\\N\t{}\tDrama",
                10 + rng.below(150)
            )?;
        }
        out.flush()?;
        let (akas, korean, traps) = if self.akas {
            self.write_akas(dir, &title_ids)?
        } else {
            (0, 0, 0)
        };

        // Principals: power-law choice of people over a shuffled order, so
        // that the busiest people are spread over the id range. About 70%
        // of the names can be drawn at all.
        let mut out = open(
            "title.principals.tsv",
            "tconst\tordering\tnconst\tcategory\tjob\tcharacters",
        )?;
        let active = (self.names * 7 / 10).max(1);
        let mut stride = 2_654_435_761usize % active.max(2);
        while gcd(stride, active) != 1 {
            stride += 1;
        }
        let mut rows = 0;
        for &t in &title_ids {
            let k = 2 + rng.below(self.cast - 1);
            for ordering in 1..=k {
                let rank = (active as f64 * rng.unit().powf(1.8)) as usize;
                let person = (rank * stride + 17) % active;
                let category = match rng.below(100) {
                    0..=9 => "director",
                    10..=12 => "composer",
                    13..=20 => "writer",
                    21..=25 => "producer",
                    26..=27 => "archive_footage",
                    28..=37 => "self",
                    38..=68 => "actor",
                    _ => "actress",
                };
                // A few principals name someone missing from name.basics.
                let nconst = if rng.below(2000) == 0 {
                    9_000_000 + rng.below(900_000) as u32
                } else {
                    name_ids[person]
                };
                let characters = if category.starts_with("act") {
                    "[\"Self\"]"
                } else {
                    "\\N"
                };
                writeln!(
                    out,
                    "tt{t:07}\t{ordering}\tnm{nconst:07}\t{category}\t\\N\t{characters}"
                )?;
                rows += 1;
                // Some people are credited twice on one title.
                if rng.below(60) == 0 {
                    let again = if rng.below(2) == 0 {
                        "director"
                    } else {
                        category
                    };
                    writeln!(out, "tt{t:07}\t{}\tnm{nconst:07}\t{again}\t\\N\t\\N", k + 1)?;
                    rows += 1;
                }
            }
        }
        out.flush()?;
        Ok(Written {
            names: self.names,
            titles: self.titles,
            principals: rows,
            akas,
            korean,
            traps,
        })
    }

    /// Writes `title.akas.tsv` for `title_ids` with a generator of its own
    /// (so that the other files do not change); returns the rows, the
    /// Korean titles and the traps.
    fn write_akas(&self, dir: &Path, title_ids: &[u32]) -> std::io::Result<(usize, usize, usize)> {
        let mut rng = Rng(self.seed ^ 0x616b_6173);
        let mut out = BufWriter::with_capacity(1 << 20, File::create(dir.join("title.akas.tsv"))?);
        writeln!(
            out,
            "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle"
        )?;
        let (mut rows, mut korean, mut traps) = (0, 0, 0);
        let latin = |rng: &mut Rng| {
            let words: Vec<&str> = (0..1 + rng.below(3))
                .map(|_| rng.pick(LATIN_WORDS))
                .collect();
            words.join(" ")
        };
        let hangul = |rng: &mut Rng| {
            let words: Vec<&str> = (0..1 + rng.below(2))
                .map(|_| rng.pick(HANGUL_WORDS))
                .collect();
            words.join(" ")
        };
        for &t in title_ids {
            // (title, region, language, types, isOriginalTitle)
            let mut akas: Vec<(String, &str, &str, &str, u8)> = Vec::new();
            match rng.below(48) {
                // Korean: the original in Hangul, a KR row, an English one.
                0..=3 => {
                    let h = hangul(&mut rng);
                    akas.push((h.clone(), "\\N", "\\N", "original", 1));
                    akas.push((h, "KR", "\\N", "imdbDisplay", 0));
                    akas.push((latin(&mut rng), "US", "\\N", "imdbDisplay", 0));
                    korean += 1;
                }
                // Korean: the original in Hangul and nothing else.
                4 => {
                    akas.push((hangul(&mut rng), "\\N", "\\N", "original", 1));
                    korean += 1;
                }
                // Korean: a romanised original on a KR row marked original,
                // and a Hangul KR title.
                5 => {
                    akas.push((latin(&mut rng), "KR", "\\N", "original", 1));
                    akas.push((hangul(&mut rng), "KR", "ko", "imdbDisplay", 0));
                    korean += 1;
                }
                // Trap: a foreign original released in Korea under a Hangul
                // title.
                6..=11 => {
                    akas.push((latin(&mut rng), "\\N", "\\N", "original", 1));
                    akas.push((hangul(&mut rng), "KR", "ko", "imdbDisplay", 0));
                    akas.push((latin(&mut rng), "GB", "en", "\\N", 0));
                    traps += 1;
                }
                // Trap: a Japanese original with a Hangul KR title.
                12..=13 => {
                    akas.push((rng.pick(KANA).to_string(), "\\N", "\\N", "original", 1));
                    akas.push((rng.pick(KANA).to_string(), "JP", "ja", "\\N", 0));
                    akas.push((hangul(&mut rng), "KR", "\\N", "imdbDisplay", 0));
                    traps += 1;
                }
                // No akas at all.
                14..=19 => {}
                // Foreign, with akas of other regions.
                _ => {
                    akas.push((latin(&mut rng), "\\N", "\\N", "original", 1));
                    for _ in 0..rng.below(4) {
                        let region = rng.pick(&["US", "GB", "FR", "DE", "BR", "XWW"]);
                        akas.push((latin(&mut rng), region, "\\N", "\\N", 0));
                    }
                }
            }
            for (i, (title, region, language, types, original)) in akas.iter().enumerate() {
                writeln!(
                    out,
                    "tt{t:07}\t{}\t{title}\t{region}\t{language}\t{types}\t\\N\t{original}",
                    i + 1
                )?;
                rows += 1;
            }
        }
        out.flush()?;
        Ok((rows, korean, traps))
    }
}

/// Words of foreign titles in the akas (no Hangul).
const LATIN_WORDS: &[&str] = &[
    "Spring", "Night", "River", "Garden", "Signal", "Moon", "Winter", "Sonata", "Crash", "Café",
    "Heart", "Mirror", "Station", "Secret", "Blue", "Alley", "Über",
];
/// Words of Hangul titles in the akas.
const HANGUL_WORDS: &[&str] = &[
    "봄날", "하루", "밤", "강", "정원", "신호", "달", "겨울", "비밀", "거울", "역",
];
/// Japanese originals.
const KANA: &[&str] = &["はる", "よる", "ふゆのソナタ", "ひみつ"];

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}
