//! Validation of merged records: each record's own fields (ids, names,
//! Hangul, years, `unverified` marks, invisible characters), then the links
//! between records (duplicate ids, unknown references, roles that do not
//! fit their ends, duplicate credits); and the NFC normalisation of names
//! on load.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, ErrorKind, Location};
use crate::model::{Credit, RecordKind, Records, Role};

use super::locate::Locator;
use super::suggest::Suggestions;
use super::{Catalog, Origins};

/// Names and titles in Unicode normal form C, so that a name typed with
/// combining marks (NFD, as macOS file names are) and the same name
/// precomposed are one name. Marks naming an alias follow their alias.
pub(super) fn normalise(r: &mut Records) {
    fn nfc(s: &mut String) {
        if let std::borrow::Cow::Owned(normal) = crate::search::hangul::to_nfc(s) {
            *s = normal;
        }
    }
    fn names(
        name: &mut String,
        hangul: &mut Option<String>,
        aliases: &mut [String],
        marks: &mut [String],
    ) {
        nfc(name);
        hangul.iter_mut().for_each(nfc);
        aliases.iter_mut().for_each(nfc);
        marks.iter_mut().for_each(nfc);
    }
    for p in &mut r.people {
        names(
            &mut p.name,
            &mut p.hangul,
            &mut p.aliases,
            &mut p.unverified,
        );
    }
    for g in &mut r.groups {
        names(
            &mut g.name,
            &mut g.hangul,
            &mut g.aliases,
            &mut g.unverified,
        );
    }
    for w in &mut r.works {
        names(
            &mut w.title,
            &mut w.hangul,
            &mut w.aliases,
            &mut w.unverified,
        );
    }
    for o in &mut r.organisations {
        names(
            &mut o.name,
            &mut o.hangul,
            &mut o.aliases,
            &mut o.unverified,
        );
    }
}

/// The first character of a name that cannot be seen or that controls the
/// terminal: a control character (a tab, a newline, an escape), a
/// zero-width or bidirectional formatting character, a soft hyphen, a
/// byte-order mark. Returns its 1-based position in characters and the
/// character.
fn invisible(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find_map(|(i, c)| {
        let bad = c.is_control()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{061C}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
                    | '\u{FFF9}'..='\u{FFFB}'
                    | '\u{1D173}'..='\u{1D17A}'
                    | '\u{E0000}'..='\u{E007F}'
            );
        bad.then_some((i + 1, c))
    })
}

/// Whether `id` is a slug: lowercase ASCII letters and digits in runs joined
/// by single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether a string holds at least one Hangul syllable or jamo.
fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
    })
}

const PERSON_FIELDS: &[&str] = &[
    "name",
    "hangul",
    "aliases",
    "born",
    "professions",
    "disambiguation",
];
const WORK_FIELDS: &[&str] = &[
    "title", "hangul", "aliases", "released", "ended", "album", "network",
];
const NAME_FIELDS: &[&str] = &["name", "hangul", "aliases"];

/// Checks of one record's own fields.
struct FieldCheck<'a> {
    loc: &'a Locator,
    section: &'static str,
    index: usize,
    id: &'a str,
}

impl FieldCheck<'_> {
    fn fail(&self, field: &str, message: String) -> Error {
        Error::new(ErrorKind::Invalid {
            id: self.id.to_string(),
            message,
        })
        .at(Some(self.loc.field(self.section, self.index, field)))
    }

    fn check(
        &self,
        (name_field, name): (&'static str, &str),
        hangul: Option<&str>,
        unverified: &[String],
        allowed: &[&str],
        aliases: &[String],
        errors: &mut Vec<Error>,
    ) {
        if !is_slug(self.id) {
            errors.push(self.fail(
                "id",
                "invalid id: ids are lowercase slugs such as \"park-seo-joon\" (a-z, 0-9, single hyphens)"
                    .to_string(),
            ));
        }
        if name.trim().is_empty() {
            errors.push(self.fail(name_field, format!("empty {name_field}")));
        }
        let texts = std::iter::once((name_field, name))
            .chain(hangul.map(|h| ("hangul", h)))
            .chain(aliases.iter().map(|a| ("aliases", a.as_str())));
        for (field, text) in texts {
            if let Some((at, c)) = invisible(text) {
                errors.push(self.fail(
                    field,
                    format!(
                        "{field} holds an invisible or control character, U+{:04X}, at \
                         character {at}: names must be visible text",
                        c as u32
                    ),
                ));
            }
        }
        if let Some(h) = hangul
            && !has_hangul(h)
        {
            errors.push(self.fail("hangul", format!("hangul \"{h}\" contains no Hangul")));
        }
        // A set of the aliases, so that each `aliases:value` mark is one
        // lookup (100,000 marks against 100,000 aliases were 10¹⁰ compares).
        let alias_set: HashSet<&str> = if unverified.iter().any(|m| m.contains(':')) {
            aliases.iter().map(String::as_str).collect()
        } else {
            HashSet::new()
        };
        for mark in unverified {
            let (field, value) = match mark.split_once(':') {
                Some((f, v)) => (f, Some(v)),
                None => (mark.as_str(), None),
            };
            if !allowed.contains(&field) {
                errors.push(self.fail(
                    "unverified",
                    format!(
                        "unverified mark \"{mark}\" names no field (expected one of {})",
                        allowed.join(", ")
                    ),
                ));
            } else if let Some(value) = value {
                let found = field == "aliases" && alias_set.contains(value);
                if !found {
                    errors.push(self.fail(
                        "unverified",
                        format!("unverified mark \"{mark}\": {field} holds no \"{value}\""),
                    ));
                }
            }
        }
    }

    /// The record's ids are of their databases' forms.
    fn ids(&self, ids: &crate::model::Ids, errors: &mut Vec<Error>) {
        for (field, value) in ids.malformed() {
            errors.push(self.fail(
                "ids",
                format!(
                    "ids: {field} \"{value}\" is not an id of that database (IMDb: nm or tt \
                     and seven digits or more; Wikidata: Q and a number; MusicBrainz: a \
                     lowercase UUID)"
                ),
            ));
        }
    }

    fn year(&self, field: &str, year: i32, errors: &mut Vec<Error>) {
        if !Catalog::PLAUSIBLE_YEARS.contains(&year) {
            errors.push(self.fail(
                field,
                format!(
                    "implausible year {year} in {field} (expected {} to {})",
                    Catalog::PLAUSIBLE_YEARS.start(),
                    Catalog::PLAUSIBLE_YEARS.end()
                ),
            ));
        }
    }
}

/// The checks of one record's names (`$name_field`, and the `id`,
/// `hangul`, `aliases` and `unverified` fields every kind of record has);
/// gives the record's [`FieldCheck`] for its other fields.
macro_rules! check_names {
    ($loc:expr, $section:literal, $index:expr, $r:expr, $name_field:ident, $allowed:expr, $errors:expr) => {{
        let c = FieldCheck {
            loc: $loc,
            section: $section,
            index: $index,
            id: &$r.id,
        };
        c.check(
            (stringify!($name_field), &$r.$name_field),
            $r.hangul.as_deref(),
            &$r.unverified,
            $allowed,
            &$r.aliases,
            $errors,
        );
        c
    }};
}

pub(super) fn validate_fields(r: &Records, loc: &Locator, errors: &mut Vec<Error>) {
    for (index, p) in r.people.iter().enumerate() {
        let c = check_names!(loc, "people", index, p, name, PERSON_FIELDS, errors);
        c.ids(&p.ids, errors);
        if let Some(born) = p.born {
            c.year("born", born.year, errors);
        }
    }
    for (index, g) in r.groups.iter().enumerate() {
        check_names!(loc, "groups", index, g, name, NAME_FIELDS, errors).ids(&g.ids, errors);
    }
    for (index, w) in r.works.iter().enumerate() {
        let c = check_names!(loc, "works", index, w, title, WORK_FIELDS, errors);
        c.ids(&w.ids, errors);
        c.year("released", w.released.year, errors);
        if let Some(ended) = w.ended {
            c.year("ended", ended.year, errors);
            if ended < w.released {
                errors.push(c.fail(
                    "ended",
                    format!("ends ({ended}) before it is released ({})", w.released),
                ));
            }
        }
    }
    for (index, o) in r.organisations.iter().enumerate() {
        check_names!(loc, "organisations", index, o, name, NAME_FIELDS, errors);
    }
    for (index, credit) in r.credits.iter().enumerate() {
        if let Role::Member { since, until } = credit.role {
            let id = format!("{} → {}", credit.from, credit.to);
            let c = FieldCheck {
                loc,
                section: "credits",
                index,
                id: &id,
            };
            for year in since.iter().chain(until.iter()) {
                c.year("role", *year, errors);
            }
            if let (Some(s), Some(u)) = (since, until)
                && u < s
            {
                errors.push(c.fail(
                    "role",
                    format!("membership ends ({u}) before it begins ({s})"),
                ));
            }
        }
    }
}

pub(super) fn validate_links<'r>(
    r: &'r Records,
    o: &Origins,
    spots: &[[Location; 3]],
    broken_ids: &HashSet<String>,
    errors: &mut Vec<Error>,
) {
    let mut kinds: HashMap<&str, (RecordKind, &Location)> = HashMap::new();
    let all = [
        (
            RecordKind::Person,
            r.people.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            &o.people,
        ),
        (
            RecordKind::Group,
            r.groups.iter().map(|x| x.id.as_str()).collect(),
            &o.groups,
        ),
        (
            RecordKind::Work,
            r.works.iter().map(|x| x.id.as_str()).collect(),
            &o.works,
        ),
        (
            RecordKind::Organisation,
            r.organisations.iter().map(|x| x.id.as_str()).collect(),
            &o.organisations,
        ),
    ];
    for (kind, ids, locations) in &all {
        for (id, location) in ids.iter().zip(locations.iter()) {
            if let Some((_, first)) = kinds.get(id) {
                errors.push(
                    Error::new(ErrorKind::DuplicateId {
                        id: id.to_string(),
                        first: Some((*first).clone()),
                    })
                    .at(Some(location.clone())),
                );
            } else {
                kinds.insert(id, (*kind, location));
            }
        }
    }
    let mut seen: HashSet<(&str, &str, &Role)> = HashSet::new();
    // Built on the first unknown id, and asked only while errors are
    // listed (at most `MAX_ERRORS`), each distinct id once.
    let mut index: Option<Suggestions<'_>> = None;
    let mut asked: HashMap<&str, Option<String>> = HashMap::new();
    for (credit, [from_at, to_at, role_at]) in r.credits.iter().zip(spots) {
        let Credit { from, to, role, .. } = credit;
        let mut resolve = |id: &'r str, at: &Location| {
            let found = kinds.get(id).map(|(k, _)| *k);
            if found.is_none() && !broken_ids.contains(id) {
                let suggestion = if errors.len() < Catalog::MAX_ERRORS {
                    let index =
                        index.get_or_insert_with(|| Suggestions::new(kinds.keys().copied()));
                    asked
                        .entry(id)
                        .or_insert_with(|| index.closest(id).map(str::to_string))
                        .clone()
                } else {
                    None
                };
                errors.push(
                    Error::new(ErrorKind::UnknownReference {
                        id: id.to_string(),
                        suggestion,
                    })
                    .at(Some(at.clone())),
                );
            }
            found
        };
        let (Some(fk), Some(tk)) = (resolve(from, from_at), resolve(to, to_at)) else {
            continue;
        };
        if from == to {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: from.clone(),
                    message: format!("credit links \"{from}\" to itself"),
                })
                .at(Some(from_at.clone())),
            );
        } else if !role.fits(fk, tk) {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: format!("{from} → {to}"),
                    message: format!(
                        "role {} does not fit a {fk} → {tk} credit (it links {})",
                        role.name(),
                        role.expected_ends()
                    ),
                })
                .at(Some(role_at.clone())),
            );
        } else if !seen.insert((from, to, role)) {
            errors.push(
                Error::new(ErrorKind::Invalid {
                    id: format!("{from} → {to}"),
                    message: format!("duplicate credit ({})", role.name()),
                })
                .at(Some(from_at.clone())),
            );
        }
    }
}
