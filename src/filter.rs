//! [`Filter`]: which credits count, for every query.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use crate::error::Error;
use crate::model::{RoleKind, WorkKind};

/// A set of [`RoleKind`]s.
///
/// # Example
///
/// ```
/// use hallyu::RoleSet;
/// use hallyu::model::RoleKind;
///
/// assert!(RoleSet::ON_SCREEN.contains(RoleKind::Cameo));
/// assert!(!RoleSet::ON_SCREEN.contains(RoleKind::Soundtrack));
/// let roles: RoleSet = "lead, cameo".parse()?;
/// assert_eq!(roles, RoleSet::EMPTY.with(RoleKind::Lead).with(RoleKind::Cameo));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleSet(u32);

impl RoleSet {
    /// No role at all.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter, RoleSet};
    ///
    /// assert_eq!(RoleSet::EMPTY.iter().count(), 0);
    /// // With no role counted, nobody co-appears.
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// assert!(!explorer.co_appearances(iu, &Filter::new()).is_empty());
    /// assert!(explorer.co_appearances(iu, &Filter::new().roles(RoleSet::EMPTY)).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub const EMPTY: RoleSet = RoleSet(0);
    /// The roles that put a person on screen: performer, featured artist and
    /// cast (lead, supporting, cameo), and other on-screen roles
    /// ([`RoleKind::OtherOnScreen`]). The default of [`Filter`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, RoleSet};
    ///
    /// let names: Vec<&str> = RoleSet::ON_SCREEN.iter().map(|k| k.name()).collect();
    /// let expected = ["performer", "featured", "lead", "supporting", "cameo", "other-on-screen"];
    /// assert_eq!(names, expected);
    /// assert_eq!(Filter::new().get_roles(), RoleSet::ON_SCREEN);
    /// ```
    pub const ON_SCREEN: RoleSet = RoleSet(
        1 << RoleKind::Performer as u32
            | 1 << RoleKind::Featured as u32
            | 1 << RoleKind::Lead as u32
            | 1 << RoleKind::Supporting as u32
            | 1 << RoleKind::Cameo as u32
            | 1 << RoleKind::OtherOnScreen as u32,
    );
    /// Every role that links a person or group to a work: on-screen roles,
    /// crew (director, composer, lyricist, music producer, other crew roles)
    /// and soundtrack.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter, RoleSet};
    ///
    /// // Teddy Park produced Dara's "Kiss" but is not seen in it.
    /// let explorer = Explorer::bundled();
    /// let (teddy, dara) = (explorer.person("Teddy Park")?, explorer.person("Dara")?);
    /// assert!(explorer.shared_works(teddy, dara, &Filter::new()).is_empty());
    /// let crew = Filter::new().roles(RoleSet::ANY_WORK_ROLE);
    /// let shared = explorer.shared_works(teddy, dara, &crew);
    /// assert_eq!(explorer.get(shared[0].work).title(), "Kiss");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub const ANY_WORK_ROLE: RoleSet = RoleSet(
        RoleSet::ON_SCREEN.0
            | 1 << RoleKind::Director as u32
            | 1 << RoleKind::Composer as u32
            | 1 << RoleKind::Lyricist as u32
            | 1 << RoleKind::MusicProducer as u32
            | 1 << RoleKind::Soundtrack as u32
            | 1 << RoleKind::OtherCrew as u32,
    );

    /// This set with `kind` added.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::RoleSet;
    /// use hallyu::model::RoleKind;
    ///
    /// const LEADS: RoleSet = RoleSet::EMPTY.with(RoleKind::Lead);
    /// assert_eq!(LEADS.iter().collect::<Vec<_>>(), [RoleKind::Lead]);
    /// assert_eq!(LEADS.with(RoleKind::Lead), LEADS, "adding twice changes nothing");
    /// ```
    pub const fn with(self, kind: RoleKind) -> RoleSet {
        RoleSet(self.0 | 1 << kind as u32)
    }

    /// This set without `kind`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter, RoleSet};
    /// use hallyu::model::RoleKind;
    ///
    /// // Kim Soo-hyun's only work with Park Seo-joon is a cameo in Dream High 2.
    /// let explorer = Explorer::bundled();
    /// let soo_hyun = explorer.person("Kim Soo-hyun")?;
    /// let seo_joon = explorer.person("Park Seo-joon")?;
    /// assert_eq!(explorer.shared_works(soo_hyun, seo_joon, &Filter::new()).len(), 1);
    /// let no_cameos = Filter::new().roles(RoleSet::ON_SCREEN.without(RoleKind::Cameo));
    /// assert!(explorer.shared_works(soo_hyun, seo_joon, &no_cameos).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub const fn without(self, kind: RoleKind) -> RoleSet {
        RoleSet(self.0 & !(1 << kind as u32))
    }

    /// Whether `kind` is in the set.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::RoleSet;
    /// use hallyu::model::RoleKind;
    ///
    /// assert!(RoleSet::ANY_WORK_ROLE.contains(RoleKind::Director));
    /// assert!(!RoleSet::ANY_WORK_ROLE.contains(RoleKind::Member), "a membership is no work");
    /// ```
    pub const fn contains(self, kind: RoleKind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    /// The kinds in the set, in declaration order.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::RoleSet;
    /// use hallyu::model::RoleKind;
    ///
    /// let cast: RoleSet = "cast".parse()?;
    /// let kinds: Vec<RoleKind> = cast.iter().collect();
    /// assert_eq!(kinds, [RoleKind::Lead, RoleKind::Supporting, RoleKind::Cameo]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn iter(self) -> impl Iterator<Item = RoleKind> {
        RoleKind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl Default for RoleSet {
    fn default() -> RoleSet {
        RoleSet::ON_SCREEN
    }
}

impl fmt::Debug for RoleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<RoleKind> for RoleSet {
    fn from_iter<I: IntoIterator<Item = RoleKind>>(iter: I) -> RoleSet {
        iter.into_iter().fold(RoleSet::EMPTY, RoleSet::with)
    }
}

impl FromStr for RoleSet {
    type Err = Error;

    /// Parses a comma-separated list of role names (`lead,cameo`), or
    /// `on-screen` / `any`.
    fn from_str(s: &str) -> Result<RoleSet, Error> {
        let mut set = RoleSet::EMPTY;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            set = match crate::search::normalise(part).as_str() {
                "onscreen" => RoleSet(set.0 | RoleSet::ON_SCREEN.0),
                "any" | "all" => RoleSet(set.0 | RoleSet::ANY_WORK_ROLE.0),
                "cast" => set
                    .with(RoleKind::Lead)
                    .with(RoleKind::Supporting)
                    .with(RoleKind::Cameo),
                _ => set.with(part.parse()?),
            };
        }
        Ok(set)
    }
}

/// Which credits a query counts: roles, years, kinds of work, unverified
/// claims and group membership.
///
/// Every query takes a `&Filter`. [`Filter::new`] (also the `Default`)
/// counts on-screen roles ([`RoleSet::ON_SCREEN`]) of every year and kind,
/// leaves out claims marked [`Unverified`](crate::model::Confidence::Unverified),
/// and lets a group's credit count for the people who were its members in the
/// work's year (the answer then says "via" the group).
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::model::WorkKind;
///
/// let explorer = Explorer::bundled();
/// let mvs = Filter::new().kinds([WorkKind::MusicVideo]).years(2008..=2016);
/// let me = explorer.person("lee-min-ho")?;
/// let costars = explorer.co_appearances(me, &mvs);
/// assert!(costars.iter().any(|c| explorer.get(c.person).name() == "Sandara Park"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub(crate) roles: RoleSet,
    pub(crate) years: Option<RangeInclusive<i32>>,
    pub(crate) kinds: u8,
    pub(crate) unverified: bool,
    pub(crate) groups: bool,
    pub(crate) as_of: Option<i32>,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter::new()
    }
}

impl Filter {
    /// On-screen roles, every year and kind, no unverified claims, group
    /// credits count for their members.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, RoleSet};
    /// use hallyu::model::WorkKind;
    ///
    /// let filter = Filter::new();
    /// assert_eq!(filter, Filter::default());
    /// assert_eq!(filter.get_roles(), RoleSet::ON_SCREEN);
    /// assert!(filter.admits_work(WorkKind::Film, 1950));
    /// ```
    pub fn new() -> Filter {
        Filter {
            roles: RoleSet::ON_SCREEN,
            years: None,
            kinds: u8::MAX,
            unverified: false,
            groups: true,
            as_of: None,
        }
    }

    /// Counts only these roles.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// // G-Dragon leads "Haru Haru" with Park Min-young; T.O.P supports.
    /// let explorer = Explorer::bundled();
    /// let gd = explorer.person("G-Dragon")?;
    /// let leads = Filter::new().roles("lead".parse()?);
    /// let costars = explorer.co_appearances(gd, &leads);
    /// assert!(costars.get(explorer.person("Park Min-young")?).is_some());
    /// assert!(costars.get(explorer.person("T.O.P")?).is_none());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn roles(mut self, roles: RoleSet) -> Filter {
        self.roles = roles;
        self
    }

    /// Counts only works released in these years (inclusive).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// // Dara and Lee Min-ho worked together in 2009 only.
    /// let explorer = Explorer::bundled();
    /// let (dara, min_ho) = (explorer.person("Dara")?, explorer.person("lee-min-ho")?);
    /// assert_eq!(explorer.shared_works(dara, min_ho, &Filter::new().years(2009..=2009)).len(), 2);
    /// assert!(explorer.shared_works(dara, min_ho, &Filter::new().years(2010..=2020)).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn years(mut self, years: RangeInclusive<i32>) -> Filter {
        self.years = Some(years);
        self
    }

    /// Counts only works of these kinds.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = Explorer::bundled();
    /// let (dara, min_ho) = (explorer.person("Dara")?, explorer.person("lee-min-ho")?);
    /// let ads = Filter::new().kinds([WorkKind::Commercial]);
    /// let shared = explorer.shared_works(dara, min_ho, &ads);
    /// let titles: Vec<&str> = shared.iter().map(|s| explorer.get(s.work).title()).collect();
    /// assert_eq!(titles, ["Cass 2X CF"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = WorkKind>) -> Filter {
        self.kinds = kinds.into_iter().fold(0, |m, k| m | 1 << k as u8);
        self
    }

    /// Whether claims marked unverified count (default: no).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// // Only the article claims that a sequel of "Kiss" exists.
    /// let explorer = Explorer::bundled();
    /// let (dara, min_ho) = (explorer.person("Dara")?, explorer.person("lee-min-ho")?);
    /// let titles = |filter: &Filter| -> Vec<&str> {
    ///     let shared = explorer.shared_works(dara, min_ho, filter);
    ///     shared.iter().map(|s| explorer.get(s.work).title()).collect()
    /// };
    /// assert_eq!(titles(&Filter::new()), ["Cass 2X CF", "Kiss"]);
    /// let all = Filter::new().include_unverified(true);
    /// assert_eq!(titles(&all), ["Cass 2X CF", "Kiss (sequel)", "Kiss"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn include_unverified(mut self, yes: bool) -> Filter {
        self.unverified = yes;
        self
    }

    /// Whether a group's credit counts for its members (default: yes).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// // CL is in "I Don't Care" as a member of 2NE1, whose credit it is.
    /// let explorer = Explorer::bundled();
    /// let (jong_suk, cl) = (explorer.person("Lee Jong-suk")?, explorer.person("CL")?);
    /// let shared = explorer.shared_works(jong_suk, cl, &Filter::new());
    /// assert_eq!(shared[0].right.describe(&explorer), "performer via 2NE1");
    /// let own_credits = Filter::new().expand_groups(false);
    /// assert!(explorer.shared_works(jong_suk, cl, &own_credits).is_empty());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn expand_groups(mut self, yes: bool) -> Filter {
        self.groups = yes;
        self
    }

    /// The world as it stood at the end of `year`: only works released in
    /// `year` or before count, and a work with no known year does not (it
    /// cannot be placed in time). A group's credit counts, as always, for
    /// the people who were its members in the work's year, so a member who
    /// joined later is not in the group's earlier works; and a person whose
    /// every counted credit is later (who had not debuted by then) has no
    /// link at all. Combines with [`Filter::years`]: a work must pass both.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// // Seo Yea-ji plays G-Dragon's girlfriend in BIGBANG's "Let's Not Fall
    /// // in Love", released on 5 August 2015.
    /// let explorer = Explorer::bundled();
    /// let (yea_ji, gd) = (explorer.person("Seo Yea-ji")?, explorer.person("G-Dragon")?);
    /// let hops = |year| explorer.shortest_path(yea_ji, gd, &Filter::new().as_of(year)).map(|p| p.len());
    /// assert_eq!(hops(2015), Some(1));
    /// assert!(hops(2014) > Some(1));
    /// assert_eq!(Filter::new().as_of(2014).get_as_of(), Some(2014));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn as_of(mut self, year: i32) -> Filter {
        self.as_of = Some(year);
        self
    }

    /// The year of [`Filter::as_of`], if set.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Filter;
    ///
    /// assert_eq!(Filter::new().get_as_of(), None);
    /// assert_eq!(Filter::new().as_of(2012).get_as_of(), Some(2012));
    /// ```
    pub fn get_as_of(&self) -> Option<i32> {
        self.as_of
    }

    /// Whether works must be tested one by one (a year range, an as-of
    /// year or a kind left out).
    pub(crate) fn tests_works(&self) -> bool {
        self.years.is_some()
            || self.as_of.is_some()
            || WorkKind::ALL
                .iter()
                .any(|&k| self.kinds & (1 << k as u8) == 0)
    }

    /// The roles counted, as [`Filter::roles`] set them.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, RoleSet};
    ///
    /// assert_eq!(Filter::new().get_roles(), RoleSet::ON_SCREEN);
    /// assert_eq!(Filter::new().roles(RoleSet::ANY_WORK_ROLE).get_roles(), RoleSet::ANY_WORK_ROLE);
    /// ```
    pub fn get_roles(&self) -> RoleSet {
        self.roles
    }

    /// Whether a work of this kind and year is counted (`i32::MIN` for a
    /// work with no known year).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Filter;
    /// use hallyu::model::WorkKind;
    ///
    /// let filter = Filter::new().kinds([WorkKind::MusicVideo]).years(2008..=2016);
    /// assert!(filter.admits_work(WorkKind::MusicVideo, 2008));
    /// assert!(!filter.admits_work(WorkKind::Drama, 2008));
    /// assert!(!filter.admits_work(WorkKind::MusicVideo, 2017));
    /// let then = Filter::new().as_of(2012);
    /// assert!(then.admits_work(WorkKind::Drama, 2012));
    /// assert!(!then.admits_work(WorkKind::Drama, 2013));
    /// assert!(!then.admits_work(WorkKind::Drama, i32::MIN), "no known year");
    /// ```
    pub fn admits_work(&self, kind: WorkKind, year: i32) -> bool {
        self.kinds & (1 << kind as u8) != 0
            && self.years.as_ref().is_none_or(|r| r.contains(&year))
            && self.as_of.is_none_or(|y| year != i32::MIN && year <= y)
    }
}

impl Filter {
    /// Parses a year range written `2008..2016`, `2008..=2016`, `2008-2016`,
    /// `2008..` or `..2016` (both ends inclusive).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::Filter::parse_years("2008..2016")?, 2008..=2016);
    /// assert_eq!(hallyu::Filter::parse_years("..2010")?, i32::MIN..=2010);
    /// assert!(hallyu::Filter::parse_years("soon").is_err());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) for any other text.
    pub fn parse_years(s: &str) -> Result<RangeInclusive<i32>, Error> {
        let bad = || {
            Error::invalid_value(
                "year range",
                s,
                ["2008..2016", "2008..", "..2016"].map(String::from),
            )
        };
        let (a, b) = s
            .split_once("..=")
            .or_else(|| s.split_once(".."))
            .or_else(|| s.split_once('-'))
            .unwrap_or((s, s));
        let year = |t: &str, default: i32| -> Result<i32, Error> {
            let t = t.trim();
            if t.is_empty() {
                Ok(default)
            } else {
                t.parse().map_err(|_| bad())
            }
        };
        let (a, b) = (year(a, i32::MIN)?, year(b, i32::MAX)?);
        if a > b {
            return Err(bad());
        }
        Ok(a..=b)
    }
}
