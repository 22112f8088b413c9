//! The records of a catalog, exactly as they are written in the RON data files.
//!
//! Every type here derives serde's [`Serialize`] and [`Deserialize`]; the data
//! files are lists of these records (see `data/README.md`). Records refer to
//! each other by their stable string keys (slugs such as `park-seo-joon`);
//! [`Explorer`](crate::Explorer) resolves those keys into typed ids once, when
//! it is built.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub(crate) mod columns;
mod date;
mod ids;
mod kinds;
pub use date::PartialDate;
pub use ids::Ids;
pub use kinds::{Confidence, GroupKind, OrganisationKind, Profession, WorkKind};

/// A person: actor, singer, rapper, model, producer, director, …
///
/// # Example
///
/// ```
/// let explorer = hallyu::Explorer::bundled();
/// let id = explorer.person("Park Seo-joon")?;
/// let person = explorer.get(id).record().unwrap(); // the full record of the RON data
/// assert_eq!(person.hangul.as_deref(), Some("박서준"));
/// assert!(person.aliases.iter().any(|a| a == "Park Yong-kyu"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The stable key, a lowercase slug such as `park-seo-joon`.
    pub id: String,
    /// The canonical romanised name, e.g. `Park Seo-joon`.
    pub name: String,
    /// The name in Hangul, e.g. `박서준`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangul: Option<String>,
    /// Other names: stage names, birth names, other romanisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Tells this person apart from another one with the same name
    /// (e.g. `actor, born 1993`). Required by the data checks when two people
    /// share a normalised name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disambiguation: Option<String>,
    /// What the person does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub professions: Vec<Profession>,
    /// Date of birth, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<PartialDate>,
    /// Free-form remarks (why a claim is marked unverified, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the facts of this record come from (URLs).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How sure the sources are about this record as a whole.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
    /// Names of fields whose values no cited source states (for example a
    /// Hangul spelling known only to the editor), e.g. `["hangul"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<String>,
    /// The record's ids in other databases (IMDb, Wikidata, MusicBrainz),
    /// each given only where a cited source shows it.
    #[serde(default, skip_serializing_if = "Ids::is_empty")]
    pub ids: Ids,
}

/// A group: boy or girl group, band, duo, or a circle of friends such as the
/// Wooga Squad.
///
/// # Example
///
/// ```
/// use hallyu::model::GroupKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let group = explorer.get(explorer.group("Wooga Squad")?).record().unwrap();
/// assert_eq!((group.id.as_str(), group.kind), ("wooga-squad", GroupKind::FriendGroup));
/// assert_eq!(group.hangul.as_deref(), Some("우가팸"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The stable key, e.g. `bigbang`.
    pub id: String,
    /// The canonical name, e.g. `BIGBANG`.
    pub name: String,
    /// The name in Hangul, e.g. `빅뱅`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangul: Option<String>,
    /// Other names (`B2ST`, `Wooga family`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What kind of group this is.
    pub kind: GroupKind,
    /// Free-form remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the facts of this record come from (URLs).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How sure the sources are about this record as a whole.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
    /// Names of fields whose values no cited source states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<String>,
    /// The record's ids in other databases (IMDb, Wikidata, MusicBrainz),
    /// each given only where a cited source shows it.
    #[serde(default, skip_serializing_if = "Ids::is_empty")]
    pub ids: Ids,
}

/// A work: music video, drama, film, variety show or commercial.
///
/// # Example
///
/// ```
/// use hallyu::model::WorkKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let work = explorer.get(explorer.work("Haru Haru")?).record().unwrap();
/// assert_eq!(work.kind, WorkKind::MusicVideo);
/// assert_eq!(work.released.to_string(), "2008-08-08");
/// assert_eq!(work.album.as_deref(), Some("Stand Up"));
/// assert_eq!(work.collections, ["article"]);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
    /// The stable key, e.g. `haru-haru`.
    pub id: String,
    /// The official English (or romanised) title.
    pub title: String,
    /// The title in Hangul, e.g. `하루하루`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangul: Option<String>,
    /// Alternative titles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What kind of work this is.
    pub kind: WorkKind,
    /// The first release or air date; the year is required.
    pub released: PartialDate,
    /// The last air date of a series, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<PartialDate>,
    /// The album or release vehicle of a music video's song.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub album: Option<String>,
    /// The network, platform or distributor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// Free-form remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the facts of this record come from (URLs).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How sure the sources are about this record as a whole.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
    /// Names of fields whose values no cited source states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<String>,
    /// The record's ids in other databases (IMDb, Wikidata, MusicBrainz),
    /// each given only where a cited source shows it.
    #[serde(default, skip_serializing_if = "Ids::is_empty")]
    pub ids: Ids,
    /// Named sets the work belongs to, e.g. `article` for the twelve videos
    /// of the seed article (so that they stay identifiable among the others).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collections: Vec<String>,
}

/// An organisation: label, production company, broadcaster, brand.
///
/// # Example
///
/// ```
/// use hallyu::model::OrganisationKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let brewery = explorer.get(explorer.organisation("Cass")?).record().unwrap();
/// assert_eq!(brewery.name, "Oriental Brewery");
/// assert_eq!(brewery.kind, OrganisationKind::Brand);
/// // No cited source gives its Hangul name.
/// assert!(brewery.unverified.iter().any(|f| f == "hangul"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The stable key, e.g. `zanybros`.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The name in Hangul.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangul: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What kind of organisation this is.
    pub kind: OrganisationKind,
    /// Free-form remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the facts of this record come from (URLs).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How sure the sources are about this record as a whole.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
    /// Names of fields whose values no cited source states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<String>,
}

/// A link between two records: who did what on which work, who belongs to
/// which group, which organisation produced or banned a work.
///
/// The [`Role`] decides which kinds of record may stand at each end; see
/// [`Role::fits`].
///
/// # Example
///
/// ```
/// use hallyu::model::{Confidence, RoleKind};
///
/// let explorer = hallyu::Explorer::bundled();
/// let sequel = explorer.work("Kiss (sequel)")?;
/// let credit = explorer
///     .credits_of(sequel.into())
///     .map(|c| explorer.get(c).record().unwrap())
///     .find(|c| c.from == "sandara-park")
///     .unwrap();
/// assert_eq!((credit.to.as_str(), credit.role.kind()), ("kiss-sequel", RoleKind::Lead));
/// assert_eq!(credit.confidence, Confidence::Unverified);
/// assert_eq!(credit.notes.as_deref(), Some("Per the article only."));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    /// The subject: a person or group for work credits and memberships, a
    /// work for organisation and work-to-work links.
    pub from: String,
    /// The object: usually a work; a group for [`Role::Member`]; an
    /// organisation for [`Role::ProducedBy`] and the like.
    pub to: String,
    /// What `from` is or did on `to`.
    pub role: Role,
    /// Free-form remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where this link is stated (URLs).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How sure the sources are about this link.
    #[serde(default, skip_serializing_if = "Confidence::is_confirmed")]
    pub confidence: Confidence,
}

/// What a credit says `from` is or did on `to`.
///
/// # Example
///
/// ```
/// use hallyu::model::{Billing, Role};
///
/// let explorer = hallyu::Explorer::bundled();
/// let haru = explorer.work("Haru Haru")?;
/// let credits = explorer.credits_of(haru.into());
/// let roles: Vec<Role> = credits.map(|c| explorer.get(c).role().into_owned()).collect();
/// assert_eq!(roles[0], Role::Performer); // BIGBANG
/// let Role::Cast { billing: Billing::Lead, character: Some(character) } = &roles[1] else {
///     panic!("Park Min-young leads");
/// };
/// assert_eq!(character, "G-Dragon's terminally ill girlfriend");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Role {
    /// The artist of a song, shown in its music video; a cast member or host
    /// of a variety show.
    Performer,
    /// A featured artist (`feat.`).
    Featured,
    /// An acting role.
    Cast {
        /// Lead, supporting or cameo.
        billing: Billing,
        /// The character's name, when a source gives it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        character: Option<String>,
    },
    /// Directed the work.
    Director,
    /// Composed the music.
    Composer,
    /// Wrote the lyrics.
    Lyricist,
    /// Wrote, arranged or produced the music.
    MusicProducer,
    /// Sang a song of the work's soundtrack (not an on-screen appearance).
    Soundtrack {
        /// The song's title, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        song: Option<String>,
    },
    /// A person is a member of a group.
    Member {
        /// The year the membership began, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<i32>,
        /// The last year of the membership, when it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<i32>,
    },
    /// A person or group is signed to a label or agency.
    SignedTo,
    /// A work was produced by an organisation.
    ProducedBy,
    /// A work was banned from broadcast by an organisation.
    BannedBy,
    /// A work was made for, or used in, a commercial or a brand's campaign.
    TieIn,
    /// A work is a sequel of another work.
    SequelOf,
    /// A person's or group's role on a work that the model has no variant
    /// for, kept with the source's own word: a screenwriter, a producer, a
    /// participant in an event, or a cast credit whose billing the source
    /// does not give (`Other { name: "acted in", on_screen: true }`, so
    /// that no billing is invented).
    ///
    /// Importers map unknown role words here rather than rejecting them
    /// (see [`crate::import`]). The kind is [`RoleKind::OtherOnScreen`] or
    /// [`RoleKind::OtherCrew`].
    ///
    /// ```
    /// use hallyu::model::{Role, RoleKind};
    ///
    /// let writer = Role::Other { name: "screenwriter".into(), on_screen: false, character: None };
    /// assert_eq!((writer.word(), writer.kind()), ("screenwriter", RoleKind::OtherCrew));
    /// assert_eq!(writer.to_string(), "screenwriter"); // as answers print it
    /// ```
    Other {
        /// The source's word for the role (`screenwriter`, `acted in`, …).
        name: String,
        /// Whether the role puts the person on screen (or on stage, or in
        /// the room, for an event): then it counts as a co-appearance under
        /// the default filter.
        on_screen: bool,
        /// The character played, when the source gives it (an unbilled
        /// cast credit).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        character: Option<String>,
    },
}

/// The billing of an acting role.
///
/// # Example
///
/// ```
/// use hallyu::model::{Billing, Role};
///
/// assert_eq!(Billing::Supporting.to_string(), "supporting");
/// assert!(Billing::Lead < Billing::Supporting && Billing::Supporting < Billing::Cameo);
/// let role = Role::Cast { billing: Billing::Cameo, character: None };
/// assert_eq!(role.to_string(), "cast (cameo)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Billing {
    /// A leading role.
    Lead,
    /// A supporting role.
    Supporting,
    /// A brief appearance.
    Cameo,
}

impl fmt::Display for Billing {
    /// `lead`, `supporting` or `cameo`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Billing::Lead => "lead",
            Billing::Supporting => "supporting",
            Billing::Cameo => "cameo",
        })
    }
}

/// The kinds of record a credit can connect.
///
/// # Example
///
/// ```
/// use hallyu::model::{RecordKind, Role};
///
/// let explorer = hallyu::Explorer::bundled();
/// assert_eq!(explorer.lookup("BIGBANG")?.kind(), RecordKind::Group);
/// assert_eq!(RecordKind::Group.to_string(), "group");
/// assert!(Role::SignedTo.fits(RecordKind::Group, RecordKind::Organisation));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RecordKind {
    /// A [`Person`].
    Person,
    /// A [`Group`].
    Group,
    /// A [`Work`].
    Work,
    /// An [`Organisation`].
    Organisation,
}

impl Work {
    /// A work as a source without details gives it: a key, a title, a
    /// kind and perhaps a release date. The one rule for a date no source
    /// gives: year 0, marked `unverified: ["released"]` (a record needs a
    /// date; the mark says this one is not known).
    pub(crate) fn bare(
        id: String,
        title: String,
        kind: WorkKind,
        released: Option<PartialDate>,
    ) -> Work {
        Work {
            id,
            title,
            hangul: None,
            aliases: Vec::new(),
            kind,
            released: released.unwrap_or(PartialDate::year(0)),
            ended: None,
            album: None,
            network: None,
            notes: None,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            unverified: match released {
                Some(_) => Vec::new(),
                None => vec!["released".to_string()],
            },
            collections: Vec::new(),
            ids: Ids::default(),
        }
    }
}

impl RecordKind {
    /// Every kind, in the order ids are numbered in a graph.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RecordKind;
    ///
    /// let names = RecordKind::ALL.map(|k| k.to_string());
    /// assert_eq!(names, ["person", "group", "work", "organisation"]);
    /// ```
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Person,
        RecordKind::Group,
        RecordKind::Work,
        RecordKind::Organisation,
    ];
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RecordKind::Person => "person",
            RecordKind::Group => "group",
            RecordKind::Work => "work",
            RecordKind::Organisation => "organisation",
        })
    }
}

impl fmt::Display for Role {
    /// The role as answers print it: `cast (lead) as Min-hyuk`,
    /// `soundtrack "Stay With Me"`, `member`, …
    ///
    /// ```
    /// use hallyu::model::{Billing, Role};
    ///
    /// let role = Role::Cast { billing: Billing::Lead, character: Some("Ki-woo".into()) };
    /// assert_eq!(role.to_string(), "cast (lead) as Ki-woo");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Cast { billing, character } => {
                write!(f, "cast ({billing})")?;
                match character {
                    Some(c) => write!(f, " as {c}"),
                    None => Ok(()),
                }
            }
            Role::Soundtrack { song: Some(song) } => write!(f, "soundtrack \"{song}\""),
            Role::Other {
                name, character, ..
            } => match character {
                Some(c) => write!(f, "{name} as {c}"),
                None => f.write_str(name),
            },
            other => f.write_str(other.name()),
        }
    }
}

impl Role {
    /// The short lowercase name of the role, as used in the data files and
    /// in explanations: `cast`, `performer`, `member`, … (`other` for
    /// [`Role::Other`]: see [`Role::word`] for the source's own word).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::{Billing, Role};
    ///
    /// assert_eq!(Role::MusicProducer.name(), "music producer");
    /// let role = Role::Cast { billing: Billing::Lead, character: Some("DJ".into()) };
    /// assert_eq!(role.name(), "cast");
    /// let writer = Role::Other { name: "screenwriter".into(), on_screen: false, character: None };
    /// assert_eq!(writer.name(), "other");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Role::Other { .. } => "other",
            Role::Performer => "performer",
            Role::Featured => "featured",
            Role::Cast { .. } => "cast",
            Role::Director => "director",
            Role::Composer => "composer",
            Role::Lyricist => "lyricist",
            Role::MusicProducer => "music producer",
            Role::Soundtrack { .. } => "soundtrack",
            Role::Member { .. } => "member",
            Role::SignedTo => "signed to",
            Role::ProducedBy => "produced by",
            Role::BannedBy => "banned by",
            Role::TieIn => "tie-in",
            Role::SequelOf => "sequel of",
        }
    }

    /// The word for the role: the source's own word for [`Role::Other`]
    /// (`screenwriter`), else [`Role::name`]. What the exports write.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::Role;
    ///
    /// let writer = Role::Other { name: "screenwriter".into(), on_screen: false, character: None };
    /// assert_eq!(writer.word(), "screenwriter");
    /// assert_eq!(Role::SignedTo.word(), "signed to");
    /// ```
    pub fn word(&self) -> &str {
        match self {
            Role::Other { name, .. } => name,
            other => other.name(),
        }
    }

    /// The role's kind, as used by [`RoleSet`](crate::RoleSet) filters.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::{Billing, Role, RoleKind};
    ///
    /// let cameo = Role::Cast { billing: Billing::Cameo, character: None };
    /// assert_eq!(cameo.kind(), RoleKind::Cameo);
    /// let host = Role::Other { name: "host".into(), on_screen: true, character: None };
    /// assert_eq!(host.kind(), RoleKind::OtherOnScreen);
    /// ```
    pub fn kind(&self) -> RoleKind {
        match self {
            Role::Performer => RoleKind::Performer,
            Role::Featured => RoleKind::Featured,
            Role::Cast {
                billing: Billing::Lead,
                ..
            } => RoleKind::Lead,
            Role::Cast {
                billing: Billing::Supporting,
                ..
            } => RoleKind::Supporting,
            Role::Cast {
                billing: Billing::Cameo,
                ..
            } => RoleKind::Cameo,
            Role::Director => RoleKind::Director,
            Role::Composer => RoleKind::Composer,
            Role::Lyricist => RoleKind::Lyricist,
            Role::MusicProducer => RoleKind::MusicProducer,
            Role::Soundtrack { .. } => RoleKind::Soundtrack,
            Role::Member { .. } => RoleKind::Member,
            Role::SignedTo => RoleKind::SignedTo,
            Role::ProducedBy => RoleKind::ProducedBy,
            Role::BannedBy => RoleKind::BannedBy,
            Role::TieIn => RoleKind::TieIn,
            Role::SequelOf => RoleKind::SequelOf,
            Role::Other {
                on_screen: true, ..
            } => RoleKind::OtherOnScreen,
            Role::Other {
                on_screen: false, ..
            } => RoleKind::OtherCrew,
        }
    }

    /// Whether a credit with this role may go from a record of kind `from`
    /// to a record of kind `to`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::{RecordKind, Role};
    ///
    /// assert!(Role::Performer.fits(RecordKind::Group, RecordKind::Work));
    /// let member = Role::Member { since: None, until: None };
    /// assert!(member.fits(RecordKind::Person, RecordKind::Group));
    /// assert!(!member.fits(RecordKind::Work, RecordKind::Group));
    /// ```
    pub fn fits(&self, from: RecordKind, to: RecordKind) -> bool {
        use RecordKind::*;
        let artist = matches!(from, Person | Group);
        match self {
            Role::Performer | Role::Featured | Role::Soundtrack { .. } | Role::Other { .. } => {
                artist && to == Work
            }
            Role::Cast { .. }
            | Role::Director
            | Role::Composer
            | Role::Lyricist
            | Role::MusicProducer => from == Person && to == Work,
            Role::Member { .. } => from == Person && to == Group,
            Role::SignedTo => artist && to == Organisation,
            Role::ProducedBy | Role::BannedBy => from == Work && to == Organisation,
            Role::TieIn => from == Work && matches!(to, Work | Organisation),
            Role::SequelOf => from == Work && to == Work,
        }
    }

    /// A description of the ends this role accepts, for error messages.
    pub(crate) fn expected_ends(&self) -> &'static str {
        match self {
            Role::Performer | Role::Featured | Role::Soundtrack { .. } | Role::Other { .. } => {
                "a person or group to a work"
            }
            Role::Cast { .. }
            | Role::Director
            | Role::Composer
            | Role::Lyricist
            | Role::MusicProducer => "a person to a work",
            Role::Member { .. } => "a person to a group",
            Role::SignedTo => "a person or group to an organisation",
            Role::ProducedBy | Role::BannedBy => "a work to an organisation",
            Role::TieIn => "a work to a work or organisation",
            Role::SequelOf => "a work to a work",
        }
    }
}

/// A role without its details: the unit of [`RoleSet`](crate::RoleSet).
///
/// # Example
///
/// ```
/// use hallyu::model::RoleKind;
///
/// let kind: RoleKind = "music producer".parse()?;
/// assert_eq!(kind, RoleKind::MusicProducer);
/// assert_eq!(kind.to_string(), "music producer");
/// assert!("stunt double".parse::<RoleKind>().is_err());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RoleKind {
    /// [`Role::Performer`].
    Performer,
    /// [`Role::Featured`].
    Featured,
    /// [`Role::Cast`] with [`Billing::Lead`].
    Lead,
    /// [`Role::Cast`] with [`Billing::Supporting`].
    Supporting,
    /// [`Role::Cast`] with [`Billing::Cameo`].
    Cameo,
    /// [`Role::Director`].
    Director,
    /// [`Role::Composer`].
    Composer,
    /// [`Role::Lyricist`].
    Lyricist,
    /// [`Role::MusicProducer`].
    MusicProducer,
    /// [`Role::Soundtrack`].
    Soundtrack,
    /// [`Role::Member`].
    Member,
    /// [`Role::SignedTo`].
    SignedTo,
    /// [`Role::ProducedBy`].
    ProducedBy,
    /// [`Role::BannedBy`].
    BannedBy,
    /// [`Role::TieIn`].
    TieIn,
    /// [`Role::SequelOf`].
    SequelOf,
    /// [`Role::Other`] on screen: an unbilled cast credit, a participant, …
    /// In [`RoleSet::ON_SCREEN`](crate::RoleSet::ON_SCREEN).
    OtherOnScreen,
    /// [`Role::Other`] off screen: a screenwriter, a producer, …
    OtherCrew,
}

impl RoleKind {
    /// Every role kind, in declaration order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::RoleSet;
    /// use hallyu::model::RoleKind;
    ///
    /// for kind in RoleKind::ALL {
    ///     assert_eq!(kind.name().parse::<RoleKind>()?, kind);
    /// }
    /// let all: RoleSet = RoleKind::ALL.into_iter().collect();
    /// assert_eq!(all.iter().count(), RoleKind::ALL.len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub const ALL: [RoleKind; 18] = [
        RoleKind::Performer,
        RoleKind::Featured,
        RoleKind::Lead,
        RoleKind::Supporting,
        RoleKind::Cameo,
        RoleKind::Director,
        RoleKind::Composer,
        RoleKind::Lyricist,
        RoleKind::MusicProducer,
        RoleKind::Soundtrack,
        RoleKind::Member,
        RoleKind::SignedTo,
        RoleKind::ProducedBy,
        RoleKind::BannedBy,
        RoleKind::TieIn,
        RoleKind::SequelOf,
        RoleKind::OtherOnScreen,
        RoleKind::OtherCrew,
    ];

    /// A readable name: `lead`, `music producer`, `signed to`, …
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// assert_eq!(RoleKind::MusicProducer.label(), "music producer");
    /// assert_eq!(RoleKind::MusicProducer.name(), "music-producer");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RoleKind::MusicProducer => "music producer",
            RoleKind::SignedTo => "signed to",
            RoleKind::ProducedBy => "produced by",
            RoleKind::BannedBy => "banned by",
            RoleKind::SequelOf => "sequel of",
            RoleKind::OtherOnScreen => "other on-screen role",
            RoleKind::OtherCrew => "other crew role",
            other => other.name(),
        }
    }

    /// The lowercase name used on the command line: `lead`, `cameo`, `soundtrack`, …
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// assert_eq!(RoleKind::SignedTo.name(), "signed-to");
    /// assert_eq!("signed-to".parse::<RoleKind>()?, RoleKind::SignedTo);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            RoleKind::Performer => "performer",
            RoleKind::Featured => "featured",
            RoleKind::Lead => "lead",
            RoleKind::Supporting => "supporting",
            RoleKind::Cameo => "cameo",
            RoleKind::Director => "director",
            RoleKind::Composer => "composer",
            RoleKind::Lyricist => "lyricist",
            RoleKind::MusicProducer => "music-producer",
            RoleKind::Soundtrack => "soundtrack",
            RoleKind::Member => "member",
            RoleKind::SignedTo => "signed-to",
            RoleKind::ProducedBy => "produced-by",
            RoleKind::BannedBy => "banned-by",
            RoleKind::TieIn => "tie-in",
            RoleKind::SequelOf => "sequel-of",
            RoleKind::OtherOnScreen => "other-on-screen",
            RoleKind::OtherCrew => "other-crew",
        }
    }
}

impl fmt::Display for RoleKind {
    /// The readable label ([`RoleKind::label`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for RoleKind {
    type Err = crate::error::Error;

    fn from_str(s: &str) -> Result<RoleKind, crate::error::Error> {
        let wanted = crate::search::normalise(s);
        RoleKind::ALL
            .into_iter()
            .find(|k| crate::search::normalise(k.name()) == wanted)
            .ok_or_else(|| {
                let names = RoleKind::ALL.iter().map(|k| k.name().to_string());
                crate::error::Error::invalid_value("role", s, names)
            })
    }
}

/// The contents of one data file: lists of records, each list optional.
///
/// This is what a RON data file holds. Several files merge into one
/// [`Catalog`](crate::Catalog).
///
/// # Example
///
/// ```
/// use hallyu::Catalog;
///
/// let records = Catalog::bundled().into_records();
/// assert!(records.works.iter().any(|w| w.title == "Haru Haru"));
/// let again = Catalog::from_records("copy", records.clone())?;
/// assert_eq!(again.records(), &records);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    /// People.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Works.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub works: Vec<Work>,
    /// Organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// Credits and other links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
}

/// The role a source without details stands for by its kind.
pub(crate) fn role_of(kind: RoleKind) -> Role {
    let cast = |billing| Role::Cast {
        billing,
        character: None,
    };
    match kind {
        RoleKind::Lead => cast(Billing::Lead),
        RoleKind::Supporting => cast(Billing::Supporting),
        RoleKind::Cameo => cast(Billing::Cameo),
        RoleKind::Performer => Role::Performer,
        RoleKind::Featured => Role::Featured,
        RoleKind::Director => Role::Director,
        RoleKind::Composer => Role::Composer,
        RoleKind::Lyricist => Role::Lyricist,
        RoleKind::MusicProducer => Role::MusicProducer,
        RoleKind::Soundtrack => Role::Soundtrack { song: None },
        RoleKind::Member => Role::Member {
            since: None,
            until: None,
        },
        RoleKind::SignedTo => Role::SignedTo,
        RoleKind::ProducedBy => Role::ProducedBy,
        RoleKind::BannedBy => Role::BannedBy,
        RoleKind::TieIn => Role::TieIn,
        RoleKind::SequelOf => Role::SequelOf,
        RoleKind::OtherOnScreen => Role::Other {
            name: "on screen".to_string(),
            on_screen: true,
            character: None,
        },
        RoleKind::OtherCrew => Role::Other {
            name: "crew".to_string(),
            on_screen: false,
            character: None,
        },
    }
}
