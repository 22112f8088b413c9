//! Hangul by arithmetic: syllables split into jamo and put back together,
//! initial consonants (초성), keystrokes of the 2-set (두벌식) keyboard both
//! ways, and edit distance counted on jamo.
//!
//! A precomposed syllable (U+AC00–U+D7A3) is `(initial × 21 + medial) × 28 +
//! final`, with 19 initials, 21 medials and 28 finals (0 = none). Jamo are
//! returned as *compatibility* jamo (U+3131…, the ones people type: "ㅂ"),
//! whatever form the input used: NFD's conjoining jamo (U+1100…) are mapped
//! to them.
//!
//! # Example
//!
//! ```
//! use hallyu::search::hangul::{from_keyboard, initials, jamo_distance, to_keyboard};
//!
//! assert_eq!(initials("박서준"), "ㅂㅅㅈ");
//! assert_eq!(to_keyboard("박서준"), "qkrtjwns");
//! assert_eq!(from_keyboard("qkrtjwns"), "박서준");
//! assert_eq!(jamo_distance("박서존", "박서준", 2), Some(1));
//! ```

/// The first precomposed syllable, 가.
const BASE: u32 = 0xAC00;
/// The number of precomposed syllables (19 × 21 × 28).
pub(crate) const SYLLABLES: u32 = 19 * 21 * 28;

/// The 19 initial consonants, in Unicode order.
pub(crate) const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
/// The 21 medial vowels, in Unicode order.
pub(crate) const MEDIALS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
/// The 27 final consonants, in Unicode order (final 0, none, is left out:
/// `FINALS[t - 1]`).
pub(crate) const FINALS: [char; 27] = [
    'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ',
    'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// Compound vowels and finals as the simple jamo they are typed with.
const COMPOUNDS: [(char, char, char); 18] = [
    ('ㅘ', 'ㅗ', 'ㅏ'),
    ('ㅙ', 'ㅗ', 'ㅐ'),
    ('ㅚ', 'ㅗ', 'ㅣ'),
    ('ㅝ', 'ㅜ', 'ㅓ'),
    ('ㅞ', 'ㅜ', 'ㅔ'),
    ('ㅟ', 'ㅜ', 'ㅣ'),
    ('ㅢ', 'ㅡ', 'ㅣ'),
    ('ㄳ', 'ㄱ', 'ㅅ'),
    ('ㄵ', 'ㄴ', 'ㅈ'),
    ('ㄶ', 'ㄴ', 'ㅎ'),
    ('ㄺ', 'ㄹ', 'ㄱ'),
    ('ㄻ', 'ㄹ', 'ㅁ'),
    ('ㄼ', 'ㄹ', 'ㅂ'),
    ('ㄽ', 'ㄹ', 'ㅅ'),
    ('ㄾ', 'ㄹ', 'ㅌ'),
    ('ㄿ', 'ㄹ', 'ㅍ'),
    ('ㅀ', 'ㄹ', 'ㅎ'),
    ('ㅄ', 'ㅂ', 'ㅅ'),
];

/// The 2-set keyboard: each simple jamo and its key (shifted keys are
/// upper case).
const KEYS: [(char, char); 33] = [
    ('ㅂ', 'q'),
    ('ㅈ', 'w'),
    ('ㄷ', 'e'),
    ('ㄱ', 'r'),
    ('ㅅ', 't'),
    ('ㅛ', 'y'),
    ('ㅕ', 'u'),
    ('ㅑ', 'i'),
    ('ㅐ', 'o'),
    ('ㅔ', 'p'),
    ('ㅁ', 'a'),
    ('ㄴ', 's'),
    ('ㅇ', 'd'),
    ('ㄹ', 'f'),
    ('ㅎ', 'g'),
    ('ㅗ', 'h'),
    ('ㅓ', 'j'),
    ('ㅏ', 'k'),
    ('ㅣ', 'l'),
    ('ㅋ', 'z'),
    ('ㅌ', 'x'),
    ('ㅊ', 'c'),
    ('ㅍ', 'v'),
    ('ㅠ', 'b'),
    ('ㅜ', 'n'),
    ('ㅡ', 'm'),
    ('ㅃ', 'Q'),
    ('ㅉ', 'W'),
    ('ㄸ', 'E'),
    ('ㄲ', 'R'),
    ('ㅆ', 'T'),
    ('ㅒ', 'O'),
    ('ㅖ', 'P'),
];

/// Whether `c` is a precomposed Hangul syllable (가–힣).
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::is_syllable;
///
/// assert!(is_syllable('박'));
/// assert!(!is_syllable('ㅂ'));
/// assert!(!is_syllable('b'));
/// ```
pub fn is_syllable(c: char) -> bool {
    (BASE..BASE + SYLLABLES).contains(&u32::from(c))
}

/// Whether `c` is a compatibility jamo (ㄱ–ㅣ, U+3131–U+3163).
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::is_jamo;
///
/// assert!(is_jamo('ㅂ'));
/// assert!(!is_jamo('박'));
/// ```
pub fn is_jamo(c: char) -> bool {
    ('\u{3131}'..='\u{3163}').contains(&c)
}

/// Whether `c` is a consonant among the compatibility jamo.
pub(crate) fn is_consonant(c: char) -> bool {
    ('\u{3131}'..='\u{314E}').contains(&c)
}

/// The parts of a syllable: the indexes of its initial (0–18), medial
/// (0–20) and final (0–27, 0 for none), or `None` for any other character.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::decompose;
///
/// assert_eq!(decompose('박'), Some((7, 0, 1))); // ㅂ ㅏ ㄱ
/// assert_eq!(decompose('가'), Some((0, 0, 0)));
/// assert_eq!(decompose('힣'), Some((18, 20, 27)));
/// assert_eq!(decompose('a'), None);
/// ```
pub fn decompose(c: char) -> Option<(u8, u8, u8)> {
    let i = u32::from(c).checked_sub(BASE)?;
    if i >= SYLLABLES {
        return None;
    }
    Some(((i / (21 * 28)) as u8, (i / 28 % 21) as u8, (i % 28) as u8))
}

/// The syllable of an initial, a medial and a final (0 for none), or `None`
/// when an index is out of range.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::compose;
///
/// assert_eq!(compose(7, 0, 1), Some('박'));
/// assert_eq!(compose(19, 0, 0), None);
/// ```
pub fn compose(initial: u8, medial: u8, last: u8) -> Option<char> {
    if initial >= 19 || medial >= 21 || last >= 28 {
        return None;
    }
    let (l, v, t) = (u32::from(initial), u32::from(medial), u32::from(last));
    char::from_u32(BASE + (l * 21 + v) * 28 + t)
}

/// The syllable with this index (0 = 가), for tables built by arithmetic.
pub(crate) fn syllable(index: u32) -> char {
    char::from_u32(BASE + index % SYLLABLES).unwrap_or('가')
}

/// The compatibility jamo of a conjoining jamo (as NFD produces: U+1100…,
/// U+1161…, U+11A8…), if it has one.
pub(crate) fn compatibility(c: char) -> Option<char> {
    let u = u32::from(c);
    match u {
        0x1100..=0x1112 => Some(INITIALS[(u - 0x1100) as usize]),
        0x1161..=0x1175 => Some(MEDIALS[(u - 0x1161) as usize]),
        0x11A8..=0x11C2 => Some(FINALS[(u - 0x11A8) as usize]),
        _ => None,
    }
}

/// The initial consonants (초성) of the Hangul in `s`: one compatibility
/// jamo per syllable; jamo are kept (so "ㅂㅅㅈ" is its own initials) and
/// everything else is dropped.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::initials;
///
/// assert_eq!(initials("박서준"), "ㅂㅅㅈ");
/// assert_eq!(initials("산다라 박"), "ㅅㄷㄹㅂ");
/// // Decomposed input (NFD) gives the same.
/// assert_eq!(initials("\u{1107}\u{1161}\u{11a8}"), "ㅂ");
/// ```
pub fn initials(s: &str) -> String {
    let mut out = String::new();
    for c in nfc(s).chars() {
        if let Some((l, _, _)) = decompose(c) {
            out.push(INITIALS[usize::from(l)]);
        } else if is_jamo(c) {
            out.push(c);
        } else if let Some(j) = compatibility(c) {
            out.push(j);
        }
    }
    out
}

/// The string in canonical composed form (NFC): decomposed Hangul becomes
/// syllables again.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::nfc;
///
/// let nfd = "\u{110e}\u{116c}\u{110b}\u{116e}\u{1109}\u{1175}\u{11a8}";
/// assert_eq!(nfc(nfd), "최우식");
/// ```
pub fn nfc(s: &str) -> String {
    to_nfc(s).into_owned()
}

/// [`nfc`] without a copy when the text is already composed (a quick check
/// first): what every reader applies to the names it loads, so that a name
/// typed with combining marks and the same name precomposed are one name.
pub(crate) fn to_nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s.into();
    }
    s.nfc().collect::<String>().into()
}

/// The string in canonical decomposed form (NFD), as macOS file names and
/// some input methods write Hangul: each syllable becomes two or three
/// conjoining jamo.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::{nfc, nfd};
///
/// assert_eq!(nfd("박").chars().count(), 3);
/// assert_eq!(nfc(&nfd("박서준")), "박서준");
/// ```
pub fn nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

/// Pushes the simple jamo of `j` (a compound vowel or final as its parts).
fn push_simple(out: &mut Vec<char>, j: char) {
    match COMPOUNDS.iter().find(|&&(c, _, _)| c == j) {
        Some(&(_, a, b)) => {
            out.push(a);
            out.push(b);
        }
        None => out.push(j),
    }
}

/// The Hangul of `s` as simple compatibility jamo, in typing order:
/// compound vowels and finals split into their parts (ㅚ = ㅗ ㅣ, ㄳ = ㄱ ㅅ).
/// Other characters are kept as they are.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::jamo;
///
/// assert_eq!(jamo("박서준").iter().collect::<String>(), "ㅂㅏㄱㅅㅓㅈㅜㄴ");
/// assert_eq!(jamo("최").iter().collect::<String>(), "ㅊㅗㅣ");
/// ```
pub fn jamo(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in nfc(s).chars() {
        match decompose(c) {
            Some((l, v, t)) => {
                out.push(INITIALS[usize::from(l)]);
                push_simple(&mut out, MEDIALS[usize::from(v)]);
                if t > 0 {
                    push_simple(&mut out, FINALS[usize::from(t) - 1]);
                }
            }
            None => match compatibility(c) {
                Some(j) => push_simple(&mut out, j),
                None => push_simple(&mut out, c),
            },
        }
    }
    out
}

/// The keys typed for `s` on a 2-set (두벌식) Korean keyboard left in Latin
/// mode: 박서준 is "qkrtjwns". Tense consonants and ㅒ ㅖ are shifted (upper
/// case); characters that are not Hangul are kept.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::to_keyboard;
///
/// assert_eq!(to_keyboard("박서준"), "qkrtjwns");
/// assert_eq!(to_keyboard("최우식"), "chldntlr");
/// assert_eq!(to_keyboard("쌍"), "Tkd");
/// ```
pub fn to_keyboard(s: &str) -> String {
    jamo(s)
        .into_iter()
        .map(|j| {
            KEYS.iter()
                .find(|&&(k, _)| k == j)
                .map_or(j, |&(_, key)| key)
        })
        .collect()
}

/// The index of a simple or compound final in `FINALS`, plus one.
fn final_index(j: char) -> Option<u8> {
    FINALS.iter().position(|&f| f == j).map(|i| i as u8 + 1)
}

/// The compound of two jamo (ㅗ + ㅏ = ㅘ, ㄱ + ㅅ = ㄳ), if they form one.
fn combine(a: char, b: char) -> Option<char> {
    COMPOUNDS
        .iter()
        .find(|&&(_, x, y)| x == a && y == b)
        .map(|&(c, _, _)| c)
}

/// The two parts of a compound final, if it is one.
fn split(j: char) -> Option<(char, char)> {
    COMPOUNDS
        .iter()
        .find(|&&(c, _, _)| c == j)
        .map(|&(_, a, b)| (a, b))
}

/// Hangul from keys typed on a 2-set keyboard in Latin mode: the reverse of
/// [`to_keyboard`], composing syllables as an input method does (a final
/// consonant moves to the next syllable when a vowel follows). Keys that are
/// not jamo are kept; a lower-case key stands for its unshifted jamo and an
/// upper-case one for its shifted jamo when it has one.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::from_keyboard;
///
/// assert_eq!(from_keyboard("qkrtjwns"), "박서준");
/// assert_eq!(from_keyboard("chlwl"), "최지");
/// assert_eq!(from_keyboard("dkdldb"), "아이유");
/// assert_eq!(from_keyboard("rt"), "ㄱㅅ");
/// ```
pub fn from_keyboard(keys: &str) -> String {
    let mut out = String::new();
    let mut state = Composer::default();
    for key in keys.chars() {
        let jamo = KEYS
            .iter()
            .find(|&&(_, k)| k == key)
            .or_else(|| {
                let lower = key.to_ascii_lowercase();
                KEYS.iter().find(|&&(_, k)| k == lower)
            })
            .map(|&(j, _)| j);
        match jamo {
            Some(j) => state.feed(j, &mut out),
            None => {
                state.flush(&mut out);
                out.push(key);
            }
        }
    }
    state.flush(&mut out);
    out
}

/// The syllable being typed by [`from_keyboard`].
#[derive(Default)]
struct Composer {
    initial: Option<char>,
    medial: Option<char>,
    last: Option<char>,
}

impl Composer {
    fn feed(&mut self, j: char, out: &mut String) {
        if is_consonant(j) {
            match (self.initial, self.medial, self.last) {
                (Some(_), Some(_), None) if final_index(j).is_some() => self.last = Some(j),
                (Some(_), Some(_), Some(t)) if combine(t, j).is_some() => {
                    self.last = combine(t, j);
                }
                _ => {
                    self.flush(out);
                    self.initial = Some(j);
                }
            }
        } else {
            match (self.initial, self.medial, self.last) {
                (Some(_), Some(_), Some(t)) => {
                    // The final starts the next syllable.
                    let (keep, moved) = match split(t) {
                        Some((a, b)) => (Some(a), b),
                        None => (None, t),
                    };
                    self.last = keep;
                    self.flush(out);
                    self.initial = Some(moved);
                    self.medial = Some(j);
                }
                (_, Some(v), None) if combine(v, j).is_some() => self.medial = combine(v, j),
                (Some(_), None, None) => self.medial = Some(j),
                _ => {
                    self.flush(out);
                    self.medial = Some(j);
                }
            }
        }
    }

    fn flush(&mut self, out: &mut String) {
        let (l, v, t) = (self.initial.take(), self.medial.take(), self.last.take());
        let index = |table: &[char], c: char| table.iter().position(|&x| x == c);
        if let (Some(l), Some(v)) = (l, v) {
            let syllable = index(&INITIALS, l)
                .zip(index(&MEDIALS, v))
                .and_then(|(l, v)| {
                    let t = t.map_or(Some(0), final_index)?;
                    compose(l as u8, v as u8, t)
                });
            if let Some(s) = syllable {
                out.push(s);
                return;
            }
        }
        out.extend([l, v, t].into_iter().flatten());
    }
}

/// The edit distance between two strings counted on jamo (박서존 is one
/// from 박서준, not one syllable), if it is at most `k`.
///
/// # Example
///
/// ```
/// use hallyu::search::hangul::jamo_distance;
///
/// assert_eq!(jamo_distance("박서존", "박서준", 3), Some(1));
/// assert_eq!(jamo_distance("박서준", "최우식", 3), None);
/// ```
pub fn jamo_distance(a: &str, b: &str, k: usize) -> Option<usize> {
    super::distance_within(&jamo(a), &jamo(b), k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_round_trips_every_syllable() {
        for i in 0..SYLLABLES {
            let c = syllable(i);
            let (l, v, t) = decompose(c).unwrap();
            assert_eq!(compose(l, v, t), Some(c));
            // NFD splits into the conjoining jamo of the same indexes.
            let d: Vec<char> = nfd(&c.to_string()).chars().collect();
            assert_eq!(d[0], char::from_u32(0x1100 + u32::from(l)).unwrap());
            assert_eq!(d[1], char::from_u32(0x1161 + u32::from(v)).unwrap());
            assert_eq!(d.len(), if t == 0 { 2 } else { 3 });
            assert_eq!(nfc(&d.iter().collect::<String>()), c.to_string());
        }
        assert_eq!(decompose('\u{ABFF}'), None);
        assert_eq!(decompose('\u{D7A4}'), None);
        assert_eq!(compose(0, 21, 0), None);
        assert_eq!(compose(0, 0, 28), None);
    }

    #[test]
    fn keyboard_both_ways() {
        let names = [
            ("박서준", "qkrtjwns"),
            ("최우식", "chldntlr"),
            ("아이유", "dkdldb"),
            ("송중기", "thdwndrl"),
            ("지창욱", "wlckddnr"),
            ("뷔", "qnl"),
            ("닭", "ekfr"),
            ("쌍꺼풀", "TkdRjvnf"),
            ("의사", "dmltk"),
        ];
        for (hangul, keys) in names {
            assert_eq!(to_keyboard(hangul), keys, "{hangul}");
            assert_eq!(from_keyboard(&to_keyboard(hangul)), hangul, "{hangul}");
        }
        // The same keys with Caps Lock on: the shifted jamo where there is one.
        assert_eq!(from_keyboard("QKRTJWNS"), "빢써쭌");
        // Every syllable comes back from its keys.
        for i in 0..SYLLABLES {
            let c = syllable(i).to_string();
            assert_eq!(from_keyboard(&to_keyboard(&c)), c);
        }
        // Stray keys and jamo that do not compose.
        assert_eq!(from_keyboard("k"), "ㅏ");
        assert_eq!(from_keyboard("r1k"), "ㄱ1ㅏ");
        assert_eq!(from_keyboard("gkrtod"), "학생");
    }

    #[test]
    fn initials_and_jamo() {
        assert_eq!(initials("최우식"), "ㅊㅇㅅ");
        assert_eq!(initials("ㅂㅅㅈ"), "ㅂㅅㅈ");
        assert_eq!(initials("IU 아이유"), "ㅇㅇㅇ");
        assert_eq!(initials(&nfd("박서준")), "ㅂㅅㅈ");
        assert_eq!(jamo("닭").iter().collect::<String>(), "ㄷㅏㄹㄱ");
        assert_eq!(jamo(&nfd("뷔")).iter().collect::<String>(), "ㅂㅜㅣ");
        assert_eq!(jamo_distance("박서준", "박서준", 0), Some(0));
        assert_eq!(jamo_distance("박서준", "박서진", 2), Some(1));
        assert_eq!(jamo_distance("박서준", "박서", 3), Some(3));
    }
}
