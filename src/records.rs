//! Borrowed views of records, the one way to read a record whatever source
//! filled the explorer: [`PersonRef`], [`GroupRef`], [`WorkRef`],
//! [`OrganisationRef`] and [`CreditRef`], made by [`Explorer::get`].
//!
//! Each view reads the graph's columns (key, name, Hangul, aliases, year,
//! kind, role); [`PersonRef::record`] and its twins give the full stored
//! record when the source had one (the RON catalog does, an IMDb import
//! does not).

use std::borrow::Cow;
use std::fmt;

use crate::explorer::Explorer;
use crate::graph::Table;
use crate::id::{CreditId, Entity, GroupId, OrganisationId, PersonId, WorkId};
use crate::model::{
    Credit, Group, Organisation, PartialDate, Person, Role, RoleKind, Work, WorkKind, role_of,
};

/// An id that [`Explorer::get`] turns into a view of its record.
pub trait RecordId: Copy + sealed::Sealed {
    /// The view.
    type Ref<'e>;

    /// The view of this record in `explorer`.
    fn view(self, explorer: &Explorer) -> Self::Ref<'_>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::PersonId {}
    impl Sealed for crate::GroupId {}
    impl Sealed for crate::WorkId {}
    impl Sealed for crate::OrganisationId {}
    impl Sealed for crate::CreditId {}
}

/// Methods every view of a named record has.
macro_rules! named_view {
    ($view:ident, $id:ident, $table:ident, $record:ty, $section:ident, $what:literal) => {
        impl<'e> $view<'e> {
            /// The id of the record.
            pub fn id(&self) -> $id {
                self.id
            }

            /// The stable key (`park-seo-joon`, or an IMDb key such as
            /// `nm0000102`).
            pub fn key(&self) -> Cow<'e, str> {
                key(&self.explorer.graph.$table, self.id.0)
            }

            /// The canonical name (a work's title).
            pub fn name(&self) -> &'e str {
                self.explorer.graph.$table.name(self.id.0)
            }

            /// The name in Hangul, when the source gives it.
            pub fn hangul(&self) -> Option<&'e str> {
                self.explorer.graph.$table.hangul(self.id.0)
            }

            /// Other names, in data order.
            pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'e str> + 'e {
                self.explorer.graph.$table.aliases(self.id.0)
            }

            /// Whether the whole record is kept only as an unverified claim.
            pub fn is_unverified(&self) -> bool {
                self.explorer.graph.$table.is_unverified(self.id.0)
            }

            #[doc = concat!("The full stored ", $what, ", when the source had one (the RON")]
            /// catalog does; an IMDb import keeps only the columns).
            pub fn record(&self) -> Option<&'e $record> {
                let d = self.explorer.graph.details()?;
                d.records.$section.get(self.id.index())
            }

            /// The name with the Hangul name, as answers print it.
            pub fn label(&self) -> String {
                self.explorer.label(self.id.into())
            }
        }

        impl fmt::Display for $view<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl RecordId for $id {
            type Ref<'e> = $view<'e>;

            fn view(self, explorer: &Explorer) -> $view<'_> {
                explorer.check(self.into());
                $view { explorer, id: self }
            }
        }
    };
}

fn key(table: &Table, i: u32) -> Cow<'_, str> {
    match table.text_key(i) {
        Some(k) => Cow::Borrowed(k),
        None => Cow::Owned(table.key(i)),
    }
}

/// A person, as [`Explorer::get`] gives it.
///
/// # Example
///
/// ```
/// let explorer = hallyu::Explorer::bundled();
/// let p = explorer.get(explorer.person("Park Seo-joon")?);
/// assert_eq!(p.hangul(), Some("박서준"));
/// assert!(p.aliases().any(|a| a == "Park Yong-kyu"));
/// assert_eq!(p.key(), "park-seo-joon");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct PersonRef<'e> {
    explorer: &'e Explorer,
    id: PersonId,
}
named_view!(PersonRef, PersonId, people, Person, people, "person");

impl<'e> PersonRef<'e> {
    /// The year of birth, when the source gives it.
    pub fn born(&self) -> Option<i32> {
        self.explorer.graph.born(self.id)
    }

    /// The name made unique (see [`Explorer::display_name`]).
    pub fn display_name(&self) -> Cow<'e, str> {
        self.explorer.display_name(self.id.into())
    }

    /// What tells this person apart from a namesake, when the source says.
    pub fn disambiguation(&self) -> Option<&'e str> {
        self.record()?.disambiguation.as_deref()
    }
}

/// A group, as [`Explorer::get`] gives it.
///
/// # Example
///
/// ```
/// let explorer = hallyu::Explorer::bundled();
/// let g = explorer.get(explorer.group("BIGBANG")?);
/// assert_eq!(g.hangul(), Some("빅뱅"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct GroupRef<'e> {
    explorer: &'e Explorer,
    id: GroupId,
}
named_view!(GroupRef, GroupId, groups, Group, groups, "group");

/// An organisation, as [`Explorer::get`] gives it.
///
/// # Example
///
/// ```
/// let explorer = hallyu::Explorer::bundled();
/// let o = explorer.get(explorer.organisation("zanybros")?);
/// assert_eq!(o.name(), "Zanybros");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct OrganisationRef<'e> {
    explorer: &'e Explorer,
    id: OrganisationId,
}
named_view!(
    OrganisationRef,
    OrganisationId,
    organisations,
    Organisation,
    organisations,
    "organisation"
);

/// A work, as [`Explorer::get`] gives it.
///
/// # Example
///
/// ```
/// use hallyu::model::WorkKind;
///
/// let explorer = hallyu::Explorer::bundled();
/// let w = explorer.get(explorer.work("Haru Haru")?);
/// assert_eq!((w.title(), w.year(), w.kind()), ("Haru Haru", Some(2008), WorkKind::MusicVideo));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct WorkRef<'e> {
    explorer: &'e Explorer,
    id: WorkId,
}
named_view!(WorkRef, WorkId, works, Work, works, "work");

impl<'e> WorkRef<'e> {
    /// The title (the same as [`WorkRef::name`]).
    pub fn title(&self) -> &'e str {
        self.name()
    }

    /// The kind of work.
    pub fn kind(&self) -> WorkKind {
        self.explorer.graph.index.work_attributes(self.id.index()).1
    }

    /// The year of first release, when the source gives it.
    pub fn year(&self) -> Option<i32> {
        let y = self.explorer.graph.index.work_attributes(self.id.index()).0;
        (y != crate::graph::UNKNOWN_YEAR).then_some(y)
    }

    /// The named sets the work belongs to (`article` for the twelve videos
    /// of the seed article), when the source keeps them.
    pub fn collections(&self) -> impl Iterator<Item = &'e str> + 'e {
        self.record()
            .into_iter()
            .flat_map(|w| w.collections.iter().map(String::as_str))
    }

    /// The release date as precisely as the source gives it (only the year
    /// for imported data).
    pub fn released(&self) -> Option<PartialDate> {
        match self.record() {
            Some(w) if self.year().is_some() => Some(w.released),
            _ => self.year().map(PartialDate::year),
        }
    }
}

/// A credit, as [`Explorer::get`] gives it.
///
/// # Example
///
/// ```
/// use hallyu::{Entity, model::RoleKind};
///
/// let explorer = hallyu::Explorer::bundled();
/// let haru = explorer.work("Haru Haru")?;
/// let c = explorer.credits_of(haru.into()).map(|c| explorer.get(c))
///     .find(|c| c.role_kind() == RoleKind::Lead).unwrap();
/// assert!(matches!(c.from(), Entity::Person(_)));
/// assert_eq!(c.to(), Entity::Work(haru));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct CreditRef<'e> {
    explorer: &'e Explorer,
    id: CreditId,
}

impl<'e> CreditRef<'e> {
    /// The id of the credit.
    pub fn id(&self) -> CreditId {
        self.id
    }

    /// The subject: the person, group or organisation credited.
    pub fn from(&self) -> Entity {
        self.ends().0
    }

    /// The object: the work, group or organisation.
    pub fn to(&self) -> Entity {
        self.ends().1
    }

    fn ends(&self) -> (Entity, Entity) {
        self.explorer
            .graph
            .ends(self.id)
            .expect("a credit id of this explorer")
    }

    /// The kind of role.
    pub fn role_kind(&self) -> RoleKind {
        self.explorer
            .graph
            .role_kind(self.id)
            .expect("a credit id of this explorer")
    }

    /// The role with its details (billing, character, membership years)
    /// as the source gives them.
    pub fn role(&self) -> Cow<'e, Role> {
        match self.record() {
            Some(c) => Cow::Borrowed(&c.role),
            None => Cow::Owned(role_of(self.role_kind())),
        }
    }

    /// Whether the credit is kept only as an unverified claim.
    pub fn is_unverified(&self) -> bool {
        self.explorer.graph.credit_unverified(self.id)
    }

    /// The full stored credit, when the source had one.
    pub fn record(&self) -> Option<&'e Credit> {
        self.explorer
            .graph
            .details()?
            .records
            .credits
            .get(self.id.index())
    }

    /// Where the credit is written in the data files, when the source has
    /// positions.
    pub fn location(&self) -> Option<&'e crate::Location> {
        self.explorer
            .graph
            .details()?
            .credit_locations
            .get(self.id.index())
    }
}

impl RecordId for CreditId {
    type Ref<'e> = CreditRef<'e>;

    fn view(self, explorer: &Explorer) -> CreditRef<'_> {
        explorer.graph.check_credit(self);
        CreditRef { explorer, id: self }
    }
}

impl Explorer {
    /// The view of a record: [`PersonRef`](crate::PersonRef) for a
    /// [`PersonId`], [`WorkRef`](crate::WorkRef) for a [`WorkId`], and so
    /// on, whatever source filled the explorer.
    ///
    /// # Panics
    ///
    /// When the id is not one of this explorer's (it came from another
    /// explorer and is out of range here). Ids are only meaningful for the
    /// explorer that handed them out.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.get(explorer.work("Haru Haru")?);
    /// assert_eq!(haru.year(), Some(2008));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn get<I: RecordId>(&self, id: I) -> I::Ref<'_> {
        id.view(self)
    }
}
