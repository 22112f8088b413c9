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
    pub const EMPTY: RoleSet = RoleSet(0);
    /// The roles that put a person on screen: performer, featured artist and
    /// cast (lead, supporting, cameo), and other on-screen roles
    /// ([`RoleKind::OtherOnScreen`]). The default of [`Filter`].
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
    pub const fn with(self, kind: RoleKind) -> RoleSet {
        RoleSet(self.0 | 1 << kind as u32)
    }

    /// This set without `kind`.
    pub const fn without(self, kind: RoleKind) -> RoleSet {
        RoleSet(self.0 & !(1 << kind as u32))
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: RoleKind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    /// The kinds in the set, in declaration order.
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
}

impl Default for Filter {
    fn default() -> Filter {
        Filter::new()
    }
}

impl Filter {
    /// On-screen roles, every year and kind, no unverified claims, group
    /// credits count for their members.
    pub fn new() -> Filter {
        Filter {
            roles: RoleSet::ON_SCREEN,
            years: None,
            kinds: u8::MAX,
            unverified: false,
            groups: true,
        }
    }

    /// Counts only these roles.
    pub fn roles(mut self, roles: RoleSet) -> Filter {
        self.roles = roles;
        self
    }

    /// Counts only works released in these years (inclusive).
    pub fn years(mut self, years: RangeInclusive<i32>) -> Filter {
        self.years = Some(years);
        self
    }

    /// Counts only works of these kinds.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = WorkKind>) -> Filter {
        self.kinds = kinds.into_iter().fold(0, |m, k| m | 1 << k as u8);
        self
    }

    /// Whether claims marked unverified count (default: no).
    pub fn include_unverified(mut self, yes: bool) -> Filter {
        self.unverified = yes;
        self
    }

    /// Whether a group's credit counts for its members (default: yes).
    pub fn expand_groups(mut self, yes: bool) -> Filter {
        self.groups = yes;
        self
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

    /// Whether a work of this kind and year is counted.
    pub fn admits_work(&self, kind: WorkKind, year: i32) -> bool {
        self.kinds & (1 << kind as u8) != 0 && self.years.as_ref().is_none_or(|r| r.contains(&year))
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
