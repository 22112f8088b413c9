//! The questions an [`Explorer`](crate::Explorer) answers, one file each.

pub(crate) mod costars;
pub(crate) mod path;
pub(crate) mod works;
