//! Text metrics: how wide a line of text is, and where labels wrap.

/// Estimated advance of a character, in em.
pub(super) fn char_em(c: char) -> f64 {
    match c {
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' => 0.0,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}' => 1.0,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' => 1.2,
        'i' | 'l' | 'j' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' | ' ' => 0.3,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '"' | '`' => 0.4,
        'm' | 'w' => 0.84,
        'M' | 'W' => 0.9,
        'A'..='Z' => 0.68,
        'a'..='z' => 0.56,
        '0'..='9' => 0.58,
        c if c.is_ascii() => 0.6,
        c if c.is_control() => 0.0,
        _ => 0.64,
    }
}

/// Estimated width of a line of text, in pixels.
///
/// With the `png` feature and a font found (the files of `HALLYU_FONT`, else
/// the system's first face of the families the pictures ask for that has
/// Hangul), the font's own advances, read with skrifa; otherwise, and for a
/// character the font lacks, the per-character estimate.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    #[cfg(feature = "png")]
    if let Some(face) = font::face() {
        return face.width(text, char_em) * size * 1.03;
    }
    text.chars().map(char_em).sum::<f64>() * size * 1.04
}

/// The font whose metrics measure text, with the `png` feature.
#[cfg(feature = "png")]
mod font {
    use std::sync::OnceLock;

    use resvg::usvg::fontdb;
    use skrifa::instance::{LocationRef, Size};
    use skrifa::raw::TableProvider;
    use skrifa::{FontRef, MetadataProvider};

    use crate::export::dot::FONT_FAMILIES;
    use crate::render::FONT_ENV;

    pub(super) struct Face {
        data: Vec<u8>,
        index: u32,
        units_per_em: f64,
    }

    static FACE: OnceLock<Option<Face>> = OnceLock::new();

    /// The measuring face, loaded once per process.
    pub(super) fn face() -> Option<&'static Face> {
        FACE.get_or_init(load).as_ref()
    }

    fn load() -> Option<Face> {
        let mut db = fontdb::Database::new();
        if let Some(value) = std::env::var_os(FONT_ENV) {
            for path in std::env::split_paths(&value) {
                if path.is_dir() {
                    db.load_fonts_dir(&path);
                } else {
                    let _ = db.load_font_file(&path);
                }
            }
        }
        let own: Vec<fontdb::ID> = db.faces().map(|f| f.id).collect();
        db.load_system_fonts();
        let mut candidates = own;
        for family in FONT_FAMILIES.split(',').map(str::trim) {
            let query = fontdb::Query {
                families: &[fontdb::Family::Name(family)],
                ..fontdb::Query::default()
            };
            candidates.extend(db.query(&query));
        }
        candidates.into_iter().find_map(|id| {
            db.with_face_data(id, |data, index| {
                let font = FontRef::from_index(data, index).ok()?;
                font.charmap().map('박')?;
                let units_per_em = f64::from(font.head().ok()?.units_per_em());
                Some(Face {
                    data: data.to_vec(),
                    index,
                    units_per_em,
                })
            })
            .flatten()
        })
    }

    impl Face {
        /// The advance of a line in em; `fallback` for what the font lacks.
        pub(super) fn width(&self, text: &str, fallback: fn(char) -> f64) -> f64 {
            let Ok(font) = FontRef::from_index(&self.data, self.index) else {
                return text.chars().map(fallback).sum();
            };
            let charmap = font.charmap();
            let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            text.chars()
                .map(|c| {
                    charmap
                        .map(c)
                        .and_then(|g| metrics.advance_width(g))
                        .map_or_else(|| fallback(c), |a| f64::from(a) / self.units_per_em)
                })
                .sum()
        }
    }
}

/// Splits a label into lines no wider than `max` pixels: at line breaks,
/// then at spaces, then (for a long word) between characters.
pub(super) fn wrap(label: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for raw in label.split('\n') {
        let raw = raw.trim_end_matches('\r');
        if text_width(raw, size) <= max {
            lines.push(raw.to_string());
            continue;
        }
        let mut line = String::new();
        for word in raw.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone; break it if it is still too wide.
            for c in word.chars() {
                line.push(c);
                if text_width(&line, size) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    lines
}
