//! Typed ids: small copyable handles into an [`Explorer`](crate::Explorer).
//!
//! An id is only meaningful for the explorer that handed it out. Ids never
//! expose petgraph indices; read records with [`Explorer::get`](crate::Explorer::get).

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
        #[repr(transparent)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The position of the record in the explorer's list, from 0.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub(crate) fn new(index: usize) -> $name {
                $name(u32::try_from(index).expect("fewer than 2^32 records"))
            }
        }
    };
}

typed_id!(
    /// A person of an [`Explorer`](crate::Explorer).
    PersonId
);
typed_id!(
    /// A group of an [`Explorer`](crate::Explorer).
    GroupId
);
typed_id!(
    /// A work of an [`Explorer`](crate::Explorer).
    WorkId
);
typed_id!(
    /// An organisation of an [`Explorer`](crate::Explorer).
    OrganisationId
);
typed_id!(
    /// A credit (a link between two records) of an [`Explorer`](crate::Explorer).
    CreditId
);

/// Any record of an [`Explorer`](crate::Explorer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "lowercase")
)]
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
    /// The kind of record.
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
