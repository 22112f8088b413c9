//! The questions an [`Explorer`](crate::Explorer) answers, one file each.
//! The public types are re-exported by name at the crate root.

pub(crate) mod all_paths;
pub(crate) mod centrality;
pub(crate) mod components;
pub(crate) mod costars;
pub(crate) mod distance;
pub(crate) mod graph;
pub(crate) mod introduce;
pub(crate) mod neighbourhood;
pub(crate) mod path;
pub(crate) mod projection;
pub(crate) mod traverse;
pub(crate) mod works;
