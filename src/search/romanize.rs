//! Hangul ↔ Latin: per-syllable Revised Romanization, McCune–Reischauer and
//! Yale, the usual spellings of surnames and of given-name syllables, and the
//! way back: a Latin string segmented into syllables that map to Hangul.
//!
//! Names are romanised syllable by syllable: the official rule exempts given
//! names from the sound-change rules (MCST notice 2014-42, art. 3-4: 민용하 →
//! Min Yongha), so per-syllable tables serve names well. Celebrity spellings
//! (Park Seo-joon, Choi Woo-shik) are conventions that the variant tables
//! cover.
//!
//! # Example
//!
//! ```
//! use hallyu::search::romanize::{mccune_reischauer, revised, to_hangul, yale};
//!
//! assert_eq!(revised("박서준"), "bakseojun");
//! assert_eq!(mccune_reischauer("박서준"), "pak sŏjun");
//! assert_eq!(yale("박서준"), "paksecwun");
//! assert_eq!(to_hangul("Park Seo-joon").as_deref(), Some("박서준"));
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use super::hangul::{SYLLABLES, decompose, syllable};

/// Revised Romanization (2000) of the 19 initials.
const RR_INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
/// Revised Romanization of the 21 medials.
const RR_MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
/// Revised Romanization of the 28 finals, as pronounced at the end of a
/// syllable (a compound final sounds as one of its parts).
///
/// One deliberate difference from the python `korean-romanizer` package: a
/// final ㅎ alone is "t" here (its pronunciation [ㄷ] in isolation, as in
/// 히읗 hieut), where that package writes nothing.
const RR_FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];
/// McCune–Reischauer initials at the start of a word, without apostrophes
/// (the aspirates ㅊ ㅋ ㅌ ㅍ take one: ch' k' t' p').
const MR_INITIALS: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t",
    "p", "h",
];
/// McCune–Reischauer medials, breves folded (ŏ → o, ŭ → u, as people type
/// them); [`mccune_reischauer`] writes the breves.
const MR_MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
    "wi", "yu", "ŭ", "ŭi", "i",
];
/// Yale initials.
const YALE_INITIALS: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "l", "m", "p", "pp", "s", "ss", "", "c", "cc", "ch", "kh", "th",
    "ph", "h",
];
/// Yale medials (ㅜ is "wu", "u" after a labial).
const YALE_MEDIALS: [&str; 21] = [
    "a", "ay", "ya", "yay", "e", "ey", "ye", "yey", "o", "wa", "way", "oy", "yo", "wu", "we",
    "wey", "wi", "yu", "u", "uy", "i",
];
/// Yale finals: a transliteration, jamo by jamo.
const YALE_FINALS: [&str; 28] = [
    "", "k", "kk", "ks", "n", "nc", "nh", "t", "l", "lk", "lm", "lp", "ls", "lth", "lph", "lh",
    "m", "p", "ps", "s", "ss", "ng", "c", "ch", "kh", "th", "ph", "h",
];

/// The usual spellings of common surnames.
///
/// Source: `/work/shared/KOREAN.md`, which takes the shares of passport
/// spellings from the Ministry of Foreign Affairs statistics of 31 October
/// 2024 (via engnaming.com: Kim 99.55%, Gim 0.42%; Lee 98.77%, Yi 0.92%;
/// Park 96.59%, Bak 1.61%, Pak 1.51%; Choi 94.45%, Choe 5.26%; Jung 46.13%,
/// Jeong 42.48%, Chung 7.13%) and the other spellings from Wikipedia's "List
/// of Korean surnames". The Revised Romanization and McCune–Reischauer
/// spellings of every syllable come from the tables above and need not be
/// repeated here.
pub(crate) const SURNAMES: [(char, &[&str]); 59] = [
    ('김', &["kim", "gim"]),
    (
        '이',
        &["lee", "yi", "rhee", "ree", "rhie", "i", "li", "rie"],
    ),
    ('박', &["park", "bak", "pak", "bark", "pack"]),
    ('최', &["choi", "choe", "choy", "chey"]),
    (
        '정',
        &["jung", "jeong", "chung", "joung", "cheong", "chong"],
    ),
    ('조', &["cho", "jo", "joe", "joh"]),
    ('강', &["kang", "gang", "kahng"]),
    ('윤', &["yoon", "yun", "youn", "yune"]),
    ('장', &["jang", "chang", "jahng"]),
    ('임', &["lim", "im", "yim", "rim", "leem"]),
    ('유', &["yoo", "yu", "you"]),
    ('류', &["ryu", "yoo", "yu", "you", "ryoo"]),
    ('신', &["shin", "sin", "shinn", "sheen"]),
    ('서', &["seo", "suh", "so"]),
    ('전', &["jeon", "jun", "chun", "cheon", "chon"]),
    ('권', &["kwon", "gwon", "kweon"]),
    ('안', &["ahn", "an"]),
    ('오', &["oh", "o"]),
    ('한', &["han", "hahn"]),
    ('황', &["hwang", "whang"]),
    ('송', &["song", "sung"]),
    ('노', &["noh", "no", "roh", "rho"]),
    ('백', &["baek", "paek", "paik", "back", "baik"]),
    ('지', &["ji", "chi", "jee"]),
    ('하', &["ha"]),
    ('홍', &["hong"]),
    ('방', &["bang", "pang"]),
    ('양', &["yang"]),
    ('여', &["yeo", "yoh", "yo"]),
    ('연', &["yeon", "yun", "youn"]),
    ('봉', &["bong", "pong"]),
    ('엄', &["um", "eom", "uhm", "ohm"]),
    ('문', &["moon", "mun"]),
    ('배', &["bae", "pae"]),
    ('남', &["nam"]),
    ('고', &["ko", "go", "koh"]),
    ('손', &["son", "sohn"]),
    ('허', &["heo", "huh", "hur"]),
    ('심', &["shim", "sim"]),
    ('구', &["koo", "gu", "ku", "goo"]),
    ('민', &["min"]),
    ('성', &["sung", "seong"]),
    ('차', &["cha"]),
    ('주', &["joo", "ju", "chu"]),
    ('우', &["woo", "u"]),
    ('원', &["won"]),
    ('천', &["chun", "cheon"]),
    ('곽', &["kwak", "gwak"]),
    ('나', &["na", "ra"]),
    ('진', &["jin", "chin"]),
    ('변', &["byun", "byeon", "pyun"]),
    ('표', &["pyo"]),
    ('명', &["myung", "myeong"]),
    ('기', &["ki", "gi"]),
    ('석', &["seok", "suk"]),
    ('선', &["sun", "seon"]),
    ('현', &["hyun", "hyeon"]),
    ('도', &["do", "doh"]),
    ('채', &["chae"]),
];

/// Syllables common in Korean names (surnames and given names): when a
/// romanised name could be several Hangul strings, these are preferred
/// ("Kang" is 강 rather than 캉).
const COMMON: &str = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공\
현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부\
서준우식영수희혜숙자순미경정호진철훈혁빈완광중규형일찬리솔별슬율환묵창근섭욱재태동상종태\
아연윤승보람다나라소희은비가루해루시온유하늘새봄찬솔건후도윤시우지호예준주원선율이안";

/// Which system a spelling belongs to (bits of a mask).
pub(crate) const RR: u8 = 1;
/// McCune–Reischauer, with or without breves and apostrophes.
pub(crate) const MR: u8 = 2;
/// Yale.
pub(crate) const YALE: u8 = 4;
/// A usual given-name spelling (joon, hyun, shik, …).
pub(crate) const VARIANT: u8 = 8;
/// A usual surname spelling (Lee, Park, Choi, …).
pub(crate) const SURNAME: u8 = 16;

/// The Revised Romanization of a syllable alone, or `None` for anything
/// that is not a syllable.
///
/// # Example
///
/// ```
/// use hallyu::search::romanize::syllable_rr;
///
/// assert_eq!(syllable_rr('박').as_deref(), Some("bak"));
/// assert_eq!(syllable_rr('최').as_deref(), Some("choe"));
/// assert_eq!(syllable_rr('b'), None);
/// ```
pub fn syllable_rr(c: char) -> Option<String> {
    let (l, v, t) = decompose(c)?;
    Some(
        [
            RR_INITIALS[usize::from(l)],
            RR_MEDIALS[usize::from(v)],
            RR_FINALS[usize::from(t)],
        ]
        .concat(),
    )
}

/// Revised Romanization, syllable by syllable, lower case, without
/// spaces or hyphens; other characters are kept.
///
/// # Example
///
/// ```
/// use hallyu::search::romanize::revised;
///
/// assert_eq!(revised("박서준"), "bakseojun");
/// assert_eq!(revised("최우식"), "choeusik");
/// assert_eq!(revised("송중기"), "songjunggi");
/// ```
pub fn revised(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match syllable_rr(c) {
            Some(r) => out.push_str(&r),
            None => out.push(c),
        }
    }
    out
}

/// Whether a name of this many syllables starts with a surname.
fn surname_first(syllables: &[char]) -> bool {
    (2..=4).contains(&syllables.len()) && SURNAMES.iter().any(|&(s, _)| s == syllables[0])
}

/// McCune–Reischauer of a name, lower case, with breves and apostrophes
/// (`ch'oe usik`); a first syllable that is a common surname is written as
/// its own word, and the consonants ㄱ ㄷ ㅂ ㅈ are voiced (g d b j) inside a
/// word after a vowel or ㄴ ㄹ ㅁ ㅇ.
///
/// # Example
///
/// ```
/// use hallyu::search::romanize::mccune_reischauer;
///
/// assert_eq!(mccune_reischauer("박서준"), "pak sŏjun");
/// assert_eq!(mccune_reischauer("최우식"), "ch'oe usik");
/// assert_eq!(mccune_reischauer("송중기"), "song chunggi");
/// ```
pub fn mccune_reischauer(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let split = surname_first(&chars);
    let mut out = String::new();
    let mut prev_final: Option<u8> = None; // None: start of a word
    for (i, &c) in chars.iter().enumerate() {
        if split && i == 1 {
            out.push(' ');
            prev_final = None;
        }
        let Some((l, v, t)) = decompose(c) else {
            out.push(c);
            prev_final = None;
            continue;
        };
        // After a vowel or a voiced final (ㄴ ㄹ ㅁ ㅇ), plain stops are voiced.
        let voiced = matches!(prev_final, Some(0 | 4 | 8 | 16 | 21));
        let initial = match (l, voiced) {
            (0, true) => "g",
            (3, true) => "d",
            (7, true) => "b",
            (12, true) => "j",
            (14, _) => "ch'",
            (15, _) => "k'",
            (16, _) => "t'",
            (17, _) => "p'",
            _ => MR_INITIALS[usize::from(l)],
        };
        out.push_str(initial);
        out.push_str(MR_MEDIALS[usize::from(v)]);
        out.push_str(RR_FINALS[usize::from(t)]);
        prev_final = Some(t);
    }
    out
}

/// Yale romanisation, jamo by jamo, lower case, without separators.
///
/// # Example
///
/// ```
/// use hallyu::search::romanize::yale;
///
/// assert_eq!(yale("박서준"), "paksecwun");
/// assert_eq!(yale("부"), "pu");
/// ```
pub fn yale(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match decompose(c) {
            Some((l, v, t)) => out.push_str(&yale_syllable(l, v, t)),
            None => out.push(c),
        }
    }
    out
}

fn yale_syllable(l: u8, v: u8, t: u8) -> String {
    let labial = matches!(l, 6 | 7 | 8 | 17);
    let medial = match YALE_MEDIALS[usize::from(v)] {
        "wu" if labial => "u",
        m => m,
    };
    [
        YALE_INITIALS[usize::from(l)],
        medial,
        YALE_FINALS[usize::from(t)],
    ]
    .concat()
}

/// Folds the breves and apostrophes of McCune–Reischauer away, as a search
/// key: `ch'oe usik` → `choeusik`.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ŏ' => Some('o'),
            'ŭ' => Some('u'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Every spelling of a syllable with the systems it belongs to.
fn spellings_of(index: u32, out: &mut Vec<(String, u8)>) {
    let c = syllable(index);
    let Some((l, v, t)) = decompose(c) else {
        return;
    };
    let (li, vi, ti) = (usize::from(l), usize::from(v), usize::from(t));
    let fin = RR_FINALS[ti];
    let mut add = |s: String, mask: u8| match out.iter_mut().find(|(x, _)| *x == s) {
        Some(e) => e.1 |= mask,
        None => out.push((s, mask)),
    };
    add([RR_INITIALS[li], RR_MEDIALS[vi], fin].concat(), RR);
    // McCune–Reischauer: word-initial and voiced forms, breves folded;
    // ㅅ before i/y written "sh" in the original system.
    let mr_medial = fold(MR_MEDIALS[vi]);
    let voiced = match l {
        0 => "g",
        3 => "d",
        7 => "b",
        12 => "j",
        _ => MR_INITIALS[li],
    };
    for initial in [MR_INITIALS[li], voiced] {
        add([initial, &mr_medial, fin].concat(), MR);
    }
    let y_medial = RR_MEDIALS[vi].starts_with(['i', 'y']) || vi == 16;
    if l == 9 && y_medial {
        add(["sh", &mr_medial, fin].concat(), MR);
    }
    add(yale_syllable(l, v, t), YALE);
    // Usual given-name spellings, from the RR spelling.
    let initials: &[&str] = match l {
        0 => &["g", "k"],
        3 => &["d", "t"],
        7 => &["b", "p"],
        12 => &["j", "ch"],
        9 if y_medial => &["s", "sh"],
        5 => &["r", "l"],
        11 if matches!(vi, 13 | 8) => &["", "w"],
        _ => &[RR_INITIALS[li]],
    };
    let medials: &[&str] = match vi {
        4 => &["eo", "u"],
        6 => &["yeo", "yu", "yo", "you"],
        13 => &["u", "oo"],
        18 => &["eu", "u"],
        20 => &["i", "ee"],
        19 => &["ui", "ee", "eui", "i"],
        11 => &["oe", "oi", "oy"],
        1 => &["ae", "ai"],
        7 => &["ye", "ae", "e", "yea"],
        17 => &["yu", "yoo", "you"],
        14 => &["wo", "wu"],
        _ => &[RR_MEDIALS[vi]],
    };
    for i in initials {
        for m in medials {
            add([i, m, fin].concat(), VARIANT);
        }
    }
    for &(s, names) in &SURNAMES {
        if s == c {
            for n in names {
                add((*n).to_string(), SURNAME);
            }
        }
    }
}

/// Latin spellings → (syllable, systems), for every syllable.
pub(crate) struct Spellings {
    map: HashMap<Box<str>, Vec<(char, u8)>>,
    /// The longest spelling, in bytes.
    pub(crate) longest: usize,
}

impl Spellings {
    /// The syllables spelt `s`, each with the systems of that spelling.
    pub(crate) fn get(&self, s: &str) -> &[(char, u8)] {
        self.map.get(s).map_or(&[], Vec::as_slice)
    }
}

/// The table of every spelling of every syllable, built on first use.
pub(crate) fn spellings() -> &'static Spellings {
    static TABLE: OnceLock<Spellings> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<Box<str>, Vec<(char, u8)>> = HashMap::new();
        let mut buf = Vec::new();
        let mut longest = 0;
        for i in 0..SYLLABLES {
            buf.clear();
            spellings_of(i, &mut buf);
            let c = syllable(i);
            for (s, mask) in buf.drain(..) {
                if s.is_empty() {
                    continue;
                }
                longest = longest.max(s.len());
                map.entry(s.into_boxed_str()).or_default().push((c, mask));
            }
        }
        Spellings { map, longest }
    })
}

/// Whether a Latin token (normalised) is a usual spelling of a surname.
pub(crate) fn is_surname(token: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        SURNAMES
            .iter()
            .flat_map(|(_, names)| names.iter().copied())
            .collect()
    })
    .contains(token)
}

/// How likely a syllable is as the reading of a spelling: lower is better.
fn preference(c: char, mask: u8, surname: bool) -> u32 {
    if surname && mask & SURNAME != 0 {
        return 0;
    }
    let mut p = if COMMON.contains(c) { 2 } else { 5 };
    if mask & RR == 0 {
        p += if mask & VARIANT != 0 {
            1
        } else if mask & MR != 0 {
            2
        } else {
            4
        };
    }
    p
}

/// The most likely Hangul reading of one romanised word (lower-case ASCII
/// letters), segmented into syllables: `seojoon` → 서준. Prefers fewer
/// syllables, consonants at the start of a syllable rather than at the end
/// of the one before (`taemin` is 태민, not 탬인) and syllables common in
/// names. `None` when the word cannot be segmented.
pub(crate) fn reading(word: &str, surname: bool) -> Option<String> {
    let table = spellings();
    let bytes = word.as_bytes();
    if word.is_empty() || word.len() > 40 || !bytes.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // best[i]: the cheapest reading of word[i..] (cost, syllables).
    let n = bytes.len();
    let mut best: Vec<Option<(u32, Vec<char>)>> = vec![None; n + 1];
    best[n] = Some((0, Vec::new()));
    for i in (0..n).rev() {
        let mut here: Option<(u32, Vec<char>)> = None;
        for len in 1..=table.longest.min(n - i) {
            let Some((rest_cost, rest)) = &best[i + len] else {
                continue;
            };
            let Some((c, p)) = table
                .get(&word[i..i + len])
                .iter()
                .map(|&(c, mask)| (c, preference(c, mask, surname && i == 0)))
                .min_by_key(|&(c, p)| (p, c))
            else {
                continue;
            };
            let mut cost = rest_cost + p + 10;
            // A final consonant followed by a syllable without an initial.
            let has_final = decompose(c).is_some_and(|(_, _, t)| t != 0);
            if has_final
                && rest
                    .first()
                    .and_then(|&r| decompose(r))
                    .is_some_and(|(l, _, _)| l == 11)
            {
                cost += 6;
            }
            if here.as_ref().is_none_or(|(h, _)| cost < *h) {
                let mut v = Vec::with_capacity(rest.len() + 1);
                v.push(c);
                v.extend_from_slice(rest);
                here = Some((cost, v));
            }
        }
        best[i] = here;
    }
    best[0].take().map(|(_, v)| v.into_iter().collect())
}

/// The most likely Hangul reading of a romanised name: the name is split into words at spaces and hyphens, each
/// word segmented into syllables of any system (RR, MR, Yale, usual
/// spellings). A first word that is a surname spelling is read as one.
///
/// # Example
///
/// ```
/// use hallyu::search::romanize::to_hangul;
///
/// assert_eq!(to_hangul("Park Seo-joon").as_deref(), Some("박서준"));
/// assert_eq!(to_hangul("Bak Seo-jun").as_deref(), Some("박서준"));
/// // The likeliest reading: "so" is 소 in RR, 서 only in McCune–Reischauer.
/// assert_eq!(to_hangul("Pak Sŏjun").as_deref(), Some("박소준"));
/// assert_eq!(to_hangul("Choi Woo-shik").as_deref(), Some("최우식"));
/// assert_eq!(to_hangul("Xzibit"), None); // no syllable is spelt "x"
/// ```
pub fn to_hangul(latin: &str) -> Option<String> {
    let words: Vec<String> = latin
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .map(super::normalise)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        out.push_str(&reading(w, i == 0 && words.len() > 1)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systems() {
        assert_eq!(revised("지창욱"), "jichanguk");
        assert_eq!(revised("박보영"), "bakboyeong");
        assert_eq!(revised("김종국"), "gimjongguk");
        assert_eq!(mccune_reischauer("김종국"), "kim chongguk");
        assert_eq!(fold(&mccune_reischauer("박서준")), "paksojun");
        assert_eq!(yale("최우식"), "choywusik");
        assert_eq!(yale("김"), "kim");
    }

    #[test]
    fn readings() {
        assert_eq!(reading("taemin", false).as_deref(), Some("태민"));
        assert_eq!(reading("jonghyun", false).as_deref(), Some("종현"));
        assert_eq!(reading("kang", false).as_deref(), Some("강"));
        assert_eq!(reading("seojoon", false).as_deref(), Some("서준"));
        assert_eq!(reading("xq", false), None);
        assert_eq!(to_hangul("Song Joong-ki").as_deref(), Some("송중기"));
        assert_eq!(to_hangul("Lee Byeong-heon").as_deref(), Some("이병헌"));
        assert_eq!(to_hangul("Jung Yu-mi").as_deref(), Some("정유미"));
    }

    #[test]
    fn every_spelling_reads_back() {
        let table = spellings();
        for (c, _) in SURNAMES {
            for s in SURNAMES.iter().find(|x| x.0 == c).unwrap().1 {
                assert!(table.get(s).iter().any(|&(x, _)| x == c), "{s}");
            }
        }
        for s in [
            "joon", "hyun", "soo", "shi", "young", "sung", "suk", "woo", "shik", "jee",
        ] {
            assert!(!table.get(s).is_empty(), "{s}");
        }
        assert!(table.longest <= 8);
    }
}
