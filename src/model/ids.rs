//! [`Ids`]: a record's ids in other databases (IMDb, Wikidata,
//! MusicBrainz).

use serde::{Deserialize, Serialize};

/// A record's identifiers in other databases (`ids: (imdb: "nm…",
/// wikidata: "Q…", musicbrainz: "…")` in RON, any of them left out). An id
/// is written only where one of the record's sources shows it: the merge
/// of sources ([`Merge`](crate::import::Merge)) matches records by them.
///
/// # Example
///
/// ```
/// use hallyu::model::Ids;
///
/// let ids = Ids { wikidata: Some("Q42".into()), ..Ids::default() };
/// assert!(!ids.is_empty() && Ids::default().is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ids {
    /// IMDb's `nm…` (a person) or `tt…` (a title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imdb: Option<String>,
    /// Wikidata's `Q…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// MusicBrainz's artist id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub musicbrainz: Option<String>,
}

impl Ids {
    /// Whether no id is given.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(hallyu::model::Ids::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.imdb.is_none() && self.wikidata.is_none() && self.musicbrainz.is_none()
    }

    /// The ids that are not of their database's form (IMDb: `nm` or `tt`
    /// and at least seven digits; Wikidata: `Q` and a number; MusicBrainz:
    /// a lowercase UUID), as (field, value).
    pub(crate) fn malformed(&self) -> Vec<(&'static str, &str)> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let imdb = |s: &str| {
            (s.starts_with("nm") || s.starts_with("tt")) && s.len() >= 9 && digits(&s[2..])
        };
        let wikidata = |s: &str| {
            s.strip_prefix('Q')
                .is_some_and(|n| digits(n) && !n.starts_with('0'))
        };
        let uuid = |s: &str| {
            let parts: Vec<&str> = s.split('-').collect();
            parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
                && parts
                    .iter()
                    .all(|p| p.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        };
        let mut bad = Vec::new();
        for (field, value, ok) in [
            (
                "imdb",
                &self.imdb,
                imdb(self.imdb.as_deref().unwrap_or_default()),
            ),
            (
                "wikidata",
                &self.wikidata,
                wikidata(self.wikidata.as_deref().unwrap_or_default()),
            ),
            (
                "musicbrainz",
                &self.musicbrainz,
                uuid(self.musicbrainz.as_deref().unwrap_or_default()),
            ),
        ] {
            if let (Some(v), false) = (value.as_deref(), ok) {
                bad.push((field, v));
            }
        }
        bad
    }
}
