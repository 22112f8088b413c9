//! The readers of the files: `name.basics`, `title.akas` (the Korean
//! selection), `title.basics` and `title.principals`, and how IMDb's title
//! types and categories map to the model's work kinds and roles.

use std::collections::HashMap;
use std::path::Path;

use super::rows::{BLOCK, Ctx, is_null, parse_key, parse_text, parse_year, shorten};
use super::tables::{IdMap, NONE, SKIPPED, Section};
use crate::error::Result;
use crate::graph::memory_phase;
use crate::import::tsv::{Row, Tsv};
use crate::model::{RoleKind, WorkKind};

pub(super) struct Names {
    pub(super) section: Section,
    pub(super) born: Vec<i16>,
}

pub(super) fn read_names(path: &Path, ctx: &Ctx<'_, '_>) -> Result<Names> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (id, name, born_at) = (
        tsv.column("nconst")?,
        tsv.column("primaryName")?,
        tsv.column("birthYear")?,
    );
    let file = tsv.name.clone();
    let mut out = Names {
        section: Section::default(),
        born: Vec::new(),
    };
    out.section.table.prefix = "nm";
    let mut bad = 0;
    out.section.rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "nm")?;
        let text = parse_text(row, &file, name)?;
        let born = parse_year(row, &file, born_at)?;
        let text = if is_null(text.as_bytes()) { "" } else { text };
        if out.born.len() == MAX_NAMES {
            let m = format!("more than {MAX_NAMES} names, more than hallyu can hold");
            return Err(row.error(&file, id, m));
        }
        out.section
            .push(key, text)
            .map_err(|m| row.error(&file, name, m))?;
        out.born.push(born);
        Ok(())
    })?;
    out.section.bad = bad;
    memory_phase("names read");
    Ok(out)
}

/// The work kind of an IMDb title type, or `None` for types left out.
pub(crate) fn work_kind(title_type: &[u8]) -> Option<WorkKind> {
    Some(match title_type {
        b"movie" | b"tvMovie" | b"short" | b"tvShort" | b"video" => WorkKind::Film,
        b"tvSeries" | b"tvMiniSeries" | b"tvEpisode" | b"tvPilot" => WorkKind::Drama,
        b"tvShow" | b"tvSpecial" | b"reality" => WorkKind::Variety,
        b"musicVideo" => WorkKind::MusicVideo,
        _ => return None,
    })
}

/// The role of an IMDb principal category (and its billing position), or
/// `None` for categories left out.
pub(crate) fn role_kind(category: &[u8], ordering: u32) -> Option<RoleKind> {
    Some(match category {
        b"actor" | b"actress" if ordering <= 3 => RoleKind::Lead,
        b"actor" | b"actress" => RoleKind::Supporting,
        b"self" => RoleKind::Performer,
        b"director" => RoleKind::Director,
        b"composer" => RoleKind::Composer,
        _ => return None,
    })
}

/// The base name of IMDb's alternative titles, read by
/// [`Imdb::korean`](super::Imdb::korean).
pub(super) const AKAS: &str = "title.akas";

/// Whether `text` holds Hangul: a syllable or a jamo.
fn has_hangul(text: &str) -> bool {
    use crate::search::hangul::{is_jamo, is_syllable};
    text.chars().any(|c| is_syllable(c) || is_jamo(c))
}

/// The titles the Korean rule selects (see
/// [`Imdb::korean`](super::Imdb::korean)), with their Hangul.
pub(super) struct Korean {
    pub(super) titles: HashMap<(u32, u8), Option<Box<str>>>,
    pub(super) rows: usize,
    pub(super) bad: usize,
}

impl Korean {
    fn contains(&self, key: (u32, u8)) -> bool {
        self.titles.contains_key(&key)
    }
}

/// What the rows of one title have shown so far.
#[derive(Default)]
struct AkaGroup {
    key: Option<(u32, u8)>,
    korean: bool,
    original_hangul: Option<Box<str>>,
    kr_hangul: Option<Box<str>>,
}

impl AkaGroup {
    /// Files the group's title when the rule selected it.
    fn flush(&mut self, into: &mut HashMap<(u32, u8), Option<Box<str>>>) {
        let group = std::mem::take(self);
        if let (Some(key), true) = (group.key, group.korean) {
            let hangul = group.original_hangul.or(group.kr_hangul);
            let slot = into.entry(key).or_default();
            if slot.is_none() {
                *slot = hangul;
            }
        }
    }
}

/// Streams `title.akas`, keeping the keys of Korean titles and their Hangul.
pub(super) fn read_akas(path: &Path, ctx: &Ctx<'_, '_>) -> Result<Korean> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (id, title, region, original) = (
        tsv.column("titleId")?,
        tsv.column("title")?,
        tsv.column("region")?,
        tsv.column("isOriginalTitle")?,
    );
    let file = tsv.name.clone();
    let mut titles = HashMap::new();
    let mut group = AkaGroup::default();
    let mut bad = 0;
    let rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "tt")?;
        let text = parse_text(row, &file, title)?;
        let is_original = match row.get(original) {
            b"1" => true,
            b"0" | b"\\N" => false,
            other => {
                let shown = shorten(other);
                return Err(row.error(
                    &file,
                    original,
                    format!("invalid isOriginalTitle \"{shown}\" (expected 0, 1 or \\N)"),
                ));
            }
        };
        let kr = row.get(region) == b"KR";
        if group.key != Some(key) {
            group.flush(&mut titles);
            group.key = Some(key);
        }
        let hangul = has_hangul(text);
        if is_original && (hangul || kr) {
            group.korean = true;
        }
        if hangul && is_original && group.original_hangul.is_none() {
            group.original_hangul = Some(crate::search::hangul::to_nfc(text).into());
        } else if hangul && kr && group.kr_hangul.is_none() {
            group.kr_hangul = Some(crate::search::hangul::to_nfc(text).into());
        }
        Ok(())
    })?;
    group.flush(&mut titles);
    memory_phase("akas read");
    Ok(Korean { titles, rows, bad })
}

pub(super) struct Titles {
    pub(super) section: Section,
    pub(super) kinds: Vec<WorkKind>,
    pub(super) years: Vec<i16>,
    pub(super) skipped: usize,
    /// Rows whose key an earlier row had.
    pub(super) duplicates: usize,
    /// Key number → title position, [`SKIPPED`] for titles of a skipped type.
    pub(super) map: IdMap,
    /// Rows left out by the Korean rule.
    pub(super) not_korean: usize,
    /// The Hangul of kept titles (Korean selection only), by position.
    pub(super) hangul: Vec<(u32, Box<str>)>,
}

pub(super) fn read_titles(
    path: &Path,
    korean: Option<&Korean>,
    ctx: &Ctx<'_, '_>,
) -> Result<Titles> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let id = tsv.column("tconst")?;
    let (kind_at, title, year) = (
        tsv.column("titleType")?,
        tsv.column("primaryTitle")?,
        tsv.column("startYear")?,
    );
    let file = tsv.name.clone();
    let mut section = Section::default();
    section.table.prefix = "tt";
    let (mut kinds, mut years) = (Vec::new(), Vec::new());
    // Titles of a skipped type: the key, and how many kept titles came
    // before (to know which row of a repeated key came first).
    let mut skipped_rows: Vec<((u32, u8), u32)> = Vec::new();
    let mut bad = 0;
    let (mut not_korean, mut hangul) = (0, Vec::new());
    section.rows = ctx.rows(&mut tsv, &mut bad, |row| {
        let key = parse_key(row, &file, id, "tt")?;
        let text = parse_text(row, &file, title)?;
        let y = parse_year(row, &file, year)?;
        let mut korean_hangul = None;
        if let Some(k) = korean {
            match k.titles.get(&key) {
                None => {
                    not_korean += 1;
                    return Ok(());
                }
                Some(h) => korean_hangul = h.as_deref(),
            }
        }
        match work_kind(row.get(kind_at)) {
            Some(k) => {
                if let Some(h) = korean_hangul {
                    hangul.push((section.table.len() as u32, Box::from(h)));
                }
                section
                    .push(key, if is_null(text.as_bytes()) { "" } else { text })
                    .map_err(|m| row.error(&file, title, m))?;
                kinds.push(k);
                years.push(y);
            }
            None => skipped_rows.push((key, section.table.len() as u32)),
        }
        Ok(())
    })?;
    section.bad = bad;
    // Kept and skipped rows merged back into file order: the first row of a
    // key wins, whatever its type.
    let kept = section.table.len();
    let table = &section.table;
    let skipped_rows = &skipped_rows;
    let merged = || {
        let mut s = 0;
        let mut k = 0;
        std::iter::from_fn(move || {
            if s < skipped_rows.len() && skipped_rows[s].1 as usize <= k {
                s += 1;
                Some((skipped_rows[s - 1].0, SKIPPED))
            } else if k < kept {
                k += 1;
                Some(((table.ids[k - 1], table.widths[k - 1]), k as u32 - 1))
            } else {
                None
            }
        })
    };
    // A skipped row that won its key is a skipped title; any row that lost
    // is a duplicate key.
    let (mut duplicates, mut lost_skipped) = (0, 0);
    let map = IdMap::build(merged, |value| {
        duplicates += 1;
        lost_skipped += usize::from(value == SKIPPED);
    });
    let skipped = skipped_rows.len() - lost_skipped;
    memory_phase("titles read");
    Ok(Titles {
        section,
        kinds,
        years,
        skipped,
        duplicates,
        map,
        not_korean,
        hangul,
    })
}

/// The roles a principal can have ([`role_kind`]), by the code that
/// [`Raw`] packs beside the person.
const ROLES: [RoleKind; 5] = [
    RoleKind::Lead,
    RoleKind::Supporting,
    RoleKind::Performer,
    RoleKind::Director,
    RoleKind::Composer,
];

/// The bits of [`Raw::who`] that hold the role's code in [`ROLES`].
const ROLE_BITS: u32 = 3;

/// The most rows `name.basics` may have: a person's row must fit the bits
/// of [`Raw::who`] left beside the role (2^29, 536,870,912; IMDb has about
/// 14 million).
const MAX_NAMES: usize = 1 << (u32::BITS - ROLE_BITS);

/// One principal as read, in 8 bytes: the title position, and the person's
/// position in `name.basics` with the role's code in its low bits.
#[derive(Clone, Copy)]
pub(super) struct Raw {
    pub(super) work: u32,
    who: u32,
}

impl Raw {
    fn new(work: u32, person: u32, role: RoleKind) -> Raw {
        let code = ROLES.iter().position(|&r| r == role).unwrap_or(0) as u32;
        Raw {
            work,
            who: person << ROLE_BITS | code,
        }
    }

    /// The person's position in `name.basics`.
    pub(super) fn person(&self) -> u32 {
        self.who >> ROLE_BITS
    }

    pub(super) fn role(&self) -> RoleKind {
        ROLES[(self.who & ((1 << ROLE_BITS) - 1)) as usize]
    }
}

/// The principals read, or one block's share of them.
pub(super) struct Principals {
    pub(super) raw: Vec<Raw>,
    /// The person key of each principal of `raw` whose person is not looked
    /// up yet (its role in [`Raw::who`]): a block looks its people up in
    /// one tight loop at its end ([`Principals::resolve`]), where the
    /// lookups, each a likely cache miss in a table of every person, can
    /// overlap.
    keys: Vec<(u32, u8)>,
    pub(super) rows: usize,
    pub(super) bad: usize,
    pub(super) skipped: usize,
    pub(super) dangling: usize,
    pub(super) not_korean: usize,
    /// The last title looked up, and its position (principals come
    /// grouped by title).
    last: ((u32, u8), u32),
}

impl Default for Principals {
    /// Room for the principals of one block ([`BLOCK`] bytes of lines of
    /// about 40 bytes), so that a block's part is not copied as it grows.
    fn default() -> Principals {
        Principals {
            raw: Vec::with_capacity(BLOCK / 32),
            keys: Vec::with_capacity(BLOCK / 32),
            rows: 0,
            bad: 0,
            skipped: 0,
            dangling: 0,
            not_korean: 0,
            last: ((NONE, 0), NONE),
        }
    }
}

impl Principals {
    /// Looks up the people of the block's principals, leaving out (as
    /// dangling) those missing from `name.basics`.
    fn resolve(&mut self, people: &IdMap) {
        for (r, &key) in self.raw.iter_mut().zip(&self.keys) {
            let person = people.get(key);
            r.who = if person == NONE {
                NONE
            } else {
                person << ROLE_BITS | (r.who & ((1 << ROLE_BITS) - 1))
            };
        }
        let before = self.raw.len();
        self.raw.retain(|r| r.who != NONE);
        self.dangling += before - self.raw.len();
        self.keys = Vec::new();
    }
}

/// Reads `title.principals` on several threads ([`Ctx::par_rows`]),
/// resolving each credit's title and person as it goes.
pub(super) fn read_principals(
    path: &Path,
    titles: &Titles,
    people: &IdMap,
    korean: Option<&Korean>,
    ctx: &Ctx<'_, '_>,
) -> Result<Principals> {
    let mut tsv = Tsv::open(path, ctx.counter, ctx.max_line)?;
    let (t, o, n, c) = (
        tsv.column("tconst")?,
        tsv.column("ordering")?,
        tsv.column("nconst")?,
        tsv.column("category")?,
    );
    let file = tsv.name.clone();
    let read = |out: &mut Principals, row: &Row<'_>| {
        let title = parse_key(row, &file, t, "tt")?;
        let ordering = row.get(o);
        if ordering.is_empty() || ordering.len() > 9 || !ordering.iter().all(u8::is_ascii_digit) {
            let shown = shorten(ordering);
            return Err(row.error(
                &file,
                o,
                format!("invalid ordering \"{shown}\" (expected a number)"),
            ));
        }
        let ordering = ordering
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        let person = parse_key(row, &file, n, "nm")?;
        let Some(role) = role_kind(row.get(c), ordering) else {
            out.skipped += 1;
            return Ok(());
        };
        let work = if out.last.0 == title {
            out.last.1
        } else {
            let w = titles.map.get(title);
            out.last = (title, w);
            w
        };
        match work {
            NONE if korean.is_some_and(|k| !k.contains(title)) => out.not_korean += 1,
            NONE => out.dangling += 1,
            SKIPPED => out.skipped += 1,
            work => {
                out.raw.push(Raw::new(work, 0, role));
                out.keys.push(person);
            }
        }
        Ok(())
    };
    let mut out = Principals::default();
    let mut bad = 0;
    let resolve = |part: &mut Principals| part.resolve(people);
    out.rows = ctx.par_rows(&mut tsv, &mut bad, read, resolve, |part: Principals| {
        out.raw.extend_from_slice(&part.raw);
        out.skipped += part.skipped;
        out.dangling += part.dangling;
        out.not_korean += part.not_korean;
    })?;
    out.bad = bad;
    memory_phase("principals read");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles() {
        assert_eq!(work_kind(b"tvMiniSeries"), Some(WorkKind::Drama));
        assert_eq!(work_kind(b"videoGame"), None);
        assert_eq!(role_kind(b"actress", 1), Some(RoleKind::Lead));
        assert_eq!(role_kind(b"actor", 7), Some(RoleKind::Supporting));
        assert_eq!(role_kind(b"writer", 1), None);
    }
}
