//! PNG without Graphviz (feature `png`): the built-in renderer's SVG
//! rasterised by resvg.
//!
//! The fonts are the system's (unless turned off) and those named by
//! [`FONT_ENV`](super::FONT_ENV) and [`RenderOptions::font_path`]. fontdb does
//! not read fontconfig's aliases, so an SVG asking for `serif` or `Times`
//! would find no face and resvg would silently draw no text at all: the
//! generic families are set here to faces that exist, and every text element
//! of the parsed picture is checked to have glyphs before it is drawn.
//!
//! [`RenderOptions::font_path`]: super::RenderOptions::font_path

use std::path::{Path, PathBuf};
use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb, roxmltree};

use super::{FONT_ENV, is_hangul};
use crate::error::{Error, Result};

/// The character a Korean font must have: 박 (U+BC15).
const HANGUL_PROBE: char = '\u{BC15}';

/// Families tried, in order, for `sans-serif` when they have Hangul glyphs.
const KOREAN_SANS: &[&str] = &[
    "NanumGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumBarunGothic",
    "Source Han Sans KR",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "UnDotum",
    "Baekmuk Gulim",
];
/// Families tried for `sans-serif` when no Korean font is loaded.
const LATIN_SANS: &[&str] = &[
    "DejaVu Sans",
    "Liberation Sans",
    "Noto Sans",
    "Arial",
    "Helvetica",
    "FreeSans",
];
/// Families tried for `serif`; otherwise it is the `sans-serif` face.
const SERIF: &[&str] = &[
    "NanumMyeongjo",
    "Noto Serif CJK KR",
    "Noto Serif KR",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
    "FreeSerif",
];
/// Families tried for `monospace`; otherwise it is the `sans-serif` face.
const MONOSPACE: &[&str] = &[
    "NanumGothicCoding",
    "D2Coding",
    "Noto Sans Mono CJK KR",
    "DejaVu Sans Mono",
    "Liberation Mono",
    "FreeMono",
];

/// Pictures larger than this many pixels are refused (4 bytes each).
const MAX_PIXELS: u64 = 120_000_000;

/// Where the fonts come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FontSources {
    /// Whether the system's font directories are scanned.
    pub(crate) system: bool,
    /// Font files or directories, besides those of [`FONT_ENV`].
    pub(crate) paths: Vec<PathBuf>,
}

/// A loaded font database with its generic families set.
#[derive(Clone, Debug)]
pub(crate) struct Fonts {
    db: Arc<fontdb::Database>,
    /// The family `sans-serif` (and the default) is mapped to.
    sans: String,
    /// A family with Hangul glyphs, when one is loaded.
    hangul: Option<String>,
    /// Where the fonts were looked for, for error messages.
    searched: String,
}

impl Fonts {
    /// Loads the fonts and picks the generic families.
    ///
    /// # Errors
    ///
    /// When a font path does not exist or a font file cannot be read, and
    /// when no font at all is found.
    pub(crate) fn load(sources: &FontSources) -> Result<Fonts> {
        let mut db = fontdb::Database::new();
        let mut searched = Vec::new();
        if sources.system {
            db.load_system_fonts();
            searched.push("the system's font directories".to_string());
        }
        if let Some(value) = std::env::var_os(FONT_ENV) {
            for path in std::env::split_paths(&value) {
                if path.as_os_str().is_empty() {
                    continue;
                }
                load_path(&mut db, &path, FONT_ENV)?;
                searched.push(format!("{FONT_ENV}={}", path.display()));
            }
        }
        for path in &sources.paths {
            load_path(&mut db, path, "the font path")?;
            searched.push(path.display().to_string());
        }
        let searched = if searched.is_empty() {
            "nowhere (system fonts turned off, no font paths)".to_string()
        } else {
            searched.join(", ")
        };
        if db.is_empty() {
            return Err(Error::render(format!(
                "cannot draw PNG: no font found (looked in {searched}); install one \
                 (`apt-get install fonts-nanum` for Korean and Latin), name a font file or \
                 directory with {FONT_ENV}=/path/font.ttf, or draw with Graphviz or as SVG"
            )));
        }

        let hangul = KOREAN_SANS
            .iter()
            .find(|name| family_has(&db, name, HANGUL_PROBE))
            .map(|name| name.to_string())
            .or_else(|| {
                db.faces()
                    .find(|face| has_char(&db, face.id, HANGUL_PROBE))
                    .map(|face| family_of(face).to_string())
            });
        let sans = hangul
            .clone()
            .or_else(|| first_present(&db, LATIN_SANS))
            .or_else(|| db.faces().next().map(|face| family_of(face).to_string()))
            .expect("the database is not empty");
        let serif = first_present(&db, SERIF).unwrap_or_else(|| sans.clone());
        let monospace = first_present(&db, MONOSPACE).unwrap_or_else(|| sans.clone());
        keep_in_memory(&mut db, &[&sans, &serif, &monospace]);
        db.set_sans_serif_family(sans.clone());
        db.set_serif_family(serif);
        db.set_monospace_family(monospace);
        db.set_cursive_family(sans.clone());
        db.set_fantasy_family(sans.clone());
        Ok(Fonts {
            db: Arc::new(db),
            sans,
            hangul,
            searched,
        })
    }
}

fn load_path(db: &mut fontdb::Database, path: &Path, origin: &str) -> Result<()> {
    if path.is_dir() {
        db.load_fonts_dir(path);
        Ok(())
    } else if path.is_file() {
        db.load_font_file(path)
            .map_err(|e| Error::render(format!("cannot read the font {}: {e}", path.display())))
    } else {
        Err(Error::render(format!(
            "{origin} names {}, which is neither a font file nor a directory",
            path.display()
        )))
    }
}

/// Reads the files of these families once, so that drawing does not read
/// them again for every text (fontdb maps nothing into memory without its
/// `memmap` feature).
fn keep_in_memory(db: &mut fontdb::Database, families: &[&str]) {
    let mut paths: Vec<PathBuf> = db
        .faces()
        .filter(|face| families.iter().any(|name| has_family(face, name)))
        .filter_map(|face| match &face.source {
            fontdb::Source::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    paths.sort();
    paths.dedup();
    for path in paths {
        let Ok(data) = std::fs::read(&path) else {
            continue;
        };
        let ids: Vec<fontdb::ID> = db
            .faces()
            .filter(|face| matches!(&face.source, fontdb::Source::File(p) if *p == path))
            .map(|face| face.id)
            .collect();
        for id in ids {
            db.remove_face(id);
        }
        db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    }
}

/// The English (or first) family name of a face.
fn family_of(face: &fontdb::FaceInfo) -> &str {
    face.families
        .iter()
        .find(|(_, lang)| *lang == fontdb::Language::English_UnitedStates)
        .or_else(|| face.families.first())
        .map_or(face.post_script_name.as_str(), |(name, _)| name.as_str())
}

fn has_family(face: &fontdb::FaceInfo, name: &str) -> bool {
    face.families.iter().any(|(n, _)| n == name)
}

fn first_present(db: &fontdb::Database, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|name| db.faces().any(|face| has_family(face, name)))
        .map(|name| name.to_string())
}

fn family_has(db: &fontdb::Database, name: &str, c: char) -> bool {
    db.faces()
        .filter(|face| has_family(face, name))
        .any(|face| has_char(db, face.id, c))
}

fn has_char(db: &fontdb::Database, id: fontdb::ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        skrifa::FontRef::from_index(data, index)
            .ok()
            .and_then(|font| skrifa::MetadataProvider::charmap(&font).map(c))
            .is_some()
    })
    .unwrap_or(false)
}

/// Rasterises an SVG of the built-in renderer at `scale` pixels per unit.
///
/// Returns the PNG bytes and warnings (characters no font has).
///
/// # Errors
///
/// When the picture has Hangul and no loaded font has Hangul glyphs, when a
/// text element would be drawn without any glyph, and when the picture is
/// too large.
pub(crate) fn rasterise(svg: &str, fonts: &Fonts, scale: u32) -> Result<(Vec<u8>, Vec<String>)> {
    if fonts.hangul.is_none() && svg.chars().any(is_hangul) {
        return Err(Error::render(format!(
            "cannot draw the PNG: the picture has Hangul but no Korean font was found (no font \
             with a glyph for U+BC15 '박'; looked in {}); install one (`apt-get install \
             fonts-nanum`), name it with {FONT_ENV}=/path/font.ttf, or draw with Graphviz or \
             as SVG",
            fonts.searched
        )));
    }
    let options = usvg::Options {
        font_family: fonts.sans.clone(),
        fontdb: fonts.db.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| Error::render(format!("cannot read the built-in SVG: {e}")))?;
    let warnings = check_text(svg, &tree, fonts)?;

    let s = scale.max(1) as f32;
    let size = tree.size();
    let (width, height) = (
        (size.width() * s).ceil() as u64,
        (size.height() * s).ceil() as u64,
    );
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(Error::render(format!(
            "cannot draw the PNG: {width}×{height} pixels is too large; ask for a smaller scale \
             or for SVG"
        )));
    }
    let too_large = || Error::render(format!("cannot draw a {width}×{height} PNG"));
    let mut pixmap = tiny_skia::Pixmap::new(
        u32::try_from(width).map_err(|_| too_large())?,
        u32::try_from(height).map_err(|_| too_large())?,
    )
    .ok_or_else(too_large)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(s, s),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| Error::render(format!("cannot encode the PNG: {e}")))?;
    Ok((bytes, warnings))
}

/// Every text element with visible characters must be drawn with glyphs:
/// usvg drops a text whose font is not found without a word, so the texts of
/// the parsed picture are counted against those of the SVG. Characters that
/// no font has are reported once each.
fn check_text(svg: &str, tree: &usvg::Tree, fonts: &Fonts) -> Result<Vec<String>> {
    let visible = |node: roxmltree::Node<'_, '_>| {
        node.descendants()
            .any(|d| d.is_text() && d.text().is_some_and(|t| !t.trim().is_empty()))
    };
    let doc = roxmltree::Document::parse(svg)
        .map_err(|e| Error::render(format!("cannot read the built-in SVG: {e}")))?;
    let wanted = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && visible(*n))
        .count();
    let mut drawn = 0;
    let mut missing = Vec::new();
    walk(tree.root(), fonts, &mut drawn, &mut missing)?;
    if drawn < wanted {
        return Err(Error::render(format!(
            "cannot draw the PNG: {} of {wanted} texts found no font (sans-serif is {}; looked \
             in {}); install fonts (`apt-get install fonts-nanum`), name one with \
             {FONT_ENV}=/path/font.ttf, or draw with Graphviz or as SVG",
            wanted - drawn,
            fonts.sans,
            fonts.searched
        )));
    }
    Ok(missing
        .into_iter()
        .map(|c: char| {
            format!(
                "no loaded font has a glyph for {c:?} (U+{:04X}): it shows as an empty box in \
                 the PNG",
                c as u32
            )
        })
        .collect())
}

fn walk(
    group: &usvg::Group,
    fonts: &Fonts,
    drawn: &mut usize,
    missing: &mut Vec<char>,
) -> Result<()> {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => walk(g, fonts, drawn, missing)?,
            usvg::Node::Text(text) => {
                let content: String = text.chunks().iter().map(|c| c.text()).collect();
                if content.trim().is_empty() {
                    continue;
                }
                *drawn += 1;
                let glyphs: Vec<_> = text
                    .layouted()
                    .iter()
                    .flat_map(|span| &span.positioned_glyphs)
                    .collect();
                if glyphs.is_empty() {
                    return Err(Error::render(format!(
                        "cannot draw the PNG: no font found for the text {content:?} (sans-serif \
                         is {}; looked in {}); install fonts (`apt-get install fonts-nanum`), \
                         name one with {FONT_ENV}=/path/font.ttf, or draw with Graphviz or as SVG",
                        fonts.sans, fonts.searched
                    )));
                }
                for glyph in glyphs {
                    if glyph.id.0 != 0 {
                        continue;
                    }
                    for c in glyph.text.chars() {
                        if !invisible(c) && !missing.contains(&c) {
                            missing.push(c);
                        }
                    }
                }
            }
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
    Ok(())
}

/// Characters that draw nothing anyway: spaces, controls, joiners and
/// variation selectors.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        )
}
