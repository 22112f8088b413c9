//! The vocabulary the readers map: role, kind and billing words, the exact
//! role that a `role_kind` attribute names, and a record kind's article.

use crate::model::{Billing, RecordKind, Role, RoleKind, WorkKind};

pub(super) fn norm(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role a word stands for, with a billing when the source gives one.
/// Returns the role and whether the word was mapped to the generic
/// [`Role::Other`].
///
/// | word | role |
/// |---|---|
/// | `performer`, `self`, `host` | `Performer` |
/// | `featured`, `feat`, `featuring` | `Featured` |
/// | `lead`, `supporting`, `cameo` | `Cast` with that billing |
/// | `cast`, `actor`, `actress`, `acted in` with a billing | `Cast` with that billing |
/// | the same without a billing | `Other { name: word, on_screen: true, character }`: no billing is invented |
/// | `director`, `directed` | `Director` |
/// | `composer`, `composed` | `Composer` |
/// | `lyricist` | `Lyricist` |
/// | `music producer` | `MusicProducer` |
/// | `soundtrack` | `Soundtrack` |
/// | `writer`, `wrote`, `screenwriter`, `producer`, `produced`, `editor`, `cinematographer`, `crew`, `reviewed`, `crew of` | `Other { name: word, on_screen: false }` |
/// | anything else (`participant`, `guest`, …) | `Other { name: word, on_screen: true }` |
/// | no role at all | `Other { name: "appearance", on_screen: true }` |
///
/// Words are compared in lowercase, with `_` and `-` read as spaces.
pub(crate) fn role_of_word(
    word: Option<&str>,
    billing: Option<Billing>,
    character: Option<String>,
) -> (Role, bool) {
    let Some(raw) = word.map(str::trim).filter(|w| !w.is_empty()) else {
        return match billing {
            Some(billing) => (Role::Cast { billing, character }, false),
            None => (
                Role::Other {
                    name: "appearance".into(),
                    on_screen: true,
                    character,
                },
                true,
            ),
        };
    };
    let w = norm(raw);
    let other = |on_screen, character| Role::Other {
        name: raw.to_string(),
        on_screen,
        character,
    };
    let cast = |billing, character| Role::Cast { billing, character };
    let role = match w.as_str() {
        "performer" | "self" | "host" => Role::Performer,
        "featured" | "feat" | "featuring" => Role::Featured,
        "lead" => cast(Billing::Lead, character),
        "supporting" => cast(Billing::Supporting, character),
        "cameo" => cast(Billing::Cameo, character),
        "cast" | "actor" | "actress" | "acted in" if billing.is_some() => {
            cast(billing.expect("checked"), character)
        }
        "director" | "directed" => Role::Director,
        "composer" | "composed" => Role::Composer,
        "lyricist" => Role::Lyricist,
        "music producer" => Role::MusicProducer,
        "soundtrack" => Role::Soundtrack { song: None },
        "writer" | "wrote" | "screenwriter" | "producer" | "produced" | "editor"
        | "cinematographer" | "crew" | "reviewed" | "crew of" => {
            return (other(false, character), true);
        }
        _ => return (other(true, character), true),
    };
    (role, false)
}

/// The work kind a word stands for (`mv`, `music video`, `drama`, `film`,
/// `movie`, `variety`, `commercial`), else [`WorkKind::Other`]; the flag
/// says whether the word was unknown.
pub(crate) fn kind_of_word(word: Option<&str>) -> (WorkKind, bool) {
    let Some(w) = word.map(str::trim).filter(|w| !w.is_empty()) else {
        return (WorkKind::Other, false);
    };
    if norm(w) == "movie" {
        return (WorkKind::Film, false);
    }
    match w.parse::<WorkKind>() {
        Ok(k) => (k, false),
        Err(_) => (WorkKind::Other, norm(w) != "other"),
    }
}

/// A billing word: `lead`, `supporting` or `cameo`.
pub(crate) fn billing_of_word(word: &str) -> Option<Option<Billing>> {
    match norm(word).as_str() {
        "" => Some(None),
        "lead" => Some(Some(Billing::Lead)),
        "supporting" => Some(Some(Billing::Supporting)),
        "cameo" => Some(Some(Billing::Cameo)),
        _ => None,
    }
}

/// The role that exact attributes name: `role_kind` (a
/// [`RoleKind`] name, as the exports write it) with the `role` word (kept
/// for [`Role::Other`]), `billing`, `character`, `song`, `since` and
/// `until`. `None` when there is no `role_kind` or it names no kind.
pub(crate) fn role_of_kind(
    kind: Option<&str>,
    word: Option<&str>,
    character: Option<String>,
    song: Option<String>,
    since: Option<i32>,
    until: Option<i32>,
) -> Option<Role> {
    let kind: RoleKind = kind?.trim().parse().ok()?;
    let cast = |billing| Role::Cast {
        billing,
        character: character.clone(),
    };
    let other = |on_screen| Role::Other {
        name: word
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .unwrap_or("appearance")
            .to_string(),
        on_screen,
        character: character.clone(),
    };
    Some(match kind {
        RoleKind::Lead => cast(Billing::Lead),
        RoleKind::Supporting => cast(Billing::Supporting),
        RoleKind::Cameo => cast(Billing::Cameo),
        RoleKind::Soundtrack => Role::Soundtrack { song },
        RoleKind::Member => Role::Member { since, until },
        RoleKind::OtherOnScreen => other(true),
        RoleKind::OtherCrew => other(false),
        k => crate::model::role_of(k),
    })
}

/// A record kind with its article: `a person`, `an organisation`.
pub(crate) fn article(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Person => "a person",
        RecordKind::Group => "a group",
        RecordKind::Work => "a work",
        RecordKind::Organisation => "an organisation",
    }
}
