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
///
/// # Example
///
/// ```
/// use hallyu::model::RoleKind;
/// use hallyu::{Explorer, RecordId};
///
/// /// The views of some records, whatever their kind.
/// fn views<I>(explorer: &Explorer, ids: impl IntoIterator<Item = I>) -> Vec<I::Ref<'_>>
/// where
///     I: RecordId,
/// {
///     ids.into_iter().map(|id| explorer.get(id)).collect()
/// }
///
/// let explorer = Explorer::bundled();
/// let works = views(&explorer, explorer.works());
/// assert!(works.iter().any(|w| w.title() == "Haru Haru"));
/// let haru = explorer.work("Haru Haru")?;
/// let credits = views(&explorer, explorer.credits_of(haru.into()));
/// assert_eq!(credits[0].role_kind(), RoleKind::Performer);
/// # Ok::<(), hallyu::Error>(())
/// ```
pub trait RecordId: Copy + sealed::Sealed {
    /// The view.
    type Ref<'e>;

    /// The view of this record in `explorer`.
    fn view(self, explorer: &Explorer) -> Self::Ref<'_>;
}

mod sealed {
    /// Keeps [`RecordId`](crate::RecordId) to the crate's own ids: a type of
    /// another crate cannot implement it.
    ///
    /// # Example
    ///
    /// ```compile_fail,E0277
    /// #[derive(Clone, Copy)]
    /// struct MyId;
    ///
    /// // error[E0277]: the trait bound `MyId: Sealed` is not satisfied
    /// impl hallyu::RecordId for MyId {
    ///     type Ref<'e> = ();
    ///     fn view(self, _: &hallyu::Explorer) {}
    /// }
    /// ```
    pub trait Sealed {}
    impl Sealed for crate::id::PersonId {}
    impl Sealed for crate::id::GroupId {}
    impl Sealed for crate::id::WorkId {}
    impl Sealed for crate::id::OrganisationId {}
    impl Sealed for crate::id::CreditId {}
}

/// Methods every view of a named record has. `$what` is the kind of record
/// (also the name of its lookup, `Explorer::person`, …); the examples read
/// one record of the bundled data: its key, name, Hangul name, first alias
/// and label.
macro_rules! named_view {
    (
        $view:ident, $id:ident, $table:ident, $record:ty, $section:ident, $what:literal,
        $key:literal, $name:literal, $hangul:literal, $alias:literal, $label:literal
    ) => {
        impl<'e> $view<'e> {
            /// The id of the record.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let id = explorer.", $what, "(\"", $name, "\")?;")]
            #[doc = concat!("let key = \"", $key, "\";")]
            #[doc = concat!("let ids = explorer.", stringify!($section), "();")]
            /// let mut views = ids.map(|i| explorer.get(i));
            /// let view = views.find(|v| v.key() == key).unwrap();
            /// assert_eq!(view.id(), id);
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn id(&self) -> $id {
                self.id
            }

            /// The stable key (`park-seo-joon`, or an IMDb key such as
            /// `nm0000102`).
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $name, "\")?);")]
            #[doc = concat!("assert_eq!(view.key(), \"", $key, "\");")]
            /// assert_eq!(explorer.by_key(&view.key()), Some(view.id().into()));
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn key(&self) -> Cow<'e, str> {
                key(&self.explorer.graph.$table(), self.id.0)
            }

            /// The canonical name (a work's title).
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $hangul, "\")?);")]
            #[doc = concat!("assert_eq!(view.name(), \"", $name, "\");")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn name(&self) -> &'e str {
                self.explorer.graph.$table().name(self.id.0)
            }

            /// The name in Hangul, when the source gives it.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $key, "\")?);")]
            #[doc = concat!("assert_eq!(view.hangul(), Some(\"", $hangul, "\"));")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn hangul(&self) -> Option<&'e str> {
                self.explorer.graph.$table().hangul(self.id.0)
            }

            /// Other names, in data order.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $key, "\")?);")]
            #[doc = concat!("assert_eq!(view.aliases().next(), Some(\"", $alias, "\"));")]
            /// // An alias finds the record too.
            #[doc = concat!("assert_eq!(explorer.", $what, "(\"", $alias, "\")?, view.id());")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'e str> + 'e {
                self.explorer.graph.$table().aliases(self.id.0)
            }

            /// Whether the whole record is kept only as an unverified claim.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $key, "\")?);")]
            /// assert!(!view.is_unverified());
            /// // The mark is the stored record's confidence.
            #[doc = concat!("for id in explorer.", stringify!($section), "() {")]
            ///     let v = explorer.get(id);
            ///     let confidence = v.record().unwrap().confidence;
            ///     assert_eq!(v.is_unverified(), confidence.is_unverified());
            /// }
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn is_unverified(&self) -> bool {
                self.explorer.graph.$table().is_unverified(self.id.0)
            }

            #[doc = concat!("The full stored ", $what, ", when the source had one (the RON")]
            /// catalog does; an IMDb import keeps only the columns).
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $name, "\")?);")]
            /// let record = view.record().unwrap();
            #[doc = concat!("assert_eq!(record.id, \"", $key, "\");")]
            /// assert!(record.sources.iter().all(|s| s.starts_with("http")));
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn record(&self) -> Option<&'e $record> {
                let d = self.explorer.graph.details()?;
                d.records.$section.get(self.id.index())
            }

            /// The name with the Hangul name, as answers print it.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let view = explorer.get(explorer.", $what, "(\"", $key, "\")?);")]
            #[doc = concat!("assert_eq!(view.label(), \"", $label, "\");")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
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
named_view!(
    PersonRef,
    PersonId,
    people,
    Person,
    people,
    "person",
    "park-seo-joon",
    "Park Seo-joon",
    "박서준",
    "Park Seo-jun",
    "Park Seo-joon (박서준)"
);

impl<'e> PersonRef<'e> {
    /// The year of birth, when the source gives it.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.get(explorer.person("Park Seo-joon")?).born(), Some(1988));
    /// assert_eq!(explorer.get(explorer.person("Daesung")?).born(), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn born(&self) -> Option<i32> {
        self.explorer.graph.born(self.id)
    }

    /// The name made unique (see [`Explorer::display_name`]).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let young = explorer.get(explorer.person("lee-min-ho-1993")?);
    /// assert_eq!(young.name(), "Lee Min-ho");
    /// assert_eq!(young.display_name(), "Lee Min-ho [lee-min-ho-1993]");
    /// assert_eq!(explorer.get(explorer.person("IU")?).display_name(), "IU");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn display_name(&self) -> Cow<'e, str> {
        self.explorer.display_name(self.id.into())
    }

    /// What tells this person apart from a namesake, when the source says.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let bora = explorer.get(explorer.person("bora")?);
    /// assert_eq!(bora.disambiguation(), Some("singer, member of SISTAR"));
    /// assert_eq!(explorer.get(explorer.person("IU")?).disambiguation(), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
named_view!(
    GroupRef,
    GroupId,
    groups,
    Group,
    groups,
    "group",
    "wooga-squad",
    "Wooga Squad",
    "우가팸",
    "Wooga family",
    "Wooga Squad (우가팸)"
);

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
    "organisation",
    "oriental-brewery",
    "Oriental Brewery",
    "OB맥주",
    "OB",
    "Oriental Brewery (OB맥주)"
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
named_view!(
    WorkRef,
    WorkId,
    works,
    Work,
    works,
    "work",
    "haru-haru",
    "Haru Haru",
    "하루하루",
    "Day by Day",
    "Haru Haru (2008)"
);

impl<'e> WorkRef<'e> {
    /// The title (the same as [`WorkRef::name`]).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let work = explorer.get(explorer.work("Day by Day")?);
    /// assert_eq!(work.title(), "Haru Haru");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn title(&self) -> &'e str {
        self.name()
    }

    /// The kind of work.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.get(explorer.work("Dream High 2")?).kind(), WorkKind::Drama);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn kind(&self) -> WorkKind {
        self.explorer
            .graph
            .index()
            .work_attributes(self.id.index())
            .1
    }

    /// The year of first release, when the source gives it.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.get(explorer.work("Kiss")?).year(), Some(2009));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn year(&self) -> Option<i32> {
        let y = self
            .explorer
            .graph
            .index()
            .work_attributes(self.id.index())
            .0;
        (y != crate::graph::UNKNOWN_YEAR).then_some(y)
    }

    /// The named sets the work belongs to (`article` for the twelve videos
    /// of the seed article), when the source keeps them.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.get(explorer.work("Haru Haru")?);
    /// assert_eq!(haru.collections().collect::<Vec<_>>(), ["article"]);
    /// let cf = explorer.get(explorer.work("Cass 2X CF")?);
    /// assert_eq!(cf.collections().count(), 0, "not one of the article's videos");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn collections(&self) -> impl Iterator<Item = &'e str> + 'e {
        self.record()
            .into_iter()
            .flat_map(|w| w.collections.iter().map(String::as_str))
    }

    /// The release date as precisely as the source gives it (only the year
    /// for imported data).
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let released = |title| {
    ///     let work = explorer.get(explorer.work(title).unwrap());
    ///     work.released().unwrap().to_string()
    /// };
    /// assert_eq!(released("Haru Haru"), "2008-08-08");
    /// assert_eq!(released("Kiss"), "2009-09"); // the sources disagree on the day
    /// assert_eq!(released("Cass 2X CF"), "2009");
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let featured = explorer
    ///     .credits_of(kiss.into())
    ///     .map(|c| explorer.get(c))
    ///     .find(|c| c.role_kind() == RoleKind::Featured)
    ///     .unwrap();
    /// assert_eq!(explorer.ends(featured.id()), (explorer.person("CL")?.into(), kiss.into()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn id(&self) -> CreditId {
        self.id
    }

    /// The subject: the person, group or organisation credited.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let sequel_of = explorer
    ///     .credits_of(kiss.into())
    ///     .map(|c| explorer.get(c))
    ///     .find(|c| c.role_kind() == RoleKind::SequelOf)
    ///     .unwrap();
    /// assert_eq!(sequel_of.from(), explorer.work("Kiss (sequel)")?.into());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from(&self) -> Entity {
        self.ends().0
    }

    /// The object: the work, group or organisation.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let dara = explorer.person("Dara")?;
    /// let membership = explorer
    ///     .credits_of(dara.into())
    ///     .map(|c| explorer.get(c))
    ///     .find(|c| c.role_kind() == RoleKind::Member)
    ///     .unwrap();
    /// assert_eq!(membership.to(), explorer.group("2NE1")?.into());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let teddy = explorer.person("Teddy Park")?;
    /// let kiss = explorer.work("Kiss")?;
    /// let mut credits = explorer.credits_of(kiss.into()).map(|c| explorer.get(c));
    /// let credit = credits.find(|c| c.from() == teddy.into());
    /// assert_eq!(credit.unwrap().role_kind(), RoleKind::MusicProducer);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn role_kind(&self) -> RoleKind {
        self.explorer
            .graph
            .role_kind(self.id)
            .expect("a credit id of this explorer")
    }

    /// The role with its details (billing, character, membership years)
    /// as the source gives them.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let sequel = explorer.work("Kiss (sequel)")?;
    /// let dara = explorer.person("Dara")?;
    /// let mut credits = explorer.credits_of(sequel.into()).map(|c| explorer.get(c));
    /// let credit = credits.find(|c| c.from() == dara.into());
    /// let role = credit.unwrap().role();
    /// assert_eq!(role.to_string(), "cast (lead) as bartender at an elite restaurant");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn role(&self) -> Cow<'e, Role> {
        match self.record() {
            Some(c) => Cow::Borrowed(&c.role),
            None => Cow::Owned(role_of(self.role_kind())),
        }
    }

    /// Whether the credit is kept only as an unverified claim.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// // Only the article tells of a sequel of "Kiss": every credit of it is a claim.
    /// let sequel = explorer.work("Kiss (sequel)")?;
    /// assert!(explorer.credits_of(sequel.into()).all(|c| explorer.get(c).is_unverified()));
    /// let haru = explorer.work("Haru Haru")?;
    /// assert!(explorer.credits_of(haru.into()).all(|c| !explorer.get(c).is_unverified()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn is_unverified(&self) -> bool {
        self.explorer.graph.credit_unverified(self.id)
    }

    /// The full stored credit, when the source had one.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RoleKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let cf = explorer.work("Cass 2X CF")?;
    /// let tie_in = explorer
    ///     .credits_of(cf.into())
    ///     .map(|c| explorer.get(c))
    ///     .find(|c| c.role_kind() == RoleKind::TieIn)
    ///     .unwrap();
    /// let record = tie_in.record().unwrap();
    /// assert_eq!((record.from.as_str(), record.to.as_str()), ("cass-2x-cf", "oriental-brewery"));
    /// let notes = record.notes.as_deref();
    /// assert_eq!(notes, Some("Commercial for Oriental Brewery's Cass 2X beer."));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// let credit = explorer.get(explorer.credits_of(haru.into()).next().unwrap());
    /// let at = credit.location().unwrap();
    /// assert_eq!(at.file, "data/music_videos.ron");
    /// assert_eq!(Some(at), explorer.credit_location(credit.id()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn location(&self) -> Option<&'e crate::error::Location> {
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
