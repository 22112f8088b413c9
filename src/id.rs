//! Typed ids: small copyable handles into an [`Explorer`](crate::Explorer).
//!
//! An id is only meaningful for the explorer that handed it out, and it
//! knows which one that is: every id carries the tag of the graph that made
//! it (clones of an explorer share it, since they hold the same records).
//! Passing an id to another explorer is a programming error, like indexing a
//! slice past its end: every method that takes an id panics then, with a
//! message that says so (each says it under `# Panics`), instead of naming
//! whichever record sits at the same position there.
//! [`Explorer::contains`](crate::Explorer::contains) tells beforehand.
//!
//! Ids never expose petgraph indices; read records with
//! [`Explorer::get`](crate::Explorer::get). With the `serde` feature an id
//! is written as its index alone.

use std::sync::atomic::{AtomicU32, Ordering};

/// Which graph made an id: a number no other graph of this process has
/// (until 2³² graphs have been built, when the count wraps).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Tag(pub(crate) u32);

impl Tag {
    /// A tag no graph has had yet (0 is the empty default graph's).
    pub(crate) fn fresh() -> Tag {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        Tag(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $all:ident) => {
        $(#[$doc])*
        ///
        /// Ids order by position; their `Debug` form shows the position and
        /// the explorer's tag (`PersonId(3 @2)`).
        ///
        /// # Example
        ///
        /// ```
        /// let explorer = hallyu::Explorer::bundled();
        #[doc = concat!("let ids: Vec<_> = explorer.", stringify!($all), "().collect();")]
        #[doc = concat!("let second: hallyu::", stringify!($name), " = ids[1];")]
        /// assert!(ids.is_sorted(), "in data order, which is position order");
        /// assert_eq!(explorer.get(second).id(), second);
        /// let debug = format!("{second:?}");
        #[doc = concat!("assert!(debug.starts_with(\"", stringify!($name), "(1 @\"));")]
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub(crate) u32, pub(crate) Tag);

        impl $name {
            /// The position of the record in the explorer's list, from 0.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let first = explorer.", stringify!($all), "().next().unwrap();")]
            /// assert_eq!(first.index(), 0);
            /// ```
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({} @{})", stringify!($name), self.0, (self.1).0)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u32(self.0)
            }
        }
    };
}

typed_id!(
    /// A person of an [`Explorer`](crate::Explorer).
    PersonId,
    people
);
typed_id!(
    /// A group of an [`Explorer`](crate::Explorer).
    GroupId,
    groups
);
typed_id!(
    /// A work of an [`Explorer`](crate::Explorer).
    WorkId,
    works
);
typed_id!(
    /// An organisation of an [`Explorer`](crate::Explorer).
    OrganisationId,
    organisations
);
typed_id!(
    /// A credit (a link between two records) of an [`Explorer`](crate::Explorer).
    CreditId,
    credits
);

/// Any record of an [`Explorer`](crate::Explorer).
///
/// # Example
///
/// ```
/// use hallyu::{Entity, Explorer};
///
/// let explorer = Explorer::bundled();
/// match explorer.lookup("빅뱅")? {
///     Entity::Group(bigbang) => assert_eq!(explorer.get(bigbang).name(), "BIGBANG"),
///     other => panic!("a group, not {other:?}"),
/// }
/// let iu = explorer.person("IU")?;
/// assert_eq!(Entity::from(iu), Entity::Person(iu));
/// assert_eq!(explorer.lookup("아이유")?, iu.into());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Entity {
    /// A person.
    Person(PersonId),
    /// A group.
    Group(GroupId),
    /// A work.
    Work(WorkId),
    /// An organisation.
    Organisation(OrganisationId),
}

impl Entity {
    /// The tag of the graph that made the id.
    pub(crate) fn tag(self) -> Tag {
        match self {
            Entity::Person(x) => x.1,
            Entity::Group(x) => x.1,
            Entity::Work(x) => x.1,
            Entity::Organisation(x) => x.1,
        }
    }

    /// The kind of record.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::RecordKind;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// assert_eq!(explorer.lookup("Haru Haru")?.kind(), RecordKind::Work);
    /// assert_eq!(explorer.lookup("zanybros")?.kind().to_string(), "organisation");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn kind(self) -> crate::model::RecordKind {
        use crate::model::RecordKind;
        match self {
            Entity::Person(_) => RecordKind::Person,
            Entity::Group(_) => RecordKind::Group,
            Entity::Work(_) => RecordKind::Work,
            Entity::Organisation(_) => RecordKind::Organisation,
        }
    }
}

/// `From<$id> for Entity`, the variant `$variant`.
macro_rules! entity_from {
    ($($id:ident => $variant:ident),*) => {$(
        impl From<$id> for Entity {
            fn from(id: $id) -> Entity {
                Entity::$variant(id)
            }
        }
    )*};
}

entity_from!(
    PersonId => Person,
    GroupId => Group,
    WorkId => Work,
    OrganisationId => Organisation
);
