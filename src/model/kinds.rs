//! The kinds of records and how sure a record is: [`WorkKind`],
//! [`GroupKind`], [`OrganisationKind`], [`Profession`] and [`Confidence`],
//! with the words the data formats write for them.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The kind of a [`Work`](super::Work).
///
/// # Example
///
/// ```
/// use hallyu::model::WorkKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// assert_eq!(explorer.get(explorer.work("Cass 2X CF")?).kind(), WorkKind::Commercial);
/// assert_eq!("music video".parse::<WorkKind>()?, WorkKind::MusicVideo);
/// assert_eq!("mv".parse::<WorkKind>()?, WorkKind::MusicVideo);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum WorkKind {
    /// A music video.
    MusicVideo,
    /// A television or web drama series.
    Drama,
    /// A feature film.
    Film,
    /// A variety or reality show.
    Variety,
    /// A commercial (CF).
    Commercial,
    /// Any other kind of work or happening a source links people to: an
    /// event, a concert, a book, a game. Importers map kind words they do
    /// not know here (see [`crate::import`]).
    Other,
}

impl WorkKind {
    /// Every work kind, in declaration order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    ///
    /// // Every work has one of the kinds.
    /// let explorer = hallyu::Explorer::bundled();
    /// let of_kind = |k| explorer.works().filter(|&w| explorer.get(w).kind() == k).count();
    /// assert_eq!(WorkKind::ALL.map(of_kind).iter().sum::<usize>(), explorer.works().len());
    /// ```
    pub const ALL: [WorkKind; 6] = [
        WorkKind::MusicVideo,
        WorkKind::Drama,
        WorkKind::Film,
        WorkKind::Variety,
        WorkKind::Commercial,
        WorkKind::Other,
    ];

    /// The short lowercase name: `mv`, `drama`, `film`, `variety`,
    /// `commercial`, `other`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.get(explorer.work("Haru Haru")?);
    /// assert_eq!(haru.kind().name(), "mv");
    /// assert_eq!(WorkKind::Variety.name(), "variety");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            WorkKind::MusicVideo => "mv",
            WorkKind::Drama => "drama",
            WorkKind::Film => "film",
            WorkKind::Variety => "variety",
            WorkKind::Commercial => "commercial",
            WorkKind::Other => "other",
        }
    }

    /// A readable label: `music video`, `drama`, …
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    ///
    /// assert_eq!(WorkKind::MusicVideo.label(), "music video");
    /// assert_eq!(WorkKind::Film.label(), "film");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::MusicVideo => "music video",
            other => other.name(),
        }
    }
}

impl FromStr for WorkKind {
    type Err = crate::error::Error;

    fn from_str(s: &str) -> Result<WorkKind, crate::error::Error> {
        let wanted = crate::search::normalise(s);
        WorkKind::ALL
            .into_iter()
            .find(|k| {
                crate::search::normalise(k.name()) == wanted
                    || crate::search::normalise(k.label()) == wanted
            })
            .ok_or_else(|| {
                let names = WorkKind::ALL.iter().map(|k| k.name().to_string());
                crate::error::Error::invalid_value("work kind", s, names)
            })
    }
}

/// The kind of a [`Group`](super::Group).
///
/// # Example
///
/// ```
/// use hallyu::model::GroupKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let kind = |name| explorer.get(explorer.group(name).unwrap()).record().unwrap().kind;
/// assert_eq!(kind("DAY6"), GroupKind::Band);
/// assert_eq!(kind("2NE1"), GroupKind::GirlGroup);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum GroupKind {
    /// A boy group.
    BoyGroup,
    /// A girl group.
    GirlGroup,
    /// A band that plays instruments.
    Band,
    /// A duo.
    Duo,
    /// A circle of friends known by a name (the Wooga Squad).
    FriendGroup,
}

/// The kind of an [`Organisation`](super::Organisation).
///
/// # Example
///
/// ```
/// use hallyu::model::OrganisationKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let zanybros = explorer.get(explorer.organisation("Zanybros")?).record().unwrap();
/// assert_eq!(zanybros.kind, OrganisationKind::ProductionCompany);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum OrganisationKind {
    /// A record label or entertainment agency.
    Label,
    /// A production company (Zanybros).
    ProductionCompany,
    /// A broadcaster (KBS, MBC, SBS).
    Broadcaster,
    /// A brand or its company (Cass, Oriental Brewery).
    Brand,
}

/// What a person does.
///
/// # Example
///
/// ```
/// use hallyu::model::Profession;
///
/// let explorer = hallyu::Explorer::bundled();
/// let yong_guk = explorer.get(explorer.person("Bang Yong-guk")?).record().unwrap();
/// assert_eq!(yong_guk.professions, [Profession::Rapper, Profession::Producer]);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Profession {
    /// Actor or actress.
    Actor,
    /// Singer.
    Singer,
    /// Rapper.
    Rapper,
    /// Model.
    Model,
    /// Music or record producer.
    Producer,
    /// Composer or songwriter.
    Composer,
    /// Lyricist.
    Lyricist,
    /// Film or music video director.
    Director,
    /// Television personality or host.
    Presenter,
    /// Journalist or critic.
    Journalist,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
/// How sure the sources are about a record or a link.
///
/// The marks follow `FACTS.md`: `C` is [`Confidence::Confirmed`], `C-fan` is
/// [`Confidence::Secondary`], `U` (and claims known to the editor only) is
/// [`Confidence::Unverified`].
///
/// # Example
///
/// ```
/// use hallyu::model::Confidence;
///
/// let explorer = hallyu::Explorer::bundled();
/// let sequel = explorer.get(explorer.work("Kiss (sequel)")?).record().unwrap();
/// assert_eq!(sequel.confidence, Confidence::Unverified);
/// let kiss = explorer.get(explorer.work("Kiss")?).record().unwrap();
/// assert_eq!(kiss.confidence, Confidence::default());
/// assert!(Confidence::Confirmed < Confidence::Secondary);
/// # Ok::<(), hallyu::Error>(())
/// ```
pub enum Confidence {
    /// Stated directly by a cited source.
    #[default]
    Confirmed,
    /// Stated only by a fan blog or a secondary site.
    Secondary,
    /// Not confirmed by any source found, or contradicted: kept so that the
    /// claim is not lost, left out of queries by default.
    Unverified,
}

impl Confidence {
    /// Whether this is [`Confidence::Confirmed`].
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.get(explorer.work("Haru Haru")?).record().unwrap();
    /// assert!(haru.confidence.is_confirmed());
    /// assert!(!hallyu::model::Confidence::Secondary.is_confirmed());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_confirmed(&self) -> bool {
        *self == Confidence::Confirmed
    }

    /// Whether this is [`Confidence::Unverified`].
    ///
    /// # Example
    ///
    /// ```
    /// // Named only by the article, confirmed by no source.
    /// let explorer = hallyu::Explorer::bundled();
    /// let bo_ra = explorer.get(explorer.person("Kim Bo-ra")?).record().unwrap();
    /// assert!(bo_ra.confidence.is_unverified());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_unverified(&self) -> bool {
        *self == Confidence::Unverified
    }
}

impl GroupKind {
    /// Every group kind with the word the data formats write for it.
    pub(crate) const WORDS: [(GroupKind, &'static str); 5] = [
        (GroupKind::BoyGroup, "boy-group"),
        (GroupKind::GirlGroup, "girl-group"),
        (GroupKind::Band, "band"),
        (GroupKind::Duo, "duo"),
        (GroupKind::FriendGroup, "friend-group"),
    ];

    /// The word the data formats write (`boy-group`, `band`, …).
    pub(crate) fn word(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("band", |(_, w)| w)
    }

    /// The kind a word names (any case, `_` or space for `-`).
    pub(crate) fn from_word(word: &str) -> Option<GroupKind> {
        let w = word.trim().to_lowercase().replace(['_', ' '], "-");
        Self::WORDS.iter().find(|(_, n)| *n == w).map(|(k, _)| *k)
    }
}

impl OrganisationKind {
    /// Every organisation kind with the word the data formats write for it.
    pub(crate) const WORDS: [(OrganisationKind, &'static str); 4] = [
        (OrganisationKind::Label, "label"),
        (OrganisationKind::ProductionCompany, "production-company"),
        (OrganisationKind::Broadcaster, "broadcaster"),
        (OrganisationKind::Brand, "brand"),
    ];

    /// The word the data formats write (`label`, `broadcaster`, …).
    pub(crate) fn word(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("label", |(_, w)| w)
    }

    /// The kind a word names (any case, `_` or space for `-`).
    pub(crate) fn from_word(word: &str) -> Option<OrganisationKind> {
        let w = word.trim().to_lowercase().replace(['_', ' '], "-");
        Self::WORDS.iter().find(|(_, n)| *n == w).map(|(k, _)| *k)
    }
}

impl Confidence {
    /// The word the data formats write: `confirmed`, `secondary`,
    /// `unverified`.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Secondary => "secondary",
            Confidence::Unverified => "unverified",
        }
    }

    /// The confidence a word names.
    pub(crate) fn from_word(word: &str) -> Option<Confidence> {
        match word.trim().to_lowercase().as_str() {
            "confirmed" | "" => Some(Confidence::Confirmed),
            "secondary" => Some(Confidence::Secondary),
            "unverified" => Some(Confidence::Unverified),
            _ => None,
        }
    }
}
