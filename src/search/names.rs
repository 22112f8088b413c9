//! The text of a name as the index reads it: normalised for lookup, cut
//! to a length, split into words, turned round, read in Hangul.

use super::{hangul, romanize};

/// Normalises a name for lookup: composed Unicode (NFC, so decomposed
/// Hangul equals composed), compatibility forms folded (NFKC: full-width
/// "ＩＵ" is "iu"), the breves of McCune–Reischauer dropped ("Sŏjun" is
/// "sojun"; other accents are kept: "Zoë" is not "Zoe"), lower case,
/// and everything that is not a letter or digit removed, so that
/// `Kim So-hyun`, `kim so hyun` and `KIM SOHYUN` are equal. Hangul is kept
/// as syllables; lone jamo are compatibility jamo (ㅂ).
///
/// # Example
///
/// ```
/// use hallyu::search::normalise;
///
/// assert_eq!(normalise("Kim So-hyun"), "kimsohyun");
/// assert_eq!(normalise("K.Will"), normalise("k-will"));
/// assert_eq!(normalise(" 김소현 "), "김소현");
/// assert_eq!(normalise("ＩＵ"), "iu");
/// assert_eq!(normalise("Pak Sŏjun"), "paksojun");
/// assert_eq!(normalise("Ch'oe U-sik"), "choeusik");
/// // Decomposed Hangul (NFD), as macOS writes it.
/// assert_eq!(normalise("\u{110e}\u{116c}\u{110b}\u{116e}\u{1109}\u{1175}\u{11a8}"), "최우식");
/// ```
pub fn normalise(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        return name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    let mut out = String::with_capacity(name.len());
    let push = |out: &mut String, c: char| {
        if let Some(j) = hangul::compatibility(c) {
            out.push(j);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    };
    for c in name.nfc() {
        match c {
            _ if c.is_ascii() || hangul::is_syllable(c) || hangul::is_jamo(c) => push(&mut out, c),
            // McCune–Reischauer's breves, which people leave out.
            'ŏ' | 'Ŏ' => out.push('o'),
            'ŭ' | 'Ŭ' => out.push('u'),
            // Compatibility forms folded: full-width "ＩＵ", half-width kana.
            _ => {
                for d in std::iter::once(c).nfkc() {
                    push(&mut out, d);
                }
            }
        }
    }
    out
}

/// Cuts `s` to at most `max` bytes, at a character boundary.
pub(super) fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The words of a name: split at spaces, hyphens excluded (`Seo-joon` is
/// one word), commas and dots.
pub(super) fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !normalise(w).is_empty())
        .collect()
}

/// The name with its last word moved to the front (`Seo-joon Park` →
/// `Park Seo-joon`), when it has two words or more.
pub(super) fn rotated(name: &str) -> Option<String> {
    let w = words(name);
    let (last, rest) = w.split_last()?;
    if rest.is_empty() {
        return None;
    }
    let mut out = normalise(last);
    for r in rest {
        out.push_str(&normalise(r));
    }
    Some(out)
}

/// The most likely Hangul reading of a Latin name, surname first: the name
/// is turned round when only its last word is a surname spelling.
pub(super) fn latin_reading(name: &str) -> Option<String> {
    let w = words(name);
    if w.is_empty() || w.len() > 4 {
        return None;
    }
    let first = normalise(w[0]);
    let last = normalise(w[w.len() - 1]);
    let turned = w.len() > 1 && !romanize::is_surname(&first) && romanize::is_surname(&last);
    let order: Vec<&str> = if turned {
        std::iter::once(w[w.len() - 1])
            .chain(w[..w.len() - 1].iter().copied())
            .collect()
    } else {
        w
    };
    romanize::to_hangul(&order.join(" "))
}
