//! The questions an [`Explorer`](crate::Explorer) answers, one file each.
//! Everything public here is re-exported at the crate root.

pub(crate) mod costars;
pub(crate) mod path;
pub(crate) mod works;

pub use costars::{CoAppearances, CoStar, Credited, SharedWork};
pub use path::{Path, Step};
